/* The parent's SIGCHLD disposition decides what a child's exit leaves: by
 * default a zombie until waited for; with SA_NOCLDWAIT the handler still runs
 * but the child is reaped at once (wait fails with ECHILD, kill(pid, 0) with
 * ESRCH); with SIG_IGN the same without a signal, and a blocked wait() returns
 * ECHILD once the last child has gone. A child killed by a signal is reported
 * with CLD_KILLED and the signal number. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile int code, status_seen, handled;

static void on_chld(int sig, siginfo_t *si, void *uc)
{
    handled++;
    code = si->si_code;
    status_seen = si->si_status;
}

static void install(void *handler, int flags)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    if (handler == SIG_IGN)
        sa.sa_handler = SIG_IGN;
    else
        sa.sa_sigaction = (void (*)(int, siginfo_t *, void *))handler;
    sa.sa_flags = flags;
    sigaction(SIGCHLD, &sa, NULL);
}

int main(void)
{
    int status, r, e;
    pid_t pid, a, b;
    sigset_t chld, old;

    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);

    install((void *)on_chld, SA_SIGINFO);
    fflush(stdout);
    pid = fork();
    if (pid == 0)
        for (;;)
            pause();
    kill(pid, SIGKILL);
    r = waitpid(pid, &status, 0);
    printf("killed child: waitpid %s, handler %d, CLD_KILLED %d, si_status %d\n", r == pid ? "ok" : "failed", handled,
           code == CLD_KILLED, status_seen);

    handled = 0;
    install((void *)on_chld, SA_SIGINFO | SA_NOCLDWAIT);
    sigprocmask(SIG_BLOCK, &chld, &old);
    fflush(stdout);
    pid = fork();
    if (pid == 0)
        _exit(4);
    sigsuspend(&old);
    sigprocmask(SIG_SETMASK, &old, NULL);
    errno = 0;
    r = kill(pid, 0);
    e = errno;
    printf("SA_NOCLDWAIT: handler %d, CLD_EXITED %d, si_status %d, kill(pid, 0) %s\n", handled, code == CLD_EXITED,
           status_seen, r < 0 && e == ESRCH ? "ESRCH" : "found");
    errno = 0;
    r = waitpid(pid, &status, 0);
    printf("SA_NOCLDWAIT: waitpid %d %s\n", r, errno == ECHILD ? "ECHILD" : "other");

    handled = 0;
    install(SIG_IGN, 0);
    fflush(stdout);
    a = fork();
    if (a == 0)
        _exit(1);
    b = fork();
    if (b == 0) {
        usleep(20000);
        _exit(2);
    }
    errno = 0;
    r = wait(&status);
    e = errno;
    printf("SIG_IGN: wait %d %s, handler %d, kill(a, 0) %d, kill(b, 0) %d\n", r, e == ECHILD ? "ECHILD" : "other", handled,
           kill(a, 0), kill(b, 0));
    return 0;
}
