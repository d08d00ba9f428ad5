/* text: small text utilities shared by the core and the script layer:
 * UTF-8 validation, size-capped file reading, and "did you mean" hints. */
#ifndef BH_TEXT_H
#define BH_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

/* 1 when s[0..n) is valid UTF-8; otherwise 0 and *bad is the first bad offset. */
int text_valid_utf8(const char *s, size_t n, size_t *bad);
/* The characters (code points) of a UTF-8 string: what stands in for its
 * width in a table or a box (NULL counts 0). */
size_t text_chars(const char *s);
/* Offset of the first control character other than tab, newline and
 * carriage return (C0, DEL, or U+0080..U+009F), or -1. Such bytes in a
 * title could drive the terminal or the layout; text must not hold them.
 * Expects valid UTF-8. */
long text_find_control(const char *s, size_t n);
/* Read a whole file (NUL-terminated copy in *out). Files over `max` bytes
 * are refused with a message naming the size and the limit. */
bh_status text_read_file(const char *path, size_t max, char **out, size_t *len, bh_err *err);
/* Write " (did you mean 'x'?)" into out when one of the n ids, found at
 * `offset` inside records `stride` bytes apart, is close to `word`; else "". */
void text_suggest(const char *word, const void *base, size_t n, size_t stride, size_t offset,
                  char *out, size_t outn);
/* The same, spending at most *work comparison steps, shared across calls:
 * a file with thousands of ids and thousands of mistakes must not make a
 * check quadratic. Once *work is spent, no hint. */
void text_suggest_within(const char *word, const void *base, size_t n, size_t stride,
                         size_t offset, char *out, size_t outn, int64_t *work);
/* Copy s into out, replacing invalid UTF-8 and control bytes (except \n and
 * \t) with '?', and cutting it at outn-1 bytes on a character boundary. */
void text_sanitize(const char *s, size_t n, char *out, size_t outn);

/* FNV-1a, 64 bits, of p[0..n) continuing from h (TEXT_FNV_SEED to
 * start): a fast hash for caches, ETags and "did this text change", not
 * one that resists forgery. */
#define TEXT_FNV_SEED 0xcbf29ce484222325ULL
uint64_t text_fnv(uint64_t h, const void *p, size_t n);

/* Cut blanks (spaces and tabs) off both ends of `s`, in place: free text
 * the journal stores cannot begin or end with one (it would not read back),
 * so a screen trims what a person typed before sending it. Returns s. */
char *text_trim(char *s);

/* Numbers in files, whatever the locale: an optional sign, digits, and at
 * most three decimals after a '.', at most 999,999,999.999 either way.
 * text_decimal_parse returns 0, or -1 when `s` is not that; the value is
 * exactly thousandths / 1000, and writes back as it was read. text_decimal_format writes the shortest such form,
 * with a sign ("+5", "-2.5"), of a value rounded to thousandths (below
 * 1e15 either way). */
#define TEXT_DECIMAL_MAX_MILLI 999999999999LL
int text_decimal_parse(const char *s, double *out);
char *text_decimal_format(double v, char *buf, size_t n);
/* 1 when v is a whole number of thousandths of at most 999,999,999.999 either way
 * (it survives a format and a parse unchanged) */
int text_decimal_exact(double v);

/* Meter values for people: reports, the transcript, the debrief.
 * text_meter_decimals: as many decimals as the meter's scale needs (its
 * span, max - min: none from 100 up, one from 10, two from 1, and so on),
 * and more while `a` and `b` differ but would print alike ("0 -> 0" for a
 * change of 0 to 0.16), up to TEXT_METER_MAX_DECIMALS. Pass the same value
 * twice for a value alone. text_meter_number writes v with at most that
 * many decimals, trailing zeros cut, so whole numbers stay whole ("75",
 * "0.16"), and never "-0"; with `sign`, a + before a positive value (a
 * change: "+0.2"). */
#define TEXT_METER_MAX_DECIMALS 6
int text_meter_decimals(double span, double a, double b);
char *text_meter_number(double v, int decimals, int sign, char *buf, size_t n);

#endif
