/* lh_world.c: the world handle `w` that every hook receives.
 *
 * `w` is an empty userdata: its fields live in a table scripts cannot
 * reach, so no hook can replace w.fire or w.meter for the hooks that run
 * after it. Here are its functions (acting on the session: fire, open,
 * after, note, finish; asking it: done, running, fired, chosen, time) and
 * its construction; the state it reads and writes, w.meter and the rest,
 * is lh_world_state.c, and the faster handle effects get is
 * lh_world_effect.c. */
#include "script/lh_world.h"

#include <string.h>

#include "core/text.h"

static int w_fire(lua_State *L)
{
    bh_sim *s = lhw_need_sim(L);
    bh_err e;
    lhw_check(L, sim_fire(s, lhw_inject_index(L, 1), &e), &e);
    return 0;
}

static int w_open(lua_State *L)
{
    bh_sim *s = lhw_need_sim(L);
    bh_err e;
    lhw_check(L, sim_open(s, lhw_decision_index(L, 1), &e), &e);
    return 0;
}

static int w_after(lua_State *L)
{
    bh_sim *s = lhw_need_sim(L);
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
    lhw_check(L, sim_after(s, delay, ref, &e), &e);
    return 0;
}

static int w_note(lua_State *L)
{
    bh_sim *s = lhw_need_sim(L);
    size_t len;
    const char *t = luaL_checklstring(L, 1, &len);
    lh_charge(L, 8 + (int64_t)(len < 4096 ? len : 4096)); /* scanned, then copied */
    if (len > 4096 || !text_valid_utf8(t, len, NULL) || text_find_control(t, len) >= 0)
        return lh_error(L, "w.note: the text must be valid UTF-8 up to 4096 bytes, without "
                           "control characters");
    bh_err e;
    lhw_check(L, sim_note(s, t, &e), &e);
    return 0;
}

static int w_finish(lua_State *L)
{
    bh_sim *s = lhw_need_sim(L);
    bh_err e;
    lhw_check(L, sim_finish(s, lhw_ending_index(L, 1), &e), &e);
    return 0;
}

static int w_done(lua_State *L)
{
    lua_pushinteger(L, sim_action_done(lhw_need_sim(L), lhw_action_index(L, 1)));
    return 1;
}

static int w_running(lua_State *L)
{
    lua_pushboolean(L, sim_action_running(lhw_need_sim(L), lhw_action_index(L, 1)));
    return 1;
}

static int w_fired(lua_State *L)
{
    lua_pushinteger(L, sim_inject_fired(lhw_need_sim(L), lhw_inject_index(L, 1)));
    return 1;
}

static int w_chosen(lua_State *L)
{
    bh_sim *s = lhw_need_sim(L);
    int i = lhw_decision_index(L, 1);
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
int lhw_index(lua_State *L)
{
    const char *k = luaL_checkstring(L, 2);
    if (strcmp(k, "time") == 0) {
        lua_pushinteger(L, (lua_Integer)sim_now(lhw_need_sim(L)));
        return 1;
    }
    lua_pushvalue(L, 2);
    if (lua_rawget(L, lua_upvalueindex(1)) != LUA_TNIL)
        return 1;
    return lh_error(L, "w has no field '%.40s' (see the API table in scenarios/README.md)", k);
}

int lhw_newindex(lua_State *L)
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
        lua_pushcclosure(L, lhw_no_assign, 1);
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
    proxy(L, "meter", lhw_meter_get, lhw_meter_set, lhw_meter_pairs);
    lua_setfield(L, -2, "meter");
    proxy(L, "system", lhw_systems_get, NULL, NULL);
    lua_setfield(L, -2, "system");
    proxy(L, "team", lhw_teams_get, NULL, NULL);
    lua_setfield(L, -2, "team");
    proxy(L, "flag", lhw_flag_get, lhw_flag_set, NULL);
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
    lua_pushcclosure(L, lhw_index, 1);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, lhw_newindex);
    lua_setfield(L, -2, "__newindex");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
    h->w_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_pop(L, 1);
}
