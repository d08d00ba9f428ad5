/* sim_internal: the session struct, shared by sim.c (event loop) and
 * sim_world.c (inputs, queries and the world API). Not for other layers. */
#ifndef BH_SIM_INTERNAL_H
#define BH_SIM_INTERNAL_H

#include "core/sim.h"

typedef struct sim_act {
    int running;
    unsigned gen; /* bumped on start and cancel: stale completions are skipped */
    bh_time started, ends; /* a standing action: `ends` is its next run */
    bh_time last;          /* a standing action's last run (or its start) */
    int done;
} sim_act;

typedef struct sim_dec {
    bh_dec_state state;
    int was_opened;
    unsigned gen;
    bh_time opened, deadline;
    int chosen, by_default;
    int frozen;   /* the facilitator stopped its clock (sim_facil.c) */
    bh_time left; /* while frozen: what was left when it stopped */
} sim_dec;

typedef struct sim_flag {
    char *name;
    bh_value v;
    uint64_t stamp; /* epoch of its last change */
} sim_flagv;

/* ---- condition memos ----
 *
 * A condition may read only `w` (the contract in scenarios/README.md), so
 * its result can change only when something it read changed, or when the
 * clock moved if it read w.time. While a condition runs, the queries it
 * makes are recorded (sim_rec); afterwards the result is kept with that
 * list (sim_memo). Every change to the world stamps the item it changed
 * with a new epoch, so a memo is still good while none of its items
 * carries a stamp newer than the memo. This is what makes a 14-day
 * session cost its events, not one Lua call per condition per minute. */
#define SIM_MAX_READS 16 /* more distinct reads than this: any change counts */

typedef enum { RD_METER, RD_SYSTEM, RD_TEAM, RD_INJECT, RD_ACTION, RD_DECISION, RD_FLAG,
               RD_FLAGSET } sim_rd_kind;
#define RD_ITEM(k, i) (((uint32_t)(k) << 24) | (uint32_t)(i))

typedef struct sim_rec {
    int on;        /* a condition is running: queries are recorded */
    int read_time; /* it read the clock */
    int all;       /* it read more than SIM_MAX_READS items */
    int n;
    uint32_t item[SIM_MAX_READS];
} sim_rec;

typedef struct sim_memo {
    uint64_t at;  /* the epoch it was evaluated at; 0 = never */
    bh_time time; /* the clock then */
    unsigned char truth, read_time, all, n;
    uint32_t item[SIM_MAX_READS];
    unsigned evals, clock_evals; /* calls made, and those that read the clock */
    unsigned stale;              /* verification: remembered answers a fresh call contradicted */
} sim_memo;

struct bh_sim {
    const bh_defs *d;
    bh_hooks hooks;
    uint64_t seed;
    uint64_t serial;
    bh_rng rng;
    bh_time now;
    uint64_t version;

    double *meter, *snap_meter;
    bh_status_word *sys, *snap_sys;
    int *staff, *snap_staff, *busy;
    int *fired;
    sim_act *act;
    sim_dec *dec;
    sim_flagv *flags;
    size_t nflags, cap_flags;
    int *flag_slot;  /* hash of names: index + 1, 0 = empty */
    size_t flag_cap; /* a power of two, or 0 */
    int nnotes;

    bh_inbox_item *inbox;
    size_t ninbox, cap_inbox;
    bh_log_entry *log;
    size_t nlog, cap_log;
    bh_point **hist;
    size_t *nhist, *cap_hist;

    /* condition memos: see sim_memo */
    uint64_t epoch;
    uint64_t *st_meter, *st_sys, *st_team, *st_inj, *st_act, *st_dec;
    /* A flag came into being, by bucket of its name's hash: a condition
     * that read a flag not yet set depends on that name only, and flags
     * keep being created all session long. */
#define SIM_FLAG_BUCKETS 64
    uint64_t st_flagset[SIM_FLAG_BUCKETS];
    sim_rec *rec;        /* a pointer so that const queries can record */
    sim_rec rec_store;
    sim_memo *memo_inj, *memo_dec, *memo_end, *memo_act;
    char (*act_reason)[256]; /* the memoised reason an action is not available */
    bh_time next_check;  /* the clock check queued, or -1 */
    uint64_t settled_epoch; /* the world as the last full settle left it */
    bh_time settled_now;    /* and the clock then */
    uint32_t *clock_conds;  /* waiting conditions that read the clock (RD_ITEM-like codes) */
    int nclock;

    bh_sched q;
    bh_time burst_time;  /* the instant the current run of events is at */
    int burst;           /* events handled at burst_time */
    long nevents;        /* events handled in the whole session */
    int in_cond;
    int background;     /* the effect running is an every() hook or a w.after function */
    int verify;         /* sim_verify_memos */
    int pending_finish; /* ending index + 1, set by w.finish; sim_settle ends the session */
    int ended, ending;
    int failed;
    bh_err error;
    int cut;            /* the session cut's index, or -1 (sim_set_cut) */
    bh_time length;     /* the session's length: the cut's, else the scenario's */

