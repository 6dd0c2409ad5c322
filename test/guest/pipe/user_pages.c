/* pipe/user_pages: a user's pipes may have PIPE_USER_PAGES_SOFT (16384) page slots
 * together, Linux's pipe-user-pages-soft. Up to it a new pipe has 16 pages
 * (65536 bytes); past it only 2, and F_SETPIPE_SZ may not grow a pipe (EPERM).
 * Shrinking a pipe gives its pages back. Pipes are kept alive by their read ends
 * alone, spread over two processes for want of descriptors. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define PARENT_PIPES 1000

static int new_pipe(void)
{
    int p[2];

    if (pipe(p) < 0) {
        printf("pipe: %s\n", strerror(errno));
        exit(1);
    }
    close(p[1]);
    return p[0];
}

static void child(void)
{
    int fd, first = -1, i, n;

    for (fd = 3; fd < 3 + PARENT_PIPES; fd++)
        close(fd);
    for (i = PARENT_PIPES + 1; i < 1024; i++) {
        fd = new_pipe();
        if (first < 0)
            first = fd;
    }
    printf("pipe 1024: %d\n", fcntl(new_pipe(), F_GETPIPE_SZ));
    printf("pipe 1025: %d\n", fcntl(new_pipe(), F_GETPIPE_SZ));
    n = fcntl(first, F_SETPIPE_SZ, 131072);
    printf("grow a pipe: %d %s\n", n, strerror(errno));
    printf("shrink one: %d\n", fcntl(first, F_SETPIPE_SZ, 4096));
    printf("next pipe: %d\n", fcntl(new_pipe(), F_GETPIPE_SZ));
    printf("shrink another: %d\n", fcntl(first + 1, F_SETPIPE_SZ, 4096));
    printf("next pipe: %d\n", fcntl(new_pipe(), F_GETPIPE_SZ));
    exit(0);
}

int main(void)
{
    int i;

    for (i = 0; i < PARENT_PIPES; i++)
        new_pipe();
    fflush(stdout);
    if (fork() == 0)
        child();
    wait(NULL);
    return 0;
}
// expect: pipe 1024: 65536
// expect: pipe 1025: 8192
// expect: grow a pipe: -1 Operation not permitted
// expect: shrink one: 4096
// expect: next pipe: 8192
// expect: shrink another: 4096
// expect: next pipe: 65536
