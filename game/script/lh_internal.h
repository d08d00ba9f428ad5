/* lh_internal: the host struct and helpers shared by the script layer's
 * files (sandbox, declarations, world handle, host). Not for other layers. */
#ifndef LH_INTERNAL_H
#define LH_INTERNAL_H

#include <lua.h>
#include <lauxlib.h>
#include <string.h>

#include "script/lh_arena.h"
#include "script/lh_budget.h"
#include "script/lh_host.h"

#define LH_INCLUDE_DEPTH 16
#define LH_MAX_TEXT (64 * 1024)  /* longest text field a declaration may hold */
#define LH_REP_MAX ((size_t)16 << 20)
#define LH_MAX_DECLS 20000       /* declarations of all kinds in one scenario */
#define LH_MAX_PRINTS 1000       /* lines `print` may write per scenario load */
#define LH_MAX_SOURCES 64        /* files one scenario may consist of */
#define LH_MAX_LENGTH ((int64_t)90 * 86400) /* a scenario lasts at most 90 days */
#define LH_MAX_REPEATS 100000    /* calls an every() or the condition check may make */
#define LH_SUGGEST_WORK ((int64_t)20 * 1000 * 1000) /* "did you mean" steps per load */

/* Per kind of declaration, a Lua table from id to index, filled as the
 * declarations come: duplicate ids are found without a search, and hooks
 * look ids up through Lua's own string hashing. */
enum { LH_IDX_METER, LH_IDX_SYSTEM, LH_IDX_TEAM, LH_IDX_INJECT, LH_IDX_ACTION, LH_IDX_DECISION,
       LH_IDX_ENDING, LH_IDX_REFERENCE, LH_IDX_CUT, LH_IDX_OBJECTIVE, LH_NIDX };

struct lh_host {
    lua_State *L;
    lh_opts opts;
    size_t mem_used, mem_peak;
    lh_budget budget;
    bh_defs defs;
    lh_diags *diags;
    bh_sim *sim;       /* the session a hook call runs for; NULL while loading */
    int loading;       /* 1 while the scenario's main chunk runs */
    int closing;       /* 1 while lua_close runs: the stack is no longer readable */
    char *path;        /* the scenario as the user named it */
    char *dir;         /* its folder, for include and messages */
    char *realdir;     /* its folder after resolving links, for confinement */
    const char *including[LH_INCLUDE_DEPTH];
    int include_depth;
    char pos_src[256]; /* last place the count hook saw: locates memory errors */
    int pos_line;
    char trace[4096];  /* traceback captured by the message handler */
    int w_ref;         /* registry reference of the `w` table */
    int idx_ref[LH_NIDX]; /* registry refs of the id -> index tables (lh_decl.c, lh_field.c) */
    /* the effect handle and its mirror of the world (lh_world_effect.c) */
    int we_ref, mvals_ref, svals_ref, tvals_ref, fvals_ref;
    uint64_t synced;   /* sim_serial of the session the mirror holds; 0 = none */
    int64_t deadline_ns; /* watchdog: monotonic time the current call must end by */
    int timed_out;     /* the budget was spent by the watchdog, not by instructions */
    int prints;        /* lines printed so far */
    int64_t session_used; /* instructions the session's counted hooks have run */
    int64_t last_used;    /* instructions the last lh_pcall ran */
    int session_limited;  /* this call's limit is what is left of the session's */
    char *sources[LH_MAX_SOURCES]; /* display names of the files loaded */
    char *aliases[LH_MAX_SOURCES]; /* the names Lua knows them by (lh_note_source) */
    int nsources;
    int64_t suggest_work; /* "did you mean" comparison steps left for this load */
    size_t ndecls;     /* declarations so far: capped, as their text lives outside Lua */
    lh_arena *arena;   /* the Lua heap, when rewindable; else the C heap */
    struct lh_host *saved; /* the host as lh_save kept it */
};

/* lh_charge.c: spending the budget while scenario code runs */
/* Instructions between count-hook calls. Small, because one instruction
 * can hide a lot of C work (`a .. b` or `a == b` on 16 MiB strings), and
 * the hook is also where the time watchdog gets to look. */
#define LH_HOOK_EVERY 100
/* The count hook: set it with a count of LH_HOOK_EVERY, or of 1 once the
 * budget is spent (it then raises at the very next instruction). */
void lh_count_hook(lua_State *L, lua_Debug *ar);
/* Charge `n` units of C work to the current call; raises when spent. */
void lh_charge(lua_State *L, int64_t n);
/* Raise the budget error (instructions or time) for the current call. */
int lh_budget_error(lua_State *L, lh_host *h);
/* The watchdog's clock, in nanoseconds (monotonic, coarse). */
int64_t lh_clock_ns(void);

/* lh_sandbox.c */
/* A new state with the capped allocator and the host in its extra space;
 * no libraries yet, and no count hook. NULL when out of memory. */
lua_State *lh_sandbox_new(lh_host *h);
/* Protected call with the message handler and a fresh budget of `budget`
 * instructions. On failure fills `err` (file:line, message, traceback). */
