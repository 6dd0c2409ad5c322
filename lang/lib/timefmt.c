/* timefmt.c: broken-down time.  The guest has no time zones, so local time
 * is UTC; the calendar arithmetic is the proleptic Gregorian one. */
#include <time.h>
#include <stdio.h>

#define SECS_PER_DAY 86400L

static const char *const day_names[7] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
static const char *const month_names[12] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
static const int month_days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

static struct tm shared_tm;
static char shared_text[32];

static int is_leap(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int days_in_month(int year, int month)
{
    return month == 1 && is_leap(year) ? 29 : month_days[month];
}

struct tm *gmtime_r(const time_t *t, struct tm *tm)
{
    long days = *t / SECS_PER_DAY;
    long secs = *t % SECS_PER_DAY;
    int year = 1970, month = 0, year_days;

    if (secs < 0) {
        secs += SECS_PER_DAY;
        days--;
    }
    tm->tm_hour = secs / 3600;
    tm->tm_min = secs / 60 % 60;
    tm->tm_sec = secs % 60;
    tm->tm_wday = (int)((days % 7 + 11) % 7); /* 1970-01-01 was a Thursday */
    for (;;) {
        year_days = is_leap(year) ? 366 : 365;
        if (days < 0) {
            year--;
            days += is_leap(year) ? 366 : 365;
        } else if (days >= year_days) {
            days -= year_days;
            year++;
        } else {
            break;
        }
    }
    tm->tm_year = year - 1900;
    tm->tm_yday = days;
    while (days >= days_in_month(year, month)) {
        days -= days_in_month(year, month);
        month++;
    }
    tm->tm_mon = month;
    tm->tm_mday = days + 1;
    tm->tm_isdst = 0;
    tm->tm_gmtoff = 0;
    tm->tm_zone = "GMT";
    return tm;
}

struct tm *gmtime(const time_t *t)
{
    return gmtime_r(t, &shared_tm);
}

struct tm *localtime_r(const time_t *t, struct tm *tm)
{
    gmtime_r(t, tm);
    tm->tm_zone = "UTC";
    return tm;
}

struct tm *localtime(const time_t *t)
{
    return localtime_r(t, &shared_tm);
}

/* Normalises the fields (e.g. tm_mday 32) and returns the time they name. */
time_t mktime(struct tm *tm)
{
    long year = tm->tm_year + 1900L;
    long month = tm->tm_mon;
    long days = 0;
    long y;
    time_t t;

    year += month / 12;
    month %= 12;
    if (month < 0) {
        month += 12;
        year--;
    }
    for (y = 1970; y < year; y++)
        days += is_leap((int)y) ? 366 : 365;
    for (y = year; y < 1970; y++)
        days -= is_leap((int)y) ? 366 : 365;
    for (y = 0; y < month; y++)
        days += days_in_month((int)year, (int)y);
    days += tm->tm_mday - 1;
    t = days * SECS_PER_DAY + tm->tm_hour * 3600L + tm->tm_min * 60L + tm->tm_sec;
    localtime_r(&t, tm);
    return t;
}

char *asctime(const struct tm *tm)
{
    sprintf(shared_text, "%.3s %.3s%3d %.2d:%.2d:%.2d %d\n", day_names[tm->tm_wday % 7],
            month_names[tm->tm_mon % 12], tm->tm_mday, tm->tm_hour, tm->tm_min, tm->tm_sec, tm->tm_year + 1900);
    return shared_text;
}

char *ctime(const time_t *t)
{
    struct tm tm;
    return asctime(localtime_r(t, &tm));
}
