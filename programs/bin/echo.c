/* echo: write the arguments, separated by spaces, and a newline.
 *   -n  no newline    -e  interpret backslash escapes    -E  do not (default)
 * Options are recognised only as leading arguments made of those letters, as
 * GNU echo does; with -e, \c stops the output there. */
#include <stdio.h>
#include <string.h>

static int only_option_letters(const char *arg)
{
    if (arg[0] != '-' || arg[1] == '\0')
        return 0;
    return strspn(arg + 1, "neE") == strlen(arg + 1);
}

static int hex_value(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Writes s with its escapes interpreted; 0 when \c ended the output. */
static int put_escaped(const char *s)
{
    for (; *s; s++) {
        int c = *s, n, i;
        if (c != '\\' || s[1] == '\0') {
            putchar(c);
            continue;
        }
        switch (*++s) {
        case 'a': putchar('\a'); break;
        case 'b': putchar('\b'); break;
        case 'c': return 0;
        case 'e': putchar(033); break;
        case 'f': putchar('\f'); break;
        case 'n': putchar('\n'); break;
        case 'r': putchar('\r'); break;
        case 't': putchar('\t'); break;
        case 'v': putchar('\v'); break;
        case '\\': putchar('\\'); break;
        case '0':
            for (n = 0, i = 0; i < 3 && s[1] >= '0' && s[1] <= '7'; i++)
                n = n * 8 + (*++s - '0');
            putchar(n);
            break;
        case 'x':
            if (hex_value(s[1]) < 0) {
                fputs("\\x", stdout);
                break;
            }
            for (n = 0, i = 0; i < 2 && hex_value(s[1]) >= 0; i++)
                n = n * 16 + hex_value(*++s);
            putchar(n);
            break;
        default:
            putchar('\\');
            putchar(*s);
            break;
        }
    }
    return 1;
}

int main(int argc, char **argv)
{
    int newline = 1, escapes = 0, i = 1;
    for (; i < argc && only_option_letters(argv[i]); i++) {
        const char *p;
        for (p = argv[i] + 1; *p; p++) {
            if (*p == 'n')
                newline = 0;
            else if (*p == 'e')
                escapes = 1;
            else
                escapes = 0;
        }
    }
    for (; i < argc; i++) {
        if (escapes) {
            if (!put_escaped(argv[i]))
                return 0;
        } else {
            fputs(argv[i], stdout);
        }
        if (i + 1 < argc)
            putchar(' ');
    }
    if (newline)
        putchar('\n');
    return 0;
}
