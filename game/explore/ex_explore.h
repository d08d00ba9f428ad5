/* ex_explore: the auto-playtester behind `bulkhead explore`.
 *
 * Plays many headless sessions of one scenario with simple player policies
 * and gathers what a scenario author wants to know: how often each ending
 * is reached, the spread of the final meters, content that never happened,
 * how long sessions last, which actions move the outcome, and every run
 * that stopped on a script error, with the journal that reproduces it.
 *
 * Run i uses seed = base + i and policy i mod (number of policies chosen),
 * and its policy draws its choices from its own generator seeded from that
 * seed, so any run can be played again alone (--runs 1 --seed S --policy P)
 * and its journal replays it under `bulkhead run`.
 *
 * Runs are shared among worker processes. Every session gets a Lua state
 * of its own: a fresh load of the scenario (the default), or a process
 * forked from the loaded scenario (a copy-on-write snapshot). Either way
 * nothing a scenario keeps in Lua locals or upvalues can carry from one
 * session to the next, and every run is exactly a fresh `bulkhead run` of
 * its journal. Results are filed by run index, so they never depend on the
 * number of workers.
 *
 * The statistics are one JSON model (ex_build, written through Jansson);
 * the text and Graphviz writers render that model, so they never disagree. */
#ifndef EX_EXPLORE_H
#define EX_EXPLORE_H

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>

#include "core/err.h"
#include "core/sim.h"
#include "script/lh_host.h"

/* How a simulated player plays (ex_play.c has the details):
 *   random    each run rules out a random half of the actions; at every look
 *             it starts uniformly chosen available ones among the rest, or
 *             nothing, and picks a uniformly random option of open decisions
 *             (or lets the clock decide);
 *   greedy    follows the scenario's advice: starts every available action
 *             marked recommended, picks recommended options, and otherwise
 *             now and then starts a random available action;
 *   cautious  lets every decision run to its default, and takes one step
 *             at a time: no new action while one it started still runs,
 *             never a restore, never a team's last free person;
 *   idle      never does anything. */
typedef enum { EX_RANDOM, EX_GREEDY, EX_CAUTIOUS, EX_IDLE, EX_NPOLICIES,
               EX_VARIED = EX_NPOLICIES /* a search's run made from an earlier one */
} ex_policy;
#define EX_NKINDS (EX_NPOLICIES + 1) /* the policies, and the search's varied runs */
#define EX_ALL_POLICIES ((1 << EX_NPOLICIES) - 1)

/* rewind: the worker loads the scenario once into a rewindable heap and
 * puts the Lua state back, byte for byte, before every session (the
 * default: a copy of the heap, a few microseconds);
 * reload: a fresh lh_load per session (1 to 4 ms);
 * fork: a process per session, forked from the worker's loaded scenario
 * (about 2 ms on the 2-core development VM; a session that crashes takes
 * only itself down).
 * All three isolate, and give the same results. */
typedef enum { EX_ISO_REWIND, EX_ISO_RELOAD, EX_ISO_FORK } ex_isolation;

typedef enum { EX_ENDED, EX_FAILED, EX_CRASHED } ex_run_status;

#define EX_DEFAULT_BUDGET 3000   /* search: runs in a row with nothing new before it stops */
#define EX_DEFAULT_CAP 200000    /* search: runs at most, unless --runs says otherwise */

/* What the search looks for and proves with a witness plan. */
typedef enum { EX_T_ENDING, EX_T_INJECT, EX_T_OPTION } ex_target_kind;

