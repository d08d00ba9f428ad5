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
#include <math.h>
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
    /* In unsigned arithmetic: maxinteger - mininteger overflows a signed one. */
    uint64_t n = (uint64_t)hi - (uint64_t)lo;
    return n >= (uint64_t)INT64_MAX ? INT64_MAX : (int64_t)n + 1;
}

enum { COST_ARGS, COST_MOVE, COST_UNPACK, COST_CONCAT };

/* Wrapper for library functions whose C work grows with their input:
 * charge the budget up front by the size of what they will touch, then
 * call the original (kept where error messages can still name it). */
static int charged(lua_State *L)
{
    int n = lua_gettop(L);
    /* Four units per argument: a call with a million of them (select('#',
     * table.unpack(t))) copies them all. Sums saturate and never go
     * negative, so no argument can refill the budget. */
    int64_t cost = 1 + 4 * (int64_t)n;
    for (int i = 1; i <= n; i++)
        if (lua_type(L, i) == LUA_TSTRING)
            cost = lh_cost_add(cost, (int64_t)(lua_rawlen(L, i) / 4));
    /* Per element, what the C loop does costs about as much as this many
     * instructions: a get and a set through the API for a move or a
     * concatenation; a push for an unpack. */
    int kind = (int)lua_tointeger(L, lua_upvalueindex(2));
    switch (kind) {
    case COST_MOVE:
        cost = lh_cost_add(cost, lh_cost_mul(range_len(L, 2, 3, 1), LH_ELEM_COST));
        break;
    case COST_UNPACK: /* table.unpack(t, i, j) */
    case COST_CONCAT: { /* table.concat(t, sep, i, j) */
        int first = (int)lua_tointeger(L, lua_upvalueindex(3));
        if (lua_type(L, 1) == LUA_TTABLE)
            cost = lh_cost_add(cost, lh_cost_mul(range_len(L, first, first + 1, 1),
                                                 kind == COST_UNPACK ? 4 : LH_ELEM_COST));
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
        /* insert, remove and sort are replaced whole (lh_order.c) */
        {"table", "move", COST_MOVE, 0},
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

/* tostring without addresses: "table: 0x55d..." differs between runs. */
static int sb_tostring(lua_State *L)
{
    luaL_checkany(L, 1);
    int t = lua_type(L, 1);
    if ((t == LUA_TTABLE || t == LUA_TFUNCTION || t == LUA_TTHREAD || t == LUA_TUSERDATA ||
         t == LUA_TLIGHTUSERDATA) &&
        luaL_getmetafield(L, 1, "__tostring") == LUA_TNIL) {
        lh_pushstr(L, lua_typename(L, t));
        return 1;
    }
    lua_settop(L, 1);
    luaL_tolstring(L, 1, NULL);
    return 1;
}

/* Printing a double is multi-precision arithmetic in the C library: each
 * digit of precision costs a division, and "%f" of 1e308 writes all 309
 * digits of the integer part. Charged per digit it will produce. */
static int64_t float_cost(char conv, double x, int64_t prec)
{
    int64_t digits = prec;
    if ((conv == 'f' || conv == 'F') && isfinite(x) && fabs(x) >= 10.0)
        digits += (int64_t)log10(fabs(x));
    return digits * LH_FORMAT_DIGIT_COST;
}

/* string.format, minus addresses: %p and %s of a table print a pointer,
 * which differs between runs. %s goes through the sandbox's tostring. */
static int sb_format(lua_State *L)
{
    size_t len;
    const char *fmt = luaL_checklstring(L, 1, &len);
    int arg = 1;
    /* Each conversion is a snprintf call in C, and a width or precision
     * can turn four bytes of format into 99 of output: charge both, so a
     * flood of "%99d" stops on the budget, not on the clock. */
    int64_t cost = 0;
    for (size_t i = 0; i < len; i++) {
        if (fmt[i] != '%')
            continue;
        if (++i < len && fmt[i] == '%')
            continue;
        int64_t width = 0, prec = 0, *digits = &width;
        while (i < len && strchr("-+ #0123456789.", fmt[i])) {
            if (fmt[i] == '.')
                digits = &prec;
            else if (fmt[i] >= '0' && fmt[i] <= '9' && *digits < 1000000)
                *digits = *digits * 10 + (fmt[i] - '0');
            i++;
        }
        if (i >= len)
            break; /* the original reports the malformed spec */
        arg++;
        cost = lh_cost_add(cost, LH_FORMAT_SPEC_COST + (width + prec) / 4);
        if (strchr("aAeEfFgG", fmt[i]) && lua_type(L, arg) == LUA_TNUMBER)
            cost = lh_cost_add(cost, float_cost(fmt[i], lua_tonumber(L, arg), prec));
        if (fmt[i] == 'p')
            return lh_error(L, "string.format: '%%p' is not available (addresses differ "
                               "between runs)");
        if (fmt[i] == 'q' && lua_type(L, arg) == LUA_TSTRING)
            /* escaped byte by byte, with an snprintf for each control byte */
            cost = lh_cost_add(cost, lh_cost_mul((int64_t)lua_rawlen(L, arg), 16));
        if (fmt[i] == 's' && arg <= lua_gettop(L)) {
            lua_pushcfunction(L, sb_tostring);
            lua_pushvalue(L, arg);
            lua_call(L, 1, 1);
            lua_replace(L, arg);
            cost = lh_cost_add(cost, (int64_t)(lua_rawlen(L, arg) / 4));
        }
    }
    lh_charge(L, cost);
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
    /* Building and cleaning the line is C work, dropped lines too. */
    lh_charge(L, 16 + (int64_t)len);
    text_sanitize(s, len, out, sizeof out);
    /* One line per print: a newline in the text must not start a line
     * that looks like "other.lua:1: error: ..." to whoever reads it. */
    for (char *c = out; *c; c++)
        if (*c == '\n')
            *c = ' ';
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
    lh_meta_open(L, g);
    /* select returns what it was given, tonumber scans its string: charge
     * by the count and the length, like the libraries' heavy functions. */
    static const char *const base_charged[] = {"select", "tonumber", NULL};
    for (const char *const *f = base_charged; *f; f++) {
        lua_getfield(L, g, *f);
        lua_pushinteger(L, COST_ARGS);
        lua_pushinteger(L, 0);
        lua_pushcclosure(L, charged, 3);
        lua_setfield(L, g, *f);
    }
    lua_pushcfunction(L, sb_tostring);
    lua_setfield(L, g, "tostring");
    lua_pushcfunction(L, sb_print);
    lua_setfield(L, g, "print");
    lua_pushcfunction(L, lh_sb_pairs);
    lua_setfield(L, g, "pairs");
    lua_pushcfunction(L, lh_sb_next);
    lua_setfield(L, g, "next");
    lh_weak_registry(L, "bulkhead.order"); /* traversal orders, forgotten with their table */
    lh_guard_calls(L, g);

    wrap_library(L, g, "table");
    lua_pushcfunction(L, lh_sb_sort);
    lua_setfield(L, -2, "sort");
    lua_pushcfunction(L, lh_sb_insert);
    lua_setfield(L, -2, "insert");
    lua_pushcfunction(L, lh_sb_remove);
    lua_setfield(L, -2, "remove");
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
    /* Arithmetic on strings ("4" + 1) converts them in these metamethods,
     * scanning the whole string in one instruction: charge by length. */
    static const char *const arith[] = {"__add", "__sub", "__mul", "__div", "__mod", "__pow",
                                        "__unm", "__idiv", NULL};
    for (const char *const *a = arith; *a; a++)
        if (lua_getfield(L, -1, *a) == LUA_TFUNCTION) {
            lua_pushinteger(L, COST_ARGS);
            lua_pushinteger(L, 0);
            lua_pushcclosure(L, charged, 3);
            lua_setfield(L, -2, *a);
        } else {
            lua_pop(L, 1);
        }
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

