/* strsignal.c: signal descriptions in glibc's words, and psignal. */
#include <signal.h>
#include <string.h>
#include <stdio.h>

static const char *const descriptions[32] = {
    0,
    "Hangup",
    "Interrupt",
    "Quit",
    "Illegal instruction",
    "Trace/breakpoint trap",
    "Aborted",
    "Bus error",
    "Floating point exception",
    "Killed",
    "User defined signal 1",
    "Segmentation fault",
    "User defined signal 2",
    "Broken pipe",
    "Alarm clock",
    "Terminated",
    "Stack fault",
    "Child exited",
    "Continued",
    "Stopped (signal)",
    "Stopped",
    "Stopped (tty input)",
    "Stopped (tty output)",
    "Urgent I/O condition",
    "CPU time limit exceeded",
    "File size limit exceeded",
    "Virtual timer expired",
    "Profiling timer expired",
    "Window changed",
    "I/O possible",
    "Power failure",
    "Bad system call",
};

static char unknown[32];

char *strsignal(int sig)
{
    if (sig >= 1 && sig < 32)
        return (char *)descriptions[sig];
    if (sig >= SIGRTMIN && sig <= SIGRTMAX)
        sprintf(unknown, "Real-time signal %d", sig - SIGRTMIN);
    else
        sprintf(unknown, "Unknown signal %d", sig);
    return unknown;
}

void psignal(int sig, const char *msg)
{
    if (msg != NULL && *msg != '\0')
        fprintf(stderr, "%s: %s\n", msg, strsignal(sig));
    else
        fprintf(stderr, "%s\n", strsignal(sig));
}
