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

enum { COST_ARGS, COST_LEN, COST_MOVE, COST_UNPACK, COST_CONCAT };

/* Wrapper for library functions whose C work grows with their input:
 * charge the budget up front by the size of what they will touch, then
 * call the original (kept where error messages can still name it). */
static int charged(lua_State *L)
{
    int n = lua_gettop(L);
    int64_t cost = 1;
    for (int i = 1; i <= n; i++)
        if (lua_type(L, i) == LUA_TSTRING)
            cost += (int64_t)(lua_rawlen(L, i) / 4);
    switch ((int)lua_tointeger(L, lua_upvalueindex(2))) {
    case COST_LEN:
        if (lua_type(L, 1) == LUA_TTABLE)
            cost += (int64_t)luaL_len(L, 1);
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
        {"table", "move", COST_MOVE, 0}, /* sort is replaced whole: sb_sort */
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
    /* One copy per piece, so ("x"):rep(1e7) costs what it does. */
    lh_charge(L, (int64_t)n + (int64_t)(total / 4));
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
        lua_pushliteral(L, "__mode"); /* weak tables: what survives depends on GC timing */
        int weak = lua_rawget(L, 2) != LUA_TNIL;
        lua_pop(L, 1);
        if (weak)
            return lh_error(L, "weak tables (__mode) are not allowed in scenarios: what they "
                               "keep depends on garbage-collection timing");
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
        if (fmt[i] == 'q' && lua_type(L, arg) == LUA_TSTRING)
            lh_charge(L, (int64_t)lua_rawlen(L, arg)); /* escaped byte by byte */
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
    /* A print in a loop must not flood the facilitator's terminal. */
    lh_host *h = lh_of(L);
    if (h->prints < LH_MAX_PRINTS)
        fprintf(stderr, "%s:%d: print: %s\n", src, line, out);
    else if (h->prints == LH_MAX_PRINTS)
        fprintf(stderr, "%s:%d: print: (limit of %d lines reached; further output is dropped)\n",
                src, line, LH_MAX_PRINTS);
    h->prints++;
    return 0;
}

/* ---- pairs and next in a fixed order ----
 *
 * Lua's own traversal order depends on a per-process hash seed and on
 * addresses, so the same scenario could take different paths in two runs.
 * Here a traversal visits booleans, then numbers, then strings, each
 * sorted. The sorted keys are computed when a traversal starts (next(t) or
 * pairs(t)) and kept in a weak table, so each step is O(1). Keys that are
 * tables, functions or coroutines have no repeatable order, so iterating a
 * table that holds them is an error rather than a silent divergence. */

typedef struct sort_key {
    int type;
    lua_Integer i;
    lua_Number n;
    int isint;
    const char *s;
    size_t len;
    int slot;
} sort_key;

static int key_cmp(const void *pa, const void *pb)
{
    const sort_key *a = pa, *b = pb;
    if (a->type != b->type) /* boolean (1) < number (3) < string (4) */
        return a->type - b->type;
    switch (a->type) {
    case LUA_TBOOLEAN:
        return (int)a->i - (int)b->i;
    case LUA_TNUMBER:
        if (a->isint && b->isint)
            return a->i < b->i ? -1 : a->i > b->i;
        return a->n < b->n ? -1 : a->n > b->n;
    default: {
        size_t m = a->len < b->len ? a->len : b->len;
        int c = memcmp(a->s, b->s, m);
        return c ? c : (a->len < b->len ? -1 : a->len > b->len);
    }
    }
}

/* Build the traversal of table `t` (absolute index): a table with
 * keys = {k1..kn} in order and pos = {[k] = i}; stores it in the cache
 * and leaves it on the stack. */
static void build_order(lua_State *L, int t)
{
    lua_newtable(L); /* keys in raw order, to anchor strings while sorting */
    int raw = lua_gettop(L);
    lua_Integer n = 0;
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pop(L, 1);
        int kt = lua_type(L, -1);
        if (kt != LUA_TBOOLEAN && kt != LUA_TNUMBER && kt != LUA_TSTRING)
            lh_error(L, "cannot iterate a table with %s keys in a repeatable order: keep "
                        "such values in a list and use ipairs", luaL_typename(L, -1));
        lua_pushvalue(L, -1);
        lua_rawseti(L, raw, ++n);
    }
    lh_charge(L, n * 8 + 1);
    sort_key *keys = lua_newuserdatauv(L, (size_t)(n ? n : 1) * sizeof *keys, 0);
    for (lua_Integer k = 1; k <= n; k++) {
        sort_key *sk = &keys[k - 1];
        lua_rawgeti(L, raw, k);
        sk->type = lua_type(L, -1);
        sk->slot = (int)k;
        sk->isint = lua_isinteger(L, -1);
        sk->i = sk->type == LUA_TBOOLEAN ? lua_toboolean(L, -1) : lua_tointeger(L, -1);
        sk->n = sk->type == LUA_TNUMBER ? lua_tonumber(L, -1) : 0;
        sk->s = sk->type == LUA_TSTRING ? lua_tolstring(L, -1, &sk->len) : NULL;
        lua_pop(L, 1);
    }
    qsort(keys, (size_t)n, sizeof *keys, key_cmp);
    lua_createtable(L, 0, 2); /* the order */
    lua_createtable(L, (int)n, 0);
    lua_createtable(L, 0, (int)n);
    for (lua_Integer k = 1; k <= n; k++) {
        lua_rawgeti(L, raw, keys[k - 1].slot);
        lua_pushvalue(L, -1);
        lua_rawseti(L, -4, k);
        lua_pushinteger(L, k);
        lua_rawset(L, -3);
    }
    lua_setfield(L, -3, "pos");
    lua_setfield(L, -2, "keys");
    lua_getfield(L, LUA_REGISTRYINDEX, "bulkhead.order");
    lua_pushvalue(L, t);
    lua_pushvalue(L, -3);
    lua_rawset(L, -3);
    lua_pop(L, 1);
    lua_replace(L, raw); /* leave only the order */
    lua_settop(L, raw);
}

