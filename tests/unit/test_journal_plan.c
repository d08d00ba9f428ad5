/* test_journal_plan: a plan as a test (issue 16). The repeat form and its
 * limits, the expect-ending and expect-objective comments, and where a
 * journal's `scenario` line points: relative to the journal's own folder,
 * absolute, or (an old journal) the current folder.
 *
 * A plan is untrusted input, so the repeat form's errors name their line
 * and its caps hold before anything is allocated. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "core/journal.h"
#include "core/vec.h"

static char tmpdir[64];

static bh_status parse(const char *text, bh_plan *p, bh_err *err)
{
    err_clear(err);
    return journal_parse("plan.txt", text, strlen(text), p, err);
}

static bh_status parse_fail(const char *text, bh_err *err)
{
    bh_plan p;
    bh_status st = parse(text, &p, err);
    journal_plan_free(&p);
    return st;
}

static void test_repeat_expands(void)
{
    bh_plan p;
    bh_err e;
    CHECK_INT(parse("seed 1\n2h..1d every 8h start gate\n", &p, &e), BH_OK);
    CHECK_INT(p.n, 3); /* 2h, 10h, 18h; 26h is past 1d */
    static const bh_time want[] = {2 * 3600, 10 * 3600, 18 * 3600};
    for (size_t i = 0; i < p.n && i < 3; i++) {
        CHECK_INT(p.v[i].time, want[i]);
        CHECK_INT(p.v[i].line, 2);
        CHECK_INT(p.v[i].repeat, 1);
        CHECK_INT(p.v[i].verb, JV_START);
        CHECK_STR(p.v[i].a, "gate");
    }
    CHECK(p.n == 3 && p.v[0].a != p.v[1].a); /* each its own copy: freed once each */
    journal_plan_free(&p);

    /* "up to and including" the end */
    CHECK_INT(parse("0s..2h every 1h choose ransom refuse\n", &p, &e), BH_OK);
    CHECK_INT(p.n, 3);
    CHECK(p.n == 3 && p.v[2].time == 7200 && strcmp(p.v[2].b, "refuse") == 0);
    journal_plan_free(&p);
    CHECK_INT(parse("1h..1h every 5m cancel gate\n", &p, &e), BH_OK);
    CHECK_INT(p.n, 1);
    journal_plan_free(&p);
    CHECK_INT(parse("0s..1h every 30m note a \\| b\n", &p, &e), BH_OK);
    CHECK(p.n == 3 && strcmp(p.v[2].text, "a | b") == 0);
    journal_plan_free(&p);
}

/* Later lines fall in among a repeat's inputs by time; at one moment the
 * file's order holds. */
static void test_repeat_merges_in_time_order(void)
{
    bh_plan p;
    bh_err e;
    CHECK_INT(parse("1h start a\n2h..6h every 2h start gate\n4h cancel gate\n5h start b\n", &p,
                    &e),
              BH_OK);
    static const struct { bh_time t; int line; } want[] = {
        {3600, 1}, {7200, 2}, {14400, 2}, {14400, 3}, {18000, 4}, {21600, 2}};
    CHECK_INT(p.n, 6);
    for (size_t i = 0; i < p.n && i < 6; i++) {
        CHECK_INT(p.v[i].time, want[i].t);
        CHECK_INT(p.v[i].line, want[i].line);
        CHECK_INT(p.v[i].repeat, want[i].line == 2);
    }
    journal_plan_free(&p);
    /* a plain plan keeps its order exactly (and nothing is marked) */
    CHECK_INT(parse("0s start a\n0s start b\n1h start c\n", &p, &e), BH_OK);
    CHECK(p.n == 3 && strcmp(p.v[1].a, "b") == 0 && !p.v[0].repeat && !p.v[2].repeat);
    journal_plan_free(&p);
}