typedef struct ex_target {
    ex_target_kind kind;
    int index;             /* the ending, the inject, or the option (every decision's in turn) */
    int decision, option;  /* EX_T_OPTION: which */
    size_t feature;        /* the search's feature that says it happened */
    int run;               /* the first run that reached it; -1: never */
    double at;             /* seconds into the search when it did */
    int runs;              /* runs that reached it */
    char *best;            /* the journal lines of the run with the fewest inputs that did */
    uint64_t seed;         /* that run's */
    int cut;               /* the cut it played in, -1: the whole scenario */
    int best_inputs;
    char *witness;         /* --witness: those lines cut down (ex_minimize), or NULL */
    int witness_inputs;
    int reproduced;        /* the witness was played again and reached it */
    char *path;            /* where ex_write_witnesses put it */
} ex_target;

#define EX_MAX_RUNS 1000000   /* about 200 bytes each are kept */
#define EX_MAX_WORKERS 64
#define EX_MAX_SEEDS 10   /* seeds listed per distinct error */
#define EX_CLOCK_NOTE 50  /* clock calls per run from which a condition is pointed out */

typedef struct ex_opts {
    const char *scenario;
    int runs;
    uint64_t seed;          /* run i uses seed + i */
    unsigned policies;      /* bit (1 << ex_policy) per policy used */
    int workers;            /* processes; 0 = one per online CPU */
    ex_isolation isolation;
    int keep_journals;      /* keep every run's journal, not only failures' */
    int verify;             /* check every remembered condition answer (sim_verify_memos) */
    const char *meter;      /* impact measure: this meter's final value; NULL = ending tone */
    const char *cut;        /* play every run in this session cut; NULL = the whole scenario */
    lh_opts lua;
    /* --search: coverage-guided (ex_search.c); `runs` is then its cap. It stops
     * when `budget` runs in a row found nothing new (0: EX_DEFAULT_BUDGET). */
    int search, budget;
    int witness;            /* search: cut each target's run down to a witness plan */
    /* The search sets this for its generations: run i plays cands[i] (ex_internal.h). */
    const struct ex_cand *cands;
    /* Called in the calling process as runs come back (any order). */
    void (*progress)(void *ud, int done, int total);
    void *progress_ud;
} ex_opts;

void ex_opts_default(ex_opts *o);
const char *ex_policy_name(ex_policy p);
const char *ex_isolation_name(ex_isolation i);
/* Conditions: injects', decisions' and endings' `when`, then actions'
 * `available`, counted in turn (the order of clock_calls and stale). */
size_t ex_ncond(const bh_defs *d);
/* The kind of condition i of that count, and its index among its kind. */
bh_cond_kind ex_cond_kind(const bh_defs *d, size_t i, int *index);
/* Where condition i is declared, what it belongs to ("inject", "decision",
 * "ending" or "action") and that declaration's id. */
const bh_loc *ex_cond_where(const bh_defs *d, size_t i, const char **kind, const char **id);
/* "rewind", "reload" or "fork"; -1 for anything else. */
int ex_isolation_parse(const char *s, ex_isolation *out);
/* "random", "greedy", "cautious", "idle" -> its bit; "all" -> every bit; 0 when unknown. */
unsigned ex_parse_policy(const char *s);

typedef struct ex_run {
    uint64_t seed;
    int cut;               /* the session cut it played in, -1: the whole scenario */
    ex_policy policy;
    ex_run_status status;
    int ending;            /* index, or -1 (failed, or no fallback ending) */
    int by_length;         /* 1 when the scenario's length ran out */
    bh_time end_time;      /* simulated time when the session stopped */
    int inputs;            /* inputs the policy applied */
    double *meters;        /* final values, one per meter */
    unsigned char *started;/* one per action: 1 when the run started it */
    int group;             /* failed: index into ex_result.groups */
    char *journal;         /* when kept (keep_journals), else NULL */
} ex_run;

/* The runs that failed with the same error, in order of their first run. */
typedef struct ex_group {
    char *error;           /* "file:line: message" */
    char *file, *msg;      /* its parts: file ("" when none), message */
    int line;              /* 0 when unknown */
    char *trace;           /* of the first run, "" when none */
    int runs;
    int first;             /* index of the first run */
    uint64_t seeds[EX_MAX_SEEDS]; /* of the first runs, in run order */
    int nseeds;
    char *journal;         /* the first run's journal */
    char *path;            /* where ex_save_failures wrote it, else NULL */
} ex_group;

