/* lh_world_effect.c: the effect handle.
 *
 * Effects are most of a session's hook calls (every() hooks above all),
 * and each reads the world many times. For them, `w` mirrors what only
 * effects can change (meter values, system fields, team staff, flags) in
 * Lua tables, set as the proxies' __index: a read is a table lookup inside
 * the VM instead of a call into C. Writes still go through the core, which
 * checks, clamps and logs, and then update the mirror from the core's
 * answer. Reads of anything else (the clock, free staff, actions, injects,
 * decisions) and of ids the mirror lacks still call C, so a typo is still
 * an error with a hint. The mirror is filled from the session at the first
 * effect of each session (lh_world_sync), so it cannot carry over.
 *
 * Conditions keep the plain handle (lh_world.c): it records what they
 * read, which is what the core's condition memos rest on. */
#include "script/lh_world.h"

#include <string.h>

/* Store the value on top of the stack as field `k` of the table at `t`,
 * without metamethods, and pop it. */
static void mirror(lua_State *L, int t, const char *k)
{
    t = lua_absindex(L, t);
    lh_pushstr(L, k);
    lua_insert(L, -2);
    lua_rawset(L, t);
}

/* Writes update the mirror themselves (lh_world_state.c); the item setters
 * only need their item's index (upvalue 1). */
static int system_set_e(lua_State *L)
{
    lhw_system_write(L, (int)lua_tointeger(L, lua_upvalueindex(1)));
    return 0;
}

static int system_field_e(lua_State *L)
{
    const bh_system_def *x = &lh_of(L)->defs.systems[lua_tointeger(L, lua_upvalueindex(1))];
    return lh_error(L, "system '%s' has no field '%.40s' (it has status, label, id)", x->id,
                    luaL_checkstring(L, 2));
}

static int team_set_e(lua_State *L)
{
    lhw_team_write(L, (int)lua_tointeger(L, lua_upvalueindex(1)));
    return 0;
}

/* A team's `free` changes as actions start and end: not mirrored. */
static int team_field_e(lua_State *L)
{
    int i = (int)lua_tointeger(L, lua_upvalueindex(1));
    const char *k = luaL_checkstring(L, 2);
    if (strcmp(k, "free") == 0) {
        lua_pushinteger(L, sim_team_free(lhw_need_sim(L), i));
        return 1;
    }
    return lh_error(L, "team '%s' has no field '%.40s' (it has staff, free, label, id)",
                    lh_of(L)->defs.teams[i].id, k);
}

/* The unknown-id error for the system and team tables. */
static int no_system(lua_State *L)
{
    lhw_system_index(L, 2);
    return lh_error(L, "no such system");
}

static int no_team(lua_State *L)
{
    lhw_team_index(L, 2);
    return lh_error(L, "no such team");
}

/* A table with the given __index, left on the stack. */
static void table_with_index(lua_State *L, int narr, int nrec, lua_CFunction idx, int nup)
{
    lua_createtable(L, narr, nrec);
    lua_insert(L, -1 - nup);
    lua_createtable(L, 0, 1);
    lua_insert(L, -1 - nup);
    lua_pushcclosure(L, idx, nup);
    lua_setfield(L, -2, "__index");
    lua_setmetatable(L, -2);
}

/* An empty userdata whose reads go to the table at `values` and whose
 * writes go to `set` (a closure over `nup` values on the stack top). */
static void mirror_proxy(lua_State *L, int values, lua_CFunction set, int nup)
{
    values = lua_absindex(L, values);
    lua_newuserdatauv(L, 0, 0);
    lua_insert(L, -1 - nup);
    lua_createtable(L, 0, 3);
    lua_insert(L, -1 - nup);
    lua_pushcclosure(L, set, nup);
    lua_setfield(L, -2, "__newindex");
    lua_pushvalue(L, values);
    lua_setfield(L, -2, "__index");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
}

