#include "core/dur.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

static bh_time unit_seconds(char c)
{
    switch (c) {
    case 's': return 1;
    case 'm': return 60;
    case 'h': return 3600;
    case 'd': return 86400;
    default: return 0;
    }
}

int dur_from_number(double v, bh_time *out)
{
    if (!(v >= 0 && v <= (double)DUR_MAX) || v != (double)(bh_time)v)
        return -1; /* the first test is false for NaN too */
    *out = (bh_time)v;
    return 0;
}

int dur_parse(const char *s, bh_time *out)
{
    if (!s)
        return -1;
    while (isspace((unsigned char)*s))
        s++;
    if (!*s)
        return -1;
    bh_time total = 0;
    int parts = 0;
    bh_time last_unit = DUR_MAX + 1; /* units must shrink: "1h30m", not "30m1h" */
    while (*s && !isspace((unsigned char)*s)) {
        if (!isdigit((unsigned char)*s))
            return -1;
        bh_time n = 0;
        while (isdigit((unsigned char)*s)) {
            n = n * 10 + (*s - '0');
            if (n > DUR_MAX)
                return -1;
            s++;
        }
        bh_time u = 1;
        if (*s && !isspace((unsigned char)*s)) {
            u = unit_seconds(*s);
            if (!u)
                return -1;
            s++;
        } else if (parts > 0) {
            return -1; /* "1h30" is ambiguous */
        }
        if (u >= last_unit)
            return -1;
        last_unit = u;
        if (n > DUR_MAX / u)
            return -1;
        total += n * u;
        if (total > DUR_MAX)
            return -1;
        parts++;
    }
    while (isspace((unsigned char)*s))
        s++;
    if (*s)
        return -1;
    *out = total;
    return 0;
}

char *dur_format(bh_time t, char *buf, size_t n)
{
    if (n == 0)
        return buf;
    if (t <= 0) {
        snprintf(buf, n, "0s");
        return buf;
    }
    static const struct { bh_time secs; char unit; } units[] = {
        {86400, 'd'}, {3600, 'h'}, {60, 'm'}, {1, 's'}};
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < 4 && len < n; i++) {
        bh_time q = t / units[i].secs;
        if (q == 0)
            continue;
        t -= q * units[i].secs;
        int w = snprintf(buf + len, n - len, "%lld%c", (long long)q, units[i].unit);
        if (w < 0)
            break;
        len += (size_t)w;
    }
    return buf;
}

char *dur_stamp(bh_time t, char *buf, size_t n)
{
    const char *sign = "+";
    if (t < 0) {
        sign = "-";
        t = -t;
    }
    snprintf(buf, n, "T%s%lldd %02lld:%02lld:%02lld", sign, (long long)(t / 86400),
             (long long)(t / 3600 % 24), (long long)(t / 60 % 60), (long long)(t % 60));
    return buf;
}

/* Days since 1970-01-01 for a civil date, and back: the well-known
 * era-based algorithm (400-year eras of 146097 days), derived here from
 * the Gregorian rules so that no time zone or libc state is involved. */
static int64_t days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

static int days_in_month(int64_t y, int m)
{
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 ? 28 + leap : dm[m - 1];
}

int cal_parse(const char *s, int64_t *out)
{
    int y, mo, d, h, mi, sec = 0, used = 0;
    if (!s)
        return -1;
    int got = sscanf(s, "%4d-%2d-%2d %2d:%2d%n:%2d%n", &y, &mo, &d, &h, &mi, &used, &sec, &used);
    if (got < 5 || s[used] != '\0')
        return -1;
    if (y < 1900 || y > 2999 || mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo) ||
        h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59)
        return -1;
    *out = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec;
    return 0;
}

static const char *const wday_names[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
static const char *const month_names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

static void split(int64_t secs, int64_t *days, int64_t *rem)
{
    *days = secs >= 0 ? secs / 86400 : (secs - 86399) / 86400;
    *rem = secs - *days * 86400;
}

char *cal_format(int64_t secs, char *buf, size_t n)
{
    int64_t days, rem, y;
    int m, d;
    split(secs, &days, &rem);
    civil_from_days(days, &y, &m, &d);
    int wd = (int)(((days % 7) + 7) % 7); /* 1970-01-01 was a Thursday */
    snprintf(buf, n, "%s %d %s %lld %02d:%02d", wday_names[wd], d, month_names[m - 1],
             (long long)y, (int)(rem / 3600), (int)(rem / 60 % 60));
    return buf;
}

char *cal_format_short(int64_t secs, char *buf, size_t n)
{
    int64_t days, rem;
    split(secs, &days, &rem);
    int wd = (int)(((days % 7) + 7) % 7);
    snprintf(buf, n, "%s %02d:%02d", wday_names[wd], (int)(rem / 3600), (int)(rem / 60 % 60));
    return buf;
}
