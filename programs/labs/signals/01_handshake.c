/* labs/signals/01_handshake -- two processes take turns with signals only.
 *
 * The child sends SIGUSR1 ("your turn") to the parent; the parent answers
 * with SIGUSR2.  A signal carries no data, and a handler may run at any
 * moment, so the handlers only set a flag (of type volatile sig_atomic_t).
 * The safe way to wait for a signal: keep it BLOCKED with sigprocmask, check
 * the flag, and call sigsuspend, which unblocks it and sleeps in one atomic
 * step.  Checking the flag and then calling pause() instead leaves a gap: a
 * signal arriving between the check and pause() is handled before pause()
 * starts, and pause() then sleeps for ever.  Both signals are blocked before
 * fork, so the child inherits the mask and no signal can come too early. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/wait.h>

#define ROUNDS 3

static volatile sig_atomic_t got_usr1 = 0, got_usr2 = 0;

static void on_signal(int sig)
{
    if (sig == SIGUSR1)
        got_usr1 = 1;
    else
        got_usr2 = 1;
}

static void wait_for(volatile sig_atomic_t *flag, sigset_t *while_waiting)
{
    while (!*flag)
        sigsuspend(while_waiting);      /* returns -1/EINTR after a handler ran */
    *flag = 0;
}

int main(void)
{
    struct sigaction sa;
    sigset_t both, old;
    pid_t parent = getpid(), child;
    int k, status;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGUSR1, &sa, NULL);
    sigaction(SIGUSR2, &sa, NULL);
    sigemptyset(&both);
    sigaddset(&both, SIGUSR1);
    sigaddset(&both, SIGUSR2);
    sigprocmask(SIG_BLOCK, &both, &old);

    fflush(stdout);
    child = fork();
    if (child == 0) {
        for (k = 1; k <= ROUNDS; k++) {
            printf("child:  sending SIGUSR1 #%d\n", k);
            fflush(stdout);
            kill(parent, SIGUSR1);
            wait_for(&got_usr2, &old);
        }
        printf("child:  done\n");
        exit(0);
    }
    for (k = 1; k <= ROUNDS; k++) {
        wait_for(&got_usr1, &old);
        printf("parent: got it, answering with SIGUSR2 #%d\n", k);
        fflush(stdout);
        kill(child, SIGUSR2);
    }
    waitpid(child, &status, 0);
    printf("parent: child exited with %d\n", WEXITSTATUS(status));
    return 0;
}
