/* lh_lib.c: the libraries scenarios see.
 *
 * Stock base, string, table, math, utf8 and coroutine, with the unsafe
 * parts removed and replacements where stock behaviour would break the
 * sandbox or replay: C functions whose work grows with their input are
 * charged to the budget up front; pairs, next, tostring and string.format
 * give the same results in every process; math.random is the session's
 * generator; xpcall handlers and coroutines cannot outlive a spent budget. */
#include "script/lh_internal.h"

#include <lualib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "script/lh_pattern.h"


/* The length a table function will walk, before it walks it: a lying
 * __len or a huge index range would otherwise loop in C unseen. */
static int64_t range_len(lua_State *L, int lo_arg, int hi_arg, int64_t lo_default)
{
    lua_Integer lo = luaL_optinteger(L, lo_arg, lo_default);
    lua_Integer hi = lua_isnoneornil(L, hi_arg) ? luaL_len(L, 1) : luaL_checkinteger(L, hi_arg);
    if (hi < lo)
        return 0;
    return (int64_t)((uint64_t)hi - (uint64_t)lo) > INT64_MAX / 4 ? INT64_MAX / 4
                                                                   : hi - lo + 1;
}

enum { COST_ARGS, COST_LEN, COST_SORT, COST_MOVE, COST_UNPACK, COST_CONCAT };

/* Wrapper for library functions whose C work grows with their input:
 * charge the budget up front by the size of what they will touch, then
 * call the original (kept where error messages can still name it). */
static int charged(lua_State *L)
{
    int n = lua_gettop(L);
    int64_t cost = 1;
    for (int i = 1; i <= n; i++)
        if (lua_type(L, i) == LUA_TSTRING)
            cost += (int64_t)(lua_rawlen(L, i) / 16);
    switch ((int)lua_tointeger(L, lua_upvalueindex(2))) {
    case COST_LEN:
        if (lua_type(L, 1) == LUA_TTABLE)
            cost += (int64_t)luaL_len(L, 1);
        break;
    case COST_SORT:
        if (lua_type(L, 1) == LUA_TTABLE) {
            lua_Integer len = luaL_len(L, 1);
            int64_t lg = 1;
            while (len > 0 && ((lua_Integer)1 << lg) < len && lg < 62)
                lg++;
            cost += len > 0 ? (len > INT64_MAX / 64 ? INT64_MAX / 4 : (int64_t)len * lg) : 0;
        }
        break;
    case COST_MOVE:
        cost += range_len(L, 2, 3, 1);
        break;
    case COST_UNPACK: /* table.unpack(t, i, j) */
    case COST_CONCAT: { /* table.concat(t, sep, i, j) */
        int first = (int)lua_tointeger(L, lua_upvalueindex(3));
        if (lua_type(L, 1) == LUA_TTABLE)
            cost += range_len(L, first, first + 1, 1);
        break;
    }
    }
    lh_charge(L, cost);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, n, LUA_MULTRET);
    return lua_gettop(L);
}

/* Give scripts `name` as a copy of the library with its heavy functions
 * wrapped. The original table stays in package.loaded (unreachable from
 * scripts), where Lua's messages find names like 'table.insert'. Leaves
 * the public table on the stack. */
static void wrap_library(lua_State *L, int g, const char *name)
{
    static const struct { const char *lib, *fn; int kind, first_index_arg; } costs[] = {
        {"table", "insert", COST_LEN, 0},  {"table", "remove", COST_LEN, 0},
        {"table", "sort", COST_SORT, 0},   {"table", "move", COST_MOVE, 0},
        {"table", "unpack", COST_UNPACK, 2}, {"table", "concat", COST_CONCAT, 3},
        {NULL, NULL, 0, 0}};
    lua_getfield(L, g, name); /* the original */
    int orig = lua_gettop(L);
    lua_newtable(L);
    int pub = lua_gettop(L);
    lua_pushnil(L);
    while (lua_next(L, orig)) {
        const char *k = lua_tostring(L, -2);
        if (lua_tocfunction(L, -1)) {
            int kind = COST_ARGS, first = 0;
            for (int i = 0; costs[i].lib; i++)
                if (strcmp(costs[i].lib, name) == 0 && strcmp(costs[i].fn, k) == 0) {
                    kind = costs[i].kind;
                    first = costs[i].first_index_arg;
                }
            lua_pushinteger(L, kind);
            lua_pushinteger(L, first);
            lua_pushcclosure(L, charged, 3);
        }
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_rawset(L, pub);
    }
    lua_pushvalue(L, pub);
    lua_setfield(L, g, name);
    lua_remove(L, orig);
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

int lh_lib_open(lua_State *L)
{
    lh_host *h = lh_of(L);
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

    wrap_library(L, g, "table");
    wrap_library(L, g, "utf8");
    lua_pop(L, 2);
    wrap_library(L, g, "string");
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

