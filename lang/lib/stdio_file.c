/* stdio_file.c: stream objects: the three standard streams, opening and
 * closing, the buffering decision, flushing and seeking.  The standard
 * streams' buffers are static, so they exist before any malloc and are
 * copied by fork like the rest of guest memory. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <errno.h>
#include "stdio_impl.h"
#include "internal.h"

static unsigned char stdin_buffer[STDIO_BUFSIZE];
static unsigned char stdout_buffer[STDIO_BUFSIZE];

static FILE stderr_file = { .fd = 2, .flags = F_WRITE | F_UNBUFFERED, .mode = STDIO_UNDECIDED, .ungot = EOF };
static FILE stdout_file = { .fd = 1, .flags = F_WRITE, .mode = STDIO_UNDECIDED, .buf = stdout_buffer,
                            .size = STDIO_BUFSIZE, .ungot = EOF, .next = &stderr_file };
static FILE stdin_file = { .fd = 0, .flags = F_READ, .mode = STDIO_UNDECIDED, .buf = stdin_buffer,
                           .size = STDIO_BUFSIZE, .ungot = EOF, .next = &stdout_file };

FILE *stdin = &stdin_file;
FILE *stdout = &stdout_file;
FILE *stderr = &stderr_file;

static FILE *open_streams = &stdin_file;

void __stdio_init(FILE *f, int fd, int flags)
{
    memset(f, 0, sizeof *f);
    f->fd = fd;
    f->flags = flags;
    f->mode = STDIO_UNDECIDED;
    f->ungot = EOF;
}

/* As glibc: a terminal gets a line-buffered 1 KiB buffer, anything else a
 * fully buffered 4 KiB one; stderr is unbuffered.  errno is kept, so a
 * printf between a failed call and perror does not change what perror says. */
int __stdio_setup(FILE *f)
{
    int tty, saved_errno;
    if (f->mode != STDIO_UNDECIDED)
        return 0;
    if (f->flags & F_UNBUFFERED) {
        f->mode = _IONBF;
    } else {
        saved_errno = errno;
        tty = isatty(f->fd);
        errno = saved_errno;
        f->mode = tty ? _IOLBF : _IOFBF;
        if (f->buf == NULL) {
            f->buf = malloc(STDIO_BUFSIZE);
            if (f->buf != NULL) {
                f->flags |= F_OWN_BUF;
                f->size = STDIO_BUFSIZE;
            } else {
                f->mode = _IONBF;
            }
        }
        if (tty && f->size > STDIO_TTY_BUFSIZE && f->mode == _IOLBF)
            f->size = STDIO_TTY_BUFSIZE;
    }
    if (f->mode == _IONBF) {
        f->buf = &f->onebyte;
        f->size = 1;
    }
    return 0;
}

int __stdio_flush(FILE *f)
{
    int done = 0, n;
    while (done < f->wpos) {
        n = write(f->fd, f->buf + done, f->wpos - done);
        if (n <= 0) {
            f->flags |= F_ERR;
            f->wpos = 0;
            return EOF;
        }
        done += n;
    }
    f->wpos = 0;
    return 0;
}

void __stdio_drop_input(FILE *f)
{
    int unread = f->rend - f->rpos + (f->ungot != EOF);
    if (unread > 0 && lseek(f->fd, -unread, SEEK_CUR) < 0)
        return;
    f->rpos = f->rend = 0;
    f->ungot = EOF;
}

int fflush(FILE *f)
{
    int result = 0;
    if (f == NULL) {
        for (f = open_streams; f != NULL; f = f->next)
            if (f->wpos > 0 && __stdio_flush(f) < 0)
                result = EOF;
        return result;
    }
    if (f->wpos > 0)
        return __stdio_flush(f);
    if (f->rend > f->rpos || f->ungot != EOF)
        __stdio_drop_input(f);
    return 0;
}

void __stdio_exit(void)
{
    fflush(NULL);
}

int __stdio_mode_flags(const char *mode, int *stream_flags)
{
    int flags;
    switch (*mode) {
    case 'r':
        flags = O_RDONLY;
        *stream_flags = F_READ;
        break;
    case 'w':
        flags = O_WRONLY | O_CREAT | O_TRUNC;
        *stream_flags = F_WRITE;
        break;
    case 'a':
        flags = O_WRONLY | O_CREAT | O_APPEND;
        *stream_flags = F_WRITE;
        break;
    default:
        errno = EINVAL;
        return -1;
    }
    for (mode++; *mode; mode++) {
        if (*mode == '+') {
            flags = (flags & ~O_ACCMODE) | O_RDWR;
            *stream_flags = F_READ | F_WRITE;
        } else if (*mode == 'x') {
            flags |= O_EXCL;
        } else if (*mode == 'e') {
            flags |= O_CLOEXEC;
        }
    }
    return flags;
}

static FILE *new_stream(int fd, int stream_flags)
{
    FILE *f = malloc(sizeof(FILE));
    if (f == NULL)
        return NULL;
    __stdio_init(f, fd, stream_flags | F_HEAP);
    f->next = open_streams;
    open_streams = f;
    return f;
}

