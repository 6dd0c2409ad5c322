/* exit.c: normal and abnormal termination.  exit() runs the atexit handlers
 * (last registered first), flushes every stdio stream and ends the process;
 * _exit() ends it at once, leaving stdio buffers unwritten, as on Linux.
 * abort() raises SIGABRT (glibc no longer flushes streams there). */
#include <stdlib.h>
#include <signal.h>
#include <unistd.h>
#include "internal.h"

#define ATEXIT_MAX 64

static void (*handlers[ATEXIT_MAX])(void);
static int handler_count;

int atexit(void (*function)(void))
{
    if (handler_count == ATEXIT_MAX)
        return -1;
    handlers[handler_count++] = function;
    return 0;
}

void exit(int status)
{
    while (handler_count > 0) {
        handler_count--;
        handlers[handler_count]();
    }
    __stdio_exit();
    _exit(status);
}

void _exit(int status)
{
    for (;;)
        __syscall(SYS_exit_group, status);
}

void _Exit(int status)
{
    _exit(status);
}

void abort(void)
{
    sigset_t set;
    struct sigaction sa;

    sigemptyset(&set);
    sigaddset(&set, SIGABRT);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    raise(SIGABRT);
    /* A handler returned: restore the default action and try again. */
    sa.sa_handler = SIG_DFL;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    sigaction(SIGABRT, &sa, NULL);
    raise(SIGABRT);
    _exit(127);
}
