/* signal/sigqueue_limit: the user's processes may have SIGQUEUE_MAX (4096)
 * real-time signals queued in all, as Linux's RLIMIT_SIGPENDING counts per user.
 * Past it sigqueue fails with EAGAIN -- in a child too, whose own queue is empty --
 * while kill still succeeds: a signal not yet pending becomes pending without its
 * siginfo (delivered once, with si_code SI_USER and no sender), one already
 * pending is lost. Delivery gives the places back. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile int got[2], lost_pid = -1, lost_code = -1;

static void on_rt(int sig, siginfo_t *si, void *uc)
{
    got[sig - SIGRTMIN]++;
    if (sig == SIGRTMIN + 1) {
        lost_pid = si->si_pid;
        lost_code = si->si_code;
    }
}

static const char *result(int r)
{
    return r < 0 ? strerror(errno) : "works";
}

int main(void)
{
    struct sigaction sa;
    sigset_t block;
    union sigval v;
    int n = 0, status;

    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_rt;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGRTMIN, &sa, NULL);
    sigaction(SIGRTMIN + 1, &sa, NULL);
    sigemptyset(&block);
    sigaddset(&block, SIGRTMIN);
    sigaddset(&block, SIGRTMIN + 1);
    sigprocmask(SIG_BLOCK, &block, NULL);

    v.sival_int = 7;
    while (sigqueue(getpid(), SIGRTMIN, v) == 0)
        n++;
    printf("queued %d, then sigqueue: %s\n", n, strerror(errno));
    fflush(stdout);
    if (fork() == 0) {
        printf("in a child: %s\n", result(sigqueue(getpid(), SIGRTMIN, v)));
        exit(0);
    }
    wait(&status);
    printf("kill of the pending SIGRTMIN: %s\n", result(kill(getpid(), SIGRTMIN)));
    printf("kill of SIGRTMIN+1: %s\n", result(kill(getpid(), SIGRTMIN + 1)));
    printf("kill of it again: %s\n", result(kill(getpid(), SIGRTMIN + 1)));
    sigprocmask(SIG_UNBLOCK, &block, NULL);
    printf("delivered: SIGRTMIN %d times, SIGRTMIN+1 %d time (si_code %d, si_pid %d)\n", got[0], got[1], lost_code, lost_pid);
    printf("sigqueue after delivery: %s\n", result(sigqueue(getpid(), SIGRTMIN, v)));
    return 0;
}
// expect: queued 4096, then sigqueue: Resource temporarily unavailable
// expect: in a child: Resource temporarily unavailable
// expect: kill of the pending SIGRTMIN: works
// expect: kill of SIGRTMIN+1: works
// expect: kill of it again: works
// expect: delivered: SIGRTMIN 4096 times, SIGRTMIN+1 1 time (si_code 0, si_pid 0)
// expect: sigqueue after delivery: works
