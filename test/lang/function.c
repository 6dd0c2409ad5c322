/* Functions: parameters, recursion, mutual recursion, many arguments, char and
 * short parameters, void functions, function pointers, variadic functions
 * through stdarg.h. */
#include <stdarg.h>
#include "test.h"
// expect: OK 20

int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
int is_even(int n);
int is_odd(int n) { return n == 0 ? 0 : is_even(n - 1); }
int is_even(int n) { return n == 0 ? 1 : is_odd(n - 1); }
int eight(int a, int b, int c, int d, int e, int f, int g, int h)
{
    return a * 10000000 + b * 1000000 + c * 100000 + d * 10000 + e * 1000 + f * 100 + g * 10 + h;
}
int narrow(char c, short s, unsigned char uc) { return c + s + uc; }
char to_char(int x) { return x; }
unsigned char to_uchar(int x) { return x; }
_Bool to_bool(int x) { return x; }
int side;
void bump(int by) { side += by; if (by > 100) return; side += 1; }

int sum_ints(int count, ...)
{
    va_list ap;
    int total = 0;
    va_start(ap, count);
    while (count-- > 0)
        total += va_arg(ap, int);
    va_end(ap);
    return total;
}

int pick(char first, ...)
{
    va_list ap;
    char *s;
    va_start(ap, first);
    s = va_arg(ap, char *);
    va_end(ap);
    return s[first - 'a'];
}

int twice(int x) { return x * 2; }
int call_with(int (*f)(int), int v) { return f(v); }

int main(void)
{
    int (*fp)(int) = twice;
    ASSERT(55, fib(10));
    ASSERT(1, is_even(10));
    ASSERT(1, is_odd(7));
    ASSERT(12345678, eight(1, 2, 3, 4, 5, 6, 7, 8));
    ASSERT(-1 + 1000 + 200, narrow(-1, 1000, 200));
    ASSERT(-56, to_char(200));
    ASSERT(200, to_uchar(200));
    ASSERT(1, to_bool(256));
    ASSERT(0, to_bool(0));
    bump(5);
    ASSERT(6, side);
    bump(200);
    ASSERT(206, side);
    ASSERT(0, sum_ints(0));
    ASSERT(6, sum_ints(3, 1, 2, 3));
    ASSERT(15, sum_ints(5, 1, 2, 3, 4, 5));
    ASSERT('c', pick('c', "abcdef"));
    ASSERT(14, fp(7));
    ASSERT(14, (*fp)(7));
    ASSERT(18, call_with(twice, 9));
    ASSERT(1, fp == twice);
    ASSERT(1, fp == &twice);
    return test_done();
}
