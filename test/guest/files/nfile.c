/* files/nfile: open file descriptions are a resource of the whole system (NFILE,
 * Linux's file-max). Children that each open /dev/null until open fails first run
 * out of descriptors of their own (EMFILE), until the system runs out of
 * descriptions (ENFILE). Then pipe fails with ENFILE too, while dup, which shares
 * a description, still works. Once the children have exited, open works again. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

struct report {
    int opened, error, pipe_error, dup_ok;
};

static void child(int report_fd, int release_fd)
{
    struct report r;
    int fds[2];

    r.opened = 0;
    r.pipe_error = 0;
    r.dup_ok = 0;
    while (open("/dev/null", O_RDONLY) >= 0)
        r.opened++;
    r.error = errno;
    if (r.error == ENFILE) {
        r.pipe_error = pipe(fds) < 0 ? errno : 0;
        r.dup_ok = dup(0) >= 0;
    }
    write(report_fd, &r, sizeof r);
    read(release_fd, &r, 1);
    _exit(0);
}

int main(void)
{
    int report[2], release[2], n = 0, total = 0, fd;
    struct report r;

    pipe(report);
    pipe(release);
    for (;;) {
        if (fork() == 0) {
            close(report[0]);
            close(release[1]);
            child(report[1], release[0]);
        }
        read(report[0], &r, sizeof r);
        n++;
        total += r.opened;
        if (r.error != EMFILE) break;
    }
    printf("%d children opened %d descriptions\n", n, total);
    printf("the last stopped with %s\n", strerror(r.error));
    printf("pipe then: %s\n", strerror(r.pipe_error));
    printf("dup then: %s\n", r.dup_ok ? "works" : "fails");
    close(release[1]);
    while (wait(NULL) > 0)
        ;
    fd = open("/dev/null", O_RDONLY);
    printf("open after they exit: %s\n", fd >= 0 ? "works" : strerror(errno));
    return 0;
}
// expect: 9 children opened 8185 descriptions
// expect: the last stopped with Too many open files in system
// expect: pipe then: Too many open files in system
// expect: dup then: works
// expect: open after they exit: works
