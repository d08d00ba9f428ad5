/* lh_world.c: the world handle `w` that every hook receives.
 *
 * `w` and its sub-tables are empty proxies whose metamethods call the core,
 * so the core stays the only owner of state and every read sees the
 * session as it is now. Unknown ids are errors with a "did you mean" hint:
 * a typo in a hook must not silently read nil. */
#include "script/lh_internal.h"

#include <stddef.h>
#include <string.h>

#include "core/text.h"

static bh_sim *need_sim(lua_State *L)
{
    lh_host *h = lh_of(L);
    if (!h->sim)
        lh_error(L, "the world handle is only usable inside hooks during a session");
    return h->sim;
}

static void check(lua_State *L, bh_status st, const bh_err *e)
{
    if (st != BH_OK)
        lh_error(L, "%s", e->msg);
}

/* Ids to indices through the tables lh_decl.c fills (LH_IDX_*): hooks look
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
    static int fn(lua_State *L, int arg)                                                \
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

LOOKUP(meter_index, meters, "meter", bh_meter_def, LH_IDX_METER)
LOOKUP(system_index, systems, "system", bh_system_def, LH_IDX_SYSTEM)
LOOKUP(team_index, teams, "team", bh_team_def, LH_IDX_TEAM)
LOOKUP(inject_index, injects, "inject", bh_inject_def, LH_IDX_INJECT)
LOOKUP(action_index, actions, "action", bh_action_def, LH_IDX_ACTION)
LOOKUP(decision_index, decisions, "decision", bh_decision_def, LH_IDX_DECISION)
LOOKUP(ending_index, endings, "ending", bh_ending_def, LH_IDX_ENDING)

/* Keep the effect handle's mirror (see "The effect handle" below) exact
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

static int meter_get(lua_State *L)
{
    bh_sim *s = need_sim(L);
    lua_pushnumber(L, sim_meter(s, meter_index(L, 2)));
    return 1;
}

/* meter[key] = value (stack 2 and 3); returns the meter's index. */
static int meter_write(lua_State *L)
{
    bh_sim *s = need_sim(L);
    int i = meter_index(L, 2);
    if (!lua_isnumber(L, 3) || lua_type(L, 3) != LUA_TNUMBER)
        return lh_error(L, "meter '%s' must be set to a number, not a %s",
                        lh_of(L)->defs.meters[i].id, luaL_typename(L, 3));
    bh_err e;
    check(L, sim_set_meter(s, i, lua_tonumber(L, 3), &e), &e);
    lua_pushnumber(L, sim_meter(s, i));
    mirror_field(L, lh_of(L)->mvals_ref, 0, lh_of(L)->defs.meters[i].id);
    return i;
}

static int meter_set(lua_State *L)
{
    meter_write(L);
    return 0;
}

