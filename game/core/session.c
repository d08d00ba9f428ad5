#include "core/session.h"

#include <stdio.h>
#include <string.h>

bh_status session_input(bh_sim *s, bh_journal *j, const bh_input *in, bh_err *err)
{
    bh_status st = sim_advance(s, in->time, err);
    if (st != BH_OK)
        return st;
    if (sim_ended(s) && in->kind != IN_NOTE)
        return err_set(err, BH_EINPUT, "", 0, "the session has ended");
    if ((st = sim_check_input(s, in, err)) != BH_OK)
        return st;
    if (j && (st = journal_append(j, sim_defs(s), in, err)) != BH_OK)
        return st;
    return sim_apply_input(s, in, err);
}

bh_status session_plan_cut(bh_sim *s, const bh_plan *p, bh_err *err)
{
    int cut;
    bh_status st = journal_plan_cut(p, sim_defs(s), &cut, err);
    if (st != BH_OK || !p->cut || cut == sim_cut(s))
        return st;
    const bh_defs *d = sim_defs(s);
    if (sim_cut(s) >= 0)
        return err_set(err, BH_EJOURNAL, p->name, p->cut_line,
                       "this journal is of cut '%s' but the session is in cut '%s'", p->cut,
                       d->cuts[sim_cut(s)].id);
    if (sim_set_cut(s, cut, err) != BH_OK)
        return err_set(err, BH_EJOURNAL, p->name, p->cut_line,
                       "cut '%s' cannot apply: the session has already begun", p->cut);
    return BH_OK;
}

bh_status session_replay(bh_sim *s, bh_journal *j, const bh_plan *p, bh_replay_result *res,
                         bh_err *err)
{
    memset(res, 0, sizeof *res);
    bh_status st = session_plan_cut(s, p, err);
    if (st != BH_OK)
        return st;
    for (size_t i = 0; i < p->n; i++) {
        const bh_jline *l = &p->v[i];
        bh_input in;
        st = journal_resolve(p, l, sim_defs(s), &in, err);
        if (st != BH_OK)
            return st;
        if (in.time < sim_now(s)) {
            char a[40], b[40];
            return err_set(err, BH_EJOURNAL, p->name, l->line,
                           "this input is at %s but the session is already at %s",
                           dur_stamp(in.time, a, sizeof a), dur_stamp(sim_now(s), b, sizeof b));
        }
        if ((st = sim_advance(s, in.time, err)) != BH_OK)
            return st;
        if (sim_ended(s) && in.kind != IN_NOTE) {
            if (!res->skipped)
                res->first_skipped_line = l->line;
            res->skipped++;
            continue;
        }
        st = session_input(s, j, &in, err);
        if (st == BH_EINPUT) {
            /* Name the plan line and the moment, keeping the reason. */
            char msg[sizeof err->msg], stamp[40];
            snprintf(msg, sizeof msg, "%s", err->msg);
            return err_set(err, BH_EJOURNAL, p->name, l->line, "at %s: %s",
                           dur_stamp(in.time, stamp, sizeof stamp), msg);
        }
        if (st != BH_OK)
            return st;
        res->applied++;
    }
    return BH_OK;
}

bh_status session_finish(bh_sim *s, bh_err *err)
{
    while (!sim_ended(s) && !sim_failed(s)) {
        bh_time t = sim_next_event(s);
        if (t < 0)
            break; /* nothing pending: cannot happen while the length event waits */
        bh_status st = sim_advance(s, t, err);
        if (st != BH_OK)
            return st;
    }
    if (sim_failed(s)) {
        *err = *sim_error(s);
        return err->status;
    }
    return BH_OK;
}
