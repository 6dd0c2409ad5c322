/* rand.c: glibc's random number generator, so rand() sequences match Linux
 * (seed 1 gives 1804289383, 846930886, ...).  It is glibc's default TYPE_3
 * additive feedback generator: 31 words seeded by a Park-Miller LCG, taps
 * 3 apart, 310 outputs discarded after seeding; each output is the new word
 * shifted right by one.  rand_r is glibc's separate three-step LCG. */
#include <stdlib.h>

#define DEGREE 31
#define SEPARATION 3
#define DISCARD (DEGREE * 10)

static unsigned int state[DEGREE];
static int front = SEPARATION;
static int rear;
static int seeded;

static int next_output(void)
{
    unsigned int word;
    state[front] += state[rear];
    word = state[front];
    if (++front == DEGREE)
        front = 0;
    if (++rear == DEGREE)
        rear = 0;
    return (int)(word >> 1);
}

void srandom(unsigned int seed)
{
    int i;
    long word, hi, lo;

    if (seed == 0)
        seed = 1;
    state[0] = seed;
    word = (long)seed;
    for (i = 1; i < DEGREE; i++) {
        /* word = 16807 * word % 2147483647 without overflow (Schrage) */
        hi = word / 127773;
        lo = word % 127773;
        word = 16807 * lo - 2836 * hi;
        if (word < 0)
            word += 2147483647;
        state[i] = (unsigned int)word;
    }
    front = SEPARATION;
    rear = 0;
    seeded = 1;
    for (i = 0; i < DISCARD; i++)
        next_output();
}

long random(void)
{
    if (!seeded)
        srandom(1);
    return next_output();
}

void srand(unsigned int seed)
{
    srandom(seed);
}

int rand(void)
{
    return (int)random();
}

int rand_r(unsigned int *seedp)
{
    unsigned int next = *seedp;
    int result;

    next = next * 1103515245 + 12345;
    result = (int)((next / 65536) % 2048);
    next = next * 1103515245 + 12345;
    result = (result << 10) ^ (int)((next / 65536) % 1024);
    next = next * 1103515245 + 12345;
    result = (result << 10) ^ (int)((next / 65536) % 1024);
    *seedp = next;
    return result;
}
