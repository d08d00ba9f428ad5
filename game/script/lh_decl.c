/* lh_decl.c: the declaration functions (scenario, meter, system, team,
 * reference, inject, action, decision, ending, every) and the checks that
 * run once the whole file has loaded.
 *
 * A declaration never raises for bad content: it records a diagnostic at
 * the declaration's file:line and carries on, so an author sees every
 * problem in one `bulkhead check`. Text copied out of Lua is charged to the
 * same memory cap as the Lua state, since it lives as long as the host. */
#include "script/lh_internal.h"

#include <ctype.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "core/text.h"
#include "core/vec.h"

void lh_diag_add(lh_host *h, lh_severity sev, const char *file, int line, const char *trace,
                 const char *fmt, ...)
{
    lh_diags *d = h->diags;
    char raw[1200], msg[1200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(raw, sizeof raw, fmt, ap);
    va_end(ap);
    /* Messages quote scenario text, which may be anything: keep output clean. */
    text_sanitize(raw, strlen(raw), msg, sizeof msg);
    if (sev == LH_ERROR)
        d->errors++;
    else
        d->warnings++;
    if (d->n >= 1000)
        return; /* a thousand findings are enough to act on */
    if (VEC_PUSH(d->v, d->n, d->cap) != 0) {
        d->lost++; /* counted above, so the load still fails */
        return;
    }
    lh_diag *g = &d->v[d->n];
    g->sev = sev;
    g->file = mem_strdup(file ? file : h->path);
    g->line = line;
    g->col = 0;
    g->msg = mem_strdup(msg);
    g->trace = trace && trace[0] ? mem_strdup(trace) : NULL;
    if (!g->file || !g->msg || (trace && trace[0] && !g->trace)) {
        free(g->file);
        free(g->msg);
        free(g->trace);
        d->lost++;
        return;
    }
    d->n++;
}

typedef struct dctx {
    lh_host *h;
    lua_State *L;
    int t;            /* stack index of the declaration table */
    const char *kind; /* "inject" */
    const char *id;   /* for messages; may be NULL */
    char early_id[65]; /* the raw id, so messages name it before it is validated */
    bh_loc loc;
} dctx;

static void dmsg(dctx *c, lh_severity sev, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void dmsg(dctx *c, lh_severity sev, const char *fmt, ...)
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

#define DERR(c, ...) dmsg(c, LH_ERROR, __VA_ARGS__)
#define DWARN(c, ...) dmsg(c, LH_WARNING, __VA_ARGS__)

static char *copy_text(dctx *c, const char *s, size_t len)
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

/* Push the raw value of field `name`; returns its type. */
static int field(dctx *c, const char *name)
{
    lh_pushstr(c->L, name);
    return lua_rawget(c->L, c->t);
}

/* Is this acceptable text for a field? Reports why not. Charges the
 * budget for the scan: a loop of declarations with huge texts would
 * otherwise spend unbounded time in C. */
static int check_text(dctx *c, const char *name, const char *s, size_t len)
{
    size_t bad;
    long ctl;
    lua_State *L = c->L;
    lh_host *h = c->h;
    if (lh_budget_charge(&h->budget, (int64_t)(len / 4) + 1))
        lh_budget_error(L, h);
    if (len > LH_MAX_TEXT)
        DERR(c, "field '%s' is %zu bytes; the limit is %d", name, len, LH_MAX_TEXT);
    else if (!text_valid_utf8(s, len, &bad))
        DERR(c, "field '%s' is not valid UTF-8 (bad byte at offset %zu)", name, bad);
    else if ((ctl = text_find_control(s, len)) >= 0)
        DERR(c, "field '%s' contains a control character (byte 0x%02X at offset %ld)", name,
             (unsigned char)s[ctl], ctl);
    else
        return 1;
    return 0;
}

static char *get_str(dctx *c, const char *name, int required)
{
    int t = field(c, name);
    char *out = NULL;
    if (t == LUA_TNIL) {
        if (required)
            DERR(c, "missing field '%s'", name);
    } else if (t != LUA_TSTRING) {
        DERR(c, "field '%s' must be a string, not a %s", name, lua_typename(c->L, t));
    } else {
        size_t len;
        const char *s = lua_tolstring(c->L, -1, &len);
        if (check_text(c, name, s, len))
            out = copy_text(c, s, len);
    }
    lua_pop(c->L, 1);
    return out;
}

static int get_num(dctx *c, const char *name, int required, double *out)
{
    int t = field(c, name), got = 0;
    if (t == LUA_TNIL) {
        if (required)
            DERR(c, "missing field '%s'", name);
    } else if (t != LUA_TNUMBER) {
        DERR(c, "field '%s' must be a number, not a %s", name, lua_typename(c->L, t));
    } else {
        double v = lua_tonumber(c->L, -1);
        if (v != v || v > 1e15 || v < -1e15)
            DERR(c, "field '%s' must be a finite number", name);
        else {
            *out = v;
            got = 1;
        }
    }
    lua_pop(c->L, 1);
    return got;
}

static int get_int(dctx *c, const char *name, int required, int lo, int hi, int *out)
{
    double v;
    if (!get_num(c, name, required, &v))
        return 0;
    if (!(v >= lo && v <= hi) || v != (double)(long long)v) { /* range first: no UB casts */
        DERR(c, "field '%s' must be a whole number from %d to %d", name, lo, hi);
        return 0;
    }
    *out = (int)v;
    return 1;
}

static int get_bool(dctx *c, const char *name, int *out)
{
    int t = field(c, name), got = 0;
    if (t == LUA_TBOOLEAN) {
        *out = lua_toboolean(c->L, -1);
        got = 1;
    } else if (t != LUA_TNIL) {
        DERR(c, "field '%s' must be true or false, not a %s", name, lua_typename(c->L, t));
    }
    lua_pop(c->L, 1);
    return got;
}

static int get_dur(dctx *c, const char *name, int required, bh_time *out)
{
    int t = field(c, name), got = 0;
    if (t == LUA_TNIL) {
        if (required)
            DERR(c, "missing field '%s'", name);
    } else if (t == LUA_TNUMBER) {
        if (dur_from_number(lua_tonumber(c->L, -1), out) != 0)
            DERR(c, "field '%s' must be a whole number of seconds, 0 or more", name);
        else
            got = 1;
    } else if (t == LUA_TSTRING) {
        const char *s = lua_tostring(c->L, -1);
        if (dur_parse(s, out) != 0)
            DERR(c, "field '%s': \"%.40s\" is not a duration (write e.g. \"90s\", \"45m\", "
                    "\"2h\", \"3d\" or \"1h30m\")", name, s);
        else
            got = 1;
    } else {
        DERR(c, "field '%s' must be a duration string or a number of seconds, not a %s", name,
             lua_typename(c->L, t));
    }
    lua_pop(c->L, 1);
    return got;
}

/* `after`: the time from which `when` is checked. Saying it, instead of
 * starting the condition with `w.time >= ...`, spares the engine checking
 * the condition every `check` interval until then. */
static void get_after(dctx *c, bh_hook when, bh_time *after)
{
    *after = 0;
    if (get_dur(c, "after", 0, after) && !when)
        DERR(c, "field 'after' says from when 'when' is checked, but there is no 'when'");
}

static bh_hook get_fn(dctx *c, const char *name)
{
    int t = field(c, name);
    if (t == LUA_TFUNCTION)
        return luaL_ref(c->L, LUA_REGISTRYINDEX);
    if (t != LUA_TNIL)
        DERR(c, "field '%s' must be a function, not a %s", name, lua_typename(c->L, t));
    lua_pop(c->L, 1);
    return 0;
}

static int get_enum(dctx *c, const char *name, int (*parse)(const char *), const char *list,
                    int required, int def)
{
    int t = field(c, name), v = def;
    if (t == LUA_TNIL) {
        if (required)
            DERR(c, "missing field '%s' (one of: %s)", name, list);
    } else if (t != LUA_TSTRING || (v = parse(lua_tostring(c->L, -1))) < 0) {
        DERR(c, "field '%s' must be one of: %s", name, list);
        v = def;
    }
    lua_pop(c->L, 1);
    return v;
}

static void get_texts(dctx *c, const char *name, bh_texts *out)
{
    int t = field(c, name);
    if (t == LUA_TSTRING) {
        lua_pop(c->L, 1);
        char *s = get_str(c, name, 0);
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
                DERR(c, "field '%s' must be a list of strings", name);
                lua_pop(c->L, 1);
                break;
            }
            const char *s = lua_tolstring(c->L, -1, &len);
            if (check_text(c, name, s, len) && (out->v[out->n] = copy_text(c, s, len)))
                out->n++;
            lua_pop(c->L, 1);
        }
    } else if (t != LUA_TNIL) {
        DERR(c, "field '%s' must be a string or a list of strings", name);
    }
    lua_pop(c->L, 1);
}