typedef struct ex_edge {
    int a, b;              /* story nodes: injects, then decisions, then endings */
    int same;              /* 1: b came at the same instant as a */
    int runs;
} ex_edge;

typedef struct ex_result {
    ex_opts opts;          /* as run (workers resolved); pointers borrowed */
    char *scenario;
    lh_host *host;         /* the loaded scenario: its defs name everything */
    const bh_defs *defs;
    int nruns;
    ex_run *runs;
    int looked;            /* runs whose policy looked at the actions (all but idle) */
    int *fired, *opened, *available, *started, *reached; /* runs in which each happened */
    int *chosen;           /* runs in which each option took effect (chosen or by default),
                              every decision's options in turn */
    uint64_t *clock_calls; /* per condition (ex_ncond's order): its calls that read w.time,
                              summed over the runs */
    uint64_t *stale;       /* per condition: remembered answers a fresh call contradicted
                              (opts.verify), summed over the runs */
    double *low, *high;    /* per meter: lowest and highest at any time in any run that
                              did not crash (low > high when there is none) */
    ex_edge *edges;        /* sorted by (a, b, same) */
    size_t nedges;
    ex_group *groups;
    int ngroups;
    int failed;            /* runs that failed or crashed */
    int workers;
    double seconds;        /* wall time of the runs */
    /* --search only */
    ex_target *targets;    /* endings, then injects, then options */
    int ntargets;
    int generations, corpus; /* generations played; runs kept to build on */
    int quiet;             /* runs in a row at the end that found nothing new */
    int all_failed;        /* it stopped because no run of a generation ended */
    double search_t0;      /* when the search started (ex_mono_s) */
    int minimize_runs;     /* runs spent cutting witnesses down */
    double minimize_seconds;
} ex_result;

/* Play the runs. BH_OK with *out set even when runs failed (see
 * out->failed); an error only when the scenario does not load (problems
 * in `diags`) or the workers could not run. */
bh_status ex_explore(const ex_opts *o, ex_result **out, lh_diags *diags, bh_err *err);
void ex_result_free(ex_result *r);

/* Write each distinct error's first journal to DIR (NULL: the current
 * directory) as explore-FAIL-<scenario id>-<seed>.journal, at most `max`
 * of them. A file that exists with other contents is never replaced: a
 * -2, -3... suffix is added. Sets each group's path. */
bh_status ex_save_failures(ex_result *r, const char *dir, int max, bh_err *err);
/* Where failure journals go when nobody said: explore-<scenario id> in the
 * current folder, made when a run failed ("." when it cannot be made), so
 * the folder the author works in does not fill up with journals. */
const char *ex_failures_dir(const ex_result *r, char *buf, size_t n);
/* A run's journal as `bulkhead run` reads it, at `path`; a file already
 * there is kept (BH_OK when it holds exactly this journal, else BH_EIO). */
bh_status ex_write_journal(const ex_result *r, int run, const char *journal, const char *path,
                           bh_err *err);

/* Write every witness into DIR as ending-ID.plan, inject-ID.plan and
 * option-DECISION-OPTION.plan, each naming the scenario relative to DIR
 * (or absolutely). A file there that is not a witness is never replaced.
 * Sets each target's path. */
bh_status ex_write_witnesses(ex_result *r, const char *dir, bh_err *err);

/* The statistics as one JSON document (version 1; shape in ex_model.c).
 * `timing` adds the wall time and speed, the only part that differs
 * between identical explorations. NULL on no memory. */
json_t *ex_build(const ex_result *r, int timing);
/* Writers of that model. */
void ex_write_text(FILE *f, const json_t *m);
void ex_write_dot(FILE *f, const json_t *m);

#endif
