/* dur: simulated time, durations and the scenario calendar.
 *
 * Simulated time is an integer count of seconds since T+0, so replay is
 * exact. Durations are what authors and plans write ("90s", "45m", "1h30m",
 * "3d", or plain seconds). The calendar turns T+ into the scenario's dates
 * with pure integer arithmetic: no time zones, no libc clock, the same on
 * every machine. */
#ifndef BH_DUR_H
#define BH_DUR_H

#include <stddef.h>
#include <stdint.h>

typedef int64_t bh_time;

/* Longest duration accepted anywhere (100 years): keeps sums far from overflow. */
#define DUR_MAX ((bh_time)100 * 365 * 86400)

/* A number of seconds as a duration: 0 when it is whole and within
 * [0, DUR_MAX] (checked before any conversion, which would be undefined
 * for NaN or huge values), else -1. */
int dur_from_number(double v, bh_time *out);
/* Parse a duration. Returns 0 and sets *out, or -1 if `s` is not one. */
int dur_parse(const char *s, bh_time *out);
/* Compact form that dur_parse reads back: "1d2h30m", "45m", "0s". */
char *dur_format(bh_time t, char *buf, size_t n);
/* Transcript stamp: "T+0d 02:30:00". */
char *dur_stamp(bh_time t, char *buf, size_t n);

/* Parse "YYYY-MM-DD HH:MM" (or with ":SS") into seconds since 1970-01-01
 * 00:00, proleptic Gregorian. Returns 0, or -1 when malformed or invalid. */
int cal_parse(const char *s, int64_t *out);
/* "Sun 27 Sep 2020 22:00". */
char *cal_format(int64_t secs, char *buf, size_t n);
/* "Sun 22:00": the short form for transcripts and the clock. */
char *cal_format_short(int64_t secs, char *buf, size_t n);

#endif
