/* printf_core.c: the one formatting engine behind printf, fprintf, sprintf,
 * snprintf and their v-forms.  It follows glibc's output byte for byte for
 * %d %i %u %o %x %X %c %s %p %n %m %% with the flags "-+ #0", width and
 * precision (also '*'), and the length modifiers hh h l ll z j t L (every
 * integer is 32 bits here).  A conversion it does not know (such as %f, as
 * the guest has no floating point) is printed as written. */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include "printf_impl.h"
#include "stdio_impl.h"

#define FLAG_LEFT 0x01
#define FLAG_PLUS 0x02
#define FLAG_SPACE 0x04
#define FLAG_ALT 0x08
#define FLAG_ZERO 0x10

#define LEN_NONE 0
#define LEN_CHAR 1
#define LEN_SHORT 2
#define LEN_LONG 3

#define NUMBER_MAX 16 /* 11 octal digits of 32 bits, with room */

struct spec {
    int flags;
    int width;
    int precision; /* -1 when not given */
    int length;
    char conversion;
};

static const char spaces[] = "                ";
static const char zeros[] = "0000000000000000";

void __sink_drain(struct __sink *out)
{
    if (out->stream != NULL && out->used > 0) {
        if (__stdio_put(out->stream, out->buf, out->used) < 0)
            out->error = 1;
        out->used = 0;
    }
}

static void emit(struct __sink *out, const char *s, int n)
{
    size_t room;
    if (n <= 0)
        return;
    out->total += n;
    if (out->stream == NULL) {
        room = out->cap > out->used + 1 ? out->cap - 1 - out->used : 0;
        if ((size_t)n < room)
            room = n;
        if (room > 0)
            memcpy(out->buf + out->used, s, room);
        out->used += room;
        return;
    }
    if (out->buf == NULL) {
        if (__stdio_put(out->stream, s, n) < 0)
            out->error = 1;
        return;
    }
    if ((size_t)n > out->cap - out->used) {
        /* a piece that does not fit goes out whole, after the staged bytes */
        __sink_drain(out);
        if ((size_t)n >= out->cap) {
            if (__stdio_put(out->stream, s, n) < 0)
                out->error = 1;
            return;
        }
    }
    memcpy(out->buf + out->used, s, n);
    out->used += n;
}

static void pad(struct __sink *out, const char *fill, int n)
{
    while (n > 0) {
        emit(out, fill, n < 16 ? n : 16);
        n -= 16;
    }
}

/* Text (a string, a character, "(nil)") padded with spaces to the field
 * width; glibc ignores the 0 flag here. */
static void emit_text(struct __sink *out, const struct spec *sp, const char *s, int n)
{
    int gap = sp->width > n ? sp->width - n : 0;
    if (!(sp->flags & FLAG_LEFT))
        pad(out, spaces, gap);
    emit(out, s, n);
    if (sp->flags & FLAG_LEFT)
        pad(out, spaces, gap);
}

/* An integer: sign or 0x prefix, zeros up to the precision (or, with the 0
 * flag and no precision, up to the width), digits, and space padding. */
static void emit_number(struct __sink *out, const struct spec *sp, unsigned long value, int negative)
{
    char digits[NUMBER_MAX];
    const char *set = sp->conversion == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
    unsigned int base = 10;
    const char *prefix = "";
    int ndigits = 0, nzeros, nprefix, body, gap;

    if (sp->conversion == 'o')
        base = 8;
    else if (sp->conversion == 'x' || sp->conversion == 'X' || sp->conversion == 'p')
        base = 16;
    while (value != 0) {
        digits[NUMBER_MAX - 1 - ndigits++] = set[value % base];
        value /= base;
    }
    if (ndigits == 0 && sp->precision != 0)
        digits[NUMBER_MAX - 1 - ndigits++] = '0';
    nzeros = sp->precision > ndigits ? sp->precision - ndigits : 0;
    if ((sp->flags & FLAG_ALT) && base == 8 && nzeros == 0 &&
        (ndigits == 0 || digits[NUMBER_MAX - ndigits] != '0'))
        nzeros = 1;
    if (negative)
        prefix = "-";
    else if (sp->conversion == 'd' || sp->conversion == 'i')
        prefix = (sp->flags & FLAG_PLUS) ? "+" : (sp->flags & FLAG_SPACE) ? " " : "";
    else if (sp->conversion == 'p')
        prefix = (sp->flags & FLAG_PLUS) ? "+0x" : (sp->flags & FLAG_SPACE) ? " 0x" : "0x";
    else if ((sp->flags & FLAG_ALT) && base == 16 && ndigits > 0 && digits[NUMBER_MAX - ndigits] != '0')
        prefix = sp->conversion == 'X' ? "0X" : "0x";
    nprefix = strlen(prefix);
    body = nprefix + nzeros + ndigits;
    gap = sp->width > body ? sp->width - body : 0;
    if ((sp->flags & FLAG_ZERO) && !(sp->flags & FLAG_LEFT) && sp->precision < 0) {
        nzeros += gap;
        gap = 0;
    }
    if (!(sp->flags & FLAG_LEFT))
        pad(out, spaces, gap);
    emit(out, prefix, nprefix);
    pad(out, zeros, nzeros);
    emit(out, digits + NUMBER_MAX - ndigits, ndigits);
    if (sp->flags & FLAG_LEFT)
        pad(out, spaces, gap);
}

