/* rv_tour: see rv_tour.h. The session is played through the path every
 * input takes (session_input), so each state is one a workshop reaches. */
#include "room/rv_tour.h"

#include <stdio.h>
#include <string.h>

#include "core/journal.h"
#include "core/session.h"
#include "report/rp_report.h"
#include "script/lh_host.h"

typedef struct tour {
    const rv_tour_opts *o;
    rv_tour_fn fn;
    void *ud;
    bh_sim *s;
} tour;

static bh_status show(tour *t, const char *name, const rv_source *src, const rv_show *sh,
                      bh_err *err)
{
    rv_model m;
    bh_status st = rv_build(&m, src, sh, err);
    if (st == BH_OK)
        t->fn(t->ud, name, &m);
    rv_free(&m);
    return st;
}

/* Replay the plan's inputs after `from` up to `until`, then move the clock
 * to `until` (the session may end on the way). */
static bh_status drive(tour *t, const bh_plan *p, bh_time from, bh_time until, bh_err *err)
{
    bh_status st = BH_OK;
    for (size_t i = 0; p && st == BH_OK && i < p->n && p->v[i].time <= until; i++) {
        if (p->v[i].time <= from || sim_ended(t->s))
            continue;
        bh_input in;
        st = journal_resolve(p, &p->v[i], sim_defs(t->s), &in, err);
        if (st == BH_OK)
            st = sim_advance(t->s, in.time, err);
        if (st == BH_OK && !sim_ended(t->s))
            st = session_input(t->s, NULL, &in, err);
    }
    if (st == BH_OK && !sim_ended(t->s))
        st = sim_advance(t->s, until, err);
    return st;
}

/* The first open decision with discussion questions, else any open one. */
static int open_decision(const bh_sim *s)
{
    const bh_defs *d = sim_defs(s);
    int any = -1;
    for (size_t i = 0; i < d->ndecisions; i++) {
        bh_decision_status ds;
        sim_decision_status(s, (int)i, &ds);
        if (ds.state != DEC_OPEN)
            continue;
        if (d->decisions[i].discuss.n)
            return (int)i;
        any = any < 0 ? (int)i : any;
    }
    return any;
}

/* The room's vote revealed on the decision on show: made-up votes from
 * every role, most for the first option, every confidence (a tour shows
 * what the projector draws; the votes' own path is tested elsewhere). */
static bh_status show_tally(tour *t, rv_source *src, rv_show *sh, bh_err *err)
{
    rv_model m;
    bh_status st = rv_build(&m, src, sh, err);
    int d = m.decision.open ? m.decision.index : -1, no = (int)m.decision.noptions;
    rv_free(&m);
    if (st != BH_OK || d < 0)
        return st;
    bh_tally tl;
    if ((st = tally_init(&tl, d, (int)sim_defs(t->s)->nteams, no, err)) != BH_OK)
        return st;
    for (int r = 0; r < tl.nroles; r++) {
        tl.joined[r] = 1 + (r * 2 + 1) % 4;
        for (int k = 0; k < tl.joined[r] - (r == 1); k++)
            tally_add(&tl, r, (r + k * k) % 3 == 0 ? 0 : (r + k) % no, k % TALLY_CONF, 1);
    }
    src->tally = &tl;
    sh->reveal = 1;
    st = show(t, "tally", src, sh, err);
    sh->reveal = 0;
    src->tally = NULL;
    tally_free(&tl);
    return st;
}

static bh_status run(tour *t, const bh_plan *p, bh_err *err)
{
    rv_source src = {.sim = t->s, .speed = 0, .started = 0, .join = t->o->join,
                      .join_code = t->o->join_code, .join_also = {t->o->join_also}};
    rv_show sh = {0};
    bh_status st = show(t, "before", &src, &sh, err);
    if (st == BH_OK)
        st = drive(t, p, -1, t->o->busy, err);
    src.started = 1;
    src.speed = 1;
    if (st == BH_OK)
        st = show(t, "playing", &src, &sh, err);
    src.speed = 0;
    if (st == BH_OK)
        st = show(t, "paused", &src, &sh, err);
    src.speed = 1;
    sh.blank = 1;
    if (st == BH_OK)
        st = show(t, "blank", &src, &sh, err);
    sh.blank = 0;
    sh.slide = RV_SLIDE_DECISION;
    sh.slide_index = open_decision(t->s);
    if (st == BH_OK)
        st = show(t, "slide", &src, &sh, err);
    sh.slide = RV_SLIDE_NONE;
    if (st == BH_OK)
        st = show_tally(t, &src, &sh, err);
    bh_time at = t->o->busy;
    if (st == BH_OK && t->o->quiet > at) {
        st = drive(t, p, at, t->o->quiet, err);
        at = t->o->quiet;
        if (st == BH_OK)
            st = show(t, "message", &src, &sh, err);
    }
    if (st == BH_OK)
        st = drive(t, p, at, sim_length(t->s), err);
    if (st == BH_OK && !sim_ended(t->s))
        st = session_finish(t->s, err);
    if (st == BH_OK)
        st = show(t, "ended", &src, &sh, err);
    rp_meta meta = {t->o->scenario, NULL, NULL};
    json_t *report = st == BH_OK ? rp_build(t->s, &meta) : NULL;
    if (st == BH_OK && !report)
        st = err_set(err, BH_ENOMEM, t->o->scenario, 0, "out of memory building the report");
    src.report = report;
    sh.hotwash = 1;
    sh.hotwash_tabs = (1u << RV_TABS) - 1;
    for (int tab = 0; st == BH_OK && tab < RV_TABS; tab++) {
        if (!t->o->all_tabs && tab != RV_TAB_DECISIONS)
            continue;
        char name[64];
        snprintf(name, sizeof name, "hotwash%s%s", t->o->all_tabs ? "-" : "",
                 t->o->all_tabs ? rv_tab_name(tab) : "");
        for (char *c = name; *c; c++)
            *c = *c == ' ' ? '_' : (char)(*c >= 'A' && *c <= 'Z' ? *c + 32 : *c);
        sh.hotwash_tab = tab;
        st = show(t, name, &src, &sh, err);
    }
    json_decref(report);
    return st;
}

bh_status rv_tour(const rv_tour_opts *o, rv_tour_fn fn, void *ud, bh_err *err)
{
    tour t = {o, fn, ud, NULL};
    lh_diags diags = {0};
    lh_host *h = NULL;
    bh_status st = lh_load(o->scenario, NULL, &h, &diags);
    if (st != BH_OK || !h) {
        const char *why = diags.n ? diags.v[0].msg : "cannot load";
        st = err_set(err, BH_ESCRIPT, o->scenario, diags.n ? diags.v[0].line : 0, "%s", why);
        lh_diags_free(&diags);
        lh_free(h);
        return st;
    }
    lh_diags_free(&diags);
    bh_plan plan = {0};
    st = o->plan ? journal_read(o->plan, &plan, err) : BH_OK;
    uint64_t seed = plan.has_seed ? plan.seed : 1;
    if (st == BH_OK)
        st = sim_create(&t.s, lh_defs(h), lh_hooks(h), seed, err);
    if (st == BH_OK)
        st = run(&t, o->plan ? &plan : NULL, err);
    sim_destroy(t.s);
    journal_plan_free(&plan);
    lh_free(h);
    return st;
}
