/* sim_life: a session's birth and death. sim_create allocates the world
 * from the scenario's declarations (meters at their start, the queue with
 * every `at`, `after` wake-up, `every` and the length), in as few blocks
 * as it can, since explore creates one session per playthrough;
 * sim_destroy frees it all and lets the host forget the w.after functions
 * that will never run. The event loop that runs in between is sim.c. */
#include "core/sim_internal.h"

#include <stdlib.h>

#include "core/mem.h"

static void *xcalloc(size_t n, size_t size)
{
    return mem_calloc(n ? n : 1, size);
}

bh_status sim_create(bh_sim **out, const bh_defs *d, bh_hooks hooks, uint64_t seed,
                     bh_err *err)
{
    *out = NULL;
    bh_sim *s = mem_calloc(1, sizeof *s);
    if (!s)
        return err_set(err, BH_ENOMEM, "", 0, "out of memory");
    static uint64_t serials; /* per process; only ever compared for equality */
    s->serial = ++serials;
    s->d = d;
    s->hooks = hooks;
    s->seed = seed;
    s->ending = -1;
    s->cut = -1;
    s->length = d->scenario.length;
    s->burst_time = -1;
    rng_seed(&s->rng, seed);
    sched_init(&s->q);
    s->meter = xcalloc(d->nmeters, sizeof *s->meter);
    s->snap_meter = xcalloc(d->nmeters, sizeof *s->snap_meter);
    s->hist = xcalloc(d->nmeters, sizeof *s->hist);
    s->nhist = xcalloc(d->nmeters, sizeof *s->nhist);
    s->cap_hist = xcalloc(d->nmeters, sizeof *s->cap_hist);
    s->sys = xcalloc(d->nsystems, sizeof *s->sys);
    s->snap_sys = xcalloc(d->nsystems, sizeof *s->snap_sys);
    s->staff = xcalloc(d->nteams, sizeof *s->staff);
    s->snap_staff = xcalloc(d->nteams, sizeof *s->snap_staff);
    s->busy = xcalloc(d->nteams, sizeof *s->busy);
    s->fired = xcalloc(d->ninjects, sizeof *s->fired);
    s->act = xcalloc(d->nactions, sizeof *s->act);
    s->dec = xcalloc(d->ndecisions, sizeof *s->dec);
    s->rec = &s->rec_store;
    s->epoch = 1;
    s->next_check = 0;
    /* one block for the stamps, one for the memos: a session is created
     * per playthrough, so fewer allocations count */
    size_t nst = d->nmeters + d->nsystems + d->nteams + d->ninjects + d->nactions + d->ndecisions;
    s->st_meter = xcalloc(nst, sizeof *s->st_meter);
    if (s->st_meter) {
        s->st_sys = s->st_meter + d->nmeters;
        s->st_team = s->st_sys + d->nsystems;
        s->st_inj = s->st_team + d->nteams;
        s->st_act = s->st_inj + d->ninjects;
        s->st_dec = s->st_act + d->nactions;
    }
    s->memo_inj = xcalloc(d->ninjects + d->ndecisions + d->nendings + d->nactions,
                          sizeof *s->memo_inj);
    if (s->memo_inj) {
        s->memo_dec = s->memo_inj + d->ninjects;
        s->memo_end = s->memo_dec + d->ndecisions;
        s->memo_act = s->memo_end + d->nendings;
    }
    s->act_reason = xcalloc(d->nactions, sizeof *s->act_reason);
    s->clock_conds = xcalloc(d->ninjects + d->ndecisions + d->nendings, sizeof *s->clock_conds);
    s->settled_now = -1;
    if (!s->meter || !s->snap_meter || !s->hist || !s->nhist || !s->cap_hist || !s->sys ||
        !s->snap_sys || !s->staff || !s->snap_staff || !s->busy || !s->fired || !s->act ||
        !s->dec || !s->st_meter || !s->memo_inj || !s->act_reason || !s->clock_conds)
        goto oom;
    for (size_t i = 0; i < d->nmeters; i++) {
        s->meter[i] = d->meters[i].start;
        if (sim_hist_push(s, (int)i, 0, s->meter[i]) != 0)
            goto oom;
    }
    for (size_t i = 0; i < d->nsystems; i++)
        s->sys[i] = d->systems[i].status;
    for (size_t i = 0; i < d->nteams; i++)
        s->staff[i] = d->teams[i].staff;
    for (size_t i = 0; i < d->ndecisions; i++)
        s->dec[i].chosen = -1;

    int fail = 0;
    for (size_t i = 0; i < d->ninjects; i++)
        if (d->injects[i].has_at)
            fail |= sched_push(&s->q, d->injects[i].at, 0, EV_INJECT_AT, (int)i, 0, 0);
    for (size_t i = 0; i < d->ndecisions; i++)
        if (d->decisions[i].has_at)
            fail |= sched_push(&s->q, d->decisions[i].at, 0, EV_DECISION_AT, (int)i, 0, 0);
    /* A condition with `after` wakes at that time (idx 1: a wake-up). */
    for (size_t i = 0; i < d->ninjects; i++)
        if (d->injects[i].when && d->injects[i].after > 0)
            fail |= sched_push(&s->q, d->injects[i].after, 0, EV_CHECK, 1, 0, 0);
    for (size_t i = 0; i < d->ndecisions; i++)
        if (d->decisions[i].when && d->decisions[i].after > 0)
            fail |= sched_push(&s->q, d->decisions[i].after, 0, EV_CHECK, 1, 0, 0);
    for (size_t i = 0; i < d->nendings; i++)
        if (d->endings[i].when && d->endings[i].after > 0)
            fail |= sched_push(&s->q, d->endings[i].after, 0, EV_CHECK, 1, 0, 0);
    for (size_t i = 0; i < d->neverys; i++)
        fail |= sched_push(&s->q, d->everys[i].interval, 0, EV_EVERY, (int)i, 0, 0);
    /* One check at T+0 settles conditions that hold from the start; later
     * ones, queued by sim_settle only while needed, catch conditions that
     * depend on w.time alone. */
    fail |= sched_push(&s->q, 0, 0, EV_CHECK, 0, 0, 0);
    fail |= sched_push(&s->q, d->scenario.length, 1, EV_LENGTH, 0, 0, 0);
    if (fail)
        goto oom;
    *out = s;
    return BH_OK;
oom:
    sim_destroy(s);
    return err_set(err, BH_ENOMEM, "", 0, "out of memory creating the session");
}

