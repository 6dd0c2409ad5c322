/* pipe/blocking_large: a blocking write of 200000 bytes (three times the
 * pipe) returns 200000 once a slow reader has taken everything; a partial
 * count only happens with O_NONBLOCK. Two such writers may interleave, but
 * each one's bytes stay in order. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

#define SIZE 200000

static unsigned char big[SIZE], in[1000];

int main(void)
{
    int p[2], w, i, n, status, next[2] = { 0, 0 }, bad = 0, total = 0, ok = 0;

    pipe(p);
    fflush(stdout);
    for (w = 0; w < 2; w++) {
        if (fork() == 0) {
            close(p[0]);
            /* writer w sends bytes 2*k + w for k = 0.. (mod 256) */
            for (i = 0; i < SIZE; i++)
                big[i] = (unsigned char)(2 * i + w);
            _exit(write(p[1], big, SIZE) == SIZE ? 0 : 1);
        }
    }
    close(p[1]);
    while ((n = read(p[0], in, sizeof in)) > 0) {
        for (i = 0; i < n; i++) {
            w = in[i] & 1;
            if (in[i] != (unsigned char)(2 * next[w] + w))
                bad++;
            next[w]++;
        }
        total += n;
    }
    for (w = 0; w < 2; w++) {
        wait(&status);
        if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
            ok++;
    }
    printf("read %d bytes, %d out of order, %d writers got their full count\n", total, bad, ok);
    return 0;
}
// expect: read 400000 bytes, 0 out of order, 2 writers got their full count
