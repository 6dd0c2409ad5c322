/* A semop blocked on a semaphore is ended by a caught signal with EINTR, even
 * under SA_RESTART (Linux never restarts semop); the abandoned wait is forgotten
 * (GETNCNT drops to 0) and a later post is not lost to it. A post made while a
 * child waits goes to that child at once: the poster's own next wait blocks. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/sem.h>
#include <sys/wait.h>
#include <unistd.h>

static void on_alarm(int sig) { (void)sig; }

static int op(int id, int delta, int flags)
{
    struct sembuf sb;
    sb.sem_num = 0;
    sb.sem_op = (short)delta;
    sb.sem_flg = (short)flags;
    return semop(id, &sb, 1);
}

int main(void)
{
    int id = semget(IPC_PRIVATE, 1, IPC_CREAT | 0600);
    struct sigaction sa;
    int r, status, i;
    pid_t pid;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sa.sa_flags = SA_RESTART;
    sigaction(SIGALRM, &sa, NULL);
    alarm(1);
    r = op(id, -1, 0);
    printf("semop interrupted: %d %s\n", r, r < 0 && errno == EINTR ? "EINTR" : "other");
    printf("GETNCNT after: %d\n", semctl(id, 0, GETNCNT));
    op(id, 1, 0);
    printf("the post is kept: %d\n", semctl(id, 0, GETVAL));
    op(id, -1, 0);

    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        r = op(id, -1, 0);
        _exit(r == 0 ? 0 : 1);
    }
    for (i = 0; i < 1000 && semctl(id, 0, GETNCNT) == 0; i++)
        usleep(1000);
    printf("child waits: %d\n", semctl(id, 0, GETNCNT));
    op(id, 1, 0);
    r = op(id, -1, IPC_NOWAIT);
    printf("the post went to the child: value %d, own try %s\n", semctl(id, 0, GETVAL),
           r < 0 && errno == EAGAIN ? "EAGAIN" : "succeeded");
    waitpid(pid, &status, 0);
    printf("child got it: %s\n", WIFEXITED(status) && WEXITSTATUS(status) == 0 ? "yes" : "no");
    semctl(id, 0, IPC_RMID);
    return 0;
}
// expect: semop interrupted: -1 EINTR
// expect: GETNCNT after: 0
// expect: the post is kept: 1
// expect: child waits: 1
// expect: the post went to the child: value 0, own try EAGAIN
// expect: child got it: yes
