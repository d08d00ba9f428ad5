/* test_whatif: branching a session at a decision.
 *
 * Choosing the same option again with the same later inputs must give the
 * original session exactly; choosing another must reach the ending the
 * scenario gives that story; a decision the clock took can be branched at
 * the moment it opened; and a branch written out as a journal replays to
 * the branch's state. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "core/session.h"
#include "report/rp_whatif.h"
#include "transcript_text.h"

#define SCENARIO "scenarios/tutorial.lua"

/* The original session of a plan, for comparison. */
static char *original(const char *plan_path, int *ending)
{
    bh_plan p = {0};
    bh_err e;
    rp_branch b = {0};
    lh_opts o;
    lh_opts_default(&o);
    lh_diags d = {0};
    char *t = NULL;
    bh_replay_result r;
    if (journal_read(plan_path, &p, &e) == BH_OK && lh_load(SCENARIO, &o, &b.host, &d) == BH_OK &&
        sim_create(&b.sim, lh_defs(b.host), lh_hooks(b.host), p.has_seed ? p.seed : 1, &e) == BH_OK &&
        session_replay(b.sim, NULL, &p, &r, &e) == BH_OK && session_finish(b.sim, &e) == BH_OK) {
        t = transcript_of(b.sim);
        *ending = sim_ending(b.sim);
    }
    lh_diags_free(&d);
    rp_branch_free(&b);
    journal_plan_free(&p);
    return t;
}

static const char *ending_id(const rp_branch *b)
{
    int e = sim_ending(b->sim);
    return e >= 0 ? sim_defs(b->sim)->endings[e].id : "(none)";
}

static void test_same_choice_same_session(void)
{
    int end = -1;
    char *want = original("tests/plans/tutorial_expert.plan", &end);
    CHECK(want != NULL);
    bh_plan p = {0};
    bh_err e;
    CHECK(journal_read("tests/plans/tutorial_expert.plan", &p, &e) == BH_OK);
    rp_branch b;
    bh_status st = rp_whatif(SCENARIO, &p, "first_statement", "cyberattack", 1, &b, &e);
    if (st != BH_OK)
        fprintf(stderr, "%s:%d: %s\n", e.file, e.line, e.msg);
    CHECK_INT(st, BH_OK);
    if (st == BH_OK) {
        char *got = transcript_of(b.sim);
        CHECK(got && want && strcmp(got, want) == 0);
        CHECK_STR(ending_id(&b), "clean_handover");
        CHECK_INT(b.refused, 0);
        CHECK_INT(b.at, 23 * 60);
        free(got);
    }
    rp_branch_free(&b);
    journal_plan_free(&p);
    free(want);
}

static void test_other_choice_other_ending(void)
{
    bh_plan p = {0};
    bh_err e;
    /* The mixed plan called it an IT issue and lost the story. Saying
     * "cyberattack" at that moment instead, with everything else the same,
     * hands over clean. */
    CHECK(journal_read("tests/plans/tutorial_mixed.plan", &p, &e) == BH_OK);
    rp_branch b;
    bh_status st = rp_whatif(SCENARIO, &p, "first_statement", "cyberattack", 1, &b, &e);
    CHECK_INT(st, BH_OK);
    if (st == BH_OK) {
        CHECK_STR(ending_id(&b), "clean_handover");
        bh_decision_status ds;
        sim_decision_status(b.sim, defs_decision(sim_defs(b.sim), "first_statement"), &ds);
        CHECK_INT(ds.chosen, defs_option(&sim_defs(b.sim)->decisions[defs_decision(sim_defs(b.sim), "first_statement")], "cyberattack"));
        CHECK(!ds.by_default);
        CHECK(b.later > 0);
    }
    rp_branch_free(&b);
    /* and the same choice as the original gives the original ending */
    CHECK_INT(rp_whatif(SCENARIO, &p, "first_statement", "it_issue", 1, &b, &e), BH_OK);
    CHECK(b.sim && strcmp(ending_id(&b), "trust_lost") == 0);
    rp_branch_free(&b);
    journal_plan_free(&p);
}

static void test_branch_where_the_clock_chose(void)
{
    bh_plan p = {0};
    bh_err e;
    CHECK(journal_read("tests/plans/tutorial_idle.plan", &p, &e) == BH_OK);
    rp_branch b;
    bh_status st = rp_whatif(SCENARIO, &p, "ransom", "refuse", 0, &b, &e);
    CHECK_INT(st, BH_OK);
    if (st == BH_OK) {
        const bh_defs *d = sim_defs(b.sim);
        int dec = defs_decision(d, "ransom");
        bh_decision_status ds;
        sim_decision_status(b.sim, dec, &ds);
        CHECK_INT(ds.state, DEC_DECIDED);
        CHECK(!ds.by_default);
        CHECK_INT(ds.opened, b.at); /* chosen the moment it opened */
        CHECK(!sim_ended(b.sim));   /* stopped there, to play on */
    }
    rp_branch_free(&b);
    journal_plan_free(&p);
}

