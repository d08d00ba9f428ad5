/* lh_field.c: reading the fields of one declaration's table (lh_field.h):
 * typed readers that report instead of raising, the check for unknown
 * fields, and ids with their duplicates. Called by lh_decl.c; calls down
 * into lh_diag.c, lh_charge.c and lh_source.c. */
#include "script/lh_field.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "core/text.h"

void lhd_msg(lhd_ctx *c, lh_severity sev, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    const char *id = c->id ? c->id : c->early_id[0] ? c->early_id : NULL;
    if (id)
        lh_diag_add(c->h, sev, c->loc.file, c->loc.line, NULL, "%s '%s': %s", c->kind, id, msg);
    else
        lh_diag_add(c->h, sev, c->loc.file, c->loc.line, NULL, "%s: %s", c->kind, msg);
}

static char *copy_text(lhd_ctx *c, const char *s, size_t len)
{
    lh_host *h = c->h;
    if (h->mem_used + len + 1 > h->opts.mem_limit)
        lh_error(c->L, "memory limit exceeded: the scenario holds more than %zu MiB",
                 h->opts.mem_limit >> 20); /* stop loading: nothing after this can fit */
    char *out = mem_malloc(len + 1);
    if (!out) /* a missing field would be reported as the scenario's fault */
        lh_error(c->L, "out of memory while reading the declarations");
    memcpy(out, s, len);
    out[len] = '\0';
    h->mem_used += len + 1;
    return out;
}

int lhd_field(lhd_ctx *c, const char *name)
{
    lh_pushstr(c->L, name);
    return lua_rawget(c->L, c->t);
}

/* Is this acceptable text for a field? Reports why not. Charges the
 * budget for the scan: a loop of declarations with huge texts would
 * otherwise spend unbounded time in C. */
static int check_text(lhd_ctx *c, const char *name, const char *s, size_t len)
{
    size_t bad;
    long ctl;
    lua_State *L = c->L;
    lh_host *h = c->h;
    if (lh_budget_charge(&h->budget, (int64_t)(len / 4) + 1))
        lh_budget_error(L, h);
    if (len > LH_MAX_TEXT)
        LHD_ERR(c, "field '%s' is %zu bytes; the limit is %d", name, len, LH_MAX_TEXT);
    else if (!text_valid_utf8(s, len, &bad))
        LHD_ERR(c, "field '%s' is not valid UTF-8 (bad byte at offset %zu)", name, bad);
    else if ((ctl = text_find_control(s, len)) >= 0)
        LHD_ERR(c, "field '%s' contains a control character (byte 0x%02X at offset %ld)", name,
             (unsigned char)s[ctl], ctl);
    else
        return 1;
    return 0;
}

char *lhd_str(lhd_ctx *c, const char *name, int required)
{
    int t = lhd_field(c, name);
    char *out = NULL;
    if (t == LUA_TNIL) {
        if (required)
            LHD_ERR(c, "missing field '%s'", name);
    } else if (t != LUA_TSTRING) {
        LHD_ERR(c, "field '%s' must be a string, not a %s", name, lua_typename(c->L, t));
    } else {
        size_t len;
        const char *s = lua_tolstring(c->L, -1, &len);
        if (check_text(c, name, s, len))
            out = copy_text(c, s, len);
    }
    lua_pop(c->L, 1);
    return out;
}

int lhd_num(lhd_ctx *c, const char *name, int required, double *out)
{
    int t = lhd_field(c, name), got = 0;
    if (t == LUA_TNIL) {
        if (required)
            LHD_ERR(c, "missing field '%s'", name);
    } else if (t != LUA_TNUMBER) {
        LHD_ERR(c, "field '%s' must be a number, not a %s", name, lua_typename(c->L, t));
    } else {
        double v = lua_tonumber(c->L, -1);
        if (v != v || v > 1e15 || v < -1e15)
            LHD_ERR(c, "field '%s' must be a finite number", name);
        else {
            *out = v;
            got = 1;
        }
    }
    lua_pop(c->L, 1);
    return got;
}

