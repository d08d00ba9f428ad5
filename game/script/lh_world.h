/* lh_world: the world handle `w` that every hook receives, in three
 * files (internal to the script layer):
 *   lh_world_state.c  w.meter, w.system, w.team, w.flag: reading and
 *                     writing the session's state through the core;
 *   lh_world.c        w's functions (fire, open, after, note, finish, and
 *                     the questions done, running, fired, chosen) and the
 *                     handle itself;
 *   lh_world_effect.c the effect handle: the same `w` over a mirror of the
 *                     state in Lua tables, for speed.
 * Calls point one way: lh_world_effect.c -> lh_world.c -> lh_world_state.c
 * (and the effect handle to the state directly); nothing calls back. */
#ifndef LH_WORLD_H
#define LH_WORLD_H

#include "script/lh_internal.h"

/* lh_world_state.c */
/* The session a hook runs for; raises outside hooks. */
bh_sim *lhw_need_sim(lua_State *L);
/* Raise the core's error when st is not BH_OK. */
void lhw_check(lua_State *L, bh_status st, const bh_err *e);
/* The index of the id at stack index arg, or a raised "no meter 'x'"
 * with a "did you mean" hint. */
int lhw_meter_index(lua_State *L, int arg);
int lhw_system_index(lua_State *L, int arg);
int lhw_team_index(lua_State *L, int arg);
int lhw_inject_index(lua_State *L, int arg);
int lhw_action_index(lua_State *L, int arg);
int lhw_decision_index(lua_State *L, int arg);
int lhw_ending_index(lua_State *L, int arg);
/* The proxies' metamethods (stack: proxy, key[, value]). */
int lhw_meter_get(lua_State *L);
int lhw_meter_set(lua_State *L);
int lhw_meter_pairs(lua_State *L);
int lhw_systems_get(lua_State *L);
int lhw_teams_get(lua_State *L);
int lhw_flag_get(lua_State *L);
int lhw_flag_set(lua_State *L);
/* __newindex of w.system and w.team (upvalue 1: the table's name). */
int lhw_no_assign(lua_State *L);
/* system.key = value and team.key = value (stack 2 and 3) for item i. */
int lhw_system_write(lua_State *L, int i);
int lhw_team_write(lua_State *L, int i);
/* Push a flag's value as hooks see it. */
void lhw_push_flag(lua_State *L, bh_value v);

/* lh_world.c: w's own __index (upvalue 1: its fields) and __newindex. */
int lhw_index(lua_State *L);
int lhw_newindex(lua_State *L);

#endif
