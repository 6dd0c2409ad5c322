/* String and character literals: escapes, octal and hex, adjacent literal
 * concatenation, string literals as arrays and pointers, sizeof a literal. */
#include "test.h"
// expect: OK 31

int len(const char *s)
{
    const char *p = s;
    while (*p)
        p++;
    return p - s;
}

int main(void)
{
    char *s = "abc";
    ASSERT(97, "abc"[0]);
    ASSERT(99, s[2]);
    ASSERT(0, s[3]);
    ASSERT(4, sizeof("abc"));
    ASSERT(1, sizeof(""));
    ASSERT(7, '\a');
    ASSERT(8, '\b');
    ASSERT(9, '\t');
    ASSERT(10, '\n');
    ASSERT(11, '\v');
    ASSERT(12, '\f');
    ASSERT(13, '\r');
    ASSERT(0, '\0');
    ASSERT(92, '\\');
    ASSERT(39, '\'');
    ASSERT(34, '"');
    ASSERT(34, "\""[0]);
    ASSERT(63, '\?');
    ASSERT(8, "\010"[0]);
    ASSERT(65, "\101"[0]);
    ASSERT(16, "\x10"[0]);
    ASSERT(-1, "\xff"[0]);
    ASSERT(-1, '\377');
    ASSERT(7, sizeof("abc" "def"));
    ASSERT('e', ("abc" "def")[4]);
    ASSERT(6, len("abc" "def"));
    ASSERT(0, len(""));
    ASSERT(11, len("hello world"));
    ASSERT(2, len("\n\t"));
    ASSERT('z', "xyz"[len("ab")]);
    ASSERT(1, s == s);
    return test_done();
}
