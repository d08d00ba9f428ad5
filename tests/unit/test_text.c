/* test_text: UTF-8 validation, sanitising, "did you mean" and file reading.
 *
 * Scenario text and journals come from outside, so the validator must
 * refuse every malformed form (overlongs, surrogates, code points past
 * U+10FFFF, truncated and stray bytes) and point at the first bad byte;
 * the sanitiser must never emit invalid UTF-8 or control bytes nor
 * overrun its buffer; the file reader must honour its size cap. */
#include <stddef.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "core/text.h"

/* Validate a literal (with its exact length); returns 1 or the bad offset
 * as -(offset + 1) so one CHECK_INT can pin both. */
#define VALID(lit) valid(lit, sizeof(lit) - 1)
static long long valid(const char *s, size_t n)
{
    size_t bad = (size_t)-1;
    if (text_valid_utf8(s, n, &bad))
        return 1;
    return -(long long)bad - 1;
}

static void test_utf8_valid(void)
{
    CHECK_INT(VALID(""), 1);
    CHECK_INT(VALID("plain ASCII\n\t"), 1);
    CHECK_INT(VALID("caf\xc3\xa9"), 1);                 /* é, 2 bytes */
    CHECK_INT(VALID("\xc2\x80"), 1);                    /* U+0080, smallest 2-byte */
    CHECK_INT(VALID("\xdf\xbf"), 1);                    /* U+07FF */
    CHECK_INT(VALID("\xe0\xa0\x80"), 1);                /* U+0800, smallest 3-byte */
    CHECK_INT(VALID("\xe2\x82\xac"), 1);                /* € */
    CHECK_INT(VALID("\xed\x9f\xbf"), 1);                /* U+D7FF, just below surrogates */
    CHECK_INT(VALID("\xee\x80\x80"), 1);                /* U+E000, just above */
    CHECK_INT(VALID("\xef\xbf\xbf"), 1);                /* U+FFFF */
    CHECK_INT(VALID("\xf0\x90\x80\x80"), 1);            /* U+10000, smallest 4-byte */
    CHECK_INT(VALID("\xf0\x9f\x9a\xa2"), 1);            /* 🚢 */
    CHECK_INT(VALID("\xf4\x8f\xbf\xbf"), 1);            /* U+10FFFF, the last */
    CHECK_INT(valid("a\0b", 3), 1);                     /* NUL is valid UTF-8 */
    /* The NULL `bad` pointer is allowed. */
    CHECK_INT(text_valid_utf8("\xff", 1, NULL), 0);
    CHECK_INT(text_valid_utf8("ok", 2, NULL), 1);
}

static void test_utf8_invalid(void)
{
    /* Overlong forms of '/' and NUL, and the largest overlong of each size. */
    CHECK_INT(VALID("\xc0\xaf"), -1);
    CHECK_INT(VALID("\xc0\x80"), -1);
    CHECK_INT(VALID("\xc1\xbf"), -1);
    CHECK_INT(VALID("\xe0\x80\xaf"), -1);
    CHECK_INT(VALID("\xe0\x9f\xbf"), -1);
    CHECK_INT(VALID("\xf0\x80\x80\xaf"), -1);
    CHECK_INT(VALID("\xf0\x8f\xbf\xbf"), -1);
    /* UTF-16 surrogates, alone and as an encoded pair. */
    CHECK_INT(VALID("\xed\xa0\x80"), -1);
    CHECK_INT(VALID("\xed\xbf\xbf"), -1);
    CHECK_INT(VALID("\xed\xa0\xbd\xed\xb2\xa9"), -1);
    /* Past U+10FFFF, and lead bytes that can never start a sequence. */
    CHECK_INT(VALID("\xf4\x90\x80\x80"), -1);
    CHECK_INT(VALID("\xf7\xbf\xbf\xbf"), -1);
    CHECK_INT(VALID("\xf8\x88\x80\x80\x80"), -1);
    CHECK_INT(VALID("\xfc\x84\x80\x80\x80\x80"), -1);
    CHECK_INT(VALID("\xfe"), -1);
    CHECK_INT(VALID("\xff"), -1);
    /* Stray continuation bytes. */
    CHECK_INT(VALID("\x80"), -1);
    CHECK_INT(VALID("\xbf"), -1);
    /* Truncated sequences at the end, and interrupted ones in the middle. */
    CHECK_INT(VALID("\xc3"), -1);
    CHECK_INT(VALID("\xe2\x82"), -1);
    CHECK_INT(VALID("\xf0\x9f\x9a"), -1);
    CHECK_INT(VALID("\xe2\x82x"), -1);
    CHECK_INT(VALID("\xf0\x9f\x9a "), -1);
    /* A valid character cut by the length given (not by the string). */
    CHECK_INT(valid("\xe2\x82\xac", 2), -1);
}

