/* scanf.c: the scanf family, all on the one core in scanf_core.c. */
#include <stdio.h>
#include <stdarg.h>
#include "scanf_impl.h"

int vfscanf(FILE *f, const char *fmt, va_list ap)
{
    struct __source in;
    in.stream = f;
    in.text = NULL;
    in.consumed = 0;
    return __scan(&in, fmt, ap);
}

int vscanf(const char *fmt, va_list ap)
{
    return vfscanf(stdin, fmt, ap);
}

int vsscanf(const char *s, const char *fmt, va_list ap)
{
    struct __source in;
    in.stream = NULL;
    in.text = s;
    in.consumed = 0;
    return __scan(&in, fmt, ap);
}

int scanf(const char *fmt, ...)
{
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vfscanf(stdin, fmt, ap);
    va_end(ap);
    return n;
}

int fscanf(FILE *f, const char *fmt, ...)
{
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vfscanf(f, fmt, ap);
    va_end(ap);
    return n;
}

int sscanf(const char *s, const char *fmt, ...)
{
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vsscanf(s, fmt, ap);
    va_end(ap);
    return n;
}
