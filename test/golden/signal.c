/* The child signals its parent, which catches SIGUSR1 in pause(); then the
 * parent kills a second child that is blocked reading a pipe. */
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

static volatile sig_atomic_t got;

static void on_usr1(int sig)
{
    got = sig;
}

int main(void)
{
    struct sigaction sa;
    int fd[2];
    char c;
    int status;
    pid_t reader;
    sa.sa_handler = on_usr1;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    sigaction(SIGUSR1, &sa, NULL);
    if (fork() == 0) {
        kill(getppid(), SIGUSR1);
        _exit(0);
    }
    pause();
    wait(&status);
    pipe(fd);
    reader = fork();
    if (reader == 0) {
        read(fd[0], &c, 1);
        _exit(1);
    }
    sleep(1);
    kill(reader, SIGTERM);
    waitpid(reader, &status, 0);
    return 0;
}
