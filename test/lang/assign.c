/* Assignment, compound assignment and ++/-- on every kind of lvalue; the value
 * of an assignment is the converted value stored. */
#include "test.h"
// expect: OK 46

int g;
char gc;

int main(void)
{
    int i = 3, j;
    char c = 120;
    unsigned char uc = 250;
    short sh = 32767;
    unsigned u = 10;
    _Bool b = 0;
    int a[3] = {1, 2, 3};
    int *p = a;
    j = i = 5;
    ASSERT(5, j);
    ASSERT(8, i += 3);
    ASSERT(6, i -= 2);
    ASSERT(18, i *= 3);
    ASSERT(6, i /= 3);
    ASSERT(2, i %= 4);
    ASSERT(16, i <<= 3);
    ASSERT(4, i >>= 2);
    ASSERT(6, i |= 2);
    ASSERT(2, i &= 3);
    ASSERT(7, i ^= 5);
    ASSERT(7, i++);
    ASSERT(8, i);
    ASSERT(9, ++i);
    ASSERT(9, i--);
    ASSERT(7, --i);
    ASSERT(-128, c += 8);
    ASSERT(-128, c++);
    ASSERT(-127, c);
    ASSERT(4, uc += 10);
    ASSERT(254, --uc + 251);
    ASSERT(-32768, ++sh);
    ASSERT(-32768, sh--);
    ASSERT(32767, sh);
    ASSERT(0, b++);
    ASSERT(1, b);
    ASSERT(1, ++b);
    ASSERT(1, b--);
    ASSERT(0, b);
    ASSERT(1, b = 42);
    ASSERT(1, b += 2);
    ASSERT(5, u /= 2);
    u -= 6;
    ASSERT(2147483647, u / 2);
    ASSERT(1, *p++);
    ASSERT(2, *p);
    ASSERT(3, *++p);
    ASSERT(3, (*p)++);
    ASSERT(4, a[2]);
    ASSERT(1, --*--p - 1 == 0 && a[1] == 1 ? 1 : 0);
    p = a;
    p += 2;
    ASSERT(4, *p);
    p -= 1;
    ASSERT(1, *p);
    a[0] += a[1] += a[2];
    ASSERT(5, a[1]);
    ASSERT(6, a[0]);
    g = 10;
    g += g;
    ASSERT(20, g);
    gc = 'a';
    gc++;
    ASSERT('b', gc);
    ASSERT('c', ++gc);
    return test_done();
}
