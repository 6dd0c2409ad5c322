/* Pointers and arrays: address-of, dereference, arithmetic scaled by the element
 * size, pointer differences and comparisons, multi-dimensional arrays. */
#include "test.h"
// expect: OK 37

int sum(int *p, int n)
{
    int s = 0;
    while (n--)
        s += *p++;
    return s;
}

void set(int *p, int v) { *p = v; }

int main(void)
{
    int x = 3, y = 5;
    int *p = &x;
    int **pp = &p;
    int a[5];
    int m[2][3];
    short s[4];
    char c[4];
    int i, j;
    ASSERT(3, *p);
    ASSERT(3, **pp);
    *p = 7;
    ASSERT(7, x);
    **pp = 9;
    ASSERT(9, x);
    p = &y;
    ASSERT(5, *p);
    set(&x, 11);
    ASSERT(11, x);
    for (i = 0; i < 5; i++)
        a[i] = i * i;
    ASSERT(16, a[4]);
    ASSERT(9, *(a + 3));
    ASSERT(4, *(2 + a));
    ASSERT(1, 1[a]);
    ASSERT(30, sum(a, 5));
    p = a + 1;
    ASSERT(1, *p);
    ASSERT(4, p[1]);
    ASSERT(0, p[-1]);
    p += 2;
    ASSERT(9, *p);
    p--;
    ASSERT(4, *p);
    ASSERT(2, p - a);
    ASSERT(-2, a - p);
    ASSERT(1, p > a);
    ASSERT(1, p >= a + 2);
    ASSERT(0, p < a);
    ASSERT(1, p == &a[2]);
    ASSERT(1, p != a);
    for (i = 0; i < 2; i++)
        for (j = 0; j < 3; j++)
            m[i][j] = i * 10 + j;
    ASSERT(12, m[1][2]);
    ASSERT(10, *m[1]);
    ASSERT(11, *(*(m + 1) + 1));
    ASSERT(3, &m[1][0] - &m[0][0]);
    ASSERT(12, (char *)m[1] - (char *)m[0]);
    for (i = 0; i < 4; i++) {
        s[i] = -i;
        c[i] = 'a' + i;
    }
    ASSERT(-3, s[3]);
    ASSERT(-2, *(s + 2));
    ASSERT(3, &s[3] - s);
    ASSERT(6, (char *)&s[3] - (char *)s);
    ASSERT('c', c[2]);
    ASSERT('d', *(c + 3));
    ASSERT(0, (int *)0 == 0 ? 0 : 1);
    p = 0;
    ASSERT(1, !p);
    ASSERT(1, p == 0);
    return test_done();
}
