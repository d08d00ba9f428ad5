/* test_explore: the auto-playtester (explore/ex_explore.h).
 *
 * Statistics on fixtures whose answers are known by construction
 * (tests/fixtures/explore/known.lua); the same numbers whatever the number
 * of workers or the isolation; sessions that cannot see each other's Lua
 * state, each equal to a fresh replay of its journal (isolation.lua, with
 * a control showing that a shared state would be caught); failures that
 * happen on some seeds only, grouped, with journals that reproduce them
 * (hostile.lua); the record that crosses the pipes; and the writers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "core/session.h"
#include "explore/ex_internal.h"
#include "report/rp_report.h"

#define FIX "tests/fixtures/explore/"
#define KNOWN FIX "known.lua"
#define ISOLATION FIX "isolation.lua"
#define HOSTILE FIX "hostile.lua"

static ex_result *explore(const char *path, unsigned policies, int runs, int workers,
                          ex_isolation iso, int keep)
{
    ex_opts o;
    ex_opts_default(&o);
    o.scenario = path;
    o.policies = policies;
    o.runs = runs;
    o.workers = workers;
    o.isolation = iso;
    o.keep_journals = keep;
    ex_result *r = NULL;
    lh_diags d = {0};
    bh_err e;
    err_clear(&e);
    bh_status st = ex_explore(&o, &r, &d, &e);
    if (st != BH_OK)
        fprintf(stderr, "explore %s: %s\n", path, e.msg);
    CHECK_INT(st, BH_OK);
    lh_diags_free(&d);
    return r;
}

#define ONLY(p) (1u << (p))

static const char *ending_of(const ex_result *r, int run)
{
    int e = r->runs[run].ending;
    return e >= 0 ? r->defs->endings[e].id : "(none)";
}

/* The model without timing, as one string: equal strings, equal statistics. */
static char *model_text(const ex_result *r)
{
    json_t *m = ex_build(r, 0);
    char *s = m ? json_dumps(m, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
    json_decref(m);
    return s;
}

static int in_list(const json_t *a, const char *id)
{
    size_t i;
    json_t *v;
    json_array_foreach(a, i, v) if (strcmp(json_string_value(v), id) == 0) return 1;
    return 0;
}

/* What `bulkhead run` does with a journal: a fresh load, replay, run on. */
typedef struct replayed {
    lh_host *h;
    bh_sim *sim;
    bh_status st;
    char error[2000];
} replayed;

static void replay(const char *path, uint64_t seed, const char *journal, replayed *out)
{
    memset(out, 0, sizeof *out);
    bh_plan p = {0};
    lh_diags d = {0};
    bh_err e;
    err_clear(&e);
    bh_replay_result res;
    out->st = BH_EIO;
    if (lh_load(path, NULL, &out->h, &d) == BH_OK &&
        journal_parse("journal", journal, strlen(journal), &p, &e) == BH_OK &&
        sim_create(&out->sim, lh_defs(out->h), lh_hooks(out->h), seed, &e) == BH_OK) {
        out->st = session_replay(out->sim, NULL, &p, &res, &e);
        if (out->st == BH_OK)
            out->st = session_finish(out->sim, &e);
    }
    if (out->st != BH_OK)
        err_format(&e, out->error, sizeof out->error);
    journal_plan_free(&p);
    lh_diags_free(&d);
}

static void replayed_free(replayed *r)
{
    sim_destroy(r->sim);
    lh_free(r->h);
}

/* ---- answers known by construction ---- */

static void test_known_idle(void)
{
    ex_result *r = explore(KNOWN, ONLY(EX_IDLE), 12, 2, EX_ISO_RELOAD, 0);
    if (!r)
        return;
    int lost = defs_ending(r->defs, "lost"), score = defs_meter(r->defs, "score");
    CHECK_INT(r->reached[lost], 12);
    CHECK_INT(r->failed, 0);
    CHECK_INT(r->looked, 0);
    for (int i = 0; i < r->nruns; i++) {
        CHECK_STR(ending_of(r, i), "lost");
        CHECK_INT(r->runs[i].by_length, 1);
        CHECK_INT(r->runs[i].end_time, 4 * 3600);
        CHECK(r->runs[i].meters[score] == 50);
        CHECK_INT(r->runs[i].inputs, 0);
        CHECK(r->runs[i].seed == (uint64_t)i + 1);
    }
    json_t *m = ex_build(r, 0);
    CHECK(json_is_null(json_object_get(json_object_get(m, "never"), "actions")));
    CHECK(in_list(json_object_get(json_object_get(m, "never"), "meters"), "score"));
    CHECK(r->low[score] == 50 && r->high[score] == 50);
    CHECK(rp_num(json_object_get(m, "length"), "median_s") == 4 * 3600);
    json_decref(m);
    ex_result_free(r);
}

static void test_known_greedy(void)
{
    ex_result *r = explore(KNOWN, ONLY(EX_GREEDY), 10, 2, EX_ISO_RELOAD, 0);
    if (!r)
        return;
    int save = defs_action(r->defs, "save"), locked = defs_action(r->defs, "locked");
    for (int i = 0; i < r->nruns; i++) {
        CHECK_STR(ending_of(r, i), "saved");
        CHECK_INT(r->runs[i].end_time, 600); /* started at T+0, takes 10m */
        CHECK(r->runs[i].meters[defs_meter(r->defs, "score")] == 100);
        CHECK_INT(r->runs[i].started[save], 1);
    }
    CHECK_INT(r->available[save], 10);
    CHECK_INT(r->available[locked], 0);
    int score = defs_meter(r->defs, "score");
    CHECK(r->low[score] == 50 && r->high[score] == 100);
    ex_result_free(r);
}

static void test_known_cautious(void)
{
    ex_result *r = explore(KNOWN, ONLY(EX_CAUTIOUS), 10, 1, EX_ISO_RELOAD, 0);
    if (!r)
        return;
    int save = defs_action(r->defs, "save"), busy = defs_action(r->defs, "busywork");
    for (int i = 0; i < r->nruns; i++) {
        CHECK_STR(ending_of(r, i), "lost"); /* "save" is a restore: cautious never starts it */
        CHECK_INT(r->runs[i].started[save], 0);
    }
    CHECK(r->started[busy] > 0);
    ex_result_free(r);
}

static void test_known_random(void)
{
    ex_result *r = explore(KNOWN, ONLY(EX_RANDOM), 80, 2, EX_ISO_RELOAD, 0);
    if (!r)
        return;
    int save = defs_action(r->defs, "save");
    int saved = defs_ending(r->defs, "saved"), lost = defs_ending(r->defs, "lost");
    CHECK(r->reached[saved] > 0);
    CHECK(r->reached[lost] > 0);
    CHECK_INT(r->reached[saved] + r->reached[lost], 80);
    for (int i = 0; i < r->nruns; i++) {
        if (r->runs[i].ending == saved)
            CHECK_INT(r->runs[i].started[save], 1);
        if (!r->runs[i].started[save])
            CHECK_STR(ending_of(r, i), "lost");
    }
    /* "save" decides the outcome, so it leads the impact list, near +1 */
    json_t *m = ex_build(r, 0);
    const json_t *top = json_array_get(json_object_get(json_object_get(m, "impact"), "actions"), 0);
    CHECK_STR(rp_str(top, "id"), "save");
    CHECK(rp_num(top, "delta") > 0.8);
    json_decref(m);
    ex_result_free(r);
}

static void test_known_meter_measure(void)
{
    ex_opts o;
    ex_opts_default(&o);
    o.scenario = KNOWN;
    o.policies = ONLY(EX_RANDOM);
    o.runs = 60;
    o.meter = "score";
    ex_result *r = NULL;
    lh_diags d = {0};
    bh_err e;
    CHECK_INT(ex_explore(&o, &r, &d, &e), BH_OK);
    if (!r)
        return;
    json_t *m = ex_build(r, 0);
    const json_t *im = json_object_get(m, "impact");
    CHECK_STR(rp_str(im, "measure"), "meter");
    CHECK_STR(rp_str(im, "meter"), "score");
    const json_t *top = json_array_get(json_object_get(im, "actions"), 0);
    CHECK_STR(rp_str(top, "id"), "save");
    CHECK(rp_num(top, "delta") > 40); /* 100 with it, 50 without, but for a cancel or two */
    json_decref(m);
    ex_result_free(r);
    lh_diags_free(&d);
}

static void test_known_never(void)
{
    ex_result *r = explore(KNOWN, EX_ALL_POLICIES, 40, 2, EX_ISO_RELOAD, 0);
    if (!r)
        return;
    json_t *m = ex_build(r, 0);
    const json_t *nv = json_object_get(m, "never");
    CHECK(in_list(json_object_get(nv, "injects"), "orphan"));
    CHECK(!in_list(json_object_get(nv, "injects"), "hello"));
    CHECK(in_list(json_object_get(nv, "decisions"), "never_opened"));
    CHECK(in_list(json_object_get(nv, "endings"), "unreachable"));
    CHECK(!in_list(json_object_get(nv, "endings"), "saved"));
    CHECK(in_list(json_object_get(nv, "actions"), "locked"));
    CHECK(!in_list(json_object_get(nv, "actions"), "save"));
    CHECK_INT(json_array_size(json_object_get(nv, "actions")), 1);
    CHECK(in_list(json_object_get(nv, "started"), "locked"));
    CHECK(!in_list(json_object_get(nv, "started"), "busywork"));
    CHECK(in_list(json_object_get(nv, "options"), "never_opened.a"));
    CHECK(in_list(json_object_get(nv, "options"), "never_opened.b"));
    CHECK_INT(json_array_size(json_object_get(nv, "meters")), 0); /* greedy moves the score */
    /* runs take the policies in turn */
    for (int i = 0; i < r->nruns; i++)
        CHECK_INT(r->runs[i].policy, i % 4);
    const json_t *e;
    size_t k;
    json_array_foreach(json_object_get(m, "endings"), k, e) if (!strcmp(rp_str(e, "id"), "lost"))
        CHECK_INT(json_integer_value(json_object_get(json_object_get(e, "by_policy"), "idle")), 10);
    json_decref(m);
    ex_result_free(r);
}

/* ---- determinism ---- */

static void test_same_stats_any_workers(void)
{
    const char *path = "scenarios/tutorial.lua";
    ex_result *a = explore(path, EX_ALL_POLICIES, 24, 1, EX_ISO_RELOAD, 0);
    ex_result *b = explore(path, EX_ALL_POLICIES, 24, 2, EX_ISO_RELOAD, 0);
    ex_result *c = explore(path, EX_ALL_POLICIES, 24, 2, EX_ISO_FORK, 0);
    ex_result *d = explore(path, EX_ALL_POLICIES, 24, 3, EX_ISO_FORK, 0);
    ex_result *e = explore(path, EX_ALL_POLICIES, 24, 1, EX_ISO_REWIND, 0);
    ex_result *f = explore(path, EX_ALL_POLICIES, 24, 2, EX_ISO_REWIND, 0);
    if (a && b && c && d && e && f) {
        char *ta = model_text(a), *tb = model_text(b), *tc = model_text(c), *td = model_text(d);
        char *te = model_text(e), *tf = model_text(f);
        CHECK(ta && strlen(ta) > 1000);
        CHECK_STR(ta, tb);
        CHECK_STR(ta, tc);
        CHECK_STR(ta, td);
        CHECK_STR(ta, te);
        CHECK_STR(ta, tf);
        free(te);
        free(tf);
        CHECK_INT(a->workers, 1);
        CHECK_INT(b->workers, 2);
        free(ta);
        free(tb);
        free(tc);
        free(td);
    }
    ex_result_free(a);
    ex_result_free(b);
    ex_result_free(c);
    ex_result_free(d);
    ex_result_free(e);
    ex_result_free(f);
}

static void test_seed_changes_runs(void)
{
    ex_opts o;
    ex_opts_default(&o);
    o.scenario = "scenarios/tutorial.lua";
    o.runs = 8;
    o.seed = 1000;
    ex_result *a = explore(o.scenario, EX_ALL_POLICIES, 8, 2, EX_ISO_RELOAD, 0), *b = NULL;
    lh_diags d = {0};
    bh_err e;
    CHECK_INT(ex_explore(&o, &b, &d, &e), BH_OK);
    lh_diags_free(&d);
    if (a && b) {
        char *ta = model_text(a), *tb = model_text(b);
        CHECK(ta && tb && strcmp(ta, tb) != 0); /* else the test above proves nothing */
        CHECK(b->runs[3].seed == 1003);
        free(ta);
        free(tb);
    }
    ex_result_free(a);
    ex_result_free(b);
}

/* The policy draws from its own generator: the session's draws (the
 * fixture's "luck", drawn before any input can matter) depend on the seed
 * alone, whether a policy acts or not. */
static void test_policy_draws_apart(void)
{
    ex_result *a = explore(ISOLATION, ONLY(EX_IDLE), 10, 2, EX_ISO_RELOAD, 0);
    ex_result *b = explore(ISOLATION, ONLY(EX_RANDOM), 10, 2, EX_ISO_RELOAD, 0);
    if (a && b) {
        int luck = defs_meter(a->defs, "luck"), acted = 0, differ = 0;
        for (int i = 0; i < 10; i++) {
            CHECK(a->runs[i].meters[luck] == b->runs[i].meters[luck]);
            acted += b->runs[i].inputs > 0;
            differ |= a->runs[i].meters[luck] != a->runs[0].meters[luck];
        }
        CHECK(acted > 0);
        CHECK(differ);
    }
    ex_result_free(a);
    ex_result_free(b);
}


/* Conditions waiting on the clock are counted exactly (the fixture's
 * numbers hold by construction), and `after` costs none. */
static void test_clock_counts(void)
{
    ex_result *r = explore("tests/lint/explore/clock.lua", EX_ALL_POLICIES, 8, 2, EX_ISO_REWIND,
                           0);
    if (!r)
        return;
    const bh_defs *d = r->defs;
    CHECK(r->clock_calls[defs_inject(d, "polled")] == 8 * 91);
    CHECK(r->clock_calls[defs_inject(d, "waits")] == 0);
    CHECK(r->clock_calls[defs_inject(d, "brief")] == 8 * 11);
    CHECK_INT(r->fired[defs_inject(d, "waits")], 8);
    json_t *m = ex_build(r, 0);
    const json_t *c = json_object_get(m, "clock");
    CHECK_INT(json_array_size(c), 2);
    CHECK_STR(rp_str(json_array_get(c, 0), "id"), "polled");
    CHECK(rp_num(json_array_get(c, 0), "per_run") == 91);
    CHECK_INT((int)rp_num(json_array_get(c, 0), "line"), 9);
    CHECK_STR(rp_str(json_array_get(c, 1), "id"), "brief");
    json_decref(m);
    ex_result_free(r);
}

/* Verification finds the condition that reads a Lua variable, exactly as
 * often as the fixture says, and nothing in the shipped scenarios. Without
 * it nothing is reported. */
static void test_verify_finds_stale(void)
{
    ex_opts o;
    ex_opts_default(&o);
    o.scenario = "tests/lint/explore/stale.lua";
    o.runs = 6;
    o.workers = 2;
    o.verify = 1;
    ex_result *r = NULL;
    lh_diags d = {0};
    bh_err e;
    CHECK_INT(ex_explore(&o, &r, &d, &e), BH_OK);
    lh_diags_free(&d);
    if (r) {
        CHECK(r->stale[defs_inject(r->defs, "sneaky")] == 12);
        CHECK(r->stale[defs_inject(r->defs, "tick")] == 0);
        CHECK_INT(r->fired[defs_inject(r->defs, "sneaky")], 0); /* the memo's answer is used */
        json_t *m = ex_build(r, 0);
        CHECK_INT(json_array_size(json_object_get(m, "stale")), 1);
        json_decref(m);
        ex_result_free(r);
    }
    o.verify = 0;
    CHECK_INT(ex_explore(&o, &r, &d, &e), BH_OK);
    lh_diags_free(&d);
    if (r) {
        CHECK(r->stale[defs_inject(r->defs, "sneaky")] == 0);
        json_t *m = ex_build(r, 0);
        CHECK(json_object_get(m, "stale") == NULL);
        json_decref(m);
        ex_result_free(r);
    }
    static const char *const shipped[] = {"scenarios/tutorial.lua",
                                          "scenarios/carrier_ransomware.lua",
                                          "scenarios/regulator_attack.lua"};
    for (int k = 0; k < 3; k++) {
        o.scenario = shipped[k];
        o.runs = 40;
        o.verify = 1;
        CHECK_INT(ex_explore(&o, &r, &d, &e), BH_OK);
        lh_diags_free(&d);
        uint64_t total = 0;
        for (size_t i = 0; r && i < ex_ncond(r->defs); i++)
            total += r->stale[i];
        CHECK(r && total == 0);
        ex_result_free(r);
    }
}

/* ---- isolation ---- */

/* Each explored run equals a fresh replay of its journal, and no session
 * ever saw another's counter. */
static void check_isolated(ex_isolation iso)
{
    ex_result *r = explore(ISOLATION, EX_ALL_POLICIES, 16, 2, iso, 1);
    if (!r)
        return;
    const bh_defs *d = r->defs;
    int carry = defs_meter(d, "carry");
    CHECK_INT(r->fired[defs_inject(d, "leaked")], 0);
    int poked = 0;
    for (int i = 0; i < r->nruns; i++) {
        const ex_run *x = &r->runs[i];
        CHECK(x->journal != NULL);
        replayed p;
        replay(ISOLATION, x->seed, x->journal ? x->journal : "", &p);
        CHECK_INT(p.st, BH_OK);
        if (p.sim) {
            CHECK_INT(sim_ending(p.sim), x->ending);
            CHECK_INT(sim_now(p.sim), x->end_time);
            for (size_t m = 0; m < d->nmeters; m++)
                CHECK(sim_meter(p.sim, (int)m) == x->meters[m]);
        }
        CHECK(x->meters[carry] >= 1);
        poked |= x->meters[carry] > 1;
        replayed_free(&p);
    }
    CHECK(poked); /* some runs changed the counter, so a leak would show */
    /* both options of "pick" were taken: chosen (greedy: "high") or by default */
    CHECK(r->chosen[0] > 0 && r->chosen[1] > 0);
    ex_result_free(r);
}

static void test_isolation_reload(void) { check_isolated(EX_ISO_RELOAD); }
static void test_isolation_fork(void) { check_isolated(EX_ISO_FORK); }
static void test_isolation_rewind(void) { check_isolated(EX_ISO_REWIND); }

/* Rewinding puts the Lua state back byte for byte: the counter the fixture
 * keeps in an upvalue starts from 0 again, many sessions in a row, and the
 * memory the state holds is what it held after loading. */
static void test_rewind_restores(void)
{
    lh_opts lo;
    lh_opts_default(&lo);
    lo.rewindable = 1;
    lh_host *h = NULL;
    lh_diags d = {0};
    bh_err e;
    CHECK_INT(lh_load(ISOLATION, &lo, &h, &d), BH_OK);
    CHECK_INT(h ? lh_save(h) : BH_EUSAGE, BH_OK);
    size_t loaded = h ? lh_memory(h) : 0;
    for (int k = 0; h && k < 50; k++) {
        bh_sim *s = NULL;
        CHECK_INT(sim_create(&s, lh_defs(h), lh_hooks(h), (uint64_t)k + 1, &e), BH_OK);
        CHECK_INT(session_finish(s, &e), BH_OK);
        CHECK(sim_meter(s, defs_meter(lh_defs(h), "carry")) == 1);
        CHECK_INT(sim_inject_fired(s, defs_inject(lh_defs(h), "leaked")), 0);
        sim_destroy(s);
        lh_rewind(h);
        CHECK(lh_memory(h) == loaded);
    }
    lh_free(h);
    lh_diags_free(&d);
    /* a host loaded without rewindable cannot save */
    CHECK_INT(lh_load(ISOLATION, NULL, &h, &d), BH_OK);
    CHECK_INT(h ? lh_save(h) : BH_OK, BH_EUSAGE);
    lh_free(h);
    lh_diags_free(&d);
}

/* The control: two sessions on one Lua state do see each other's counter,
 * so the checks above would catch a leak. */
static void test_isolation_control(void)
{
    lh_host *h = NULL;
    lh_diags d = {0};
    bh_err e;
    CHECK_INT(lh_load(ISOLATION, NULL, &h, &d), BH_OK);
    double carry[2] = {0, 0};
    for (int k = 0; h && k < 2; k++) {
        bh_sim *s = NULL;
        CHECK_INT(sim_create(&s, lh_defs(h), lh_hooks(h), 1, &e), BH_OK);
        CHECK_INT(session_finish(s, &e), BH_OK);
        carry[k] = sim_meter(s, defs_meter(lh_defs(h), "carry"));
        if (k == 1)
            CHECK(sim_inject_fired(s, defs_inject(lh_defs(h), "leaked")) > 0);
        sim_destroy(s);
    }
    CHECK(carry[0] == 1);
    CHECK(carry[1] == 2);
    lh_free(h);
    lh_diags_free(&d);
}

/* ---- failures ---- */

static void test_failures_found_and_reproduced(void)
{
    ex_result *r = explore(HOSTILE, EX_ALL_POLICIES, 48, 2, EX_ISO_RELOAD, 0);
    if (!r)
        return;
    CHECK(r->failed > 0);
    CHECK(r->failed < r->nruns); /* some seeds only */
    CHECK_INT(r->ngroups, 3);
    int total = 0;
    for (int g = 0; g < r->ngroups; g++) {
        const ex_group *x = &r->groups[g];
        total += x->runs;
        CHECK(g == 0 || x->first > r->groups[g - 1].first);
        CHECK(x->seeds[0] == r->runs[x->first].seed);
        for (int k = 1; k < x->nseeds; k++)
            CHECK(x->seeds[k] > x->seeds[k - 1]);
        CHECK_HAS(x->error, "hostile.lua:");
        replayed p;
        replay(HOSTILE, r->runs[x->first].seed, x->journal, &p);
        CHECK(p.st != BH_OK);
        CHECK_STR(p.error, x->error);
        replayed_free(&p);
    }
    CHECK_INT(total, r->failed);
    for (int i = 0; i < r->nruns; i++) {
        const ex_run *x = &r->runs[i];
        CHECK((x->status == EX_ENDED) == (x->group < 0));
        if (x->policy == EX_IDLE && x->status != EX_ENDED) /* idle only meets the coin */
            CHECK_HAS(r->groups[x->group].error, "coin came up tails");
    }
    const char *all = "";
    for (int g = 0; g < r->ngroups; g++)
        if (strstr(r->groups[g].error, "weather"))
            all = r->groups[g].journal; /* an availability error: reproduced by a start */
    CHECK_HAS(all, "start flaky");
    ex_result_free(r);
}

static int file_has(const char *path, const char *text)
{
    char buf[8192] = "";
    FILE *f = fopen(path, "r");
    if (!f)
        return 0;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = 0;
    return strstr(buf, text) != NULL;
}

static void test_failure_journals_written(void)
{
    char dir[] = "/tmp/bh-explore-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    ex_result *r = explore(HOSTILE, EX_ALL_POLICIES, 48, 2, EX_ISO_RELOAD, 0);
    ex_result *again = explore(HOSTILE, EX_ALL_POLICIES, 48, 1, EX_ISO_FORK, 0);
    bh_err e;
    if (r && again && r->ngroups) {
        char want[300], other[300];
        snprintf(want, sizeof want, "%s/explore-FAIL-hostile-%llu.journal", dir,
                 (unsigned long long)r->groups[0].seeds[0]);
        snprintf(other, sizeof other, "%s/explore-FAIL-hostile-%llu-2.journal", dir,
                 (unsigned long long)r->groups[1].seeds[0]);
        /* a stranger's file under the second name: kept, and a -2 sibling used */
        char taken[300];
        snprintf(taken, sizeof taken, "%s/explore-FAIL-hostile-%llu.journal", dir,
                 (unsigned long long)r->groups[1].seeds[0]);
        FILE *f = fopen(taken, "w");
        fputs("not ours\n", f);
        fclose(f);
        CHECK_INT(ex_save_failures(r, dir, 10, &e), BH_OK);
        CHECK_STR(r->groups[0].path, want);
        CHECK_STR(r->groups[1].path, other);
        CHECK(file_has(taken, "not ours"));
        CHECK(file_has(want, "seed "));
        CHECK(file_has(want, "scenario "));
        /* the same journals again: the files are reused, not duplicated */
        CHECK_INT(ex_save_failures(again, dir, 10, &e), BH_OK);
        CHECK_STR(again->groups[0].path, want);
        CHECK_STR(again->groups[1].path, other);
        /* what `bulkhead run` reads gives the same error */
        bh_plan p = {0};
        CHECK_INT(journal_read(want, &p, &e), BH_OK);
        CHECK(p.has_seed && p.seed == r->groups[0].seeds[0]);
        /* its scenario line works from the journal's folder, wherever we are */
        char found[4200];
        int fallback = 0;
        CHECK_INT(journal_scenario_path(&p, want, found, sizeof found, &fallback), 0);
        CHECK_INT(fallback, 0);
        CHECK(journal_same_file(found, HOSTILE));
        journal_plan_free(&p);
    }
    ex_result_free(r);
    ex_result_free(again);
    char cmd[200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    CHECK_INT(system(cmd), 0);
}

/* ---- the record and the options ---- */

static void test_record_round_trip(void)
{
    lh_host *h = NULL;
    lh_diags d = {0};
    CHECK_INT(lh_load(KNOWN, NULL, &h, &d), BH_OK);
    lh_diags_free(&d);
    if (!h)
        return;
    const bh_defs *defs = lh_defs(h);
    ex_opts o;
    ex_opts_default(&o);
    o.policies = ONLY(EX_GREEDY);
    ex_buf b = {0};
    CHECK_INT(ex_play(&o, h, 0, &b), 0); /* plays on h's state: this test's own load */
    CHECK(b.n > 0 && b.n % EX_REC_ALIGN == 0);
    CHECK_INT(ex_rec_size(b.p, b.n), b.n);
    ex_rec x;
    CHECK_INT(ex_rec_decode(b.p, b.n, defs, &x), 0);
    CHECK_INT(x.status, EX_ENDED);
    CHECK_INT(x.ending, defs_ending(defs, "saved"));
    CHECK_INT(x.end_time, 600);
    CHECK(x.meters[0] == 100);
    CHECK_HAS(x.journal, "0s start save");
    CHECK(x.nedges > 0);
    CHECK_INT(ex_rec_decode(b.p, b.n - 8, defs, &x), -1);  /* cut short */
    CHECK_INT(ex_rec_size(b.p, 10), 0);                    /* not even a header */
    bh_defs other = *defs;
    other.nactions--;                                      /* another scenario's shape */
    CHECK_INT(ex_rec_decode(b.p, b.n, &other, &x), -1);
    b.p[0] ^= 1;                                           /* not a record */
    CHECK_INT(ex_rec_decode(b.p, b.n, defs, &x), -1);
    ex_buf_free(&b);
    lh_free(h);
}

static void test_bad_requests(void)
{
    ex_opts o;
    ex_opts_default(&o);
    ex_result *r = NULL;
    lh_diags d = {0};
    bh_err e;
    o.scenario = KNOWN;
    o.runs = 0;
    CHECK_INT(ex_explore(&o, &r, &d, &e), BH_EUSAGE);
    o.runs = 2;
    o.policies = 0;
    CHECK_INT(ex_explore(&o, &r, &d, &e), BH_EUSAGE);
    o.policies = EX_ALL_POLICIES;
    o.meter = "nope";
    CHECK_INT(ex_explore(&o, &r, &d, &e), BH_EUSAGE);
    CHECK_HAS(e.msg, "no meter 'nope'");
    o.meter = NULL;
    o.scenario = FIX "no_such_file.lua";
    CHECK(ex_explore(&o, &r, &d, &e) != BH_OK);
    CHECK(d.n > 0);
    CHECK(r == NULL);
    lh_diags_free(&d);
    CHECK_INT(ex_parse_policy("greedy"), ONLY(EX_GREEDY));
    CHECK_INT(ex_parse_policy("all"), EX_ALL_POLICIES);
    CHECK_INT(ex_parse_policy("lazy"), 0);
}

/* ---- the writers ---- */

static char *render(const json_t *m, void (*fn)(FILE *, const json_t *))
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    fn(f, m);
    fclose(f);
    return buf;
}

static void test_writers(void)
{
    ex_result *r = explore(HOSTILE, EX_ALL_POLICIES, 24, 2, EX_ISO_RELOAD, 0);
    if (!r)
        return;
    json_t *m = ex_build(r, 1);
    char *text = render(m, ex_write_text), *dot = render(m, ex_write_dot);
    static const char *const sections[] = {
        "Explored " HOSTILE, "Endings", "Final meters", "Never seen in 24 runs",
        "injects never fired", "actions never available", "decisions never opened",
        "endings never reached", "Session length", "Actions that most change the outcome",
        "Failures: ", "the coin came up tails", "replay alone: bulkhead explore " HOSTILE,
        "24 playthroughs in "};
    for (size_t i = 0; i < sizeof sections / sizeof *sections; i++)
        CHECK_HAS(text, sections[i]);
    CHECK_HAS(dot, "digraph explore {");
    CHECK_HAS(dot, "// Edges: A -> B");
    CHECK_HAS(dot, "\"inject:coin\" [shape=box");
    CHECK_HAS(dot, "\"ending:over\" [shape=doubleoctagon");
    CHECK_HAS(dot, "\"inject:storm\" -> \"inject:coin\"");
    CHECK(json_is_object(json_object_get(m, "timing")));
    free(text);
    free(dot);
    json_decref(m);
    ex_result_free(r);
}

int main(int argc, char **argv)
{
    static const check_case cases[] = {
        {"known_idle", test_known_idle},
        {"known_greedy", test_known_greedy},
        {"known_cautious", test_known_cautious},
        {"known_random", test_known_random},
        {"known_meter_measure", test_known_meter_measure},
        {"known_never", test_known_never},
        {"same_stats_any_workers", test_same_stats_any_workers},
        {"seed_changes_runs", test_seed_changes_runs},
        {"policy_draws_apart", test_policy_draws_apart},
        {"isolation_reload", test_isolation_reload},
        {"isolation_fork", test_isolation_fork},
        {"isolation_rewind", test_isolation_rewind},
        {"clock_counts", test_clock_counts},
        {"verify_finds_stale", test_verify_finds_stale},
        {"rewind_restores", test_rewind_restores},
        {"isolation_control", test_isolation_control},
        {"failures_found_and_reproduced", test_failures_found_and_reproduced},
        {"failure_journals_written", test_failure_journals_written},
        {"record_round_trip", test_record_round_trip},
        {"bad_requests", test_bad_requests},
        {"writers", test_writers},
        {NULL, NULL}};
    return check_main(argc, argv, cases);
}
