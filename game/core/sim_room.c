/* sim_room: the room's annotations, IN_VOTE and IN_PROPOSAL (issue 14).
 *
 * A workshop's phones vote on the open decision and propose actions; the
 * facilitator still makes every input. What the room said is kept as
 * annotations: checked like any input (so a hand-edited journal cannot
 * smuggle in a vote on a closed decision or more votes than phones), then
 * only logged. They touch no meter, flag, memo, queue or the generator, so
 * a session with them plays exactly as the same session without them, and
 * the report and the debrief read them back from the log (sim_tally). */
#include "core/sim_internal.h"

#include <stdlib.h>
#include <string.h>

#include "core/mem.h"

static const char *role_name(const bh_defs *d, int role)
{
    return role < 0 ? "observer" : d->teams[role].id;
}

static bh_status check_vote(const bh_sim *s, const bh_input *in, bh_err *err)
{
    const bh_defs *d = s->d;
    if (in->a < 0 || (size_t)in->a >= d->ndecisions)
        return err_set(err, BH_EINPUT, "", 0, "no such decision");
    const bh_decision_def *dd = &d->decisions[in->a];
    if (in->b < -1 || in->b >= (int)d->nteams)
        return err_set(err, BH_EINPUT, "", 0, "no such role");
    if (in->joined < 0 || in->joined > SIM_MAX_ROOM)
        return err_set(err, BH_EINPUT, "", 0,
                       "a vote on '%s' counts %d phones of role '%s' (0 to %d)", dd->id,
                       in->joined, role_name(d, in->b), SIM_MAX_ROOM);
    long long cast = 0;
    for (int o = 0; o < TALLY_MAX_OPTIONS; o++)
        for (int c = 0; c < TALLY_CONF; c++) {
            int v = in->votes[o][c];
            if (v < 0 || (v > 0 && (size_t)o >= dd->noptions))
                return err_set(err, BH_EINPUT, "", 0, "a vote on '%s' has a count of %d for %s",
                               dd->id, v, (size_t)o < dd->noptions ? dd->options[o].id
                                                                   : "an option it does not have");
            cast += v;
        }
    if (cast > in->joined)
        return err_set(err, BH_EINPUT, "", 0,
                       "%lld votes of role '%s' on '%s', but only %d of its phones were in the "
                       "room", cast, role_name(d, in->b), dd->id, in->joined);
    if (s->dec[in->a].state != DEC_OPEN)
        return err_set(err, BH_EINPUT, "", 0, "cannot record votes on '%s': %s", dd->id,
                       s->dec[in->a].state == DEC_DECIDED ? "it was already decided"
                                                          : "it is not open");
    return BH_OK;
}

bh_status sim_room_check(const bh_sim *s, const bh_input *in, bh_err *err)
{
    const bh_defs *d = s->d;
    if (in->kind == IN_VOTE)
        return check_vote(s, in, err);
    if (in->a < 0 || (size_t)in->a >= d->nactions)
        return err_set(err, BH_EINPUT, "", 0, "no such action");
    if (in->b < -1 || in->b >= (int)d->nteams)
        return err_set(err, BH_EINPUT, "", 0, "no such role");
    if (in->b < 0)
        return err_set(err, BH_EINPUT, "", 0, "an observer does not propose actions");
    if (in->count < 1 || in->count > SIM_MAX_ROOM)
        return err_set(err, BH_EINPUT, "", 0,
                       "a proposal of '%s' counts %d people of role '%s' (1 to %d)",
                       d->actions[in->a].id, in->count, role_name(d, in->b), SIM_MAX_ROOM);
    return BH_OK;
}

/* The tally this vote line belongs to: the one the lines just before it
 * make (votes on the same decision at this instant), unless its role is
 * already in it; else a new one. */
static int group_of(bh_sim *s, const bh_input *in)
{
    size_t i = s->nlog;
    const bh_log_entry *last = i ? &s->log[i - 1] : NULL;
    if (last && last->kind == LOG_VOTE && last->a == in->a && last->time == s->now) {
        int repeat = 0;
        for (; i > 0; i--) {
            const bh_log_entry *e = &s->log[i - 1];
            if (e->kind != LOG_VOTE || e->a != in->a || e->time != s->now || e->to != last->to)
                break;
            repeat |= e->b == in->b;
        }
        if (!repeat)
            return (int)last->to;
    }
    return ++s->vote_groups;
}

bh_status sim_room_apply(bh_sim *s, const bh_input *in, bh_err *err)
{
    if (in->kind == IN_PROPOSAL) {
        if (sim_log_push(s, LOG_PROPOSAL, in->a, in->b, in->count, 0, NULL) != 0)
            return sim_oom(s, err);
        return BH_OK;
    }
    size_t nopt = s->d->decisions[in->a].noptions, n = nopt * TALLY_CONF;
    int *v = mem_malloc(n * sizeof *v);
    if (!v || sim_log_push(s, LOG_VOTE, in->a, in->b, in->joined, group_of(s, in), NULL) != 0) {
        free(v);
        return sim_oom(s, err);
    }
    for (size_t o = 0; o < nopt; o++)
        memcpy(v + o * TALLY_CONF, in->votes[o], TALLY_CONF * sizeof *v);
    s->log[s->nlog - 1].votes = v;
    return BH_OK;
}

bh_status sim_tally(const bh_sim *s, int decision, bh_tally *out, bh_err *err)
{
    const bh_defs *d = s->d;
    memset(out, 0, sizeof *out);
    out->decision = -1;
    if (decision < 0 || (size_t)decision >= d->ndecisions)
        return err_set(err, BH_EUSAGE, "", 0, "no decision %d", decision);
    int nopt = (int)d->decisions[decision].noptions;
    if (tally_init(out, decision, (int)d->nteams, nopt, err) != BH_OK)
        return err->status;
    /* The latest vote line for it names the latest tally: add its lines. */
    size_t end = s->nlog;
    while (end > 0 && !(s->log[end - 1].kind == LOG_VOTE && s->log[end - 1].a == decision))
        end--;
    if (end == 0) {
        out->decision = -1;
        return BH_OK;
    }
    double group = s->log[end - 1].to;
    for (size_t i = end; i > 0; i--) {
        const bh_log_entry *e = &s->log[i - 1];
        if (e->kind != LOG_VOTE || e->a != decision)
            continue;
        if (e->to != group)
            break; /* an earlier tally */
        int r = e->b < 0 ? TALLY_OBSERVER(out) : e->b;
        out->joined[r] = (int)e->from;
        for (int o = 0; o < nopt && e->votes; o++)
            for (int c = 0; c < TALLY_CONF; c++)
                tally_add(out, r, o, c, e->votes[o * TALLY_CONF + c]);
    }
    return BH_OK;
}
