/* pipe/page_granularity: Linux keeps a pipe as 16 page slots, and a write of
 * less than a page goes into the newest page only if it fits there whole. So a
 * pipe takes 65536 one-byte writes, but only 40 writes of 100 bytes per page;
 * a slot frees only when a read empties it; F_SETPIPE_SZ counts slots in use. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

static char buf[65536];

static int fill(int fd, int size)
{
    int n = 0;
    while (write(fd, buf, size) == size)
        n++;
    return n;
}

int main(void)
{
    int p[2], n;

    pipe2(p, O_NONBLOCK);
    printf("1-byte writes: %d\n", fill(p[1], 1));
    while (read(p[0], buf, sizeof buf) > 0)
        ;
    printf("100-byte writes: %d\n", fill(p[1], 100));
    n = read(p[0], buf, 3000);
    printf("after reading %d bytes (less than a page): %d more\n", n, fill(p[1], 100));
    n = read(p[0], buf, 1000);
    printf("after reading %d more (the first page is empty): %d more\n", n, fill(p[1], 100));
    while (read(p[0], buf, sizeof buf) > 0)
        ;
    write(p[1], buf, 10);
    write(p[1], buf, 4096);
    n = fcntl(p[1], F_SETPIPE_SZ, 4096);
    printf("10 + 4096 bytes take two pages: shrink to one: %d, %s\n", n, errno == EBUSY ? "EBUSY" : "other");
    return 0;
}
// expect: 1-byte writes: 65536
// expect: 100-byte writes: 640
// expect: after reading 3000 bytes (less than a page): 0 more
// expect: after reading 1000 more (the first page is empty): 40 more
// expect: 10 + 4096 bytes take two pages: shrink to one: -1, EBUSY
