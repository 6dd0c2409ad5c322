/* sigset.c: signal set operations on the 64-bit sigset_t.  As in glibc,
 * signals 32 and 33 (reserved by its thread library) are left out of a full
 * set and cannot be added or removed. */
#include <signal.h>
#include <errno.h>

#define RESERVED_LOW 32
#define RESERVED_HIGH 33

static int valid(int sig)
{
    return sig >= 1 && sig < NSIG;
}

static int settable(int sig)
{
    if (!valid(sig) || sig == RESERVED_LOW || sig == RESERVED_HIGH) {
        errno = EINVAL;
        return 0;
    }
    return 1;
}

int sigemptyset(sigset_t *set)
{
    set->__val[0] = 0;
    set->__val[1] = 0;
    return 0;
}

int sigfillset(sigset_t *set)
{
    /* signal 32 is bit 31 of the first word, signal 33 bit 0 of the second */
    set->__val[0] = 0x7fffffffUL;
    set->__val[1] = 0xfffffffeUL;
    return 0;
}

int sigaddset(sigset_t *set, int sig)
{
    if (!settable(sig))
        return -1;
    set->__val[(sig - 1) / 32] |= 1UL << ((sig - 1) % 32);
    return 0;
}

int sigdelset(sigset_t *set, int sig)
{
    if (!settable(sig))
        return -1;
    set->__val[(sig - 1) / 32] &= ~(1UL << ((sig - 1) % 32));
    return 0;
}

int sigismember(const sigset_t *set, int sig)
{
    if (!valid(sig)) {
        errno = EINVAL;
        return -1;
    }
    return (set->__val[(sig - 1) / 32] >> ((sig - 1) % 32)) & 1;
}
