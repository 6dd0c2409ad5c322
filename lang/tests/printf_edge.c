/* printf_edge: the printf core beyond lang/printf_formats: the 0 flag on
 * text conversions (ignored), %p with flags, %#o/%#x corner cases, '*'
 * widths, h/hh truncation, %n, %m, unknown conversions printed as written,
 * and snprintf's would-be length and truncation. */
#include <stdio.h>
#include <string.h>
#include <errno.h>

int main(void)
{
    char buf[64];
    int n, count = 0;
    short small = 0;

    printf("[%05s] [%-05s] [%05c] [%5.1s] [%.0s]\n", "ab", "ab", 'z', "xyz", "gone");
    printf("[%p] [%10p] [%-8p] [%+p] [% p] [%010p] [%.6p]\n", NULL, NULL, (void *)0x1f, (void *)0x1f,
           (void *)0x1f, (void *)0x1f, (void *)0x1f);
    printf("[%#o] [%#.0o] [%#5o] [%#.3o] [%#x] [%#.0x] [%#.3x] [%#X]\n", 0, 0, 9, 9, 0, 0, 10, 3054);
    printf("[%*d] [%-*d] [%*d] [%.*d] [%.*d] [%*.*d]\n", 6, 42, 6, 42, -6, 42, 4, 42, -1, 42, 7, 3, -5);
    printf("[%hd] [%hu] [%hhd] [%hhu] [%hx] [%hhx]\n", 70000, 70000, 200, 300, -1, -1);
    printf("[%+u] [% u] [%+x] [%lu] [%li] [%zu]\n", 5u, 5u, 255u, 4000000000UL, -7L, (size_t)12);
    printf("[%d] [%.0d] [%+.0d] [% .0d] [%5.0d] [%-5.0d|]\n", 0, 0, 0, 0, 0, 0);
    printf("[%y] [%5y] [100%%] [%%%d]\n", 3);
    printf("ab%ncd%hnef\n", &count, &small);
    printf("%%n stored %d and %d\n", count, (int)small);
    errno = EPIPE;
    printf("[%m] [%20m]\n");
    n = snprintf(buf, 8, "%s|%d", "abcdef", 12345);
    printf("snprintf 8: %d \"%s\"\n", n, buf);
    n = snprintf(buf, sizeof buf, "%-6s|%6s|%06d|%-6d|", "ab", "cd", -42, -42);
    printf("snprintf: %d \"%s\"\n", n, buf);
    n = sprintf(buf, "%c%c%c", 'a', 0, 'b');
    printf("sprintf with a NUL char: %d, strlen %d\n", n, (int)strlen(buf));
    n = printf("%s", "");
    printf("printf of nothing returned %d\n", n);
    return 0;
}