int lhd_int(lhd_ctx *c, const char *name, int required, int lo, int hi, int *out)
{
    double v;
    if (!lhd_num(c, name, required, &v))
        return 0;
    if (!(v >= lo && v <= hi) || v != (double)(long long)v) { /* range first: no UB casts */
        LHD_ERR(c, "field '%s' must be a whole number from %d to %d", name, lo, hi);
        return 0;
    }
    *out = (int)v;
    return 1;
}

int lhd_bool(lhd_ctx *c, const char *name, int *out)
{
    int t = lhd_field(c, name), got = 0;
    if (t == LUA_TBOOLEAN) {
        *out = lua_toboolean(c->L, -1);
        got = 1;
    } else if (t != LUA_TNIL) {
        LHD_ERR(c, "field '%s' must be true or false, not a %s", name, lua_typename(c->L, t));
    }
    lua_pop(c->L, 1);
    return got;
}

int lhd_dur(lhd_ctx *c, const char *name, int required, bh_time *out)
{
    int t = lhd_field(c, name), got = 0;
    if (t == LUA_TNIL) {
        if (required)
            LHD_ERR(c, "missing field '%s'", name);
    } else if (t == LUA_TNUMBER) {
        if (dur_from_number(lua_tonumber(c->L, -1), out) != 0)
            LHD_ERR(c, "field '%s' must be a whole number of seconds, 0 or more", name);
        else
            got = 1;
    } else if (t == LUA_TSTRING) {
        const char *s = lua_tostring(c->L, -1);
        if (dur_parse(s, out) != 0)
            LHD_ERR(c, "field '%s': \"%.40s\" is not a duration (write e.g. \"90s\", \"45m\", "
                    "\"2h\", \"3d\" or \"1h30m\")", name, s);
        else
            got = 1;
    } else {
        LHD_ERR(c, "field '%s' must be a duration string or a number of seconds, not a %s", name,
             lua_typename(c->L, t));
    }
    lua_pop(c->L, 1);
    return got;
}

/* `after`: the time from which `when` is checked. Saying it, instead of
 * starting the condition with `w.time >= ...`, spares the engine checking
 * the condition every `check` interval until then. */
void lhd_after(lhd_ctx *c, bh_hook when, bh_time *after)
{
    *after = 0;
    if (lhd_dur(c, "after", 0, after) && !when)
        LHD_ERR(c, "field 'after' says from when 'when' is checked, but there is no 'when'");
}

bh_hook lhd_fn(lhd_ctx *c, const char *name)
{
    int t = lhd_field(c, name);
    if (t == LUA_TFUNCTION)
        return luaL_ref(c->L, LUA_REGISTRYINDEX);
    if (t != LUA_TNIL)
        LHD_ERR(c, "field '%s' must be a function, not a %s", name, lua_typename(c->L, t));
    lua_pop(c->L, 1);
    return 0;
}

/* " (did you mean 'x'?)" for `word` among the words of `list` ("a, b, c"),
 * or "": a status of "encrpyted" is a typo worth naming. */
static void enum_hint(lhd_ctx *c, const char *word, const char *list, char *out, size_t n)
{
    char buf[256];
    const char *words[16];
    size_t k = 0;
    snprintf(buf, sizeof buf, "%s", list);
    for (char *p = buf; *p && k < sizeof words / sizeof *words;) {
        words[k++] = p;
        p += strcspn(p, ",");
        if (*p)
            for (*p++ = '\0'; *p == ' '; p++) {
            }
    }
    text_suggest_within(word, words, k, sizeof *words, 0, out, n, &c->h->suggest_work);
}

int lhd_enum(lhd_ctx *c, const char *name, int (*parse)(const char *), const char *list,
             int required, int def)
{
    int t = lhd_field(c, name), v = def;
    if (t == LUA_TNIL) {
        if (required)
            LHD_ERR(c, "missing field '%s' (one of: %s)", name, list);
    } else if (t != LUA_TSTRING || (v = parse(lua_tostring(c->L, -1))) < 0) {
        char hint[160] = "";
        if (t == LUA_TSTRING)
            enum_hint(c, lua_tostring(c->L, -1), list, hint, sizeof hint);
        LHD_ERR(c, "field '%s' must be one of: %s%s", name, list, hint);
        v = def;
    }
    lua_pop(c->L, 1);
    return v;
}

