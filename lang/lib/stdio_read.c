/* stdio_read.c: the input side of streams.  As in glibc: end of file is
 * sticky (after EOF no further read(2) until clearerr), and reading a
 * line-buffered or unbuffered stream (a terminal) first flushes a
 * line-buffered stdout, so a prompt shows before the program waits. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>
#include "stdio_impl.h"

/* Readies f for reading; EOF when nothing may be read. */
static int begin_read(FILE *f)
{
    if (!(f->flags & F_READ) || f->fd < 0) {
        f->flags |= F_ERR;
        errno = EBADF;
        return EOF;
    }
    if (f->flags & F_EOF)
        return EOF;
    __stdio_setup(f);
    if (f->wpos > 0 && __stdio_flush(f) < 0)
        return EOF;
    if (f->mode != _IOFBF && stdout->mode == _IOLBF && stdout->wpos > 0)
        __stdio_flush(stdout);
    return 0;
}

/* One read(2) into dest; the byte count, or EOF after marking the stream. */
static int read_some(FILE *f, unsigned char *dest, int n)
{
    int k = read(f->fd, dest, n);
    if (k > 0)
        return k;
    f->flags |= k == 0 ? F_EOF : F_ERR;
    return EOF;
}

static int refill(FILE *f)
{
    int k;
    f->rpos = f->rend = 0;
    if (begin_read(f) < 0)
        return EOF;
    k = read_some(f, f->buf, f->size);
    if (k < 0)
        return EOF;
    f->rend = k;
    return 0;
}

int __stdio_getc(FILE *f)
{
    int c;
    if (f->ungot != EOF) {
        c = f->ungot;
        f->ungot = EOF;
        return c;
    }
    if (f->rpos == f->rend && refill(f) < 0)
        return EOF;
    return f->buf[f->rpos++];
}

int fgetc(FILE *f)
{
    if (f->ungot == EOF && f->rpos < f->rend)
        return f->buf[f->rpos++];
    return __stdio_getc(f);
}

int getc(FILE *f)
{
    return fgetc(f);
}

int getchar(void)
{
    return fgetc(stdin);
}

int ungetc(int c, FILE *f)
{
    if (c == EOF || f->ungot != EOF)
        return EOF;
    f->ungot = (unsigned char)c;
    f->flags &= ~F_EOF;
    return (unsigned char)c;
}

char *fgets(char *s, int size, FILE *f)
{
    int i = 0, c = 0;
    if (size <= 0) {
        errno = EINVAL;
        return NULL;
    }
    while (i < size - 1) {
        c = fgetc(f);
        if (c == EOF)
            break;
        s[i++] = (char)c;
        if (c == '\n')
            break;
    }
    if ((i == 0 && size > 1) || (c == EOF && (f->flags & F_ERR)))
        return NULL;
    s[i] = '\0';
    return s;
}

char *gets(char *s)
{
    int i = 0, c;
    while ((c = fgetc(stdin)) != EOF && c != '\n')
        s[i++] = (char)c;
    if (c == EOF && (i == 0 || (stdin->flags & F_ERR)))
        return NULL;
    s[i] = '\0';
    return s;
}

/* Large requests bypass the buffer and read straight into ptr. */
size_t fread(void *ptr, size_t size, size_t nmemb, FILE *f)
{
    unsigned char *dest = ptr;
    size_t total = size * nmemb, got = 0, avail, want;
    int k;
    if (total == 0)
        return 0;
    if (f->ungot != EOF) {
        dest[got++] = (unsigned char)f->ungot;
        f->ungot = EOF;
    }
    while (got < total) {
        avail = f->rend - f->rpos;
        if (avail > 0) {
            want = total - got < avail ? total - got : avail;
            memcpy(dest + got, f->buf + f->rpos, want);
            f->rpos += want;
            got += want;
        } else if (total - got >= (size_t)f->size && f->mode != STDIO_UNDECIDED) {
            if (begin_read(f) < 0)
                break;
            k = read_some(f, dest + got, total - got);
            if (k < 0)
                break;
            got += k;
        } else if (refill(f) < 0) {
            break;
        }
    }
    return got / size;
}

ssize_t getdelim(char **lineptr, size_t *n, int delim, FILE *f)
{
    size_t len = 0;
    char *grown;
    int c;
    if (lineptr == NULL || n == NULL) {
        errno = EINVAL;
        return -1;
    }
    if (*lineptr == NULL || *n == 0) {
        *n = 120;
        *lineptr = malloc(*n);
        if (*lineptr == NULL)
            return -1;
    }
    while ((c = fgetc(f)) != EOF) {
        if (len + 2 > *n) {
            grown = realloc(*lineptr, *n * 2);
            if (grown == NULL)
                return -1;
            *lineptr = grown;
            *n *= 2;
        }
        (*lineptr)[len++] = (char)c;
        if (c == delim)
            break;
    }
    (*lineptr)[len] = '\0';
    if (len == 0)
        return -1;
    return (ssize_t)len;
}

ssize_t getline(char **lineptr, size_t *n, FILE *f)
{
    return getdelim(lineptr, n, '\n', f);
}
