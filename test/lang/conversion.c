/* Conversions: casts between integer types, the integer promotions, the usual
 * arithmetic conversions (signed meets unsigned), _Bool, pointer <-> integer. */
#include "test.h"
// expect: OK 39

int main(void)
{
    int i = -1;
    unsigned u = 1;
    char c = -1;
    unsigned char uc = 255;
    short s = -1;
    unsigned short us = 65535;
    long l = -1;
    _Bool b;
    int x = 0x12345678;
    char *p = (char *)&x;
    ASSERT(1, i > u ? 1 : 0);
    ASSERT(0, i < u ? 1 : 0);
    ASSERT(1, c < uc);
    ASSERT(1, s < us);
    ASSERT(-2, c + c);
    ASSERT(510, uc + uc);
    ASSERT(-2, s + s);
    ASSERT(131070, us + us);
    ASSERT(0, (unsigned char)c == c);
    ASSERT(1, (signed char)uc == c);
    ASSERT(1, l == i);
    ASSERT(0x78, (unsigned char)x);
    ASSERT(0x5678, (short)x);
    ASSERT(0x78, *p);
    ASSERT(0x34, p[2]);
    ASSERT(1, (char)256 == 0);
    ASSERT(-128, (char)128);
    ASSERT(-32768, (short)32768);
    ASSERT(32768, (unsigned short)-32768);
    b = 2;
    ASSERT(1, b);
    b = 0;
    ASSERT(0, b);
    b = (char *)0 + 1 != 0;
    ASSERT(1, b);
    ASSERT(1, (_Bool)-1);
    ASSERT(0, (_Bool)0);
    ASSERT(4, (int)(char *)4);
    ASSERT(1, (unsigned)-1 == 4294967295u);
    ASSERT(-1, (int)4294967295u);
    ASSERT(1, sizeof(c + c) == 4);
    ASSERT(1, sizeof(c) == 1);
    ASSERT(1, sizeof((char)x) == 1);
    ASSERT(1, -1 / 2u == 2147483647);
    ASSERT(1, (unsigned short)1 - 2 < 0);
    ASSERT(1, (unsigned)1 - 2 > 0);
    ASSERT(1, 'a' == 97);
    ASSERT(1, sizeof('a') == 4);
    ASSERT(-1, (signed char)'\xff');
    ASSERT(0xffff, (unsigned short)i);
    ASSERT(255, (unsigned char)(i >> 24));
    ASSERT(127, (unsigned)i >> 25);
    return test_done();
}