static void test_repeat_errors(void)
{
    bh_err e;
    static const struct { const char *line, *msg; } bad[] = {
        {"2h.. every 1h start a", "'2h..' is not a range of times"},
        {"..2h every 1h start a", "'..2h' is not a range of times"},
        {"1h..2h..3h every 1h start a", "is not a range of times"},
        {"3h..2h every 1h start a", "the range '3h..2h' ends before it starts"},
        {"1h..2h every 0s start a", "the step must be more than 0s"},
        {"1h..2h every -1h start a", "'every' wants a step such as 8h or 30m, not '-1h'"},
        {"1h..2h every", "'every' wants a step"},
        {"1h..2h start a", "expected 'every STEP' after the range '1h..2h'"},
        {"1x..2h every 1h start a", "'1x' in the range '1x..2h' is not a time"},
        {"1h..2y every 1h start a", "'2y' in the range"},
        {"1h..2h every 1h", "expected start, cancel"},
        {"1h..2h every 1h start", "'start' takes one action id"},
        {"0s..3650d every 1s start a", "makes 315360001 inputs; one line may make at most 10000"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char text[200];
        snprintf(text, sizeof text, "seed 1\n%s\n", bad[i].line);
        CHECK_INT(parse_fail(text, &e), BH_EJOURNAL);
        CHECK_INT(e.line, 2);
        CHECK_HAS(e.msg, bad[i].msg);
    }
    /* a repeat line is placed by its first time */
    CHECK_INT(parse_fail("5h start a\n2h..9h every 1h start b\n", &e), BH_EJOURNAL);
    CHECK_INT(e.line, 2);
    CHECK_HAS(e.msg, "time goes backwards: 2h comes after 5h on line 1");
    CHECK_INT(parse_fail("2h..9h every 1h start b\n3h start a\n1h start c\n", &e), BH_EJOURNAL);
    CHECK_INT(e.line, 3);
    CHECK_HAS(e.msg, "1h comes after 3h on line 2");
    /* exactly the cap is fine */
    bh_plan p;
    CHECK_INT(parse("0s..9999s every 1s start a\n", &p, &e), BH_OK);
    CHECK_INT(p.n, JOURNAL_MAX_REPEAT);
    journal_plan_free(&p);
}

/* The plan's total: ten lines at the cap fill it, the eleventh is refused
 * at its line before it makes anything. */
static void test_repeat_total_cap(void)
{
    size_t per = JOURNAL_MAX_REPEAT, lines = JOURNAL_MAX_REPEATED / per;
    char *text = malloc(64 * (lines + 2));
    if (!text) {
        CHECK(0);
        return;
    }
    size_t at = 0;
    for (size_t i = 0; i < lines; i++)
        at += (size_t)sprintf(text + at, "0s..%zus every 1s note x\n", per - 1);
    bh_plan p;
    bh_err e;
    CHECK_INT(parse(text, &p, &e), BH_OK);
    CHECK_INT(p.n, JOURNAL_MAX_REPEATED);
    journal_plan_free(&p);
    sprintf(text + at, "1h..1h every 1s note one too many\n");
    CHECK_INT(parse_fail(text, &e), BH_EJOURNAL);
    CHECK_INT(e.line, (int)lines + 1);
    CHECK_HAS(e.msg, "past 100000 inputs in all (100000 so far)");
    free(text);
}

static void test_expect_comments(void)
{
    bh_plan p;
    bh_err e;
    CHECK_INT(parse("# a plan\n#expect-ending:  burned_out  \n"
                    "# expect-objective: notify_dpa met\n"
                    "  # expect-objective: pay not-met\n# expect-endings are comments too? no\n"
                    "seed 1\n",
                    &p, &e),
              BH_EJOURNAL); /* "expect-endings" is not "expect-ending": a typo */
    CHECK_INT(e.line, 5);
    CHECK_HAS(e.msg, "unknown expectation 'expect-endings'");
    journal_plan_free(&p);
    CHECK_INT(parse("# a plan\n#expect-ending:  burned_out  \n"
                    "# expect-objective: notify_dpa met\n"
                    "  # expect-objective: pay not-met\n# expected: nothing\n"
                    "# expect-objective: broken not-judged\nseed 1\n",
                    &p, &e),
              BH_OK);
    CHECK_STR(p.expect_ending, "burned_out");
    CHECK_INT(p.expect_ending_line, 2);
    CHECK_INT(p.nexpect_obj, 3);
    CHECK(p.nexpect_obj == 3 && p.expect_obj[2].met == -1 && p.expect_obj[0].met == 1 && p.expect_obj[1].met == 0 &&
          p.expect_obj[1].line == 4 && strcmp(p.expect_obj[1].id, "pay") == 0);
    journal_plan_free(&p);

    static const struct { const char *text, *msg; int line; } bad[] = {
        {"# expect-ending: a\n# expect-ending: b\n", "a second 'expect-ending' line (the first "
                                                    "is line 1)", 2},
        {"# expect-ending a\n", "'expect-ending' wants a colon", 1},
        {"# expect-ending:\n", "takes one ending id", 1},
        {"# expect-ending: a b\n", "takes one ending id", 1},
        {"# expect-objective: a\n", "takes an objective id and 'met', 'not-met' or 'not-judged'",
         1},
        {"# expect-objective: a maybe\n", "takes an objective id and 'met'", 1},
        {"# expect-objective: a met\n# expect-objective: a not-met\n",
         "objective 'a' is already expected on line 1", 2},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        CHECK_INT(parse_fail(bad[i].text, &e), BH_EJOURNAL);
        CHECK_INT(e.line, bad[i].line);
        CHECK_HAS(e.msg, bad[i].msg);
    }
}

static void add_id(bh_defs *d, int ending, const char *id)
{
    if (ending) {
        if (VEC_PUSH(d->endings, d->nendings, d->cap_endings) != 0)
            abort();
        memset(&d->endings[d->nendings], 0, sizeof *d->endings);
        d->endings[d->nendings++].id = strdup(id);
    } else {
        if (VEC_PUSH(d->objectives, d->nobjectives, d->cap_objectives) != 0)
            abort();
        memset(&d->objectives[d->nobjectives], 0, sizeof *d->objectives);
        d->objectives[d->nobjectives++].id = strdup(id);
    }
}

static void test_expect_check_ids(void)
{
    bh_defs d;
    defs_init(&d);
    add_id(&d, 1, "recovered");
    add_id(&d, 1, "burned_out");
    add_id(&d, 0, "notify_dpa");
    bh_plan p;
    bh_err e;
    CHECK_INT(parse("# expect-ending: burned_out\n# expect-objective: notify_dpa met\n", &p, &e),
              BH_OK);
    CHECK_INT(journal_expect_check(&p, &d, &e), BH_OK);
    journal_plan_free(&p);
    CHECK_INT(parse("seed 1\n# expect-ending: burnedout\n", &p, &e), BH_OK);
    CHECK_INT(journal_expect_check(&p, &d, &e), BH_EJOURNAL);
    CHECK_INT(e.line, 2);
    CHECK_HAS(e.msg, "no ending 'burnedout' in this scenario (did you mean 'burned_out'?)");
    journal_plan_free(&p);
    CHECK_INT(parse("# expect-objective: notify_dpo not-met\n", &p, &e), BH_OK);
    CHECK_INT(journal_expect_check(&p, &d, &e), BH_EJOURNAL);
    CHECK_HAS(e.msg, "no objective 'notify_dpo' in this scenario (did you mean 'notify_dpa'?)");
    journal_plan_free(&p);
    /* the facilitator's reserved ending is a real outcome too */
    CHECK_INT(parse("# expect-ending: " DEFS_ENDING_FACILITATOR "\n", &p, &e), BH_OK);
    CHECK_INT(journal_expect_check(&p, &d, &e), BH_OK);
    journal_plan_free(&p);
    defs_free(&d);
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        CHECK(0);
        return;
    }
    fputs(text, f);
    fclose(f);
}

