/* Locals and members of local structs reached at a fixed frame offset (LLI/SLI,
 * LLC LLUC LLS LLUS, SLC SLS): narrow stores truncate, loads sign- or
 * zero-extend, and the same bytes are seen through a pointer. */
#include "test.h"
// expect: OK 29

struct inner { short h; unsigned char c; };
struct outer { int w; struct inner in; signed char sc; unsigned short us; };
union word { int i; short s[2]; unsigned char b[4]; };

int main(void)
{
    char c = -1;
    unsigned char uc = 255;
    short s = -2;
    unsigned short us = 65535;
    struct outer o;
    struct outer *p = &o;
    union word u;
    int t;

    ASSERT(-1, c);
    ASSERT(255, uc);
    ASSERT(-2, s);
    ASSERT(65535, us);
    c = 300;
    ASSERT(44, c);
    uc = -3;
    ASSERT(253, uc);
    s = 40000;
    ASSERT(-25536, s);
    ASSERT(-25536, s = 40000);
    us = -1;
    ASSERT(65535, us);

    o.w = 7;
    o.in.h = -5;
    o.in.c = 200;
    o.sc = -100;
    o.us = 70000;
    ASSERT(7, p->w);
    ASSERT(-5, p->in.h);
    ASSERT(200, p->in.c);
    ASSERT(-100, p->sc);
    ASSERT(4464, p->us);
    p->in.h = 123;
    p->sc = 127;
    ASSERT(123, o.in.h);
    ASSERT(127, o.sc);
    o.w += 3;
    o.in.h += 1000;
    o.sc++;
    ASSERT(10, o.w);
    ASSERT(1123, o.in.h);
    ASSERT(-128, o.sc);
    t = o.in.c + o.us;
    ASSERT(4664, t);
    ASSERT(1, &o.in.c == &p->in.c);

    u.i = 0x12345678;
    ASSERT(0x5678, u.s[0]);
    ASSERT(0x78, u.b[0]);
    u.i = -1;
    ASSERT(-1, u.s[1]);
    ASSERT(255, u.b[3]);
    ASSERT(-1, u.i);
    {
        struct inner copy = o.in;
        copy.c = 1;
        ASSERT(1123, copy.h);
        ASSERT(1, copy.c);
        ASSERT(200, o.in.c);
    }
    return test_done();
}
