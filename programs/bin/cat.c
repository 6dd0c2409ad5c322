/* cat: copy each FILE (or stdin, for none or "-") to stdout.
 *   -n  number every output line, as "%6d\t" */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

static int number_lines;
static long line_no;
static int at_line_start = 1;

/* Writes all of buf; -1 when stdout fails. */
static int write_all(const char *buf, int n)
{
    while (n > 0) {
        int w = write(1, buf, n);
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

static int put_numbered(const char *buf, int n)
{
    char out[8192 * 2];
    int used = 0, i;
    for (i = 0; i < n; i++) {
        if (at_line_start) {
            used += sprintf(out + used, "%6ld\t", ++line_no);
            at_line_start = 0;
        }
        out[used++] = buf[i];
        if (buf[i] == '\n')
            at_line_start = 1;
        if (used > (int)sizeof out - 32) {
            if (write_all(out, used) < 0)
                return -1;
            used = 0;
        }
    }
    return write_all(out, used);
}

/* Copies fd to stdout: 0, or 1 after reporting an error. */
static int copy(int fd, const char *name)
{
    char buf[8192];
    int n;
    for (;;) {
        n = read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        if ((number_lines ? put_numbered(buf, n) : write_all(buf, n)) < 0) {
            fprintf(stderr, "cat: write error: %s\n", strerror(errno));
            return 1;
        }
    }
    if (n < 0) {
        fprintf(stderr, "cat: %s: %s\n", name, strerror(errno));
        return 1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    int status = 0, i = 1, files = 0;
    if (i < argc && strcmp(argv[i], "-n") == 0) {
        number_lines = 1;
        i++;
    }
    for (; i < argc; i++) {
        int fd;
        files++;
        if (strcmp(argv[i], "-") == 0) {
            status |= copy(0, "-");
            continue;
        }
        fd = open(argv[i], O_RDONLY);
        if (fd < 0) {
            fprintf(stderr, "cat: %s: %s\n", argv[i], strerror(errno));
            status = 1;
            continue;
        }
        status |= copy(fd, argv[i]);
        close(fd);
    }
    if (files == 0)
        status = copy(0, "-");
    return status;
}
