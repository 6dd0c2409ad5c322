/* Faults as signals: a SIGSEGV handler gets si_addr and SEGV_MAPERR, a SIGFPE
 * handler FPE_INTDIV; a fault whose signal is blocked or ignored still kills
 * (the kernel forces the default action); a stack overflow with a SIGSEGV
 * handler kills too, since there is no room left for the handler's frame. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile int zero;

static void on_segv(int sig, siginfo_t *si, void *uc)
{
    _exit(si->si_addr == (void *)16 && si->si_code == SEGV_MAPERR ? 3 : 30);
}

static void on_fpe(int sig, siginfo_t *si, void *uc)
{
    _exit(si->si_code == FPE_INTDIV ? 4 : 40);
}

static int deep(int n)
{
    volatile char pad[64];
    pad[0] = (char)n;
    return deep(n + 1) + pad[0];
}

static void catch_with(int sig, void (*h)(int, siginfo_t *, void *))
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = h;
    sa.sa_flags = SA_SIGINFO;
    sigaction(sig, &sa, NULL);
}

static void attempt(const char *what, int which)
{
    int status;
    sigset_t set;
    pid_t pid;
    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        switch (which) {
        case 0:
            catch_with(SIGSEGV, on_segv);
            *(volatile int *)16 = 1;
            break;
        case 1:
            catch_with(SIGFPE, on_fpe);
            zero = 7 / zero;
            break;
        case 2:
            sigemptyset(&set);
            sigaddset(&set, SIGSEGV);
            sigprocmask(SIG_BLOCK, &set, NULL);
            *(volatile int *)0 = 1;
            break;
        case 3:
            signal(SIGFPE, SIG_IGN);
            zero = 7 % zero;
            break;
        case 4:
            catch_with(SIGSEGV, on_segv);
            deep(0);
            break;
        }
        _exit(0);
    }
    waitpid(pid, &status, 0);
    if (WIFSIGNALED(status))
        printf("%-28s killed by signal %d\n", what, WTERMSIG(status));
    else
        printf("%-28s exited with %d\n", what, WEXITSTATUS(status));
}

int main(void)
{
    attempt("caught SIGSEGV:", 0);
    attempt("caught SIGFPE:", 1);
    attempt("blocked SIGSEGV:", 2);
    attempt("ignored SIGFPE:", 3);
    attempt("stack overflow, handler:", 4);
    return 0;
}