static void store_count(const struct spec *sp, void *where, int count)
{
    switch (sp->length) {
    case LEN_CHAR:
        *(signed char *)where = (signed char)count;
        break;
    case LEN_SHORT:
        *(short *)where = (short)count;
        break;
    default:
        *(int *)where = count;
        break;
    }
}

/* Reads "%[flags][width][.precision][length]conversion" after the '%';
 * returns the position after it. */
static const char *parse_spec(const char *p, struct spec *sp, va_list *ap)
{
    sp->flags = 0;
    sp->width = 0;
    sp->precision = -1;
    sp->length = LEN_NONE;
    for (;; p++) {
        if (*p == '-')
            sp->flags |= FLAG_LEFT;
        else if (*p == '+')
            sp->flags |= FLAG_PLUS;
        else if (*p == ' ')
            sp->flags |= FLAG_SPACE;
        else if (*p == '#')
            sp->flags |= FLAG_ALT;
        else if (*p == '0')
            sp->flags |= FLAG_ZERO;
        else if (*p != '\'')
            break;
    }
    if (*p == '*') {
        sp->width = va_arg(*ap, int);
        if (sp->width < 0) {
            sp->flags |= FLAG_LEFT;
            sp->width = -sp->width;
        }
        p++;
    } else {
        for (; *p >= '0' && *p <= '9'; p++)
            sp->width = sp->width < 100000000 ? sp->width * 10 + (*p - '0') : sp->width;
    }
    if (*p == '.') {
        p++;
        sp->precision = 0;
        if (*p == '*') {
            sp->precision = va_arg(*ap, int);
            if (sp->precision < 0)
                sp->precision = -1;
            p++;
        } else {
            for (; *p >= '0' && *p <= '9'; p++)
                sp->precision = sp->precision < 100000000 ? sp->precision * 10 + (*p - '0') : sp->precision;
        }
    }
    for (;; p++) {
        if (*p == 'h')
            sp->length = sp->length == LEN_SHORT ? LEN_CHAR : LEN_SHORT;
        else if (*p == 'l' || *p == 'z' || *p == 'j' || *p == 't' || *p == 'L' || *p == 'q')
            sp->length = LEN_LONG;
        else
            break;
    }
    sp->conversion = *p;
    return *p ? p + 1 : p;
}

static void convert(struct __sink *out, struct spec *sp, va_list *ap)
{
    long sv;
    unsigned long uv;
    const char *s;
    void *ptr;
    char c;

    switch (sp->conversion) {
    case 'd':
    case 'i':
        sv = va_arg(*ap, long);
        if (sp->length == LEN_SHORT)
            sv = (short)sv;
        else if (sp->length == LEN_CHAR)
            sv = (signed char)sv;
        emit_number(out, sp, sv < 0 ? 0 - (unsigned long)sv : (unsigned long)sv, sv < 0);
        break;
    case 'u':
    case 'o':
    case 'x':
    case 'X':
        uv = va_arg(*ap, unsigned long);
        if (sp->length == LEN_SHORT)
            uv = (unsigned short)uv;
        else if (sp->length == LEN_CHAR)
            uv = (unsigned char)uv;
        emit_number(out, sp, uv, 0);
        break;
    case 'p':
        ptr = va_arg(*ap, void *);
        if (ptr == NULL) {
            emit_text(out, sp, "(nil)", 5);
        } else {
            emit_number(out, sp, (unsigned long)ptr, 0);
        }
        break;
    case 'c':
        c = (char)va_arg(*ap, int);
        emit_text(out, sp, &c, 1);
        break;
    case 's':
    case 'm':
        s = sp->conversion == 'm' ? strerror(errno) : va_arg(*ap, const char *);
        if (s == NULL)
            s = sp->precision < 0 || sp->precision >= 6 ? "(null)" : "";
        emit_text(out, sp, s, sp->precision < 0 ? (int)strlen(s) : (int)strnlen(s, sp->precision));
        break;
    case 'n':
        store_count(sp, va_arg(*ap, void *), out->total);
        break;
    }
}

int __format(struct __sink *out, const char *fmt, va_list ap)
{
    const char *start;
    struct spec sp;

    while (*fmt) {
        for (start = fmt; *fmt && *fmt != '%'; fmt++)
            ;
        emit(out, start, fmt - start);
        if (*fmt == '\0')
            break;
        start = fmt;
        fmt = parse_spec(fmt + 1, &sp, &ap);
        if (sp.conversion == '%')
            emit(out, "%", 1);
        else if (sp.conversion != '\0' && strchr("diuoxXpcsnm", sp.conversion) != NULL)
            convert(out, &sp, &ap);
        else
            emit(out, start, fmt - start);
    }
    __sink_drain(out);
    return out->error ? -1 : out->total;
}
