/* Calls that SA_RESTART never restarts: msgsnd, msgrcv, semop, nanosleep
 * (which stores the time left), sleep (which returns the seconds left), pause
 * and sigsuspend (which restores the mask after the handler) all fail with
 * EINTR once a caught SIGALRM has run its handler -- with or without
 * SA_RESTART. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <time.h>
#include <unistd.h>

static volatile int caught;

static void on_alarm(int sig) { caught++; }

static void install(int flags)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sa.sa_flags = flags;
    sigaction(SIGALRM, &sa, NULL);
    caught = 0;
}

static const char *err(int r)
{
    return r >= 0 ? "ok" : errno == EINTR ? "EINTR" : strerror(errno);
}

struct msg {
    long type;
    char text[8192];
};

static struct msg m;

static void cases(const char *label, int flags)
{
    int q, sem, r;
    struct sembuf down = {0, -1, 0};
    struct timespec req, rem;
    sigset_t none, usr2, cur;
    unsigned left;

    q = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
    install(flags);
    alarm(1);
    r = msgrcv(q, &m, sizeof m.text, 0, 0);
    printf("%s msgrcv: %s, handler ran %d\n", label, err(r), caught);
    m.type = 1;
    msgsnd(q, &m, 8192, 0);
    msgsnd(q, &m, 8192, 0);
    install(flags);
    alarm(1);
    r = msgsnd(q, &m, 1, 0);
    printf("%s msgsnd on a full queue: %s, handler ran %d\n", label, err(r), caught);
    msgctl(q, IPC_RMID, NULL);

    sem = semget(IPC_PRIVATE, 1, IPC_CREAT | 0600);
    install(flags);
    alarm(1);
    r = semop(sem, &down, 1);
    printf("%s semop: %s, handler ran %d\n", label, err(r), caught);
    semctl(sem, 0, IPC_RMID);

    install(flags);
    alarm(2);
    req.tv_sec = 5;
    req.tv_nsec = 0;
    r = nanosleep(&req, &rem);
    printf("%s nanosleep(5 s): %s, handler ran %d, about %d s left\n", label, err(r), caught,
           (int)(rem.tv_sec + (rem.tv_nsec >= 500000000)));

    install(flags);
    alarm(1);
    left = sleep(4);
    printf("%s sleep(4) returned %u, handler ran %d\n", label, left, caught);

    install(flags);
    alarm(1);
    r = pause();
    printf("%s pause: %s, handler ran %d\n", label, err(r), caught);

    install(flags);
    sigemptyset(&usr2);
    sigaddset(&usr2, SIGUSR2);
    sigprocmask(SIG_SETMASK, &usr2, NULL);
    sigemptyset(&none);
    alarm(1);
    r = sigsuspend(&none);
    sigprocmask(SIG_SETMASK, NULL, &cur);
    printf("%s sigsuspend: %s, handler ran %d, SIGUSR2 blocked again %d\n", label, err(r), caught,
           sigismember(&cur, SIGUSR2));
    sigprocmask(SIG_SETMASK, &none, NULL);
}

int main(void)
{
    cases("plain", 0);
    cases("SA_RESTART", SA_RESTART);
    return 0;
}
