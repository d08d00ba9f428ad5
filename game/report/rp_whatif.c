#include "report/rp_whatif.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/session.h"

static bh_status load(const char *scenario, uint64_t seed, rp_branch *b, bh_err *err)
{
    lh_opts o;
    lh_opts_default(&o);
    lh_diags d = {0};
    bh_status st = lh_load(scenario, &o, &b->host, &d);
    if (st != BH_OK || !b->host) {
        if (d.n)
            err_set(err, BH_ESCRIPT, d.v[0].file ? d.v[0].file : scenario, d.v[0].line, "%s",
                    d.v[0].msg);
        else
            err_set(err, BH_ESCRIPT, scenario, 0, "the scenario did not load");
        lh_diags_free(&d);
        return BH_ESCRIPT;
    }
    lh_diags_free(&d);
    return sim_create(&b->sim, lh_defs(b->host), lh_hooks(b->host), seed, err);
}

/* When was the decision taken in the original? The time of its choose line
 * (and that line's index), or, when the clock chose, the time it opened. */
static bh_status branch_point(const char *scenario, const bh_plan *plan, int dec,
                              const char *decision, bh_time *at, size_t *line, bh_err *err)
{
    for (size_t i = 0; i < plan->n; i++)
        if (plan->v[i].verb == JV_CHOOSE && strcmp(plan->v[i].a, decision) == 0) {
            *at = plan->v[i].time;
            *line = i;
            return BH_OK;
        }
    /* not chosen by the room: replay the original to see when it opened */
    rp_branch orig = {0};
    bh_replay_result res;
    bh_status st = load(scenario, plan->has_seed ? plan->seed : 1, &orig, err);
    if (st == BH_OK)
        st = session_replay(orig.sim, NULL, plan, &res, err);
    if (st == BH_OK)
        st = session_finish(orig.sim, err);
    bh_decision_status ds = {0};
    if (st == BH_OK) {
        sim_decision_status(orig.sim, dec, &ds);
        if (ds.state == DEC_CLOSED)
            st = err_set(err, BH_EINPUT, plan->name, 0,
                         "decision '%s' never opened in this session, so there is nothing to "
                         "change", decision);
    }
    rp_branch_free(&orig);
    if (st != BH_OK)
        return st;
    *at = ds.opened;
    *line = plan->n; /* after every line at or before that time: found below */
    for (size_t i = 0; i < plan->n; i++)
        if (plan->v[i].time > ds.opened) {
            *line = i;
            break;
        }
    return BH_OK;
}

/* Apply plan lines from `from` on, skipping those the branch's story no
 * longer allows, then run to the end. */
static bh_status play_on(rp_branch *b, const bh_plan *plan, size_t from, bh_err *err)
{
    const bh_defs *d = sim_defs(b->sim);
    bh_status st = BH_OK;
    for (size_t i = from; i < plan->n && !sim_ended(b->sim); i++) {
        bh_input li;
        if ((st = journal_resolve(plan, &plan->v[i], d, &li, err)) != BH_OK)
            return st;
        if (li.time < sim_now(b->sim))
            li.time = sim_now(b->sim);
        st = session_input(b->sim, NULL, &li, err);
        if (st == BH_EINPUT) {
            if (!b->refused)
                b->first_refused_line = plan->v[i].line;
            b->refused++;
            st = BH_OK;
            continue;
        }
        if (st != BH_OK)
            break;
        b->later++;
    }
    if (st == BH_OK)
        st = session_finish(b->sim, err);
    /* a script error in the branch's future is part of its story: the
     * report shows the session as failed, with the error */
    return sim_failed(b->sim) ? BH_OK : st;
}

