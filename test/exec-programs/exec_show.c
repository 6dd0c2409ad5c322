/* Run by exec_state.c through execve: prints what it inherited. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ipc.h>
#include <sys/shm.h>

extern char **environ;

static const char *disposition(int sig)
{
    struct sigaction sa;
    sigaction(sig, NULL, &sa);
    return sa.sa_handler == SIG_DFL ? "default" : sa.sa_handler == SIG_IGN ? "ignored" : "caught";
}

int main(int argc, char **argv)
{
    char buf[8];
    sigset_t mask, pending;
    struct shmid_ds ds;
    int i, n;
    for (i = 0; i < argc; i++)
        printf("argv[%d] = \"%s\"\n", i, argv[i]);
    for (i = 0; environ[i] != NULL; i++)
        if (strncmp(environ[i], "OLDPID=", 7) != 0)
            printf("env: %s\n", environ[i]);
    printf("same pid: %s\n", atoi(getenv("OLDPID")) == getpid() ? "yes" : "no");
    n = read(3, buf, 4);
    printf("fd 3: %d bytes \"%.*s\"\n", n, n > 0 ? n : 0, buf);
    printf("fd 4: %s\n", read(4, buf, 1) < 0 ? strerror(errno) : "open");
    printf("fd 5: %s\n", read(5, buf, 1) < 0 ? strerror(errno) : "open");
    printf("SIGUSR1 %s, SIGUSR2 %s\n", disposition(SIGUSR1), disposition(SIGUSR2));
    sigprocmask(SIG_BLOCK, NULL, &mask);
    sigpending(&pending);
    printf("SIGTERM blocked %d, pending %d\n", sigismember(&mask, SIGTERM), sigismember(&pending, SIGTERM));
    shmctl(atoi(getenv("SHMID")), IPC_STAT, &ds);
    printf("segment attachments: %d\n", (int)ds.shm_nattch);
    shmctl(atoi(getenv("SHMID")), IPC_RMID, NULL);
    return 0;
}
