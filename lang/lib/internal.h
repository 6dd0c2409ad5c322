/* internal.h: declarations shared by the library's own files and nothing
 * else (user programs never include it).  The compiler provides the builtin
 * int __syscall(int nr, ...), whose first argument is a SYS_* constant and
 * whose result is the kernel's raw answer: -4095..-1 means -errno. */
#ifndef _LIBC_INTERNAL_H
#define _LIBC_INTERNAL_H

#include <sys/syscall.h>

/* A raw kernel result that encodes an error (-4095..-1). */
#define __IS_SYSERR(r) ((unsigned int)(r) > 0xfffff000U)

/* Turns a raw kernel result into the C convention: -1 with errno set. */
int __syscall_ret(int r);

/* Short program name (basename of argv[0]) for assert and psignal. */
extern char *__progname;

/* Flushes every open stream; exit() calls it after the atexit handlers. */
void __stdio_exit(void);

#endif