FILE *fopen(const char *path, const char *mode)
{
    int stream_flags, fd;
    int flags = __stdio_mode_flags(mode, &stream_flags);
    FILE *f;
    if (flags < 0)
        return NULL;
    fd = open(path, flags, 0666);
    if (fd < 0)
        return NULL;
    f = new_stream(fd, stream_flags);
    if (f == NULL)
        close(fd);
    return f;
}

FILE *fdopen(int fd, const char *mode)
{
    int stream_flags;
    if (__stdio_mode_flags(mode, &stream_flags) < 0)
        return NULL;
    if (fcntl(fd, F_GETFL) < 0)
        return NULL;
    return new_stream(fd, stream_flags);
}

static void unlink_stream(FILE *f)
{
    FILE **link;
    for (link = &open_streams; *link != NULL; link = &(*link)->next) {
        if (*link == f) {
            *link = f->next;
            return;
        }
    }
}

static void release_buffer(FILE *f)
{
    if (f->flags & F_OWN_BUF)
        free(f->buf);
    f->flags &= ~F_OWN_BUF;
    f->buf = NULL;
    f->size = 0;
}

int fclose(FILE *f)
{
    int result = fflush(f);
    if (close(f->fd) < 0)
        result = EOF;
    unlink_stream(f);
    release_buffer(f);
    if (f->flags & F_HEAP)
        free(f);
    else
        __stdio_init(f, -1, 0);
    return result;
}

/* Reopens the stream object on another file, keeping its identity and its
 * descriptor number (so freopen(path, "w", stdout) redirects printf). */
FILE *freopen(const char *path, const char *mode, FILE *f)
{
    int stream_flags, fd;
    int flags = __stdio_mode_flags(mode, &stream_flags);
    fflush(f);
    if (flags < 0 || path == NULL)
        return NULL;
    if (f->fd >= 0)
        close(f->fd);
    fd = open(path, flags, 0666);
    if (fd < 0)
        return NULL;
    if (f->fd >= 0 && fd != f->fd) {
        dup2(fd, f->fd);
        close(fd);
        fd = f->fd;
    }
    if (f->buf == &f->onebyte) {
        f->buf = NULL;
        f->size = 0;
    }
    f->flags = stream_flags | (f->flags & (F_HEAP | F_OWN_BUF | F_UNBUFFERED));
    f->fd = fd;
    f->mode = STDIO_UNDECIDED;
    f->rpos = f->rend = f->wpos = 0;
    f->ungot = EOF;
    return f;
}

int setvbuf(FILE *f, char *buf, int mode, size_t size)
{
    unsigned char *fresh;
    if (mode != _IOFBF && mode != _IOLBF && mode != _IONBF) {
        errno = EINVAL;
        return EOF;
    }
    fflush(f);
    if (mode == _IONBF) {
        release_buffer(f);
        f->buf = &f->onebyte;
        f->size = 1;
    } else if (buf != NULL && size > 0) {
        release_buffer(f);
        f->buf = (unsigned char *)buf;
        f->size = (int)size;
    } else if (f->buf == NULL || f->buf == &f->onebyte) {
        fresh = malloc(STDIO_BUFSIZE);
        if (fresh == NULL)
            return EOF;
        f->buf = fresh;
        f->size = STDIO_BUFSIZE;
        f->flags |= F_OWN_BUF;
    }
    f->mode = mode;
    return 0;
}

void setbuf(FILE *f, char *buf)
{
    setvbuf(f, buf, buf != NULL ? _IOFBF : _IONBF, BUFSIZ);
}

void setlinebuf(FILE *f)
{
    setvbuf(f, NULL, _IOLBF, 0);
}

int fseek(FILE *f, long offset, int whence)
{
    if (f->wpos > 0 && __stdio_flush(f) < 0)
        return -1;
    if (whence == SEEK_CUR)
        offset -= f->rend - f->rpos + (f->ungot != EOF);
    if (lseek(f->fd, offset, whence) < 0)
        return -1;
    f->rpos = f->rend = 0;
    f->ungot = EOF;
    f->flags &= ~F_EOF;
    return 0;
}

long ftell(FILE *f)
{
    long pos = lseek(f->fd, 0, SEEK_CUR);
    if (pos < 0)
        return -1;
    return pos + f->wpos - (f->rend - f->rpos) - (f->ungot != EOF);
}

void rewind(FILE *f)
{
    fseek(f, 0, SEEK_SET);
    f->flags &= ~F_ERR;
}

int fgetpos(FILE *f, fpos_t *pos)
{
    long at = ftell(f);
    if (at < 0)
        return -1;
    *pos = at;
    return 0;
}

int fsetpos(FILE *f, const fpos_t *pos)
{
    return fseek(f, *pos, SEEK_SET);
}

int feof(FILE *f)
{
    return (f->flags & F_EOF) != 0;
}

int ferror(FILE *f)
{
    return (f->flags & F_ERR) != 0;
}

void clearerr(FILE *f)
{
    f->flags &= ~(F_EOF | F_ERR);
}

int fileno(FILE *f)
{
    if (f->fd < 0) {
        errno = EBADF;
        return -1;
    }
    return f->fd;
}

int remove(const char *path)
{
    return unlink(path);
}
