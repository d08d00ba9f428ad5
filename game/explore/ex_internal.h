/* ex_internal: what the explorer's files share (ex_play.c plays one run,
 * ex_rec.c carries its record, ex_pool.c runs them in worker processes,
 * ex_explore.c gathers them, ex_journal.c writes journals, ex_model.c and
 * ex_write.c turn them into statistics, text and a graph).
 * Not for other layers. */
#ifndef EX_INTERNAL_H
#define EX_INTERNAL_H

#include <stddef.h>

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

/* The seed and policy of run `run`. */
uint64_t ex_run_seed(const ex_opts *o, int run);
ex_policy ex_run_policy(const ex_opts *o, int run);

/* Play run `run` on host `h` and append its record to `out`. The session
 * changes the host's Lua state for good: call it in a process of its own or
 * on a fresh load. Returns -1 only when out of memory. */
int ex_play(const ex_opts *o, lh_host *h, int run, ex_buf *out);
/* The record of a run whose process died or could not load the scenario. */
int ex_play_crashed(const ex_opts *o, const bh_defs *d, int run, const char *why, ex_buf *out);

/* Run every run in `workers` processes; `sink` gets each record in the
 * calling process (any order) and returns 0, or stops it with -2 (a record
 * that makes no sense) or -3 (out of memory). */
typedef int (*ex_sink)(void *ud, const ex_rec *r);
bh_status ex_pool_run(const ex_opts *o, lh_host *h, int workers, ex_sink sink, void *ud,
                      bh_err *err);

#endif
