/* labs/signals/02_reliable_vs_realtime -- standard signals are not queued,
 * real-time signals are.
 *
 * For a standard signal the kernel keeps a single "pending" bit: sending it
 * five times while it is blocked still means one delivery.  Real-time signals
 * (SIGRTMIN..SIGRTMAX) are queued: every instance is kept with the value
 * sigqueue attached to it, and all are delivered, in the order they were sent.
 * When several different signals are pending, the lowest-numbered goes first.
 * The parent blocks SIGUSR1, SIGRTMIN and SIGRTMIN+1; a child sends five
 * SIGUSR1, five SIGRTMIN+1 and three SIGRTMIN, each with a value, and exits.
 * Then the parent unblocks them.  The SA_SIGINFO handler logs each delivery
 * with its value; its sa_mask blocks everything, so deliveries never nest and
 * the log shows the kernel's order.  The parent prints the log afterwards. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/wait.h>

#define LOGMAX 32

static volatile int nlog = 0;
static int log_sig[LOGMAX], log_value[LOGMAX];

static void on_signal(int sig, siginfo_t *info, void *context)
{
    if (nlog < LOGMAX) {
        log_sig[nlog] = sig;
        log_value[nlog] = info->si_value.sival_int;
        nlog++;
    }
}

static void send_with_value(pid_t to, int sig, int value)
{
    union sigval v;
    v.sival_int = value;
    sigqueue(to, sig, v);
}

static void name(int sig, char *out)
{
    if (sig == SIGUSR1)
        strcpy(out, "SIGUSR1");
    else if (sig == SIGRTMIN)
        strcpy(out, "SIGRTMIN");
    else
        sprintf(out, "SIGRTMIN+%d", sig - SIGRTMIN);
}

int main(void)
{
    struct sigaction sa;
    sigset_t set, old;
    char label[16];
    pid_t parent = getpid(), pid;
    int i;

    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_signal;
    sa.sa_flags = SA_SIGINFO;
    sigfillset(&sa.sa_mask);
    sigaction(SIGUSR1, &sa, NULL);
    sigaction(SIGRTMIN, &sa, NULL);
    sigaction(SIGRTMIN + 1, &sa, NULL);

    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigaddset(&set, SIGRTMIN);
    sigaddset(&set, SIGRTMIN + 1);
    sigprocmask(SIG_BLOCK, &set, &old);

    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        for (i = 1; i <= 5; i++)
            send_with_value(parent, SIGUSR1, i);
        for (i = 1; i <= 5; i++)
            send_with_value(parent, SIGRTMIN + 1, 100 + i);
        for (i = 1; i <= 3; i++)
            send_with_value(parent, SIGRTMIN, 200 + i);
        exit(0);
    }
    waitpid(pid, NULL, 0);
    printf("sent 5 x SIGUSR1, 5 x SIGRTMIN+1, 3 x SIGRTMIN while blocked\n");
    sigprocmask(SIG_SETMASK, &old, NULL);       /* all pending ones are delivered here */

    printf("%d deliveries:\n", nlog);
    for (i = 0; i < nlog; i++) {
        name(log_sig[i], label);
        printf("  %-11s value %d\n", label, log_value[i]);
    }
    return 0;
}
