/* fifo_pingpong: pipe_pingpong over two named FIFOs made with mkfifo in /tmp.
 * argv[1] = round trips (default 200000). ops = round trips.
 * Checked: the child returns each byte plus one; the FIFOs are unlinked at the end. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/types.h>
#include <sys/stat.h>
#include <sys/wait.h>

static int child(const char *down, const char *up, int n)
{
    int in = open(down, O_RDONLY), out, i;
    unsigned char b;
    if (in < 0)
        return 3;
    out = open(up, O_WRONLY);
    if (out < 0)
        return 4;
    for (i = 0; i < n; i++) {
        if (read(in, &b, 1) != 1)
            return 1;
        b = (unsigned char)(b + 1);
        if (write(out, &b, 1) != 1)
            return 2;
    }
    close(in);
    close(out);
    return 0;
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 200000;
    char down[64], up[64];
    int in, out, i, status, bad = 0;
    unsigned checksum = 0;
    pid_t pid;
    sprintf(down, "/tmp/ipcvm-bench-%d-down", (int)getpid());
    sprintf(up, "/tmp/ipcvm-bench-%d-up", (int)getpid());
    if (mkfifo(down, 0600) < 0 || mkfifo(up, 0600) < 0) {
        perror("mkfifo");
        unlink(down);
        return 1;
    }
    fflush(stdout);
    pid = fork();
    if (pid < 0) {
        perror("fork");
        return 1;
    }
    if (pid == 0)
        _exit(child(down, up, n));
    out = open(down, O_WRONLY);
    in = open(up, O_RDONLY);
    if (in < 0 || out < 0)
        bad = 1;
    for (i = 0; i < n && !bad; i++) {
        unsigned char b = (unsigned char)i;
        if (write(out, &b, 1) != 1 || read(in, &b, 1) != 1 || b != (unsigned char)(i + 1))
            bad = 1;
        checksum += b;
    }
    close(out);
    close(in);
    if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        bad = 1;
    unlink(down);
    unlink(up);
    if (bad) {
        printf("FAIL: fifo ping-pong broke\n");
        return 1;
    }
    printf("fifo_pingpong: %d round trips, checksum %u\n", n, checksum);
    printf("ops %d\n", n);
    return 0;
}
