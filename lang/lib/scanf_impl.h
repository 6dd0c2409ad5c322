/* scanf_impl.h: the scanning core shared by the scanf family; input comes
 * from a stream or from a string. */
#ifndef _LIBC_SCANF_IMPL_H
#define _LIBC_SCANF_IMPL_H

#include <stdio.h>
#include <stdarg.h>

struct __source {
    FILE *stream; /* NULL for a string source */
    const char *text;
    int consumed; /* characters read so far, for %n */
};

/* Scans by fmt; the number of assignments, or EOF (see scanf_core.c). */
int __scan(struct __source *in, const char *fmt, va_list ap);

#endif
