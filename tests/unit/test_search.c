/* test_search: the coverage-guided search behind `explore --search` and
 * `check --explore`: a candidate's inputs applied at their times (refused
 * ones dropped, the journal what was taken); the targets it reaches and
 * the witnesses it cuts down, each replayed by a fresh session; the same
 * search whatever the number of workers; crashed runs split into file,
 * line and message. Fixtures: tests/fixtures/explore/. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "core/session.h"
#include "explore/ex_internal.h"

#define FIX "tests/fixtures/explore/"
#define KNOWN FIX "known.lua"
#define HOOKS FIX "hooks.lua"

static ex_result *search(const char *path, int budget, int workers, int witness)
{
    ex_opts o;
    ex_opts_default(&o);
    o.scenario = path;
    o.search = 1;
    o.budget = budget;
    o.runs = 20000;
    o.workers = workers;
    o.witness = witness;
    ex_result *r = NULL;
    lh_diags d = {0};
    bh_err e;
    err_clear(&e);
    bh_status st = ex_explore(&o, &r, &d, &e);
    if (st != BH_OK)
        fprintf(stderr, "search %s: %s\n", path, e.msg);
    CHECK_INT(st, BH_OK);
    lh_diags_free(&d);
    return r;
}

static const ex_target *target(const ex_result *r, ex_target_kind k, const char *id)
{
    const bh_defs *d = r->defs;
    for (int i = 0; i < r->ntargets; i++) {
        const ex_target *t = &r->targets[i];
        const char *tid = t->kind == EX_T_ENDING   ? d->endings[t->index].id
                          : t->kind == EX_T_INJECT ? d->injects[t->index].id
                                                   : d->decisions[t->decision].options[t->option].id;
        if (t->kind == k && strcmp(tid, id) == 0)
            return t;
    }
    return NULL;
}

/* A fresh session of the scenario replaying `journal` with `seed`: its ending. */
static const char *replayed_ending(const char *path, uint64_t seed, const char *journal)
{
    static char out[64];
    lh_host *h = NULL;
    lh_diags d = {0};
    bh_plan p = {0};
    bh_sim *sim = NULL;
    bh_err e;
    err_clear(&e);
    bh_replay_result res;
    snprintf(out, sizeof out, "(failed)");
    if (lh_load(path, NULL, &h, &d) == BH_OK &&
        journal_parse("witness", journal, strlen(journal), &p, &e) == BH_OK &&
        sim_create(&sim, lh_defs(h), lh_hooks(h), seed, &e) == BH_OK &&
        session_replay(sim, NULL, &p, &res, &e) == BH_OK && session_finish(sim, &e) == BH_OK) {
        int k = sim_ending(sim);
        snprintf(out, sizeof out, "%s", k >= 0 ? lh_defs(h)->endings[k].id : "(none)");
    }
    sim_destroy(sim);
    journal_plan_free(&p);
    lh_diags_free(&d);
    lh_free(h);
    return out;
}

/* A candidate's inputs go in at their times; what the session refuses is
 * dropped, as a click would be, and the journal holds what was taken. */
static void test_candidate_steps(void)
{
    lh_host *h = NULL;
    lh_diags d = {0};
    CHECK_INT(lh_load(KNOWN, NULL, &h, &d), BH_OK);
    lh_diags_free(&d);
    if (!h)
        return;
    const bh_defs *defs = lh_defs(h);
    int busy = defs_action(defs, "busywork"), save = defs_action(defs, "save");
    ex_step steps[] = {
        {0, IN_START, busy, 0},
        {0, IN_START, busy, 0},        /* still running: refused, dropped */
        {300, IN_CANCEL, busy, 0},
        {1800, IN_START, save, 0},
        {1900, IN_CANCEL, busy, 0},    /* not running: refused, dropped */
    };
    ex_cand c = {.seed = 7, .policy = EX_IDLE, .cut = -1, .steps = steps, .nsteps = 5};
    ex_opts o;
    ex_opts_default(&o);
    o.cands = &c;
    ex_buf b = {0};
    CHECK_INT(ex_play(&o, h, 0, &b), 0);
    ex_rec x;
    CHECK_INT(ex_rec_decode(b.p, b.n, defs, &x), 0);
    CHECK_INT(x.status, EX_ENDED);
    CHECK_INT(x.policy, EX_VARIED);
    CHECK_INT(x.seed, 7);
    CHECK_INT(x.cut, -1);
    CHECK_INT(x.inputs, 3);
    CHECK_STR(x.journal, "0s start busywork\n5m cancel busywork\n30m start save\n");
    CHECK_INT(x.ending, defs_ending(defs, "saved"));
    CHECK_INT(x.end_time, 2400);
    CHECK_INT(x.started[save], 1);
    CHECK_INT(x.avail[save], 1); /* a step that starts it shows it was available */
    ex_buf_free(&b);
    lh_free(h);
}

/* Without steps, a candidate's policy plays from the start. */
static void test_candidate_policy(void)
{
    lh_host *h = NULL;
    lh_diags d = {0};
    CHECK_INT(lh_load(KNOWN, NULL, &h, &d), BH_OK);
    lh_diags_free(&d);
    if (!h)
        return;
    ex_cand c = {.seed = 3, .policy = EX_GREEDY, .cut = -1};
    ex_opts o;
    ex_opts_default(&o);
    o.cands = &c;
    ex_buf b = {0};
    CHECK_INT(ex_play(&o, h, 0, &b), 0);
    ex_rec x;
    CHECK_INT(ex_rec_decode(b.p, b.n, lh_defs(h), &x), 0);
    CHECK_INT(x.policy, EX_GREEDY);
    CHECK_INT(x.ending, defs_ending(lh_defs(h), "saved"));
    CHECK_STR(x.journal, "0s start save\n");
    ex_buf_free(&b);
    lh_free(h);
}

