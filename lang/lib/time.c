/* time.c: clocks, sleeping and alarms.  sleep() returns the whole seconds
 * left when a signal interrupts it, as glibc does. */
#include <time.h>
#include <sys/time.h>
#include <unistd.h>
#include <errno.h>
#include "internal.h"

time_t time(time_t *t)
{
    time_t now = __syscall(SYS_time, 0);
    if (t != NULL)
        *t = now;
    return now;
}

int clock_gettime(clockid_t clk, struct timespec *ts)
{
    __SYSCALL_RETURN(__syscall(SYS_clock_gettime, clk, ts));
}

clock_t clock(void)
{
    struct timespec ts;
    if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts) < 0)
        return (clock_t)-1;
    return ts.tv_sec * 1000000L + ts.tv_nsec / 1000;
}

int gettimeofday(struct timeval *tv, void *tz)
{
    __SYSCALL_RETURN(__syscall(SYS_gettimeofday, tv, tz));
}

int nanosleep(const struct timespec *req, struct timespec *rem)
{
    __SYSCALL_RETURN(__syscall(SYS_nanosleep, req, rem));
}

unsigned int sleep(unsigned int seconds)
{
    struct timespec ts;
    int saved = errno;
    ts.tv_sec = seconds;
    ts.tv_nsec = 0;
    if (nanosleep(&ts, &ts) < 0)
        return ts.tv_sec;
    errno = saved;
    return 0;
}

int usleep(useconds_t usec)
{
    struct timespec ts;
    ts.tv_sec = usec / 1000000;
    ts.tv_nsec = (usec % 1000000) * 1000;
    return nanosleep(&ts, NULL);
}

unsigned int alarm(unsigned int seconds)
{
    return __syscall(SYS_alarm, seconds);
}

int pause(void)
{
    __SYSCALL_RETURN(__syscall(SYS_pause));
}
