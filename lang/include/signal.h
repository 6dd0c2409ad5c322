/* signal.h: signals with Linux's numbers and flags, and the kernel ABI
 * structures the kernel reads and writes (all offsets in bytes):
 *
 * sigset_t (8 bytes): signal n (1..64) is bit (n-1)%32 of __val[(n-1)/32].
 *
 * struct sigaction (16 bytes), also the rt_sigaction argument as is:
 *    0 sa_handler / sa_sigaction (one code address)
 *    4 sa_mask (sigset_t)
 *   12 sa_flags
 *
 * siginfo_t (128 bytes, Linux i386 layout):
 *    0 si_signo   4 si_errno   8 si_code
 *   12 si_pid    16 si_uid    20 si_value      (kill, sigqueue: SI_USER, SI_QUEUE)
 *   12 si_pid    16 si_uid    20 si_status  24 si_utime  28 si_stime  (SIGCHLD)
 *   12 si_addr                                 (SIGSEGV, SIGFPE)
 *
 * union sigval (4 bytes): sival_int / sival_ptr. */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <sys/types.h>

#define SIGHUP 1
#define SIGINT 2
#define SIGQUIT 3
#define SIGILL 4
#define SIGTRAP 5
#define SIGABRT 6
#define SIGIOT 6
#define SIGBUS 7
#define SIGFPE 8
#define SIGKILL 9
#define SIGUSR1 10
#define SIGSEGV 11
#define SIGUSR2 12
#define SIGPIPE 13
#define SIGALRM 14
#define SIGTERM 15
#define SIGSTKFLT 16
#define SIGCHLD 17
#define SIGCLD SIGCHLD
#define SIGCONT 18
#define SIGSTOP 19
#define SIGTSTP 20
#define SIGTTIN 21
#define SIGTTOU 22
#define SIGURG 23
#define SIGXCPU 24
#define SIGXFSZ 25
#define SIGVTALRM 26
#define SIGPROF 27
#define SIGWINCH 28
#define SIGIO 29
#define SIGPOLL SIGIO
#define SIGPWR 30
#define SIGSYS 31
#define SIGUNUSED 31

/* glibc reserves 32 and 33 for its threads, so its SIGRTMIN is 34. */
#define SIGRTMIN 34
#define SIGRTMAX 64
#define NSIG 65
#define _NSIG 65

typedef void (*__sighandler_t)(int);
typedef __sighandler_t sighandler_t;
typedef __sighandler_t sig_t;

#define SIG_ERR ((__sighandler_t)-1)
#define SIG_DFL ((__sighandler_t)0)
#define SIG_IGN ((__sighandler_t)1)

#define SIG_BLOCK 0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2

#define SA_NOCLDSTOP 0x00000001
#define SA_NOCLDWAIT 0x00000002
#define SA_SIGINFO 0x00000004
#define SA_ONSTACK 0x08000000
#define SA_RESTART 0x10000000
#define SA_NODEFER 0x40000000
#define SA_RESETHAND 0x80000000
#define SA_NOMASK SA_NODEFER
#define SA_ONESHOT SA_RESETHAND

#define SI_ASYNCNL (-60)
#define SI_TKILL (-6)
#define SI_SIGIO (-5)
#define SI_ASYNCIO (-4)
#define SI_MESGQ (-3)
#define SI_TIMER (-2)
#define SI_QUEUE (-1)
#define SI_USER 0
#define SI_KERNEL 0x80

#define ILL_ILLOPC 1
#define FPE_INTDIV 1
#define FPE_INTOVF 2
#define SEGV_MAPERR 1
#define SEGV_ACCERR 2
#define BUS_ADRALN 1
#define CLD_EXITED 1
#define CLD_KILLED 2
#define CLD_DUMPED 3
#define CLD_TRAPPED 4
#define CLD_STOPPED 5
#define CLD_CONTINUED 6

typedef struct {
    unsigned long __val[2];
} sigset_t;

union sigval {
    int sival_int;
    void *sival_ptr;
};
typedef union sigval sigval_t;

struct __siginfo_rt {
    pid_t __pid;
    uid_t __uid;
    union sigval __value;
};

struct __siginfo_chld {
    pid_t __pid;
    uid_t __uid;
    int __status;
    long __utime;
    long __stime;
};

struct __siginfo_fault {
    void *__addr;
};

typedef struct {
    int si_signo;
    int si_errno;
    int si_code;
    union {
        int __pad[29];
        struct __siginfo_rt __rt;
        struct __siginfo_chld __chld;
        struct __siginfo_fault __fault;
    } __fields;
} siginfo_t;

#define si_pid __fields.__rt.__pid
#define si_uid __fields.__rt.__uid
#define si_value __fields.__rt.__value
#define si_int __fields.__rt.__value.sival_int
#define si_ptr __fields.__rt.__value.sival_ptr
#define si_status __fields.__chld.__status
#define si_utime __fields.__chld.__utime
#define si_stime __fields.__chld.__stime
#define si_addr __fields.__fault.__addr

struct sigaction {
    union {
        __sighandler_t __handler;
        void (*__action)(int, siginfo_t *, void *);
    } __sigaction_handler;
    sigset_t sa_mask;
    int sa_flags;
};

#define sa_handler __sigaction_handler.__handler
#define sa_sigaction __sigaction_handler.__action

#ifndef __sig_atomic_t_defined
#define __sig_atomic_t_defined
typedef int sig_atomic_t;
#endif

__sighandler_t signal(int sig, __sighandler_t handler);
__sighandler_t sysv_signal(int sig, __sighandler_t handler);
int sigaction(int sig, const struct sigaction *act, struct sigaction *oldact);
int kill(pid_t pid, int sig);
int killpg(pid_t pgrp, int sig);
int raise(int sig);
int sigqueue(pid_t pid, int sig, const union sigval value);
int sigemptyset(sigset_t *set);
int sigfillset(sigset_t *set);
int sigaddset(sigset_t *set, int sig);
int sigdelset(sigset_t *set, int sig);
int sigismember(const sigset_t *set, int sig);
int sigprocmask(int how, const sigset_t *set, sigset_t *oldset);
int sigpending(sigset_t *set);
int sigsuspend(const sigset_t *mask);
void psignal(int sig, const char *msg);

#endif
