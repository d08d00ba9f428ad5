/* lh_source.c: the scenario's files as Lua sees them, and back.
 *
 * Reading a file into the sandbox (text only, size cap, valid UTF-8, a
 * byte-order mark and a "#!" line skipped as stock lua does), the chunk
 * names Lua knows the files by, and the mapping from those names back to
 * the paths the user gave, so that every error names the real file:line
 * however long its path. Parse errors always get a line, even the parser's
 * "C stack overflow", which Lua raises without one. And the other way:
 * where in those files the running code is (lh_where), and errors raised
 * there (lh_error). */
#include "script/lh_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "core/text.h"

/* Lua keeps at most LUA_IDSIZE - 1 characters of a chunk's name and
 * shortens longer ones to "...tail", which no longer names the file (the
 * game loads by absolute path, so this is common). A source whose display
 * name does not fit is known to Lua by a short alias instead (its base
 * name, or "source-N.lua" when that is taken or too long), and every place
 * that turns Lua's name into a message maps it back. */
#define LH_CHUNK_FIT (LUA_IDSIZE - 4)

static int alias_taken(const lh_host *h, const char *name)
{
    for (int i = 0; i < h->nsources; i++)
        if (strcmp(h->aliases[i], name) == 0 || strcmp(h->sources[i], name) == 0)
            return 1;
    return 0;
}

int lh_note_source(lh_host *h, const char *display)
{
    for (int i = 0; i < h->nsources; i++)
        if (strcmp(h->sources[i], display) == 0)
            return i;
    if (h->nsources >= LH_MAX_SOURCES)
        return -1;
    char alias[LH_CHUNK_FIT + 1];
    const char *base = strrchr(display, '/');
    base = base ? base + 1 : display;
    if (strlen(display) <= LH_CHUNK_FIT)
        snprintf(alias, sizeof alias, "%s", display);
    else if (strlen(base) <= LH_CHUNK_FIT && !alias_taken(h, base))
        snprintf(alias, sizeof alias, "%s", base);
    else
        snprintf(alias, sizeof alias, "source-%d.lua", h->nsources + 1);
    char *d = mem_strdup(display), *a = mem_strdup(alias);
    if (!d || !a) {
        free(d);
        free(a);
        return -2;
    }
    h->sources[h->nsources] = d;
    h->aliases[h->nsources] = a;
    return h->nsources++;
}

const char *lh_source_display(const lh_host *h, const char *name, size_t n)
{
    for (int i = 0; i < h->nsources; i++) {
        const char *a = h->aliases[i];
        if (strlen(a) == n && memcmp(a, name, n) == 0)
            return h->sources[i];
    }
    return NULL;
}

const char *lh_display_name(const lh_host *h, const char *short_src)
{
    const char *d = lh_source_display(h, short_src, strlen(short_src));
    return d ? d : short_src;
}

/* Is file[0..n) one of the files we loaded, by Lua's name or ours? */
int lh_known_source(const lh_host *h, const char *file, size_t n)
{
    if (lh_source_display(h, file, n))
        return 1;
    for (int i = 0; i < h->nsources; i++)
        if (strlen(h->sources[i]) == n && memcmp(h->sources[i], file, n) == 0)
            return 1;
    return 0;
}

/* The first ':' at or after `from` that opens ":DIGITS:", with the number
 * in *line; NULL when there is none. */
static const char *line_mark(const char *from, int *line)
{
    for (const char *p = strchr(from, ':'); p; p = strchr(p + 1, ':')) {
        const char *q = p + 1;
        if (*q < '0' || *q > '9')
            continue;
        while (*q >= '0' && *q <= '9')
            q++;
        if (*q == ':') {
            *line = atoi(p + 1);
            return p;
        }
    }
    return NULL;
}

size_t lh_known_prefix(const lh_host *h, const char *s, int *line)
{
    int l = 0;
    for (const char *p = line_mark(s, &l); p; p = line_mark(p + 1, &l))
        if (lh_known_source(h, s, (size_t)(p - s))) {
            if (line)
                *line = l;
            return (size_t)(p - s);
        }
    return 0;
}

/* Split "file:line: message" into the error struct, naming the file as
 * the user knows it (not by Lua's alias). */
void lh_split_message(const lh_host *h, const char *s, const char *fallback_file,
                      bh_err *err)
{
    /* A file of the scenario first (its name may hold ":12:" itself), then
     * any "file:line:", then none. */
    int line = 0;
    size_t n = lh_known_prefix(h, s, &line);
    const char *p = n ? s + n : line_mark(s, &line);
    if (!p) {
        err_set(err, BH_ESCRIPT, fallback_file, 0, "%s", s);
        return;
    }
    char file[512];
    const char *d = lh_source_display(h, s, (size_t)(p - s));
    if (d)
        snprintf(file, sizeof file, "%s", d);
    else
        snprintf(file, sizeof file, "%.*s", (int)(p - s), s);
    const char *q = strchr(p + 1, ':') + 1;
    while (*q == ' ')
        q++;
    err_set(err, BH_ESCRIPT, file, line, "%s", q);
}