static int sb_next(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 2);
    lua_Integer i = 0;
    if (lua_isnil(L, 2)) {
        build_order(L, 1); /* 3 */
    } else {
        lua_getfield(L, LUA_REGISTRYINDEX, "bulkhead.order");
        lua_pushvalue(L, 1);
        lua_rawget(L, -2);
        lua_remove(L, -2);
        int found = 0;
        if (lua_istable(L, -1)) {
            lua_getfield(L, -1, "pos");
            lua_pushvalue(L, 2);
            lua_rawget(L, -2);
            found = lua_isinteger(L, -1);
            i = lua_tointeger(L, -1);
            lua_pop(L, 2);
        }
        if (!found) {
            /* next(t, k) without a traversal from next(t): start one. */
            lua_pop(L, 1);
            build_order(L, 1);
            lua_getfield(L, -1, "pos");
            lua_pushvalue(L, 2);
            lua_rawget(L, -2);
            if (!lua_isinteger(L, -1))
                return lh_error(L, "invalid key to 'next'");
            i = lua_tointeger(L, -1);
            lua_pop(L, 2);
        }
    }
    lua_getfield(L, 3, "keys");
    for (;;) {
        i++;
        if (lua_rawgeti(L, -1, i) == LUA_TNIL)
            return 1; /* nil: the end */
        lua_pushvalue(L, -1);
        lua_rawget(L, 1);
        if (!lua_isnil(L, -1))
            return 2;
        lua_pop(L, 2); /* removed during the traversal: skip it */
    }
}

