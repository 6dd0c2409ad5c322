/* printf_impl.h: the formatting core shared by the printf family.  Output
 * goes to a sink: a stream (through stdio's buffering), a stream through a
 * private staging buffer (for unbuffered streams, so one printf is one
 * write, as glibc does), or a string that keeps what fits. */
#ifndef _LIBC_PRINTF_IMPL_H
#define _LIBC_PRINTF_IMPL_H

#include <stdio.h>
#include <stdarg.h>

struct __sink {
    FILE *stream; /* NULL for a string sink */
    char *buf; /* staging buffer (stream) or destination (string); may be NULL */
    size_t cap; /* bytes buf holds; a string sink keeps one for the NUL */
    size_t used; /* bytes in buf */
    int total; /* bytes produced so far */
    int error;
};

/* Formats into the sink; the byte count, or -1 after an output error. */
int __format(struct __sink *out, const char *fmt, va_list ap);
/* Writes out a stream sink's staged bytes. */
void __sink_drain(struct __sink *out);

#endif
