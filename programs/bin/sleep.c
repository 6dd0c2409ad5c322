/* sleep: pause for the sum of the intervals given, each a number (decimals
 * allowed) with an optional unit: s (seconds, the default), m, h or d. */
#include <stdio.h>
#include <time.h>

/* Parses an interval into *sec and *nsec; 0 when it is not one. */
static int parse_interval(const char *s, long *sec, long *nsec)
{
    long whole = 0, frac = 0, scale = 1000000000L, unit = 1;
    int digits = 0;
    for (; *s >= '0' && *s <= '9'; s++, digits++)
        whole = whole * 10 + (*s - '0');
    if (*s == '.') {
        for (s++; *s >= '0' && *s <= '9'; s++, digits++) {
            if (scale > 1) {
                scale /= 10;
                frac += (*s - '0') * scale;
            }
        }
    }
    if (digits == 0)
        return 0;
    if (*s == 'm')
        unit = 60;
    else if (*s == 'h')
        unit = 3600;
    else if (*s == 'd')
        unit = 86400;
    else if (*s != 's' && *s != '\0')
        return 0;
    if (*s != '\0' && s[1] != '\0')
        return 0;
    if (unit == 1) {
        *sec = whole;
        *nsec = frac;
    } else {
        /* fractions of minutes and longer, to the millisecond */
        long ms = frac / 1000000L * unit;
        *sec = whole * unit + ms / 1000;
        *nsec = ms % 1000 * 1000000L;
    }
    return 1;
}

int main(int argc, char **argv)
{
    long sec = 0, nsec = 0, s, n;
    struct timespec req, rem;
    int i;
    if (argc < 2) {
        fprintf(stderr, "sleep: missing operand\nTry 'sleep --help' for more information.\n");
        return 1;
    }
    for (i = 1; i < argc; i++) {
        if (!parse_interval(argv[i], &s, &n)) {
            fprintf(stderr, "sleep: invalid time interval '%s'\nTry 'sleep --help' for more information.\n", argv[i]);
            return 1;
        }
        sec += s;
        nsec += n;
        if (nsec >= 1000000000L) {
            sec++;
            nsec -= 1000000000L;
        }
    }
    req.tv_sec = sec;
    req.tv_nsec = nsec;
    while (nanosleep(&req, &rem) < 0)
        req = rem;
    return 0;
}
