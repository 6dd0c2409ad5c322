/* signals_mid_loop: a child sends SIGUSR1 to its parent while the parent runs hot
 * loops (bytes through a pointer across pages, a word sum, a call per iteration), so
 * that signals are delivered in the middle of compiled loops; the handler changes
 * memory the loops read. jit-programs.test.ts runs it with and without the JS tier
 * under several schedules: the output, the steps and the slices must be the same. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/wait.h>

#define SIZE 20000

static volatile sig_atomic_t hits;
static volatile int bias;
static char bytes[SIZE];

static void on_usr1(int sig)
{
    (void)sig;
    hits++;
    bias += 3;
}

static int step(int x)
{
    return x * 7 + bias;
}

int main(void)
{
    int i, round, sum = 0, status;
    pid_t pid;
    signal(SIGUSR1, on_usr1);
    pid = fork();
    if (pid == 0) {
        for (i = 0; i < 40; i++)
            kill(getppid(), SIGUSR1);
        exit(0);
    }
    for (round = 0; round < 6; round++) {
        for (i = 0; i < SIZE; i++)
            bytes[i] += (char)(i + bias);
        for (i = 0; i < SIZE; i++)
            sum += bytes[i];
        for (i = 0; i < 2000; i++)
            sum ^= step(i);
    }
    waitpid(pid, &status, 0);
    printf("sum %d hits %d bias %d\n", sum, hits, bias);
    return 0;
}