void lhd_texts(lhd_ctx *c, const char *name, bh_texts *out)
{
    int t = lhd_field(c, name);
    if (t == LUA_TSTRING) {
        lua_pop(c->L, 1);
        char *s = lhd_str(c, name, 0);
        if (s && !(out->v = mem_malloc(sizeof *out->v))) {
            free(s);
            lh_error(c->L, "out of memory while reading the declarations");
        }
        if (s) {
            out->v[0] = s;
            out->n = 1;
        }
        return;
    }
    if (t == LUA_TTABLE) {
        lua_Integer n = (lua_Integer)lua_rawlen(c->L, -1);
        if (n > 100)
            n = 100;
        if (!(out->v = mem_calloc((size_t)(n ? n : 1), sizeof *out->v)))
            lh_error(c->L, "out of memory while reading the declarations");
        for (lua_Integer i = 1; out->v && i <= n; i++) {
            size_t len;
            if (lua_rawgeti(c->L, -1, i) != LUA_TSTRING) {
                LHD_ERR(c, "field '%s' must be a list of strings", name);
                lua_pop(c->L, 1);
                break;
            }
            const char *s = lua_tolstring(c->L, -1, &len);
            if (check_text(c, name, s, len) && (out->v[out->n] = copy_text(c, s, len)))
                out->n++;
            lua_pop(c->L, 1);
        }
    } else if (t != LUA_TNIL) {
        LHD_ERR(c, "field '%s' must be a string or a list of strings", name);
    }
    lua_pop(c->L, 1);
}

/* `facilitator`: guidance for the facilitator alone, as a text or as a
 * table { good = ..., expected = ..., hint = ... } with at least one part.
 * The table is read like a declaration of its own (unknown parts are
 * typos), reporting at the declaration's file:line. */
void lhd_fnote(lhd_ctx *c, bh_fnote *out)
{
    int t = lhd_field(c, "facilitator");
    if (t == LUA_TSTRING) {
        lua_pop(c->L, 1);
        out->text = lhd_str(c, "facilitator", 0);
        return;
    }
    if (t == LUA_TTABLE) {
        static const char *const f[] = {"good", "expected", "hint", NULL};
        lhd_ctx fc = *c;
        fc.t = lua_gettop(c->L);
        lhd_check_fields(&fc, fc.t, f, "facilitator");
        out->good = lhd_str(&fc, "good", 0);
        out->expected = lhd_str(&fc, "expected", 0);
        out->hint = lhd_str(&fc, "hint", 0);
        if (!out->good && !out->expected && !out->hint)
            LHD_ERR(c, "field 'facilitator' is an empty table: give good, expected or hint "
                       "(or write a text)");
    } else if (t != LUA_TNIL) {
        LHD_ERR(c, "field 'facilitator' must be a text or a table { good = ..., expected = "
                   "..., hint = ... }, not a %s", lua_typename(c->L, t));
    }
    lua_pop(c->L, 1);
}

/* Unknown fields are typos until proven otherwise: name the closest. */
/* Unknown fields are reported in name order, at most LH_FIELD_REPORT of
 * them: the order lua_next gives depends on the process's hash seed, and
 * a table of two million keys must not give two million errors. Each key
 * walked is charged, as it is C work the count cannot see. */
#define LH_FIELD_REPORT 8

