/* tail: the last lines of each FILE (or stdin).
 *   -n N, -N   the last N lines (default 10)
 *   -n +N, +N  everything from line N on
 *   -c N       the last N bytes
 * Several files get "==> NAME <==" headers, as with head. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

static long count = 10;
static int from_start; /* +N: start at line (or byte) N */
static int by_bytes;

/* All of fd in a malloc'ed buffer; its length in *len, NULL on error. */
static char *slurp(int fd, long *len)
{
    long cap = 8192, used = 0;
    char *buf = malloc(cap);
    int n;
    while (buf != NULL) {
        if (used == cap) {
            char *bigger = realloc(buf, cap * 2);
            if (bigger == NULL) {
                free(buf);
                return NULL;
            }
            buf = bigger;
            cap *= 2;
        }
        n = read(fd, buf + used, cap - used);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            free(buf);
            return NULL;
        }
        if (n == 0)
            break;
        used += n;
    }
    *len = used;
    return buf;
}

/* Where the output of buf starts. */
static long start_of(const char *buf, long len)
{
    long at, lines;
    if (by_bytes) {
        if (from_start)
            return count > 0 ? (count - 1 < len ? count - 1 : len) : 0;
        return len > count ? len - count : 0;
    }
    if (from_start) {
        for (at = 0, lines = 1; at < len && lines < count; at++)
            if (buf[at] == '\n')
                lines++;
        return at;
    }
    at = len;
    if (at > 0 && buf[at - 1] == '\n')
        at--;
    for (lines = 0; at > 0; at--)
        if (buf[at - 1] == '\n' && ++lines == count)
            break;
    return count == 0 ? len : at;
}

static int tail(int fd, const char *name)
{
    long len;
    char *buf = slurp(fd, &len);
    long at;
    if (buf == NULL) {
        fprintf(stderr, "tail: error reading '%s': %s\n", name, strerror(errno));
        return 1;
    }
    at = start_of(buf, len);
    fwrite(buf + at, 1, len - at, stdout);
    free(buf);
    return 0;
}

static int set_count(const char *text)
{
    char *end;
    if (*text == '+') {
        from_start = 1;
        text++;
    } else if (*text == '-') {
        text++;
    }
    count = strtol(text, &end, 10);
    if (*text == '\0' || *end != '\0' || count < 0) {
        fprintf(stderr, "tail: invalid number of %s: '%s'\n", by_bytes ? "bytes" : "lines", text);
        return 0;
    }
    return 1;
}

int main(int argc, char **argv)
{
    int i = 1, status = 0, k, nfiles;
    for (; i < argc && (argv[i][0] == '-' || argv[i][0] == '+') && argv[i][1] != '\0'; i++) {
        char *a = argv[i];
        const char *value;
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        if (a[1] >= '0' && a[1] <= '9') {
            if (!set_count(a))
                return 1;
            continue;
        }
        if (a[0] == '+' || (a[1] != 'n' && a[1] != 'c')) {
            fprintf(stderr, "tail: invalid option -- '%c'\nTry 'tail --help' for more information.\n", a[1]);
            return 1;
        }
        by_bytes = a[1] == 'c';
        value = a[2] != '\0' ? a + 2 : i + 1 < argc ? argv[++i] : NULL;
        if (value == NULL) {
            fprintf(stderr, "tail: option requires an argument -- '%c'\n", a[1]);
            return 1;
        }
        if (!set_count(value))
            return 1;
    }
    nfiles = argc - i;
    if (nfiles == 0)
        return tail(0, "standard input");
    for (k = i; k < argc; k++) {
        int fd = strcmp(argv[k], "-") == 0 ? 0 : open(argv[k], O_RDONLY);
        if (fd < 0) {
            fprintf(stderr, "tail: cannot open '%s' for reading: %s\n", argv[k], strerror(errno));
            status = 1;
            continue;
        }
        if (nfiles > 1)
            printf("%s==> %s <==\n", k > i ? "\n" : "", fd == 0 ? "standard input" : argv[k]);
        status |= tail(fd, argv[k]);
        if (fd != 0)
            close(fd);
    }
    return status;
}
