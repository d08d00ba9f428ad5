/* lh_world_state.c: w.meter, w.system, w.team and w.flag, the parts of
 * the world handle that read and write the session's state.
 *
 * They are empty proxies whose metamethods call the core, so the core
 * stays the only owner of state and every read sees the session as it is
 * now; a write goes through the core, which checks, clamps and logs it.
 * Unknown ids are errors with a "did you mean" hint: a typo in a hook must
 * not silently read nil. Used by lh_world.c and lh_world_effect.c. */
#include "script/lh_world.h"

#include <stddef.h>
#include <string.h>

#include "core/text.h"

bh_sim *lhw_need_sim(lua_State *L)
{
    lh_host *h = lh_of(L);
    if (!h->sim)
        lh_error(L, "the world handle is only usable inside hooks during a session");
    return h->sim;
}

void lhw_check(lua_State *L, bh_status st, const bh_err *e)
{
    if (st != BH_OK)
        lh_error(L, "%s", e->msg);
}

/* Ids to indices through the tables lh_field.c fills (LH_IDX_*): hooks look
 * ids up constantly, and Lua's strings are already hashed, where a search
 * of the declarations would compare strings. */
static int by_table(lua_State *L, lh_host *h, int kind, int arg)
{
    lua_rawgeti(L, LUA_REGISTRYINDEX, h->idx_ref[kind]);
    lua_pushvalue(L, arg);
    int t = lua_rawget(L, -2);
    int i = t == LUA_TNUMBER ? (int)lua_tointeger(L, -1) : -1;
    lua_pop(L, 2);
    return i;
}

#define LOOKUP(fn, arr, what, type, kind)                                               \
    int fn(lua_State *L, int arg)                                                       \
    {                                                                                   \
        lh_host *h = lh_of(L);                                                          \
        const bh_defs *d = &h->defs;                                                    \
        const char *id = luaL_checkstring(L, arg);                                      \
        int i = by_table(L, h, kind, arg);                                              \
        if (i < 0) {                                                                    \
            char hint[160];                                                             \
            text_suggest(id, d->arr, d->n##arr, sizeof *d->arr, offsetof(type, id), hint, \
                         sizeof hint);                                                  \
            lh_error(L, "no " what " '%.64s'%s", id, hint);                             \
        }                                                                               \
        return i;                                                                       \
    }

LOOKUP(lhw_meter_index, meters, "meter", bh_meter_def, LH_IDX_METER)
LOOKUP(lhw_system_index, systems, "system", bh_system_def, LH_IDX_SYSTEM)
LOOKUP(lhw_team_index, teams, "team", bh_team_def, LH_IDX_TEAM)
LOOKUP(lhw_inject_index, injects, "inject", bh_inject_def, LH_IDX_INJECT)
LOOKUP(lhw_action_index, actions, "action", bh_action_def, LH_IDX_ACTION)
LOOKUP(lhw_decision_index, decisions, "decision", bh_decision_def, LH_IDX_DECISION)
LOOKUP(lhw_ending_index, endings, "ending", bh_ending_def, LH_IDX_ENDING)

/* Keep the effect handle's mirror (lh_world_effect.c) exact
 * whichever handle wrote: a `w` kept in a Lua variable from a condition can
 * write too, outside conditions. Sets field `key` of registry[ref] (or of
 * its element `item` when item > 0) to the value on top of the stack, and
 * pops it. Nothing to do while the mirror is not built (loading). */
static void mirror_field(lua_State *L, int ref, int item, const char *key)
{
    if (!ref) {
        lua_pop(L, 1);
        return;
    }
    lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
    if (item > 0) {
        lua_rawgeti(L, -1, item);
        lua_remove(L, -2);
    }
    lh_pushstr(L, key);
    lua_pushvalue(L, -3);
    lua_rawset(L, -3);
    lua_pop(L, 2);
}

/* ---- w.meter ---- */

int lhw_meter_get(lua_State *L)
{
    bh_sim *s = lhw_need_sim(L);
    lua_pushnumber(L, sim_meter(s, lhw_meter_index(L, 2)));
    return 1;
}

/* meter[key] = value (stack 2 and 3); returns the meter's index. */
static int meter_write(lua_State *L)
{
    bh_sim *s = lhw_need_sim(L);
    int i = lhw_meter_index(L, 2);
    if (!lua_isnumber(L, 3) || lua_type(L, 3) != LUA_TNUMBER)
        return lh_error(L, "meter '%s' must be set to a number, not a %s",
                        lh_of(L)->defs.meters[i].id, luaL_typename(L, 3));
    bh_err e;
    lhw_check(L, sim_set_meter(s, i, lua_tonumber(L, 3), &e), &e);
    lua_pushnumber(L, sim_meter(s, i));
    mirror_field(L, lh_of(L)->mvals_ref, 0, lh_of(L)->defs.meters[i].id);
    return i;
}

