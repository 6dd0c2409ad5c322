/* signal_pingpong: parent and child bounce SIGUSR1 with kill() and wait for it
 * with sigsuspend() (lmbench's signal round trip). SIGUSR1 stays blocked outside
 * sigsuspend, so no signal can slip between the check and the wait.
 * argv[1] = round trips (default 100000). ops = round trips.
 * Checked: each side's handler ran exactly once per round trip. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>

static volatile sig_atomic_t caught;

static void on_usr1(int sig)
{
    (void)sig;
    caught++;
}

static int wait_for_signal(const sigset_t *unblocked, int expected)
{
    while (caught < expected)
        sigsuspend(unblocked);
    return caught == expected;
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 100000;
    struct sigaction sa;
    sigset_t blocked, unblocked;
    int i, status, bad = 0;
    pid_t pid, parent = getpid();
    sa.sa_handler = on_usr1;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    sigaction(SIGUSR1, &sa, NULL);
    sigemptyset(&blocked);
    sigaddset(&blocked, SIGUSR1);
    sigprocmask(SIG_BLOCK, &blocked, &unblocked);
    sigdelset(&unblocked, SIGUSR1);
    fflush(stdout);
    pid = fork();
    if (pid < 0) {
        perror("fork");
        return 1;
    }
    if (pid == 0) {
        for (i = 1; i <= n; i++) {
            if (!wait_for_signal(&unblocked, i))
                _exit(1);
            if (kill(parent, SIGUSR1) < 0)
                _exit(2);
        }
        _exit(0);
    }
    for (i = 1; i <= n; i++) {
        if (kill(pid, SIGUSR1) < 0 || !wait_for_signal(&unblocked, i)) {
            bad = 1;
            kill(pid, SIGKILL);
            break;
        }
    }
    if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        bad = 1;
    if (bad) {
        printf("FAIL: signal ping-pong broke after %d signals\n", (int)caught);
        return 1;
    }
    printf("signal_pingpong: %d round trips, %d signals caught by each side\n", n, (int)caught);
    printf("ops %d\n", n);
    return 0;
}