static int sb_pairs(lua_State *L)
{
    luaL_checkany(L, 1);
    if (luaL_getmetafield(L, 1, "__pairs") != LUA_TNIL) {
        lua_pushvalue(L, 1);
        lua_call(L, 1, 3);
        return 3;
    }
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_pushcfunction(L, sb_next);
    lua_pushvalue(L, 1);
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

/* ---- table.sort ----
 *
 * Stock table.sort picks a pivot from clock() when a partition goes badly,
 * so the same input can come out in different orders on different runs.
 * This is a stable merge sort: same input, same order, always. */

static int sort_less(lua_State *L, int has_cmp, int a, int b)
{
    if (!has_cmp)
        return lua_compare(L, a, b, LUA_OPLT);
    lua_pushvalue(L, 2);
    lua_pushvalue(L, a);
    lua_pushvalue(L, b);
    lua_call(L, 2, 1);
    int r = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return r;
}

static int sb_sort(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    int has_cmp = !lua_isnoneornil(L, 2);
    if (has_cmp)
        luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_settop(L, 2);
    lua_Integer n = luaL_len(L, 1);
    if (n < 2)
        return 0;
    if (n > (1 << 24))
        return lh_error(L, "table.sort: the array is too big (%lld elements)", (long long)n);
    int64_t lg = 1;
    while (((lua_Integer)1 << lg) < n)
        lg++;
    lh_charge(L, n * lg);
    lua_createtable(L, (int)n, 0); /* 3: source run */
    lua_createtable(L, (int)n, 0); /* 4: destination run */
    for (lua_Integer i = 1; i <= n; i++) {
        lua_geti(L, 1, i);
        lua_rawseti(L, 3, i);
    }
    int src = 3, dst = 4;
    for (lua_Integer width = 1; width < n; width *= 2) {
        for (lua_Integer lo = 1; lo <= n; lo += 2 * width) {
            lua_Integer mid = lo + width, hi = lo + 2 * width;
            if (mid > n + 1)
                mid = n + 1;
            if (hi > n + 1)
                hi = n + 1;
            lua_Integer i = lo, j = mid, k = lo;
            while (i < mid && j < hi) {
                lua_rawgeti(L, src, j);
                lua_rawgeti(L, src, i);
                /* take the right element only if strictly less: stable */
                int right = sort_less(L, has_cmp, -2, -1);
                lua_pop(L, 1);
                if (right) {
                    lua_rawseti(L, dst, k++);
                    j++;
                } else {
                    lua_pop(L, 1);
                    lua_rawgeti(L, src, i++);
                    lua_rawseti(L, dst, k++);
                }
            }
            for (; i < mid; i++, k++) {
                lua_rawgeti(L, src, i);
                lua_rawseti(L, dst, k);
            }
            for (; j < hi; j++, k++) {
                lua_rawgeti(L, src, j);
                lua_rawseti(L, dst, k);
            }
        }
        int t = src;
        src = dst;
        dst = t;
    }
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, src, i);
        lua_seti(L, 1, i);
    }
    return 0;
}

/* ---- xpcall and coroutines under a spent budget ----
 *
 * The budget error is raised from inside the count hook, and Lua runs
 * whatever that error triggers next (an xpcall message handler; the
 * __close handlers of a coroutine it killed) with hooks still off. An
 * endless loop there could never be stopped. So message handlers are
 * skipped once the budget is spent, and a coroutine killed by the budget
 * is never closed: its __close handlers do not run. */

static int xpcall_handler(lua_State *L)
{
    if (lh_of(L)->budget.exceeded)
        return 1; /* pass the budget error through untouched */
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

static int finish_call(lua_State *L, int status, lua_KContext ctx)
{
    (void)status;
    (void)ctx;
    return lua_gettop(L);
}

static int sb_xpcall(lua_State *L)
{
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_pushvalue(L, 2);
    lua_pushcclosure(L, xpcall_handler, 1);
    lua_replace(L, 2);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_callk(L, lua_gettop(L) - 1, LUA_MULTRET, 0, finish_call);
    return lua_gettop(L);
}

static void poison(lua_State *L, int co)
{
    lua_getfield(L, LUA_REGISTRYINDEX, "bulkhead.poisoned");
    lua_pushvalue(L, co);
    lua_pushboolean(L, 1);
    lua_rawset(L, -3);
    lua_pop(L, 1);
}

static int poisoned(lua_State *L, int co)
{
    lua_getfield(L, LUA_REGISTRYINDEX, "bulkhead.poisoned");
    lua_pushvalue(L, co);
    int p = lua_rawget(L, -2) != LUA_TNIL;
    lua_pop(L, 2);
    return p;
}

static int sb_resume(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTHREAD);
    lua_pushvalue(L, 1);
    int co = lua_gettop(L); /* keep the thread while the original runs */
    lua_pushvalue(L, lua_upvalueindex(1));
    for (int i = 1; i < co; i++)
        lua_pushvalue(L, i);
    lua_call(L, co - 1, LUA_MULTRET);
    lh_host *h = lh_of(L);
    if (!lua_toboolean(L, co + 1) && h->budget.exceeded) {
        poison(L, co);
        lh_budget_error(L, h); /* the caller must not run on either */
    }
    return lua_gettop(L) - co;
}

