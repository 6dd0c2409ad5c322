/* labs/signals/04_alarm_timeout -- a time limit around a blocking read.
 *
 * read() on an empty pipe sleeps until data comes or every writer is gone.
 * To give up after a while, set alarm(N): N seconds later the kernel sends
 * SIGALRM.  If the handler was installed WITHOUT SA_RESTART, the sleeping
 * read is interrupted and returns -1 with errno EINTR -- that is the timeout.
 * (With SA_RESTART the kernel would quietly restart the read and it would
 * keep waiting.)  When the data comes in time, alarm(0) cancels the alarm and
 * returns the seconds that were left.
 * Round 1: nobody writes (the parent itself holds the only write end, so no
 * end of file either) and the read times out.  Round 2: a child writes at
 * once and the read succeeds.  Under ipcvm's virtual clock the second of
 * waiting costs no real time. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <signal.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/wait.h>

static volatile sig_atomic_t alarms = 0;

static void on_alarm(int sig)
{
    alarms++;
}

/* Reads into buf, giving up after `seconds`; returns what read returned. */
static int read_with_timeout(int fd, char *buf, int size, int seconds, int *left)
{
    int n;
    alarm(seconds);
    n = read(fd, buf, size);
    *left = alarm(0);                   /* cancel, and see what was left */
    return n;
}

int main(void)
{
    struct sigaction sa;
    char buf[64];
    int p[2], n, left;
    pid_t pid;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sa.sa_flags = 0;                    /* no SA_RESTART: let the alarm interrupt */
    sigemptyset(&sa.sa_mask);
    sigaction(SIGALRM, &sa, NULL);

    pipe(p);
    n = read_with_timeout(p[0], buf, sizeof buf - 1, 1, &left);
    if (n < 0 && errno == EINTR)
        printf("round 1: read interrupted (EINTR) after the alarm: timed out\n");
    else
        printf("round 1: read returned %d?\n", n);

    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        write(p[1], "right on time", 13);
        exit(0);
    }
    n = read_with_timeout(p[0], buf, sizeof buf - 1, 5, &left);
    if (n > 0) {
        buf[n] = '\0';
        printf("round 2: read \"%s\", alarm cancelled with time to spare: %s\n", buf, left > 0 ? "yes" : "no");
    }
    waitpid(pid, NULL, 0);
    printf("SIGALRM handled %d time(s)\n", (int)alarms);
    close(p[0]);
    close(p[1]);
    return 0;
}
