#include "core/text.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/mem.h"

/* Length of the UTF-8 sequence at s (at most n bytes), or 0 if invalid.
 * Rejects overlong forms, surrogates and code points past U+10FFFF. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    if (c < 0x80)
        return 1;
    size_t len;
    unsigned min, cp;
    if ((c & 0xE0) == 0xC0) {
        len = 2; min = 0x80; cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3; min = 0x800; cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        len = 4; min = 0x10000; cp = c & 0x07;
    } else {
        return 0;
    }
    if (len > n)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

size_t text_chars(const char *s)
{
    size_t n = 0;
    for (; s && *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

int text_valid_utf8(const char *s, size_t n, size_t *bad)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        size_t k = utf8_seq(u + i, n - i);
        if (!k) {
            if (bad)
                *bad = i;
            return 0;
        }
        i += k;
    }
    return 1;
}

long text_find_control(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n; i++) {
        if ((u[i] < 0x20 && u[i] != '\t' && u[i] != '\n' && u[i] != '\r') || u[i] == 0x7F)
            return (long)i;
        if (u[i] == 0xC2 && i + 1 < n && u[i + 1] >= 0x80 && u[i + 1] <= 0x9F)
            return (long)i; /* U+0080..U+009F: the C1 controls */
    }
    return -1;
}

void text_sanitize(const char *s, size_t n, char *out, size_t outn)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, o = 0;
    if (outn == 0)
        return;
    while (i < n) {
        size_t k = utf8_seq(u + i, n - i);
        if (k == 1 && ((u[i] < 0x20 && u[i] != '\n' && u[i] != '\t') || u[i] == 0x7F))
            k = 0;
        if (k == 2 && u[i] == 0xC2 && u[i + 1] <= 0x9F)
            k = 0, i++; /* a C1 control: replace both bytes with one '?' */
        if (o + (k ? k : 1) >= outn)
            break;
        if (!k) {
            out[o++] = '?';
            i++;
        } else {
            memcpy(out + o, s + i, k);
            o += k;
            i += k;
        }
    }
    out[o] = '\0';
}

bh_status text_read_file(const char *path, size_t max, char **out, size_t *len, bh_err *err)
{
    *out = NULL;
    *len = 0;
    /* O_NONBLOCK: opening a FIFO for reading would otherwise wait forever
     * for a writer. It changes nothing for regular files. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    FILE *f = fd >= 0 ? fdopen(fd, "rb") : NULL;
    if (!f) {
        if (fd >= 0)
            close(fd);
        return err_set(err, BH_EIO, path, 0, "cannot open: %s", strerror(errno));
    }
    struct stat sb;
    if (fstat(fileno(f), &sb) != 0 || !S_ISREG(sb.st_mode)) {
        fclose(f);
        return err_set(err, BH_EIO, path, 0, "not a regular file");
    }
    if ((size_t)sb.st_size > max) {
        fclose(f);
        return err_set(err, BH_EIO, path, 1, "file is %.1f MiB; the limit is %.1f MiB",
                       sb.st_size / 1048576.0, max / 1048576.0);
    }
    char *buf = mem_malloc((size_t)sb.st_size + 1);
    if (!buf) {
        fclose(f);
        return err_set(err, BH_ENOMEM, path, 0, "out of memory reading the file");
    }
    size_t n = fread(buf, 1, (size_t)sb.st_size, f);
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        free(buf);
        return err_set(err, BH_EIO, path, 0, "cannot read: %s", strerror(errno));
    }
    buf[n] = '\0';
    *out = buf;
    *len = n;
    return BH_OK;
}

static size_t edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64)
        return 99;
    size_t row[65];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (row[j] + 1 < best)
                best = row[j] + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

void text_suggest(const char *word, const void *base, size_t n, size_t stride, size_t offset,
                  char *out, size_t outn)
{
    text_suggest_within(word, base, n, stride, offset, out, outn, NULL);
}

void text_suggest_within(const char *word, const void *base, size_t n, size_t stride,
                         size_t offset, char *out, size_t outn, int64_t *work)
{
    const char *best = NULL;
    size_t best_d = 3; /* further than two edits is no longer a typo */
    size_t lw = strlen(word);
    if (outn)
        out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (work && *work <= 0)
            return; /* out of work: no hint rather than a stall */
        const char *id = *(const char *const *)((const char *)base + i * stride + offset);
        if (!id)
            continue;
        size_t li = strlen(id);
        if (work)
            *work -= (int64_t)li + 1;
        /* Lengths more than two apart are more than two edits apart. */
        if (li > lw + 2 || lw > li + 2)
            continue;
        if (work)
            *work -= (int64_t)(lw < 64 ? lw : 64) * (int64_t)(li < 64 ? li : 64);
        size_t d = edit_distance(word, id);
        if (d < best_d) {
            best_d = d;
            best = id;
        }
    }
    if (best)
        snprintf(out, outn, " (did you mean '%s'?)", best);
}