static void test_utf8_offsets(void)
{
    /* The offset is that of the first byte of the bad sequence. */
    CHECK_INT(VALID("abc\xff"), -4);
    CHECK_INT(VALID("caf\xc3\xa9 \xc0\xaf"), -7);
    CHECK_INT(VALID("\xe2\x82\xac\xe2\x82"), -4);      /* € then a truncated € */
    CHECK_INT(VALID("ok\xed\xa0\x80ok"), -3);
    CHECK_INT(VALID("\xf0\x9f\x9a\xa2\x80"), -5);      /* stray byte after 🚢 */
    CHECK_INT(VALID("a\xc3" "b"), -2);                 /* lead byte then ASCII */
    /* Only the first bad byte is reported. */
    CHECK_INT(VALID("xx\x80yy\xff"), -3);
}

static void test_sanitize(void)
{
    char out[64];
    text_sanitize("hello", 5, out, sizeof out);
    CHECK_STR(out, "hello");
    /* \n and \t survive; other control bytes become '?'. */
    static const char ctl_in[] = "a\nb\tc\rd\x01" "e\x1b[31m";
    text_sanitize(ctl_in, sizeof ctl_in - 1, out, sizeof out);
    CHECK_STR(out, "a\nb\tc?d?e?[31m");
    /* Invalid bytes become one '?' each; valid multibyte text is kept. */
    text_sanitize("caf\xc3\xa9 \xff \xc0\xaf", 10, out, sizeof out);
    CHECK_STR(out, "caf\xc3\xa9 ? ??");
    text_sanitize("\xe2\x82", 2, out, sizeof out);
    CHECK_STR(out, "??");
    /* An embedded NUL is a control byte too: the output stays one string. */
    text_sanitize("a\0b", 3, out, sizeof out);
    CHECK_STR(out, "a?b");

    /* Cutting: at most outn-1 bytes, never inside a character. */
    text_sanitize("abcdef", 6, out, 4);
    CHECK_STR(out, "abc");
    text_sanitize("ab\xe2\x82\xac", 5, out, 5); /* € needs 3 bytes, 2 left */
    CHECK_STR(out, "ab");
    text_sanitize("ab\xe2\x82\xac", 5, out, 6);
    CHECK_STR(out, "ab\xe2\x82\xac");
    text_sanitize("\xf0\x9f\x9a\xa2\xf0\x9f\x9a\xa2", 8, out, 8);
    CHECK_STR(out, "\xf0\x9f\x9a\xa2");
    memset(out, 'x', sizeof out);
    text_sanitize("abc", 3, out, 1);
    CHECK_STR(out, "");
    /* outn == 0 writes nothing at all. */
    memset(out, 'x', sizeof out);
    text_sanitize("abc", 3, out, 0);
    CHECK(out[0] == 'x');

    /* Whatever goes in, what comes out is valid UTF-8 without controls. */
    unsigned char junk[256];
    for (int i = 0; i < 256; i++)
        junk[i] = (unsigned char)(i * 37 + 11);
    char big[300];
    text_sanitize((const char *)junk, sizeof junk, big, sizeof big);
    size_t n = strlen(big);
    CHECK(text_valid_utf8(big, n, NULL));
    int ctl = 0;
    for (size_t i = 0; i < n; i++)
        ctl += (unsigned char)big[i] < 0x20 && big[i] != '\n' && big[i] != '\t';
    CHECK_INT(ctl, 0);
}

typedef struct rec {
    int before;
    const char *id;
    double after;
} rec;

static void suggest(const char *word, const rec *v, size_t n, char *out, size_t outn)
{
    text_suggest(word, v, n, sizeof *v, offsetof(rec, id), out, outn);
}

