/* lh_charge.c: spending the work budget while scenario code runs.
 *
 * The count hook charges interpreted instructions (and the arguments a
 * vararg call copies unseen); lh_charge is what the libraries' C functions
 * call for work the hook cannot see; and once the budget is spent both
 * raise the budget error, on every instruction after it too, until the
 * host resets the budget for the next call. The wall-clock watchdog is
 * looked at in the same places. This is the bottom of the sandbox: the
 * libraries and the state's allocator call it; it calls nothing of theirs.
 * (The budget's own arithmetic is lh_budget.h.) */
#include "script/lh_internal.h"

#include <stdio.h>
#include <time.h>

/* The watchdog's clock. It is read before every hook call and every
 * guarded library call, and its limit is a second: the coarse clock (a few
 * milliseconds' resolution) is plenty, at a fraction of the cost. */
int64_t lh_clock_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC_COARSE, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

int lh_budget_error(lua_State *L, lh_host *h)
{
    char msg[320];
    if (h->timed_out)
        snprintf(msg, sizeof msg,
                 "time budget exceeded: one call ran for over %.1f s of real time "
                 "(heavy work on very large strings or tables?); this limit depends "
                 "on the machine, so such a scenario may not replay elsewhere",
                 h->opts.watchdog_ms / 1000.0);
    else if (h->session_limited)
        snprintf(msg, sizeof msg,
                 "session instruction limit reached: the scenario's hooks have run "
                 "%lld million instructions in this session",
                 (long long)(h->opts.session_budget / 1000000));
    else
        snprintf(msg, sizeof msg,
                 "instruction budget exceeded (%lld million instructions in one call): "
                 "is there an endless loop?",
                 (long long)(h->budget.limit / 1000000));
    /* Kept in the budget with its place: a scenario's pcall may catch this
     * error and return normally, and the call must still fail (lh_pcall). */
    if (!h->budget.msg[0]) {
        char src[256];
        int line = 0;
        lh_where(L, src, sizeof src, &line);
        snprintf(h->budget.msg, sizeof h->budget.msg, "%s:%d: %s", src, line, msg);
    }
    return lh_error(L, "%s", msg);
}

void lh_charge(lua_State *L, int64_t n)
{
    lh_host *h = lh_of(L);
    /* Library calls can each do milliseconds of work: look at the clock
     * before every one, not only every LH_HOOK_EVERY instructions. */
    if (!h->budget.exceeded && h->deadline_ns && lh_clock_ns() > h->deadline_ns) {
        h->budget.exceeded = 1;
        h->timed_out = 1;
    }
    if (h->budget.exceeded || lh_budget_charge(&h->budget, n)) {
        /* As the count hook does: every later instruction raises again, so
         * a script that catches this error cannot run on. */
        lua_sethook(L, lh_count_hook, LUA_MASKCOUNT, 1);
        lh_budget_error(L, h);
    }
}

/* Extra arguments a vararg function may hold before moving them is
 * charged; below this a probe costs one lua_getlocal. */
#define LH_VARARG_FREE 256

/* How many extra arguments the running function holds beyond
 * LH_VARARG_FREE. A call or a `...` copies all of them in one instruction,
 * so a recursion that adds one argument per call (f(n, ...)) does
 * quadratic work in linear instructions. Lua counts them only inside
 * (ci->u.l.nextraargs); lua_getlocal with -k answers whether there are k,
 * so a doubling then a bisection find the count. */
static int64_t extra_args(lua_State *L, lua_Debug *ar)
{
    /* (no lua_getinfo first: lua_getlocal with a negative index answers
     * NULL for a function that is not vararg, and that is the cheap path
     * taken every LH_HOOK_EVERY instructions) */
    if (!lua_getlocal(L, ar, -LH_VARARG_FREE))
        return 0;
    lua_pop(L, 1);
    int lo = LH_VARARG_FREE, hi = 2 * LH_VARARG_FREE; /* lo are there; hi may not be */
    while (hi < (1 << 22) && lua_getlocal(L, ar, -hi)) {
        lua_pop(L, 1);
        lo = hi;
        hi *= 2;
    }
    while (hi - lo > 1) {
        int mid = lo + (hi - lo) / 2;
        if (lua_getlocal(L, ar, -mid)) {
            lua_pop(L, 1);
            lo = mid;
        } else {
            hi = mid;
        }
    }
    return lo - LH_VARARG_FREE;
}

/* The count hook: charges the budget. Once the budget is spent it raises
 * on every instruction, in every thread, until the host resets it: a
 * scenario's pcall can catch the error but not continue.
 *
 * The instruction count is the deterministic limit, and C work it cannot
 * see is charged where it happens. The wall-clock watchdog is a last
 * resort for what is left inside the Lua core (comparing huge strings). */
void lh_count_hook(lua_State *L, lua_Debug *ar)
{
    lh_host *h = lh_of(L);
    /* A coroutine left in per-instruction mode by an earlier, spent call
     * goes back to the normal rate once the budget is fresh. */
    if (!h->budget.exceeded && lua_gethookcount(L) != LH_HOOK_EVERY)
        lua_sethook(L, lh_count_hook, LUA_MASKCOUNT, LH_HOOK_EVERY);
    if (!h->budget.exceeded && h->deadline_ns && lh_clock_ns() > h->deadline_ns) {
        h->budget.exceeded = 1;
        h->timed_out = 1;
    }
    /* Between two hook calls each instruction may have copied them all;
     * a quarter of them doing so is the charge. */
    int64_t cost = LH_HOOK_EVERY;
    if (!h->budget.exceeded)
        cost = lh_cost_add(cost, extra_args(L, ar) * (LH_HOOK_EVERY / 4));
    if (h->budget.exceeded || lh_budget_charge(&h->budget, cost)) {
        lua_sethook(L, lh_count_hook, LUA_MASKCOUNT, 1);
        lh_budget_error(L, h);
    }
}