/* Unknown fields are typos until proven otherwise: name the closest. */
/* Unknown fields are reported in name order, at most LH_FIELD_REPORT of
 * them: the order lua_next gives depends on the process's hash seed, and
 * a table of two million keys must not give two million errors. Each key
 * walked is charged, as it is C work the count cannot see. */
#define LH_FIELD_REPORT 8

static void check_fields(dctx *c, int t, const char *const *allowed, const char *what)
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
        DERR(c, "%s fields must be named (name = value); found %ld key%s that %s not a name",
             what, unnamed, unnamed == 1 ? "" : "s", unnamed == 1 ? "is" : "are");
    for (int i = 0; i < nunknown; i++) {
        char hint[160];
        text_suggest(unknown[i], allowed, n, sizeof *allowed, 0, hint, sizeof hint);
        DERR(c, "unknown %s field '%.60s'%s", what, unknown[i], hint);
    }
    if (more)
        DERR(c, "and %ld more unknown %s field%s", more, what, more == 1 ? "" : "s");
}

static int valid_id(const char *s)
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
static int indexed(dctx *c, int slot, const char *id)
{
    lua_State *L = c->L;
    lua_rawgeti(L, LUA_REGISTRYINDEX, c->h->idx_ref[slot]);
    int i = lua_getfield(L, -1, id) == LUA_TNUMBER ? (int)lua_tointeger(L, -1) : -1;
    lua_pop(L, 2);
    return i;
}

