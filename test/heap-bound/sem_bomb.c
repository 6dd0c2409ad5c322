/* heap-bound/sem_bomb: semget until it fails (ENOSPC: SEMMNS semaphores, or
 * SEMMNI sets), then SEM_UNDO operations on set after set until semop fails
 * (ENOMEM: SEMUME undo entries per process). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/sem.h>

static int ids[40000];

int main(void)
{
    struct sembuf up;
    int n = 0, undone = 0, i;

    while ((ids[n] = semget(IPC_PRIVATE, 1, IPC_CREAT | 0600)) >= 0)
        n++;
    printf("%d sets, then: %s\n", n, strerror(errno));
    up.sem_num = 0;
    up.sem_op = 1;
    up.sem_flg = SEM_UNDO;
    while (undone < n && semop(ids[undone], &up, 1) == 0)
        undone++;
    printf("SEM_UNDO on %d sets, then: %s\n", undone, strerror(errno));
    fflush(stdout);
    for (i = 0; i < n; i++)
        semctl(ids[i], 0, IPC_RMID);
    return 0;
}
