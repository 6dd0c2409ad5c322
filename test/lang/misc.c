/* More declarator and initialiser forms: nested designators, unions, static
 * local arrays, const and volatile, arrays of function pointers in static
 * data, struct members that are arrays of structs, and goto out of loops. */
#include "test.h"
// expect: OK 31

struct item { int id; char tag; };
struct table { struct item items[3]; char title[8]; int count; };
union number { int i; unsigned char b[4]; };

struct table g_table = {.items[1].tag = 'z', .title = "tbl", .items[0] = {5, 'a'}, .count = 2};
union number g_num = {0x01020304};
const int g_const[3] = {7, 8, 9};
volatile int g_volatile = 3;

int inc(int x) { return x + 1; }
int dec(int x) { return x - 1; }
int (*g_ops[])(int) = {inc, dec, inc};

int seq(void)
{
    static int values[4] = {10, 20, 30, 40};
    static int next;
    return values[next++ % 4];
}

int find(int (*m)[4], int want)
{
    int i, j;
    for (i = 0; i < 3; i++)
        for (j = 0; j < 4; j++)
            if (m[i][j] == want)
                goto found;
    return -1;
found:
    return i * 4 + j;
}

int main(void)
{
    int m[3][4] = {{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}};
    union number n;
    const char *names[] = {"zero", "one", "two"};
    struct item list[2] = {{1, 'x'}, [1] = {.tag = 'y', .id = 2}};
    ASSERT(5, g_table.items[0].id);
    ASSERT('a', g_table.items[0].tag);
    ASSERT('z', g_table.items[1].tag);
    ASSERT(0, g_table.items[1].id);
    ASSERT(0, g_table.items[2].tag);
    ASSERT('t', g_table.title[0]);
    ASSERT(2, g_table.count);
    ASSERT(36, sizeof(g_table));
    ASSERT(4, g_num.b[0]);
    ASSERT(1, g_num.b[3]);
    n.i = -1;
    ASSERT(255, n.b[2]);
    n.b[0] = 0;
    ASSERT(-256, n.i);
    ASSERT(8, g_const[1]);
    ASSERT(3, g_volatile);
    g_volatile++;
    ASSERT(4, g_volatile);
    ASSERT(11, g_ops[0](10));
    ASSERT(9, g_ops[1](10));
    ASSERT(3, sizeof(g_ops) / sizeof(g_ops[0]));
    ASSERT(10, seq());
    ASSERT(20, seq());
    ASSERT(30, seq());
    ASSERT(40, seq());
    ASSERT(10, seq());
    ASSERT(6, find(m, 7));
    ASSERT(11, find(m, 12));
    ASSERT(-1, find(m, 13));
    ASSERT('w', names[2][1]);
    ASSERT(4, names[0][4] == 0 ? 4 : 0);
    ASSERT(1, list[0].id);
    ASSERT('y', list[1].tag);
    ASSERT(2, list[1].id);
    return test_done();
}