bh_status rp_whatif_moved(const char *scenario, const bh_plan *plan, size_t line, bh_time at,
                          rp_branch *b, bh_err *err)
{
    memset(b, 0, sizeof *b);
    if (line >= plan->n)
        return err_set(err, BH_EUSAGE, plan->name, 0, "no plan line %zu to move", line);
    bh_jline *v = malloc(plan->n * sizeof *v);
    if (!v)
        return err_set(err, BH_ENOMEM, plan->name, 0, "out of memory");
    /* the same lines, the moved one at its new time, still in time order */
    size_t n = 0;
    bh_jline moved = plan->v[line];
    moved.time = at;
    for (size_t i = 0; i < plan->n; i++)
        if (i != line)
            v[n++] = plan->v[i];
    size_t k = n; /* after every line at or before its new time */
    while (k > 0 && v[k - 1].time > at)
        k--;
    memmove(v + k + 1, v + k, (n - k) * sizeof *v);
    v[k] = moved;
    bh_plan p = *plan;
    p.v = v;
    p.n = n + 1;
    bh_status st = load(scenario, plan->has_seed ? plan->seed : 1, b, err);
    if (st == BH_OK)
        st = play_on(b, &p, 0, err);
    b->at = at;
    free(v);
    return st;
}

bh_status rp_whatif(const char *scenario, const bh_plan *plan, const char *decision,
                    const char *option, int same_later_inputs, rp_branch *b, bh_err *err)
{
    memset(b, 0, sizeof *b);
    bh_status st = load(scenario, plan->has_seed ? plan->seed : 1, b, err);
    if (st != BH_OK)
        return st;
    const bh_defs *d = sim_defs(b->sim);
    int dec = defs_decision(d, decision);
    int opt = dec >= 0 ? defs_option(&d->decisions[dec], option) : -1;
    if (dec < 0 || opt < 0)
        return err_set(err, BH_EUSAGE, scenario, 0, "no decision '%s' with option '%s'",
                       decision, option ? option : "");
    size_t cut = 0;
    st = branch_point(scenario, plan, dec, decision, &b->at, &cut, err);
    /* the journal up to the branch point, as it was */
    bh_plan head = *plan;
    head.n = cut;
    bh_replay_result res;
    if (st == BH_OK)
        st = session_replay(b->sim, NULL, &head, &res, err);
    b->prefix = cut;
    if (st == BH_OK)
        st = sim_advance(b->sim, b->at, err);
    bh_input in = {.time = b->at, .kind = IN_CHOOSE, .a = dec, .b = opt};
    if (st == BH_OK)
        st = session_input(b->sim, NULL, &in, err);
    if (st != BH_OK || !same_later_inputs)
        return st;
    /* the original's later inputs, where the new story still allows them */
    size_t from = cut < plan->n && plan->v[cut].verb == JV_CHOOSE &&
                          strcmp(plan->v[cut].a, decision) == 0
                      ? cut + 1
                      : cut;
    return play_on(b, plan, from, err);
}

void rp_branch_free(rp_branch *b)
{
    sim_destroy(b->sim);
    lh_free(b->host);
    memset(b, 0, sizeof *b);
}

bh_status rp_branch_journal(const char *scenario, const bh_plan *plan, const rp_branch *b,
                            const char *decision, const char *option, const char *path,
                            bh_err *err)
{
    bh_journal j = {.fd = -1};
    const bh_defs *d = sim_defs(b->sim);
    char ref[4096];
    if (journal_scenario_ref(scenario, path, ref, sizeof ref) != 0)
        return err_set(err, BH_EIO, path, 0, "cannot name the scenario %s from this journal's "
                       "folder", scenario);
    bh_jhead head = {.scenario = ref, .seed = plan->has_seed ? plan->seed : 1,
                     .cut = plan->cut, .workshop = plan->workshop}; /* the same kind of session */
    bh_status st = journal_create_head(&j, path, &head, err);
    int created = st == BH_OK;
    for (size_t i = 0; st == BH_OK && i < b->prefix; i++) {
        bh_input in;
        st = journal_resolve(plan, &plan->v[i], d, &in, err);
        if (st == BH_OK)
            st = journal_append(&j, d, &in, err);
    }
    if (st == BH_OK) {
        int dec = defs_decision(d, decision);
        bh_input in = {.time = b->at, .kind = IN_CHOOSE, .a = dec,
                       .b = defs_option(&d->decisions[dec], option)};
        st = journal_append(&j, d, &in, err);
    }
    if (j.fd >= 0)
        journal_close(&j);
    /* A branch journal missing some of its inputs would resume as another
     * session: remove it, and let the error say why. */
    if (st != BH_OK && created)
        unlink(path);
    return st;
}
