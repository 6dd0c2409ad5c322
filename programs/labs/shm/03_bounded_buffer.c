/* labs/shm/03_bounded_buffer -- producers and consumers around a bounded
 * buffer in shared memory, with three semaphores.
 *
 * The buffer has 8 slots in a shared segment.  Three semaphores guard it:
 *     EMPTY  free slots  (starts at 8): a producer takes one before putting
 *     FULL   used slots  (starts at 0): a consumer takes one before getting
 *     MUTEX  (starts at 1) around the slot indices, since two producers (or
 *            two consumers) must not claim the same slot
 * A producer on a full buffer sleeps in semop on EMPTY until a consumer gives
 * a slot back; a consumer on an empty buffer sleeps on FULL.
 * Two producers put 50 numbers each; two consumers take until they get the
 * value -1, which the parent puts twice once both producers are done.  The
 * consumers check each producer's numbers reach them in increasing order,
 * and add their counts into shared totals.  Who consumed what varies from
 * run to run; the totals the parent prints do not. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/ipc.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/wait.h>

#define SLOTS 8
#define EMPTY 0
#define FULL 1
#define MUTEX 2
#define PRODUCERS 2
#define CONSUMERS 2
#define ITEMS 50
#define STOP (-1)

union semun {
    int val;
    struct semid_ds *buf;
    unsigned short *array;
};

struct buffer {
    int slot[SLOTS];
    int in, out, used, most_used;
    int consumed, sum, out_of_order;
};

static int sem;
static struct buffer *buf;

static void change(int which, int delta)
{
    struct sembuf op;
    op.sem_num = (unsigned short)which;
    op.sem_op = (short)delta;
    op.sem_flg = 0;
    semop(sem, &op, 1);
}

static void put(int value)
{
    change(EMPTY, -1);
    change(MUTEX, -1);
    buf->slot[buf->in] = value;
    buf->in = (buf->in + 1) % SLOTS;
    if (++buf->used > buf->most_used)
        buf->most_used = buf->used;
    change(MUTEX, +1);
    change(FULL, +1);
}

static int get(void)
{
    int value;
    change(FULL, -1);
    change(MUTEX, -1);
    value = buf->slot[buf->out];
    buf->out = (buf->out + 1) % SLOTS;
    buf->used--;
    change(MUTEX, +1);
    change(EMPTY, +1);
    return value;
}

static void producer(int p)
{
    int i;
    for (i = 1; i <= ITEMS; i++)
        put(p * 1000 + i);              /* producer p's i-th number */
    exit(0);
}

static void consumer(void)
{
    int last[PRODUCERS], value, p, count = 0, sum = 0, bad = 0;
    for (p = 0; p < PRODUCERS; p++)
        last[p] = 0;
    while ((value = get()) != STOP) {
        p = value / 1000;
        if (value % 1000 <= last[p])
            bad++;
        last[p] = value % 1000;
        count++;
        sum += value;
    }
    change(MUTEX, -1);
    buf->consumed += count;
    buf->sum += sum;
    buf->out_of_order += bad;
    change(MUTEX, +1);
    exit(0);
}

int main(void)
{
    unsigned short start[3];
    union semun arg;
    pid_t producers[PRODUCERS], consumers[CONSUMERS];
    int id, i;

    start[EMPTY] = SLOTS;
    start[FULL] = 0;
    start[MUTEX] = 1;
    sem = semget(IPC_PRIVATE, 3, IPC_CREAT | 0600);
    arg.array = start;
    semctl(sem, 0, SETALL, arg);
    id = shmget(IPC_PRIVATE, sizeof(struct buffer), IPC_CREAT | 0600);
    buf = (struct buffer *)shmat(id, NULL, 0);

    fflush(stdout);
    for (i = 0; i < CONSUMERS; i++)
        if ((consumers[i] = fork()) == 0)
            consumer();
    for (i = 0; i < PRODUCERS; i++)
        if ((producers[i] = fork()) == 0)
            producer(i);
    for (i = 0; i < PRODUCERS; i++)
        waitpid(producers[i], NULL, 0);
    for (i = 0; i < CONSUMERS; i++)
        put(STOP);                      /* one stop value per consumer */
    for (i = 0; i < CONSUMERS; i++)
        waitpid(consumers[i], NULL, 0);

    printf("consumed %d numbers, sum %d (expected %d)\n", buf->consumed, buf->sum,
           PRODUCERS * (ITEMS * (ITEMS + 1) / 2) + 1000 * ITEMS * (PRODUCERS * (PRODUCERS - 1) / 2));
    printf("numbers out of order: %d\n", buf->out_of_order);
    printf("the buffer never held more than %d: %s\n", SLOTS, buf->most_used <= SLOTS ? "yes" : "no");
    printf("left in the buffer: %d, free slots: %d\n", buf->used, semctl(sem, EMPTY, GETVAL));
    shmdt(buf);
    shmctl(id, IPC_RMID, NULL);
    semctl(sem, 0, IPC_RMID);
    return 0;
}
