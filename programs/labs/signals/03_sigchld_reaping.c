/* labs/signals/03_sigchld_reaping -- reaping children from a SIGCHLD handler.
 *
 * When a child exits it becomes a zombie (its exit status waits in the
 * kernel) and the parent gets SIGCHLD.  A server that cannot sit in wait()
 * reaps its children from the SIGCHLD handler instead.  Since SIGCHLD is a
 * standard signal, several children exiting close together may produce a
 * single delivery: a handler that calls wait() once would leave zombies.  The
 * handler must loop on waitpid(-1, ..., WNOHANG) until no exited child is
 * left.  The main program keeps SIGCHLD blocked and sleeps in sigsuspend
 * until all five are reaped.  Children exit in an order the scheduler
 * decides, so the statuses are sorted before printing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <signal.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/wait.h>

#define NCHILD 5

static volatile int reaped = 0, handler_runs = 0;
static int statuses[NCHILD];

static void on_sigchld(int sig)
{
    int status, saved = errno;         /* a handler must not change errno */
    pid_t pid;
    handler_runs++;
    while ((pid = waitpid(-1, &status, WNOHANG)) > 0)
        if (reaped < NCHILD)
            statuses[reaped++] = WEXITSTATUS(status);
    errno = saved;
}

static int by_value(const void *a, const void *b)
{
    return *(const int *)a - *(const int *)b;
}

int main(void)
{
    struct sigaction sa;
    sigset_t chld, old;
    int i, k;
    volatile int work;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigchld;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGCHLD, &sa, NULL);
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    sigprocmask(SIG_BLOCK, &chld, &old);

    fflush(stdout);
    for (i = 0; i < NCHILD; i++) {
        if (fork() == 0) {
            for (k = 0, work = 0; k < (NCHILD - i) * 20000; k++)
                work++;
            exit(10 * (i + 1));
        }
    }
    while (reaped < NCHILD)
        sigsuspend(&old);
    sigprocmask(SIG_SETMASK, &old, NULL);

    qsort(statuses, NCHILD, sizeof statuses[0], by_value);
    printf("reaped %d children, exit statuses:", reaped);
    for (i = 0; i < NCHILD; i++)
        printf(" %d", statuses[i]);
    printf("\n");
    printf("handler ran between 1 and %d times: %s\n", NCHILD,
           handler_runs >= 1 && handler_runs <= NCHILD ? "yes" : "no");
    printf("no zombie left, wait says: %s\n", wait(NULL) < 0 && errno == ECHILD ? "ECHILD" : "a child!");
    return 0;
}