int lh_pcall(lh_host *h, int nargs, int nres, int64_t budget, const char *what, bh_err *err);
/* Put "while running the <what>" at the head of err's traceback. */
void lh_trace_context(bh_err *err, const char *what);

/* lh_source.c */
/* Record a file of the scenario; returns its index, -1 when full, or -2
 * when out of memory.
 * h->aliases[index] is the chunk name to load it under. */
int lh_note_source(lh_host *h, const char *display);
/* The display name of the source Lua calls name[0..n), or NULL. */
const char *lh_source_display(const lh_host *h, const char *name, size_t n);
/* The name to show for Lua's short_src: its display name, or itself. */
const char *lh_display_name(const lh_host *h, const char *short_src);
int lh_known_source(const lh_host *h, const char *file, size_t n);
/* If s starts with "FILE:LINE:" where FILE is one of the scenario's files,
 * the length of FILE (and *line, when line is not NULL), else 0. Every colon is tried: a file's
 * name may itself hold ":12:". */
size_t lh_known_prefix(const lh_host *h, const char *s, int *line);
/* Load a chunk from text with the sandbox's rules (text only, size, UTF-8).
 * *bytes (if not NULL) gets the size read, loaded or not: the work done. */
int lh_loadfile(lh_host *h, const char *path, const char *display, size_t *bytes,
                bh_err *err);
/* Split "file:line: message" into err, naming the file as the user knows it. */
void lh_split_message(const lh_host *h, const char *s, const char *fallback_file, bh_err *err);
/* Fill src and *line with the innermost Lua frame's file (as the user
 * knows it) and line; the scenario's path and 0 when there is none. */
void lh_where(lua_State *L, char *src, size_t n, int *line);
/* Raise a Lua error located at the innermost Lua frame. */
int lh_error(lua_State *L, const char *fmt, ...);

/* lh_lib.c: opens the sandbox's libraries (a lua_CFunction, run protected) */
int lh_lib_open(lua_State *L);
/* Budget units one string.format conversion costs (a snprintf call). */
#define LH_FORMAT_SPEC_COST 64
/* ... and each digit of a number it prints at a given precision. */
#define LH_FORMAT_DIGIT_COST 8

/* lh_order.c: pairs, next and table.sort in a fixed order */
int lh_sb_pairs(lua_State *L);
int lh_sb_next(lua_State *L);
int lh_sb_sort(lua_State *L);
int lh_sb_insert(lua_State *L);
int lh_sb_remove(lua_State *L);

/* lh_meta.c: install the sealed setmetatable and getmetatable into the
 * globals table at index g. */
void lh_meta_open(lua_State *L, int g);

/* lh_co.c: install the guarded xpcall and coroutine functions into the
 * globals table at index g. */
void lh_guard_calls(lua_State *L, int g);

/* lua_pushstring without Lua's string cache. That cache is keyed by the C
 * string's address, so whether a long string is made anew (an allocation,
 * which is charged from 1 KiB, and garbage-collector debt) would depend on
 * where malloc put the text, which differs between builds: the hostile
 * suite saw the release and sanitizer builds stop at different places. */
static inline void lh_pushstr(lua_State *L, const char *s)
{
    if (s)
        lua_pushlstring(L, s, strlen(s));
    else
        lua_pushnil(L);
}

/* A registry table with weak keys: its entries go when their key does.
 * Only the host makes these; scripts may not (setmetatable refuses __mode). */
static inline void lh_weak_registry(lua_State *L, const char *name)
{
    lua_newtable(L);
    lua_createtable(L, 0, 1);
    lua_pushliteral(L, "k");
    lua_setfield(L, -2, "__mode");
    lua_setmetatable(L, -2);
    lua_setfield(L, LUA_REGISTRYINDEX, name);
}

/* lh_diag.c: add a finding to h->diags (file NULL: the scenario's path). */
void lh_diag_add(lh_host *h, lh_severity sev, const char *file, int line, const char *trace,
                 const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* lh_decl.c: install the declaration functions (scenario, meter, ...). */
void lh_decl_open(lh_host *h);
/* lh_check.c: the checks that need every declaration, once loading ends. */
void lh_decl_finish(lh_host *h);

/* lh_lint.c: findings a static read of the source can make */
void lh_lint(lh_host *h);

/* lh_world.c: build `w`, the handle conditions and hooks get. */
void lh_world_open(lh_host *h);
/* lh_world_effect.c: build the effect handle (a lua_CFunction, run
 * protected, once the declarations are final). */
int lh_world_effects(lua_State *L);
/* Make the effect handle's mirror hold h->sim's world, if it does not
 * already. -1 with err on failure (out of memory). */
int lh_world_sync(lh_host *h, bh_err *err);

/* lh_host.c */
/* The host owning a state (kept in the extra space, which coroutines copy). */
static inline lh_host *lh_of(lua_State *L) { return *(lh_host **)lua_getextraspace(L); }

#endif
