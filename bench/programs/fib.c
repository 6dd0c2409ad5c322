/* fib: recursive Fibonacci, the classic call-heavy interpreter benchmark.
 * argv[1] = n (default 32). ops = number of calls to fib().
 * Checked: the recursive result must equal an iterative computation. */
#include <stdio.h>
#include <stdlib.h>

static int fib(int n)
{
    if (n < 2)
        return n;
    return fib(n - 1) + fib(n - 2);
}

static int fib_iterative(int n)
{
    int a = 0, b = 1, i;
    for (i = 0; i < n; i++) {
        int t = a + b;
        a = b;
        b = t;
    }
    return a;
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 32;
    int result = fib(n);
    if (result != fib_iterative(n)) {
        printf("FAIL: fib(%d) = %d, expected %d\n", n, result, fib_iterative(n));
        return 1;
    }
    printf("fib(%d) = %d\n", n, result);
    /* calls(n) = 2 * fib(n + 1) - 1 */
    printf("ops %d\n", 2 * fib_iterative(n + 1) - 1);
    return 0;
}
