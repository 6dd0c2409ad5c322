/* Waits for SIGUSR1 and says so; run in the background and signalled with
 * `kill -USR1 %1`. */
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

static volatile sig_atomic_t got;

static void on_usr1(int sig)
{
    got = sig;
}

int main(void)
{
    signal(SIGUSR1, on_usr1);
    while (!got)
        pause();
    printf("got signal %d\n", got);
    return 0;
}
