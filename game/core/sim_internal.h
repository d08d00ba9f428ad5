/* sim_internal: the session struct, shared by sim.c (event loop) and
 * sim_world.c (inputs, queries and the world API). Not for other layers. */
#ifndef BH_SIM_INTERNAL_H
#define BH_SIM_INTERNAL_H

#include "core/sim.h"

typedef struct sim_act {
    int running;
    unsigned gen; /* bumped on start and cancel: stale completions are skipped */
    bh_time started, ends;
    int done;
} sim_act;

typedef struct sim_dec {
    bh_dec_state state;
    int was_opened;
    unsigned gen;
    bh_time opened, deadline;
    int chosen, by_default;
} sim_dec;

typedef struct sim_flag {
    char *name;
    bh_value v;
} sim_flagv;

struct bh_sim {
    const bh_defs *d;
    bh_hooks hooks;
    uint64_t seed;
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
    int nnotes;

    bh_inbox_item *inbox;
    size_t ninbox, cap_inbox;
    bh_log_entry *log;
    size_t nlog, cap_log;
    bh_point **hist;
    size_t *nhist, *cap_hist;

    bh_sched q;
    int has_conditions;
    bh_time burst_time;  /* the instant the current run of events is at */
    int burst;           /* events handled at burst_time */
    long nevents;        /* events handled in the whole session */
    int in_cond;
    int pending_finish; /* ending index + 1, set by w.finish inside an effect */
    int ended, ending;
    int failed;
    bh_err error;
};

int sim_hist_push(bh_sim *s, int i, bh_time t, double v);
int sim_log_push(bh_sim *s, bh_log_kind kind, int a, int b, double from, double to,
                 const char *text);
bh_status sim_fail(bh_sim *s, const bh_err *e, bh_err *err);
bh_status sim_oom(bh_sim *s, bh_err *err);
bh_status sim_effect(bh_sim *s, bh_hook h, const char *what, bh_err *err);
bh_status sim_cond(bh_sim *s, bh_hook h, bh_hook_kind kind, const char *what, bh_hook_result *out,
                   bh_err *err);
bh_status sim_end(bh_sim *s, int ending, int time_up, bh_err *err);
bh_status sim_deliver(bh_sim *s, int i, bh_err *err);
bh_status sim_open_now(bh_sim *s, int i, bh_err *err);
bh_status sim_settle(bh_sim *s, bh_err *err);

#endif
