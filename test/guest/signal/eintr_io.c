/* Interrupted I/O calls, each without and with SA_RESTART: a caught SIGALRM
 * ends a blocked pipe read, pipe write, FIFO open and wait with EINTR, or
 * restarts it after the handler. A write that moved some bytes returns that
 * count instead. SIGCHLD and an ignored SIGUSR1 do not interrupt anything. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static int fds[2];
static volatile int caught;
static volatile int feed;  /* what the handler does: 1 write a byte, 2 read 8192 bytes */
static char big[100000];

static void on_alarm(int sig)
{
    char buf[8192];
    caught++;
    if (feed == 1)
        write(fds[1], "x", 1);
    else if (feed == 2)
        read(fds[0], buf, sizeof buf);
}

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

static void fill(void)
{
    int fl = fcntl(fds[1], F_GETFL);
    fcntl(fds[1], F_SETFL, fl | O_NONBLOCK);
    while (write(fds[1], big, 4096) > 0)
        ;
    fcntl(fds[1], F_SETFL, fl);
}

static void io_cases(const char *label, int flags)
{
    char c;
    int r, status;
    pid_t pid;
    char path[64];

    install(flags);
    pipe(fds);
    feed = 1;
    alarm(1);
    r = read(fds[0], &c, 1);
    printf("%s read: %d %s, handler ran %d\n", label, r, err(r), caught);

    close(fds[0]);
    close(fds[1]);
    install(flags);
    pipe(fds);
    fill();
    feed = 2;
    alarm(1);
    r = write(fds[1], "y", 1);
    printf("%s write on a full pipe: %d %s, handler ran %d\n", label, r, err(r), caught);
    close(fds[0]);
    close(fds[1]);

    install(flags);
    pipe(fds);
    feed = 0;
    alarm(1);
    r = write(fds[1], big, sizeof big);
    printf("%s large write: %d, handler ran %d\n", label, r, caught);
    close(fds[0]);
    close(fds[1]);

    install(flags);
    sprintf(path, "/tmp/eintr_fifo_%d", (int)getpid());
    mkfifo(path, 0600);
    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        int fd;
        sleep(2);
        fd = open(path, O_WRONLY | O_NONBLOCK);
        sleep(3);
        _exit(fd >= 0 ? 0 : 1);
    }
    alarm(1);
    r = open(path, O_RDONLY);
    printf("%s FIFO open: %s, handler ran %d\n", label, err(r), caught);
    if (r >= 0)
        close(r);
    unlink(path);

    install(flags);
    alarm(1);
    r = waitpid(pid, &status, 0);
    printf("%s waitpid: %s, handler ran %d\n", label, r == pid ? "the child" : err(r), caught);
    if (r != pid)
        waitpid(pid, &status, 0);
}

static void on_usr1(int sig)
{
    printf("SIGUSR1 handler must not run\n");
}

int main(void)
{
    char c;
    int r;
    pid_t quick, slow;

    io_cases("plain", 0);
    io_cases("SA_RESTART", SA_RESTART);

    signal(SIGUSR1, on_usr1);
    signal(SIGUSR1, SIG_IGN);
    pipe(fds);
    fflush(stdout);
    quick = fork();
    if (quick == 0)
        _exit(0);
    slow = fork();
    if (slow == 0) {
        kill(getppid(), SIGUSR1);
        sleep(1);
        write(fds[1], "z", 1);
        _exit(0);
    }
    r = read(fds[0], &c, 1);
    printf("read across SIGCHLD and an ignored SIGUSR1: %d %s '%c'\n", r, err(r), r == 1 ? c : '?');
    waitpid(quick, NULL, 0);
    waitpid(slow, NULL, 0);
    return 0;
}
