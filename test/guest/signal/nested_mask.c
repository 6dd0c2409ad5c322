/* Handlers nest: a handler interrupted by another signal resumes where it was;
 * inside a handler its own signal and its sa_mask are blocked, and the mask the
 * handler was entered with comes back when it returns -- also when the handler
 * changed the mask itself. With two signals pending at once and no sa_mask, the
 * higher one's handler runs first (its frame is pushed last); with a full
 * sa_mask they run lowest first. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static char trail[256];
static volatile int depth;

static int blocked(int sig)
{
    sigset_t cur;
    sigprocmask(SIG_BLOCK, NULL, &cur);
    return sigismember(&cur, sig);
}

static void note(const char *s) { strcat(trail, s); }

static void on_usr2(int sig)
{
    note("<usr2");
    note(blocked(SIGUSR2) ? " self" : " open");
    note(blocked(SIGTERM) ? " term" : "");
    note(">");
}

static void on_usr1(int sig)
{
    sigset_t s;
    note("<usr1");
    if (depth++ == 0) {
        raise(SIGUSR2);
        note(" back");
        sigemptyset(&s);
        sigaddset(&s, SIGHUP);
        sigprocmask(SIG_BLOCK, &s, NULL);
    }
    note(">");
}

static void on_order(int sig)
{
    note(sig == SIGUSR1 ? "[1]" : "[2]");
}

static void install(int sig, void (*h)(int), int full)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = h;
    if (full)
        sigfillset(&sa.sa_mask);
    else
        sigemptyset(&sa.sa_mask);
    if (sig == SIGUSR2 && !full)
        sigaddset(&sa.sa_mask, SIGTERM);
    sigaction(sig, &sa, NULL);
}

int main(void)
{
    sigset_t s, none;

    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    install(SIGUSR1, on_usr1, 0);
    install(SIGUSR2, on_usr2, 0);
    raise(SIGUSR1);
    printf("nested: %s\n", trail);
    printf("after: USR1 blocked %d, USR2 blocked %d, TERM blocked %d, HUP blocked %d\n", blocked(SIGUSR1),
           blocked(SIGUSR2), blocked(SIGTERM), blocked(SIGHUP));

    sigemptyset(&s);
    sigaddset(&s, SIGUSR1);
    sigaddset(&s, SIGUSR2);
    install(SIGUSR1, on_order, 0);
    install(SIGUSR2, on_order, 0);
    trail[0] = '\0';
    sigprocmask(SIG_BLOCK, &s, NULL);
    raise(SIGUSR2);
    raise(SIGUSR1);
    sigprocmask(SIG_UNBLOCK, &s, NULL);
    printf("no sa_mask: %s\n", trail);

    install(SIGUSR1, on_order, 1);
    install(SIGUSR2, on_order, 1);
    trail[0] = '\0';
    sigprocmask(SIG_BLOCK, &s, NULL);
    raise(SIGUSR2);
    raise(SIGUSR1);
    sigprocmask(SIG_UNBLOCK, &s, NULL);
    printf("full sa_mask: %s\n", trail);
    return 0;
}
