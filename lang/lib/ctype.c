/* ctype.c: the C locale's character classes.  A true answer is glibc's bit
 * for the class (from its __ctype_b table), so programs that print the
 * result see Linux's numbers. */
#include <ctype.h>

#define CT_UPPER 0x100
#define CT_LOWER 0x200
#define CT_ALPHA 0x400
#define CT_DIGIT 0x800
#define CT_XDIGIT 0x1000
#define CT_SPACE 0x2000
#define CT_PRINT 0x4000
#define CT_GRAPH 0x8000
#define CT_BLANK 0x1
#define CT_CNTRL 0x2
#define CT_PUNCT 0x4
#define CT_ALNUM 0x8

static int upper_letter(int c)
{
    return c >= 'A' && c <= 'Z';
}

static int lower_letter(int c)
{
    return c >= 'a' && c <= 'z';
}

static int digit(int c)
{
    return c >= '0' && c <= '9';
}

static int graphic(int c)
{
    return c > ' ' && c < 0x7f;
}

int isupper(int c)
{
    return upper_letter(c) ? CT_UPPER : 0;
}

int islower(int c)
{
    return lower_letter(c) ? CT_LOWER : 0;
}

int isalpha(int c)
{
    return upper_letter(c) || lower_letter(c) ? CT_ALPHA : 0;
}

int isdigit(int c)
{
    return digit(c) ? CT_DIGIT : 0;
}

int isxdigit(int c)
{
    return digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') ? CT_XDIGIT : 0;
}

int isalnum(int c)
{
    return upper_letter(c) || lower_letter(c) || digit(c) ? CT_ALNUM : 0;
}

int isspace(int c)
{
    return c == ' ' || (c >= '\t' && c <= '\r') ? CT_SPACE : 0;
}

int isblank(int c)
{
    return c == ' ' || c == '\t' ? CT_BLANK : 0;
}

int iscntrl(int c)
{
    return (c >= 0 && c < ' ') || c == 0x7f ? CT_CNTRL : 0;
}

int isprint(int c)
{
    return c >= ' ' && c < 0x7f ? CT_PRINT : 0;
}

int isgraph(int c)
{
    return graphic(c) ? CT_GRAPH : 0;
}

int ispunct(int c)
{
    return graphic(c) && !upper_letter(c) && !lower_letter(c) && !digit(c) ? CT_PUNCT : 0;
}

int isascii(int c)
{
    return (c & ~0x7f) == 0;
}

int toascii(int c)
{
    return c & 0x7f;
}

int tolower(int c)
{
    return upper_letter(c) ? c + ('a' - 'A') : c;
}

int toupper(int c)
{
    return lower_letter(c) ? c - ('a' - 'A') : c;
}