/* pairs(w.meter) visits meters in declaration order. */
static int meter_next(lua_State *L)
{
    bh_sim *s = need_sim(L);
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

static int meter_pairs(lua_State *L)
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
    bh_sim *s = need_sim(L);
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
static int system_write(lua_State *L, int i)
{
    bh_sim *s = need_sim(L);
    const char *k = luaL_checkstring(L, 2);
    const bh_system_def *x = &lh_of(L)->defs.systems[i];
    if (strcmp(k, "status") != 0)
        return lh_error(L, "system '%s': only 'status' can be set, not '%.40s'", x->id, k);
    const char *v = lua_tostring(L, 3);
    int st = v && lua_type(L, 3) == LUA_TSTRING ? defs_parse_status(v) : -1;
    if (st < 0)
        return lh_error(L, "system '%s': status must be one of: %s", x->id, defs_status_list());
    bh_err e;
    check(L, sim_set_system(s, i, (bh_status_word)st, &e), &e);
    lh_pushstr(L, defs_status_name(sim_system(s, i)));
    mirror_field(L, lh_of(L)->svals_ref, i + 1, "status");
    return 0;
}

static int system_set(lua_State *L)
{
    system_write(L, item_index(L));
    return 0;
}

static int team_get(lua_State *L)
{
    bh_sim *s = need_sim(L);
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
static int team_write(lua_State *L, int i)
{
    bh_sim *s = need_sim(L);
    const char *k = luaL_checkstring(L, 2);
    const bh_team_def *x = &lh_of(L)->defs.teams[i];
    if (strcmp(k, "staff") != 0)
        return lh_error(L, "team '%s': only 'staff' can be set, not '%.40s'", x->id, k);
    lua_Integer v = lua_tointeger(L, 3);
    if (!lua_isinteger(L, 3) || v < 0 || v > 100000)
        return lh_error(L, "team '%s': staff must be a whole number from 0 to 100000", x->id);
    bh_err e;
    check(L, sim_set_team_staff(s, i, (int)v, &e), &e);
    lua_pushinteger(L, sim_team_staff(s, i));
    mirror_field(L, lh_of(L)->tvals_ref, i + 1, "staff");
    return 0;
}

static int team_set(lua_State *L)
{
    team_write(L, item_index(L));
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

static int systems_get(lua_State *L) { return items_get(L, system_index, system_get, system_set); }
static int teams_get(lua_State *L) { return items_get(L, team_index, team_get, team_set); }

static int no_assign(lua_State *L)
{
    return lh_error(L, "cannot replace w.%s.%s: set a field of it instead",
                    lua_tostring(L, lua_upvalueindex(1)), luaL_optstring(L, 2, "?"));
}

/* ---- w.flag ---- */

/* Push a flag's value as hooks see it. */
static void push_flag(lua_State *L, bh_value v)
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

static int flag_get(lua_State *L)
{
    push_flag(L, sim_flag(need_sim(L), luaL_checkstring(L, 2)));
    return 1;
}

/* flag[name] = value (stack 2 and 3). */
static int flag_set(lua_State *L)
{
    bh_sim *s = need_sim(L);
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
    check(L, sim_set_flag(s, name, v, &e), &e);
    push_flag(L, sim_flag(s, name));
    mirror_field(L, lh_of(L)->fvals_ref, 0, name);
    return 0;
}

/* ---- w functions ---- */

static int w_fire(lua_State *L)
{
    bh_sim *s = need_sim(L);
    bh_err e;
    check(L, sim_fire(s, inject_index(L, 1), &e), &e);
    return 0;
}

static int w_open(lua_State *L)
{
    bh_sim *s = need_sim(L);
    bh_err e;
    check(L, sim_open(s, decision_index(L, 1), &e), &e);
    return 0;
}

static int w_after(lua_State *L)
{
    bh_sim *s = need_sim(L);
    bh_time delay = 0;
    if (lua_type(L, 1) == LUA_TNUMBER) {
        if (dur_from_number(lua_tonumber(L, 1), &delay) != 0)
            return lh_error(L, "w.after: the delay must be a whole number of seconds, 0 or more");
    } else if (lua_type(L, 1) != LUA_TSTRING || dur_parse(lua_tostring(L, 1), &delay) != 0) {
        return lh_error(L, "w.after: the first argument must be a duration such as \"30m\"");
    }
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_settop(L, 2);
    bh_hook ref = luaL_ref(L, LUA_REGISTRYINDEX);
    bh_err e;
    check(L, sim_after(s, delay, ref, &e), &e);
    return 0;
}

static int w_note(lua_State *L)
{
    bh_sim *s = need_sim(L);
    size_t len;
    const char *t = luaL_checklstring(L, 1, &len);
    lh_charge(L, 8 + (int64_t)(len < 4096 ? len : 4096)); /* scanned, then copied */
    if (len > 4096 || !text_valid_utf8(t, len, NULL) || text_find_control(t, len) >= 0)
        return lh_error(L, "w.note: the text must be valid UTF-8 up to 4096 bytes, without "
                           "control characters");
    bh_err e;
    check(L, sim_note(s, t, &e), &e);
    return 0;
}

static int w_finish(lua_State *L)
{
    bh_sim *s = need_sim(L);
    bh_err e;
    check(L, sim_finish(s, ending_index(L, 1), &e), &e);
    return 0;
}

static int w_done(lua_State *L)
{
    lua_pushinteger(L, sim_action_done(need_sim(L), action_index(L, 1)));
    return 1;
}

static int w_running(lua_State *L)
{
    lua_pushboolean(L, sim_action_running(need_sim(L), action_index(L, 1)));
    return 1;
}

static int w_fired(lua_State *L)
{
    lua_pushinteger(L, sim_inject_fired(need_sim(L), inject_index(L, 1)));
    return 1;
}

static int w_chosen(lua_State *L)
{
    bh_sim *s = need_sim(L);
    int i = decision_index(L, 1);
    bh_decision_status st;
    sim_decision_status(s, i, &st);
    if (st.chosen < 0)
        lua_pushnil(L);
    else
        lh_pushstr(L, lh_of(L)->defs.decisions[i].options[st.chosen].id);
    return 1;
}

/* w's fields live in a table that scripts cannot reach (an upvalue): w
 * itself is an empty userdata, so no hook can replace w.fire or w.meter
 * for the hooks that run after it. */
static int w_index(lua_State *L)
{
    const char *k = luaL_checkstring(L, 2);
    if (strcmp(k, "time") == 0) {
        lua_pushinteger(L, (lua_Integer)sim_now(need_sim(L)));
        return 1;
    }
    lua_pushvalue(L, 2);
    if (lua_rawget(L, lua_upvalueindex(1)) != LUA_TNIL)
        return 1;
    return lh_error(L, "w has no field '%.40s' (see the API table in scenarios/README.md)", k);
}

static int w_newindex(lua_State *L)
{
    return lh_error(L, "cannot set w.%.40s: w's fields are read-only; set w.meter.x, "
                       "w.system.x.status, w.team.x.staff or w.flag.x", luaL_optstring(L, 2, "?"));
}

/* A proxy table with the given metamethods, left on the stack. */
static void proxy(lua_State *L, const char *name, lua_CFunction get, lua_CFunction set,
                  lua_CFunction pairs_fn)
{
    lua_newuserdatauv(L, 0, 0);
    lua_createtable(L, 0, 5);
    lua_pushcfunction(L, get);
    lua_setfield(L, -2, "__index");
    if (set) {
        lua_pushcfunction(L, set);
    } else {
        lh_pushstr(L, name);
        lua_pushcclosure(L, no_assign, 1);
    }
    lua_setfield(L, -2, "__newindex");
    if (pairs_fn) {
        lua_pushcfunction(L, pairs_fn);
        lua_setfield(L, -2, "__pairs");
    }
    lua_newtable(L);
    lua_setfield(L, -2, "cache");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
}

void lh_world_open(lh_host *h)
{
    lua_State *L = h->L;
    lua_newtable(L); /* w's fields */
    proxy(L, "meter", meter_get, meter_set, meter_pairs);
    lua_setfield(L, -2, "meter");
    proxy(L, "system", systems_get, NULL, NULL);
    lua_setfield(L, -2, "system");
    proxy(L, "team", teams_get, NULL, NULL);
    lua_setfield(L, -2, "team");
    proxy(L, "flag", flag_get, flag_set, NULL);
    lua_setfield(L, -2, "flag");
    static const luaL_Reg fns[] = {
        {"fire", w_fire}, {"open", w_open}, {"after", w_after}, {"note", w_note},
        {"finish", w_finish}, {"done", w_done}, {"running", w_running}, {"fired", w_fired},
        {"chosen", w_chosen}, {NULL, NULL}};
    luaL_setfuncs(L, fns, 0);
    /* w.random is math.random: one generator, one stream. */
    lua_getglobal(L, "math");
    lua_getfield(L, -1, "random");
    lua_setfield(L, -3, "random");
    lua_pop(L, 1);
    int fields = lua_gettop(L);
    lua_newuserdatauv(L, 0, 0); /* w */
    lua_createtable(L, 0, 3);
    lua_pushvalue(L, fields);
    lua_pushcclosure(L, w_index, 1);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, w_newindex);
    lua_setfield(L, -2, "__newindex");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
    h->w_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_pop(L, 1);
}

/* ================================================================
 * The effect handle.
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
 * Conditions keep the handle above: it records what they read, which is
 * what the core's condition memos rest on.
 * ================================================================ */

/* Store the value on top of the stack as field `k` of the table at `t`,
 * without metamethods, and pop it. */
static void mirror(lua_State *L, int t, const char *k)
{
    t = lua_absindex(L, t);
    lh_pushstr(L, k);
    lua_insert(L, -2);
    lua_rawset(L, t);
}

/* Writes update the mirror themselves (mirror_field); the item setters
 * only need their item's index (upvalue 1). */
static int system_set_e(lua_State *L)
{
    system_write(L, (int)lua_tointeger(L, lua_upvalueindex(1)));
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
    team_write(L, (int)lua_tointeger(L, lua_upvalueindex(1)));
    return 0;
}

/* A team's `free` changes as actions start and end: not mirrored. */
static int team_field_e(lua_State *L)
{
    int i = (int)lua_tointeger(L, lua_upvalueindex(1));
    const char *k = luaL_checkstring(L, 2);
    if (strcmp(k, "free") == 0) {
        lua_pushinteger(L, sim_team_free(need_sim(L), i));
        return 1;
    }
    return lh_error(L, "team '%s' has no field '%.40s' (it has staff, free, label, id)",
                    lh_of(L)->defs.teams[i].id, k);
}

/* The unknown-id error for the system and team tables. */
static int no_system(lua_State *L)
{
    system_index(L, 2);
    return lh_error(L, "no such system");
}

static int no_team(lua_State *L)
{
    team_index(L, 2);
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

    /* meters: the mirror's misses go to meter_get (unknown id: error) */
    table_with_index(L, 0, (int)d->nmeters, meter_get, 0);
    int mvals = lua_gettop(L);
    for (size_t i = 0; i < d->nmeters; i++) {
        lua_pushnumber(L, d->meters[i].start);
        mirror(L, mvals, d->meters[i].id);
    }
    lua_pushvalue(L, mvals);
    h->mvals_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    mirror_proxy(L, mvals, meter_set, 0);
    lua_getmetatable(L, -1);
    lua_pushcfunction(L, meter_pairs);
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
        mirror_proxy(L, items, no_assign, 1);
        lua_setfield(L, fields, kind ? "team" : "system");
        lua_pop(L, 1); /* items */
        if (kind)
            h->tvals_ref = luaL_ref(L, LUA_REGISTRYINDEX);
        else
            h->svals_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    }

    /* flags: the mirror holds the set ones; misses ask the core, which
     * also turns a number key into its string as the other handle does */
    table_with_index(L, 0, 16, flag_get, 0);
    int fvals = lua_gettop(L);
    lua_pushvalue(L, fvals);
    h->fvals_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    mirror_proxy(L, fvals, flag_set, 0);
    lua_setfield(L, fields, "flag");

    /* w itself: fields by table; misses (w.time, typos) by w_index */
    lua_createtable(L, 0, 1);
    lua_pushvalue(L, fields);
    lua_pushcclosure(L, w_index, 1);
    lua_setfield(L, -2, "__index");
    lua_setmetatable(L, fields);
    mirror_proxy(L, fields, w_newindex, 0);
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
        push_flag(L, v);
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
