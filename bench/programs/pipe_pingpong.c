/* pipe_pingpong: one byte bounced between two processes over two pipes
 * (lmbench's pipe latency). argv[1] = round trips (default 200000). ops = round trips.
 * Checked: the child returns each byte plus one; the parent verifies every reply
 * and the child's exit status. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/wait.h>

static int child(int in, int out, int n)
{
    int i;
    unsigned char b;
    for (i = 0; i < n; i++) {
        if (read(in, &b, 1) != 1)
            return 1;
        b = (unsigned char)(b + 1);
        if (write(out, &b, 1) != 1)
            return 2;
    }
    return 0;
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 200000;
    int to_child[2], to_parent[2], i, status, bad = 0;
    unsigned checksum = 0;
    pid_t pid;
    if (pipe(to_child) < 0 || pipe(to_parent) < 0) {
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
        close(to_child[1]);
        close(to_parent[0]);
        _exit(child(to_child[0], to_parent[1], n));
    }
    close(to_child[0]);
    close(to_parent[1]);
    for (i = 0; i < n; i++) {
        unsigned char b = (unsigned char)i;
        if (write(to_child[1], &b, 1) != 1 || read(to_parent[0], &b, 1) != 1) {
            bad = 1;
            break;
        }
        if (b != (unsigned char)(i + 1))
            bad = 1;
        checksum += b;
    }
    close(to_child[1]);
    close(to_parent[0]);
    if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        bad = 1;
    if (bad) {
        printf("FAIL: pipe ping-pong broke\n");
        return 1;
    }
    printf("pipe_pingpong: %d round trips, checksum %u\n", n, checksum);
    printf("ops %d\n", n);
    return 0;
}
