/* Structs and unions: layout with padding, member access through . and ->,
 * copies by assignment, struct arguments and struct results. */
#include "test.h"
// expect: OK 31

struct point {
    int x;
    int y;
};

struct mixed {
    char c;
    int i;
    short s;
    char tail[3];
};

union word {
    int i;
    char bytes[4];
    short halves[2];
};

struct node {
    int value;
    struct node *next;
};

struct wrapper {
    struct point p;
    char tag;
};

struct point make_point(int x, int y)
{
    struct point p;
    p.x = x;
    p.y = y;
    return p;
}

int manhattan(struct point p) { return p.x + p.y; }

struct point swap(struct point p)
{
    int t = p.x;
    p.x = p.y;
    p.y = t;
    return p;
}

int sum_list(struct node *n)
{
    int s = 0;
    for (; n; n = n->next)
        s += n->value;
    return s;
}

struct wrapper global_w;

int main(void)
{
    struct point a, b;
    struct mixed m;
    union word w;
    struct node n1, n2, n3;
    struct point *pa = &a;
    struct wrapper wr;
    a.x = 3;
    a.y = 4;
    ASSERT(3, a.x);
    ASSERT(4, pa->y);
    pa->x = 10;
    ASSERT(10, a.x);
    b = a;
    ASSERT(10, b.x);
    ASSERT(4, b.y);
    b.x = 1;
    ASSERT(10, a.x);
    ASSERT(8, sizeof(struct point));
    ASSERT(16, sizeof(struct mixed));
    ASSERT(4, (char *)&m.i - (char *)&m);
    ASSERT(8, (char *)&m.s - (char *)&m);
    ASSERT(10, (char *)m.tail - (char *)&m);
    ASSERT(4, sizeof(union word));
    w.i = 0x01020304;
    ASSERT(4, w.bytes[0]);
    ASSERT(1, w.bytes[3]);
    ASSERT(0x0102, w.halves[1]);
    b = make_point(5, 6);
    ASSERT(5, b.x);
    ASSERT(6, b.y);
    ASSERT(11, manhattan(b));
    ASSERT(7, manhattan(make_point(3, 4)));
    ASSERT(9, make_point(8, 9).y);
    b = swap(b);
    ASSERT(6, b.x);
    ASSERT(5, b.y);
    n1.value = 1; n1.next = &n2;
    n2.value = 20; n2.next = &n3;
    n3.value = 300; n3.next = 0;
    ASSERT(321, sum_list(&n1));
    ASSERT(300, n1.next->next->value);
    wr.p = a;
    wr.tag = 'w';
    ASSERT(10, wr.p.x);
    ASSERT('w', wr.tag);
    ASSERT(12, sizeof(wr));
    global_w = wr;
    ASSERT(4, global_w.p.y);
    global_w.p.y++;
    ASSERT(5, global_w.p.y);
    ASSERT(4, wr.p.y);
    (&global_w)->p.x += 5;
    ASSERT(15, global_w.p.x);
    return test_done();
}
