/* Sets up state that execve must keep or drop, then executes ./exec_show.c
 * (compiled on the fly) to report it: descriptor 3 stays open, 4 (O_CLOEXEC)
 * and 5 (FD_CLOEXEC) close; a caught SIGUSR1 goes back to SIG_DFL, an ignored
 * SIGUSR2 stays ignored; SIGTERM stays blocked and pending; the shared memory
 * segment attached here is detached. */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/ipc.h>
#include <sys/shm.h>

static void on_usr1(int sig)
{
    (void)sig;
}

int main(void)
{
    char pid[32], shmid[32];
    char *argv[] = { "show", "two words", "", "last", NULL };
    char *envp[] = { pid, shmid, "GREETING=hello", NULL };
    sigset_t block;
    int id = shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600);
    char *mem = shmat(id, NULL, 0);
    mem[0] = 'x';
    open("lines.txt", O_RDONLY);
    open("lines.txt", O_RDONLY | O_CLOEXEC);
    fcntl(dup(3), F_SETFD, FD_CLOEXEC);
    signal(SIGUSR1, on_usr1);
    signal(SIGUSR2, SIG_IGN);
    sigemptyset(&block);
    sigaddset(&block, SIGTERM);
    sigprocmask(SIG_BLOCK, &block, NULL);
    kill(getpid(), SIGTERM);
    sprintf(pid, "OLDPID=%d", getpid());
    sprintf(shmid, "SHMID=%d", id);
    printf("before exec: attached %d\n", id);
    fflush(stdout);
    execve("./exec_show.c", argv, envp);
    perror("execve");
    return 1;
}
