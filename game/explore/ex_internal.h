/* ex_internal: what the explorer's files share (ex_play.c plays one run,
 * ex_rec.c carries its record, ex_pool.c runs them in worker processes,
 * ex_explore.c gathers them, ex_journal.c writes journals, ex_model.c and
 * ex_write.c turn them into statistics, text and a graph).
 * Not for other layers. */
#ifndef EX_INTERNAL_H
#define EX_INTERNAL_H

#include <stddef.h>

#include "core/rng.h"

#include "explore/ex_explore.h"

/* A growable byte buffer; `oom` sticks once an append failed. */
typedef struct ex_buf {
    char *p;
    size_t n, cap;
    int oom;
} ex_buf;

int ex_buf_add(ex_buf *b, const void *data, size_t n);
int ex_buf_printf(ex_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void ex_buf_free(ex_buf *b);

/* What one playthrough reports. Sent from the session's process to the
 * caller as one record (ex_rec_encode), read back in place (ex_rec_decode).
 * Arrays are sized by the scenario's defs. */
typedef struct ex_rec {
    int run, policy, status, ending, by_length, inputs;
    bh_time end_time;
    uint64_t seed;                 /* the session's */
    int cut;                       /* the session cut it played in, -1: none */
    int err_line, err_flen;        /* failed: the error's line, and how many bytes of
                                      `error` are its file ("file:line: message") */
    const double *meters;          /* nmeters: final values */
    const double *lo, *hi;         /* nmeters: lowest and highest at any time */
    const ex_edge *edges;          /* distinct story successions; runs = 1 */
    size_t nedges;
    const uint32_t *clock_calls;   /* per condition (ex_ncond: injects, decisions and endings
                                      `when`, actions' `available`): calls that read w.time */
    const uint32_t *stale;         /* per condition: remembered answers a fresh call
                                      contradicted (with opts.verify) */
    const unsigned char *fired;    /* ninjects */
    const unsigned char *opened;   /* ndecisions */
    const unsigned char *avail;    /* nactions: seen startable when the policy looked */
    const unsigned char *started;  /* nactions */
    const unsigned char *chosen;   /* every decision's options in turn (ex_noptions) */
    const char *error, *trace, *journal; /* "" when none */
} ex_rec;

/* A search candidate (ex_search.c): inputs the player applies at their
 * times, in order (a refused one is dropped, as a click would be), and
 * then a policy that plays on from the last of them (EX_IDLE: nothing
 * more). With ex_opts.cands set, run i plays cands[i] instead of the seed
 * and policy of ex_run_seed / ex_run_policy. */
typedef struct ex_step {
    bh_time time;
    int kind;      /* IN_START, IN_CANCEL or IN_CHOOSE: the players' own inputs */
    int a, b;
} ex_step;

typedef struct ex_cand {
    uint64_t seed;         /* the session's */
    uint64_t pseed;        /* the policy's own generator */
    ex_policy policy;      /* after the steps */
    int cut;               /* the session cut it plays in, -1: the whole scenario */
    double forget;         /* greedy: the chance it never thinks of a recommended action */
    const ex_step *steps;
    int nsteps;
} ex_cand;

/* Records are padded to this, so each one starts aligned in a stream. */
#define EX_REC_ALIGN 8

/* Edges in order of (a, b, same), for qsort. */
int ex_edge_cmp(const void *x, const void *y);
/* All the options of all the decisions, counted in turn. */
size_t ex_noptions(const bh_defs *d);


int ex_rec_encode(const ex_rec *r, const bh_defs *d, ex_buf *out);
/* Size of the record at p (0 when fewer than a header's bytes are there),
 * and its decoding: 0, or -1 when the bytes are not a record for these defs. */
size_t ex_rec_size(const char *p, size_t n);
int ex_rec_decode(const char *p, size_t n, const bh_defs *d, ex_rec *out);

/* A while: from a minute to half the span, as likely minutes as hours or
 * days (log-uniform), which is how late a player's second thoughts come. */
bh_time ex_log_span(bh_rng *r, bh_time span);

/* The seed and policy of run `run`. */
uint64_t ex_run_seed(const ex_opts *o, int run);
ex_policy ex_run_policy(const ex_opts *o, int run);

/* Play run `run` on host `h` and append its record to `out`. The session
 * changes the host's Lua state for good: call it in a process of its own or
 * on a fresh load. Returns -1 only when out of memory. */
int ex_play(const ex_opts *o, lh_host *h, int run, ex_buf *out);
/* The record of a run whose process died or could not load the scenario. */
int ex_play_crashed(const ex_opts *o, const bh_defs *d, int run, const char *why, ex_buf *out);

typedef int (*ex_sink)(void *ud, const ex_rec *r);

/* Gathering runs into a result, in any order (ex_explore.c). */
typedef struct ex_gather {
    ex_result *r;
    unsigned char *seen;  /* runs received */
    int *firsts;          /* per group: run indices of its first runs, sorted */
    size_t edge_cap;
    int done;
} ex_gather;
/* Load the scenario and make room for o->runs runs (the search's cap). */
bh_status ex_begin(const ex_opts *o, ex_gather *g, lh_diags *diags, bh_err *err);
/* An ex_sink: file one run's record. */
int ex_absorb(void *ud, const ex_rec *x);
/* The first `played` runs all came back: the result, in *out (g is emptied). */
bh_status ex_end(ex_gather *g, int played, ex_result **out, bh_err *err);
void ex_gather_free(ex_gather *g);
double ex_mono_s(void);
/* The coverage-guided search (ex_search.c), behind ex_explore with o->search. */
bh_status ex_search(const ex_opts *o, ex_result **out, lh_diags *diags, bh_err *err);

/* Play candidates c[0..n) in the pool; records carry local run indices. */
bh_status ex_run_cands(const ex_result *r, const ex_cand *c, int n, ex_sink sink, void *ud,
                       bh_err *err);
/* The search's features, one index space: injects fired, actions started,
 * options taken, decisions opened, endings reached (ex_witness.c). */
typedef enum { EX_F_INJECT, EX_F_ACTION, EX_F_OPTION, EX_F_DECISION, EX_F_ENDING } ex_feat;
size_t ex_feature(const bh_defs *d, ex_feat kind, size_t i);
size_t ex_nfeatures(const bh_defs *d);
/* Targets (ex_witness.c): make them, note a run that reached some (hit:
 * per feature; journal NULL for a failed run), and cut each target's best
 * run down to a witness (opts.witness). */
int ex_targets_init(ex_result *r, double t0);
int ex_target_seen(ex_result *r, int run, int status, const unsigned char *hit,
                   const char *journal, uint64_t seed, int cut, int inputs, double now);
bh_status ex_minimize(ex_result *r, bh_err *err);
/* A run's journal lines as steps (the players' inputs only, at most max):
 * 0, or -1 when they do not parse or there is no memory (ex_witness.c). */
int ex_steps_parse(const bh_defs *d, const char *journal, int max, ex_step **out, int *n);

/* One mutation of v (n steps sorted by time, room for max): the new n;
 * *tail set when the rest should be played by a policy (ex_mutate.c). */
typedef struct ex_mutator {
    bh_rng *rng;
    const bh_defs *d;
    bh_time span;          /* the session's length */
    /* a splice's other run: its steps and count, or NULL (asked only for a splice) */
    const ex_step *(*donor)(void *ud, int *n);
    void *ud;
} ex_mutator;
int ex_mutate(const ex_mutator *m, ex_step *v, int n, int max, int *tail);

/* The model's "search" part, and its text (ex_search_out.c). */
json_t *ex_build_search(const ex_result *r, int timing);
void ex_write_search(FILE *f, const json_t *m);

/* Run every run in `workers` processes; `sink` gets each record in the
 * calling process (any order) and returns 0, or stops it with -2 (a record
 * that makes no sense) or -3 (out of memory). */
bh_status ex_pool_run(const ex_opts *o, lh_host *h, int workers, ex_sink sink, void *ud,
                      bh_err *err);

#endif
