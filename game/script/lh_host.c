/* lh_host.c: loading a scenario, include, and the hook interface.
 *
 * The top of the script layer: it makes the sandboxed state (lh_sandbox.c)
 * and opens its libraries (lh_lib.c) and the scenario API (lh_decl.c,
 * lh_world.c) in it, and calls down into them; nothing calls back up. */
#include "script/lh_internal.h"

#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/mem.h"
#include "core/text.h"

void lh_opts_default(lh_opts *o)
{
    o->mem_limit = LH_DEFAULT_MEM_LIMIT;
    o->hook_budget = LH_DEFAULT_HOOK_BUDGET;
    o->load_budget = LH_DEFAULT_LOAD_BUDGET;
    o->watchdog_ms = LH_DEFAULT_WATCHDOG_MS;
    /* Test-only: the hostile suite runs once with the watchdog off, to show
     * that a deterministic limit (instructions, memory, stack, size) stops
     * every case on its own, whatever the machine's speed. */
    const char *wd = getenv("BH_TEST_NO_WATCHDOG");
    if (wd && strcmp(wd, "1") == 0)
        o->watchdog_ms = 0;
    o->session_budget = LH_DEFAULT_SESSION_BUDGET;
}

const bh_defs *lh_defs(const lh_host *h) { return &h->defs; }
size_t lh_memory(const lh_host *h) { return h->mem_used; }
size_t lh_memory_peak(const lh_host *h) { return h->mem_peak; }

/* include("file.lua"): run a sibling file. Only plain relative names inside
 * the scenario's folder are accepted, and the resolved path must still be
 * inside it, so links cannot lead out either. */
