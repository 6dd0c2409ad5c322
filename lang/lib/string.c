/* string.c: string.h and strings.h.  memcpy and memset move whole words when
 * the addresses allow it: in the VM every byte copied is several
 * instructions, and fork-heavy programs copy and clear large blocks. */
#include <string.h>
#include <strings.h>
#include <stdlib.h>

#define WORD_ALIGNED(p) (((unsigned int)(p) & 3) == 0)

void *memcpy(void *dest, const void *src, size_t n)
{
    unsigned char *d = dest;
    const unsigned char *s = src;
    if (WORD_ALIGNED(d) && WORD_ALIGNED(s)) {
        for (; n >= 4; n -= 4, d += 4, s += 4)
            *(unsigned int *)d = *(const unsigned int *)s;
    }
    while (n-- > 0)
        *d++ = *s++;
    return dest;
}

void *memmove(void *dest, const void *src, size_t n)
{
    unsigned char *d = dest;
    const unsigned char *s = src;
    if (d == s || n == 0)
        return dest;
    if (d < s || d >= s + n)
        return memcpy(dest, src, n);
    d += n;
    s += n;
    while (n-- > 0)
        *--d = *--s;
    return dest;
}

void *memset(void *s, int c, size_t n)
{
    unsigned char *p = s;
    unsigned int word;
    while (n > 0 && !WORD_ALIGNED(p)) {
        *p++ = (unsigned char)c;
        n--;
    }
    word = (unsigned char)c;
    word |= word << 8;
    word |= word << 16;
    for (; n >= 4; n -= 4, p += 4)
        *(unsigned int *)p = word;
    while (n-- > 0)
        *p++ = (unsigned char)c;
    return s;
}

int memcmp(const void *s1, const void *s2, size_t n)
{
    const unsigned char *a = s1, *b = s2;
    for (; n > 0; n--, a++, b++)
        if (*a != *b)
            return *a - *b;
    return 0;
}

void *memchr(const void *s, int c, size_t n)
{
    const unsigned char *p = s;
    for (; n > 0; n--, p++)
        if (*p == (unsigned char)c)
            return (void *)p;
    return NULL;
}

size_t strlen(const char *s)
{
    const char *p = s;
    while (*p)
        p++;
    return p - s;
}

size_t strnlen(const char *s, size_t maxlen)
{
    size_t n = 0;
    while (n < maxlen && s[n])
        n++;
    return n;
}

char *strcpy(char *dest, const char *src)
{
    char *d = dest;
    while ((*d++ = *src++) != '\0')
        ;
    return dest;
}

char *strncpy(char *dest, const char *src, size_t n)
{
    size_t i = 0;
    for (; i < n && src[i]; i++)
        dest[i] = src[i];
    for (; i < n; i++)
        dest[i] = '\0';
    return dest;
}

char *strcat(char *dest, const char *src)
{
    strcpy(dest + strlen(dest), src);
    return dest;
}

char *strncat(char *dest, const char *src, size_t n)
{
    char *d = dest + strlen(dest);
    for (; n > 0 && *src; n--)
        *d++ = *src++;
    *d = '\0';
    return dest;
}

int strcmp(const char *s1, const char *s2)
{
    const unsigned char *a = (const unsigned char *)s1, *b = (const unsigned char *)s2;
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return *a - *b;
}

int strncmp(const char *s1, const char *s2, size_t n)
{
    const unsigned char *a = (const unsigned char *)s1, *b = (const unsigned char *)s2;
    for (; n > 0; n--, a++, b++)
        if (*a != *b || *a == '\0')
            return *a - *b;
    return 0;
}

int strcoll(const char *s1, const char *s2)
{
    return strcmp(s1, s2);
}

char *strchr(const char *s, int c)
{
    for (;; s++) {
        if (*s == (char)c)
            return (char *)s;
        if (*s == '\0')
            return NULL;
    }
}

char *strrchr(const char *s, int c)
{
    const char *found = NULL;
    for (;; s++) {
        if (*s == (char)c)
            found = s;
        if (*s == '\0')
            return (char *)found;
    }
}

char *strstr(const char *haystack, const char *needle)
{
    size_t n = strlen(needle);
    if (n == 0)
        return (char *)haystack;
    for (; *haystack; haystack++)
        if (*haystack == *needle && strncmp(haystack, needle, n) == 0)
            return (char *)haystack;
    return NULL;
}

size_t strspn(const char *s, const char *accept)
{
    size_t n = 0;
    while (s[n] && strchr(accept, s[n]))
        n++;
    return n;
}

size_t strcspn(const char *s, const char *reject)
{
    size_t n = 0;
    while (s[n] && !strchr(reject, s[n]))
        n++;
    return n;
}

char *strpbrk(const char *s, const char *accept)
{
    s += strcspn(s, accept);
    return *s ? (char *)s : NULL;
}

char *strtok_r(char *str, const char *delim, char **saveptr)
{
    char *end;
    if (str == NULL)
        str = *saveptr;
    str += strspn(str, delim);
    if (*str == '\0') {
        *saveptr = str;
        return NULL;
    }
    end = str + strcspn(str, delim);
    if (*end != '\0')
        *end++ = '\0';
    *saveptr = end;
    return str;
}

char *strtok(char *str, const char *delim)
{
    static char *save;
    return strtok_r(str, delim, &save);
}

char *strsep(char **stringp, const char *delim)
{
    char *start = *stringp, *end;
    if (start == NULL)
        return NULL;
    end = start + strcspn(start, delim);
    if (*end != '\0') {
        *end = '\0';
        *stringp = end + 1;
    } else {
        *stringp = NULL;
    }
    return start;
}

char *strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *copy = malloc(n);
    if (copy != NULL)
        memcpy(copy, s, n);
    return copy;
}

char *strndup(const char *s, size_t n)
{
    size_t len = strnlen(s, n);
    char *copy = malloc(len + 1);
    if (copy != NULL) {
        memcpy(copy, s, len);
        copy[len] = '\0';
    }
    return copy;
}

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

int strcasecmp(const char *s1, const char *s2)
{
    const unsigned char *a = (const unsigned char *)s1, *b = (const unsigned char *)s2;
    while (*a && lower(*a) == lower(*b)) {
        a++;
        b++;
    }
    return lower(*a) - lower(*b);
}

int strncasecmp(const char *s1, const char *s2, size_t n)
{
    const unsigned char *a = (const unsigned char *)s1, *b = (const unsigned char *)s2;
    for (; n > 0; n--, a++, b++)
        if (lower(*a) != lower(*b) || *a == '\0')
            return lower(*a) - lower(*b);
    return 0;
}

void bzero(void *s, size_t n)
{
    memset(s, 0, n);
}
