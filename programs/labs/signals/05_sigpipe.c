/* labs/signals/05_sigpipe -- writing into a pipe nobody reads.
 *
 * When the last read end of a pipe is closed, data written to it can never be
 * read, so the kernel stops the writer: write() raises SIGPIPE, whose default
 * action terminates the process.  That is how `yes | head -1` ends: head
 * exits after one line and `yes`, blocked or not, dies of SIGPIPE at its
 * next write.  A program that wants to handle the error itself ignores
 * SIGPIPE; write() then fails with EPIPE instead.
 * Part 1 plays `yes | head -1`; part 2 writes with SIGPIPE ignored. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <signal.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/wait.h>

int main(void)
{
    int p[2], status;
    char line[3];
    pid_t pid;

    /* Part 1: the writer is killed. */
    pipe(p);
    fflush(stdout);
    pid = fork();
    if (pid == 0) {                     /* `yes` */
        close(p[0]);
        for (;;)
            write(p[1], "y\n", 2);
    }
    close(p[1]);                        /* `head -1` */
    read(p[0], line, 2);
    line[2] = '\0';
    printf("part 1: the reader got \"%c\" and closes its end\n", line[0]);
    close(p[0]);
    waitpid(pid, &status, 0);
    if (WIFSIGNALED(status))
        printf("part 1: the writer was killed by signal %d (SIGPIPE is %d)\n", WTERMSIG(status), SIGPIPE);

    /* Part 2: SIGPIPE ignored, the error comes back from write. */
    signal(SIGPIPE, SIG_IGN);
    pipe(p);
    close(p[0]);
    if (write(p[1], "lost", 4) < 0)
        printf("part 2: write failed with %s: %s\n", errno == EPIPE ? "EPIPE" : "?", strerror(errno));
    close(p[1]);
    return 0;
}
