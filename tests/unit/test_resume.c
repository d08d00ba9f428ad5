/* test_resume: a session killed after any input and resumed from its
 * journal ends exactly as the uninterrupted one, transcript byte for byte.
 *
 * For every prefix k of the tutorial's expert plan: play k inputs through
 * the journal, drop the session without finishing (the crash), replay the
 * journal file into a fresh host and session, append the rest of the plan,
 * finish, and compare transcripts and journal files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "check_session.h"
#include "core/session.h"
#include "core/text.h"
#include "core/transcript.h"
#include "script/lh_host.h"

#define SCENARIO "scenarios/tutorial.lua"
#define PLAN "tests/plans/tutorial_expert.plan"

static char tmpdir[256];

static char *transcript_of(bh_sim *s)
{
    return check_transcript(s, SCENARIO);
}

typedef struct live {
    lh_host *h;
    bh_sim *s;
} live;

static int live_open(live *l, uint64_t seed)
{
    lh_diags d = {0};
    bh_err e;
    memset(l, 0, sizeof *l);
    lh_load(SCENARIO, NULL, &l->h, &d);
    lh_diags_free(&d);
    if (!l->h)
        return -1;
    return sim_create(&l->s, lh_defs(l->h), lh_hooks(l->h), seed, &e) == BH_OK ? 0 : -1;
}

static void live_close(live *l)
{
    sim_destroy(l->s);
    lh_free(l->h);
}

/* Apply plan lines [from, to) through the journal. */
static int apply(live *l, bh_journal *j, const bh_plan *p, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++) {
        bh_input in;
        bh_err e;
        if (journal_resolve(p, &p->v[i], lh_defs(l->h), &in, &e) != BH_OK ||
            session_input(l->s, j, &in, &e) != BH_OK) {
            fprintf(stderr, "line %d: %s\n", p->v[i].line, e.msg);
            return -1;
        }
    }
    return 0;
}

static void test_resume_after_every_prefix(void)
{
    bh_plan plan;
    bh_err e;
    CHECK_INT(journal_read(PLAN, &plan, &e), BH_OK);
    CHECK(plan.n >= 10);
    uint64_t seed = plan.has_seed ? plan.seed : 1;

    char ref_journal[300];
    snprintf(ref_journal, sizeof ref_journal, "%s/ref.journal", tmpdir);
    live ref;
    if (live_open(&ref, seed) != 0) {
        CHECK(0);
        journal_plan_free(&plan);
        return;
    }
    bh_journal j;
    CHECK_INT(journal_create(&j, ref_journal, SCENARIO, seed, &e), BH_OK);
    CHECK_INT(apply(&ref, &j, &plan, 0, plan.n), 0);
    journal_close(&j);
    CHECK_INT(session_finish(ref.s, &e), BH_OK);
    CHECK(sim_ended(ref.s));
    char *want = transcript_of(ref.s);
    char *want_journal = check_slurp(ref_journal);
    live_close(&ref);

    for (size_t k = 0; k <= plan.n; k++) {
        char path[300];
        snprintf(path, sizeof path, "%s/cut%zu.journal", tmpdir, k);
        live a;
        if (live_open(&a, seed) != 0) {
            CHECK(0);
            break;
        }
        CHECK_INT(journal_create(&j, path, SCENARIO, seed, &e), BH_OK);
        CHECK_INT(apply(&a, &j, &plan, 0, k), 0);
        journal_close(&j);
        live_close(&a); /* the crash: nothing else survives */

        bh_plan saved;
        CHECK_INT(journal_read(path, &saved, &e), BH_OK);
        CHECK_INT(saved.n, k);
        CHECK(saved.has_seed && saved.seed == seed);
        live b;
        if (live_open(&b, saved.seed) != 0) {
            CHECK(0);
            journal_plan_free(&saved);
            break;
        }
        bh_replay_result res;
        CHECK_INT(session_replay(b.s, NULL, &saved, &res, &e), BH_OK);
        CHECK_INT(res.applied, k);
        CHECK_INT(journal_open_append(&j, path, &e), BH_OK);
        CHECK_INT(apply(&b, &j, &plan, k, plan.n), 0);
        journal_close(&j);
        CHECK_INT(session_finish(b.s, &e), BH_OK);
        char *got = transcript_of(b.s);
        char *got_journal = check_slurp(path);
        CHECK(got && want && strcmp(got, want) == 0);
        CHECK(got_journal && want_journal && strcmp(got_journal, want_journal) == 0);
        if (got && want && strcmp(got, want) != 0)
            fprintf(stderr, "transcript differs after resuming at input %zu\n", k);
        free(got);
        free(got_journal);
        journal_plan_free(&saved);
        live_close(&b);
    }
    free(want);
    free(want_journal);
    journal_plan_free(&plan);
}

/* A journal cut off mid-line names the line and is left untouched. */
static void test_truncated_journal_is_reported_not_rewritten(void)
{
    char path[300];
    snprintf(path, sizeof path, "%s/cut.journal", tmpdir);
    FILE *f = fopen(path, "w");
    fputs("scenario scenarios/tutorial.lua\nseed 1\n2m start isolate_switch\n2m sta", f);
    fclose(f);
    char *before = check_slurp(path);
    bh_plan p;
    bh_err e;
    CHECK_INT(journal_read(path, &p, &e), BH_EJOURNAL);
    CHECK_INT(e.line, 4);
    CHECK_HAS(e.msg, "cut off");
    journal_plan_free(&p);
    char *after = check_slurp(path);
    CHECK(before && after && strcmp(before, after) == 0);
    free(before);
    free(after);
}

int main(int argc, char **argv)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/bh-resume-XXXXXX");
    if (!mkdtemp(tmpdir))
        return 1;
    static const check_case cases[] = {
        {"resume_after_every_prefix", test_resume_after_every_prefix},
        {"truncated_journal_is_reported_not_rewritten", test_truncated_journal_is_reported_not_rewritten},
        {NULL, NULL}};
    int rc = check_main(argc, argv, cases);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    if (system(cmd) != 0)
        rc = 1;
    return rc;
}
