/* lh_meta.c: setmetatable and getmetatable for scenarios, sealed.
 *
 * Metamethod chains run inside single instructions, where no instruction
 * budget sees them: a __call that is a table is followed for ever by Lua
 * 5.4.4, and __index/__newindex tables are walked up to 2,000 steps per
 * access. Sealing each metatable when it is set (a private copy) makes
 * every chain's shape known at that moment, so it can be bounded there:
 * __call must be a function, and index chains are short and loop-free. */
#include "script/lh_internal.h"

/* ---- sealed metatables ----
 *
 * A chain of __call tables (mt.__call = t, where t's metatable is mt) runs
 * no Lua instruction, so no instruction budget can stop it, and Debian's
 * liblua 5.4.4 follows it for ever. The chain can be closed after
 * setmetatable returns (mt.__call = t), so checking there is not enough.
 * So setmetatable installs a copy of the table it is given, which scripts
 * never see, and __call must be a function: a chain is at most one step.
 * getmetatable hands back the table the script gave (or its __metatable
 * field, as stock Lua does); changing that table later does not change
 * the object's behaviour. Keys of this registry table are the sealed
 * copies, values the scripts' originals; weak keys, so they go together. */
#define SEALED "bulkhead.sealed"

/* Lua follows an __index (or __newindex) that is a table to that table's
 * own metatable, up to 2,000 steps inside one instruction. Sealing fixes
 * each step, so the length of a chain is known when it is made, and is
 * capped here. A chain grows at its top (a new table pointing at one that
 * exists) or at its bottom (the last table given a metatable of its own);
 * the bottom is closed by refusing a chaining metatable to a table that is
 * already some chain's target. Targets are kept in a weak-keyed set. */
#define TARGETS "bulkhead.targets"
#define LH_MAX_CHAIN 10

static const char *const chain_keys[] = {"__index", "__newindex", NULL};

static void check_chains(lua_State *L) /* table at 1, metatable at 2 */
{
    for (const char *const *k = chain_keys; *k; k++) {
        if (lua_getfield(L, 2, *k) == LUA_TTABLE) { /* raw: 2 has no metatable we gave */
            lua_getfield(L, LUA_REGISTRYINDEX, TARGETS);
            lua_pushvalue(L, 1);
            int target = lua_rawget(L, -2) != LUA_TNIL;
            lua_pop(L, 2);
            if (target)
                lh_error(L, "this table is already the %s of another metatable: give it its own "
                            "metatable first, then point others at it",
                         *k);
            for (int steps = 1; lua_istable(L, -1); steps++) {
                if (lua_rawequal(L, -1, 1))
                    lh_error(L, "%s would lead back to the table itself (a loop)", *k);
                if (steps > LH_MAX_CHAIN)
                    lh_error(L, "%s chains may be at most %d tables deep", *k, LH_MAX_CHAIN);
                if (!lua_getmetatable(L, -1))
                    break;
                lua_getfield(L, -1, *k); /* a sealed copy: plain table, raw enough */
                lua_remove(L, -2);
                lua_remove(L, -2);
            }
        }
        lua_pop(L, 1);
    }
}

static void mark_targets(lua_State *L, int mt)
{
    lua_getfield(L, LUA_REGISTRYINDEX, TARGETS);
    for (const char *const *k = chain_keys; *k; k++) {
        if (lua_getfield(L, mt, *k) == LUA_TTABLE) {
            lua_pushboolean(L, 1);
            lua_rawset(L, -3);
        } else {
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 1);
}

static int sb_setmetatable(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    int seal = !lua_isnoneornil(L, 2);
    if (seal) {
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
        lua_pushliteral(L, "__call");
        int call = lua_rawget(L, 2);
        lua_pop(L, 1);
        if (call != LUA_TNIL && call != LUA_TFUNCTION)
            return lh_error(L, "__call must be a function, not a %s: scenarios' metatables "
                               "are sealed (see the authoring guide, 'Metatables')",
                            lua_typename(L, call));
    }
    lua_settop(L, 2);
    if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL)
        return lh_error(L, "cannot change a protected metatable");
    if (seal)
        check_chains(L);
    if (seal) {
        lua_newtable(L); /* 3: the sealed copy */
        int64_t keys = 0;
        lua_pushnil(L);
        while (lua_next(L, 2)) {
            lua_pushvalue(L, -2);
            lua_insert(L, -2);
            lua_rawset(L, 3);
            keys++;
        }
        lh_charge(L, keys * 4 + 8);
        lua_getfield(L, LUA_REGISTRYINDEX, SEALED);
        lua_pushvalue(L, 3);
        lua_pushvalue(L, 2);
        lua_rawset(L, -3);
        lua_pop(L, 1);
        lua_replace(L, 2);
        mark_targets(L, 2);
    }
    lua_setmetatable(L, 1);
    return 1;
}

static int sb_getmetatable(lua_State *L)
{
    luaL_checkany(L, 1);
    if (!lua_getmetatable(L, 1)) {
        lua_pushnil(L);
        return 1;
    }
    if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL)
        return 1;
    lua_getfield(L, LUA_REGISTRYINDEX, SEALED);
    lua_pushvalue(L, -2);
    if (lua_rawget(L, -2) != LUA_TNIL)
        return 1; /* the script's own table, not the sealed copy */
    /* A metatable the host set without __metatable: give nothing away. */
    lua_pushnil(L);
    return 1;
}

void lh_meta_open(lua_State *L, int g)
{
    lh_weak_registry(L, SEALED);
    lh_weak_registry(L, TARGETS);
    lua_pushcfunction(L, sb_setmetatable);
    lua_setfield(L, g, "setmetatable");
    lua_pushcfunction(L, sb_getmetatable);
    lua_setfield(L, g, "getmetatable");
}
