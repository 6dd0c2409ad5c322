/* strings_misc: string.h beyond lang/strings_ctype (strtok, strtok_r,
 * strsep, strspn, strcspn, strpbrk, memchr, strnlen, strndup, strncasecmp)
 * and the exact values glibc gives: ctype results are class bits, strerror
 * and strsignal texts, "Unknown error N". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <ctype.h>
#include <signal.h>
#include <errno.h>

int main(void)
{
    char text[] = "  alpha, beta,,gamma  ";
    char copy[] = "a:b::c";
    char *tok, *save, *rest, *dup;
    int i;

    for (tok = strtok(text, " ,"); tok != NULL; tok = strtok(NULL, " ,"))
        printf("[%s]", tok);
    printf("\n");
    strcpy(text, "x-y-z");
    for (tok = strtok_r(text, "-", &save); tok != NULL; tok = strtok_r(NULL, "-", &save))
        printf("<%s>", tok);
    printf("\n");
    rest = copy;
    while ((tok = strsep(&rest, ":")) != NULL)
        printf("{%s}", tok);
    printf("\n");
    printf("strspn %d strcspn %d strpbrk %s memchr %s strnlen %d %d\n", (int)strspn("aabbc", "ab"),
           (int)strcspn("hello, world", ", "), strpbrk("hello, world", "ow"), (char *)memchr("abcdef", 'd', 6),
           (int)strnlen("abc", 10), (int)strnlen("abcdef", 4));
    dup = strndup("truncate me", 8);
    printf("strndup: [%s], strncasecmp %d %d, strcasecmp %d\n", dup, strncasecmp("HELLO", "help", 3) == 0,
           strncasecmp("HELLO", "help", 4) > 0, strcasecmp("MiXeD", "mixed"));
    free(dup);

    printf("ctype of 'a' '5' ' ' '!' 'F':");
    for (i = 0; i < 5; i++) {
        int c = "a5 !F"[i];
        printf(" %d/%d/%d/%d/%d/%d/%d", isalpha(c), isdigit(c), isspace(c), ispunct(c), isupper(c), isxdigit(c),
               isprint(c));
    }
    printf("\nctype of EOF and 200: %d %d %d %d\n", isalpha(EOF), isprint(EOF), isalpha(200), toupper(200));

    for (i = 0; i <= 40; i += 8)
        printf("strerror(%d): %s\n", i, strerror(i));
    printf("strerror(41): %s\n", strerror(41));
    printf("strerror(%d): %s\n", EIDRM, strerror(EIDRM));
    printf("strerror(%d): %s\n", ENOMSG, strerror(ENOMSG));
    printf("strerror(133): %s\n", strerror(133));
    printf("strerror(200): %s\n", strerror(200));
    for (i = 1; i <= 31; i += 6)
        printf("strsignal(%d): %s\n", i, strsignal(i));
    printf("strsignal(SIGCHLD): %s\n", strsignal(SIGCHLD));
    printf("strsignal(SIGRTMIN+2): %s\n", strsignal(SIGRTMIN + 2));
    printf("strsignal(99): %s\n", strsignal(99));
    return 0;
}