/* Enter a new declaration's id; the first of duplicates keeps it. */
static void enter_id(dctx *c, int slot, const char *id, size_t index)
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
static char *get_id(dctx *c, int slot, size_t stride, const void *base, size_t offset_loc)
{
    char *id = get_str(c, "id", 1);
    if (!id)
        return NULL;
    if (!valid_id(id)) {
        DERR(c, "id '%.64s' must be 1-64 letters, digits, '_', '-' or '.'", id);
        free(id);
        return NULL;
    }
    c->id = id;
    int prev = slot >= 0 ? indexed(c, slot, id) : -1;
    if (prev >= 0) {
        const bh_loc *l = (const bh_loc *)((const char *)base + (size_t)prev * stride + offset_loc);
        DERR(c, "duplicate %s id (first declared at %s:%d)", c->kind, l->file, l->line);
    }
    return id;
}

/* Start a declaration: check it is allowed now and has a table. */
static int begin(lua_State *L, dctx *c, const char *kind)
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
        DERR(c, "expects a table: %s { id = \"...\", ... }", kind);
        return 0;
    }
    lua_settop(L, 1);
    if (field(c, "id") == LUA_TSTRING)
        snprintf(c->early_id, sizeof c->early_id, "%s", lua_tostring(L, -1));
    lua_pop(L, 1);
    return 1;
}

