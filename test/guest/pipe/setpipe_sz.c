/* pipe/setpipe_sz: F_GETPIPE_SZ reports 65536; F_SETPIPE_SZ rounds up to a
 * power of two of pages and then bounds what a non-blocking writer can put in;
 * shrinking below the data held fails with EBUSY; a descriptor that is not a
 * pipe gives EBADF. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static char buf[20000];

int main(void)
{
    int p[2], n;

    pipe2(p, O_NONBLOCK);
    printf("default: %d\n", fcntl(p[0], F_GETPIPE_SZ));
    printf("set 5000: %d\n", fcntl(p[1], F_SETPIPE_SZ, 5000));
    n = write(p[1], buf, sizeof buf);
    printf("non-blocking write of 20000: %d\n", n);
    n = fcntl(p[0], F_SETPIPE_SZ, 4096);
    printf("shrink to 4096 while holding 8192: %d %s\n", n, strerror(errno));
    read(p[0], buf, 5000);
    printf("after reading 5000, shrink: %d\n", fcntl(p[0], F_SETPIPE_SZ, 4096));
    printf("room: %d\n", (int)write(p[1], buf, sizeof buf));
    n = fcntl(1, F_GETPIPE_SZ);
    printf("on stdout: %d %s\n", n, strerror(errno));
    return 0;
}
// expect: default: 65536
// expect: set 5000: 8192
// expect: non-blocking write of 20000: 8192
// expect: shrink to 4096 while holding 8192: -1 Device or resource busy
// expect: after reading 5000, shrink: 4096
// expect: room: -1
// expect: on stdout: -1 Bad file descriptor
