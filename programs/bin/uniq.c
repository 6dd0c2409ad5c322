/* uniq: write INPUT (or stdin) to OUTPUT (or stdout), folding each run of
 * identical adjacent lines into one.
 *   -c  prefix each line with its count ("%7d ")
 *   -d  only lines that were repeated   -u  only lines that were not */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

static int show_count, only_repeated, only_single;

static void emit(FILE *out, const char *line, long count)
{
    if ((only_repeated && count < 2) || (only_single && count > 1))
        return;
    if (show_count)
        fprintf(out, "%7ld ", count);
    fprintf(out, "%s\n", line);
}

int main(int argc, char **argv)
{
    FILE *in = stdin, *out = stdout;
    char *line = NULL, *prev = NULL;
    size_t cap = 0;
    long count = 0;
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
        const char *p;
        for (p = argv[i] + 1; *p; p++) {
            if (*p == 'c')
                show_count = 1;
            else if (*p == 'd')
                only_repeated = 1;
            else if (*p == 'u')
                only_single = 1;
            else {
                fprintf(stderr, "uniq: invalid option -- '%c'\nTry 'uniq --help' for more information.\n", *p);
                return 1;
            }
        }
    }
    if (i < argc && strcmp(argv[i], "-") != 0 && (in = fopen(argv[i], "r")) == NULL) {
        fprintf(stderr, "uniq: %s: %s\n", argv[i], strerror(errno));
        return 1;
    }
    if (i + 1 < argc && (out = fopen(argv[i + 1], "w")) == NULL) {
        fprintf(stderr, "uniq: %s: %s\n", argv[i + 1], strerror(errno));
        return 1;
    }
    while (getline(&line, &cap, in) >= 0) {
        size_t n = strlen(line);
        if (n > 0 && line[n - 1] == '\n')
            line[n - 1] = '\0';
        if (prev != NULL && strcmp(prev, line) == 0) {
            count++;
            continue;
        }
        if (prev != NULL)
            emit(out, prev, count);
        free(prev);
        prev = strdup(line);
        count = 1;
    }
    if (prev != NULL)
        emit(out, prev, count);
    return 0;
}
