/* labs/pipes/04_capacity -- how much a pipe holds, and what happens when it
 * is full.
 *
 * A pipe is a fixed-size buffer in the kernel (64 KiB on Linux).  Part 1
 * fills an empty pipe with non-blocking 1024-byte writes until the kernel
 * says EAGAIN and counts the bytes.  Part 2 shrinks it with F_SETPIPE_SZ to
 * one page (4096 bytes), the size older kernels had.  Part 3 lets a child
 * write 100000 bytes in ONE blocking write() into that small pipe: the
 * kernel copies what fits, puts the writer to sleep on the pipe's wait queue,
 * and wakes it each time the reader makes room.  The parent reads in small
 * gulps and checks every byte arrived in order.  Writes larger than PIPE_BUF
 * are not atomic: they may be interleaved with other writers' data. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/wait.h>

#define BIG 100000

static char data[BIG];

int main(void)
{
    int p[2], total = 0, n, i, bad = 0, reads = 0, status;
    char chunk[1024], in[700];
    pid_t pid;

    /* Part 1: fill until EAGAIN. */
    pipe(p);
    fcntl(p[1], F_SETFL, fcntl(p[1], F_GETFL) | O_NONBLOCK);
    memset(chunk, 'x', sizeof chunk);
    for (;;) {
        n = write(p[1], chunk, sizeof chunk);
        if (n < 0)
            break;
        total += n;
    }
    printf("part 1: the pipe took %d bytes, then write failed: %s\n", total,
           errno == EAGAIN ? "EAGAIN" : strerror(errno));
    printf("        F_GETPIPE_SZ says %d, PIPE_BUF is %d\n", fcntl(p[1], F_GETPIPE_SZ), PIPE_BUF);
    close(p[0]);
    close(p[1]);

    /* Part 2: a one-page pipe. */
    pipe(p);
    printf("part 2: F_SETPIPE_SZ(4096) -> %d\n", fcntl(p[1], F_SETPIPE_SZ, 4096));

    /* Part 3: one big blocking write through the small pipe. */
    for (i = 0; i < BIG; i++)
        data[i] = (char)('a' + i % 26);
    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        close(p[0]);
        n = write(p[1], data, BIG);     /* sleeps many times inside this call */
        exit(n == BIG ? 0 : 1);
    }
    close(p[1]);
    total = 0;
    while ((n = read(p[0], in, sizeof in)) > 0) {
        reads++;
        for (i = 0; i < n; i++)
            if (in[i] != data[total + i])
                bad++;
        total += n;
    }
    close(p[0]);
    waitpid(pid, &status, 0);
    printf("part 3: child's write(%d) returned %s\n", BIG, WEXITSTATUS(status) == 0 ? "all of it" : "short");
    printf("        parent read %d bytes, %d out of place, in %s reads\n", total, bad,
           reads > BIG / 4096 ? "many" : "few");
    return 0;
}
