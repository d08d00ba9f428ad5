/* lh_sandbox.c: the Lua state scenarios run in, and calls into it.
 *
 * Scenarios travel between workshops, so they are untrusted. Here: the
 * state itself, with a capped allocator that also charges the copies no
 * instruction count sees, and the protected call every piece of scenario
 * code runs under (a fresh budget, the watchdog's deadline, a message
 * handler that keeps file:line and the traceback). What the state holds
 * (the trimmed and guarded libraries, lh_lib.c) is opened by whoever makes
 * it, lh_host.c, which then arms the count hook (lh_charge.c): this file
 * calls nothing in the libraries, which call down into lh_charge.c. */
#include "script/lh_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "core/text.h"

static void *lh_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    lh_host *h = ud;
    size_t old = ptr ? osize : 0; /* without ptr, osize tells the type, not a size */
    if (nsize == 0) {
        if (h->arena)
            lh_arena_realloc(h->arena, ptr, old, 0);
        else
            free(ptr);
        h->mem_used -= old;
        return NULL;
    }
    if (nsize > old && mem_inject_fail())
        return NULL; /* a test's injected failure (core/mem.h): Lua raises a memory error */
    if (nsize > old && h->mem_used - old + nsize > h->opts.mem_limit) {
        /* Lua turns NULL into a memory error that carries no position, and
         * the count hook may not have run yet (a few `s = s .. s` suffice).
         * Reading the call stack allocates nothing, so note the line now. */
        if (h->L && !h->closing) {
            char src[256];
            int line = 0;
            lh_where(h->L, src, sizeof src, &line);
            if (line > 0) {
                snprintf(h->pos_src, sizeof h->pos_src, "%s", src);
                h->pos_line = line;
            }
        }
        /* After a refusal Lua runs a full garbage collection and asks
         * again: a loop of caught memory errors at the cap walks the whole
         * heap each time. Charge that walk. */
        if (h->L && !h->closing && h->budget.limit > 0 &&
            lh_budget_charge(&h->budget, (int64_t)(h->mem_used / 64) + 1))
            lua_sethook(h->L, lh_count_hook, LUA_MASKCOUNT, 1);
        return NULL;
    }
    void *p = h->arena ? lh_arena_realloc(h->arena, ptr, old, nsize) : realloc(ptr, nsize);
    if (!p)
        return NULL;
    /* Allocations of a kilobyte or more stand for copies (`a .. b` on big
     * strings) that no instruction count sees: charge them, and once that
     * spends the budget make the hook fire at the very next instruction.
     * lua_sethook is safe to call at any point. (At 64 KiB, a 65,000-byte
     * copy per instruction went free.) */
    if (nsize > old && nsize - old >= 1024 && h->L && !h->closing && h->budget.limit > 0 &&
        lh_budget_charge(&h->budget, (int64_t)((nsize - old) / 8)))
        lua_sethook(h->L, lh_count_hook, LUA_MASKCOUNT, 1);
    h->mem_used = h->mem_used - old + nsize;
    if (h->mem_used > h->mem_peak)
        h->mem_peak = h->mem_used;
    return p;
}

static int panic(lua_State *L)
{
    /* Every call into scenario code is protected; reaching here is a bug in
     * the host, not something a scenario can cause. */
    const char *m = lua_tostring(L, -1);
    fprintf(stderr, "bulkhead: internal error: unprotected Lua error: %s\n", m ? m : "?");
    abort();
}

lua_State *lh_sandbox_new(lh_host *h)
{
    lua_State *L = lua_newstate(lh_alloc, h);
    if (!L)
        return NULL;
    *(lh_host **)lua_getextraspace(L) = h;
    lua_atpanic(L, panic);
    return L;
}

/* The message handler: keeps the message (with a location even when the
 * scenario raised a bare value) and captures the traceback. It never calls
 * __tostring on error objects: that would run scenario code while handling
 * its own error. */