static void test_scenario_ref(void)
{
    char a[PATH_MAX], s[PATH_MAX], j[PATH_MAX], out[PATH_MAX];
    snprintf(a, sizeof a, "%s/one/two", tmpdir);
    snprintf(s, sizeof s, "%s/one/s.lua", tmpdir);
    char one[PATH_MAX];
    snprintf(one, sizeof one, "%s/one", tmpdir);
    CHECK(mkdir(one, 0700) == 0 && mkdir(a, 0700) == 0);
    write_file(s, "-- a scenario\n");
    /* beside it, below it, above it */
    snprintf(j, sizeof j, "%s/one/j.journal", tmpdir);
    CHECK_INT(journal_scenario_ref(s, j, out, sizeof out), 0);
    CHECK_STR(out, "s.lua");
    snprintf(j, sizeof j, "%s/one/two/j.journal", tmpdir);
    CHECK_INT(journal_scenario_ref(s, j, out, sizeof out), 0);
    CHECK_STR(out, "../s.lua");
    snprintf(j, sizeof j, "%s/j.journal", tmpdir);
    CHECK_INT(journal_scenario_ref(s, j, out, sizeof out), 0);
    CHECK_STR(out, "one/s.lua");
    /* a name that only shares the root is absolute */
    char real[PATH_MAX];
    CHECK(realpath(s, real) != NULL);
    CHECK_INT(journal_scenario_ref(s, "/j.journal", out, sizeof out), 0);
    CHECK_STR(out, real);
    /* a folder name that starts like the other's is not a common folder */
    char onex[PATH_MAX];
    snprintf(onex, sizeof onex, "%s/onex", tmpdir);
    CHECK(mkdir(onex, 0700) == 0);
    snprintf(j, sizeof j, "%s/onex/j.journal", tmpdir);
    CHECK_INT(journal_scenario_ref(s, j, out, sizeof out), 0);
    CHECK_STR(out, "../one/s.lua");
    /* too small, missing scenario, missing folder */
    CHECK_INT(journal_scenario_ref(s, j, out, 5), -1);
    CHECK_INT(journal_scenario_ref("/nonexistent/s.lua", j, out, sizeof out), -1);
    CHECK_INT(journal_scenario_ref(s, "/nonexistent/j.journal", out, sizeof out), -1);
}