void sim_destroy(bh_sim *s)
{
    if (!s)
        return;
    /* Pending w.after functions will never run: let the host forget them. */
    for (size_t i = 0; i < s->q.n; i++)
        if (s->q.heap[i].kind == EV_AFTER && s->hooks.release)
            s->hooks.release(s->hooks.ud, s->q.heap[i].hook);
    sched_free(&s->q);
    for (size_t i = 0; i < s->nlog; i++) {
        free(s->log[i].text);
        free(s->log[i].votes);
    }
    for (size_t i = 0; i < s->nflags; i++) {
        free(s->flags[i].name);
        if (s->flags[i].v.type == VAL_STR)
            free((char *)s->flags[i].v.s);
    }
    if (s->hist)
        for (size_t i = 0; i < s->d->nmeters; i++)
            free(s->hist[i]);
    free(s->hist); free(s->nhist); free(s->cap_hist);
    free(s->meter); free(s->snap_meter); free(s->sys); free(s->snap_sys);
    free(s->staff); free(s->snap_staff); free(s->busy); free(s->fired);
    free(s->act); free(s->dec); free(s->flags); free(s->inbox); free(s->log);
    free(s->st_meter); free(s->memo_inj); free(s->act_reason); free(s->flag_slot);
    free(s->clock_conds);
    sim_facil_free(s);
    sim_judge_free(s);
    sim_details_free(s);
    free(s);
}