static void test_branch_journal_replays(void)
{
    char dir[] = "/tmp/bh-whatif-XXXXXX", path[64];
    CHECK(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/branch.journal", dir);
    bh_plan p = {0}, q = {0};
    bh_err e;
    CHECK(journal_read("tests/plans/tutorial_expert.plan", &p, &e) == BH_OK);
    rp_branch b, c = {0};
    if (rp_whatif(SCENARIO, &p, "ransom", "chat", 0, &b, &e) != BH_OK) {
        CHECK(0);
        journal_plan_free(&p);
        return;
    }
    CHECK(rp_branch_journal(SCENARIO, &p, &b, "ransom", "chat", path, &e) == BH_OK);
    /* never overwrites */
    CHECK(rp_branch_journal(SCENARIO, &p, &b, "ransom", "chat", path, &e) != BH_OK);
    CHECK(journal_read(path, &q, &e) == BH_OK);
    char found[1024];
    int fallback = 1;
    CHECK_INT(journal_scenario_path(&q, path, found, sizeof found, &fallback), 0);
    CHECK(!fallback && journal_same_file(found, SCENARIO));
    lh_opts o;
    lh_opts_default(&o);
    lh_diags d = {0};
    bh_replay_result r;
    CHECK(lh_load(SCENARIO, &o, &c.host, &d) == BH_OK);
    CHECK(sim_create(&c.sim, lh_defs(c.host), lh_hooks(c.host), q.seed, &e) == BH_OK);
    CHECK(session_replay(c.sim, NULL, &q, &r, &e) == BH_OK);
    CHECK_INT(sim_now(c.sim), sim_now(b.sim));
    char *x = transcript_of(b.sim), *y = transcript_of(c.sim);
    CHECK(x && y && strcmp(x, y) == 0);
    free(x);
    free(y);
    lh_diags_free(&d);
    rp_branch_free(&b);
    rp_branch_free(&c);
    journal_plan_free(&p);
    journal_plan_free(&q);
    unlink(path);
    rmdir(dir);
}

static ssize_t full_disk(int fd, const void *buf, size_t n)
{
    static int calls;
    if (++calls % 2 == 1)
        return write(fd, buf, n); /* the header, and every other line */
    errno = ENOSPC;
    return -1;
}

/* A branch journal that could not be written whole is not left behind,
 * where it would resume as some other session. */
static void test_branch_journal_write_fails(void)
{
    char dir[] = "/tmp/bh-whatif-XXXXXX", path[64];
    CHECK(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/branch.journal", dir);
    bh_plan p = {0};
    bh_err e;
    rp_branch b;
    CHECK(journal_read("tests/plans/tutorial_expert.plan", &p, &e) == BH_OK);
    if (rp_whatif(SCENARIO, &p, "ransom", "chat", 0, &b, &e) != BH_OK) {
        CHECK(0);
        journal_plan_free(&p);
        return;
    }
    static const journal_io io = {full_disk, fsync, ftruncate};
    journal_set_io(&io);
    CHECK_INT(rp_branch_journal(SCENARIO, &p, &b, "ransom", "chat", path, &e), BH_EIO);
    journal_set_io(NULL);
    CHECK_HAS(e.msg, "No space left on device");
    CHECK(access(path, F_OK) != 0);
    rp_branch_free(&b);
    journal_plan_free(&p);
    rmdir(dir);
}

static void test_errors(void)
{
    bh_plan p = {0};
    bh_err e;
    rp_branch b;
    CHECK(journal_read("tests/plans/tutorial_expert.plan", &p, &e) == BH_OK);
    CHECK(rp_whatif(SCENARIO, &p, "no_such", "x", 1, &b, &e) != BH_OK);
    CHECK_HAS(e.msg, "no decision 'no_such'");
    rp_branch_free(&b);
    CHECK(rp_whatif(SCENARIO, &p, "ransom", "maybe", 1, &b, &e) != BH_OK);
    CHECK_HAS(e.msg, "option 'maybe'");
    rp_branch_free(&b);
    journal_plan_free(&p);
}

int main(int argc, char **argv)
{
    static const check_case cases[] = {
        {"same_choice_same_session", test_same_choice_same_session},
        {"other_choice_other_ending", test_other_choice_other_ending},
        {"branch_where_the_clock_chose", test_branch_where_the_clock_chose},
        {"branch_journal_replays", test_branch_journal_replays},
        {"branch_journal_write_fails", test_branch_journal_write_fails},
        {"errors", test_errors},
        {NULL, NULL}};
    return check_main(argc, argv, cases);
}
