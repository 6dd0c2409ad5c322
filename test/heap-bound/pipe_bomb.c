/* heap-bound/pipe_bomb: children make pipes, each filled with all it holds, until
 * pipe fails: the first children run out of descriptors of their own (EMFILE),
 * the last out of the system's (ENFILE at NFILE) or, as uid 0, out of pipe pages
 * (ENFILE at PIPE_USER_PAGES_HARD). The parent prints the total while every pipe
 * is still full, then lets the children go. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static char page[65536];

struct report {
    int pipes, error;
};

static void child(int report_fd, int release_fd)
{
    struct report r;
    int p[2];

    r.pipes = 0;
    while (pipe(p) == 0) {
        fcntl(p[1], F_SETFL, O_NONBLOCK);
        while (write(p[1], page, sizeof page) > 0)
            ;
        r.pipes++;
    }
    r.error = errno;
    write(report_fd, &r, sizeof r);
    read(release_fd, &r, 1);
    exit(0);
}

int main(void)
{
    int report[2], release[2], children = 0, pipes = 0;
    struct report r;

    pipe(report);
    pipe(release);
    do {
        if (fork() == 0) {
            close(release[1]);
            child(report[1], release[0]);
        }
        read(report[0], &r, sizeof r);
        children++;
        pipes += r.pipes;
    } while (r.error == EMFILE);
    printf("%d full pipes in %d children, then: %s\n", pipes, children, strerror(r.error));
    fflush(stdout);
    close(release[1]);
    while (wait(NULL) > 0)
        ;
    return 0;
}
