/* Declarations: typedef, enum, pointers to arrays and functions, arrays of
 * pointers, static and extern, block scope and shadowing, sizeof. */
#include "test.h"
// expect: OK 43

typedef int myint;
typedef struct { int x, y; } vec;
typedef int (*binop)(int, int);
typedef char name_t[8];

enum color { RED, GREEN = 5, BLUE, LAST = BLUE + 10 };
enum { ANON_A = -2, ANON_B };

int add(int a, int b) { return a + b; }
int mul(int a, int b) { return a * b; }

static int hidden = 17;
extern int defined_later;

int apply(binop f, int a, int b) { return f(a, b); }

int (*choose(int which))(int, int) { return which ? mul : add; }

int defined_later = 99;

int main(void)
{
    myint i = 4;
    vec v = {1, 2};
    binop ops[2] = {add, mul};
    name_t nm;
    int arr[3] = {7, 8, 9};
    int (*pa)[3] = &arr;
    int *ptrs[3];
    enum color c = BLUE;
    int x = 1;
    ASSERT(4, i);
    ASSERT(2, v.y);
    ASSERT(8, sizeof(vec));
    ASSERT(7, ops[0](3, 4));
    ASSERT(12, ops[1](3, 4));
    ASSERT(12, (*ops[1])(3, 4));
    ASSERT(11, apply(add, 5, 6));
    ASSERT(30, apply(mul, 5, 6));
    ASSERT(20, choose(1)(4, 5));
    ASSERT(9, choose(0)(4, 5));
    ASSERT(8, sizeof(nm));
    ASSERT(8, (*pa)[1]);
    ASSERT(12, sizeof(*pa));
    ptrs[0] = &arr[2];
    ptrs[1] = &x;
    ASSERT(9, *ptrs[0]);
    ASSERT(1, *ptrs[1]);
    ASSERT(0, RED);
    ASSERT(5, GREEN);
    ASSERT(6, c);
    ASSERT(16, LAST);
    ASSERT(-1, ANON_B);
    ASSERT(4, sizeof(enum color));
    ASSERT(17, hidden);
    ASSERT(99, defined_later);
    {
        int x = 2;
        ASSERT(2, x);
        {
            int x = 3;
            ASSERT(3, x);
        }
        ASSERT(2, x);
    }
    ASSERT(1, x);
    ASSERT(1, sizeof(char));
    ASSERT(2, sizeof(short));
    ASSERT(4, sizeof(int));
    ASSERT(4, sizeof(long));
    ASSERT(4, sizeof(char *));
    ASSERT(4, sizeof(int (*)[10]));
    ASSERT(40, sizeof(int[10]));
    ASSERT(4, sizeof x);
    ASSERT(1, sizeof arr[0] == 4);
    ASSERT(24, sizeof(int[2][3]));
    ASSERT(2, sizeof(short) * 1);
    unsigned long ul = 5;
    long signed int lsi = -5;
    short int si = -2;
    unsigned short us = 65535;
    signed char sc = -1;
    ASSERT(5, ul);
    ASSERT(-5, lsi);
    ASSERT(-2, si);
    ASSERT(65535, us);
    ASSERT(-1, sc);
    return test_done();
}
