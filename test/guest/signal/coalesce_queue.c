/* Standard signals coalesce while blocked: ten kill()s of SIGUSR1, by the process
 * itself and by a child, give one delivery. Real-time signals queue: ten
 * sigqueue()s of SIGRTMIN+1 and SIGRTMIN arrive as twenty deliveries, lowest
 * signal first, each signal's instances in sending order with their values. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile int usr1;
static int log_sig[32], log_val[32], log_code[32];
static volatile int n;

static void on_usr1(int sig) { usr1++; }

static void on_rt(int sig, siginfo_t *si, void *uc)
{
    log_sig[n] = sig;
    log_val[n] = si->si_value.sival_int;
    log_code[n] = si->si_code;
    n++;
}

int main(void)
{
    struct sigaction sa;
    sigset_t block, old, pend;
    union sigval v;
    int i, status;
    pid_t pid;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr1;
    sigaction(SIGUSR1, &sa, NULL);
    sa.sa_sigaction = on_rt;
    sa.sa_flags = SA_SIGINFO;
    sigfillset(&sa.sa_mask);
    sigaction(SIGRTMIN, &sa, NULL);
    sigaction(SIGRTMIN + 1, &sa, NULL);

    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    sigaddset(&block, SIGRTMIN);
    sigaddset(&block, SIGRTMIN + 1);
    sigprocmask(SIG_BLOCK, &block, &old);
    for (i = 0; i < 5; i++)
        kill(getpid(), SIGUSR1);
    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        for (i = 0; i < 5; i++)
            kill(getppid(), SIGUSR1);
        _exit(0);
    }
    waitpid(pid, &status, 0);
    sigpending(&pend);
    printf("usr1 pending %d, delivered %d\n", sigismember(&pend, SIGUSR1), usr1);
    for (i = 0; i < 10; i++) {
        v.sival_int = 100 + i;
        sigqueue(getpid(), SIGRTMIN + 1, v);
        v.sival_int = i;
        sigqueue(getpid(), SIGRTMIN, v);
    }
    printf("before unblocking: %d real-time deliveries\n", n);
    sigprocmask(SIG_SETMASK, &old, NULL);
    printf("usr1 delivered %d time(s)\n", usr1);
    printf("%d real-time deliveries:", n);
    for (i = 0; i < n; i++)
        printf(" RTMIN+%d:%d", log_sig[i] - SIGRTMIN, log_val[i]);
    printf("\n");
    printf("si_code SI_QUEUE: %s\n", log_code[0] == SI_QUEUE && log_code[19] == SI_QUEUE ? "yes" : "no");
    return 0;
}