/* The line that byte `at` of s is on. */
static int line_at(const char *s, size_t at)
{
    int line = 1;
    for (size_t i = 0; i < at; i++)
        line += s[i] == '\n';
    return line;
}

/* Where the parser ran out of C stack. Lua raises "C stack overflow"
 * outside any Lua function, so the message has no line. Parsing stops
 * where it gives up, so every prefix of the text at least that long
 * overflows and every shorter one does not: a bisection over prefix
 * lengths finds the exact place in about 22 parses, each no longer than
 * the one that failed. */
static int overflow_line(lua_State *L, const char *s, size_t n, const char *chunk)
{
    size_t lo = 0, hi = n; /* the prefix of length hi overflows; of lo, not */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        int st = luaL_loadbufferx(L, s, mid, chunk, "t");
        const char *m = st != LUA_OK ? lua_tostring(L, -1) : NULL;
        int over = m && strstr(m, "stack overflow") != NULL;
        lua_pop(L, 1);
        if (over)
            hi = mid;
        else
            lo = mid;
    }
    return line_at(s, hi - 1); /* where the last byte it needed is */
}

int lh_loadfile(lh_host *h, const char *path, const char *display, size_t *bytes,
                bh_err *err)
{
    char *text = NULL;
    size_t len = 0;
    if (bytes)
        *bytes = 0;
    if (text_read_file(path, LH_MAX_SOURCE_BYTES, &text, &len, err) != BH_OK) {
        snprintf(err->file, sizeof err->file, "%s", display);
        if (err->line == 0)
            err->line = 1;
        return -1;
    }
    if (bytes)
        *bytes = len;
    size_t bad;
    if (!text_valid_utf8(text, len, &bad)) {
        err_set(err, BH_ESCRIPT, display, line_at(text, bad),
                "invalid UTF-8 (byte 0x%02X): save the file as UTF-8",
                (unsigned char)text[bad]);
        free(text);
        return -1;
    }
    int src = lh_note_source(h, display);
    if (src < 0) {
        free(text);
        if (src == -2)
            err_set(err, BH_ENOMEM, display, 1, "out of memory");
        else
            err_set(err, BH_ESCRIPT, display, 1,
                    "too many files: a scenario may consist of at most %d", LH_MAX_SOURCES);
        return -1;
    }
    char chunk[LH_CHUNK_FIT + 2];
    snprintf(chunk, sizeof chunk, "@%s", h->aliases[src]);
    /* As stock lua does: a UTF-8 byte-order mark, then a first line
     * starting with '#' (a "#!" line), are skipped. The newline stays, so
     * line numbers do not move. */
    size_t skip = 0;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        skip = 3;
    if (skip < len && text[skip] == '#')
        while (skip < len && text[skip] != '\n')
            skip++;
    int st = luaL_loadbufferx(h->L, text + skip, len - skip, chunk, "t");
    if (st != LUA_OK) {
        /* (m stays valid: the message stays on the stack until the pop) */
        const char *m = lua_tostring(h->L, -1);
        if (st == LUA_ERRMEM)
            err_set(err, BH_ESCRIPT, display, 1, "memory limit exceeded while parsing");
        else
            lh_split_message(h, m ? m : "cannot load", display, err);
        /* Inside include, Lua may locate a parse error at the include call
         * rather than in this file: then it says nothing about this file. */
        if (strcmp(err->file, display) != 0)
            err->line = 0;
        if (err->line == 0 && m && strstr(m, "stack overflow"))
            err->line = overflow_line(h->L, text + skip, len - skip, chunk);
        if (err->line == 0)
            err->line = 1; /* no line, and not an overflow: the file as a whole */
        snprintf(err->file, sizeof err->file, "%s", display);
        lua_pop(h->L, 1);
        free(text);
        return -1;
    }
    free(text);
    return 0;
}

void lh_where(lua_State *L, char *src, size_t n, int *line)
{
    lua_Debug ar;
    for (int level = 0; lua_getstack(L, level, &ar); level++) {
        if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
            snprintf(src, n, "%s", lh_display_name(lh_of(L), ar.short_src));
            *line = ar.currentline;
            return;
        }
    }
    lh_host *h = lh_of(L);
    snprintf(src, n, "%s", h->path);
    *line = 0;
}

int lh_error(lua_State *L, const char *fmt, ...)
{
    char src[256], msg[1024];
    int line;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    lh_where(L, src, sizeof src, &line);
    if (line > 0)
        lua_pushfstring(L, "%s:%d: %s", src, line, msg);
    else
        lua_pushfstring(L, "%s: %s", src, msg);
    return lua_error(L);
}
