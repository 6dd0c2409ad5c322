/* fd.c: file descriptors and the file system: open/close, read/write, pipes,
 * dup, seeking, fcntl, stat, FIFOs, the working directory and isatty. */
#include <unistd.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <limits.h>
#include <errno.h>
#include <sys/stat.h>
#include "internal.h"

#define TCGETS 0x5401
#define TERMIOS_SIZE 64

int open(const char *path, int flags, ...)
{
    va_list ap;
    mode_t mode = 0;
    if (flags & O_CREAT) {
        va_start(ap, flags);
        mode = va_arg(ap, mode_t);
        va_end(ap);
    }
    __SYSCALL_RETURN(__syscall(SYS_open, path, flags, mode));
}

int creat(const char *path, mode_t mode)
{
    __SYSCALL_RETURN(__syscall(SYS_creat, path, mode));
}

int close(int fd)
{
    __SYSCALL_RETURN(__syscall(SYS_close, fd));
}

ssize_t read(int fd, void *buf, size_t count)
{
    __SYSCALL_RETURN(__syscall(SYS_read, fd, buf, count));
}

ssize_t write(int fd, const void *buf, size_t count)
{
    __SYSCALL_RETURN(__syscall(SYS_write, fd, buf, count));
}

int pipe(int fds[2])
{
    __SYSCALL_RETURN(__syscall(SYS_pipe, fds));
}

int pipe2(int fds[2], int flags)
{
    __SYSCALL_RETURN(__syscall(SYS_pipe2, fds, flags));
}

int dup(int fd)
{
    __SYSCALL_RETURN(__syscall(SYS_dup, fd));
}

int dup2(int oldfd, int newfd)
{
    __SYSCALL_RETURN(__syscall(SYS_dup2, oldfd, newfd));
}

off_t lseek(int fd, off_t offset, int whence)
{
    __SYSCALL_RETURN(__syscall(SYS_lseek, fd, offset, whence));
}

/* Only the commands that take a third argument read one. */
int fcntl(int fd, int cmd, ...)
{
    va_list ap;
    int arg = 0;
    switch (cmd) {
    case F_DUPFD:
    case F_DUPFD_CLOEXEC:
    case F_SETFD:
    case F_SETFL:
    case F_SETOWN:
    case F_SETPIPE_SZ:
    case F_GETLK:
    case F_SETLK:
    case F_SETLKW:
        va_start(ap, cmd);
        arg = va_arg(ap, int);
        va_end(ap);
        break;
    }
    __SYSCALL_RETURN(__syscall(SYS_fcntl, fd, cmd, arg));
}

int stat(const char *path, struct stat *buf)
{
    __SYSCALL_RETURN(__syscall(SYS_stat, path, buf));
}

int lstat(const char *path, struct stat *buf)
{
    return stat(path, buf);
}

int fstat(int fd, struct stat *buf)
{
    __SYSCALL_RETURN(__syscall(SYS_fstat, fd, buf));
}

int mknod(const char *path, mode_t mode, dev_t dev)
{
    __SYSCALL_RETURN(__syscall(SYS_mknod, path, mode, dev));
}

int mkfifo(const char *path, mode_t mode)
{
    return mknod(path, (mode & 07777) | S_IFIFO, 0);
}

int unlink(const char *path)
{
    __SYSCALL_RETURN(__syscall(SYS_unlink, path));
}

int chdir(const char *path)
{
    __SYSCALL_RETURN(__syscall(SYS_chdir, path));
}

/* As glibc: a NULL buffer is allocated (size bytes, or PATH_MAX when 0). */
char *getcwd(char *buf, size_t size)
{
    char *out = buf;
    int r;
    if (out == NULL) {
        if (size == 0)
            size = PATH_MAX;
        out = malloc(size);
        if (out == NULL)
            return NULL;
    } else if (size == 0) {
        errno = EINVAL;
        return NULL;
    }
    r = __syscall(SYS_getcwd, out, size);
    if (__IS_SYSERR(r)) {
        if (buf == NULL)
            free(out);
        errno = -r;
        return NULL;
    }
    return out;
}

/* A terminal is whatever answers the TCGETS ioctl. */
int isatty(int fd)
{
    char termios[TERMIOS_SIZE];
    int r = __syscall(SYS_ioctl, fd, TCGETS, termios);
    if (__IS_SYSERR(r)) {
        errno = -r == EBADF ? EBADF : ENOTTY;
        return 0;
    }
    return 1;
}
