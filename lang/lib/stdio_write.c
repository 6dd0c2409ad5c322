/* stdio_write.c: the output side of streams, following glibc's rules so
 * that output reaches the file in the same pieces and at the same moments:
 * a fully buffered stream writes only when its buffer must make room (then
 * whole buffer-sized blocks go straight out); a line-buffered one also
 * writes through the last newline of each piece; an unbuffered one writes
 * every piece at once. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>
#include "stdio_impl.h"

static int write_all(FILE *f, const char *s, int n)
{
    int k;
    while (n > 0) {
        k = write(f->fd, s, n);
        if (k <= 0) {
            f->flags |= F_ERR;
            return EOF;
        }
        s += k;
        n -= k;
    }
    return 0;
}

static int begin_write(FILE *f)
{
    if (!(f->flags & F_WRITE) || f->fd < 0) {
        f->flags |= F_ERR;
        errno = EBADF;
        return EOF;
    }
    __stdio_setup(f);
    if (f->rend > f->rpos || f->ungot != EOF)
        __stdio_drop_input(f);
    f->rpos = f->rend = 0;
    f->ungot = EOF;
    return 0;
}

/* Buffers s, writing out the buffer (and then whole blocks directly) only
 * when s does not fit. */
static int put_buffered(FILE *f, const char *s, int n)
{
    int space = f->size - f->wpos, direct;
    if (n <= space) {
        memcpy(f->buf + f->wpos, s, n);
        f->wpos += n;
        return 0;
    }
    memcpy(f->buf + f->wpos, s, space);
    f->wpos += space;
    s += space;
    n -= space;
    if (__stdio_flush(f) < 0)
        return EOF;
    direct = n - n % f->size;
    if (direct > 0) {
        if (write_all(f, s, direct) < 0)
            return EOF;
        s += direct;
        n -= direct;
    }
    memcpy(f->buf, s, n);
    f->wpos = n;
    return 0;
}

int __stdio_put(FILE *f, const char *s, int n)
{
    int through;
    if (begin_write(f) < 0)
        return EOF;
    if (n <= 0)
        return 0;
    if (f->mode == _IONBF)
        return write_all(f, s, n);
    if (f->mode == _IOLBF) {
        for (through = n; through > 0 && s[through - 1] != '\n'; through--)
            ;
        if (through > 0) {
            if (put_buffered(f, s, through) < 0 || __stdio_flush(f) < 0)
                return EOF;
            s += through;
            n -= through;
        }
    }
    return put_buffered(f, s, n);
}

int fputc(int c, FILE *f)
{
    char ch = (char)c;
    if (f->mode == _IOFBF && f->wpos < f->size && f->rend == 0 && (f->flags & F_WRITE)) {
        f->buf[f->wpos++] = (unsigned char)c;
        return (unsigned char)c;
    }
    if (__stdio_put(f, &ch, 1) < 0)
        return EOF;
    return (unsigned char)c;
}

int putc(int c, FILE *f)
{
    return fputc(c, f);
}

int putchar(int c)
{
    return fputc(c, stdout);
}

/* glibc's fputs answers 1 on success. */
int fputs(const char *s, FILE *f)
{
    return __stdio_put(f, s, strlen(s)) < 0 ? EOF : 1;
}

int puts(const char *s)
{
    int n = strlen(s);
    if (__stdio_put(stdout, s, n) < 0 || fputc('\n', stdout) == EOF)
        return EOF;
    return n + 1;
}

size_t fwrite(const void *ptr, size_t size, size_t nmemb, FILE *f)
{
    size_t total = size * nmemb;
    if (total == 0)
        return 0;
    if (__stdio_put(f, ptr, (int)total) < 0)
        return 0;
    return nmemb;
}
