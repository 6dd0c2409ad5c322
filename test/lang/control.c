/* Statements: if/else, loops, break/continue, switch with fall-through, goto,
 * ?: and the comma operator. */
#include "test.h"
// expect: OK 36

int classify(int c)
{
    switch (c) {
    case 0:
        return 100;
    case 1:
    case 2:
        return 200;
    case 3:
        c = c * 10;
    case 4:
        return c + 1;
    default:
        return -1;
    }
}

int sparse(int c)
{
    int r = 0;
    switch (c) {
    case -100000: r = 1; break;
    case 7: r = 2; break;
    case 123456: r = 3; break;
    case 2147483647: r = 4; break;
    }
    return r;
}

int count_to(int n)
{
    int i = 0;
again:
    if (i < n) {
        i++;
        goto again;
    }
    return i;
}

int nested_break(void)
{
    int i, j, n = 0;
    for (i = 0; i < 10; i++) {
        for (j = 0; j < 10; j++) {
            if (j == 3) break;
            n++;
        }
        if (i == 4) break;
    }
    return n;
}

int switch_in_loop(void)
{
    int i, sum = 0;
    for (i = 0; i < 6; i++) {
        switch (i % 3) {
        case 0: continue;
        case 1: sum += 10; break;
        default: sum += 1;
        }
        sum += 100;
    }
    return sum;
}

int main(void)
{
    int i, j, x, sum;
    x = 0;
    if (0) x = 2; else x = 3;
    ASSERT(3, x);
    if (1 - 1) x = 2; else x = 3;
    ASSERT(3, x);
    if (1) x = 2; else x = 3;
    ASSERT(2, x);
    if (2 - 1) x = 2;
    ASSERT(2, x);
    sum = 0;
    for (i = 0; i <= 10; i = i + 1) sum = sum + i;
    ASSERT(55, sum);
    i = 0;
    while (i < 10) i = i + 1;
    ASSERT(10, i);
    i = 0; j = 0;
    while (i <= 10) { j = i + j; i = i + 1; }
    ASSERT(55, j);
    i = 0;
    do { i++; } while (i < 5);
    ASSERT(5, i);
    i = 10;
    do i++; while (0);
    ASSERT(11, i);
    sum = 0;
    for (int k = 0; k < 5; k++) sum += k;
    ASSERT(10, sum);
    sum = 0;
    for (i = 0; ; i++) { if (i == 7) break; sum++; }
    ASSERT(7, sum);
    sum = 0;
    for (i = 0; i < 10; i++) { if (i % 2) continue; sum += i; }
    ASSERT(20, sum);
    i = 0;
    while (1) { if (i++ == 3) break; }
    ASSERT(4, i);
    ASSERT(100, classify(0));
    ASSERT(200, classify(1));
    ASSERT(200, classify(2));
    ASSERT(31, classify(3));
    ASSERT(5, classify(4));
    ASSERT(-1, classify(5));
    ASSERT(-1, classify(-1));
    ASSERT(1, sparse(-100000));
    ASSERT(2, sparse(7));
    ASSERT(3, sparse(123456));
    ASSERT(4, sparse(2147483647));
    ASSERT(0, sparse(8));
    ASSERT(12, count_to(12));
    ASSERT(15, nested_break());
    ASSERT(422, switch_in_loop());
    ASSERT(5, 1 ? 5 : 6);
    ASSERT(6, 0 ? 5 : 6);
    ASSERT(4, (1, 2, 4));
    x = 3;
    ASSERT(7, (x = 5, x + 2));
    ASSERT(2, x > 4 ? x > 10 ? 1 : 2 : 3);
    {
        int x = 10;
        ASSERT(10, x);
    }
    ASSERT(5, x);
    switch (x) { }
    switch (x) default: x = 9;
    ASSERT(9, x);
    return test_done();
}
