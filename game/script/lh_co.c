/* lh_co.c: xpcall and coroutines that cannot outlive a spent budget, and
 * whose C side never pushes more values than the Lua stack has room for.
 *
 * The guarded resume copies its arguments once more to call the original;
 * with a caller-controlled count (coroutine.resume(co, table.unpack(t)))
 * that copy must check the stack first, or it writes past it. */
#include "script/lh_internal.h"

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
    int n = lua_gettop(L);
    /* The arguments are copied once more below: room for them first, and
     * a charge for the copy (the count is the caller's to choose). */
    luaL_checkstack(L, n + 2, "too many arguments to resume");
    lh_charge(L, n);
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
        lh_pushstr(L, "the coroutine was stopped by the instruction budget");
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
    luaL_checkstack(L, 2, "too many arguments to resume");
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

void lh_guard_calls(lua_State *L, int g)
{
    lua_getfield(L, g, "xpcall");
    lua_pushcclosure(L, sb_xpcall, 1);
    lua_setfield(L, g, "xpcall");
    lh_weak_registry(L, "bulkhead.poisoned");
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
