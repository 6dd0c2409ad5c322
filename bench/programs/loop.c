/* loop: a tight arithmetic loop (a linear congruential generator folded into
 * a checksum) — raw dispatch speed with no calls and no memory traffic.
 * argv[1] = iterations (default 100000000). ops = iterations.
 * Checked against the native build's checksum (unsigned arithmetic wraps the
 * same way on both). */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 100000000;
    unsigned x = 12345, acc = 0;
    int i;
    for (i = 0; i < n; i++) {
        x = x * 1103515245u + 12345u;
        acc ^= x >> 7;
        acc += (unsigned)i;
    }
    printf("checksum = %u\n", acc);
    printf("ops %d\n", n);
    return 0;
}
