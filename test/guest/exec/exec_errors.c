/* execve's failures leave the caller running, with Linux's errno for each:
 * a missing file, a directory, a path through a non-directory, a file that is
 * not a program, one without execute permission, a corrupt module, a script
 * whose interpreter is missing or loops back to itself, a bad argv pointer,
 * an argument list over ARG_MAX; and execvp's PATH search. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *argv_x[] = { "x", NULL };
static char *no_env[] = { NULL };

static void attempt(const char *what, const char *path, char *const argv[])
{
    int r = execve(path, argv, no_env);
    printf("%s: %d %s\n", what, r, strerror(errno));
}

static void make(const char *path, const char *text, int mode)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
    write(fd, text, strlen(text));
    close(fd);
}

int main(void)
{
    char *big[3];
    make("/tmp/text", "hello\n", 0755);
    make("/tmp/noexec", "#!/bin/sh\n", 0644);
    make("/tmp/badipx", "IPX1 is not enough", 0755);
    make("/tmp/script", "#!/tmp/nointerpreter -x\n", 0755);
    make("/tmp/loop", "#!/tmp/loop\n", 0755);
    attempt("missing", "/tmp/nothing", argv_x);
    attempt("directory", "/tmp", argv_x);
    attempt("through a file", "/tmp/text/x", argv_x);
    attempt("text", "/tmp/text", argv_x);
    attempt("no x bit", "/tmp/noexec", argv_x);
    attempt("corrupt module", "/tmp/badipx", argv_x);
    attempt("no interpreter", "/tmp/script", argv_x);
    attempt("interpreter loop", "/tmp/loop", argv_x);
    attempt("bad argv", "/tmp/text", (char **)16);
    big[0] = "x";
    big[1] = malloc(200 * 1024);
    memset(big[1], 'a', 200 * 1024 - 1);
    big[1][200 * 1024 - 1] = '\0';
    big[2] = NULL;
    attempt("too long", "/tmp/text", big);
    execvp("nothere", argv_x);
    printf("execvp: %s\n", strerror(errno));
    setenv("PATH", "/nodir:/tmp", 1);
    execlp("text", "text", (char *)NULL);
    printf("execlp: %s\n", strerror(errno));
    printf("still running\n");
    return 0;
}
// expect: missing: -1 No such file or directory
// expect: directory: -1 Permission denied
// expect: through a file: -1 Not a directory
// expect: text: -1 Exec format error
// expect: no x bit: -1 Permission denied
// expect: corrupt module: -1 Exec format error
// expect: no interpreter: -1 No such file or directory
// expect: interpreter loop: -1 Too many levels of symbolic links
// expect: bad argv: -1 Bad address
// expect: too long: -1 Argument list too long
// expect: execvp: No such file or directory
// expect: execlp: Exec format error
// expect: still running