#define PUSH_DEF(h, arr) \
    (VEC_PUSH((h)->defs.arr, (h)->defs.n##arr, (h)->defs.cap_##arr) == 0 \
         ? memset(&(h)->defs.arr[(h)->defs.n##arr], 0, sizeof *(h)->defs.arr), \
           &(h)->defs.arr[(h)->defs.n##arr++] : NULL)

/* The opening every declaration shares: check that it may run now, report
 * unknown fields, read and check the id, and append a zeroed definition
 * carrying the id and the declaration's file:line. */
#define DECL_OPEN(c, kind, arr, slot, type, fields, out)                                  \
    do {                                                                                 \
        if (!begin(L, &(c), kind))                                                       \
            return 0;                                                                    \
        check_fields(&(c), 1, fields, kind);                                             \
        char *id_ = get_id(&(c), slot, sizeof(type), (c).h->defs.arr, offsetof(type, loc)); \
        if (!((out) = PUSH_DEF((c).h, arr))) {                                           \
            free(id_);                                                                   \
            return lh_error(L, "out of memory while reading the declarations");          \
        }                                                                                \
        (out)->id = id_;                                                                 \
        (out)->loc = (c).loc;                                                            \
        if (id_)                                                                         \
            enter_id(&(c), slot, id_, (c).h->defs.n##arr - 1);                           \
    } while (0)

static int d_scenario(lua_State *L)
{
    dctx c;
    if (!begin(L, &c, "scenario"))
        return 0;
    static const char *const f[] = {"id", "title", "summary", "based_on", "start", "length",
                                    "rate", "difficulty", "briefing", "organisation", "stakes",
                                    "check", NULL};
    check_fields(&c, 1, f, "scenario");
    lh_host *h = c.h;
    if (h->defs.has_scenario) {
        DERR(&c, "declared twice (first at %s:%d)", h->defs.scenario.loc.file,
             h->defs.scenario.loc.line);
        return 0;
    }
    bh_scenario_def *s = &h->defs.scenario;
    h->defs.has_scenario = 1;
    s->loc = c.loc;
    s->id = get_id(&c, -1, 0, NULL, 0);
    s->title = get_str(&c, "title", 1);
    s->summary = get_str(&c, "summary", 0);
    s->based_on = get_str(&c, "based_on", 0);
    s->briefing = get_str(&c, "briefing", 0);
    s->organisation = get_str(&c, "organisation", 0);
    s->stakes = get_str(&c, "stakes", 0);
    s->difficulty = get_str(&c, "difficulty", 0);
    if (s->difficulty && strcmp(s->difficulty, "easy") && strcmp(s->difficulty, "medium") &&
        strcmp(s->difficulty, "hard"))
        DERR(&c, "field 'difficulty' must be one of: easy, medium, hard");
    char *start = get_str(&c, "start", 1);
    if (start && cal_parse(start, &s->start_epoch) != 0)
        DERR(&c, "field 'start': \"%.40s\" is not a date and time like \"2020-09-27 22:00\"",
             start);
    free(start);
    if (get_dur(&c, "length", 1, &s->length) && (s->length <= 0 || s->length > LH_MAX_LENGTH))
        DERR(&c, "field 'length' must be longer than zero and at most %dd",
             (int)(LH_MAX_LENGTH / 86400));
    s->rate = 60;
    if (get_num(&c, "rate", 0, &s->rate) && (s->rate < 1 || s->rate > 86400))
        DERR(&c, "field 'rate' (simulated seconds per real second) must be 1 to 86400");
    s->check_every = 60;
    if (get_dur(&c, "check", 0, &s->check_every) && s->check_every < 1)
        DERR(&c, "field 'check' must be at least 1s");
    return 0;
}

static int d_meter(lua_State *L)
{
    dctx c;
    bh_meter_def *m;
    static const char *const f[] = {"id", "label", "start", "min", "max", "good",
                                    "description", NULL};
    DECL_OPEN(c, "meter", meters, LH_IDX_METER, bh_meter_def, f, m);
    m->label = get_str(&c, "label", 1);
    m->description = get_str(&c, "description", 0);
    m->min = 0;
    m->max = 100;
    get_num(&c, "min", 0, &m->min);
    get_num(&c, "max", 0, &m->max);
    if (get_num(&c, "start", 1, &m->start) && (m->start < m->min || m->start > m->max))
        DERR(&c, "start %g is outside min..max (%g..%g)", m->start, m->min, m->max);
    if (m->min >= m->max)
        DERR(&c, "min (%g) must be below max (%g)", m->min, m->max);
    char *good = get_str(&c, "good", 0);
    if (good && strcmp(good, "high") && strcmp(good, "low"))
        DERR(&c, "field 'good' must be \"high\" or \"low\"");
    m->good_low = good && strcmp(good, "low") == 0;
    free(good);
    return 0;
}

static int d_system(lua_State *L)
{
    dctx c;
    bh_system_def *s;
    static const char *const f[] = {"id", "label", "status", "description", NULL};
    DECL_OPEN(c, "system", systems, LH_IDX_SYSTEM, bh_system_def, f, s);
    s->label = get_str(&c, "label", 1);
    s->description = get_str(&c, "description", 0);
    s->status = (bh_status_word)get_enum(&c, "status", defs_parse_status, defs_status_list(), 0,
                                         ST_ONLINE);
    return 0;
}

static int d_team(lua_State *L)
{
    dctx c;
    bh_team_def *t;
    static const char *const f[] = {"id", "label", "staff", NULL};
    DECL_OPEN(c, "team", teams, LH_IDX_TEAM, bh_team_def, f, t);
    t->label = get_str(&c, "label", 1);
    get_int(&c, "staff", 1, 0, 100000, &t->staff);
    return 0;
}

static int d_reference(lua_State *L)
{
    dctx c;
    bh_reference_def *r;
    static const char *const f[] = {"id", "title", "cite", NULL};
    DECL_OPEN(c, "reference", references, LH_IDX_REFERENCE, bh_reference_def, f, r);
    r->title = get_str(&c, "title", 1);
    r->cite = get_str(&c, "cite", 1);
    return 0;
}

static bh_source get_source(dctx *c, char **ref)
{
    char *src = get_str(c, "source", 0);
    bh_source s = SRC_NONE;
    if (src && strcmp(src, "fact") == 0)
        s = SRC_FACT;
    else if (src && strcmp(src, "fiction") == 0)
        s = SRC_FICTION;
    else if (src)
        DERR(c, "field 'source' must be \"fact\" or \"fiction\"");
    free(src);
    *ref = get_str(c, "ref", 0);
    return s;
}

static int d_inject(lua_State *L)
{
    dctx c;
    bh_inject_def *x;
    static const char *const f[] = {"id", "at", "when", "after", "channel", "from", "title",
                                    "body", "source", "ref", "discuss", "effect", "repeatable",
                                    NULL};
    DECL_OPEN(c, "inject", injects, LH_IDX_INJECT, bh_inject_def, f, x);
    x->has_at = get_dur(&c, "at", 0, &x->at);
    x->when = get_fn(&c, "when");
    if (x->has_at && x->when)
        DERR(&c, "has both 'at' and 'when': choose one (or neither, and fire it from an effect)");
    get_after(&c, x->when, &x->after);
    x->channel = (bh_channel)get_enum(&c, "channel", defs_parse_channel, defs_channel_list(), 1,
                                      CH_EMAIL);
    x->from = get_str(&c, "from", 0);
    x->title = get_str(&c, "title", 1);
    x->body = get_str(&c, "body", 0);
    x->source = get_source(&c, &x->ref);
    get_texts(&c, "discuss", &x->discuss);
    x->effect = get_fn(&c, "effect");
    get_bool(&c, "repeatable", &x->repeatable);
    return 0;
}

static int d_action(lua_State *L)
{
    dctx c;
    bh_action_def *a;
    static const char *const f[] = {"id", "kind", "label", "text", "team", "staff", "takes",
                                    "source", "ref", "func", "recommended", "available",
                                    "start", "cancel", "effect", "repeatable", NULL};
    DECL_OPEN(c, "action", actions, LH_IDX_ACTION, bh_action_def, f, a);
    a->team = -1;
    a->kind = (bh_kind)get_enum(&c, "kind", defs_parse_kind, defs_kind_list(), 1, KIND_CONTAIN);
    a->label = get_str(&c, "label", 1);
    a->text = get_str(&c, "text", 0);
    a->team_id = get_str(&c, "team", 1);
    a->staff = 1;
    get_int(&c, "staff", 0, 0, 100000, &a->staff);
    get_dur(&c, "takes", 1, &a->takes);
    a->source = get_source(&c, &a->ref);
    a->func = (bh_func)get_enum(&c, "func", defs_parse_func, defs_func_list(), 0, FUNC_NONE);
    get_bool(&c, "recommended", &a->recommended);
    a->available = get_fn(&c, "available");
    a->on_start = get_fn(&c, "start");
    a->on_cancel = get_fn(&c, "cancel");
    a->effect = get_fn(&c, "effect");
    get_bool(&c, "repeatable", &a->repeatable);
    return 0;
}

static void read_options(dctx *c, bh_decision_def *x)
{
    lua_State *L = c->L;
    int t = field(c, "options");
    if (t != LUA_TTABLE) {
        DERR(c, t == LUA_TNIL ? "missing field 'options'" : "field 'options' must be a list");
        lua_pop(L, 1);
        return;
    }
    int list = lua_gettop(L);
    size_t n = lua_rawlen(L, list);
    if (n < 2 || n > 12)
        DERR(c, "needs 2 to 12 options, not %zu", n);
    if (n > 12)
        n = 12;
    x->options = mem_calloc(n ? n : 1, sizeof *x->options);
    if (!x->options)
        lh_error(L, "out of memory while reading the declarations");
    for (size_t i = 1; i <= n; i++) {
        if (lua_rawgeti(L, list, (lua_Integer)i) != LUA_TTABLE) {
            DERR(c, "option %zu must be a table { id = ..., label = ... }", i);
            lua_pop(L, 1);
            continue;
        }
        dctx oc = *c;
        oc.t = lua_gettop(L);
        static const char *const f[] = {"id", "label", "text", "effect", "recommended", NULL};
        check_fields(&oc, oc.t, f, "option");
        bh_option_def *o = &x->options[x->noptions++];
        o->id = get_str(&oc, "id", 1);
        if (o->id && !valid_id(o->id))
            DERR(c, "option id '%.64s' must be letters, digits, '_', '-' or '.'", o->id);
        for (size_t k = 0; o->id && k + 1 < x->noptions; k++)
            if (x->options[k].id && strcmp(x->options[k].id, o->id) == 0)
                DERR(c, "duplicate option id '%s'", o->id);
        o->label = get_str(&oc, "label", 1);
        o->text = get_str(&oc, "text", 0);
        o->effect = get_fn(&oc, "effect");
        get_bool(&oc, "recommended", &o->recommended);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

static int d_decision(lua_State *L)
{
    dctx c;
    bh_decision_def *x;
    static const char *const f[] = {"id", "prompt", "from", "deadline", "default", "options",
                                    "at", "when", "after", "discuss", NULL};
    DECL_OPEN(c, "decision", decisions, LH_IDX_DECISION, bh_decision_def, f, x);
    x->prompt = get_str(&c, "prompt", 1);
    x->from = get_str(&c, "from", 0);
    if (get_dur(&c, "deadline", 1, &x->deadline) && x->deadline <= 0)
        DERR(&c, "field 'deadline' must be longer than zero");
    x->has_at = get_dur(&c, "at", 0, &x->at);
    x->when = get_fn(&c, "when");
    if (x->has_at && x->when)
        DERR(&c, "has both 'at' and 'when': choose one (or neither, and open it with w.open)");
    get_after(&c, x->when, &x->after);
    get_texts(&c, "discuss", &x->discuss);
    read_options(&c, x);
    char *def = get_str(&c, "default", 1);
    x->default_opt = -1;
    if (def && x->noptions) {
        x->default_opt = defs_option(x, def);
        if (x->default_opt < 0) {
            char hint[160];
            text_suggest(def, x->options, x->noptions, sizeof *x->options,
                         offsetof(bh_option_def, id), hint, sizeof hint);
            DERR(&c, "default '%s' is not one of its options%s", def, hint);
        }
    }
    free(def);
    return 0;
}

static int d_ending(lua_State *L)
{
    dctx c;
    bh_ending_def *x;
    static const char *const f[] = {"id", "title", "text", "when", "after", "fallback", "tone",
                                    NULL};
    DECL_OPEN(c, "ending", endings, LH_IDX_ENDING, bh_ending_def, f, x);
    x->title = get_str(&c, "title", 1);
    x->text = get_str(&c, "text", 0);
    x->when = get_fn(&c, "when");
    get_after(&c, x->when, &x->after);
    get_bool(&c, "fallback", &x->fallback);
    x->tone = (bh_tone)get_enum(&c, "tone", defs_parse_tone, "good, mixed, bad", 0, TONE_NONE);
    return 0;
}

static int d_every(lua_State *L)
{
    lh_host *h = lh_of(L);
    dctx c;
    memset(&c, 0, sizeof c);
    c.h = h;
    c.L = L;
    c.kind = "every";
    char src[256];
    lh_where(L, src, sizeof src, &c.loc.line);
    c.loc.file = defs_intern_file(&h->defs, src);
    if (!h->loading)
        return lh_error(L, "every() is only allowed while the scenario loads");
    if (++h->ndecls > LH_MAX_DECLS)
        return lh_error(L, "too many declarations (the limit is %d)", LH_MAX_DECLS);
    bh_time iv = 0;
    int ok = 0;
    if (lua_type(L, 1) == LUA_TSTRING)
        ok = dur_parse(lua_tostring(L, 1), &iv) == 0;
    else if (lua_type(L, 1) == LUA_TNUMBER)
        ok = dur_from_number(lua_tonumber(L, 1), &iv) == 0;
    if (!ok || iv < 1) {
        DERR(&c, "expects a duration of at least 1s first, as in every(\"1h\", function(w) ... end)");
        return 0;
    }
    if (lua_type(L, 2) != LUA_TFUNCTION) {
        DERR(&c, "expects a function second, as in every(\"1h\", function(w) ... end)");
        return 0;
    }
    lua_settop(L, 2);
    bh_every_def *e = PUSH_DEF(h, everys);
    if (!e)
        return lh_error(L, "out of memory while reading the declarations");
    e->interval = iv;
    e->fn = luaL_ref(L, LUA_REGISTRYINDEX);
    e->loc = c.loc;
    return 0;
}

void lh_decl_open(lh_host *h)
{
    for (int k = 0; k < LH_NIDX; k++) {
        lua_newtable(h->L);
        h->idx_ref[k] = luaL_ref(h->L, LUA_REGISTRYINDEX);
    }
    static const luaL_Reg fns[] = {
        {"scenario", d_scenario}, {"meter", d_meter},       {"system", d_system},
        {"team", d_team},         {"reference", d_reference}, {"inject", d_inject},
        {"action", d_action},     {"decision", d_decision}, {"ending", d_ending},
        {"every", d_every},       {NULL, NULL}};
    lua_pushglobaltable(h->L);
    luaL_setfuncs(h->L, fns, 0);
    lua_pop(h->L, 1);
}