/* Build the effect handle (at the end of loading, when the ids are final). */
static void effect_handle(lua_State *L, lh_host *h)
{
    const bh_defs *d = &h->defs;
    lua_rawgeti(L, LUA_REGISTRYINDEX, h->w_ref);
    lua_getmetatable(L, -1);
    lua_getfield(L, -1, "__index");
    lua_getupvalue(L, -1, 1); /* the condition handle's fields: functions to share */
    int cfields = lua_gettop(L);

    lua_createtable(L, 0, 16); /* this handle's fields */
    int fields = lua_gettop(L);
    for (lua_pushnil(L); lua_next(L, cfields); lua_pop(L, 1))
        if (lua_type(L, -1) == LUA_TFUNCTION) {
            lua_pushvalue(L, -2);
            lua_pushvalue(L, -2);
            lua_rawset(L, fields);
        }

    /* meters: the mirror's misses go to lhw_meter_get (unknown id: error) */
    table_with_index(L, 0, (int)d->nmeters, lhw_meter_get, 0);
    int mvals = lua_gettop(L);
    for (size_t i = 0; i < d->nmeters; i++) {
        lua_pushnumber(L, d->meters[i].start);
        mirror(L, mvals, d->meters[i].id);
    }
    lua_pushvalue(L, mvals);
    h->mvals_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    mirror_proxy(L, mvals, lhw_meter_set, 0);
    lua_getmetatable(L, -1);
    lua_pushcfunction(L, lhw_meter_pairs);
    lua_setfield(L, -2, "__pairs");
    lua_pop(L, 1);
    lua_setfield(L, fields, "meter");

    /* systems and teams: a table of item proxies, each over its mirror */
    for (int kind = 0; kind < 2; kind++) {
        size_t n = kind ? d->nteams : d->nsystems;
        lua_createtable(L, (int)n, 0); /* the mirrors, by index, for syncing */
        int list = lua_gettop(L);
        table_with_index(L, 0, (int)n, kind ? no_team : no_system, 0);
        int items = lua_gettop(L);
        for (size_t i = 0; i < n; i++) {
            lua_pushinteger(L, (lua_Integer)i);
            table_with_index(L, 0, 3, kind ? team_field_e : system_field_e, 1);
            int vals = lua_gettop(L);
            lh_pushstr(L, kind ? d->teams[i].label : d->systems[i].label);
            mirror(L, vals, "label");
            lh_pushstr(L, kind ? d->teams[i].id : d->systems[i].id);
            mirror(L, vals, "id");
            if (kind)
                lua_pushinteger(L, d->teams[i].staff);
            else
                lh_pushstr(L, defs_status_name(d->systems[i].status));
            mirror(L, vals, kind ? "staff" : "status");
            lua_pushvalue(L, vals);
            lua_rawseti(L, list, (lua_Integer)i + 1);
            lua_pushinteger(L, (lua_Integer)i);
            mirror_proxy(L, vals, kind ? team_set_e : system_set_e, 1);
            mirror(L, items, kind ? d->teams[i].id : d->systems[i].id);
            lua_pop(L, 1); /* vals */
        }
        lh_pushstr(L, kind ? "team" : "system");
        mirror_proxy(L, items, lhw_no_assign, 1);
        lua_setfield(L, fields, kind ? "team" : "system");
        lua_pop(L, 1); /* items */
        if (kind)
            h->tvals_ref = luaL_ref(L, LUA_REGISTRYINDEX);
        else
            h->svals_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    }

    /* flags: the mirror holds the set ones; misses ask the core, which
     * also turns a number key into its string as the other handle does */
    table_with_index(L, 0, 16, lhw_flag_get, 0);
    int fvals = lua_gettop(L);
    lua_pushvalue(L, fvals);
    h->fvals_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    mirror_proxy(L, fvals, lhw_flag_set, 0);
    lua_setfield(L, fields, "flag");

    /* w itself: fields by table; misses (w.time, typos) by lhw_index */
    lua_createtable(L, 0, 1);
    lua_pushvalue(L, fields);
    lua_pushcclosure(L, lhw_index, 1);
    lua_setfield(L, -2, "__index");
    lua_setmetatable(L, fields);
    mirror_proxy(L, fields, lhw_newindex, 0);
    h->we_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_settop(L, cfields - 4);
}

/* Fill the mirror from the session (a lua_CFunction, run protected). */
static int sync(lua_State *L)
{
    lh_host *h = lh_of(L);
    const bh_sim *s = h->sim;
    const bh_defs *d = &h->defs;
    lua_rawgeti(L, LUA_REGISTRYINDEX, h->mvals_ref);
    for (size_t i = 0; i < d->nmeters; i++) {
        lua_pushnumber(L, sim_meter(s, (int)i));
        mirror(L, -2, d->meters[i].id);
    }
    lua_rawgeti(L, LUA_REGISTRYINDEX, h->svals_ref);
    for (size_t i = 0; i < d->nsystems; i++) {
        lua_rawgeti(L, -1, (lua_Integer)i + 1);
        lh_pushstr(L, defs_status_name(sim_system(s, (int)i)));
        mirror(L, -2, "status");
        lua_pop(L, 1);
    }
    lua_rawgeti(L, LUA_REGISTRYINDEX, h->tvals_ref);
    for (size_t i = 0; i < d->nteams; i++) {
        lua_rawgeti(L, -1, (lua_Integer)i + 1);
        lua_pushinteger(L, sim_team_staff(s, (int)i));
        mirror(L, -2, "staff");
        lua_pop(L, 1);
    }
    lua_rawgeti(L, LUA_REGISTRYINDEX, h->fvals_ref);
    int f = lua_gettop(L);
    for (lua_pushnil(L); lua_next(L, f);) { /* clearing a field while traversing is allowed */
        lua_pop(L, 1);
        lua_pushvalue(L, -1);
        lua_pushnil(L);
        lua_rawset(L, f);
    }
    for (size_t i = 0; i < sim_flag_count(s); i++) {
        const char *name = sim_flag_name(s, i);
        bh_value v = sim_flag(s, name);
        if (v.type == VAL_NIL)
            continue;
        lhw_push_flag(L, v);
        mirror(L, f, name);
    }
    lua_settop(L, 0);
    return 0;
}

int lh_world_effects(lua_State *L)
{
    effect_handle(L, lh_of(L));
    return 0;
}

int lh_world_sync(lh_host *h, bh_err *err)
{
    if (h->synced == sim_serial(h->sim))
        return 0;
    lua_pushcfunction(h->L, sync);
    if (lh_pcall(h, 0, 0, h->opts.hook_budget, "start of the session's world handle", err) != 0)
        return -1;
    h->synced = sim_serial(h->sim);
    return 0;
}
