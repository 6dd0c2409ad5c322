/* sem/limits: a set has at most SEMMSL (32000) semaphores (EINVAL beyond) and all
 * sets together at most SEMMNS (32000: ENOSPC beyond), as IPC_INFO reports. A
 * process may hold SEM_UNDO adjustments for SEMUME (500) sets: a semop with
 * SEM_UNDO on one more fails with ENOMEM, while one without SEM_UNDO, or with it
 * on a set it already has adjustments for, still works. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/sem.h>

union semun {
    int val;
    int *info;
};

static int ids[600];

static int post(int id, int flags)
{
    struct sembuf sb;
    sb.sem_num = 0;
    sb.sem_op = 1;
    sb.sem_flg = (short)flags;
    return semop(id, &sb, 1);
}

static const char *result(int r)
{
    return r < 0 ? strerror(errno) : "works";
}

int main(void)
{
    int info[10], big, n, i;
    union semun arg;

    arg.info = info;
    semctl(0, 0, IPC_INFO, arg);
    printf("IPC_INFO: semmsl %d, semmns %d, semume %d\n", info[4], info[2], info[6]);
    printf("a set of 32001: %s\n", result(semget(IPC_PRIVATE, 32001, IPC_CREAT | 0600)));
    big = semget(IPC_PRIVATE, 32000, IPC_CREAT | 0600);
    printf("a set of 32000: %s\n", result(big));
    printf("then a set of 1: %s\n", result(semget(IPC_PRIVATE, 1, IPC_CREAT | 0600)));
    semctl(big, 0, IPC_RMID);

    for (n = 0; n < 501; n++)
        ids[n] = semget(IPC_PRIVATE, 1, IPC_CREAT | 0600);
    for (i = 0; i < 500; i++)
        if (post(ids[i], SEM_UNDO) < 0)
            printf("set %d: %s\n", i, strerror(errno));
    printf("SEM_UNDO on a 501st set: %s\n", result(post(ids[500], SEM_UNDO)));
    printf("without SEM_UNDO: %s\n", result(post(ids[500], 0)));
    printf("SEM_UNDO on the first again: %s\n", result(post(ids[0], SEM_UNDO)));
    semctl(0, 0, SEM_INFO, arg);
    printf("SEM_INFO: %d sets, %d semaphores\n", info[7], info[9]);
    for (i = 0; i < n; i++)
        semctl(ids[i], 0, IPC_RMID);
    return 0;
}
// expect: IPC_INFO: semmsl 32000, semmns 32000, semume 500
// expect: a set of 32001: Invalid argument
// expect: a set of 32000: works
// expect: then a set of 1: No space left on device
// expect: SEM_UNDO on a 501st set: Cannot allocate memory
// expect: without SEM_UNDO: works
// expect: SEM_UNDO on the first again: works
// expect: SEM_INFO: 501 sets, 501 semaphores
