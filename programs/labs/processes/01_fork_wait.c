/* labs/processes/01_fork_wait -- first steps with fork, exit and waitpid.
 *
 * The parent starts four children.  Each child does a little work and reports
 * its result the only way a process can without any IPC: its exit status.  The
 * last child is killed by a signal instead.  The parent waits for them in the
 * order it created them and decodes each status with the <sys/wait.h> macros.
 * Only the low 8 bits of exit() reach the parent: exit(300) is seen as 44.
 * Children print nothing; the parent prints after each wait, so the output
 * never depends on which process the scheduler runs first. */
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/wait.h>

#define NCHILD 4

static int sum_to(int n)
{
    int i, s = 0;
    for (i = 1; i <= n; i++)
        s += i;
    return s;
}

static void child(int i)
{
    switch (i) {
    case 0:
        exit(sum_to(10));       /* 55 */
    case 1:
        exit(sum_to(20));       /* 210: still fits in 8 bits */
    case 2:
        exit(300);              /* does not fit: the parent sees 300 & 255 */
    default:
        kill(getpid(), SIGTERM); /* dies by a signal, never returns from exit */
        exit(99);
    }
}

int main(void)
{
    pid_t pids[NCHILD];
    int i, status;

    printf("parent: starting %d children\n", NCHILD);
    fflush(stdout);                     /* nothing buffered may be copied by fork */
    for (i = 0; i < NCHILD; i++) {
        pids[i] = fork();
        if (pids[i] < 0) {
            perror("fork");
            return 1;
        }
        if (pids[i] == 0)
            child(i);
    }
    for (i = 0; i < NCHILD; i++) {
        if (waitpid(pids[i], &status, 0) != pids[i]) {
            perror("waitpid");
            return 1;
        }
        if (WIFEXITED(status))
            printf("child %d: exited with status %d\n", i, WEXITSTATUS(status));
        else if (WIFSIGNALED(status))
            printf("child %d: killed by signal %d (SIGTERM is %d)\n", i, WTERMSIG(status), SIGTERM);
    }
    if (wait(&status) < 0)
        printf("one more wait: no children left (ECHILD)\n");
    return 0;
}
