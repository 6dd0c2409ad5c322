/* sizeof and constant expressions folded at compile time: array sizes, case
 * labels, enum values, sizeof on expressions that are never evaluated. */
#include "test.h"
// expect: OK 23

#define N (3 * 4 + 1)
int table[N];
struct s { char c; int i; char d; };
struct t { char a; char b; short c; };
struct u { char a[5]; };
union v { char c[5]; int i; };

int calls;
int touch(void) { return ++calls; }

int main(void)
{
    int a[N];
    int n = 0;
    ASSERT(52, sizeof(table));
    ASSERT(52, sizeof(a));
    ASSERT(13, sizeof(a) / sizeof(a[0]));
    ASSERT(12, sizeof(struct s));
    ASSERT(4, sizeof(struct t));
    ASSERT(5, sizeof(struct u));
    ASSERT(8, sizeof(union v));
    ASSERT(4, sizeof(touch()));
    ASSERT(0, calls);
    ASSERT(4, sizeof(n++));
    ASSERT(0, n);
    ASSERT(8, sizeof(int[2]));
    ASSERT(1, sizeof(char[1]));
    switch (5) {
    case 2 + 3:
        n = 1;
        break;
    case sizeof(int):
        n = 2;
        break;
    }
    ASSERT(1, n);
    ASSERT(6, (1 << 2) | 2);
    ASSERT(1, (10 > 5) && (3 < 4));
    ASSERT(-1, ~0);
    ASSERT(15, 0xf);
    ASSERT(8, 010);
    ASSERT(255, 0XFF);
    ASSERT(10, 10u);
    ASSERT(10, 10L);
    ASSERT(10, 10UL);
    return test_done();
}