static void test_suggest(void)
{
    static const rec ids[] = {{1, "isolate_switch", 0}, {2, "call_ir_firm", 0},
                              {3, NULL, 0},             {4, "restore_backups", 0},
                              {5, "ransom", 0},         {6, "random", 0}};
    size_t n = sizeof ids / sizeof ids[0];
    char out[128];
    suggest("isolate_swich", ids, n, out, sizeof out); /* one deletion */
    CHECK_STR(out, " (did you mean 'isolate_switch'?)");
    suggest("call_it_firm", ids, n, out, sizeof out);  /* one substitution */
    CHECK_STR(out, " (did you mean 'call_ir_firm'?)");
    suggest("restore_bakcups", ids, n, out, sizeof out); /* a swap is two edits */
    CHECK_STR(out, " (did you mean 'restore_backups'?)");
    /* The closest wins: "ransm" is 1 from ransom, 2 from random. */
    suggest("ransm", ids, n, out, sizeof out);
    CHECK_STR(out, " (did you mean 'ransom'?)");
    suggest("randm", ids, n, out, sizeof out);
    CHECK_STR(out, " (did you mean 'random'?)");
    /* Equally close: the first declared wins (stable hints). */
    suggest("ranom", ids, n, out, sizeof out); /* 1 from ransom, 1 from random */
    CHECK_STR(out, " (did you mean 'ransom'?)");
    /* Three edits away is not a typo. */
    strcpy(out, "stale");
    suggest("isolate_swi", ids, n, out, sizeof out);
    CHECK_STR(out, "");
    strcpy(out, "stale");
    suggest("rXnXoX", ids, n, out, sizeof out); /* 3 substitutions from random */
    CHECK_STR(out, "");
    strcpy(out, "stale");
    suggest("zzz", ids, n, out, sizeof out);
    CHECK_STR(out, "");
    /* No candidates at all. */
    strcpy(out, "stale");
    suggest("x", ids, 0, out, sizeof out);
    CHECK_STR(out, "");
    /* Very long words are not compared (the distance table is bounded). */
    char longw[200];
    memset(longw, 'a', sizeof longw - 1);
    longw[sizeof longw - 1] = '\0';
    strcpy(out, "stale");
    suggest(longw, ids, n, out, sizeof out);
    CHECK_STR(out, "");
    /* A small output buffer is cut, still terminated. */
    char tiny[10];
    suggest("ransm", ids, n, tiny, sizeof tiny);
    CHECK_STR(tiny, " (did you");
}

/* A fresh temporary directory for the file tests. */
static char tmpdir[64];

static void write_file(const char *path, const void *data, size_t n)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return;
    fwrite(data, 1, n, f);
    fclose(f);
}

static void test_read_file(void)
{
    char path[128];
    char *buf = (char *)0x1;
    size_t len = 99;
    bh_err err;
    err_clear(&err);

    /* Contents come back exactly, NUL bytes included, plus a terminator. */
    snprintf(path, sizeof path, "%s/data.txt", tmpdir);
    write_file(path, "line 1\nline\0 2\n", 15);
    CHECK_INT(text_read_file(path, 1024, &buf, &len, &err), BH_OK);
    CHECK_INT(len, 15);
    CHECK(buf && memcmp(buf, "line 1\nline\0 2\n", 15) == 0 && buf[15] == '\0');
    free(buf);

    /* The cap is inclusive: exactly max bytes is fine, one more is not. */
    CHECK_INT(text_read_file(path, 15, &buf, &len, &err), BH_OK);
    CHECK_INT(len, 15);
    free(buf);
    buf = (char *)0x1;
    len = 99;
    err_clear(&err);
    CHECK_INT(text_read_file(path, 14, &buf, &len, &err), BH_EIO);
    CHECK(buf == NULL);
    CHECK_INT(len, 0);
    CHECK_STR(err.file, path);
    CHECK_HAS(err.msg, "limit");

    /* The message names both sizes. */
    snprintf(path, sizeof path, "%s/big.txt", tmpdir);
    size_t bign = 1536 * 1024;
    char *big = calloc(bign, 1);
    write_file(path, big, bign);
    free(big);
    err_clear(&err);
    CHECK_INT(text_read_file(path, 1024 * 1024, &buf, &len, &err), BH_EIO);
    CHECK_STR(err.msg, "file is 1.5 MiB; the limit is 1.0 MiB");
    CHECK(buf == NULL);

    /* An empty file reads as an empty string, not as a failure. */
    snprintf(path, sizeof path, "%s/empty.txt", tmpdir);
    write_file(path, "", 0);
    CHECK_INT(text_read_file(path, 1024, &buf, &len, &err), BH_OK);
    CHECK_INT(len, 0);
    CHECK(buf && buf[0] == '\0');
    free(buf);

    /* A missing file says so, naming the path. */
    snprintf(path, sizeof path, "%s/missing.txt", tmpdir);
    err_clear(&err);
    buf = (char *)0x1;
    CHECK_INT(text_read_file(path, 1024, &buf, &len, &err), BH_EIO);
    CHECK(buf == NULL);
    CHECK_INT(err.status, BH_EIO);
    CHECK_STR(err.file, path);
    CHECK_HAS(err.msg, "cannot open");
    CHECK_HAS(err.msg, "No such file");

    /* A directory is not a file to read. */
    err_clear(&err);
    CHECK_INT(text_read_file(tmpdir, 1024, &buf, &len, &err), BH_EIO);
    CHECK(buf == NULL);
    CHECK_HAS(err.msg, "not a regular file");
}

/* What a person typed loses the blanks at its ends, and only those. */
/* Characters, not bytes: what a table pads to and a box measures. */
static void test_chars(void)
{
    CHECK_INT(text_chars(NULL), 0);
    CHECK_INT(text_chars(""), 0);
    CHECK_INT(text_chars("Trucks waiting"), 14);
    CHECK_INT(text_chars("co\xc3\xbbt \xe2\x86\x92 \xf0\x9f\x9a\xa2"), 8); /* coût → and a ship */
}

