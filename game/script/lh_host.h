/* lh_host: the Lua host. Turns a scenario file into core definitions and
 * hooks, and owns the sandbox every line of scenario code runs in.
 *
 * One host = one Lua state = one scenario load. Sessions never share a
 * Lua state as it was left by another, so nothing a scenario keeps in Lua
 * locals can leak from one session into the next: to start over, load
 * again (milliseconds), or, for a host loaded `rewindable`, lh_rewind to
 * the state lh_save kept (microseconds: a copy of the Lua heap).
 *
 * Problems found while loading are collected as diagnostics, each with the
 * file:line of the declaration it concerns, so `bulkhead check` can show all
 * of them at once. Errors at run time come back from the hooks as bh_err
 * values carrying file:line and the Lua traceback. */
#ifndef LH_HOST_H
#define LH_HOST_H

#include <stddef.h>
#include <stdint.h>

#include "core/defs.h"
#include "core/err.h"
#include "core/sim.h"

typedef struct lh_opts {
    size_t mem_limit;      /* bytes the Lua state may hold; default 64 MiB */
    int64_t hook_budget;   /* instructions per hook call; default 10 million */
    int64_t load_budget;   /* instructions for loading the file; default 50 million */
    int watchdog_ms;       /* real-time last resort per call; default 5000, 0 = off */
    int64_t session_budget; /* instructions for all of a session's effects and
                               `when` conditions together; default 100 million */
    int rewindable;        /* keep the Lua heap in an arena, for lh_save/lh_rewind */
} lh_opts;

#define LH_DEFAULT_MEM_LIMIT ((size_t)64 << 20)
#define LH_DEFAULT_HOOK_BUDGET ((int64_t)10 * 1000 * 1000)
#define LH_DEFAULT_LOAD_BUDGET ((int64_t)50 * 1000 * 1000)
#define LH_DEFAULT_WATCHDOG_MS 5000
#define LH_DEFAULT_SESSION_BUDGET ((int64_t)100 * 1000 * 1000)
#define LH_MAX_SOURCE_BYTES ((size_t)4 << 20)

typedef enum { LH_ERROR, LH_WARNING } lh_severity;

typedef struct lh_diag {
    lh_severity sev;
    char *file;
    int line;
    int col;     /* 1-based column of the finding, or 0 when it is the whole line */
    char *msg;
    char *trace; /* traceback for errors raised while running code, or NULL */
} lh_diag;

typedef struct lh_diags {
    lh_diag *v;
    size_t n, cap;
    int errors, warnings;
    int lost;  /* findings counted but not kept: there was no memory for them */
} lh_diags;

void lh_diags_free(lh_diags *d);
/* What to say when findings were lost (lost > 0), which is always for
 * want of memory; NULL when none were. */
const char *lh_diags_lost_msg(const lh_diags *d);

typedef struct lh_host lh_host;

void lh_opts_default(lh_opts *o);
/* Load a scenario. Returns BH_OK with *out set when the file loaded without
 * errors (warnings may be present); otherwise BH_ESCRIPT (or BH_EIO) with
 * the problems in `diags` and *out NULL. */
bh_status lh_load(const char *path, const lh_opts *opts, lh_host **out, lh_diags *diags);
void lh_free(lh_host *h);
/* Keep the host as it is now: call right after lh_load, before any
 * session, on a host loaded with opts.rewindable. BH_EUSAGE without it,
 * BH_ENOMEM when the copy does not fit. */
bh_status lh_save(lh_host *h);
/* Put the host's Lua state and counters back exactly as lh_save kept them.
 * Call only between sessions (no sim may still hold the host's hooks). */
void lh_rewind(lh_host *h);

const bh_defs *lh_defs(const lh_host *h);
/* The hook interface for sim_create. */
bh_hooks lh_hooks(lh_host *h);
/* Bytes the Lua state holds now, and at most so far. */
size_t lh_memory(const lh_host *h);
size_t lh_memory_peak(const lh_host *h);

#endif
