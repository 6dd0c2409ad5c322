/* matmul: integer matrix product through pointers (row pointers, pointer walks),
 * repeated. argv[1] = repetitions (default 20). ops = multiply-adds.
 * Checked: the trace of A*B is also computed directly and must agree; the
 * checksum is compared with the native build's. */
#include <stdio.h>
#include <stdlib.h>

#define N 96

static int **new_matrix(void)
{
    int **rows = malloc(N * sizeof(int *));
    int i;
    for (i = 0; i < N; i++)
        rows[i] = malloc(N * sizeof(int));
    return rows;
}

static void free_matrix(int **m)
{
    int i;
    for (i = 0; i < N; i++)
        free(m[i]);
    free(m);
}

static void multiply(int **a, int **b, int **c)
{
    int i, j, k;
    for (i = 0; i < N; i++) {
        int *out = c[i];
        for (j = 0; j < N; j++) {
            int *left = a[i];
            int sum = 0;
            for (k = 0; k < N; k++)
                sum += *left++ * b[k][j];
            *out++ = sum;
        }
    }
}

int main(int argc, char **argv)
{
    int reps = argc > 1 ? atoi(argv[1]) : 20;
    int **a = new_matrix(), **b = new_matrix(), **c = new_matrix();
    unsigned checksum = 0;
    int i, j, k, r, trace = 0;
    for (i = 0; i < N; i++)
        for (j = 0; j < N; j++) {
            a[i][j] = (i * 7 + j * 3) % 17 - 8;
            b[i][j] = (i * 5 + j * 11) % 13 - 6;
        }
    for (r = 0; r < reps; r++) {
        multiply(a, b, c);
        for (i = 0; i < N; i++)
            for (j = 0; j < N; j++)
                checksum = checksum * 31u + (unsigned)c[i][j];
        a[r % N][r % N] += 1; /* each repetition multiplies a different matrix */
    }
    for (i = 0; i < N; i++) {
        int d = 0;
        for (k = 0; k < N; k++)
            d += a[i][k] * b[k][i];
        trace += d;
    }
    multiply(a, b, c);
    for (i = 0; i < N; i++)
        trace -= c[i][i];
    if (trace != 0) {
        printf("FAIL: trace mismatch %d\n", trace);
        return 1;
    }
    printf("matmul %dx%d checksum = %u\n", N, N, checksum);
    printf("ops %d\n", reps * N * N * N);
    free_matrix(a);
    free_matrix(b);
    free_matrix(c);
    return 0;
}
