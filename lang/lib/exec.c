/* exec.c: the exec family.  All of them end in execve; the p variants search
 * PATH (default "/bin") when the name has no slash; the l variants gather
 * their NULL-terminated argument list into an array first. */
#include <unistd.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <errno.h>
#include "internal.h"

#define EXEC_MAX_ARGS 1024
#define DEFAULT_PATH "/bin"

int execve(const char *path, char *const argv[], char *const envp[])
{
    __SYSCALL_RETURN(__syscall(SYS_execve, path, argv, envp));
}

int execv(const char *path, char *const argv[])
{
    return execve(path, argv, environ);
}

int execvpe(const char *file, char *const argv[], char *const envp[])
{
    char candidate[PATH_MAX];
    const char *path, *dir, *end;
    size_t dir_len, file_len;
    int denied = 0;

    if (*file == '\0') {
        errno = ENOENT;
        return -1;
    }
    if (strchr(file, '/') != NULL)
        return execve(file, argv, envp);
    path = getenv("PATH");
    if (path == NULL)
        path = DEFAULT_PATH;
    file_len = strlen(file);
    for (dir = path;; dir = end + 1) {
        end = strchr(dir, ':');
        if (end == NULL)
            end = dir + strlen(dir);
        dir_len = end - dir;
        if (dir_len + file_len + 2 <= sizeof candidate) {
            memcpy(candidate, dir, dir_len);
            if (dir_len > 0)
                candidate[dir_len++] = '/';
            memcpy(candidate + dir_len, file, file_len + 1);
            execve(candidate, argv, envp);
            if (errno == EACCES)
                denied = 1;
            else if (errno != ENOENT && errno != ENOTDIR)
                return -1;
        }
        if (*end == '\0')
            break;
    }
    if (denied)
        errno = EACCES;
    return -1;
}

int execvp(const char *file, char *const argv[])
{
    return execvpe(file, argv, environ);
}

/* Copies arg and the variadic strings after it, up to and including the
 * NULL, into argv; leaves *ap just past that NULL.  -1 with E2BIG when there
 * are too many. */
static int gather(char **argv, const char *arg, va_list *ap)
{
    int n = 0;
    argv[n++] = (char *)arg;
    while (argv[n - 1] != NULL) {
        if (n == EXEC_MAX_ARGS) {
            errno = E2BIG;
            return -1;
        }
        argv[n++] = va_arg(*ap, char *);
    }
    return 0;
}

int execl(const char *path, const char *arg, ...)
{
    char *argv[EXEC_MAX_ARGS];
    va_list ap;
    va_start(ap, arg);
    if (gather(argv, arg, &ap) < 0)
        return -1;
    va_end(ap);
    return execve(path, argv, environ);
}

int execlp(const char *file, const char *arg, ...)
{
    char *argv[EXEC_MAX_ARGS];
    va_list ap;
    va_start(ap, arg);
    if (gather(argv, arg, &ap) < 0)
        return -1;
    va_end(ap);
    return execvp(file, argv);
}

/* execle's environment comes after the NULL that ends the arguments. */
int execle(const char *path, const char *arg, ...)
{
    char *argv[EXEC_MAX_ARGS];
    char **envp;
    va_list ap;
    va_start(ap, arg);
    if (gather(argv, arg, &ap) < 0)
        return -1;
    envp = va_arg(ap, char **);
    va_end(ap);
    return execve(path, argv, envp);
}
