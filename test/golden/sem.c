/* A parent holds a semaphore (SEM_UNDO) while its child first tries it with
 * IPC_NOWAIT (EAGAIN), then blocks on it until the parent releases it. */
#include <stdio.h>
#include <unistd.h>
#include <sys/ipc.h>
#include <sys/sem.h>
#include <sys/wait.h>

union semun {
    int val;
    struct semid_ds *buf;
    unsigned short *array;
};

int main(void)
{
    struct sembuf down = { 0, -1, SEM_UNDO };
    struct sembuf up = { 0, 1, SEM_UNDO };
    union semun arg;
    int status;
    int id = semget(IPC_PRIVATE, 1, IPC_CREAT | 0600);
    arg.val = 1;
    semctl(id, 0, SETVAL, arg);
    semop(id, &down, 1);
    if (fork() == 0) {
        struct sembuf try_down = { 0, -1, IPC_NOWAIT };
        semop(id, &try_down, 1);
        semop(id, &down, 1);
        semop(id, &up, 1);
        _exit(0);
    }
    sleep(1);
    semop(id, &up, 1);
    wait(&status);
    semctl(id, 0, GETVAL);
    semctl(id, 0, IPC_RMID);
    return 0;
}
