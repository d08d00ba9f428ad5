/* lh_sandbox.c: the Lua state scenarios run in.
 *
 * Scenarios travel between workshops, so they are untrusted. The state has
 * only base (trimmed), string, table, math, utf8 and coroutine; a capped
 * allocator; a sticky instruction budget; guards on the C functions whose
 * work the count hook cannot see; and replacements for the base functions
 * whose behaviour would make replay unrepeatable (pairs order, tostring
 * addresses, math.random). */
#include "script/lh_internal.h"

#include <lualib.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "script/lh_pattern.h"

#define LH_HOOK_EVERY 1000 /* instructions between count-hook calls */

static void *lh_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    lh_host *h = ud;
    size_t old = ptr ? osize : 0; /* without ptr, osize tells the type, not a size */
    if (nsize == 0) {
        free(ptr);
        h->mem_used -= old;
        return NULL;
    }
    if (nsize > old && h->mem_used - old + nsize > h->opts.mem_limit) {
        /* Lua turns NULL into a memory error that carries no position, and
         * the count hook may not have run yet (a few `s = s .. s` suffice).
         * Reading the call stack allocates nothing, so note the line now. */
        if (h->L && !h->closing) {
            char src[256];
            int line = 0;
            lh_where(h->L, src, sizeof src, &line);
            if (line > 0) {
                snprintf(h->pos_src, sizeof h->pos_src, "%s", src);
                h->pos_line = line;
            }
        }
        return NULL;
    }
    void *p = realloc(ptr, nsize);
    if (!p)
        return NULL;
    h->mem_used = h->mem_used - old + nsize;
    if (h->mem_used > h->mem_peak)
        h->mem_peak = h->mem_used;
    return p;
}