void lhd_check_fields(lhd_ctx *c, int t, const char *const *allowed, const char *what)
{
    lua_State *L = c->L;
    lh_host *h = c->h;
    const char *unknown[LH_FIELD_REPORT]; /* the smallest names, sorted */
    int nunknown = 0;
    long more = 0, unnamed = 0;
    size_t n = 0;
    while (allowed[n])
        n++;
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pop(L, 1);
        if (lh_budget_charge(&h->budget, 4))
            lh_budget_error(L, h);
        if (lua_type(L, -1) != LUA_TSTRING) {
            unnamed++;
            continue;
        }
        const char *k = lua_tostring(L, -1); /* anchored by the table itself */
        int ok = 0;
        for (size_t i = 0; i < n && !ok; i++)
            ok = strcmp(allowed[i], k) == 0;
        if (ok)
            continue;
        if (nunknown == LH_FIELD_REPORT && strcmp(k, unknown[nunknown - 1]) > 0) {
            more++;
            continue;
        }
        if (nunknown == LH_FIELD_REPORT) {
            more++;
            nunknown--;
        }
        int at = nunknown++;
        while (at > 0 && strcmp(unknown[at - 1], k) > 0) {
            unknown[at] = unknown[at - 1];
            at--;
        }
        unknown[at] = k;
    }
    if (unnamed)
        LHD_ERR(c, "%s fields must be named (name = value); found %ld key%s that %s not a name",
             what, unnamed, unnamed == 1 ? "" : "s", unnamed == 1 ? "is" : "are");
    for (int i = 0; i < nunknown; i++) {
        char hint[160];
        text_suggest(unknown[i], allowed, n, sizeof *allowed, 0, hint, sizeof hint);
        LHD_ERR(c, "unknown %s field '%.60s'%s", what, unknown[i], hint);
    }
    if (more)
        LHD_ERR(c, "and %ld more unknown %s field%s", more, what, more == 1 ? "" : "s");
}

int lhd_valid_id(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > 64)
        return 0;
    for (; *s; s++)
        if (!isalnum((unsigned char)*s) && *s != '_' && *s != '-' && *s != '.')
            return 0;
    return 1;
}

/* The index of the declaration of this kind with this id, or -1. */
static int indexed(lhd_ctx *c, int slot, const char *id)
{
    lua_State *L = c->L;
    lua_rawgeti(L, LUA_REGISTRYINDEX, c->h->idx_ref[slot]);
    int i = lua_getfield(L, -1, id) == LUA_TNUMBER ? (int)lua_tointeger(L, -1) : -1;
    lua_pop(L, 2);
    return i;
}

/* Enter a new declaration's id; the first of duplicates keeps it. */
void lhd_enter_id(lhd_ctx *c, int slot, const char *id, size_t index)
{
    if (indexed(c, slot, id) >= 0)
        return;
    lua_State *L = c->L;
    lua_rawgeti(L, LUA_REGISTRYINDEX, c->h->idx_ref[slot]);
    lua_pushinteger(L, (lua_Integer)index);
    lua_setfield(L, -2, id);
    lua_pop(L, 1);
}

/* The id field; `slot` (LH_IDX_*, or -1 for none) finds duplicates. */
char *lhd_id(lhd_ctx *c, int slot, size_t stride, const void *base, size_t offset_loc)
{
    char *id = lhd_str(c, "id", 1);
    if (!id)
        return NULL;
    if (!lhd_valid_id(id)) {
        LHD_ERR(c, "id '%.64s' must be 1-64 letters, digits, '_', '-' or '.'", id);
        free(id);
        return NULL;
    }
    c->id = id;
    int prev = slot >= 0 ? indexed(c, slot, id) : -1;
    if (prev >= 0) {
        const bh_loc *l = (const bh_loc *)((const char *)base + (size_t)prev * stride + offset_loc);
        LHD_ERR(c, "duplicate %s id (first declared at %s:%d)", c->kind, l->file, l->line);
    }
    return id;
}

/* Start a declaration: check it is allowed now and has a table. */
int lhd_begin(lua_State *L, lhd_ctx *c, const char *kind)
{
    lh_host *h = lh_of(L);
    memset(c, 0, sizeof *c);
    c->h = h;
    c->L = L;
    c->kind = kind;
    c->t = 1;
    char src[256];
    lh_where(L, src, sizeof src, &c->loc.line);
    c->loc.file = defs_intern_file(&h->defs, src);
    if (!h->loading)
        return lh_error(L, "%s { } declarations are only allowed while the scenario loads, "
                           "not inside hooks", kind);
    if (++h->ndecls > LH_MAX_DECLS)
        return lh_error(L, "too many declarations (the limit is %d)", LH_MAX_DECLS);
    if (!lua_istable(L, 1)) {
        LHD_ERR(c, "expects a table: %s { id = \"...\", ... }", kind);
        return 0;
    }
    lua_settop(L, 1);
    if (lhd_field(c, "id") == LUA_TSTRING)
        snprintf(c->early_id, sizeof c->early_id, "%s", lua_tostring(L, -1));
    lua_pop(L, 1);
    return 1;
}
