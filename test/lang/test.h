/* test.h: chibicc-style assertions for the compiler tests in test/lang.
 * ASSERT(expected, expr) checks an int expression and, on a mismatch, prints
 * the expression's text with both values and exits with status 1. Output goes
 * straight through write(2), so the tests depend on the compiler alone. */
#ifndef TEST_H
#define TEST_H

static int test_length(const char *s)
{
    int n = 0;
    while (s[n])
        n++;
    return n;
}

static void test_print(const char *s)
{
    __syscall(4, 1, s, test_length(s));
}

static void test_print_int(int v)
{
    char buf[12];
    int i = 11;
    unsigned u = v < 0 ? -(unsigned)v : (unsigned)v;
    buf[i] = 0;
    do {
        buf[--i] = '0' + u % 10;
        u /= 10;
    } while (u);
    if (v < 0)
        buf[--i] = '-';
    test_print(buf + i);
}

static int test_count;

static void test_assert(int expected, int actual, const char *code)
{
    test_count++;
    if (expected == actual)
        return;
    test_print(code);
    test_print(" => ");
    test_print_int(expected);
    test_print(" expected but got ");
    test_print_int(actual);
    test_print("\n");
    __syscall(1, 1);
}

#define ASSERT(x, y) test_assert(x, y, #y)

/* Ends a test program: prints "OK <number of assertions>". */
static int test_done(void)
{
    test_print("OK ");
    test_print_int(test_count);
    test_print("\n");
    return 0;
}

#endif