static void test_scenario_path(void)
{
    char dir[PATH_MAX], plan_path[PATH_MAX], out[PATH_MAX], text[PATH_MAX + 64];
    snprintf(dir, sizeof dir, "%s/p", tmpdir);
    CHECK(mkdir(dir, 0700) == 0);
    snprintf(plan_path, sizeof plan_path, "%s/p/x.plan", tmpdir);
    char s[PATH_MAX];
    snprintf(s, sizeof s, "%s/p/s.lua", tmpdir);
    write_file(s, "-- a scenario\n");
    bh_plan p;
    bh_err e;
    int fb = -1;
    /* relative to the plan's folder, whatever the current folder */
    CHECK_INT(parse("scenario s.lua\n", &p, &e), BH_OK);
    CHECK_INT(p.scenario_line, 1);
    CHECK_INT(journal_scenario_path(&p, plan_path, out, sizeof out, &fb), 0);
    CHECK_STR(out, s);
    CHECK_INT(fb, 0);
    CHECK_INT(journal_scenario_find(&p, plan_path, "FIX", out, sizeof out, &fb, &e), BH_OK);
    journal_plan_free(&p);
    /* absolute */
    snprintf(text, sizeof text, "seed 2\nscenario %s\n", s);
    CHECK_INT(parse(text, &p, &e), BH_OK);
    CHECK_INT(journal_scenario_path(&p, "elsewhere/x.plan", out, sizeof out, &fb), 0);
    CHECK_STR(out, s);
    journal_plan_free(&p);
    /* an old journal: only from the current folder (the test runs in the
     * source folder, where CMakeLists.txt is) */
    CHECK_INT(parse("scenario CMakeLists.txt\n", &p, &e), BH_OK);
    CHECK_INT(journal_scenario_path(&p, plan_path, out, sizeof out, &fb), 0);
    CHECK_STR(out, "CMakeLists.txt");
    CHECK_INT(fb, 1);
    char warn[4 * PATH_MAX];
    journal_scenario_warning(&p, plan_path, out, warn, sizeof warn);
    CHECK_HAS(warn, "plan.txt:1: warning: ");
    CHECK_HAS(warn, "/p/CMakeLists.txt'");
    CHECK_HAS(warn, "read relative to the current folder");
    journal_plan_free(&p);
    /* none, nothing there, a folder */
    CHECK_INT(parse("seed 1\n", &p, &e), BH_OK);
    CHECK_INT(journal_scenario_path(&p, plan_path, out, sizeof out, &fb), -1);
    CHECK_INT(journal_scenario_find(&p, plan_path, "FIX", out, sizeof out, &fb, &e), BH_EJOURNAL);
    CHECK_HAS(e.msg, "no 'scenario' line");
    journal_plan_free(&p);
    CHECK_INT(parse("seed 1\nscenario gone.lua\n", &p, &e), BH_OK);
    CHECK_INT(journal_scenario_path(&p, plan_path, out, sizeof out, &fb), -1);
    CHECK_INT(journal_scenario_find(&p, plan_path, "FIX", out, sizeof out, &fb, &e), BH_EIO);
    CHECK_STR(e.file, "plan.txt");
    CHECK_INT(e.line, 2);
    CHECK_HAS(e.msg, "cannot open scenario '");
    CHECK_HAS(e.msg, "/p/gone.lua': No such file or directory");
    CHECK_HAS(e.msg, "; FIX");
    journal_plan_free(&p);
    CHECK_INT(parse("scenario .\n", &p, &e), BH_OK);
    CHECK_INT(journal_scenario_find(&p, plan_path, "FIX", out, sizeof out, &fb, &e), BH_EIO);
    CHECK_HAS(e.msg, "it is a folder, not a scenario file; FIX");
    journal_plan_free(&p);
    /* a line as long as a line may be: too long to be a path, said so */
    char *longline = malloc(4200);
    if (longline) {
        memcpy(longline, "scenario ", 9);
        memset(longline + 9, 'a', 4080);
        strcpy(longline + 9 + 4080, ".lua\n");
        CHECK_INT(parse(longline, &p, &e), BH_OK);
        CHECK_INT(journal_scenario_path(&p, plan_path, out, sizeof out, &fb), -1);
        CHECK_STR(out, "");
        CHECK_INT(journal_scenario_find(&p, plan_path, "FIX", out, sizeof out, &fb, &e),
                  BH_EJOURNAL);
        CHECK_HAS(e.msg, "the scenario's path is too long: FIX");
        journal_plan_free(&p);
        free(longline);
    }
    /* same file, spelt differently */
    snprintf(text, sizeof text, "%s/p/../p/s.lua", tmpdir);
    CHECK(journal_same_file(text, s));
    CHECK(!journal_same_file(text, plan_path));
    CHECK(!journal_same_file(NULL, s));
}

int main(int argc, char **argv)
{
    static const check_case cases[] = {
        {"repeat_expands", test_repeat_expands},
        {"repeat_merges_in_time_order", test_repeat_merges_in_time_order},
        {"repeat_errors", test_repeat_errors},
        {"repeat_total_cap", test_repeat_total_cap},
        {"expect_comments", test_expect_comments},
        {"expect_check_ids", test_expect_check_ids},
        {"scenario_ref", test_scenario_ref},
        {"scenario_path", test_scenario_path},
        {NULL, NULL},
    };
    return check_main_in_tmpdir(argc, argv, cases, tmpdir, sizeof tmpdir, "journal-plan");
}
