/* assert.c: the failure path of assert(), in glibc's words:
 * "prog: file:line: func: Assertion `expr' failed." */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include "internal.h"

void __assert_fail(const char *assertion, const char *file, unsigned int line, const char *function)
{
    fprintf(stderr, "%s%s%s:%u: %s%sAssertion `%s' failed.\n", __progname, __progname[0] ? ": " : "", file,
            line, function ? function : "", function ? ": " : "", assertion);
    fflush(stderr);
    abort();
}
