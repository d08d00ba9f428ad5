/* sched: the event queue.
 *
 * A binary heap ordered by (time, priority, sequence). The sequence number
 * is handed out on insertion, so events due at the same moment run in the
 * order they were scheduled: the tie-break that makes replay exact.
 * Priority lets the end-of-scenario event run after everything else due at
 * that moment. Cancelled events are not removed; their owners bump a
 * generation number and skip stale events when they pop (lazy deletion). */
#ifndef BH_SCHED_H
#define BH_SCHED_H

#include <stddef.h>
#include <stdint.h>

#include "core/defs.h"

typedef enum {
    EV_INJECT_AT,    /* idx = inject: its `at` time */
    EV_DECISION_AT,  /* idx = decision: its `at` time */
    EV_FIRE,         /* idx = inject: w.fire */
    EV_OPEN,         /* idx = decision: w.open */
    EV_ACTION_DONE,  /* idx = action, gen = run generation */
    EV_DEADLINE,     /* idx = decision, gen = open generation */
    EV_EVERY,        /* idx = every hook */
    EV_AFTER,        /* hook = the w.after function */
    EV_CHECK,        /* periodic condition check */
    EV_LENGTH        /* the scenario's length ran out */
} bh_ev_kind;

typedef struct bh_event {
    bh_time time;
    int prio;
    uint64_t seq;
    bh_ev_kind kind;
    int idx;
    unsigned gen;
    bh_hook hook;
} bh_event;

typedef struct bh_sched {
    bh_event *heap;
    size_t n, cap;
    uint64_t next_seq;
} bh_sched;

void sched_init(bh_sched *s);
void sched_free(bh_sched *s);
/* Returns 0, or -1 when out of memory. */
int sched_push(bh_sched *s, bh_time t, int prio, bh_ev_kind kind, int idx, unsigned gen,
               bh_hook hook);
/* The earliest event, or NULL when the queue is empty. */
const bh_event *sched_peek(const bh_sched *s);
/* Remove the earliest event into *out; returns 0, or -1 when empty. */
int sched_pop(bh_sched *s, bh_event *out);

#endif
