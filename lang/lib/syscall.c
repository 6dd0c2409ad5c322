/* syscall.c: the one place a raw kernel result becomes -1 and errno. */
#include <errno.h>
#include "internal.h"

int errno;

int __syscall_ret(int r)
{
    if (__IS_SYSERR(r)) {
        errno = -r;
        return -1;
    }
    return r;
}
