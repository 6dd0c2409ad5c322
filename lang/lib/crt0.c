/* crt0.c: process start.  The kernel builds the stack as for a call
 * _start(argc, argv, envp) (src/isa/abi.ts); main's result goes to exit(),
 * which flushes stdio, so returning from main and calling exit() agree. */
#include <stdlib.h>
#include <unistd.h>
#include "internal.h"

int main(int argc, char **argv, char **envp);

char **environ;
char *__progname = "";

static char *base_name(char *path)
{
    char *last = path;
    for (; *path; path++)
        if (*path == '/' && path[1] != '\0')
            last = path + 1;
    return last;
}

void _start(int argc, char **argv, char **envp)
{
    environ = envp;
    if (argc > 0 && argv[0] != NULL)
        __progname = base_name(argv[0]);
    exit(main(argc, argv, envp));
}
