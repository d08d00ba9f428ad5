/* lh_order.c: the sandbox's replacements for table traversal and order.
 *
 * Stock pairs/next walk a table in an order that depends on a per-process
 * hash seed and on addresses, and stock table.sort picks pivots from the
 * clock when a partition goes badly. Scenarios must take the same path in
 * every run, so these give a fixed order: pairs and next visit booleans,
 * numbers, then strings, each sorted; table.sort is a stable merge sort.
 * Both charge their work to the budget up front. table.insert and
 * table.remove are replaced too: stock ones ask a __len for the length
 * twice (once for our charge, once to loop), and a __len that answers 1
 * then 2^40 sent them into a C loop nothing could stop. */
#include "script/lh_internal.h"

#include <stdlib.h>
#include <string.h>

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
    int64_t bytes = 0;
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pop(L, 1);
        int kt = lua_type(L, -1);
        if (kt != LUA_TBOOLEAN && kt != LUA_TNUMBER && kt != LUA_TSTRING)
            lh_error(L, "cannot iterate a table with %s keys in a repeatable order: keep "
                        "such values in a list and use ipairs", luaL_typename(L, -1));
        if (kt == LUA_TSTRING)
            bytes = lh_cost_add(bytes, (int64_t)lua_rawlen(L, -1));
        lua_pushvalue(L, -1);
        lua_rawseti(L, raw, ++n);
    }
    /* Sorting compares keys: n log n comparisons, each as long as the
     * keys' common prefix. Charge the keys' bytes once per level. */
    int64_t lg = 1;
    while (((lua_Integer)1 << lg) < n && lg < 62)
        lg++;
    lh_charge(L, lh_cost_add(lh_cost_mul(n, 8 * lg), lh_cost_mul(bytes / 8 + 1, lg)));
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

int lh_sb_next(lua_State *L)
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
        lua_pop(L, 2); /* removed during the traversal: skip it, and pay for it, or a
                        * next(t, k) over a table emptied behind k is O(n) a call for free */
        lh_charge(L, LH_ELEM_COST);
    }
}

int lh_sb_pairs(lua_State *L)
{
    luaL_checkany(L, 1);
    if (luaL_getmetafield(L, 1, "__pairs") != LUA_TNIL) {
        lua_pushvalue(L, 1);
        lua_call(L, 1, 3);
        return 3;
    }
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_pushcfunction(L, lh_sb_next);
    lua_pushvalue(L, 1);
    lua_pushnil(L);
    return 3;
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

int lh_sb_sort(lua_State *L)
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
    /* Each step compares and moves through the API: several calls. */
    lh_charge(L, n * lg * LH_ELEM_COST);
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

/* ---- table.insert and table.remove, with one length ---- */

/* Elements moved between lo and hi (lo < hi), plus one, in unsigned
 * arithmetic: a lying __len can put hi at maxinteger + 1 (which wraps)
 * and lo at mininteger, where the signed difference overflows. */
static int64_t shift_count(lua_Integer lo, lua_Integer hi)
{
    uint64_t n = (uint64_t)hi - (uint64_t)lo;
    return n >= (uint64_t)INT64_MAX ? INT64_MAX : (int64_t)n + 1;
}

int lh_sb_insert(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_Integer e = luaL_len(L, 1); /* asked once: what is charged is what runs */
    e = (lua_Integer)((lua_Unsigned)e + 1u); /* the first empty slot (wraps as stock) */
    lua_Integer pos;
    switch (lua_gettop(L)) {
    case 2:
        pos = e;
        lh_charge(L, 2);
        break;
    case 3:
        pos = luaL_checkinteger(L, 2);
        luaL_argcheck(L, (lua_Unsigned)pos - 1u < (lua_Unsigned)e, 2, "position out of bounds");
        lh_charge(L, lh_cost_mul(shift_count(pos, e), LH_ELEM_COST));
        for (lua_Integer i = e; i > pos; i--) {
            lua_geti(L, 1, i - 1);
            lua_seti(L, 1, i);
        }
        break;
    default:
        return luaL_error(L, "wrong number of arguments to 'insert'");
    }
    lua_seti(L, 1, pos);
    return 0;
}

int lh_sb_remove(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_Integer size = luaL_len(L, 1); /* asked once, as for insert */
    lua_Integer pos = luaL_optinteger(L, 2, size);
    if (pos != size)
        luaL_argcheck(L, (lua_Unsigned)pos - 1u <= (lua_Unsigned)size, 2,
                      "position out of bounds");
    lh_charge(L, pos < size ? lh_cost_mul(shift_count(pos, size), LH_ELEM_COST) : 2);
    lua_geti(L, 1, pos);
    for (; pos < size; pos++) {
        lua_geti(L, 1, pos + 1);
        lua_seti(L, 1, pos);
    }
    lua_pushnil(L);
    lua_seti(L, 1, pos);
    return 1;
}