static void test_trim(void)
{
    static const struct { const char *in, *out; } t[] = {
        {"", ""},           {"   ", ""},         {"a", "a"},
        {"  a b  ", "a b"}, {"\ta\t", "a"},    {"a\n", "a\n"},
        {" \u00e9t\u00e9 ", "\u00e9t\u00e9"}, {"x | y ", "x | y"},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        char buf[64];
        snprintf(buf, sizeof buf, "%s", t[i].in);
        CHECK(text_trim(buf) == buf);
        CHECK_STR(buf, t[i].out);
    }
}

/* Meter values for people (issue 16): a change never prints as equal
 * numbers, the scale sets the decimals, whole numbers stay whole. */
static void test_meter_number(void)
{
    static const struct {
        double span, from, to;
        const char *a, *b;
    } t[] = {
        {100, 70, 75, "70", "75"},          /* whole numbers stay whole */
        {500, 0, 0.16, "0", "0.2"},          /* the cost: not "0 -> 0" */
        {100, 0, 0.004, "0", "0.004"},       /* as many as the change needs */
        {100, 52.4, 52.6, "52", "53"},      /* they differ already */
        {100, 49.6, 50.4, "49.6", "50.4"},   /* both would round to 50 */
        {100, 52.35, 70.2, "52", "70"},      /* far apart: the scale's own */
        {10, 2.25, 7.5, "2.2", "7.5"},       /* a span of 10: one decimal */
        {1, 0.126, 0.5, "0.13", "0.5"},      /* a span of 1: two */
        {0.01, 0.001, 0.002, "0.001", "0.002"},
        {0, 3, 3.4, "3", "3.4"},             /* unknown span: read as 100 */
        {100, 1, 1 + 1e-9, "1", "1"},        /* past the limit: as close as it goes */
        {100, -0.2, 0.2, "-0.2", "0.2"},
        {100, -0.0001, 5, "0", "5"},         /* never "-0" */
        {1000, 123456.5, 123457, "123456", "123457"},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        char a[64], b[64];
        int d = text_meter_decimals(t[i].span, t[i].from, t[i].to);
        CHECK(d >= 0 && d <= TEXT_METER_MAX_DECIMALS);
        CHECK_STR(text_meter_number(t[i].from, d, 0, a, sizeof a), t[i].a);
        CHECK_STR(text_meter_number(t[i].to, d, 0, b, sizeof b), t[i].b);
        if (t[i].from != t[i].to && fabs(t[i].from - t[i].to) >= 1e-6)
            CHECK(strcmp(a, b) != 0);
    }
    char buf[64];
    CHECK_INT(text_meter_decimals(100, 5, 5), 0); /* a value alone: the scale's own */
    CHECK_INT(text_meter_decimals(50, 5, 5), 1);
    CHECK_INT(text_meter_decimals(10, 5, 5), 1);
    CHECK_INT(text_meter_decimals(1, 5, 5), 2);
    CHECK_INT(text_meter_decimals(1e-12, 5, 5), TEXT_METER_MAX_DECIMALS);
    CHECK_STR(text_meter_number(0.16, 1, 1, buf, sizeof buf), "+0.2"); /* a net change */
    CHECK_STR(text_meter_number(-6, 0, 1, buf, sizeof buf), "-6");
    CHECK_STR(text_meter_number(0, 3, 1, buf, sizeof buf), "0");
    CHECK_STR(text_meter_number(2.5, 9, 0, buf, sizeof buf), "2.5"); /* clamped, trimmed */
    CHECK_STR(text_meter_number(1e300, 2, 0, buf, 8), "1000000"); /* cut, not overrun */
}

static void cleanup_tmp(void)
{
    static const char *const names[] = {"data.txt", "big.txt", "empty.txt"};
    char path[128];
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", tmpdir, names[i]);
        unlink(path);
    }
    rmdir(tmpdir);
}

int main(int argc, char **argv)
{
    static const check_case cases[] = {
        {"utf8_valid", test_utf8_valid},
        {"utf8_invalid", test_utf8_invalid},
        {"utf8_offsets", test_utf8_offsets},
        {"sanitize", test_sanitize},
        {"suggest", test_suggest},
        {"read_file", test_read_file},
        {"chars", test_chars},
        {"trim", test_trim},
        {"meter_number", test_meter_number},
        {NULL, NULL},
    };
    snprintf(tmpdir, sizeof tmpdir, "/tmp/bh-test-text-XXXXXX");
    if (!mkdtemp(tmpdir)) {
        perror("mkdtemp");
        return 1;
    }
    int rc = check_main(argc, argv, cases);
    cleanup_tmp();
    return rc;
}