static int sb_close(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTHREAD);
    if (poisoned(L, 1)) {
        lua_pushboolean(L, 0);
        lua_pushliteral(L, "the coroutine was stopped by the instruction budget");
        return 2;
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    return lua_gettop(L);
}

/* coroutine.wrap, built on the guarded resume and close. */
static int wrap_call(lua_State *L)
{
    int n = lua_gettop(L);
    lua_pushvalue(L, lua_upvalueindex(2)); /* resume */
    lua_pushvalue(L, lua_upvalueindex(1)); /* the coroutine */
    lua_rotate(L, 1, 2);
    lua_call(L, n + 1, LUA_MULTRET);
    if (lua_toboolean(L, 1))
        return lua_gettop(L) - 1;
    /* Failed: close it unless the budget killed it, then pass the error on. */
    lua_State *co = lua_tothread(L, lua_upvalueindex(1));
    lua_settop(L, 2);
    if (lua_status(co) != LUA_OK && lua_status(co) != LUA_YIELD) {
        lua_pushvalue(L, lua_upvalueindex(3)); /* close */
        lua_pushvalue(L, lua_upvalueindex(1));
        lua_call(L, 1, 0);
    }
    return lua_error(L);
}

static int sb_wrap(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TFUNCTION);
    lua_State *co = lua_newthread(L);
    lua_pushvalue(L, 1);
    lua_xmove(L, co, 1);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_pushvalue(L, lua_upvalueindex(2));
    lua_pushcclosure(L, wrap_call, 3);
    return 1;
}

/* A registry table with weak keys: its entries go when their key does.
 * Only the host makes these; scripts may not (setmetatable refuses __mode). */
static void registry_weak_table(lua_State *L, const char *name)
{
    lua_newtable(L);
    lua_createtable(L, 0, 1);
    lua_pushliteral(L, "k");
    lua_setfield(L, -2, "__mode");
    lua_setmetatable(L, -2);
    lua_setfield(L, LUA_REGISTRYINDEX, name);
}

static void guard_coroutines(lua_State *L, int g)
{
    registry_weak_table(L, "bulkhead.poisoned");
    lua_getfield(L, g, "coroutine");
    int co = lua_gettop(L);
    lua_getfield(L, co, "resume");
    lua_pushcclosure(L, sb_resume, 1);
    lua_pushvalue(L, -1);
    lua_setfield(L, co, "resume");
    lua_getfield(L, co, "close");
    lua_pushcclosure(L, sb_close, 1);
    lua_pushvalue(L, -1);
    lua_setfield(L, co, "close");
    lua_pushcclosure(L, sb_wrap, 2); /* upvalues: resume, close */
    lua_setfield(L, co, "wrap");
    lua_pop(L, 1);
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
    lua_pushcfunction(L, sb_next);
    lua_setfield(L, g, "next");
    registry_weak_table(L, "bulkhead.order"); /* traversal orders, forgotten with their table */
    lua_getfield(L, g, "xpcall");
    lua_pushcclosure(L, sb_xpcall, 1);
    lua_setfield(L, g, "xpcall");
    guard_coroutines(L, g);

    wrap_library(L, g, "table");
    lua_pushcfunction(L, sb_sort);
    lua_setfield(L, -2, "sort");
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

