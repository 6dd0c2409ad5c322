/* pipe/throughput: 16 MiB (or argv[1] chunks of 64 KiB) through a pipe from a
 * child to its parent in 64 KiB writes; the reader takes whatever each read
 * gives and checks the byte at the start of every 512-byte run against the
 * pattern, and the total. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

#define CHUNK 65536

static unsigned char out[CHUNK], in[CHUNK];

static int pattern(unsigned int at)
{
    return ((at % CHUNK) * 7 + 3) & 0xff;
}

int main(int argc, char **argv)
{
    int p[2], i, n, status, bad = 0, chunks = argc > 1 ? atoi(argv[1]) : 256;
    unsigned int total = 0, at;

    for (i = 0; i < CHUNK; i++)
        out[i] = pattern(i);
    pipe(p);
    if (fork() == 0) {
        close(p[0]);
        for (i = 0; i < chunks; i++)
            if (write(p[1], out, CHUNK) != CHUNK)
                _exit(1);
        _exit(0);
    }
    close(p[1]);
    while ((n = read(p[0], in, CHUNK)) > 0) {
        for (at = (total + 511) & ~511u; at < total + n; at += 512)
            if (in[at - total] != pattern(at))
                bad++;
        total += n;
    }
    wait(&status);
    printf("%u bytes, %d bad, writer status %d\n", total, bad, WEXITSTATUS(status));
    return 0;
}
// expect: 16777216 bytes, 0 bad, writer status 0
