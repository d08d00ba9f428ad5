/* sim_hook: calling the scenario's hooks through bh_hooks. An effect runs
 * against a snapshot of the meters, systems and teams, and what it
 * changed is logged as one line per item. A condition's answer is
 * memoised with the stamps of everything it read, and asked again only
 * when one of them has changed (sim_verify_memos checks the memos by
 * asking every time). */
#include "core/sim_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "core/vec.h"

/* Log what an effect changed, by comparing against the snapshot taken
 * before it ran: one line per meter, however many writes the hook made. */
static int log_diff(bh_sim *s)
{
    const bh_defs *d = s->d;
    for (size_t i = 0; i < d->nmeters; i++)
        if (s->meter[i] != s->snap_meter[i]) {
            if (sim_log_push(s, LOG_METER, (int)i, s->background, s->snap_meter[i], s->meter[i], NULL) ||
                sim_hist_push(s, (int)i, s->now, s->meter[i]))
                return -1;
        }
    for (size_t i = 0; i < d->nsystems; i++)
        if (s->sys[i] != s->snap_sys[i] &&
            sim_log_push(s, LOG_SYSTEM, (int)i, s->background, s->snap_sys[i], s->sys[i], NULL))
            return -1;
    for (size_t i = 0; i < d->nteams; i++)
        if (s->staff[i] != s->snap_staff[i] &&
            sim_log_push(s, LOG_TEAM, (int)i, s->background, s->snap_staff[i], s->staff[i], NULL))
            return -1;
    return 0;
}

void sim_what_format(const bh_what *w, char *buf, size_t n)
{
    if (w->every > 0) {
        char every[32];
        snprintf(buf, n, "every(\"%s\") hook at %s:%d", dur_format(w->every, every, sizeof every),
                 w->file ? w->file : "", w->line);
    } else {
        snprintf(buf, n, w->fmt, w->a, w->b);
    }
}

bh_status sim_effect(bh_sim *s, bh_hook h, const bh_what *what, bh_err *err)
{
    if (!h || s->failed)
        return s->failed ? sim_fail(s, &s->error, err) : BH_OK;
    const bh_defs *d = s->d;
    memcpy(s->snap_meter, s->meter, d->nmeters * sizeof *s->meter);
    memcpy(s->snap_sys, s->sys, d->nsystems * sizeof *s->sys);
    memcpy(s->snap_staff, s->staff, d->nteams * sizeof *s->staff);
    bh_err e;
    err_clear(&e);
    bh_status st = s->hooks.call(s->hooks.ud, s, h, HOOK_EFFECT, what, NULL, &e);
    if (log_diff(s) != 0)
        return sim_oom(s, err);
    s->version++;
    if (st != BH_OK)
        return sim_fail(s, &e, err);
    /* A w.finish it called is carried out by the settle that follows every
     * event and input (sim.c), once what it queued has come. */
    return BH_OK;
}

static uint64_t item_stamp(const bh_sim *s, uint32_t item)
{
    size_t i = item & 0xffffff;
    switch ((sim_rd_kind)(item >> 24)) {
    case RD_METER: return s->st_meter[i];
    case RD_SYSTEM: return s->st_sys[i];
    case RD_TEAM: return s->st_team[i];
    case RD_INJECT: return s->st_inj[i];
    case RD_ACTION: return s->st_act[i];
    case RD_DECISION: return s->st_dec[i];
    case RD_FLAG: return s->flags[i].stamp;
    case RD_FLAGSET: return s->st_flagset[i % SIM_FLAG_BUCKETS];
    }
    return UINT64_MAX;
}

/* A short string in a big buffer: copy the string, not the buffer, and
 * without printf's machinery (availability is asked very often). */
static void copy_str(char *dst, const char *src, size_t cap)
{
    size_t n = strnlen(src, cap - 1);
    memcpy(dst, src, n);
    dst[n] = '\0';
}

/* Would the condition still answer as it did when the memo was made? */
static int memo_good(const bh_sim *s, const sim_memo *m)
{
    if (!m->at || (m->read_time && m->time != s->now))
        return 0;
    if (m->all)
        return s->epoch == m->at;
    for (int k = 0; k < m->n; k++)
        if (item_stamp(s, m->item[k]) > m->at)
            return 0;
    return 1;
}

bh_status sim_cond(bh_sim *s, bh_hook h, bh_hook_kind kind, sim_memo *m, char *reason,
                   const char *fmt, const char *id, bh_hook_result *out, bh_err *err)
{
    out->truth = 1;
    out->reason[0] = '\0';
    if (!h)
        return BH_OK;
    bh_what what = {.fmt = fmt, .a = id};
    if (m && memo_good(s, m)) {
        if (s->verify) {
            /* uncounted (as availability is), so budgets see no difference */
            bh_hook_result fresh;
            bh_err e;
            err_clear(&e);
            s->in_cond = 1;
            bh_status st = s->hooks.call(s->hooks.ud, s, h, HOOK_AVAILABLE, &what, &fresh, &e);
            s->in_cond = 0;
            s->rec->on = 0;
            if (st == BH_OK && !!fresh.truth != m->truth)
                m->stale++;
        }
        out->truth = m->truth;
        if (reason)
            copy_str(out->reason, reason, sizeof out->reason);
        return BH_OK;
    }
    bh_err e;
    err_clear(&e);
    sim_rec *r = s->rec;
    *r = (sim_rec){.on = 1};
    s->in_cond = 1;
    bh_status st = s->hooks.call(s->hooks.ud, s, h, kind, &what, out, &e);
    s->in_cond = 0;
    r->on = 0;
    if (st == BH_OK) {
        if (m) {
            *m = (sim_memo){.at = s->epoch, .time = s->now, .truth = (unsigned char)!!out->truth,
                            .read_time = (unsigned char)r->read_time, .all = (unsigned char)r->all,
                            .n = (unsigned char)r->n, .evals = m->evals + 1,
                            .clock_evals = m->clock_evals + (r->read_time != 0),
                            .stale = m->stale};
            memcpy(m->item, r->item, (size_t)r->n * sizeof *r->item);
        }
        if (reason)
            copy_str(reason, out->reason, sizeof out->reason);
        return BH_OK;
    }
    /* Availability is asked whenever a screen wants it, outside the
     * session's own order of events: its errors are reported to whoever
     * asked, and the input that asked is refused, but the session goes on
     * exactly as a replay of its journal would. */
    if (kind == HOOK_AVAILABLE) {
        if (err)
            *err = e;
        return e.status ? e.status : BH_ESCRIPT;
    }
    return sim_fail(s, &e, err);
}

void sim_cond_stats(const bh_sim *s, bh_cond_kind kind, int i, bh_cond_stats *out)
{
    const sim_memo *m = sim_memo_of(s, kind, (size_t)i);
    *out = (bh_cond_stats){m->evals, m->clock_evals, m->stale};
}

void sim_verify_memos(bh_sim *s, int on)
{
    s->verify = on;
}
