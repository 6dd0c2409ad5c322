/* sort: the lines of all FILEs (or stdin), sorted, as GNU sort in the C locale.
 *   -r reverse   -n numeric (leading number)   -f fold case   -u unique
 *   -k N  compare from field N (fields are separated by blanks, or by -t C)
 *   -s    stable: no last-resort comparison of whole lines
 * Lines whose keys compare equal are ordered by their whole bytes, unless -s. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>
#include <ctype.h>

static int reverse, numeric, fold, unique, stable, key_field, separator;

struct line {
    char *text;
    long order; /* input position, for -s */
};

static const char *key_of(const char *s)
{
    int field;
    for (field = 1; field < key_field && *s; field++) {
        if (separator) {
            const char *sep = strchr(s, separator);
            if (sep == NULL)
                return s + strlen(s);
            s = sep + 1;
        } else {
            while (*s == ' ' || *s == '\t')
                s++;
            while (*s && *s != ' ' && *s != '\t')
                s++;
        }
    }
    return s;
}

static int compare_numbers(const char *a, const char *b)
{
    long x, y;
    while (*a == ' ' || *a == '\t')
        a++;
    while (*b == ' ' || *b == '\t')
        b++;
    x = strtol(a, NULL, 10);
    y = strtol(b, NULL, 10);
    return x < y ? -1 : x > y;
}

static int compare_text(const char *a, const char *b)
{
    if (!fold)
        return strcmp(a, b);
    for (; *a && toupper((unsigned char)*a) == toupper((unsigned char)*b); a++, b++)
        ;
    return toupper((unsigned char)*a) - toupper((unsigned char)*b);
}

/* The comparison of two lines by their keys only. */
static int compare_keys(const struct line *x, const struct line *y)
{
    const char *a = key_field ? key_of(x->text) : x->text;
    const char *b = key_field ? key_of(y->text) : y->text;
    int c = numeric ? compare_numbers(a, b) : compare_text(a, b);
    return reverse ? -c : c;
}

static int compare_lines(const void *p, const void *q)
{
    const struct line *x = p, *y = q;
    int c = compare_keys(x, y);
    if (c != 0)
        return c;
    if (stable)
        return x->order < y->order ? -1 : x->order > y->order;
    c = strcmp(x->text, y->text);
    return reverse ? -c : c;
}

static struct line *lines;
static long nlines, cap;

static int read_lines(FILE *in)
{
    char *text = NULL;
    size_t size = 0;
    ssize_t n;
    while ((n = getline(&text, &size, in)) >= 0) {
        if (n > 0 && text[n - 1] == '\n')
            text[n - 1] = '\0';
        if (nlines == cap) {
            struct line *bigger;
            cap = cap == 0 ? 256 : cap * 2;
            bigger = realloc(lines, cap * sizeof *lines);
            if (bigger == NULL)
                return -1;
            lines = bigger;
        }
        lines[nlines].text = strdup(text);
        if (lines[nlines].text == NULL)
            return -1;
        lines[nlines].order = nlines;
        nlines++;
    }
    free(text);
    return 0;
}

int main(int argc, char **argv)
{
    int i, c, k;
    long j;
    while ((c = getopt(argc, argv, "rnfusk:t:")) != -1) {
        switch (c) {
        case 'r': reverse = 1; break;
        case 'n': numeric = 1; break;
        case 'f': fold = 1; break;
        case 'u': unique = 1; break;
        case 's': stable = 1; break;
        case 'k': key_field = atoi(optarg); break;
        case 't': separator = optarg[0]; break;
        default:
            fprintf(stderr, "Try 'sort --help' for more information.\n");
            return 2;
        }
    }
    i = optind;
    if (i == argc && read_lines(stdin) < 0) {
        fprintf(stderr, "sort: %s\n", strerror(errno));
        return 2;
    }
    for (k = i; k < argc; k++) {
        FILE *in = strcmp(argv[k], "-") == 0 ? stdin : fopen(argv[k], "r");
        if (in == NULL) {
            fprintf(stderr, "sort: cannot read: %s: %s\n", argv[k], strerror(errno));
            return 2;
        }
        if (read_lines(in) < 0) {
            fprintf(stderr, "sort: %s: %s\n", argv[k], strerror(errno));
            return 2;
        }
        if (in != stdin)
            fclose(in);
    }
    qsort(lines, nlines, sizeof *lines, compare_lines);
    for (j = 0; j < nlines; j++) {
        if (unique && j > 0 && compare_keys(&lines[j - 1], &lines[j]) == 0)
            continue;
        printf("%s\n", lines[j].text);
    }
    return 0;
}
