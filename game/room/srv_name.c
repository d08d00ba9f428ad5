/* srv_name: a participant's display name, made safe before anything keeps
 * it. A name is typed by anyone in the room and shown on the console, the
 * projector, the other phones and never in the report (votes are by role),
 * so it is cleaned once, here, on the way in: bytes that are not UTF-8 are
 * dropped; so are control characters (C0, DEL, C1, the line and paragraph
 * separators), the bidi controls that could reverse what follows on the
 * screen (U+202A-202E, U+2066-2069, U+200E/F, U+061C) and the zero-width
 * ones that make two names look alike (U+200B-200D, U+2060, U+FEFF, and
 * the other invisible ones: `invisible`);
 * blanks are trimmed from both ends and runs of them inside made one
 * space; the result is cut to SRV_NAME_MAX bytes on a character boundary.
 * Markup needs nothing here: every reader shows names as text. */
#include <string.h>

#include "room/srv.h"

/* The code point at s[0..n) and its length in *len; -1 for a byte that
 * starts no valid sequence (overlong forms and surrogates included). */
static long decode(const unsigned char *s, size_t n, size_t *len)
{
    *len = 1;
    unsigned c = s[0];
    if (c < 0x80)
        return c;
    size_t k = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? (c <= 0xEF ? 3 : 0) : c >= 0xC2 ? 2 : 0;
    if (!k || k > n)
        return -1;
    long cp = c & (0x7F >> k);
    for (size_t i = 1; i < k; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return -1;
        cp = cp << 6 | (s[i] & 0x3F);
    }
    if ((k == 3 && cp < 0x800) || (k == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
        return -1;
    *len = k;
    return cp;
}

/* The other characters drawn as nothing (Unicode's default-ignorables,
 * but for the variation selectors emoji need): soft hyphen, combining
 * grapheme joiner, Hangul fillers, Khmer inherent vowels, Mongolian
 * separators, invisible operators, deprecated format controls,
 * interlinear annotations, tags. Kept, "Ann" and "An\u00adn" would be
 * two phones whose names read the same. */
static int invisible(long cp)
{
    return cp == 0xAD || cp == 0x34F || cp == 0x115F || cp == 0x1160 || cp == 0x17B4 ||
           cp == 0x17B5 || (cp >= 0x180B && cp <= 0x180F) || (cp >= 0x2061 && cp <= 0x2064) ||
           (cp >= 0x206A && cp <= 0x206F) || cp == 0x3164 || cp == 0xFFA0 ||
           (cp >= 0xFFF9 && cp <= 0xFFFB) || (cp >= 0xE0000 && cp <= 0xE007F);
}

static int removed(long cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) ||          /* controls */
           cp == 0x2028 || cp == 0x2029 ||                      /* line, paragraph */
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
           cp == 0x200E || cp == 0x200F || cp == 0x061C ||      /* bidi */
           (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF || /* zero width */
           invisible(cp);
}

static int blank(long cp)
{
    return cp == ' ' || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
           cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

size_t srv_name_clean(const char *in, size_t n, char *out)
{
    const unsigned char *s = (const unsigned char *)in;
    size_t o = 0, i = 0;
    int space = 0; /* a blank is pending: written before the next character, if any */
    while (in && i < n) {
        size_t len;
        long cp = decode(s + i, n - i, &len);
        const unsigned char *ch = s + i;
        i += len;
        if (cp < 0 || removed(cp))
            continue;
        if (blank(cp)) {
            space = o > 0;
            continue;
        }
        if (o + (size_t)space + len > SRV_NAME_MAX)
            break; /* full: a cut name, never half a character */
        if (space)
            out[o++] = ' ';
        space = 0;
        memcpy(out + o, ch, len);
        o += len;
    }
    out[o] = 0;
    return o;
}
