/* env: run a command in a changed environment, or print the environment.
 *   env [-i] [-u NAME]... [NAME=VALUE]... [COMMAND [ARG]...]
 *   -i  start from an empty environment    -u NAME  remove NAME
 * Without a command the resulting environment is printed, one per line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>

extern char **environ;

int main(int argc, char **argv)
{
    static char *empty[] = { NULL };
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "-i") == 0 || strcmp(argv[i], "-") == 0) {
            environ = empty;
        } else if (strcmp(argv[i], "-u") == 0 && i + 1 < argc) {
            unsetenv(argv[++i]);
        } else if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        } else {
            fprintf(stderr, "env: invalid option -- '%s'\nTry 'env --help' for more information.\n", argv[i] + 1);
            return 125;
        }
    }
    for (; i < argc && strchr(argv[i], '=') != NULL; i++) {
        if (putenv(argv[i]) < 0) {
            fprintf(stderr, "env: cannot set '%s': %s\n", argv[i], strerror(errno));
            return 125;
        }
    }
    if (i == argc) {
        char **e;
        for (e = environ; *e != NULL; e++)
            printf("%s\n", *e);
        return 0;
    }
    execvp(argv[i], argv + i);
    fprintf(stderr, "env: '%s': %s\n", argv[i], strerror(errno));
    return errno == ENOENT ? 127 : 126;
}