#define LH_MSG_KEEP 900
static int msgh(lua_State *L)
{
    lh_host *h = lh_of(L);
    char src[256], clean[1100];
    int line;
    size_t len = 0;
    const char *msg;
    int t = lua_type(L, 1);
    if (t == LUA_TSTRING || t == LUA_TNUMBER) {
        msg = lua_tolstring(L, 1, &len);
    } else {
        msg = lua_pushfstring(L, "error object is a %s value", luaL_typename(L, 1));
        len = strlen(msg);
    }
    /* Short enough that "file:line: " before it and the size after it
     * still fit the error's 1024-byte message, however long the name. */
    text_sanitize(msg, len, clean, LH_MSG_KEEP);
    if (len > LH_MSG_KEEP)
        snprintf(clean + strlen(clean), 60, "... (%zu bytes)", len);
    /* "file:line: ..." already, naming a file of this scenario? (error("other.c:99:
     * ...") must not hide where it came from.) Otherwise locate it at the raising frame. */
    int located = lh_known_prefix(h, clean, NULL) > 0;
    if (located) {
        lh_pushstr(L, clean);
    } else {
        lh_where(L, src, sizeof src, &line);
        lua_pushfstring(L, "%s:%d: %s", src, line, clean);
    }
    /* Errors passed up through nested coroutines gain one copy of the same
     * prefix per level; one is enough. */
    const char *m = lua_tostring(L, -1);
    size_t fn = lh_known_prefix(h, m, NULL);
    const char *end = fn ? strchr(m + fn + 1, ':') : NULL;
    if (end && end[1] == ' ') {
        size_t plen = (size_t)(end - m) + 2;
        const char *rest = m + plen;
        while (strncmp(rest, m, plen) == 0)
            rest += plen;
        if (rest != m + plen) {
            lua_pushlstring(L, m, plen);
            lh_pushstr(L, rest);
            lua_concat(L, 2);
            lua_remove(L, -2);
        }
    }
    luaL_traceback(L, L, NULL, 1);
    snprintf(h->trace, sizeof h->trace, "%s", lua_tostring(L, -1));
    lua_pop(L, 1);
    return 1;
}

void lh_trace_context(bh_err *err, const char *what)
{
    if (!what || !what[0])
        return;
    char ctx[1100];
    snprintf(ctx, sizeof ctx, "while running the %s", what);
    size_t used = strlen(err->trace), n = strlen(ctx);
    if (used + n + 2 < sizeof err->trace) {
        memmove(err->trace + n + 1, err->trace, used + 1);
        memcpy(err->trace, ctx, n);
        err->trace[n] = '\n';
    }
}

int lh_pcall(lh_host *h, int nargs, int nres, int64_t budget, const char *what, bh_err *err)
{
    lua_State *L = h->L;
    int base = lua_gettop(L) - nargs;
    lua_pushcfunction(L, msgh);
    lua_insert(L, base);
    lh_budget_reset(&h->budget, budget);
    h->timed_out = 0;
    h->deadline_ns = h->opts.watchdog_ms > 0 ? lh_clock_ns() + (int64_t)h->opts.watchdog_ms * 1000000 : 0;
    lua_sethook(L, lh_count_hook, LUA_MASKCOUNT, LH_HOOK_EVERY);
    h->trace[0] = '\0';
    h->pos_src[0] = '\0';
    h->pos_line = 0;
    int st = lua_pcall(L, nargs, nres, base);
    lua_sethook(L, lh_count_hook, LUA_MASKCOUNT, LH_HOOK_EVERY);
    h->last_used = h->budget.used;
    /* Spent, caught by the script's own pcall, and returned before another
     * instruction could raise it again: still a failure. */
    int swallowed = st == LUA_OK && h->budget.exceeded;
    if (st == LUA_OK && !swallowed) {
        lua_remove(L, base);
        h->deadline_ns = 0;
        return 0;
    }
    if (swallowed) {
        lh_split_message(h, h->budget.msg[0] ? h->budget.msg : "instruction budget exceeded",
                         h->path, err);
    } else if (st == LUA_ERRMEM) {
        err_set(err, BH_ESCRIPT, h->pos_src[0] ? h->pos_src : h->path, h->pos_line,
                "memory limit exceeded: the scenario holds more than %zu MiB",
                h->opts.mem_limit >> 20);
    } else if (st == LUA_ERRERR) {
        err_set(err, BH_ESCRIPT, h->pos_src[0] ? h->pos_src : h->path, h->pos_line,
                "error while handling an error (out of memory or budget?)");
    } else {
        const char *m = lua_tostring(L, -1);
        lh_split_message(h, m ? m : "unknown error", h->path, err);
        snprintf(err->trace, sizeof err->trace, "%s", h->trace);
    }
    lh_trace_context(err, what);
    lua_settop(L, base - 1);
    /* A failed call must not leave the next one with a spent budget. */
    lh_budget_reset(&h->budget, h->opts.hook_budget);
    h->deadline_ns = 0;
    return -1;
}