static int l_include(lua_State *L)
{
    lh_host *h = lh_of(L);
    const char *name = luaL_checkstring(L, 1);
    if (!h->loading)
        return lh_error(L, "include() is only allowed while the scenario loads");
    size_t n = strlen(name);
    if (n == 0 || n > 200 || name[0] == '/' || strstr(name, "..") || n < 5 ||
        strcmp(name + n - 4, ".lua") != 0)
        return lh_error(L, "include(\"%.200s\"): give a .lua file name relative to the "
                           "scenario's folder, without '..' or a leading '/'", name);
    for (const char *p = name; *p; p++)
        if (!(*p == '/' || *p == '_' || *p == '-' || *p == '.' || (*p >= 'a' && *p <= 'z') ||
              (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')))
            return lh_error(L, "include(\"%.200s\"): file names may use only letters, digits, "
                               "'_', '-', '.' and '/'", name);
    if (h->include_depth >= LH_INCLUDE_DEPTH)
        return lh_error(L, "include(\"%s\"): includes nest deeper than %d", name,
                        LH_INCLUDE_DEPTH);
    char path[PATH_MAX], real[PATH_MAX], display[PATH_MAX];
    snprintf(path, sizeof path, "%s/%s", h->realdir, name);
    snprintf(display, sizeof display, "%s/%s", h->dir, name);
    if (!realpath(path, real))
        return lh_error(L, "include(\"%s\"): no such file in %s", name, h->dir);
    size_t dl = strlen(h->realdir);
    if (strncmp(real, h->realdir, dl) != 0 || real[dl] != '/')
        return lh_error(L, "include(\"%s\"): it resolves outside the scenario's folder", name);
    for (int i = 0; i < h->include_depth; i++)
        if (strcmp(h->including[i], real) == 0)
            return lh_error(L, "include(\"%s\"): it is already being included (a cycle)", name);
    bh_err e;
    err_clear(&e);
    size_t bytes = 0;
    int failed = lh_loadfile(h, real, display, &bytes, &e) != 0;
    /* Reading, checking and parsing are C work: a loop of pcall(include,
     * "4mb.lua") must pay for each time. */
    lh_charge(L, lh_cost_mul((int64_t)bytes, 2));
    if (failed) {
        /* The problem is in the included file: name its line first. */
        lua_pushfstring(L, "%s:%d: %s (included from here)", e.file, e.line, e.msg);
        return lua_error(L);
    }
    char *keep = mem_strdup(real);
    if (!keep)
        return lh_error(L, "out of memory");
    h->including[h->include_depth++] = keep;
    /* Run it unprotected: its errors carry its own file:line and unwind
     * through this call to the main chunk's handler. Balance the stack of
     * includes whichever way it ends by running it inside a pcall here. */
    int st = lua_pcall(L, 0, LUA_MULTRET, 0);
    h->include_depth--;
    free(keep);
    if (st != LUA_OK)
        return lua_error(L);
    return lua_gettop(L) - 1;
}

static void host_where(void *ud, bh_hook hook, char *file, size_t n, int *line)
{
    lh_host *h = ud;
    lua_Debug ar;
    lua_rawgeti(h->L, LUA_REGISTRYINDEX, hook);
    if (lua_isfunction(h->L, -1) && lua_getinfo(h->L, ">S", &ar)) {
        snprintf(file, n, "%s", lh_display_name(h, ar.short_src));
        *line = ar.linedefined;
    } else {
        lua_pop(h->L, 1);
    }
}

static bh_status host_call(void *ud, bh_sim *sim, bh_hook hook, bh_hook_kind kind,
                           const bh_what *what, bh_hook_result *out, bh_err *err)
{
    lh_host *h = ud;
    lua_State *L = h->L;
    /* Effects and `when` conditions share one budget per session, so many
     * calls that each stay under their own limit still cannot run forever.
     * Availability checks stay outside it: the UI makes them as often as it
     * redraws, and the outcome must not depend on the frame rate. */
    int64_t limit = h->opts.hook_budget;
    int counted = kind != HOOK_AVAILABLE;
    if (counted) {
        int64_t left = h->opts.session_budget - h->session_used;
        if (left <= 0) {
            char file[512];
            int line = 0;
            snprintf(file, sizeof file, "%s", h->path);
            host_where(h, hook, file, sizeof file, &line);
            return err_set(err, BH_ESCRIPT, file, line,
                           "session instruction limit reached: the scenario's hooks have run "
                           "%lld million instructions in this session",
                           (long long)(h->opts.session_budget / 1000000));
        }
        if (left < limit)
            limit = left;
    }
    h->session_limited = counted && limit < h->opts.hook_budget;
    h->sim = sim;
    if (kind == HOOK_EFFECT && lh_world_sync(h, err) != 0) {
        h->sim = NULL;
        return BH_ESCRIPT;
    }
    lua_rawgeti(L, LUA_REGISTRYINDEX, hook);
    /* effects get the fast handle; conditions the one that records reads */
    lua_rawgeti(L, LUA_REGISTRYINDEX, kind == HOOK_EFFECT ? h->we_ref : h->w_ref);
    int nres = kind != HOOK_EFFECT ? 2 : 0;
    int failed = lh_pcall(h, 1, nres, limit, NULL, err) != 0;
    if (counted)
        h->session_used = lh_cost_add(h->session_used, h->last_used);
    if (failed) {
        char text[200]; /* named only now: formatting it for every call would cost */
        sim_what_format(what, text, sizeof text);
        lh_trace_context(err, text);
        h->sim = NULL;
        return BH_ESCRIPT;
    }
    if (kind != HOOK_EFFECT) {
        /* true | false | false, "reason" | "reason" (a reason alone means no) */
        out->truth = lua_toboolean(L, -2);
        out->reason[0] = '\0';
        int ri = lua_type(L, -2) == LUA_TSTRING ? -2 : lua_type(L, -1) == LUA_TSTRING ? -1 : 0;
        if (lua_type(L, -2) == LUA_TSTRING)
            out->truth = 0;
        if (ri && !out->truth) {
            size_t len;
            const char *r = lua_tolstring(L, ri, &len);
            text_sanitize(r, len, out->reason, sizeof out->reason);
        }
        lua_pop(L, 2);
    }
    h->sim = NULL;
    return BH_OK;
}

static void host_release(void *ud, bh_hook hook)
{
    lh_host *h = ud;
    luaL_unref(h->L, LUA_REGISTRYINDEX, hook);
}

bh_hooks lh_hooks(lh_host *h)
{
    return (bh_hooks){h, host_call, host_release, host_where};
}

/* The state a scenario runs in: the sandbox's bare state, then its
 * libraries (opened protected, before any budget exists), then the count
 * hook armed. NULL when out of memory. */
static lua_State *sandboxed_state(lh_host *h)
{
    lua_State *L = lh_sandbox_new(h);
    if (!L)
        return NULL;
    lua_pushcfunction(L, lh_lib_open);
    if (lua_pcall(L, 0, 0, 0) != LUA_OK) {
        lua_close(L);
        return NULL;
    }
    lua_sethook(L, lh_count_hook, LUA_MASKCOUNT, LH_HOOK_EVERY);
    return L;
}

static int setup(lua_State *L)
{
    lh_host *h = lh_of(L);
    lh_decl_open(h);
    lh_world_open(h);
    lua_pushcfunction(L, l_include);
    lua_setglobal(L, "include");
    return 0;
}

/* A file that does not open (missing, unreadable, a folder): "cannot open
 * scenario 'x.lua': why", at the file, not at a line 1 that would read like
 * a syntax error. Other read errors (too big, a FIFO) keep their line. */
static void load_failed(lh_host *h, const char *path, const bh_err *e)
{
    static const char prefix[] = "cannot open: ";
    struct stat sb;
    if (e->status == BH_EIO && stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
        lh_diag_add(h, LH_ERROR, path, 0, NULL,
                    "cannot open scenario '%s': it is a folder, not a scenario file", path);
    else if (e->status == BH_EIO && strncmp(e->msg, prefix, sizeof prefix - 1) == 0)
        lh_diag_add(h, LH_ERROR, path, 0, NULL, "cannot open scenario '%s': %s", path,
                    e->msg + sizeof prefix - 1);
    else
        lh_diag_add(h, LH_ERROR, e->file, e->line, NULL, "%s", e->msg);
}

bh_status lh_load(const char *path, const lh_opts *opts, lh_host **out, lh_diags *diags)
{
    *out = NULL;
    lh_host *h = mem_calloc(1, sizeof *h);
    if (!h) {
        diags->errors++;
        diags->lost++;
        return BH_ENOMEM;
    }
    if (opts)
        h->opts = *opts;
    else
        lh_opts_default(&h->opts);
    defs_init(&h->defs);
    h->diags = diags;
    h->suggest_work = LH_SUGGEST_WORK;
    h->path = mem_strdup(path);
    char *tmp = mem_strdup(path);
    h->dir = tmp ? mem_strdup(dirname(tmp)) : NULL;
    free(tmp);
    char real[PATH_MAX];
    int found = h->dir && realpath(h->dir, real);
    if (found)
        h->realdir = mem_strdup(real);
    bh_status st = BH_ESCRIPT;
    if (!h->path || !h->dir || (found && !h->realdir)) {
        lh_diag_add(h, LH_ERROR, path, 0, NULL, "out of memory");
        st = BH_ENOMEM;
        goto fail;
    }
    if (!h->realdir) {
        lh_diag_add(h, LH_ERROR, path, 0, NULL, "cannot open scenario '%s': no folder '%s'",
                    path, h->dir);
        st = BH_EIO;
        goto fail;
    }
    /* Room for the memory limit many times over: size classes round up,
     * and freed blocks are reused only by their own or smaller classes, so
     * a session cycling big blocks of many sizes spreads out. Only address
     * space is taken (pages are used when touched); where the system will
     * not reserve that much, less is tried. */
    for (size_t times = 64; h->opts.rewindable && !h->arena && times >= 8; times /= 2)
        h->arena = lh_arena_new(h->opts.mem_limit * times + ((size_t)64 << 20));
    if (h->opts.rewindable && !h->arena) {
        lh_diag_add(h, LH_ERROR, path, 0, NULL, "cannot reserve memory for the Lua state");
        st = BH_ENOMEM;
        goto fail;
    }
    h->L = sandboxed_state(h);
    if (!h->L) {
        lh_diag_add(h, LH_ERROR, path, 0, NULL, "cannot create the Lua state (out of memory)");
        st = BH_ENOMEM;
        goto fail;
    }
    bh_err e;
    err_clear(&e);
    lua_pushcfunction(h->L, setup);
    if (lh_pcall(h, 0, 0, h->opts.load_budget, NULL, &e) != 0) {
        lh_diag_add(h, LH_ERROR, path, 0, NULL, "cannot set up the scenario API: %s", e.msg);
        goto fail;
    }
    if (lh_loadfile(h, path, path, NULL, &e) != 0) {
        load_failed(h, path, &e);
        st = e.status == BH_EIO ? BH_EIO : BH_ESCRIPT;
        goto fail;
    }
    if (!realpath(path, real)) {
        lh_diag_add(h, LH_ERROR, path, 0, NULL, "cannot resolve the file's path");
        goto fail;
    }
    if (!(h->including[0] = mem_strdup(real))) {
        lh_diag_add(h, LH_ERROR, path, 0, NULL, "out of memory");
        st = BH_ENOMEM;
        goto fail;
    }
    h->include_depth = 1;
    h->loading = 1;
    int rc = lh_pcall(h, 0, 0, h->opts.load_budget, "scenario's main chunk", &e);
    h->loading = 0;
    free((char *)h->including[0]);
    h->include_depth = 0;
    if (rc != 0) {
        lh_diag_add(h, LH_ERROR, e.file, e.line, e.trace, "%s", e.msg);
        goto fail;
    }
    lh_decl_finish(h);
    if (h->diags->errors == 0)
        lh_lint(h); /* needs the declarations resolved */
    if (diags->errors)
        goto fail;
    lua_pushcfunction(h->L, lh_world_effects);
    if (lh_pcall(h, 0, 0, h->opts.load_budget, NULL, &e) != 0) {
        lh_diag_add(h, LH_ERROR, path, 0, NULL, "cannot build the world handle: %s", e.msg);
        goto fail;
    }
    /* What only loading needed (the texts, once copied into the
     * declarations; the parser's leftovers) goes now, so every session
     * starts from the same small heap: a rewindable host copies it back
     * before every explored session. Scripts cannot observe the collector
     * (no __gc, no weak tables), so this changes no outcome. */
    lua_gc(h->L, LUA_GCCOLLECT);
    *out = h;
    return BH_OK;
fail:
    lh_free(h);
    return st;
}

bh_status lh_save(lh_host *h)
{
    if (!h->arena)
        return BH_EUSAGE;
    if (!h->saved && !(h->saved = mem_malloc(sizeof *h->saved)))
        return BH_ENOMEM;
    if (lh_arena_save(h->arena) != 0)
        return BH_ENOMEM;
    *h->saved = *h;
    return BH_OK;
}

void lh_rewind(lh_host *h)
{
    if (!h->saved)
        return;
    lh_arena_restore(h->arena);
    lh_host *keep = h->saved;
    *h = *keep; /* the counters (memory, budget, prints) as they were */
    h->saved = keep;
}

void lh_free(lh_host *h)
{
    if (!h)
        return;
    if (h->L) {
        h->closing = 1;
        lua_close(h->L);
    }
    lh_arena_free(h->arena);
    free(h->saved);
    defs_free(&h->defs);
    for (int i = 0; i < h->nsources; i++) {
        free(h->sources[i]);
        free(h->aliases[i]);
    }
    free(h->path);
    free(h->dir);
    free(h->realdir);
    free(h);
}
