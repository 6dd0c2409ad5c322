/* scanf_core.c: the one scanning engine behind scanf, fscanf and sscanf.
 * It reads %d %i %u %o %x %X %p %c %s %[set] %n %% with widths, '*'
 * suppression and the length modifiers hh h l ll z j t L; whitespace in the
 * format skips any amount of input whitespace and other characters must
 * match.  Numbers are gathered as glibc does (sign, base prefix, digits, at
 * most width characters) and converted with strtol/strtoul.  The result is
 * the number of assignments, or EOF when input ended before the first
 * conversion or assignment. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <stdarg.h>
#include "scanf_impl.h"

#define NUMBER_TEXT_MAX 64
#define NO_WIDTH 0x7fffffff

#define LEN_NONE 0
#define LEN_CHAR 1
#define LEN_SHORT 2
#define LEN_LONG 3

static int next(struct __source *in)
{
    int c;
    if (in->stream != NULL)
        c = fgetc(in->stream);
    else
        c = *in->text ? (unsigned char)*in->text++ : EOF;
    if (c != EOF)
        in->consumed++;
    return c;
}

static void back(struct __source *in, int c)
{
    if (c == EOF)
        return;
    in->consumed--;
    if (in->stream != NULL)
        ungetc(c, in->stream);
    else
        in->text--;
}

/* Skips whitespace; returns 0, or EOF if the input ended. */
static int skip_space(struct __source *in)
{
    int c;
    do
        c = next(in);
    while (c != EOF && isspace(c));
    if (c == EOF)
        return EOF;
    back(in, c);
    return 0;
}

static int digit_in_base(int c, int base)
{
    if (base == 16)
        return isxdigit(c) != 0;
    if (base == 8)
        return c >= '0' && c <= '7';
    return c >= '0' && c <= '9';
}

/* Gathers the text of a number in base (0: by prefix, as %i) into text;
 * returns its base, or -1 when no digits came (a matching failure). */
static int gather_number(struct __source *in, int base, int width, char *text)
{
    int n = 0, c, any = 0;
    c = next(in);
    if ((c == '+' || c == '-') && width > 0) {
        text[n++] = (char)c;
        width--;
        c = next(in);
    }
    if (c == '0' && width > 0 && (base == 0 || base == 16)) {
        text[n++] = '0';
        any = 1;
        width--;
        c = next(in);
        if ((c == 'x' || c == 'X') && width > 0) {
            text[n++] = (char)c;
            width--;
            base = 16;
            c = next(in);
        } else if (base == 0) {
            base = 8;
        }
    }
    if (base == 0)
        base = 10;
    while (c != EOF && width > 0 && n < NUMBER_TEXT_MAX - 1 && digit_in_base(c, base)) {
        text[n++] = (char)c;
        any = 1;
        width--;
        c = next(in);
    }
    back(in, c);
    text[n] = '\0';
    return any ? base : -1;
}

static void store_integer(void *where, int length, unsigned long value)
{
    switch (length) {
    case LEN_CHAR:
        *(char *)where = (char)value;
        break;
    case LEN_SHORT:
        *(short *)where = (short)value;
        break;
    default:
        *(long *)where = (long)value;
        break;
    }
}

/* Parses the set of a %[ conversion into member[256]; returns the position
 * after its closing ']'. */
static const char *parse_set(const char *p, char *member)
{
    int negate = 0, c, lo;
    if (*p == '^') {
        negate = 1;
        p++;
    }
    memset(member, 0, 256);
    if (*p == ']')
        member[(unsigned char)*p++] = 1;
    for (; *p && *p != ']'; p++) {
        if (p[1] == '-' && p[2] != ']' && p[2] != '\0') {
            for (lo = (unsigned char)p[0], c = lo; c <= (unsigned char)p[2]; c++)
                member[c] = 1;
            p += 2;
        } else {
            member[(unsigned char)*p] = 1;
        }
    }
    if (negate)
        for (c = 0; c < 256; c++)
            member[c] = !member[c];
    return *p ? p + 1 : p;
}

