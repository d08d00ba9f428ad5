/* rv_room: the parts of the room view model that the phones act on (issue
 * 14): the roles a phone joins as, the actions a role may propose, and the
 * tally of the room's votes once the facilitator reveals it. Copied by
 * name like the rest of the model: an action's label, text, team and
 * whether it can start now (with the reason it cannot, which desktop
 * players see too), and never its facilitator note, its advice or its
 * effect. Keys are indices ("r2", "a5", "d3"), not the scenario's ids: an
 * id is an author's word and may say more than the label does. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "room/rv_model.h"

bh_status rv_build_roles(rv_model *m, const bh_defs *d)
{
    m->roles = mem_calloc(d->nteams + 1, sizeof *m->roles);
    if (!m->roles)
        return BH_ENOMEM;
    for (size_t i = 0; i <= d->nteams; i++) {
        rv_role *r = &m->roles[m->nroles++];
        if (i < d->nteams)
            snprintf(r->key, sizeof r->key, "r%zu", i);
        else
            snprintf(r->key, sizeof r->key, "observer");
        r->label = rv_dup(i < d->nteams ? d->teams[i].label : "Observer");
        if (!r->label)
            return BH_ENOMEM;
    }
    return BH_OK;
}

static bh_status build_actions(rv_model *m, const bh_sim *s, const bh_action_status *acts)
{
    const bh_defs *d = sim_defs(s);
    if (!acts || !d->nactions || m->phase != RV_PLAYING)
        return BH_OK;
    m->actions = mem_calloc(d->nactions, sizeof *m->actions);
    if (!m->actions)
        return BH_ENOMEM;
    for (size_t i = 0; i < d->nactions; i++) {
        const bh_action_def *x = &d->actions[i];
        rv_action *a = &m->actions[m->nactions++];
        snprintf(a->key, sizeof a->key, "a%zu", i);
        a->role = x->team >= 0 && (size_t)x->team < d->nteams ? x->team : -1;
        a->state = acts[i].state;
        a->label = rv_dup(x->label);
        a->text = rv_dup(x->text);
        a->reason = rv_dup(acts[i].state == ACT_AVAILABLE ? "" : acts[i].reason);
        if (!a->label || !a->text || !a->reason)
            return BH_ENOMEM;
    }
    return BH_OK;
}

/* The tally of the decision the room sees, when revealed; a tally of
 * another decision (the one on show changed) is not shown. */
static bh_status build_tally(rv_model *m, const bh_tally *t, const rv_show *show)
{
    if (!show->reveal || !t || !m->decision.open || t->decision != m->decision.index ||
        t->noptions != (int)m->decision.noptions || (size_t)t->nroles != m->nroles)
        return BH_OK;
    rv_tally *v = &m->tally;
    v->shown = 1;
    v->decision = t->decision;
    tally_sum_of(t, -1, &v->sum);
    v->roles = mem_calloc((size_t)t->nroles, sizeof *v->roles);
    if (!v->roles)
        return BH_ENOMEM;
    for (int r = 0; r < t->nroles; r++) {
        tally_sum rs;
        tally_sum_of(t, r, &rs);
        if (!rs.joined && !rs.voters)
            continue;
        rv_tally_role *x = &v->roles[v->nroles++];
        x->role = r;
        x->joined = rs.joined;
        x->voters = rs.voters;
        memcpy(x->votes, rs.by_option, sizeof x->votes);
    }
    return BH_OK;
}

bh_status rv_build_room(rv_model *m, const rv_source *src, const rv_show *show)
{
    bh_status st = build_actions(m, src->sim, src->acts);
    return st == BH_OK ? build_tally(m, src->tally, show) : st;
}

void rv_free_room(rv_model *m)
{
    for (size_t i = 0; i < m->nroles; i++)
        free(m->roles[i].label);
    free(m->roles);
    for (size_t i = 0; i < m->nactions; i++) {
        free(m->actions[i].label);
        free(m->actions[i].text);
        free(m->actions[i].reason);
    }
    free(m->actions);
    free(m->tally.roles);
    m->roles = NULL;
    m->actions = NULL;
    m->tally.roles = NULL;
    m->nroles = m->nactions = m->tally.nroles = 0;
}