int lhw_meter_set(lua_State *L)
{
    meter_write(L);
    return 0;
}

/* pairs(w.meter) visits meters in declaration order. */
static int meter_next(lua_State *L)
{
    bh_sim *s = lhw_need_sim(L);
    const bh_defs *d = &lh_of(L)->defs;
    lua_Integer i = lua_tointeger(L, lua_upvalueindex(1));
    if ((size_t)i >= d->nmeters)
        return 0;
    lua_pushinteger(L, i + 1);
    lua_replace(L, lua_upvalueindex(1));
    lh_pushstr(L, d->meters[i].id);
    lua_pushnumber(L, sim_meter(s, (int)i));
    return 2;
}

int lhw_meter_pairs(lua_State *L)
{
    lua_pushinteger(L, 0);
    lua_pushcclosure(L, meter_next, 1);
    lua_pushnil(L);
    lua_pushnil(L);
    return 3;
}

/* ---- w.system[id] and w.team[id]: per-item proxies holding their index ---- */

static int item_index(lua_State *L)
{
    lua_getmetatable(L, 1);
    lua_getfield(L, -1, "index");
    int i = (int)lua_tointeger(L, -1);
    lua_pop(L, 2);
    return i;
}

static int system_get(lua_State *L)
{
    bh_sim *s = lhw_need_sim(L);
    int i = item_index(L);
    const char *k = luaL_checkstring(L, 2);
    const bh_system_def *x = &lh_of(L)->defs.systems[i];
    if (strcmp(k, "status") == 0)
        lh_pushstr(L, defs_status_name(sim_system(s, i)));
    else if (strcmp(k, "label") == 0)
        lh_pushstr(L, x->label);
    else if (strcmp(k, "id") == 0)
        lh_pushstr(L, x->id);
    else
        return lh_error(L, "system '%s' has no field '%.40s' (it has status, label, id)", x->id, k);
    return 1;
}

/* system.key = value (stack 2 and 3) for system i. */
int lhw_system_write(lua_State *L, int i)
{
    bh_sim *s = lhw_need_sim(L);
    const char *k = luaL_checkstring(L, 2);
    const bh_system_def *x = &lh_of(L)->defs.systems[i];
    if (strcmp(k, "status") != 0)
        return lh_error(L, "system '%s': only 'status' can be set, not '%.40s'", x->id, k);
    const char *v = lua_tostring(L, 3);
    int st = v && lua_type(L, 3) == LUA_TSTRING ? defs_parse_status(v) : -1;
    if (st < 0)
        return lh_error(L, "system '%s': status must be one of: %s", x->id, defs_status_list());
    bh_err e;
    lhw_check(L, sim_set_system(s, i, (bh_status_word)st, &e), &e);
    lh_pushstr(L, defs_status_name(sim_system(s, i)));
    mirror_field(L, lh_of(L)->svals_ref, i + 1, "status");
    return 0;
}

static int system_set(lua_State *L)
{
    lhw_system_write(L, item_index(L));
    return 0;
}

static int team_get(lua_State *L)
{
    bh_sim *s = lhw_need_sim(L);
    int i = item_index(L);
    const char *k = luaL_checkstring(L, 2);
    const bh_team_def *x = &lh_of(L)->defs.teams[i];
    if (strcmp(k, "staff") == 0)
        lua_pushinteger(L, sim_team_staff(s, i));
    else if (strcmp(k, "free") == 0)
        lua_pushinteger(L, sim_team_free(s, i));
    else if (strcmp(k, "label") == 0)
        lh_pushstr(L, x->label);
    else if (strcmp(k, "id") == 0)
        lh_pushstr(L, x->id);
    else
        return lh_error(L, "team '%s' has no field '%.40s' (it has staff, free, label, id)",
                        x->id, k);
    return 1;
}

