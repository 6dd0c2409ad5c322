/* tee: copy stdin to stdout and to each FILE.
 *   -a  append to the files instead of truncating them */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#define MAX_FILES 64

static int write_all(int fd, const char *buf, int n)
{
    while (n > 0) {
        int w = write(fd, buf, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        buf += w;
        n -= w;
    }
    return 0;
}

int main(int argc, char **argv)
{
    int fds[MAX_FILES + 1];
    char *names[MAX_FILES + 1];
    int nfds = 0, i = 1, status = 0, flags = O_WRONLY | O_CREAT | O_TRUNC, n, k;
    char buf[8192];
    if (i < argc && strcmp(argv[i], "-a") == 0) {
        flags = O_WRONLY | O_CREAT | O_APPEND;
        i++;
    }
    fds[nfds] = 1;
    names[nfds++] = "standard output";
    for (; i < argc && nfds <= MAX_FILES; i++) {
        int fd = open(argv[i], flags, 0666);
        if (fd < 0) {
            fprintf(stderr, "tee: %s: %s\n", argv[i], strerror(errno));
            status = 1;
            continue;
        }
        fds[nfds] = fd;
        names[nfds++] = argv[i];
    }
    for (;;) {
        n = read(0, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        for (k = 0; k < nfds; k++) {
            if (fds[k] >= 0 && write_all(fds[k], buf, n) < 0) {
                fprintf(stderr, "tee: %s: %s\n", names[k], strerror(errno));
                fds[k] = -1;
                status = 1;
            }
        }
    }
    if (n < 0) {
        fprintf(stderr, "tee: read error: %s\n", strerror(errno));
        status = 1;
    }
    return status;
}
