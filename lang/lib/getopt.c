/* getopt.c: command-line options as glibc's getopt parses them.  By default the
 * operands are permuted to the end as the scan goes, so options may follow
 * them (`prog file -n 3`); a leading '+' in optstring or POSIXLY_CORRECT in the
 * environment stops at the first operand instead, and a leading '-' returns each
 * operand as the option 1 with optarg set.  A ':' (after those) silences the
 * messages and makes a missing argument return ':'.  "x::" takes an optional
 * argument, only when attached.  "--" ends the options; a lone "-" is an operand. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

char *optarg;
int optind = 1, opterr = 1, optopt = '?';

/* Where the scan is inside a cluster of options ("-abc"), or NULL. */
static const char *next_char;
/* argv[first_operand .. last_operand) are operands already skipped over. */
static int first_operand = 1, last_operand = 1;

enum ordering { PERMUTE, REQUIRE_ORDER, RETURN_IN_ORDER };

static int is_operand(const char *arg)
{
    return arg[0] != '-' || arg[1] == '\0';
}

static void reverse(char **argv, int from, int to)
{
    for (to--; from < to; from++, to--) {
        char *t = argv[from];
        argv[from] = argv[to];
        argv[to] = t;
    }
}

/* Moves the options found at argv[last_operand .. optind) in front of the
 * operands skipped before them (a rotation by three reversals). */
static void move_options_first(char **argv)
{
    int moved = optind - last_operand;
    reverse(argv, first_operand, last_operand);
    reverse(argv, last_operand, optind);
    reverse(argv, first_operand, optind);
    first_operand += moved;
    last_operand = optind;
}

/* Steps to the next argument that holds options: 0 there, -1 at the end of them. */
static int next_element(int argc, char **argv, enum ordering order)
{
    if (order == PERMUTE) {
        if (first_operand > optind)
            first_operand = optind;
        if (last_operand > optind)
            last_operand = optind;
        if (first_operand != last_operand && last_operand != optind)
            move_options_first(argv);
        else if (last_operand != optind)
            first_operand = optind;
        while (optind < argc && is_operand(argv[optind]))
            optind++;
        last_operand = optind;
    }
    if (optind < argc && strcmp(argv[optind], "--") == 0) {
        optind++;
        if (order == PERMUTE) {
            if (first_operand != last_operand && last_operand != optind)
                move_options_first(argv);
            else if (first_operand == last_operand)
                first_operand = optind;
            last_operand = argc;
        }
        optind = argc;
    }
    if (optind >= argc) {
        if (first_operand != last_operand)
            optind = first_operand;
        return -1;
    }
    return 0;
}

int getopt(int argc, char *const argv_in[], const char *optstring)
{
    char **argv = (char **)argv_in;
    enum ordering order = PERMUTE;
    const char *spec;
    int quiet, c;
    optarg = NULL;
    if (optind == 0) {
        optind = 1;
        next_char = NULL;
    }
    if (optind == 1 && next_char == NULL)
        first_operand = last_operand = 1;
    if (*optstring == '+') {
        order = REQUIRE_ORDER;
        optstring++;
    } else if (*optstring == '-') {
        order = RETURN_IN_ORDER;
        optstring++;
    } else if (getenv("POSIXLY_CORRECT") != NULL) {
        order = REQUIRE_ORDER;
    }
    quiet = *optstring == ':';
    if (next_char == NULL || *next_char == '\0') {
        if (next_element(argc, argv, order) < 0)
            return -1;
        if (is_operand(argv[optind])) {
            if (order == REQUIRE_ORDER)
                return -1;
            optarg = argv[optind++];
            return 1;
        }
        next_char = argv[optind] + 1;
    }
    c = (unsigned char)*next_char++;
    spec = c == ':' ? NULL : strchr(optstring, c);
    if (*next_char == '\0')
        optind++;
    if (spec == NULL) {
        if (opterr && !quiet)
            fprintf(stderr, "%s: invalid option -- '%c'\n", argv[0], c);
        optopt = c;
        return '?';
    }
    if (spec[1] != ':')
        return c;
    if (*next_char != '\0') {
        optarg = (char *)next_char;
        optind++;
    } else if (spec[2] != ':') {
        if (optind >= argc) {
            if (opterr && !quiet)
                fprintf(stderr, "%s: option requires an argument -- '%c'\n", argv[0], c);
            optopt = c;
            next_char = NULL;
            return quiet ? ':' : '?';
        }
        optarg = argv[optind++];
    }
    next_char = NULL;
    return c;
}
