/* lh_pattern: budgeted replacements for Lua 5.4's string.find, string.match,
 * string.gmatch and string.gsub.
 *
 * Stock pattern matching runs in C, out of sight of the count hook, so one
 * backtracking pattern could hang the game. These versions keep the exact
 * Lua 5.4 semantics (results, captures and error messages) but charge every
 * matching step to a shared lh_budget and raise
 *   "<fname>: pattern too complex (work limit exceeded)"
 * once it is exceeded. Recursion is capped at the same 200 levels stock Lua
 * uses (error "pattern too complex"), so the C stack stays bounded. */
#ifndef LH_PATTERN_H
#define LH_PATTERN_H

#include <lua.h>
#include "script/lh_budget.h"

/* Replace find, match, gmatch and gsub in the table at index `strtab` with
 * budgeted versions sharing `b` (kept as a light-userdata upvalue, so it must
 * outlive the state). */
void lhp_open(lua_State *L, int strtab, lh_budget *b);

#endif
