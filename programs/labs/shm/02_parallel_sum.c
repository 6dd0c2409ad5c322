/* labs/shm/02_parallel_sum -- splitting work among processes through shared
 * memory, without any lock.
 *
 * The parent puts 40000 numbers in a shared segment and starts four workers;
 * worker w sums the w-th quarter and stores its result in results[w].  Each
 * worker writes only its own slot and the parent reads the slots only after
 * wait() says every worker is done, so no two processes ever touch the same
 * word at the same time and no semaphore is needed: the partition IS the
 * synchronisation, and wait() is the barrier.
 * The numbers are i % 1000, so the expected total is easy to check by hand:
 * 40 times 0+1+...+999 = 19980000. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/wait.h>

#define COUNT 40000
#define WORKERS 4

struct work {
    int numbers[COUNT];
    int results[WORKERS];
};

int main(void)
{
    struct work *w;
    int id, i, k, total = 0;
    pid_t pids[WORKERS];

    id = shmget(IPC_PRIVATE, sizeof(struct work), IPC_CREAT | 0600);
    w = (struct work *)shmat(id, NULL, 0);
    for (i = 0; i < COUNT; i++)
        w->numbers[i] = i % 1000;

    fflush(stdout);
    for (k = 0; k < WORKERS; k++) {
        pids[k] = fork();
        if (pids[k] == 0) {
            int sum = 0, from = k * (COUNT / WORKERS), to = from + COUNT / WORKERS;
            for (i = from; i < to; i++)
                sum += w->numbers[i];
            w->results[k] = sum;
            exit(0);
        }
    }
    for (k = 0; k < WORKERS; k++) {
        waitpid(pids[k], NULL, 0);
        printf("worker %d: numbers %5d..%5d sum to %d\n", k, k * (COUNT / WORKERS),
               (k + 1) * (COUNT / WORKERS) - 1, w->results[k]);
        total += w->results[k];
    }
    printf("total: %d\n", total);
    shmdt(w);
    shmctl(id, IPC_RMID, NULL);
    return 0;
}
