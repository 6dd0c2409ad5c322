/* strings: the C library's string routines under load — sprintf, strcpy,
 * strcat, strcmp, strlen, strchr — as text-processing lab programs use them.
 * argv[1] = iterations (default 1000000). ops = iterations.
 * Checked: a checksum of lengths and comparisons, compared with the native build. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 1000000;
    char line[64], copy[64], previous[64], joined[160];
    unsigned checksum = 0;
    int i, ordered = 0;
    strcpy(previous, "");
    for (i = 0; i < n; i++) {
        sprintf(line, "item-%d-%x:%s", i, i * 7 + 1, (i & 1) ? "odd" : "even");
        strcpy(copy, line);
        if (strcmp(copy, line) != 0) {
            printf("FAIL: strcpy/strcmp disagree at %d\n", i);
            return 1;
        }
        if (strcmp(previous, copy) < 0)
            ordered++;
        strcpy(joined, previous);
        strcat(joined, "|");
        strcat(joined, copy);
        checksum = checksum * 33u + (unsigned)strlen(joined);
        checksum ^= (unsigned)(strchr(copy, ':') - copy);
        strcpy(previous, copy);
    }
    printf("strings checksum = %u ordered = %d\n", checksum, ordered);
    printf("ops %d\n", n);
    return 0;
}
