/* brk.c: the program break (the heap's upper end) and system limits.  The
 * kernel's brk returns the break after the call; asking for an address it
 * cannot grant leaves the break where it was. */
#include <unistd.h>
#include <errno.h>
#include "internal.h"

#define GUEST_PAGE_SIZE 4096

static char *current_break;

int brk(void *addr)
{
    char *now = (char *)__syscall(SYS_brk, addr);
    current_break = now;
    if (now != (char *)addr) {
        errno = ENOMEM;
        return -1;
    }
    return 0;
}

void *sbrk(int increment)
{
    char *old;
    if (current_break == NULL)
        current_break = (char *)__syscall(SYS_brk, 0);
    old = current_break;
    if (increment == 0)
        return old;
    if (increment > 0 ? (unsigned int)old + (unsigned int)increment < (unsigned int)old
                      : (unsigned int)old < (unsigned int)-increment) {
        errno = ENOMEM;
        return (void *)-1;
    }
    if (brk(old + increment) < 0)
        return (void *)-1;
    return old;
}

long sysconf(int name)
{
    switch (name) {
    case _SC_PAGESIZE:
        return GUEST_PAGE_SIZE;
    case _SC_CLK_TCK:
        return 100;
    case _SC_OPEN_MAX:
        return 1024;
    case _SC_ARG_MAX:
        return 131072;
    case _SC_CHILD_MAX:
        return 1024;
    }
    errno = EINVAL;
    return -1;
}

int getpagesize(void)
{
    return GUEST_PAGE_SIZE;
}
