/* Arithmetic, bitwise, shift, comparison and logical operators, with C's
 * precedence and the integer promotions. */
#include "test.h"
// expect: OK 74

int zero(void) { return 0; }
int id(int x) { return x; }

int main(void)
{
    ASSERT(0, 0);
    ASSERT(42, 42);
    ASSERT(21, 5 + 20 - 4);
    ASSERT(41, 12 + 34 - 5);
    ASSERT(47, 5 + 6 * 7);
    ASSERT(15, 5 * (9 - 6));
    ASSERT(4, (3 + 5) / 2);
    ASSERT(10, -10 + 20);
    ASSERT(10, - -10);
    ASSERT(10, - - +10);
    ASSERT(-3, -7 / 2);
    ASSERT(-1, -7 % 2);
    ASSERT(1, 7 % -2);
    ASSERT(3, 17 % 7);
    ASSERT(0, 0 == 1);
    ASSERT(1, 42 == 42);
    ASSERT(1, 0 != 1);
    ASSERT(0, 42 != 42);
    ASSERT(1, 0 < 1);
    ASSERT(0, 1 < 1);
    ASSERT(0, 2 < 1);
    ASSERT(1, 0 <= 1);
    ASSERT(1, 1 <= 1);
    ASSERT(0, 2 <= 1);
    ASSERT(1, 1 > 0);
    ASSERT(0, 1 > 1);
    ASSERT(0, 1 > 2);
    ASSERT(1, 1 >= 0);
    ASSERT(1, 1 >= 1);
    ASSERT(0, 1 >= 2);
    ASSERT(0, 1073741824 * 100 / 100);
    ASSERT(7, id(3) | id(5) & id(7) | id(4));
    ASSERT(1, id(3) & id(5));
    ASSERT(6, id(3) ^ id(5));
    ASSERT(-1, ~id(0));
    ASSERT(-11, ~id(10));
    ASSERT(8, id(1) << 3);
    ASSERT(1, id(256) >> 8);
    ASSERT(-1, id(-1) >> 5);
    ASSERT(-2, id(-8) >> 2);
    ASSERT(134217727, (unsigned)id(-1) >> 5);
    ASSERT(16, id(1) << id(36));
    ASSERT(1, 2 + 3 == 5 && 4 > 3);
    ASSERT(0, !id(1));
    ASSERT(1, !id(0));
    ASSERT(0, !!id(0));
    ASSERT(1, !!id(-5));
    ASSERT(1, id(0) || id(5));
    ASSERT(0, id(0) || id(0));
    ASSERT(1, id(2) && id(3));
    ASSERT(0, id(2) && id(0));
    ASSERT(0, id(0) && 1 / zero());
    ASSERT(1, id(1) || 1 / zero());
    ASSERT(1, 1 + 2 * 3 - 6);
    ASSERT(9, (1 + 2) * 3);
    ASSERT(1, 10 - 3 - 6);
    ASSERT(5, 100 / 10 / 2);
    ASSERT(0, 1 < 2 < 1 - 1);
    ASSERT(1, 5 & 3 == 3);
    ASSERT(4, 1 << 2 + 0);
    ASSERT(1, id(-1) < id(0));
    ASSERT(0, (unsigned)id(-1) < (unsigned)id(0));
    ASSERT(1, -1 < 0u == 0);
    ASSERT(0, id(-1) < 0u);
    ASSERT(1, id(3) > 2u);
    ASSERT(2147483647, (unsigned)id(-1) / 2);
    ASSERT(1, (unsigned)id(-7) % 2);
    ASSERT(-2147483647 - 1, id(-2147483647 - 1) / id(-1));
    ASSERT(0, id(-2147483647 - 1) % id(-1));
    ASSERT(-2147483647 - 1, id(2147483647) + id(1));
    ASSERT(255, (unsigned char)id(-1));
    ASSERT(-1, (signed char)id(255));
    ASSERT(65535, (unsigned short)id(-1));
    ASSERT(1, 'b' - 'a');
    return test_done();
}
