/* test_dur: durations, transcript stamps and the scenario calendar.
 *
 * Durations are what authors and plan writers type, so the parser must take
 * exactly the documented forms and refuse everything else (a lenient parser
 * would let a typo in a plan silently mean another time). The calendar is
 * pure integer arithmetic; it is checked against values worked out with an
 * independent implementation (Python's datetime) and by walking day by day
 * across two centuries with a separately written leap-year rule. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "core/dur.h"

/* dur_parse, returning the value or -1 on refusal (no valid input is -1). */
static bh_time parse(const char *s)
{
    bh_time t = -12345;
    if (dur_parse(s, &t) != 0)
        return -1;
    return t;
}

static void test_parse_accepts(void)
{
    CHECK_INT(parse("90s"), 90);
    CHECK_INT(parse("45m"), 45 * 60);
    CHECK_INT(parse("2h"), 2 * 3600);
    CHECK_INT(parse("3d"), 3 * 86400);
    CHECK_INT(parse("1h30m"), 5400);
    CHECK_INT(parse("1d2h30m15s"), 86400 + 7200 + 1800 + 15);
    CHECK_INT(parse("1h30s"), 3630); /* units may be skipped, as long as they shrink */
    CHECK_INT(parse("5400"), 5400);  /* a bare number is seconds */
    CHECK_INT(parse("0"), 0);
    CHECK_INT(parse("0s"), 0);
    CHECK_INT(parse("0m"), 0);
    CHECK_INT(parse("007m"), 7 * 60);
    CHECK_INT(parse("120m"), 7200); /* a part may exceed the next unit up */
    /* The largest accepted duration, in both spellings. */
    CHECK_INT(parse("36500d"), DUR_MAX);
    CHECK_INT(parse("3153600000"), DUR_MAX);
}

static void test_parse_rejects(void)
{
    bh_time t = 777;
    CHECK_INT(dur_parse(NULL, &t), -1);
    CHECK_INT(dur_parse("", &t), -1);
    CHECK_INT(dur_parse("   ", &t), -1);
    CHECK_INT(t, 777); /* a refused parse leaves *out alone */
    CHECK_INT(parse("1h30"), -1);   /* ambiguous: 30 what? */
    CHECK_INT(parse("30m1h"), -1);  /* units must shrink */
    CHECK_INT(parse("1h1h"), -1);   /* ... strictly */
    CHECK_INT(parse("5 minutes"), -1);
    CHECK_INT(parse("5m 30s"), -1); /* one word only */
    CHECK_INT(parse("-5m"), -1);
    CHECK_INT(parse("+5m"), -1);
    CHECK_INT(parse("1.5h"), -1);
    CHECK_INT(parse("1H"), -1);
    CHECK_INT(parse("1w"), -1);
    CHECK_INT(parse("h"), -1);
    CHECK_INT(parse("m30"), -1);
    CHECK_INT(parse("1hm"), -1);
    CHECK_INT(parse("0x10"), -1);
    /* Overflow and the 100-year cap, by number, by unit and by sum. */
    CHECK_INT(parse("36501d"), -1);
    CHECK_INT(parse("36500d1s"), -1);
    CHECK_INT(parse("3153600001"), -1);
    CHECK_INT(parse("99999999999999999999999999s"), -1);
    CHECK_INT(parse("9223372036854775807"), -1);
    CHECK_INT(parse("18446744073709551617"), -1);
    CHECK_INT(parse("876001h"), -1);
}

static void test_format(void)
{
    char buf[64];
    CHECK_STR(dur_format(0, buf, sizeof buf), "0s");
    CHECK_STR(dur_format(-5, buf, sizeof buf), "0s");
    CHECK_STR(dur_format(1, buf, sizeof buf), "1s");
    CHECK_STR(dur_format(90, buf, sizeof buf), "1m30s");
    CHECK_STR(dur_format(2700, buf, sizeof buf), "45m");
    CHECK_STR(dur_format(5400, buf, sizeof buf), "1h30m");
    CHECK_STR(dur_format(86400, buf, sizeof buf), "1d");
    CHECK_STR(dur_format(86400 + 7200 + 1800, buf, sizeof buf), "1d2h30m");
    CHECK_STR(dur_format(86400 + 1, buf, sizeof buf), "1d1s");
    CHECK_STR(dur_format(DUR_MAX, buf, sizeof buf), "36500d");
    /* A short buffer is cut but always terminated. */
    memset(buf, 'x', sizeof buf);
    dur_format(86400 + 7200 + 1800, buf, 4);
    CHECK_INT(strlen(buf), 3);
    CHECK_STR(buf, "1d2");
}

