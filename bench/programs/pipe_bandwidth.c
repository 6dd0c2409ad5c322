/* pipe_bandwidth: a child writes 64 KiB blocks into a pipe, the parent reads
 * them (lmbench's pipe bandwidth). argv[1] = blocks (default 4096 = 256 MiB).
 * ops = 64 KiB blocks moved.
 * Checked: the byte count, and the first and last byte of every read against
 * the pattern at that stream offset (so lost or reordered data is caught without
 * touching every byte). */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/wait.h>

#define BLOCK 65536

static unsigned char out_block[BLOCK], in_block[BLOCK];

static unsigned char pattern(unsigned offset)
{
    unsigned j = offset % BLOCK;
    return (unsigned char)(j * 7u + j / 256u);
}

int main(int argc, char **argv)
{
    int blocks = argc > 1 ? atoi(argv[1]) : 4096;
    unsigned total = (unsigned)blocks * BLOCK, received = 0;
    int fds[2], i, status, bad = 0;
    pid_t pid;
    if (pipe(fds) < 0) {
        perror("pipe");
        return 1;
    }
    fflush(stdout);
    pid = fork();
    if (pid < 0) {
        perror("fork");
        return 1;
    }
    if (pid == 0) {
        close(fds[0]);
        for (i = 0; i < BLOCK; i++)
            out_block[i] = pattern((unsigned)i);
        for (i = 0; i < blocks; i++) {
            int done = 0;
            while (done < BLOCK) {
                int w = write(fds[1], out_block + done, BLOCK - done);
                if (w <= 0)
                    _exit(1);
                done += w;
            }
        }
        _exit(0);
    }
    close(fds[1]);
    for (;;) {
        int r = read(fds[0], in_block, BLOCK);
        if (r < 0) {
            bad = 1;
            break;
        }
        if (r == 0)
            break;
        if (in_block[0] != pattern(received) || in_block[r - 1] != pattern(received + (unsigned)r - 1))
            bad = 1;
        received += (unsigned)r;
    }
    close(fds[0]);
    if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        bad = 1;
    if (bad || received != total) {
        printf("FAIL: received %u of %u bytes%s\n", received, total, bad ? ", corrupted" : "");
        return 1;
    }
    printf("pipe_bandwidth: %u bytes in %d KiB writes, intact\n", total, BLOCK / 1024);
    printf("ops %d\n", blocks);
    return 0;
}
