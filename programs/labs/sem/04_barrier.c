/* labs/sem/04_barrier -- a barrier: nobody starts step k+1 before everyone
 * has finished step k.
 *
 * Eight worker processes compute the prefix sums of eight numbers in three
 * steps (Hillis and Steele): in step k, worker i adds the value 2^k places to
 * its left.  Step k reads what the other workers wrote in step k-1, so all
 * of them must be done with it first.  The barrier is one semaphore per
 * step, starting at 8: a worker arrives with sem_op = -1, then waits for
 * zero with sem_op = 0, which sleeps until the value is 0 -- until the last
 * worker has arrived.  These must be two semop calls: in one call the pair
 * would be atomic, and only the last worker could ever complete it.
 * Each step writes a new row of a table in shared memory; the parent prints
 * the rows at the end. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/ipc.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/wait.h>

#define WORKERS 8
#define STEPS 3

union semun {
    int val;
    struct semid_ds *buf;
    unsigned short *array;
};

static int sem;
struct table {
    int rows[STEPS + 1][WORKERS];       /* rows[k]: the values after step k */
};

static struct table *t;

static void barrier(int step)
{
    struct sembuf op;
    op.sem_num = (unsigned short)step;
    op.sem_flg = 0;
    op.sem_op = -1;                     /* I have arrived */
    semop(sem, &op, 1);
    op.sem_op = 0;                      /* wait until everyone has */
    semop(sem, &op, 1);
}

static void worker(int i)
{
    int k, d;
    for (k = 0; k < STEPS; k++) {
        d = 1 << k;
        t->rows[k + 1][i] = t->rows[k][i] + (i >= d ? t->rows[k][i - d] : 0);
        barrier(k);
    }
    exit(0);
}

int main(void)
{
    static const int input[WORKERS] = { 3, 1, 4, 1, 5, 9, 2, 6 };
    unsigned short start[STEPS];
    union semun arg;
    int shm, i, k;

    sem = semget(IPC_PRIVATE, STEPS, IPC_CREAT | 0600);
    for (k = 0; k < STEPS; k++)
        start[k] = WORKERS;
    arg.array = start;
    semctl(sem, 0, SETALL, arg);
    shm = shmget(IPC_PRIVATE, sizeof(struct table), IPC_CREAT | 0600);
    t = (struct table *)shmat(shm, NULL, 0);
    for (i = 0; i < WORKERS; i++)
        t->rows[0][i] = input[i];

    fflush(stdout);
    for (i = 0; i < WORKERS; i++)
        if (fork() == 0)
            worker(i);
    for (i = 0; i < WORKERS; i++)
        wait(NULL);

    for (k = 0; k <= STEPS; k++) {
        printf(k == 0 ? "input:        " : "after step %d:", k);
        for (i = 0; i < WORKERS; i++)
            printf(" %3d", t->rows[k][i]);
        printf("\n");
    }
    shmdt(t);
    shmctl(shm, IPC_RMID, NULL);
    semctl(sem, 0, IPC_RMID);
    return 0;
}
