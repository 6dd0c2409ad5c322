/* fork_wait: fork a child that exits at once with _exit, and reap it with
 * waitpid (lmbench's fork+exit). argv[1] = children (default 10000). ops = children.
 * Checked: every child's exit status comes back (each exits with i & 127, so a
 * mixed-up status is caught). */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/wait.h>

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 10000;
    int i, status;
    fflush(stdout);
    for (i = 0; i < n; i++) {
        pid_t pid = fork();
        if (pid < 0) {
            perror("fork");
            return 1;
        }
        if (pid == 0)
            _exit(i & 127);
        if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != (i & 127)) {
            printf("FAIL: child %d: bad wait status\n", i);
            return 1;
        }
    }
    printf("fork_wait: %d children forked and reaped\n", n);
    printf("ops %d\n", n);
    return 0;
}
