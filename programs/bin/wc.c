/* wc: count lines, words and bytes of each FILE (or stdin), as GNU wc does.
 *   -l lines   -w words   -c bytes   -m characters (bytes: no multibyte locale)
 * Without options: lines, words, bytes.  The counts are right-aligned in
 * columns as wide as the total size of the regular files needs -- at least 7
 * when one input is not a regular file (a pipe, a terminal), and just the
 * number when one count of one input is printed.  A "total" line follows
 * when there are several files. */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

struct counts {
    unsigned long lines, words, bytes;
};

static int show_lines, show_words, show_chars, show_bytes;
static int width = 1;

static int is_space(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

/* Counts what fd holds; 0, or -1 on a read error. */
static int count(int fd, struct counts *c)
{
    char buf[8192];
    int n, i, in_word = 0;
    memset(c, 0, sizeof *c);
    for (;;) {
        n = read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        c->bytes += n;
        for (i = 0; i < n; i++) {
            if (buf[i] == '\n')
                c->lines++;
            if (is_space((unsigned char)buf[i])) {
                in_word = 0;
            } else if (!in_word) {
                in_word = 1;
                c->words++;
            }
        }
    }
    return n < 0 ? -1 : 0;
}

static void print_counts(struct counts *c, const char *name)
{
    const char *sep = "";
    if (show_lines) {
        printf("%s%*lu", sep, width, c->lines);
        sep = " ";
    }
    if (show_words) {
        printf("%s%*lu", sep, width, c->words);
        sep = " ";
    }
    if (show_chars) {
        printf("%s%*lu", sep, width, c->bytes);
        sep = " ";
    }
    if (show_bytes)
        printf("%s%*lu", sep, width, c->bytes);
    if (name != NULL)
        printf(" %s", name);
    putchar('\n');
}

/* GNU wc's compute_number_width over the inputs' stat. */
static void choose_width(char **files, int nfiles)
{
    unsigned long regular_total = 0;
    int minimum = 1, i;
    struct stat st;
    if (nfiles == 1 && show_lines + show_words + show_chars + show_bytes == 1)
        return;
    for (i = 0; i < nfiles; i++) {
        int ok = files[i] == NULL || strcmp(files[i], "-") == 0 ? fstat(0, &st) == 0 : stat(files[i], &st) == 0;
        if (!ok)
            continue;
        if (S_ISREG(st.st_mode))
            regular_total += st.st_size;
        else
            minimum = 7;
    }
    for (; regular_total >= 10; regular_total /= 10)
        width++;
    if (width < minimum)
        width = minimum;
}

static int usage(void)
{
    fprintf(stderr, "Try 'wc --help' for more information.\n");
    return 1;
}

int main(int argc, char **argv)
{
    static char *stdin_only[] = { NULL };
    struct counts total, c;
    char **files;
    int nfiles, i, opt, status = 0;
    while ((opt = getopt(argc, argv, "lwcm")) != -1) {
        switch (opt) {
        case 'l': show_lines = 1; break;
        case 'w': show_words = 1; break;
        case 'c': show_bytes = 1; break;
        case 'm': show_chars = 1; break;
        default: return usage();
        }
    }
    i = optind;
    if (!show_lines && !show_words && !show_bytes && !show_chars)
        show_lines = show_words = show_bytes = 1;
    files = i < argc ? argv + i : stdin_only;
    nfiles = i < argc ? argc - i : 1;
    choose_width(files, nfiles);
    memset(&total, 0, sizeof total);
    for (i = 0; i < nfiles; i++) {
        const char *name = files[i];
        int fd = 0;
        if (name != NULL && strcmp(name, "-") != 0) {
            fd = open(name, O_RDONLY);
            if (fd < 0) {
                fprintf(stderr, "wc: %s: %s\n", name, strerror(errno));
                status = 1;
                continue;
            }
        }
        if (count(fd, &c) < 0) {
            fprintf(stderr, "wc: %s: %s\n", name == NULL ? "-" : name, strerror(errno));
            status = 1;
        }
        if (fd != 0)
            close(fd);
        print_counts(&c, name);
        total.lines += c.lines;
        total.words += c.words;
        total.bytes += c.bytes;
    }
    if (nfiles > 1)
        print_counts(&total, "total");
    return status;
}