/* Reads %c, %s and %[ text: returns the count read, or -1 if nothing
 * matched (a %c cut short by the end of input still counts, as in glibc);
 * stores (and for %s and %[ terminates) unless dest is NULL. */
static int scan_text(struct __source *in, char conversion, int width, const char *member, char *dest)
{
    int n = 0, c;
    while (n < width) {
        c = next(in);
        if (c == EOF)
            break;
        if ((conversion == 's' && isspace(c)) || (conversion == '[' && !member[c])) {
            back(in, c);
            break;
        }
        if (dest != NULL)
            dest[n] = (char)c;
        n++;
    }
    if (n == 0)
        return -1;
    if (dest != NULL && conversion != 'c')
        dest[n] = '\0';
    return n;
}

int __scan(struct __source *in, const char *fmt, va_list ap)
{
    int assigned = 0, width, length, suppress, base, c;
    char conversion, text[NUMBER_TEXT_MAX], member[256];
    void *dest;

    while (*fmt) {
        if (isspace((unsigned char)*fmt)) {
            while (isspace((unsigned char)*fmt))
                fmt++;
            skip_space(in);
            continue;
        }
        if (*fmt != '%' || fmt[1] == '%') {
            if (*fmt == '%') {
                fmt++;
                if (skip_space(in) == EOF)
                    return assigned ? assigned : EOF;
            }
            c = next(in);
            if (c != (unsigned char)*fmt) {
                back(in, c);
                return c == EOF && assigned == 0 ? EOF : assigned;
            }
            fmt++;
            continue;
        }
        fmt++;
        suppress = *fmt == '*';
        if (suppress)
            fmt++;
        for (width = 0; *fmt >= '0' && *fmt <= '9'; fmt++)
            width = width * 10 + (*fmt - '0');
        for (length = LEN_NONE;; fmt++) {
            if (*fmt == 'h')
                length = length == LEN_SHORT ? LEN_CHAR : LEN_SHORT;
            else if (*fmt == 'l' || *fmt == 'z' || *fmt == 'j' || *fmt == 't' || *fmt == 'L' || *fmt == 'q')
                length = LEN_LONG;
            else
                break;
        }
        conversion = *fmt;
        if (conversion == '\0')
            break;
        fmt++;
        if (conversion == '[')
            fmt = parse_set(fmt, member);
        dest = suppress || conversion == 'n' ? NULL : va_arg(ap, void *);
        if (conversion == 'n') {
            if (!suppress)
                store_integer(va_arg(ap, void *), length, (unsigned long)in->consumed);
            continue;
        }
        if (conversion != 'c' && conversion != '[' && skip_space(in) == EOF)
            return assigned ? assigned : EOF;
        switch (conversion) {
        case 'c':
        case 's':
        case '[':
            if (width == 0)
                width = conversion == 'c' ? 1 : NO_WIDTH;
            c = next(in);
            if (c == EOF)
                return assigned ? assigned : EOF;
            back(in, c);
            if (scan_text(in, conversion, width, member, dest) < 0)
                return assigned;
            break;
        case 'd':
        case 'i':
        case 'u':
        case 'o':
        case 'x':
        case 'X':
        case 'p':
            base = conversion == 'd' || conversion == 'u' ? 10 : conversion == 'i' ? 0 : conversion == 'o' ? 8 : 16;
            base = gather_number(in, base, width == 0 ? NO_WIDTH : width, text);
            if (base < 0)
                return assigned;
            if (dest != NULL) {
                if (conversion == 'd' || conversion == 'i')
                    store_integer(dest, length, (unsigned long)strtol(text, NULL, base));
                else if (conversion == 'p')
                    *(void **)dest = (void *)strtoul(text, NULL, 16);
                else
                    store_integer(dest, length, strtoul(text, NULL, base));
            }
            break;
        default:
            return assigned;
        }
        if (!suppress)
            assigned++;
    }
    return assigned;
}
