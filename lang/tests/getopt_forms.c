/* getopt_forms: getopt as glibc parses: operands permuted behind the options,
 * clusters, attached and separate arguments, "--", a lone "-", unknown options
 * and missing arguments (messages, '?' and ':'), "::", '+' and '-' orderings.
 * stderr goes to stdout so the messages are part of the expected output. */
#include <stdio.h>
#include <unistd.h>

static void scan(const char *optstring, int argc, char **argv)
{
    int c, i;
    optind = 0; /* a fresh scan: glibc reads the ordering again */
    printf("%s:", optstring);
    fflush(stdout);
    while ((c = getopt(argc, argv, optstring)) != -1) {
        if (c == 1)
            printf(" [operand %s]", optarg);
        else if (c == '?' || c == ':')
            printf(" [%c optopt %c]", c, optopt);
        else
            printf(" [%c%s%s]", c, optarg ? "=" : "", optarg ? optarg : "");
        fflush(stdout);
    }
    printf(" | optind %d:", optind);
    for (i = 1; i < argc; i++)
        printf(" %s", argv[i]);
    printf("\n");
    fflush(stdout);
}

int main(void)
{
    char *a1[] = { "prog", "-a", "file1", "-b", "val", "file2", "-c", "--", "-d", "last", NULL };
    char *a2[] = { "prog", "-abval", "-cb", "x", "-", "op", NULL };
    char *a3[] = { "prog", "-x", "one", "-b", NULL };
    char *a3q[] = { "prog", "-x", "one", "-b", NULL };
    char *a4[] = { "prog", "-oarg", "-o", "next", "-a", NULL };
    char *a5[] = { "prog", "-a", "stop", "-b", "v", NULL };
    char *a6[] = { "prog", "-a", "in", "-b", "v", "order", NULL };
    dup2(1, 2);
    scan("ab:c", 10, a1);
    scan("ab:c", 6, a2);
    scan("ab:c", 4, a3);
    scan(":ab:c", 4, a3q);
    scan("ao::", 5, a4);
    scan("+ab:", 5, a5);
    scan("-ab:", 6, a6);
    return 0;
}
