/* qsort.c: sorting and binary search.  qsort is a top-down merge sort, like
 * glibc 2.36's: stable, and comparing the same pairs in the same order, so
 * elements with equal keys end up where they do on Linux.  The comparator
 * only ever sees pointers into the caller's array; merged runs go through a
 * scratch buffer and are copied back before the next comparison.  Without
 * memory for the buffer it falls back to a stable insertion sort. */
#include <stdlib.h>
#include <string.h>

typedef int (*compare_fn)(const void *, const void *);

static void merge_sort(char *base, size_t n, size_t size, compare_fn cmp, char *scratch)
{
    size_t n1, n2;
    char *b1, *b2, *out;

    if (n <= 1)
        return;
    n1 = n / 2;
    n2 = n - n1;
    b1 = base;
    b2 = base + n1 * size;
    merge_sort(b1, n1, size, cmp, scratch);
    merge_sort(b2, n2, size, cmp, scratch);
    out = scratch;
    while (n1 > 0 && n2 > 0) {
        if (cmp(b1, b2) <= 0) {
            memcpy(out, b1, size);
            b1 += size;
            n1--;
        } else {
            memcpy(out, b2, size);
            b2 += size;
            n2--;
        }
        out += size;
    }
    if (n1 > 0)
        memcpy(out, b1, n1 * size);
    /* the n2 elements left of the second run are already in place */
    memcpy(base, scratch, (n - n2) * size);
}

static void insertion_sort(char *base, size_t n, size_t size, compare_fn cmp)
{
    size_t i, j, k;
    char *a, *b, t;
    for (i = 1; i < n; i++) {
        for (j = i; j > 0; j--) {
            a = base + (j - 1) * size;
            b = base + j * size;
            if (cmp(a, b) <= 0)
                break;
            for (k = 0; k < size; k++) {
                t = a[k];
                a[k] = b[k];
                b[k] = t;
            }
        }
    }
}

void qsort(void *base, size_t nmemb, size_t size, int (*compar)(const void *, const void *))
{
    char *scratch;
    if (nmemb <= 1 || size == 0)
        return;
    scratch = malloc(nmemb * size);
    if (scratch == NULL) {
        insertion_sort(base, nmemb, size, compar);
        return;
    }
    merge_sort(base, nmemb, size, compar, scratch);
    free(scratch);
}

void *bsearch(const void *key, const void *base, size_t nmemb, size_t size,
              int (*compar)(const void *, const void *))
{
    size_t low = 0, high = nmemb, mid;
    const char *p;
    int r;
    while (low < high) {
        mid = (low + high) / 2;
        p = (const char *)base + mid * size;
        r = compar(key, p);
        if (r < 0)
            high = mid;
        else if (r > 0)
            low = mid + 1;
        else
            return (void *)p;
    }
    return NULL;
}
