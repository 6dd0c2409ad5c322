/* labs/sem/03_philosophers -- the dining philosophers, solved by taking
 * both forks in ONE semop.
 *
 * Five philosophers sit at a round table with a fork between each pair; a
 * philosopher needs both neighbouring forks to eat.  If each one took the
 * left fork and then the right with two separate semop calls, all five could
 * take their left fork at the same moment and wait for ever for the right
 * one.  System V semop applies a whole array of operations atomically: the
 * call below takes fork i and fork i+1 together or sleeps without taking
 * either, so that circular wait cannot arise.  While eating, each
 * philosopher checks that neither neighbour is eating too; the parent prints
 * the meals and the conflicts (none) once everyone is done. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/ipc.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/wait.h>

#define N 5
#define MEALS 10

union semun {
    int val;
    struct semid_ds *buf;
    unsigned short *array;
};

struct table {
    volatile int eating[N];
    int meals[N];
    int conflicts[N];
};

static int forks;
static struct table *t;

static void forks_op(int i, int delta)
{
    struct sembuf ops[2];
    ops[0].sem_num = (unsigned short)i;
    ops[0].sem_op = (short)delta;
    ops[0].sem_flg = 0;
    ops[1].sem_num = (unsigned short)((i + 1) % N);
    ops[1].sem_op = (short)delta;
    ops[1].sem_flg = 0;
    semop(forks, ops, 2);               /* both forks, or neither */
}

static void spin(int n)
{
    volatile int i;
    for (i = 0; i < n; i++)
        ;
}

static void philosopher(int i)
{
    int k;
    for (k = 0; k < MEALS; k++) {
        spin(200);                      /* think */
        forks_op(i, -1);
        t->eating[i] = 1;
        if (t->eating[(i + N - 1) % N] || t->eating[(i + 1) % N])
            t->conflicts[i]++;
        spin(200);                      /* eat */
        t->meals[i]++;
        t->eating[i] = 0;
        forks_op(i, +1);
    }
    exit(0);
}

int main(void)
{
    unsigned short ones[N] = { 1, 1, 1, 1, 1 };
    union semun arg;
    int shm, i;

    forks = semget(IPC_PRIVATE, N, IPC_CREAT | 0600);
    arg.array = ones;
    semctl(forks, 0, SETALL, arg);
    shm = shmget(IPC_PRIVATE, sizeof(struct table), IPC_CREAT | 0600);
    t = (struct table *)shmat(shm, NULL, 0);

    fflush(stdout);
    for (i = 0; i < N; i++)
        if (fork() == 0)
            philosopher(i);
    for (i = 0; i < N; i++)
        wait(NULL);

    for (i = 0; i < N; i++)
        printf("philosopher %d: %d meals, %d times a neighbour was eating too\n", i, t->meals[i], t->conflicts[i]);
    semctl(forks, 0, GETALL, arg);
    printf("forks on the table at the end: %d %d %d %d %d\n", ones[0], ones[1], ones[2], ones[3], ones[4]);
    shmdt(t);
    shmctl(shm, IPC_RMID, NULL);
    semctl(forks, 0, IPC_RMID);
    return 0;
}