/* team.key = value (stack 2 and 3) for team i. */
int lhw_team_write(lua_State *L, int i)
{
    bh_sim *s = lhw_need_sim(L);
    const char *k = luaL_checkstring(L, 2);
    const bh_team_def *x = &lh_of(L)->defs.teams[i];
    if (strcmp(k, "staff") != 0)
        return lh_error(L, "team '%s': only 'staff' can be set, not '%.40s'", x->id, k);
    lua_Integer v = lua_tointeger(L, 3);
    if (!lua_isinteger(L, 3) || v < 0 || v > 100000)
        return lh_error(L, "team '%s': staff must be a whole number from 0 to 100000", x->id);
    bh_err e;
    lhw_check(L, sim_set_team_staff(s, i, (int)v, &e), &e);
    lua_pushinteger(L, sim_team_staff(s, i));
    mirror_field(L, lh_of(L)->tvals_ref, i + 1, "staff");
    return 0;
}

static int team_set(lua_State *L)
{
    lhw_team_write(L, item_index(L));
    return 0;
}

/* w.system[id] / w.team[id]: build the item proxy, cached per id. */
static int items_get(lua_State *L, int (*find)(lua_State *, int), lua_CFunction get,
                     lua_CFunction set)
{
    int i = find(L, 2);
    lua_getmetatable(L, 1);
    lua_getfield(L, -1, "cache");
    if (lua_rawgeti(L, -1, i + 1) == LUA_TUSERDATA)
        return 1;
    lua_pop(L, 1);
    lua_newuserdatauv(L, 0, 0);      /* the proxy: a userdata, so rawset cannot shadow it */
    lua_createtable(L, 0, 4);        /* its metatable */
    lua_pushinteger(L, i);
    lua_setfield(L, -2, "index");
    lua_pushcfunction(L, get);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, set);
    lua_setfield(L, -2, "__newindex");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
    lua_pushvalue(L, -1);
    lua_rawseti(L, -3, i + 1);
    return 1;
}

int lhw_systems_get(lua_State *L)
{
    return items_get(L, lhw_system_index, system_get, system_set);
}

int lhw_teams_get(lua_State *L)
{
    return items_get(L, lhw_team_index, team_get, team_set);
}

int lhw_no_assign(lua_State *L)
{
    return lh_error(L, "cannot replace w.%s.%s: set a field of it instead",
                    lua_tostring(L, lua_upvalueindex(1)), luaL_optstring(L, 2, "?"));
}

/* ---- w.flag ---- */

void lhw_push_flag(lua_State *L, bh_value v)
{
    switch (v.type) {
    case VAL_BOOL: lua_pushboolean(L, v.b); break;
    case VAL_NUM: lua_pushnumber(L, v.n); break;
    case VAL_STR: lh_pushstr(L, v.s); break;
    default: lua_pushnil(L);
    }
    if (v.type == VAL_NUM && v.n >= -0x1p53 && v.n <= 0x1p53 && v.n == (double)(lua_Integer)v.n) {
        lua_pop(L, 1);
        lua_pushinteger(L, (lua_Integer)v.n); /* keep whole numbers whole */
    }
}

int lhw_flag_get(lua_State *L)
{
    lhw_push_flag(L, sim_flag(lhw_need_sim(L), luaL_checkstring(L, 2)));
    return 1;
}

/* flag[name] = value (stack 2 and 3). */
int lhw_flag_set(lua_State *L)
{
    bh_sim *s = lhw_need_sim(L);
    size_t len;
    const char *name = luaL_checklstring(L, 2, &len);
    if (len == 0 || len > 64)
        return lh_error(L, "flag names must be 1 to 64 characters");
    bh_value v = {VAL_NIL, 0, 0, NULL};
    switch (lua_type(L, 3)) {
    case LUA_TNIL: break;
    case LUA_TBOOLEAN: v.type = VAL_BOOL; v.b = lua_toboolean(L, 3); break;
    case LUA_TNUMBER: v.type = VAL_NUM; v.n = lua_tonumber(L, 3); break;
    case LUA_TSTRING: {
        size_t n;
        v.type = VAL_STR;
        v.s = lua_tolstring(L, 3, &n);
        lh_charge(L, 8 + (int64_t)n); /* scanned twice, then copied into the session */
        if (n > 4096 || !text_valid_utf8(v.s, n, NULL) || text_find_control(v.s, n) >= 0)
            return lh_error(L, "flag '%s': strings must be valid UTF-8 text up to 4096 bytes, "
                               "without control characters", name);
        break;
    }
    default:
        return lh_error(L, "flag '%s' can hold a boolean, number, string or nil, not a %s", name,
                        luaL_typename(L, 3));
    }
    bh_err e;
    lhw_check(L, sim_set_flag(s, name, v, &e), &e);
    lhw_push_flag(L, sim_flag(s, name));
    mirror_field(L, lh_of(L)->fvals_ref, 0, name);
    return 0;
}
