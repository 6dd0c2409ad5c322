/* labs/mmap/03_parallel_sieve -- four processes share one sieve of
 * Eratosthenes in a MAP_SHARED mapping.
 *
 * composite[n] is one byte per number up to 100000 (25 pages).  Worker w
 * crosses out the multiples of every d in 2..316 with d % 4 == w, starting at
 * d*d (crossing out for a composite d is wasted work, but harmless).  Several
 * workers may store into the same byte at once, and that is fine: they all
 * store the same value 1 and nobody reads until every worker has exited, so
 * this race cannot change the result.  The parent counts what is left.
 * Each worker first touches the pages it writes, so with --stats every worker
 * shows its own faults on the shared pages, while they all end up mapping
 * the same 25 frames. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/mman.h>
#include <sys/wait.h>

#define LIMIT 100000
#define WORKERS 4

static unsigned char *composite;

static void worker(int w)
{
    int d, n;
    for (d = 2; d * d <= LIMIT; d++)
        if (d % WORKERS == w)
            for (n = d * d; n <= LIMIT; n += d)
                composite[n] = 1;
    exit(0);
}

int main(void)
{
    int i, n, count = 0, last[5];

    composite = (unsigned char *)mmap(NULL, LIMIT + 1, PROT_READ | PROT_WRITE,
                                      MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (composite == MAP_FAILED) {
        perror("mmap");
        return 1;
    }
    fflush(stdout);
    for (i = 0; i < WORKERS; i++)
        if (fork() == 0)
            worker(i);
    for (i = 0; i < WORKERS; i++)
        wait(NULL);

    for (n = 2; n <= LIMIT; n++) {
        if (composite[n])
            continue;
        count++;
        if (n < 30)
            printf("%d ", n);
        last[count % 5] = n;
    }
    printf("...\nprimes up to %d: %d\n", LIMIT, count);
    printf("the last five:");
    for (i = 1; i <= 5; i++)
        printf(" %d", last[(count + i) % 5]);
    printf("\n");
    munmap(composite, LIMIT + 1);
    return 0;
}
