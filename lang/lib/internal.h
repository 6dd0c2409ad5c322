/* internal.h: declarations shared by the library's own files and nothing
 * else (user programs never include it).  The compiler provides the builtin
 * int __syscall(int nr, ...), whose first argument is a SYS_* constant and
 * whose result is the kernel's raw answer: -4095..-1 means -errno. */
#ifndef _LIBC_INTERNAL_H
#define _LIBC_INTERNAL_H

#include <sys/syscall.h>
#include <errno.h>

/* A raw kernel result that encodes an error (-4095..-1). */
#define __IS_SYSERR(r) ((unsigned int)(r) > 0xfffff000U)

/* A system call wrapper's return: the raw kernel result of expr in the C
 * convention, -1 with errno set for an error. Spelled out in each wrapper rather
 * than a call to a helper, which cost every system call 8 more instructions. */
#define __SYSCALL_RETURN(expr)      \
    do {                            \
        int __r = (expr);           \
        if (__IS_SYSERR(__r)) {     \
            errno = -__r;           \
            return -1;              \
        }                           \
        return __r;                 \
    } while (0)

/* Short program name (basename of argv[0]) for assert and psignal. */
extern char *__progname;

/* Flushes every open stream; exit() calls it after the atexit handlers. */
void __stdio_exit(void);

#endif