void lh_where(lua_State *L, char *src, size_t n, int *line)
{
    lua_Debug ar;
    for (int level = 0; lua_getstack(L, level, &ar); level++) {
        if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
            snprintf(src, n, "%s", ar.short_src);
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

/* The count hook: charges the budget and remembers where the code is, so a
 * memory error (which carries no position) can still name a line. Once the
 * budget is spent it raises on every instruction, in every thread, until the
 * host resets it: a scenario's pcall can catch the error but not continue. */
static void count_hook(lua_State *L, lua_Debug *ar)
{
    lh_host *h = lh_of(L);
    /* A coroutine left in per-instruction mode by an earlier, spent call
     * goes back to the normal rate once the budget is fresh. */
    if (!h->budget.exceeded && lua_gethookcount(L) != LH_HOOK_EVERY)
        lua_sethook(L, count_hook, LUA_MASKCOUNT, LH_HOOK_EVERY);
    if (lua_getinfo(L, "Sl", ar) && ar->currentline > 0) {
        snprintf(h->pos_src, sizeof h->pos_src, "%s", ar->short_src);
        h->pos_line = ar->currentline;
    }
    if (h->budget.exceeded || lh_budget_charge(&h->budget, LH_HOOK_EVERY)) {
        lua_sethook(L, count_hook, LUA_MASKCOUNT, 1);
        lh_error(L, "instruction budget exceeded (%lld million instructions in one call): "
                    "is there an endless loop?",
                 (long long)(h->budget.limit / 1000000));
    }
}

/* ---- replacements for unsafe or unrepeatable functions ---- */

static int sb_rep(lua_State *L)
{
    lh_host *h = lh_of(L);
    size_t len, lsep = 0;
    const char *s = luaL_checklstring(L, 1, &len);
    lua_Integer n = luaL_checkinteger(L, 2);
    const char *sep = luaL_optlstring(L, 3, "", &lsep);
    if (n <= 0 || (len == 0 && lsep == 0)) {
        lua_pushliteral(L, "");
        return 1;
    }
    /* Compute the size in floating point first: n * len can overflow. */
    double total = (double)n * (double)len + (double)(n - 1) * (double)lsep;
    if (total > (double)LH_REP_MAX)
        return lh_error(L, "string.rep: a result of %.0f bytes is over the limit (%zu MiB)",
                        total, LH_REP_MAX >> 20);
    if (h->mem_used + (size_t)total > h->opts.mem_limit)
        return lh_error(L, "memory limit exceeded: the scenario holds more than %zu MiB",
                        h->opts.mem_limit >> 20);
    if (lh_budget_charge(&h->budget, (int64_t)(total / 16)))
        return lh_error(L, "string.rep: instruction budget exceeded");
    luaL_Buffer b;
    char *p = luaL_buffinitsize(L, &b, (size_t)total);
    for (lua_Integer i = 0; i < n; i++) {
        memcpy(p, s, len);
        p += len;
        if (i + 1 < n && lsep) {
            memcpy(p, sep, lsep);
            p += lsep;
        }
    }
    luaL_pushresultsize(&b, (size_t)total);
    return 1;
}

static int sb_setmetatable(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    if (!lua_isnoneornil(L, 2)) {
        luaL_checktype(L, 2, LUA_TTABLE);
        /* Finalizers run with hooks off, outside any budget: refuse them. */
        lua_pushliteral(L, "__gc"); /* raw, as Lua itself looks it up */
        lua_rawget(L, 2);
        int has_gc = !lua_isnil(L, -1);
        lua_pop(L, 1);
        if (has_gc)
            return lh_error(L, "__gc metamethods are not allowed in scenarios");
    }
    lua_settop(L, 2);
    if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL)
        return lh_error(L, "cannot change a protected metatable");
    lua_setmetatable(L, 1);
    return 1;
}

/* tostring without addresses: "table: 0x55d..." differs between runs. */
static int sb_tostring(lua_State *L)
{
    luaL_checkany(L, 1);
    int t = lua_type(L, 1);
    if ((t == LUA_TTABLE || t == LUA_TFUNCTION || t == LUA_TTHREAD || t == LUA_TUSERDATA ||
         t == LUA_TLIGHTUSERDATA) &&
        luaL_getmetafield(L, 1, "__tostring") == LUA_TNIL) {
        lua_pushstring(L, lua_typename(L, t));
        return 1;
    }
    lua_settop(L, 1);
    luaL_tolstring(L, 1, NULL);
    return 1;
}

/* string.format, minus addresses: %p and %s of a table print a pointer,
 * which differs between runs. %s goes through the sandbox's tostring. */
static int sb_format(lua_State *L)
{
    size_t len;
    const char *fmt = luaL_checklstring(L, 1, &len);
    int arg = 1;
    for (size_t i = 0; i < len; i++) {
        if (fmt[i] != '%')
            continue;
        if (++i < len && fmt[i] == '%')
            continue;
        while (i < len && strchr("-+ #0123456789.", fmt[i]))
            i++;
        if (i >= len)
            break; /* the original reports the malformed spec */
        arg++;
        if (fmt[i] == 'p')
            return lh_error(L, "string.format: '%%p' is not available (addresses differ "
                               "between runs)");
        if (fmt[i] == 's' && arg <= lua_gettop(L)) {
            lua_pushcfunction(L, sb_tostring);
            lua_pushvalue(L, arg);
            lua_call(L, 1, 1);
            lua_replace(L, arg);
        }
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

static int sb_print(lua_State *L)
{
    char src[256], out[1024];
    int line, n = lua_gettop(L);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (int i = 1; i <= n; i++) {
        lua_pushcfunction(L, sb_tostring);
        lua_pushvalue(L, i);
        lua_call(L, 1, 1);
        if (i > 1)
            luaL_addchar(&b, '\t');
        luaL_addvalue(&b);
    }
    luaL_pushresult(&b);
    size_t len;
    const char *s = lua_tolstring(L, -1, &len);
    text_sanitize(s, len, out, sizeof out);
    lh_where(L, src, sizeof src, &line);
    fprintf(stderr, "%s:%d: print: %s\n", src, line, out);
    return 0;
}

typedef struct sort_key {
    int type;
    lua_Integer i;
    lua_Number n;
    int isint;
    const char *s;
    size_t len;
    int slot;
} sort_key;

static int key_rank(int type)
{
    return type == LUA_TBOOLEAN ? 0 : type == LUA_TNUMBER ? 1 : type == LUA_TSTRING ? 2 : 3;
}

static int key_cmp(const void *pa, const void *pb)
{
    const sort_key *a = pa, *b = pb;
    int ra = key_rank(a->type), rb = key_rank(b->type);
    if (ra != rb)
        return ra - rb;
    switch (a->type) {
    case LUA_TBOOLEAN:
        return (int)a->i - (int)b->i;
    case LUA_TNUMBER:
        if (a->isint && b->isint)
            return a->i < b->i ? -1 : a->i > b->i;
        return a->n < b->n ? -1 : a->n > b->n;
    case LUA_TSTRING: {
        size_t m = a->len < b->len ? a->len : b->len;
        int c = memcmp(a->s, b->s, m);
        return c ? c : (a->len < b->len ? -1 : a->len > b->len);
    }
    default:
        return a->slot - b->slot; /* tables as keys: no stable order exists */
    }
}

static int pairs_step(lua_State *L)
{
    lua_Integer i = lua_tointeger(L, lua_upvalueindex(3));
    for (;;) {
        i++;
        if (lua_rawgeti(L, lua_upvalueindex(2), i) == LUA_TNIL)
            return 0;
        lua_pushvalue(L, -1);
        lua_rawget(L, lua_upvalueindex(1));
        if (!lua_isnil(L, -1)) {
            lua_pushinteger(L, i);
            lua_replace(L, lua_upvalueindex(3));
            return 2;
        }
        lua_pop(L, 2); /* removed during the loop: skip it */
    }
}

/* pairs in a fixed order (booleans, numbers, strings), because Lua's own
 * order depends on a per-process hash seed and addresses. */
static int sb_pairs(lua_State *L)
{
    luaL_checkany(L, 1);
    if (luaL_getmetafield(L, 1, "__pairs") != LUA_TNIL) {
        lua_pushvalue(L, 1);
        lua_call(L, 1, 3);
        return 3;
    }
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    lua_newtable(L); /* 2: keys in table order */
    lua_Integer n = 0;
    lua_pushnil(L);
    while (lua_next(L, 1)) {
        lua_pop(L, 1);
        lua_pushvalue(L, -1);
        lua_rawseti(L, 2, ++n);
    }
    lh_host *h = lh_of(L);
    if (lh_budget_charge(&h->budget, n * 4))
        return lh_error(L, "instruction budget exceeded");
    sort_key *keys = lua_newuserdatauv(L, (size_t)(n ? n : 1) * sizeof *keys, 0); /* 3 */
    for (lua_Integer k = 1; k <= n; k++) {
        sort_key *sk = &keys[k - 1];
        lua_rawgeti(L, 2, k);
        sk->type = lua_type(L, -1);
        sk->slot = (int)k;
        sk->isint = lua_isinteger(L, -1);
        sk->i = sk->type == LUA_TBOOLEAN ? lua_toboolean(L, -1) : lua_tointeger(L, -1);
        sk->n = sk->type == LUA_TNUMBER ? lua_tonumber(L, -1) : 0;
        sk->s = sk->type == LUA_TSTRING ? lua_tolstring(L, -1, &sk->len) : NULL; /* anchored in 2 */
        lua_pop(L, 1);
    }
    qsort(keys, (size_t)n, sizeof *keys, key_cmp);
    lua_createtable(L, (int)n, 0); /* 4: keys in sorted order */
    for (lua_Integer k = 1; k <= n; k++) {
        lua_rawgeti(L, 2, keys[k - 1].slot);
        lua_rawseti(L, 4, k);
    }
    lua_pushvalue(L, 1);
    lua_pushvalue(L, 4);
    lua_pushinteger(L, 0);
    lua_pushcclosure(L, pairs_step, 3);
    lua_pushnil(L);
    lua_pushnil(L);
    return 3;
}

static int sb_random(lua_State *L)
{
    lh_host *h = lh_of(L);
    if (!h->sim)
        return lh_error(L, "math.random cannot be used while the scenario loads: "
                           "draw inside an effect, where the session's seed drives it");
    bh_err e;
    bh_rng *r = sim_rng(h->sim, &e);
    if (!r)
        return lh_error(L, "%s", e.msg);
    lua_Integer lo, hi;
    switch (lua_gettop(L)) {
    case 0:
        lua_pushnumber(L, (lua_Number)rng_unit(r));
        return 1;
    case 1:
        lo = 1;
        hi = luaL_checkinteger(L, 1);
        break;
    case 2:
        lo = luaL_checkinteger(L, 1);
        hi = luaL_checkinteger(L, 2);
        break;
    default:
        return lh_error(L, "wrong number of arguments to random");
    }
    if (lo > hi)
        return lh_error(L, "random: the interval is empty (%lld > %lld)", (long long)lo,
                        (long long)hi);
    lua_pushinteger(L, (lua_Integer)rng_range(r, lo, hi));
    return 1;
}

static int sb_randomseed(lua_State *L)
{
    return lh_error(L, "math.randomseed is not available: the session's seed drives "
                       "math.random, so replays repeat exactly");
}

static void set_nil(lua_State *L, int table, const char *name)
{
    lua_pushnil(L);
    lua_setfield(L, table, name);
}

static int sandbox_init(lua_State *L)
{
    lh_host *h = lua_touserdata(L, 1);
    static const luaL_Reg libs[] = {
        {LUA_GNAME, luaopen_base},         {LUA_STRLIBNAME, luaopen_string},
        {LUA_TABLIBNAME, luaopen_table},   {LUA_MATHLIBNAME, luaopen_math},
        {LUA_UTF8LIBNAME, luaopen_utf8},   {LUA_COLIBNAME, luaopen_coroutine},
        {NULL, NULL}};
    for (const luaL_Reg *l = libs; l->func; l++) {
        luaL_requiref(L, l->name, l->func, 1);
        lua_pop(L, 1);
    }
    lua_pushglobaltable(L);
    int g = lua_gettop(L);
    static const char *const removed[] = {"dofile", "loadfile", "load", "require",
                                          "collectgarbage", "loadstring", "warn", NULL};
    for (const char *const *r = removed; *r; r++)
        set_nil(L, g, *r);
    lua_pushcfunction(L, sb_setmetatable);
    lua_setfield(L, g, "setmetatable");
    lua_pushcfunction(L, sb_tostring);
    lua_setfield(L, g, "tostring");
    lua_pushcfunction(L, sb_print);
    lua_setfield(L, g, "print");
    lua_pushcfunction(L, sb_pairs);
    lua_setfield(L, g, "pairs");

    lua_getfield(L, g, "string");
    int str = lua_gettop(L);
    set_nil(L, str, "dump");
    lua_pushcfunction(L, sb_rep);
    lua_setfield(L, str, "rep");
    lua_getfield(L, str, "format");
    lua_pushcclosure(L, sb_format, 1);
    lua_setfield(L, str, "format");
    lhp_open(L, str, &h->budget);
    /* Point string methods at the guarded table and hide the metatable, so
     * getmetatable("").__index cannot hand out or replace the originals. */
    lua_pushliteral(L, "");
    lua_getmetatable(L, -1);
    lua_pushvalue(L, str);
    lua_setfield(L, -2, "__index");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 3);

    lua_getfield(L, g, "math");
    lua_pushcfunction(L, sb_random);
    lua_setfield(L, -2, "random");
    lua_pushcfunction(L, sb_randomseed);
    lua_setfield(L, -2, "randomseed");
    lua_pop(L, 2);
    return 0;
}

static int panic(lua_State *L)
{
    /* Every call into scenario code is protected; reaching here is a bug in
     * the host, not something a scenario can cause. */
    const char *m = lua_tostring(L, -1);
    fprintf(stderr, "bulkhead: internal error: unprotected Lua error: %s\n", m ? m : "?");
    abort();
}

lua_State *lh_sandbox_new(lh_host *h)
{
    lua_State *L = lua_newstate(lh_alloc, h);
    if (!L)
        return NULL;
    *(lh_host **)lua_getextraspace(L) = h;
    lua_atpanic(L, panic);
    lua_pushcfunction(L, sandbox_init);
    lua_pushlightuserdata(L, h);
    if (lua_pcall(L, 1, 0, 0) != LUA_OK) {
        lua_close(L);
        return NULL;
    }
    lua_sethook(L, count_hook, LUA_MASKCOUNT, LH_HOOK_EVERY);
    return L;
}

/* The message handler: keeps the message (with a location even when the
 * scenario raised a bare value) and captures the traceback. It never calls
 * __tostring on error objects: that would run scenario code while handling
 * its own error. */
static int msgh(lua_State *L)
{
    lh_host *h = lh_of(L);
    char src[256], clean[1100];
    int line;
    size_t len = 0;
    const char *msg;
    int t = lua_type(L, 1);
    if (t == LUA_TSTRING || t == LUA_TNUMBER) {
        msg = lua_tolstring(L, 1, &len);
    } else {
        msg = lua_pushfstring(L, "error object is a %s value", luaL_typename(L, 1));
        len = strlen(msg);
    }
    text_sanitize(msg, len, clean, sizeof clean - 60);
    if (len > sizeof clean - 60)
        snprintf(clean + strlen(clean), 60, "... (%zu bytes)", len);
    /* "file:line: ..." already? Otherwise locate it at the raising frame. */
    const char *p = clean;
    while (*p && *p != ':' && *p != '\n')
        p++;
    int located = 0;
    if (*p == ':' && p[1] >= '0' && p[1] <= '9') {
        const char *q = p + 1;
        while (*q >= '0' && *q <= '9')
            q++;
        located = *q == ':';
    }
    if (located) {
        lua_pushstring(L, clean);
    } else {
        lh_where(L, src, sizeof src, &line);
        lua_pushfstring(L, "%s:%d: %s", src, line, clean);
    }
    luaL_traceback(L, L, NULL, 1);
    snprintf(h->trace, sizeof h->trace, "%s", lua_tostring(L, -1));
    lua_pop(L, 1);
    return 1;
}

/* Split "file:line: message" into the error struct. */
static void split_message(const char *s, const char *fallback_file, bh_err *err)
{
    const char *p = s;
    while ((p = strchr(p, ':')) != NULL) {
        const char *q = p + 1;
        if (*q >= '0' && *q <= '9') {
            int line = atoi(q);
            while (*q >= '0' && *q <= '9')
                q++;
            if (*q == ':') {
                char file[512];
                snprintf(file, sizeof file, "%.*s", (int)(p - s), s);
                q++;
                while (*q == ' ')
                    q++;
                err_set(err, BH_ESCRIPT, file, line, "%s", q);
                return;
            }
        }
        p++;
    }
    err_set(err, BH_ESCRIPT, fallback_file, 0, "%s", s);
}

int lh_pcall(lh_host *h, int nargs, int nres, int64_t budget, const char *what, bh_err *err)
{
    lua_State *L = h->L;
    int base = lua_gettop(L) - nargs;
    lua_pushcfunction(L, msgh);
    lua_insert(L, base);
    lh_budget_reset(&h->budget, budget);
    lua_sethook(L, count_hook, LUA_MASKCOUNT, LH_HOOK_EVERY);
    h->trace[0] = '\0';
    h->pos_src[0] = '\0';
    h->pos_line = 0;
    int st = lua_pcall(L, nargs, nres, base);
    lua_sethook(L, count_hook, LUA_MASKCOUNT, LH_HOOK_EVERY);
    if (st == LUA_OK) {
        lua_remove(L, base);
        return 0;
    }
    if (st == LUA_ERRMEM) {
        err_set(err, BH_ESCRIPT, h->pos_src[0] ? h->pos_src : h->path, h->pos_line,
                "memory limit exceeded: the scenario holds more than %zu MiB",
                h->opts.mem_limit >> 20);
    } else if (st == LUA_ERRERR) {
        err_set(err, BH_ESCRIPT, h->pos_src[0] ? h->pos_src : h->path, h->pos_line,
                "error while handling an error (out of memory or budget?)");
    } else {
        const char *m = lua_tostring(L, -1);
        split_message(m ? m : "unknown error", h->path, err);
        snprintf(err->trace, sizeof err->trace, "%s", h->trace);
    }
    if (what && what[0]) {
        char ctx[1100];
        snprintf(ctx, sizeof ctx, "while running the %s", what);
        size_t used = strlen(err->trace);
        if (used + strlen(ctx) + 2 < sizeof err->trace) {
            memmove(err->trace + strlen(ctx) + 1, err->trace, used + 1);
            memcpy(err->trace, ctx, strlen(ctx));
            err->trace[strlen(ctx)] = '\n';
        }
    }
    lua_settop(L, base - 1);
    /* A failed call must not leave the next one with a spent budget. */
    lh_budget_reset(&h->budget, h->opts.hook_budget);
    return -1;
}

int lh_loadfile(lh_host *h, const char *path, const char *display, bh_err *err)
{
    char *text = NULL;
    size_t len = 0;
    if (text_read_file(path, LH_MAX_SOURCE_BYTES, &text, &len, err) != BH_OK) {
        snprintf(err->file, sizeof err->file, "%s", display);
        if (err->line == 0)
            err->line = 1;
        return -1;
    }
    size_t bad;
    if (!text_valid_utf8(text, len, &bad)) {
        int line = 1;
        for (size_t i = 0; i < bad; i++)
            line += text[i] == '\n';
        err_set(err, BH_ESCRIPT, display, line,
                "invalid UTF-8 (byte 0x%02X): save the file as UTF-8",
                (unsigned char)text[bad]);
        free(text);
        return -1;
    }
    char chunk[600];
    snprintf(chunk, sizeof chunk, "@%s", display);
    int st = luaL_loadbufferx(h->L, text, len, chunk, "t");
    free(text);
    if (st != LUA_OK) {
        const char *m = lua_tostring(h->L, -1);
        if (st == LUA_ERRMEM)
            err_set(err, BH_ESCRIPT, display, 1, "memory limit exceeded while parsing");
        else
            split_message(m ? m : "cannot load", display, err);
        lua_pop(h->L, 1);
        return -1;
    }
    return 0;
}
