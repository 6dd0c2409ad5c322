/* signal.c: signal dispositions, sending and masks.  struct sigaction is
 * handed to rt_sigaction unchanged (its layout is the kernel's, see
 * signal.h).  signal() has glibc's BSD semantics: SA_RESTART, and the
 * signal itself blocked while its handler runs. */
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>
#include "internal.h"

int sigaction(int sig, const struct sigaction *act, struct sigaction *oldact)
{
    __SYSCALL_RETURN(__syscall(SYS_rt_sigaction, sig, act, oldact));
}

__sighandler_t signal(int sig, __sighandler_t handler)
{
    struct sigaction act, old;
    if (handler == SIG_ERR || sig < 1 || sig >= NSIG) {
        errno = EINVAL;
        return SIG_ERR;
    }
    act.sa_handler = handler;
    sigemptyset(&act.sa_mask);
    sigaddset(&act.sa_mask, sig);
    act.sa_flags = SA_RESTART;
    if (sigaction(sig, &act, &old) < 0)
        return SIG_ERR;
    return old.sa_handler;
}

/* System V semantics: one-shot handler, no restart, no self-blocking. */
__sighandler_t sysv_signal(int sig, __sighandler_t handler)
{
    struct sigaction act, old;
    if (handler == SIG_ERR || sig < 1 || sig >= NSIG) {
        errno = EINVAL;
        return SIG_ERR;
    }
    act.sa_handler = handler;
    sigemptyset(&act.sa_mask);
    act.sa_flags = SA_RESETHAND | SA_NODEFER;
    if (sigaction(sig, &act, &old) < 0)
        return SIG_ERR;
    return old.sa_handler;
}

int kill(pid_t pid, int sig)
{
    __SYSCALL_RETURN(__syscall(SYS_kill, pid, sig));
}

int killpg(pid_t pgrp, int sig)
{
    if (pgrp < 0) {
        errno = EINVAL;
        return -1;
    }
    return kill(-pgrp, sig);
}

int raise(int sig)
{
    return kill(getpid(), sig);
}

int sigqueue(pid_t pid, int sig, const union sigval value)
{
    siginfo_t info;
    memset(&info, 0, sizeof info);
    info.si_signo = sig;
    info.si_code = SI_QUEUE;
    info.si_pid = getpid();
    info.si_uid = getuid();
    info.si_value = value;
    __SYSCALL_RETURN(__syscall(SYS_rt_sigqueueinfo, pid, sig, &info));
}

int sigprocmask(int how, const sigset_t *set, sigset_t *oldset)
{
    __SYSCALL_RETURN(__syscall(SYS_rt_sigprocmask, how, set, oldset));
}

int sigpending(sigset_t *set)
{
    __SYSCALL_RETURN(__syscall(SYS_rt_sigpending, set));
}

int sigsuspend(const sigset_t *mask)
{
    __SYSCALL_RETURN(__syscall(SYS_rt_sigsuspend, mask));
}
