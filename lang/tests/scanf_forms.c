/* scanf_forms: sscanf and scanf conversions (%d %i %u %x %o %c %s %[...] %n
 * %%), widths, '*' suppression, literal and whitespace matching, h/hh
 * stores, and the return value: items assigned, or EOF when the input ends
 * before the first conversion.  scanf reads the stdin lines below. */
// stdin: 12 0x1f 017 -8
// stdin: name=ipcvm; 40 rest of line
// stdin: tail
#include <stdio.h>
#include <string.h>

int main(void)
{
    int a = -1, b = -1, c = -1, d = -1, n = -1, r;
    unsigned u = 0;
    short h = 0;
    signed char hh = 0;
    char s1[32], s2[32], ch[4];

    r = sscanf("  42 -17", "%d%d", &a, &b);
    printf("1: %d %d %d\n", r, a, b);
    r = sscanf("0x1A 010 10 z", "%i %i %i %i", &a, &b, &c, &d);
    printf("2: %d %d %d %d\n", r, a, b, c);
    r = sscanf("ff 777 -1", "%x %o %u", &a, &b, &u);
    printf("3: %d %d %d %u\n", r, a, b, u);
    r = sscanf("12345", "%2d%3d", &a, &b);
    printf("4: %d %d %d\n", r, a, b);
    r = sscanf("abc", "%d", &a);
    printf("5: %d\n", r);
    r = sscanf("", "%d", &a);
    printf("6: %d\n", r);
    r = sscanf("   ", "%s", s1);
    printf("7: %d\n", r);
    r = sscanf("hello world", "%s %3s", s1, s2);
    printf("8: %d [%s] [%s]\n", r, s1, s2);
    memset(ch, 0, sizeof ch);
    r = sscanf(" xyz", "%c%2c", &ch[0], &ch[1]);
    printf("9: %d [%s]\n", r, ch);
    r = sscanf("key=value;rest", "%[^=]=%[a-z]", s1, s2);
    printf("10: %d [%s] [%s]\n", r, s1, s2);
    r = sscanf("]x-y", "%[]x-]%n", s1, &n);
    printf("11: %d [%s] %d\n", r, s1, n);
    r = sscanf("7 8 9", "%*d %d %n%d", &a, &n, &b);
    printf("12: %d %d %d %d\n", r, a, n, b);
    r = sscanf("50%", "%d%%", &a);
    printf("13: %d %d\n", r, a);
    r = sscanf("x=1, y=2", "x=%d , y=%d", &a, &b);
    printf("14: %d %d %d\n", r, a, b);
    r = sscanf("x=1; y=2", "x=%d, y=%d", &a, &b);
    printf("15: %d %d\n", r, a);
    r = sscanf("70000 300", "%hd %hhd", &h, &hh);
    printf("16: %d %d %d\n", r, h, hh);
    r = sscanf("-0x10 +12", "%x %d", &a, &b);
    printf("17: %d %d %d\n", r, a, b);

    r = scanf("%d %x %o %d", &a, &b, &c, &d);
    printf("scanf 1: %d %d %d %d %d\n", r, a, b, c, d);
    r = scanf(" name=%[^;]; %d", s1, &a);
    printf("scanf 2: %d [%s] %d\n", r, s1, a);
    if (fgets(s2, sizeof s2, stdin) != NULL)
        printf("rest: [%s]", s2);
    r = scanf("%s", s1);
    printf("scanf 3: %d [%s]\n", r, s1);
    r = scanf("%d", &a);
    printf("scanf at EOF: %d\n", r);
    return 0;
}
