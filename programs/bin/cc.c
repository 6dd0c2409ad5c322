/* cc: compile a C program into a bytecode module that the shell can run.
 *   cc [-o OUTPUT] FILE.c      (OUTPUT defaults to a.out)
 * The compiler lives outside the machine: the ipcvm_compile call hands it the
 * source and writes the module (.ipx) to OUTPUT, mode 0755.  Its messages
 * come back here and are printed as gcc prints them. */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <sys/syscall.h>

static char messages[16384];

int main(int argc, char **argv)
{
    const char *output = "a.out", *source = NULL;
    int i, r;
    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
            output = argv[++i];
        else if (argv[i][0] == '-') {
            fprintf(stderr, "cc: unrecognized option '%s'\n", argv[i]);
            return 1;
        } else if (source == NULL)
            source = argv[i];
        else {
            fprintf(stderr, "cc: only one source file is supported\n");
            return 1;
        }
    }
    if (source == NULL) {
        fprintf(stderr, "cc: fatal error: no input files\ncompilation terminated.\n");
        return 1;
    }
    messages[0] = '\0';
    r = __syscall(SYS_ipcvm_compile, source, output, messages, sizeof messages);
    if (messages[0] != '\0')
        fputs(messages, stderr);
    if (r < 0 && messages[0] == '\0') {
        if (-r == ENOEXEC)
            fprintf(stderr, "cc: %s: not a C source file\n", source);
        else
            fprintf(stderr, "cc: %s: %s\n", r == -ENOENT ? source : output, strerror(-r));
    }
    return r < 0 ? 1 : 0;
}