/* Every formatted duration reads back as itself: the journal depends on it. */
static void test_format_round_trip(void)
{
    char buf[64];
    int bad = 0;
    for (bh_time t = 0; t < 3 * 86400; t += 7) {
        bh_time back = -1;
        if (dur_parse(dur_format(t, buf, sizeof buf), &back) != 0 || back != t)
            bad++;
    }
    /* Large values, spread over the whole range. */
    for (bh_time t = 1; t < DUR_MAX; t = t * 3 + 17) {
        bh_time back = -1;
        if (dur_parse(dur_format(t, buf, sizeof buf), &back) != 0 || back != t)
            bad++;
    }
    bh_time back = -1;
    CHECK_INT(dur_parse(dur_format(DUR_MAX, buf, sizeof buf), &back), 0);
    CHECK_INT(back, DUR_MAX);
    CHECK_INT(bad, 0);
}

static void test_stamp(void)
{
    char buf[64];
    CHECK_STR(dur_stamp(0, buf, sizeof buf), "T+0d 00:00:00");
    CHECK_STR(dur_stamp(9000, buf, sizeof buf), "T+0d 02:30:00");
    CHECK_STR(dur_stamp(86400 + 3600 + 60 + 1, buf, sizeof buf), "T+1d 01:01:01");
    CHECK_STR(dur_stamp(14 * 86400 - 1, buf, sizeof buf), "T+13d 23:59:59");
    CHECK_STR(dur_stamp(-90, buf, sizeof buf), "T-0d 00:01:30");
}

/* cal_parse, returning the value or INT64_MIN on refusal. */
static int64_t cal(const char *s)
{
    int64_t v = 0;
    return cal_parse(s, &v) == 0 ? v : INT64_MIN;
}

static void test_cal_known_values(void)
{
    char buf[64];
    CHECK_INT(cal("1970-01-01 00:00"), 0);
    CHECK_INT(cal("2020-09-27 22:00"), 1601244000);
    CHECK_INT(cal("2020-09-27 22:00:30"), 1601244030);
    CHECK_INT(cal("2000-02-29 12:34"), 951827640);
    CHECK_INT(cal("1969-12-31 23:59"), -60);
    CHECK_INT(cal("1900-01-01 00:00"), -2208988800LL);
    CHECK_INT(cal("1900-03-01 00:00"), -2203891200LL);
    CHECK_INT(cal("2999-12-31 23:59"), 32503679940LL);

    /* The tutorial's T+0 is a Sunday evening. */
    CHECK_STR(cal_format(1601244000, buf, sizeof buf), "Sun 27 Sep 2020 22:00");
    CHECK_STR(cal_format_short(1601244000, buf, sizeof buf), "Sun 22:00");
    /* Three hours later it is Monday. */
    CHECK_STR(cal_format(1601244000 + 3 * 3600, buf, sizeof buf), "Mon 28 Sep 2020 01:00");
    CHECK_STR(cal_format_short(1601244000 + 3 * 3600, buf, sizeof buf), "Mon 01:00");
    /* Seconds are parsed but not shown. */
    CHECK_STR(cal_format(1601244030, buf, sizeof buf), "Sun 27 Sep 2020 22:00");
    CHECK_STR(cal_format(0, buf, sizeof buf), "Thu 1 Jan 1970 00:00");
    CHECK_STR(cal_format(951827640, buf, sizeof buf), "Tue 29 Feb 2000 12:34");
    /* Before 1970 the arithmetic must floor, not truncate. */
    CHECK_STR(cal_format(-60, buf, sizeof buf), "Wed 31 Dec 1969 23:59");
    CHECK_STR(cal_format_short(-60, buf, sizeof buf), "Wed 23:59");
    CHECK_STR(cal_format(-1, buf, sizeof buf), "Wed 31 Dec 1969 23:59");
    CHECK_STR(cal_format(-86400, buf, sizeof buf), "Wed 31 Dec 1969 00:00");
    CHECK_STR(cal_format(-2208988800LL, buf, sizeof buf), "Mon 1 Jan 1900 00:00");
    CHECK_STR(cal_format(-2203891200LL, buf, sizeof buf), "Thu 1 Mar 1900 00:00");
    CHECK_STR(cal_format(32503679940LL, buf, sizeof buf), "Tue 31 Dec 2999 23:59");
}

static void test_cal_leap_years(void)
{
    /* Divisible by 4: leap; by 100: not; by 400: leap again. */
    CHECK(cal("2000-02-29 00:00") != INT64_MIN);
    CHECK(cal("2024-02-29 00:00") != INT64_MIN);
    CHECK(cal("2400-02-29 00:00") != INT64_MIN);
    CHECK_INT(cal("1900-02-29 00:00"), INT64_MIN);
    CHECK_INT(cal("2100-02-29 00:00"), INT64_MIN);
    CHECK_INT(cal("2021-02-29 00:00"), INT64_MIN);
    CHECK_INT(cal("2023-02-29 00:00"), INT64_MIN);
    /* 2000-03-01 follows 2000-02-29 by one day; 1900-03-01 follows 02-28. */
    CHECK_INT(cal("2000-03-01 00:00") - cal("2000-02-28 00:00"), 2 * 86400);
    CHECK_INT(cal("1900-03-01 00:00") - cal("1900-02-28 00:00"), 86400);
    CHECK_INT(cal("2001-01-01 00:00") - cal("2000-01-01 00:00"), 366 * 86400);
    CHECK_INT(cal("1901-01-01 00:00") - cal("1900-01-01 00:00"), 365 * 86400);
}

