/* sieve: Sieve of Eratosthenes over the numbers below 2,000,000, repeated.
 * argv[1] = repetitions (default 10). ops = repetitions.
 * Checked: every repetition must count 148933 primes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LIMIT 2000000
#define EXPECTED_PRIMES 148933

static char composite[LIMIT];

static int count_primes(void)
{
    int i, j, count = 0;
    memset(composite, 0, LIMIT);
    for (i = 2; i * i < LIMIT; i++) {
        if (composite[i])
            continue;
        for (j = i * i; j < LIMIT; j += i)
            composite[j] = 1;
    }
    for (i = 2; i < LIMIT; i++)
        if (!composite[i])
            count++;
    return count;
}

int main(int argc, char **argv)
{
    int reps = argc > 1 ? atoi(argv[1]) : 10;
    int r;
    for (r = 0; r < reps; r++) {
        int count = count_primes();
        if (count != EXPECTED_PRIMES) {
            printf("FAIL: %d primes below %d, expected %d\n", count, LIMIT, EXPECTED_PRIMES);
            return 1;
        }
    }
    printf("primes below %d = %d\n", LIMIT, EXPECTED_PRIMES);
    printf("ops %d\n", reps);
    return 0;
}
