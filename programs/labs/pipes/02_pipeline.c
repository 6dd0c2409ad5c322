/* labs/pipes/02_pipeline -- a three-stage pipeline, as the shell builds
 * `generate | filter | total`.
 *
 * Two pipes, three children.  Each stage moves its pipe ends onto standard
 * input/output with dup2 and then just uses stdio, knowing nothing of pipes:
 *   generate  prints the numbers 1..50, one per line
 *   filter    keeps the primes and prints "p p*p"
 *   total     prints every line it gets and the totals at the end
 * Every process must close every pipe end it does not use; otherwise a
 * reader never sees end of file (a stray write end keeps the pipe open).
 * The parent closes all four ends and waits for the three stages in order. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/wait.h>

static int is_prime(int n)
{
    int d;
    if (n < 2)
        return 0;
    for (d = 2; d * d <= n; d++)
        if (n % d == 0)
            return 0;
    return 1;
}

static void generate(void)
{
    int i;
    for (i = 1; i <= 50; i++)
        printf("%d\n", i);
}

static void filter(void)
{
    int n;
    while (scanf("%d", &n) == 1)
        if (is_prime(n))
            printf("%d %d\n", n, n * n);
}

static void total(void)
{
    int n, sq, count = 0, sum = 0, sumsq = 0;
    while (scanf("%d %d", &n, &sq) == 2) {
        printf("total: got %2d (square %4d)\n", n, sq);
        count++;
        sum += n;
        sumsq += sq;
    }
    printf("total: %d primes, sum %d, sum of squares %d\n", count, sum, sumsq);
}

static pid_t stage(void (*body)(void), int in, int out, int pipes[2][2])
{
    int i;
    pid_t pid = fork();
    if (pid != 0)
        return pid;
    if (in >= 0)
        dup2(in, STDIN_FILENO);
    if (out >= 0)
        dup2(out, STDOUT_FILENO);
    for (i = 0; i < 2; i++) {
        close(pipes[i][0]);
        close(pipes[i][1]);
    }
    body();
    exit(0);                            /* flushes stdout into the next pipe */
}

int main(void)
{
    int pipes[2][2], i, status;
    pid_t pids[3];
    static const char *names[3] = { "generate", "filter", "total" };

    pipe(pipes[0]);
    pipe(pipes[1]);
    fflush(stdout);
    pids[0] = stage(generate, -1, pipes[0][1], pipes);
    pids[1] = stage(filter, pipes[0][0], pipes[1][1], pipes);
    pids[2] = stage(total, pipes[1][0], -1, pipes);
    for (i = 0; i < 2; i++) {
        close(pipes[i][0]);
        close(pipes[i][1]);
    }
    for (i = 0; i < 3; i++) {
        waitpid(pids[i], &status, 0);
        printf("parent: stage %-8s exited with %d\n", names[i], WEXITSTATUS(status));
    }
    return 0;
}