static void test_cal_rejects(void)
{
    int64_t v = 99;
    CHECK_INT(cal_parse(NULL, &v), -1);
    CHECK_INT(cal_parse("", &v), -1);
    CHECK_INT(v, 99);
    CHECK_INT(cal("2021-04-31 00:00"), INT64_MIN);
    CHECK_INT(cal("2021-13-01 00:00"), INT64_MIN);
    CHECK_INT(cal("2021-00-10 00:00"), INT64_MIN);
    CHECK_INT(cal("2021-01-00 00:00"), INT64_MIN);
    CHECK_INT(cal("2021-01-32 00:00"), INT64_MIN);
    CHECK_INT(cal("2021-01-01 24:00"), INT64_MIN);
    CHECK_INT(cal("2021-01-01 23:60"), INT64_MIN);
    CHECK_INT(cal("2021-01-01 23:59:60"), INT64_MIN);
    CHECK_INT(cal("2021-01-01 -1:00"), INT64_MIN);
    CHECK_INT(cal("1899-12-31 23:59"), INT64_MIN); /* before the supported range */
    CHECK_INT(cal("3000-01-01 00:00"), INT64_MIN); /* after it */
    CHECK_INT(cal("2021-01-01"), INT64_MIN);       /* no time */
    CHECK_INT(cal("2021-01-01 10"), INT64_MIN);
    CHECK_INT(cal("2021/01/01 10:00"), INT64_MIN);
    CHECK_INT(cal("2021-01-01T10:00"), INT64_MIN);
    CHECK_INT(cal("2021-01-01 10:00 "), INT64_MIN); /* trailing junk */
    CHECK_INT(cal("2021-01-01 10:00:"), INT64_MIN);
    CHECK_INT(cal("2021-01-01 10:00:00x"), INT64_MIN);
    CHECK_INT(cal("20210-01-01 10:00"), INT64_MIN);
    CHECK_INT(cal("next tuesday"), INT64_MIN);
}

/* Walk every day from 1900 to 2999 with a leap rule written independently
 * here: each date must parse to exactly one day after the previous one, and
 * format back to its own day, month, year and a weekday that advances. */
static void test_cal_walk(void)
{
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    static const char *const wdays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    int y = 1900, m = 1, d = 1, wd = 0; /* 1900-01-01 was a Monday */
    int64_t prev = INT64_MIN;
    int bad_parse = 0, bad_step = 0, bad_format = 0, days = 0;
    while (y < 3000) {
        char in[40], want[64], got[64], want_short[16], got_short[16];
        snprintf(in, sizeof in, "%04d-%02d-%02d 06:07", y, m, d);
        int64_t v = cal(in);
        if (v == INT64_MIN)
            bad_parse++;
        else if (prev != INT64_MIN && v - prev != 86400)
            bad_step++;
        snprintf(want, sizeof want, "%s %d %s %d 06:07", wdays[wd], d, months[m - 1], y);
        snprintf(want_short, sizeof want_short, "%s 06:07", wdays[wd]);
        cal_format(v, got, sizeof got);
        cal_format_short(v, got_short, sizeof got_short);
        if (strcmp(want, got) != 0 || strcmp(want_short, got_short) != 0) {
            if (bad_format++ < 3)
                fprintf(stderr, "  want '%s' got '%s'\n", want, got);
        }
        prev = v;
        days++;
        int leap = (y % 4 == 0) && (y % 100 != 0 || y % 400 == 0);
        int len = m == 2 ? 28 + leap : (m == 4 || m == 6 || m == 9 || m == 11) ? 30 : 31;
        /* The day after the last of the month does not exist. */
        if (d == len && m != 12) {
            char past[40];
            snprintf(past, sizeof past, "%04d-%02d-%02d 00:00", y, m, d + 1);
            if (cal(past) != INT64_MIN)
                bad_parse++;
        }
        wd = (wd + 1) % 7;
        if (++d > len) {
            d = 1;
            if (++m > 12) {
                m = 1;
                y++;
            }
        }
    }
    CHECK_INT(days, 401767); /* 1100 years: 1100 * 365 + 267 leap days */
    CHECK_INT(bad_parse, 0);
    CHECK_INT(bad_step, 0);
    CHECK_INT(bad_format, 0);
}

int main(int argc, char **argv)
{
    static const check_case cases[] = {
        {"parse_accepts", test_parse_accepts},
        {"parse_rejects", test_parse_rejects},
        {"format", test_format},
        {"format_round_trip", test_format_round_trip},
        {"stamp", test_stamp},
        {"cal_known_values", test_cal_known_values},
        {"cal_leap_years", test_cal_leap_years},
        {"cal_rejects", test_cal_rejects},
        {"cal_walk", test_cal_walk},
        {NULL, NULL},
    };
    return check_main(argc, argv, cases);
}
