/* null_syscall: the cheapest round trip into the kernel (lmbench's "null call"),
 * getppid() in a loop. argv[1] = calls (default 5000000). ops = calls.
 * Checked: every call returns the same parent pid. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 5000000;
    pid_t first = getppid();
    int i, differing = 0;
    for (i = 0; i < n; i++)
        if (getppid() != first)
            differing++;
    if (differing != 0) {
        printf("FAIL: getppid changed %d times\n", differing);
        return 1;
    }
    printf("null_syscall: %d getppid calls agree\n", n);
    printf("ops %d\n", n);
    return 0;
}