/* ---- locale-free decimals ---- */

int text_decimal_parse(const char *s, double *out)
{
    int neg = *s == '-';
    if (*s == '-' || *s == '+')
        s++;
    long long milli = 0;
    int digits = 0, decimals = -1;
    for (; *s; s++) {
        if (*s == '.' && decimals < 0) {
            decimals = 0;
            continue;
        }
        if (*s < '0' || *s > '9' || decimals == 3 || milli > 100000000000000LL)
            return -1;
        milli = milli * 10 + (*s - '0');
        digits++;
        if (decimals >= 0)
            decimals++;
    }
    if (!digits || decimals == 0)
        return -1;
    for (int k = decimals < 0 ? 0 : decimals; k < 3; k++)
        milli *= 10;
    /* Beyond this a double no longer holds every thousandth exactly, and
     * the value would not write back as it was read. */
    if (milli > TEXT_DECIMAL_MAX_MILLI)
        return -1;
    *out = (double)(neg ? -milli : milli) / 1000.0;
    return 0;
}

char *text_decimal_format(double v, char *buf, size_t n)
{
    long long milli = llround(v * 1000.0);
    unsigned long long m = milli < 0 ? 0ULL - (unsigned long long)milli : (unsigned long long)milli;
    char frac[8] = "";
    if (m % 1000) {
        snprintf(frac, sizeof frac, ".%03llu", m % 1000);
        for (size_t k = strlen(frac); frac[k - 1] == '0'; k--)
            frac[k - 1] = '\0';
    }
    snprintf(buf, n, "%c%llu%s", milli < 0 ? '-' : '+', m / 1000, frac);
    return buf;
}

int text_decimal_exact(double v)
{
    return isfinite(v) && fabs(v) <= TEXT_DECIMAL_MAX_MILLI / 1000.0 &&
           (double)llround(v * 1000.0) / 1000.0 == v;
}

char *text_trim(char *s)
{
    size_t n = strlen(s), a = 0;
    while (a < n && (s[a] == ' ' || s[a] == '\t'))
        a++;
    while (n > a && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    memmove(s, s + a, n - a);
    s[n - a] = 0;
    return s;
}

uint64_t text_fnv(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++) {
        h ^= b[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

/* ---- meter values for people ---- */

static int meter_base_decimals(double span)
{
    if (!(span > 0) || !isfinite(span) || span >= 100)
        return 0;
    double d = ceil(log10(100.0 / span) - 1e-9); /* 10 -> 1, not 1.0000001 -> 2 */
    return d > TEXT_METER_MAX_DECIMALS ? TEXT_METER_MAX_DECIMALS : (int)d;
}

int text_meter_decimals(double span, double a, double b)
{
    int d = meter_base_decimals(span);
    for (; d < TEXT_METER_MAX_DECIMALS && a != b; d++) {
        char x[400], y[400]; /* as they will print: "-0" and "0" are alike */
        if (strcmp(text_meter_number(a, d, 0, x, sizeof x), text_meter_number(b, d, 0, y, sizeof y)))
            break;
    }
    return d;
}

char *text_meter_number(double v, int decimals, int sign, char *buf, size_t n)
{
    if (!n)
        return buf;
    if (decimals < 0)
        decimals = 0;
    if (decimals > TEXT_METER_MAX_DECIMALS)
        decimals = TEXT_METER_MAX_DECIMALS;
    char tmp[400];
    snprintf(tmp, sizeof tmp, "%.*f", decimals, v);
    char *dot = strchr(tmp, '.');
    if (dot) {
        char *e = tmp + strlen(tmp) - 1;
        while (e > dot && *e == '0')
            *e-- = '\0';
        if (e == dot)
            *e = '\0';
    }
    if (strcmp(tmp, "-0") == 0)
        snprintf(tmp, sizeof tmp, "0");
    snprintf(buf, n, "%s%s", sign && tmp[0] != '-' && strcmp(tmp, "0") != 0 ? "+" : "", tmp);
    return buf;
}
