/* shm_counter: two processes take turns incrementing a counter in a System V
 * shared memory segment; the turn passes through two semaphores. argv[1] = round
 * trips (default 200000); each round trip is one increment by each process.
 * ops = round trips.
 * Checked: each process sees the counter value it expects at every turn (even for
 * the parent, odd for the child), and the final value is 2 * round trips. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <sys/ipc.h>
#include <sys/sem.h>
#include <sys/shm.h>

union semun {
    int val;
    struct semid_ds *buf;
    unsigned short *array;
};

#define PARENT_SEM 0
#define CHILD_SEM 1

static int sem_change(int semid, int num, int delta)
{
    struct sembuf op;
    op.sem_num = (unsigned short)num;
    op.sem_op = (short)delta;
    op.sem_flg = 0;
    return semop(semid, &op, 1);
}

static int child(int semid, volatile int *counter, int n)
{
    int i;
    for (i = 0; i < n; i++) {
        if (sem_change(semid, CHILD_SEM, -1) < 0)
            return 1;
        if (*counter != 2 * i + 1)
            return 3;
        *counter = *counter + 1;
        if (sem_change(semid, PARENT_SEM, 1) < 0)
            return 2;
    }
    return 0;
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 200000;
    int shmid, semid, i, status, bad = 0, final;
    volatile int *counter;
    union semun arg;
    pid_t pid;
    shmid = shmget(IPC_PRIVATE, sizeof(int), IPC_CREAT | 0600);
    semid = semget(IPC_PRIVATE, 2, IPC_CREAT | 0600);
    arg.val = 0;
    if (shmid < 0 || semid < 0) {
        perror("shmget/semget");
        if (shmid >= 0)
            shmctl(shmid, IPC_RMID, NULL);
        if (semid >= 0)
            semctl(semid, 0, IPC_RMID, arg);
        return 1;
    }
    counter = shmat(shmid, NULL, 0);
    shmctl(shmid, IPC_RMID, NULL); /* freed once both processes detach */
    if (counter == (void *)-1) {
        perror("shmat");
        semctl(semid, 0, IPC_RMID, arg);
        return 1;
    }
    *counter = 0;
    semctl(semid, PARENT_SEM, SETVAL, arg);
    semctl(semid, CHILD_SEM, SETVAL, arg);
    fflush(stdout);
    pid = fork();
    if (pid < 0) {
        perror("fork");
        semctl(semid, 0, IPC_RMID, arg);
        return 1;
    }
    if (pid == 0)
        _exit(child(semid, counter, n));
    for (i = 0; i < n; i++) {
        if (*counter != 2 * i) {
            bad = 1;
            break;
        }
        *counter = *counter + 1;
        if (sem_change(semid, CHILD_SEM, 1) < 0 || sem_change(semid, PARENT_SEM, -1) < 0) {
            bad = 1;
            break;
        }
    }
    if (bad)
        kill(pid, SIGKILL);
    if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        bad = 1;
    final = *counter;
    shmdt((void *)counter);
    semctl(semid, 0, IPC_RMID, arg);
    if (bad || final != 2 * n) {
        printf("FAIL: shared counter is %d, expected %d\n", final, 2 * n);
        return 1;
    }
    printf("shm_counter: %d round trips, counter = %d\n", n, final);
    printf("ops %d\n", n);
    return 0;
}