    /* ---- the facilitator's interventions (sim_facil.c) ---- */
    unsigned char *fac_took; /* inject i's `at` delivery was taken by `fire` */
    bh_inject_def *fac_msg;  /* the facilitator's messages, as the inbox shows them */
    size_t nfac_msg, cap_fac_msg;
    char *fac_reason;        /* why `end` ended the session */

    /* ---- the room's annotations (sim_room.c) ---- */
    int vote_groups;         /* tallies logged so far: each LOG_VOTE's `to` names its group */

    /* ---- the exercise's details (sim_details.c): NULL until a line ---- */
    char **det;              /* DETAIL_PARTICIPANTS + nteams + 1 values, NULL when unset */

    /* ---- exercise objectives (sim_judge.c): NULL until judged ---- */
    int judged;              /* sim_judge ran */
    unsigned char *obj;      /* a bh_obj_result per objective */
    char **obj_err;          /* its error, or NULL */
    unsigned char *fnd;      /* a bh_obj_result per finding of the ending reached */
    char **fnd_err;
    size_t nfnd;
};

/* Record that a condition read an item (a no-op outside conditions). */
static inline void sim_track(const bh_sim *s, sim_rd_kind k, size_t i)
{
    sim_rec *r = s->rec;
    if (!r->on)
        return;
    uint32_t it = RD_ITEM(k, i);
    for (int j = 0; j < r->n; j++)
        if (r->item[j] == it)
            return;
    if (r->n == SIM_MAX_READS)
        r->all = 1;
    else
        r->item[r->n++] = it;
}

/* Mark an item changed. */
static inline void sim_touch(bh_sim *s, uint64_t *stamp)
{
    *stamp = ++s->epoch;
}

int sim_hist_push(bh_sim *s, int i, bh_time t, double v);
int sim_log_push(bh_sim *s, bh_log_kind kind, int a, int b, double from, double to,
                 const char *text);
bh_status sim_fail(bh_sim *s, const bh_err *e, bh_err *err);
bh_status sim_oom(bh_sim *s, bh_err *err);
bh_status sim_effect(bh_sim *s, bh_hook h, const bh_what *what, bh_err *err);
/* Evaluate a condition, or answer from its memo while that is good. `fmt`
 * and `id` name it for error messages ("condition of inject '%s'").
 * `reason` keeps an availability condition's reason with its memo. */
/* The memo of condition i of kind k (inline: asked on every settle). */
static inline sim_memo *sim_memo_of(const bh_sim *s, bh_cond_kind k, size_t i)
{
    return k == COND_INJECT     ? &s->memo_inj[i]
           : k == COND_DECISION ? &s->memo_dec[i]
           : k == COND_ENDING   ? &s->memo_end[i]
                                : &s->memo_act[i];
}

bh_status sim_cond(bh_sim *s, bh_hook h, bh_hook_kind kind, sim_memo *m, char *reason,
                   const char *fmt, const char *id, bh_hook_result *out, bh_err *err);
bh_status sim_end(bh_sim *s, int ending, int time_up, bh_err *err);
/* Judge every objective and the findings of the ending reached (sim_end
 * calls it once, after the ending is logged): 0, or -1 when out of memory;
 * free what it kept (sim_destroy). */
int sim_judge(bh_sim *s);
void sim_judge_free(bh_sim *s);
bh_status sim_deliver(bh_sim *s, int i, bh_err *err);
bh_status sim_open_now(bh_sim *s, int i, bh_err *err);
bh_status sim_settle(bh_sim *s, bh_err *err);

/* ---- the exercise's details (sim_details.c) ---- */
/* The field and role; sim_check_input checks the text. */
bh_status sim_details_check(const bh_sim *s, const bh_input *in, bh_err *err);
bh_status sim_details_apply(bh_sim *s, const bh_input *in, bh_err *err);
void sim_details_free(bh_sim *s);

/* ---- the facilitator's interventions (sim_facil.c) ---- */
/* Check or apply IN_FIRE .. IN_END (the clock and the end are checked). */
bh_status sim_facil_check(bh_sim *s, const bh_input *in, bh_err *err);
bh_status sim_facil_apply(bh_sim *s, const bh_input *in, bh_err *err);
/* 1 when `fire` delivered inject i before its `at` time came: it does
 * not come again then. (Inline: the event loop must not call sim_facil.c,
 * which calls it.) */
static inline int sim_facil_took(const bh_sim *s, int inject)
{
    return s->fac_took && s->fac_took[inject];
}
/* Free what the interventions left (in sim_record.c, for the same reason). */
void sim_facil_free(bh_sim *s);
/* ---- the room's annotations (sim_room.c) ---- */
/* Check or apply IN_VOTE and IN_PROPOSAL (the clock and the end are
 * checked): they are only logged. */
bh_status sim_room_check(const bh_sim *s, const bh_input *in, bh_err *err);
bh_status sim_room_apply(bh_sim *s, const bh_input *in, bh_err *err);
/* A free text of an input: valid UTF-8 of at most `max` bytes, no
 * control characters but newlines and tabs; `what` names it ("a note"). */
bh_status sim_text_check(const char *what, const char *text, size_t max, bh_err *err);

#endif
