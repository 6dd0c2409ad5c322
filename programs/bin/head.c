/* head: the first lines of each FILE (or stdin).
 *   -n N, -nN, -N   the first N lines (default 10)
 *   -c N            the first N bytes
 * With several files each is preceded by "==> NAME <==", and a blank line
 * separates them, as GNU head prints them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

static long limit = 10;
static int by_bytes;

/* Copies the first `limit` lines (or bytes) of fd; 0 or -1 on a read error. */
static int head(int fd)
{
    char buf[4096];
    long left = limit;
    while (left > 0) {
        int n = read(fd, buf, sizeof buf), take = 0;
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return n;
        if (by_bytes) {
            take = n < left ? n : left;
            left -= take;
        } else {
            while (take < n && left > 0)
                if (buf[take++] == '\n')
                    left--;
        }
        fwrite(buf, 1, take, stdout);
    }
    return 0;
}

static int bad_count(const char *text)
{
    fprintf(stderr, "head: invalid number of %s: '%s'\n", by_bytes ? "bytes" : "lines", text);
    return 1;
}

static int parse_count(const char *text)
{
    char *end;
    limit = strtol(text, &end, 10);
    return *text != '\0' && *end == '\0' && limit >= 0;
}

int main(int argc, char **argv)
{
    int i = 1, status = 0, nfiles, k;
    for (; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
        char *a = argv[i];
        const char *value;
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        if (a[1] >= '0' && a[1] <= '9') {
            if (!parse_count(a + 1))
                return bad_count(a + 1);
            continue;
        }
        if (a[1] != 'n' && a[1] != 'c') {
            fprintf(stderr, "head: invalid option -- '%c'\nTry 'head --help' for more information.\n", a[1]);
            return 1;
        }
        by_bytes = a[1] == 'c';
        value = a[2] != '\0' ? a + 2 : i + 1 < argc ? argv[++i] : NULL;
        if (value == NULL) {
            fprintf(stderr, "head: option requires an argument -- '%c'\n", a[1]);
            return 1;
        }
        if (!parse_count(value))
            return bad_count(value);
    }
    nfiles = argc - i;
    if (nfiles == 0)
        return head(0) < 0;
    for (k = i; k < argc; k++) {
        int fd = strcmp(argv[k], "-") == 0 ? 0 : open(argv[k], O_RDONLY);
        if (fd < 0) {
            fprintf(stderr, "head: cannot open '%s' for reading: %s\n", argv[k], strerror(errno));
            status = 1;
            continue;
        }
        if (nfiles > 1)
            printf("%s==> %s <==\n", k > i ? "\n" : "", strcmp(argv[k], "-") == 0 ? "standard input" : argv[k]);
        if (head(fd) < 0) {
            fprintf(stderr, "head: error reading '%s': %s\n", argv[k], strerror(errno));
            status = 1;
        }
        if (fd != 0)
            close(fd);
    }
    return status;
}
