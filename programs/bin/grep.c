/* grep: print the lines of each FILE (or stdin) that match PATTERN, a basic
 * regular expression: c, ., [set], [^set], [a-z], \c, x* (any element
 * repeated), ^ and $ anchors.
 *   -v select non-matching lines   -c print only a count of selected lines
 *   -n prefix line numbers         -i ignore case
 *   -q print nothing (status only) -l print only the names of files with one
 *   -F PATTERN is a fixed string   -e PATTERN (one starting with '-')
 * Status 0 when a line was selected, 1 when none was, 2 after an error. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <ctype.h>
#include <unistd.h>

static int invert, count_only, numbers, ignore_case, quiet, names_only, fixed;
static const char *pattern;

static int same(int a, int b)
{
    return ignore_case ? tolower(a) == tolower(b) : a == b;
}

/* Length of the element at re (a char, '.', "\c" or "[...]"). */
static int element_length(const char *re)
{
    const char *p;
    if (re[0] == '\\' && re[1] != '\0')
        return 2;
    if (re[0] != '[')
        return 1;
    p = re + 1;
    if (*p == '^')
        p++;
    if (*p == ']')
        p++;
    while (*p != '\0' && *p != ']')
        p++;
    return *p == ']' ? p - re + 1 : 1;
}

/* Whether c matches the element at re of length len. */
static int element_matches(const char *re, int len, int c)
{
    int i, negate, found = 0;
    if (len == 2 && re[0] == '\\')
        return same(re[1], c);
    if (len == 1)
        return re[0] == '.' || same(re[0], c);
    negate = re[1] == '^';
    for (i = negate ? 2 : 1; i < len - 1; i++) {
        if (re[i + 1] == '-' && i + 2 < len - 1) {
            int lo = re[i], hi = re[i + 2];
            if ((c >= lo && c <= hi) || (ignore_case && tolower(c) >= tolower(lo) && tolower(c) <= tolower(hi)))
                found = 1;
            i += 2;
        } else if (same(re[i], c)) {
            found = 1;
        }
    }
    return found != negate;
}

static int match_here(const char *re, const char *text);

/* element* at re followed by rest: as many as possible, then fewer. */
static int match_star(const char *re, int len, const char *rest, const char *text)
{
    const char *t = text;
    while (*t != '\0' && element_matches(re, len, (unsigned char)*t))
        t++;
    do {
        if (match_here(rest, t))
            return 1;
    } while (t-- > text);
    return 0;
}

static int match_here(const char *re, const char *text)
{
    int len;
    if (re[0] == '\0')
        return 1;
    if (re[0] == '$' && re[1] == '\0')
        return *text == '\0';
    len = element_length(re);
    if (re[len] == '*')
        return match_star(re, len, re + len + 1, text);
    if (*text != '\0' && element_matches(re, len, (unsigned char)*text))
        return match_here(re + len, text + 1);
    return 0;
}

static int matches(const char *line)
{
    if (fixed) {
        size_t n = strlen(pattern), i;
        for (; *line; line++) {
            for (i = 0; i < n && line[i] != '\0' && same(line[i], pattern[i]); i++)
                ;
            if (i == n)
                return 1;
        }
        return n == 0;
    }
    if (pattern[0] == '^')
        return match_here(pattern + 1, line);
    do {
        if (match_here(pattern, line))
            return 1;
    } while (*line++ != '\0');
    return 0;
}

/* Greps one stream; the number of lines selected. */
static long grep(FILE *in, const char *name, int show_name)
{
    char *line = NULL;
    size_t cap = 0;
    long number = 0, selected = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, in)) >= 0) {
        number++;
        if (n > 0 && line[n - 1] == '\n')
            line[n - 1] = '\0';
        if (matches(line) == invert)
            continue;
        selected++;
        if (quiet || names_only)
            break;
        if (count_only)
            continue;
        if (show_name)
            printf("%s:", name);
        if (numbers)
            printf("%ld:", number);
        printf("%s\n", line);
    }
    free(line);
    if (count_only && !quiet) {
        if (show_name)
            printf("%s:", name);
        printf("%ld\n", selected);
    }
    if (names_only && selected > 0 && !quiet)
        printf("%s\n", name);
    return selected;
}

static int usage(void)
{
    fprintf(stderr, "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
    return 2;
}

int main(int argc, char **argv)
{
    int i, c, status = 1, errors = 0, nfiles, k;
    while ((c = getopt(argc, argv, "vcniqlFGe:")) != -1) {
        switch (c) {
        case 'v': invert = 1; break;
        case 'c': count_only = 1; break;
        case 'n': numbers = 1; break;
        case 'i': ignore_case = 1; break;
        case 'q': quiet = 1; break;
        case 'l': names_only = 1; break;
        case 'F': fixed = 1; break;
        case 'G': break;
        case 'e': pattern = optarg; break;
        default: return usage();
        }
    }
    i = optind;
    if (pattern == NULL) {
        if (i >= argc)
            return usage();
        pattern = argv[i++];
    }
    nfiles = argc - i;
    if (nfiles == 0)
        return grep(stdin, "(standard input)", 0) > 0 ? 0 : 1;
    for (k = i; k < argc; k++) {
        FILE *in = strcmp(argv[k], "-") == 0 ? stdin : fopen(argv[k], "r");
        if (in == NULL) {
            fprintf(stderr, "grep: %s: %s\n", argv[k], strerror(errno));
            errors = 1;
            continue;
        }
        if (grep(in, in == stdin ? "(standard input)" : argv[k], nfiles > 1) > 0) {
            status = 0;
            if (quiet)
                return 0;
        }
        if (in != stdin)
            fclose(in);
    }
    return errors && !(quiet && status == 0) ? 2 : status;
}
