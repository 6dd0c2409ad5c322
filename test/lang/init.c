/* Initialisers: scalars, arrays (sized by their initialiser), strings, nested
 * braces, designators, zero fill, for locals, globals and statics alike. */
#include "test.h"
// expect: OK 60

struct pair { int a; char b; };
struct box { struct pair p[2]; char name[6]; int *ptr; };

int g_scalar = 5;
int g_array[4] = {1, 2, 3};
int g_sized[] = {10, 20, 30, 40, 50};
char g_str[] = "hello";
char g_str_short[3] = "abcdef";
char *g_ptr = "world";
struct pair g_pair = {7, 'x'};
struct box g_box = {{{1, 'a'}, {2, 'b'}}, "box", &g_scalar};
int g_designated[6] = {[2] = 20, [4] = 40, 41};
struct pair g_dpair = {.b = 'q', .a = -3};
int *g_ptr_into = &g_array[2];
int g_zero;
char *g_strings[] = {"one", "two", "three"};
int g_matrix[2][3] = {{1, 2, 3}, {4, 5, 6}};
int g_flat[2][3] = {1, 2, 3, 4};
short g_shorts[3] = {-1, 0x7fff, 65535};
unsigned char g_bytes[2] = {255, 256 + 7};

int counter(void)
{
    static int calls = 100;
    return ++calls;
}

int main(void)
{
    int a[4] = {1, 2};
    int b[] = {4, 5, 6};
    char s[8] = "hi";
    char t[] = "xyz";
    struct pair p = {1, 2};
    struct pair q = p;
    struct box bx = {{{9}}, "ab"};
    int d[5] = {[1] = 1, [3] = 3};
    int m[2][2] = {{1}, {3, 4}};
    int n = 7;
    int *np = &n;
    ASSERT(1, a[0]);
    ASSERT(2, a[1]);
    ASSERT(0, a[2]);
    ASSERT(0, a[3]);
    ASSERT(12, sizeof(b));
    ASSERT(6, b[2]);
    ASSERT('h', s[0]);
    ASSERT(0, s[2]);
    ASSERT(0, s[7]);
    ASSERT(4, sizeof(t));
    ASSERT('z', t[2]);
    ASSERT(2, p.b);
    ASSERT(1, q.a);
    ASSERT(9, bx.p[0].a);
    ASSERT(0, bx.p[0].b);
    ASSERT(0, bx.p[1].a);
    ASSERT('b', bx.name[1]);
    ASSERT(0, bx.name[2]);
    ASSERT(0, bx.ptr == 0 ? 0 : 1);
    ASSERT(1, d[1]);
    ASSERT(0, d[2]);
    ASSERT(3, d[3]);
    ASSERT(1, m[0][0]);
    ASSERT(0, m[0][1]);
    ASSERT(4, m[1][1]);
    ASSERT(7, *np);
    ASSERT(5, g_scalar);
    ASSERT(3, g_array[2]);
    ASSERT(0, g_array[3]);
    ASSERT(20, sizeof(g_sized));
    ASSERT(50, g_sized[4]);
    ASSERT(6, sizeof(g_str));
    ASSERT('o', g_str[4]);
    ASSERT('c', g_str_short[2]);
    ASSERT('d', g_ptr[4]);
    ASSERT('x', g_pair.b);
    ASSERT(2, g_box.p[1].a);
    ASSERT('b', g_box.p[1].b);
    ASSERT('x', g_box.name[2]);
    ASSERT(5, *g_box.ptr);
    ASSERT(0, g_designated[1]);
    ASSERT(20, g_designated[2]);
    ASSERT(40, g_designated[4]);
    ASSERT(41, g_designated[5]);
    ASSERT(-3, g_dpair.a);
    ASSERT('q', g_dpair.b);
    ASSERT(3, *g_ptr_into);
    ASSERT(0, g_zero);
    ASSERT('t', g_strings[2][0]);
    ASSERT('w', g_strings[1][1]);
    ASSERT(6, g_matrix[1][2]);
    ASSERT(4, g_flat[1][0]);
    ASSERT(0, g_flat[1][1]);
    ASSERT(-1, g_shorts[0]);
    ASSERT(32767, g_shorts[1]);
    ASSERT(-1, g_shorts[2]);
    ASSERT(255, g_bytes[0]);
    ASSERT(7, g_bytes[1]);
    ASSERT(101, counter());
    ASSERT(102, counter());
    return test_done();
}
