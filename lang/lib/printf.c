/* printf.c: the printf family, all on the one core in printf_core.c.  A
 * printf to an unbuffered stream is staged in a BUFSIZ buffer first so it
 * reaches the file in one write, as with glibc. */
#include <stdio.h>
#include <stdarg.h>
#include "printf_impl.h"
#include "stdio_impl.h"

#define UNBOUNDED ((size_t)0x7fffffff)

static int to_unbuffered(FILE *f, const char *fmt, va_list ap)
{
    char stage[BUFSIZ];
    struct __sink out;
    out.stream = f;
    out.buf = stage;
    out.cap = sizeof stage;
    out.used = 0;
    out.total = 0;
    out.error = 0;
    return __format(&out, fmt, ap);
}

int vfprintf(FILE *f, const char *fmt, va_list ap)
{
    struct __sink out;
    __stdio_setup(f);
    if (f->mode == _IONBF)
        return to_unbuffered(f, fmt, ap);
    out.stream = f;
    out.buf = NULL;
    out.cap = 0;
    out.used = 0;
    out.total = 0;
    out.error = 0;
    return __format(&out, fmt, ap);
}

int vprintf(const char *fmt, va_list ap)
{
    return vfprintf(stdout, fmt, ap);
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
    struct __sink out;
    int n;
    out.stream = NULL;
    out.buf = buf;
    out.cap = size;
    out.used = 0;
    out.total = 0;
    out.error = 0;
    n = __format(&out, fmt, ap);
    if (size > 0)
        buf[out.used] = '\0';
    return n;
}

int vsprintf(char *buf, const char *fmt, va_list ap)
{
    return vsnprintf(buf, UNBOUNDED, fmt, ap);
}

int vdprintf(int fd, const char *fmt, va_list ap)
{
    FILE f;
    __stdio_init(&f, fd, F_WRITE);
    f.mode = _IONBF;
    f.buf = &f.onebyte;
    f.size = 1;
    return to_unbuffered(&f, fmt, ap);
}

int printf(const char *fmt, ...)
{
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vfprintf(stdout, fmt, ap);
    va_end(ap);
    return n;
}

int fprintf(FILE *f, const char *fmt, ...)
{
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vfprintf(f, fmt, ap);
    va_end(ap);
    return n;
}

int dprintf(int fd, const char *fmt, ...)
{
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vdprintf(fd, fmt, ap);
    va_end(ap);
    return n;
}

int sprintf(char *buf, const char *fmt, ...)
{
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vsnprintf(buf, UNBOUNDED, fmt, ap);
    va_end(ap);
    return n;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n;
}
