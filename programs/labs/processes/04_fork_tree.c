/* labs/processes/04_fork_tree -- a recursive computation where every call
 * is a process.
 *
 * fib(n) forks a child for fib(n-1), waits for it, then forks another for
 * fib(n-2) and waits again; each child returns its answer as its exit status
 * and the parent adds them up.  Waiting for the first child before starting
 * the second keeps at most n+1 processes alive at once (the depth of the
 * tree) although several hundred are created in all.  The same number is
 * counted through a pipe: every process writes one byte into it, and the top
 * process counts the bytes once all writers have closed their ends.
 * The answer must fit in an exit status (0..255): fib(13) = 233 does,
 * fib(14) = 377 would not. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/wait.h>

static int tally[2];                    /* one byte per process goes in here */

static int fib_in_child(int n);

static int fib(int n)
{
    write(tally[1], "x", 1);
    if (n < 2)
        return n;
    return fib_in_child(n - 1) + fib_in_child(n - 2);
}

static int fib_in_child(int n)
{
    int status;
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        exit(255);
    }
    if (pid == 0)
        exit(fib(n));
    waitpid(pid, &status, 0);
    return WEXITSTATUS(status);
}

int main(void)
{
    int n = 13, value, processes = 0;
    char buf[256];
    ssize_t got;

    pipe(tally);
    fflush(stdout);
    value = fib_in_child(n);
    close(tally[1]);                    /* now every write end is closed */
    while ((got = read(tally[0], buf, sizeof buf)) > 0)
        processes += got;
    close(tally[0]);
    printf("fib(%d) = %d\n", n, value);
    printf("computed by %d processes, never more than %d alive at once\n", processes, n + 1);
    return 0;
}