/* What it reaches, what it does not, and witnesses cut to what is needed. */
static void test_targets_and_witnesses(void)
{
    ex_result *r = search(KNOWN, 300, 2, 1);
    if (!r)
        return;
    CHECK(r->nruns >= 256 && r->nruns < 20000);
    CHECK(r->quiet >= 300);
    const ex_target *saved = target(r, EX_T_ENDING, "saved"), *lost = target(r, EX_T_ENDING, "lost"),
                    *never = target(r, EX_T_ENDING, "unreachable"),
                    *orphan = target(r, EX_T_INJECT, "orphan"),
                    *hello = target(r, EX_T_INJECT, "hello"), *opt = target(r, EX_T_OPTION, "a");
    CHECK(saved && lost && never && orphan && hello && opt);
    if (!saved || !lost || !never || !orphan || !hello || !opt) {
        ex_result_free(r);
        return;
    }
    CHECK(saved->run >= 0 && lost->run >= 0 && hello->run >= 0);
    CHECK_INT(never->run, -1);
    CHECK_INT(orphan->run, -1);
    CHECK_INT(opt->run, -1);
    CHECK(!never->witness && !orphan->witness);
    /* saving needs exactly its start; losing needs nothing; hello fires anyway */
    CHECK(saved->reproduced && lost->reproduced && hello->reproduced);
    CHECK_INT(saved->witness_inputs, 1);
    CHECK_HAS(saved->witness, " start save\n");
    CHECK(saved->best_inputs >= saved->witness_inputs);
    CHECK_INT(lost->witness_inputs, 0);
    CHECK_STR(lost->witness, "");
    CHECK_INT(hello->witness_inputs, 0);
    CHECK_STR(replayed_ending(KNOWN, saved->seed, saved->witness), "saved");
    CHECK_STR(replayed_ending(KNOWN, lost->seed, lost->witness), "lost");
    CHECK(r->minimize_runs > 0);
    json_t *m = ex_build(r, 0);
    json_t *s = json_object_get(m, "search");
    CHECK(s != NULL);
    CHECK_INT(json_array_size(json_object_get(s, "never")), 4); /* unreachable, orphan, a, b */
    CHECK(json_object_get(s, "endings_s") == NULL); /* seconds only with timing */
    json_decref(m);
    ex_result_free(r);
}

/* The budget is in runs and every draw is the search's own: the same
 * search with one worker or two. */
static void test_same_search_any_workers(void)
{
    ex_result *a = search(KNOWN, 300, 1, 0), *b = search(KNOWN, 300, 2, 0);
    if (a && b) {
        CHECK_INT(a->nruns, b->nruns);
        CHECK_INT(a->generations, b->generations);
        CHECK_INT(a->corpus, b->corpus);
        for (int i = 0; i < a->ntargets && i < b->ntargets; i++) {
            CHECK_INT(a->targets[i].run, b->targets[i].run);
            CHECK_INT(a->targets[i].best_inputs, b->targets[i].best_inputs);
        }
        json_t *ma = ex_build(a, 0), *mb = ex_build(b, 0);
        CHECK(json_equal(ma, mb));
        json_decref(ma);
        json_decref(mb);
    }
    ex_result_free(a);
    ex_result_free(b);
}

/* Every hook's error, found and split into where and what. */
static void test_crashes_found(void)
{
    ex_result *r = search(HOOKS, 300, 2, 0);
    if (!r)
        return;
    CHECK(r->failed > 0);
    int lines[4] = {24, 31, 35, 41}, found = 0;
    for (int i = 0; i < r->ngroups; i++) {
        const ex_group *g = &r->groups[i];
        CHECK(g->file && strstr(g->file, "hooks.lua") != NULL);
        CHECK(g->msg && strstr(g->msg, "hooks.lua") == NULL && strstr(g->msg, "broke"));
        for (int k = 0; k < 4; k++)
            found += g->line == lines[k];
        CHECK_HAS(g->journal, "start ");
    }
    CHECK_INT(found, 4);
    CHECK_INT(r->ngroups, 4);
    ex_result_free(r);
}

/* Every session fails at once: listed, and one generation is enough. */
static void test_all_failed_stops(void)
{
    ex_result *r = search(FIX "crash.lua", 3000, 2, 1);
    if (!r)
        return;
    CHECK_INT(r->nruns, 256);
    CHECK_INT(r->generations, 1);
    CHECK_INT(r->all_failed, 1);
    CHECK_INT(r->failed, 256);
    CHECK_INT(r->ngroups, 1);
    CHECK_INT(r->ngroups ? r->groups[0].line : 0, 8);
    json_t *m = ex_build(r, 0);
    CHECK_STR(json_string_value(json_object_get(json_object_get(m, "search"), "stopped")),
              "all_failed");
    json_decref(m);
    ex_result_free(r);
    ex_result *k = search(KNOWN, 300, 2, 0); /* a scenario that ends is searched on */
    if (k)
        CHECK_INT(k->all_failed, 0);
    ex_result_free(k);
}

int main(int argc, char **argv)
{
    static const check_case cases[] = {
        {"candidate_steps", test_candidate_steps},
        {"candidate_policy", test_candidate_policy},
        {"targets_and_witnesses", test_targets_and_witnesses},
        {"same_search_any_workers", test_same_search_any_workers},
        {"crashes_found", test_crashes_found},
        {"all_failed_stops", test_all_failed_stops},
        {NULL, NULL}};
    return check_main(argc, argv, cases);
}
