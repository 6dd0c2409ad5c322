/* strtol.c: number parsing (strtol, strtoul, atoi, atol) and integer
 * helpers (abs, labs, div, ldiv). */
#include <stdlib.h>
#include <ctype.h>
#include <limits.h>
#include <errno.h>

static int digit_value(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 99;
}

/* Parses an optionally signed number in base (0 = from its prefix) and
 * returns its magnitude; *negative tells the sign and *overflow whether the
 * magnitude went past ULONG_MAX.  *endptr gets the first unused character,
 * or s itself when there were no digits. */
static unsigned long parse(const char *s, char **endptr, int base, int *negative, int *overflow)
{
    const char *p = s;
    unsigned long value = 0;
    int any = 0, d;

    *negative = 0;
    *overflow = 0;
    if (base < 0 || base == 1 || base > 36) {
        errno = EINVAL;
        if (endptr != NULL)
            *endptr = (char *)s;
        return 0;
    }
    while (isspace((unsigned char)*p))
        p++;
    if (*p == '+' || *p == '-')
        *negative = *p++ == '-';
    if ((base == 0 || base == 16) && p[0] == '0' && (p[1] == 'x' || p[1] == 'X') && digit_value(p[2]) < 16) {
        p += 2;
        base = 16;
    } else if (base == 0) {
        base = p[0] == '0' ? 8 : 10;
    }
    for (; (d = digit_value((unsigned char)*p)) < base; p++) {
        any = 1;
        if (value > (ULONG_MAX - d) / base)
            *overflow = 1;
        else if (!*overflow)
            value = value * base + d;
    }
    if (endptr != NULL)
        *endptr = (char *)(any ? p : s);
    return value;
}

long strtol(const char *s, char **endptr, int base)
{
    int negative, overflow;
    unsigned long magnitude = parse(s, endptr, base, &negative, &overflow);
    if (negative) {
        if (overflow || magnitude > (unsigned long)LONG_MAX + 1) {
            errno = ERANGE;
            return LONG_MIN;
        }
        return (long)(0 - magnitude);
    }
    if (overflow || magnitude > (unsigned long)LONG_MAX) {
        errno = ERANGE;
        return LONG_MAX;
    }
    return (long)magnitude;
}

unsigned long strtoul(const char *s, char **endptr, int base)
{
    int negative, overflow;
    unsigned long magnitude = parse(s, endptr, base, &negative, &overflow);
    if (overflow) {
        errno = ERANGE;
        return ULONG_MAX;
    }
    return negative ? 0 - magnitude : magnitude;
}

int atoi(const char *s)
{
    return (int)strtol(s, NULL, 10);
}

long atol(const char *s)
{
    return strtol(s, NULL, 10);
}

int abs(int j)
{
    return j < 0 ? -j : j;
}

long labs(long j)
{
    return j < 0 ? -j : j;
}

div_t div(int numer, int denom)
{
    div_t r;
    r.quot = numer / denom;
    r.rem = numer % denom;
    return r;
}

ldiv_t ldiv(long numer, long denom)
{
    ldiv_t r;
    r.quot = numer / denom;
    r.rem = numer % denom;
    return r;
}
