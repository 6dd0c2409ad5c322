/* stdlib_misc: glibc's rand() sequence (seed 1 by default, srand(42)),
 * rand_r, strtol/strtoul edge cases within 32 bits, atoi, div, qsort's
 * stability (glibc's merge sort keeps equal keys in input order), bsearch,
 * the environment, and a malloc/realloc/free workout checked by content. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

struct item {
    int key;
    int order;
};

static int by_key(const void *a, const void *b)
{
    return ((const struct item *)a)->key - ((const struct item *)b)->key;
}

static int cmp_int(const void *a, const void *b)
{
    return *(const int *)a - *(const int *)b;
}

static void parse(const char *s, int base)
{
    char *end;
    long v;
    errno = 0;
    v = strtol(s, &end, base);
    printf("strtol(\"%s\", %d) = %ld, used %d, errno %s\n", s, base, v, (int)(end - s), errno ? "set" : "0");
}

int main(void)
{
    struct item items[12];
    int sorted[10] = { 2, 3, 5, 7, 11, 13, 17, 19, 23, 29 };
    int i, key, *found, bad;
    unsigned seed = 2024;
    char *blocks[64];
    div_t d;

    printf("rand:");
    for (i = 0; i < 6; i++)
        printf(" %d", rand());
    srand(42);
    printf("\nsrand(42):");
    for (i = 0; i < 6; i++)
        printf(" %d", rand());
    printf("\nrand_r:");
    for (i = 0; i < 4; i++)
        printf(" %d", rand_r(&seed));
    printf("\n");

    parse("0x", 16);
    parse("0xz", 0);
    parse("-0", 10);
    parse("  +0777", 0);
    parse("-2147483648", 10);
    parse("7fffffff", 16);
    parse("-zz", 36);
    parse("12", 3);
    printf("strtoul(\"-1\") = %u, strtoul(\"0x10\", 0) = %u\n", (unsigned)strtoul("-1", NULL, 10),
           (unsigned)strtoul("0x10", NULL, 0));
    printf("atoi: %d %d %d\n", atoi("  -0042x"), atoi("+"), atoi("2147483647"));
    d = div(-17, 5);
    printf("div(-17, 5) = %d rem %d, labs(-9) = %ld\n", d.quot, d.rem, labs(-9L));

    for (i = 0; i < 12; i++) {
        items[i].key = (i * 7) % 4;
        items[i].order = i;
    }
    qsort(items, 12, sizeof items[0], by_key);
    printf("stable qsort:");
    for (i = 0; i < 12; i++)
        printf(" %d.%d", items[i].key, items[i].order);
    printf("\n");
    key = 17;
    found = bsearch(&key, sorted, 10, sizeof(int), cmp_int);
    printf("bsearch 17 at %d, ", found ? (int)(found - sorted) : -1);
    key = 4;
    printf("4 found: %s\n", bsearch(&key, sorted, 10, sizeof(int), cmp_int) ? "yes" : "no");

    printf("getenv(unset) %s; ", getenv("IPCVM_LIBC_TEST_VAR") ? "set" : "NULL");
    setenv("IPCVM_LIBC_TEST_VAR", "one", 0);
    setenv("IPCVM_LIBC_TEST_VAR", "two", 0);
    printf("after setenv without overwrite: %s; ", getenv("IPCVM_LIBC_TEST_VAR"));
    setenv("IPCVM_LIBC_TEST_VAR", "three", 1);
    printf("with: %s; ", getenv("IPCVM_LIBC_TEST_VAR"));
    unsetenv("IPCVM_LIBC_TEST_VAR");
    printf("unset: %s\n", getenv("IPCVM_LIBC_TEST_VAR") ? "set" : "NULL");

    bad = 0;
    for (i = 0; i < 64; i++) {
        blocks[i] = malloc(i * 37 + 1);
        memset(blocks[i], i, i * 37 + 1);
    }
    for (i = 0; i < 64; i += 2) {
        free(blocks[i]);
        blocks[i] = NULL;
    }
    for (i = 1; i < 64; i += 2) {
        blocks[i] = realloc(blocks[i], i * 37 + 500);
        if ((unsigned long)blocks[i] % 8 != 0 || blocks[i][i * 37] != (char)i)
            bad++;
    }
    for (i = 0; i < 64; i += 2) {
        blocks[i] = calloc(i + 1, 16);
        if (blocks[i][i * 16] != 0)
            bad++;
    }
    for (i = 0; i < 64; i++)
        free(blocks[i]);
    printf("heap workout problems: %d\n", bad);
    return 0;
}
