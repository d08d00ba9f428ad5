#include "core/session.h"

#include <stdio.h>
#include <string.h>

bh_status session_input(bh_sim *s, bh_journal *j, const bh_input *in, bh_err *err)
{
    bh_status st = sim_advance(s, in->time, err);
    if (st != BH_OK)
        return st;
    if (sim_ended(s) && in->kind != IN_NOTE && in->kind != IN_DETAILS)
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
        if (sim_ended(s) && in.kind != IN_NOTE && in.kind != IN_DETAILS) {
            if (l->repeat) { /* a repeat's "up to" may outlast the session */
                res->refused++;
                continue;
            }
            if (!res->skipped)
                res->first_skipped_line = l->line;
            res->skipped++;
            continue;
        }
        /* A repeat line says "whenever it can": an input the session
         * refuses (the action is still running) is skipped. A plain line is
         * the author saying "now", so its refusal stays an error. */
        if (l->repeat && sim_check_input(s, &in, err) == BH_EINPUT && !sim_failed(s)) {
            if (!res->refused++) {
                char stamp[40];
                res->first_refused_line = l->line;
                snprintf(res->first_refused, sizeof res->first_refused, "at %.32s: %.120s",
                         dur_stamp(in.time, stamp, sizeof stamp), err->msg);
            }
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
        res->repeat_applied += l->repeat != 0;
    }
    return BH_OK;
}

/* Role r of tally t as an IN_VOTE; 0 when the role had no phones and no votes. */
static int vote_input(const bh_sim *s, const bh_tally *t, int r, bh_input *in)
{
    tally_sum sum;
    tally_sum_of(t, r, &sum);
    *in = (bh_input){.time = sim_now(s), .kind = IN_VOTE, .a = t->decision,
                     .b = r == TALLY_OBSERVER(t) ? -1 : r, .joined = t->joined[r]};
    for (int o = 0; o < t->noptions; o++)
        for (int c = 0; c < TALLY_CONF; c++)
            in->votes[o][c] = *tally_cell(t, r, o, c);
    return t->joined[r] > 0 || sum.voters > 0;
}

bh_status session_vote(bh_sim *s, bh_journal *j, const bh_tally *t, bh_err *err)
{
    const bh_defs *d = sim_defs(s);
    if (t->decision < 0 || (size_t)t->decision >= d->ndecisions ||
        t->nroles != (int)d->nteams + 1 ||
        t->noptions != (int)d->decisions[t->decision].noptions || !t->joined || !t->votes)
        return err_set(err, BH_EUSAGE, "", 0, "a tally that does not fit this scenario's "
                       "decision %d", t->decision);
    bh_input in;
    for (int pass = 0; pass < 2; pass++)
        for (int r = 0; r < t->nroles; r++) {
            if (!vote_input(s, t, r, &in))
                continue;
            bh_status st = pass == 0 ? sim_check_input(s, &in, err)
                                     : session_input(s, j, &in, err);
            if (st != BH_OK)
                return st;
        }
    return BH_OK;
}

bh_status session_proposal(bh_sim *s, bh_journal *j, int action, int role, int count,
                           bh_err *err)
{
    bh_input in = {.time = sim_now(s), .kind = IN_PROPOSAL, .a = action, .b = role,
                   .count = count};
    return session_input(s, j, &in, err);
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
