/* process.c: process identity, groups, fork and wait. */
#include <unistd.h>
#include <sys/wait.h>
#include <sched.h>
#include "internal.h"

pid_t fork(void)
{
    __SYSCALL_RETURN(__syscall(SYS_fork));
}

pid_t vfork(void)
{
    return fork();
}

pid_t getpid(void)
{
    return __syscall(SYS_getpid);
}

pid_t getppid(void)
{
    return __syscall(SYS_getppid);
}

pid_t getpgrp(void)
{
    return __syscall(SYS_getpgrp);
}

pid_t getpgid(pid_t pid)
{
    __SYSCALL_RETURN(__syscall(SYS_getpgid, pid));
}

int setpgid(pid_t pid, pid_t pgid)
{
    __SYSCALL_RETURN(__syscall(SYS_setpgid, pid, pgid));
}

uid_t getuid(void)
{
    return __syscall(SYS_getuid);
}

uid_t geteuid(void)
{
    return __syscall(SYS_geteuid);
}

gid_t getgid(void)
{
    return __syscall(SYS_getgid);
}

gid_t getegid(void)
{
    return __syscall(SYS_getegid);
}

pid_t waitpid(pid_t pid, int *status, int options)
{
    __SYSCALL_RETURN(__syscall(SYS_wait4, pid, status, options, 0));
}

pid_t wait(int *status)
{
    return waitpid(-1, status, 0);
}

int sched_yield(void)
{
    __SYSCALL_RETURN(__syscall(SYS_sched_yield));
}
