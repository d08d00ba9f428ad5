/* test_cuts: session cuts and facilitator notes, through real Lua.
 *
 * The declarations (cut { } and `facilitator`) and each of their errors;
 * a cut's length, rate and the order of its endings when its time runs
 * out (a `when` ending, then the cut's ending, then the fallback); the
 * journal's `cut` and `mode workshop` header lines, written, read back,
 * refused when wrong, and a journal with them replaying identically. The
 * scenario with cuts is tests/fixtures/cuts/cuts.lua. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "check_session.h"
#include "core/session.h"
#include "report/rp_whatif.h"
#include "script/lh_host.h"

#define FIXTURE "tests/fixtures/cuts/cuts.lua"

static char tmpdir[256];

static lh_host *load_src(const char *src, char *diag, size_t n)
{
    return check_load_text(tmpdir, src, diag, n);
}

#define HEAD                                                                             \
    "scenario { id = 't', title = 'T', start = '2020-09-27 22:00', length = '10h' }\n"    \
    "ending { id = 'held', title = 'Held' }\n"                                           \
    "ending { id = 'timeout', title = 'Time', fallback = true }\n"

static void test_declarations_load(void)
{
    char diag[4096];
    lh_host *h = load_src(
        HEAD
        "team { id = 'it', label = 'IT', staff = 1 }\n"
        "inject { id = 'i', at = '1h', channel = 'email', title = 'I', source = 'fiction',\n"
        "         facilitator = 'Read it out' }\n"
        "action { id = 'a', kind = 'contain', label = 'A', team = 'it', takes = '1h',\n"
        "         source = 'fiction', facilitator = { good = 'G', expected = 'E', hint = 'H' } }\n"
        "decision { id = 'd', prompt = 'P', deadline = '1h', default = 'x',\n"
        "           facilitator = { hint = 'only a hint' },\n"
        "           options = { { id = 'x', label = 'X' }, { id = 'y', label = 'Y' } } }\n"
        "cut { id = 'short', label = 'Short', length = '2h', agenda = 60, rate = 30,\n"
        "      ending = 'held' }\n"
        "cut { id = 'whole', label = 'Whole', length = '10h', agenda = 90 }\n",
        diag, sizeof diag);
    CHECK_STR(diag, ""); /* clean: no warning either */
    const bh_defs *d = h ? lh_defs(h) : NULL;
    CHECK(d != NULL);
    if (!d)
        return;
    CHECK_INT(d->ncuts, 2);
    CHECK_INT(defs_cut(d, "whole"), 1);
    CHECK_INT(defs_cut(d, "nope"), -1);
    const bh_cut_def *c = &d->cuts[0];
    CHECK_STR(c->id, "short");
    CHECK_STR(c->label, "Short");
    CHECK_INT(c->length, 7200);
    CHECK_INT(c->agenda, 60);
    CHECK(c->rate == 30);
    CHECK_STR(c->ending_id, "held");
    CHECK_INT(c->ending, defs_ending(d, "held"));
    CHECK(d->cuts[1].rate == 0);      /* the scenario's */
    CHECK_INT(d->cuts[1].ending, -1); /* the fallback */
    CHECK_STR(d->injects[0].facilitator.text, "Read it out");
    CHECK(d->injects[0].facilitator.hint == NULL);
    CHECK_STR(d->actions[0].facilitator.good, "G");
    CHECK_STR(d->actions[0].facilitator.expected, "E");
    CHECK_STR(d->actions[0].facilitator.hint, "H");
    CHECK(d->actions[0].facilitator.text == NULL);
    CHECK_STR(d->decisions[0].facilitator.hint, "only a hint");
    CHECK(d->decisions[0].facilitator.good == NULL);
    lh_free(h);
}

/* Each bad declaration alone: `want` must appear in the diagnostics, as an
 * error (or a warning when `warn`) at line 4, the declaration's. */
static void expect_diag(const char *decl, const char *want, int warn)
{
    char src[2048], diag[4096], line[64];
    snprintf(src, sizeof src, "%s%s\n", HEAD, decl);
    lh_host *h = load_src(src, diag, sizeof diag);
    snprintf(line, sizeof line, "4:%s:", warn ? "warning" : "error");
    CHECK_HAS(diag, want);
    CHECK_HAS(diag, line);
    if (!warn)
        CHECK(h == NULL);
    lh_free(h);
}

static void test_declaration_errors(void)
{
    expect_diag("cut { id = 'c', label = 'C', length = '2h', agenda = 60, ending = 'hled' }",
                "cut 'c': ending 'hled' is not declared (did you mean 'held'?)", 0);
    expect_diag("cut { id = 'c', label = 'C', length = '0s', agenda = 60 }",
                "field 'length' must be longer than zero", 0);
    expect_diag("cut { id = 'c', label = 'C', length = 'soon', agenda = 60 }",
                "field 'length': \"soon\" is not a duration", 0);
    expect_diag("cut { id = 'c', label = 'C', length = '11h', agenda = 60 }",
                "cut 'c' lasts 11h, longer than the scenario (10h)", 0);
    expect_diag("cut { id = 'c', label = 'C', length = '2h' }", "missing field 'agenda'", 0);
    expect_diag("cut { id = 'c', label = 'C', length = '2h', agenda = 0 }",
                "field 'agenda' must be a whole number from 1 to 1440", 0);
    expect_diag("cut { id = 'c', label = 'C', length = '2h', agenda = 60, rate = 0.5 }",
                "field 'rate' (simulated seconds per real second) must be 1 to 86400", 0);
    expect_diag("cut { id = 'c', length = '2h', agenda = 60 }", "missing field 'label'", 0);
    expect_diag("cut { id = 'c', label = 'C', lenght = '2h', agenda = 60 }",
                "unknown cut field 'lenght' (did you mean 'length'?)", 0);
    expect_diag("cut { id = 'c', label = 'C', length = '2h', agenda = 60 } "
                "cut { id = 'c', label = 'D', length = '1h', agenda = 30 }",
                "duplicate cut id (first declared at", 0);
    expect_diag("cut { id = 'c234567890123456789012345678901234567890123456789012345678901234', "
                "label = 'C', length = '2h', agenda = 60 }",
                "a cut's id is at most 63 characters", 0);
    expect_diag("inject { id = 'i', at = '1h', channel = 'email', title = 'I', "
                "source = 'fiction', facilitator = 3 }",
                "field 'facilitator' must be a text or a table", 0);
    expect_diag("action { id = 'a', kind = 'contain', label = 'A', team = 'it', takes = '1h', "
                "source = 'fiction', facilitator = {} } team { id = 'it', label = 'IT', "
                "staff = 1 }",
                "field 'facilitator' is an empty table", 0);
    expect_diag("decision { id = 'd', prompt = 'P', deadline = '1h', default = 'x', "
                "facilitator = { hnit = 'x' }, "
                "options = { { id = 'x', label = 'X' }, { id = 'y', label = 'Y' } } }",
                "unknown facilitator field 'hnit' (did you mean 'hint'?)", 0);
    /* no ending of its own and no fallback: a warning at the cut */
    char diag[4096];
    lh_host *h = load_src("scenario { id = 't', title = 'T', start = '2020-09-27 22:00', "
                          "length = '10h' }\n"
                          "ending { id = 'e', title = 'E' }\n"
                          "cut { id = 'c', label = 'C', length = '2h', agenda = 60 }\n",
                          diag, sizeof diag);
    CHECK(h != NULL);
    CHECK_HAS(diag, "3:warning:cut 'c' has no 'ending' and no ending has fallback = true");
    lh_free(h);
}

typedef struct run {
    lh_host *h;
    bh_sim *s;
} run;

/* A session of the fixture, in `cut` (NULL: the whole scenario): its defs,
 * or NULL when it could not be made. */
static const bh_defs *open_fixture(run *r, const char *cut)
{
    lh_diags d = {0};
    bh_err e;
    memset(r, 0, sizeof *r);
    lh_load(FIXTURE, NULL, &r->h, &d);
    lh_diags_free(&d);
    CHECK(r->h != NULL);
    if (!r->h)
        return NULL;
    CHECK_INT(sim_create(&r->s, lh_defs(r->h), lh_hooks(r->h), 5, &e), BH_OK);
    if (cut && r->s)
        CHECK_INT(sim_set_cut(r->s, defs_cut(lh_defs(r->h), cut), &e), BH_OK);
    return r->s ? lh_defs(r->h) : NULL;
}

static void close_run(run *r)
{
    sim_destroy(r->s);
    lh_free(r->h);
}

/* Play the fixture in `cut` (NULL: whole), warming up at T+0 or not; the
 * ending's id, its time and whether time ran out. */
static void play_to_end(const char *cut, int warm, const char *ending, bh_time at, int time_up)
{
    run r;
    bh_err e;
    const bh_defs *d = open_fixture(&r, cut);
    if (!d)
        return;
    if (warm) {
        bh_input in = {.time = 0, .kind = IN_START, .a = defs_action(d, "warm")};
        CHECK_INT(session_input(r.s, NULL, &in, &e), BH_OK);
    }
    CHECK_INT(session_finish(r.s, &e), BH_OK);
    CHECK(sim_ended(r.s));
    CHECK_INT(sim_ending(r.s), defs_ending(d, ending));
    CHECK_INT(sim_now(r.s), at);
    size_t n;
    const bh_log_entry *log = sim_log(r.s, &n);
    CHECK(n > 0 && log[n - 1].kind == LOG_ENDING);
    if (n > 0)
        CHECK_INT(log[n - 1].b, time_up);
    close_run(&r);
}

static void test_ending_order(void)
{
    /* the whole scenario: as without cuts */
    play_to_end(NULL, 1, "hot", 3 * 3600, 0);
    play_to_end(NULL, 0, "over", 10 * 3600, 1);
    /* a `when` ending that holds at the cut's last second comes first... */
    play_to_end("three", 1, "hot", 3 * 3600, 0);
    /* ...then the cut's own ending... */
    play_to_end("three", 0, "held", 3 * 3600, 1);
    /* ...and the fallback when the cut names none */
    play_to_end("two", 1, "over", 2 * 3600, 1);
    play_to_end("two", 0, "over", 2 * 3600, 1);
}

static void test_length_rate_and_refusals(void)
{
    run r;
    bh_err e;
    if (!open_fixture(&r, NULL))
        return;
    CHECK_INT(sim_cut(r.s), -1);
    CHECK_INT(sim_length(r.s), 10 * 3600);
    CHECK(sim_rate(r.s) == 60);
    CHECK_INT(sim_set_cut(r.s, 0, &e), BH_OK); /* three: rate 120 */
    CHECK_INT(sim_cut(r.s), 0);
    CHECK_INT(sim_length(r.s), 3 * 3600);
    CHECK(sim_rate(r.s) == 120);
    CHECK_INT(sim_set_cut(r.s, 1, &e), BH_OK); /* changed again before it began: two */
    CHECK(sim_rate(r.s) == 60);                /* two has no rate: the scenario's */
    CHECK_INT(sim_set_cut(r.s, 7, &e), BH_EUSAGE);
    CHECK_INT(sim_advance(r.s, 60, &e), BH_OK);
    CHECK_INT(sim_set_cut(r.s, 0, &e), BH_EUSAGE);
    CHECK_HAS(e.msg, "before it begins");
    CHECK_INT(sim_cut(r.s), 1);
    CHECK_INT(session_finish(r.s, &e), BH_OK);
    CHECK_INT(sim_now(r.s), 2 * 3600); /* the stale lengths (10h, 3h) did not count */
    close_run(&r);
}

static void test_transcript_names_the_cut(void)
{
    run r;
    if (!open_fixture(&r, "three"))
        return;
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    transcript_header(f, r.s, FIXTURE);
    fclose(f);
    CHECK_HAS(buf, "Cut: three (Three hours): the session lasts 3h\n");
    free(buf);
    close_run(&r);
    /* without a cut, the header is what it always was */
    open_fixture(&r, NULL);
    f = open_memstream(&buf, &len);
    transcript_header(f, r.s, FIXTURE);
    fclose(f);
    CHECK(strstr(buf, "Cut:") == NULL);
    CHECK_HAS(buf, "the scenario lasts 10h\n\n");
    free(buf);
    close_run(&r);
}

static bh_status parse(const char *text, bh_plan *p, bh_err *e)
{
    return journal_parse("j.journal", text, strlen(text), p, e);
}

static void test_journal_header_lines(void)
{
    bh_plan p;
    bh_err e;
    CHECK_INT(parse("scenario s.lua\nseed 4\ncut three\nmode workshop\n0s start warm\n", &p, &e),
              BH_OK);
    CHECK_STR(p.cut, "three");
    CHECK_INT(p.cut_line, 3);
    CHECK_INT(p.workshop, 1);
    CHECK_INT(p.n, 1);
    journal_plan_free(&p);
    CHECK_INT(parse("scenario s.lua\n0s start warm\n", &p, &e), BH_OK);
    CHECK(p.cut == NULL);
    CHECK_INT(p.workshop, 0);
    journal_plan_free(&p);

    static const struct { const char *text, *want; int line; } bad[] = {
        {"0s start warm\ncut three\n", "'cut' must come before the first input", 2},
        {"0s start warm\nmode workshop\n", "'mode' must come before the first input", 2},
        {"cut three\ncut two\n", "a second 'cut' line (the first is line 1)", 2},
        {"cut\n", "'cut' takes one value", 1},
        {"cut a b\n", "'cut' takes one value", 1},
        {"mode classroom\n", "unknown mode 'classroom' (the only mode is 'workshop')", 1},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        CHECK_INT(parse(bad[i].text, &p, &e), BH_EJOURNAL);
        CHECK_HAS(e.msg, bad[i].want);
        CHECK_INT(e.line, bad[i].line);
        CHECK_STR(e.file, "j.journal");
        journal_plan_free(&p);
    }
}

static void test_journal_cut_resolves(void)
{
    run r;
    bh_err e;
    bh_plan p;
    const bh_defs *d = open_fixture(&r, NULL);
    if (!d)
        return;
    int cut = 9;
    CHECK_INT(parse("seed 1\n# the cut\ncut thre\n", &p, &e), BH_OK);
    CHECK_INT(journal_plan_cut(&p, d, &cut, &e), BH_EJOURNAL);
    CHECK_HAS(e.msg, "no cut 'thre' in this scenario (did you mean 'three'?)");
    CHECK_INT(e.line, 3);
    bh_replay_result res;
    CHECK_INT(session_replay(r.s, NULL, &p, &res, &e), BH_EJOURNAL); /* replay says so too */
    CHECK_INT(e.line, 3);
    CHECK_INT(sim_cut(r.s), -1);
    journal_plan_free(&p);
    CHECK_INT(parse("cut two\n", &p, &e), BH_OK);
    CHECK_INT(journal_plan_cut(&p, d, &cut, &e), BH_OK);
    CHECK_INT(cut, 1);
    CHECK_INT(session_replay(r.s, NULL, &p, &res, &e), BH_OK);
    CHECK_INT(sim_cut(r.s), 1);
    journal_plan_free(&p);
    /* a session already in another cut refuses a journal of this one */
    CHECK_INT(parse("cut three\n", &p, &e), BH_OK);
    CHECK_INT(session_replay(r.s, NULL, &p, &res, &e), BH_EJOURNAL);
    CHECK_HAS(e.msg, "this journal is of cut 'three' but the session is in cut 'two'");
    journal_plan_free(&p);
    /* no cut line: nothing to resolve, the session keeps its cut */
    CHECK_INT(parse("seed 1\n", &p, &e), BH_OK);
    CHECK_INT(journal_plan_cut(&p, d, &cut, &e), BH_OK);
    CHECK_INT(cut, -1);
    CHECK_INT(session_replay(r.s, NULL, &p, &res, &e), BH_OK);
    CHECK_INT(sim_cut(r.s), 1);
    journal_plan_free(&p);
    close_run(&r);
}

static char *session_text(bh_sim *s)
{
    return check_transcript(s, FIXTURE);
}

/* A session played in a cut as a workshop, journaled; its journal read
 * back says so, and replays into the same session. */
static void test_workshop_journal_replays_identically(void)
{
    run r;
    bh_err e;
    char path[512];
    snprintf(path, sizeof path, "%s/w.journal", tmpdir);
    const bh_defs *d = open_fixture(&r, "three");
    if (!d)
        return;
    bh_journal j;
    bh_jhead head = {.scenario = FIXTURE, .seed = 5, .cut = "three", .workshop = 1};
    CHECK_INT(journal_create_head(&j, path, &head, &e), BH_OK);
    bh_input in = {.time = 0, .kind = IN_START, .a = defs_action(d, "warm")};
    CHECK_INT(session_input(r.s, &j, &in, &e), BH_OK);
    in = (bh_input){.time = 2400, .kind = IN_CHOOSE, .a = defs_decision(d, "go"), .b = 0};
    CHECK_INT(session_input(r.s, &j, &in, &e), BH_OK);
    journal_close(&j);
    CHECK_INT(session_finish(r.s, &e), BH_OK);
    char *want = session_text(r.s);
    close_run(&r);

    char *text = check_slurp(path);
    CHECK_HAS(text, "\nseed 5\ncut three\nmode workshop\n0s start warm\n");
    free(text);
    bh_plan p;
    CHECK_INT(journal_read(path, &p, &e), BH_OK);
    CHECK_STR(p.cut, "three");
    CHECK_INT(p.workshop, 1);
    open_fixture(&r, NULL); /* the journal's cut line puts it in its cut */
    bh_replay_result res;
    CHECK_INT(session_replay(r.s, NULL, &p, &res, &e), BH_OK);
    CHECK_INT(session_finish(r.s, &e), BH_OK);
    CHECK_INT(sim_cut(r.s), defs_cut(lh_defs(r.h), "three"));
    char *got = session_text(r.s);
    CHECK_STR(got, want);
    CHECK_HAS(got, "ENDING    hot: Hot at three");
    free(got);
    free(want);
    journal_plan_free(&p);
    close_run(&r);

    /* a cut id that would not read back is refused, and nothing is created */
    snprintf(path, sizeof path, "%s/bad.journal", tmpdir);
    head.cut = "two words";
    CHECK_INT(journal_create_head(&j, path, &head, &e), BH_EUSAGE);
    CHECK(check_slurp(path) == NULL);
}

/* What-if branches are sessions of the same cut and mode as the original. */
static void test_whatif_keeps_the_cut(void)
{
    bh_plan p;
    bh_err e;
    const char *text = "seed 5\ncut three\nmode workshop\n0s start warm\n40m choose go yes\n";
    CHECK_INT(parse(text, &p, &e), BH_OK);
    rp_branch b;
    CHECK_INT(rp_whatif(FIXTURE, &p, "go", "no", 1, &b, &e), BH_OK);
    if (b.sim) {
        CHECK_INT(sim_cut(b.sim), 0);
        CHECK_INT(sim_now(b.sim), 3 * 3600); /* the cut's end, not the scenario's */
        char path[512];
        snprintf(path, sizeof path, "%s/branch.journal", tmpdir);
        CHECK_INT(rp_branch_journal(FIXTURE, &p, &b, "go", "no", path, &e), BH_OK);
        char *j = check_slurp(path);
        CHECK_HAS(j, "\ncut three\nmode workshop\n");
        free(j);
    }
    rp_branch_free(&b);
    journal_plan_free(&p);
}

int main(int argc, char **argv)
{
    static const check_case cases[] = {
        {"declarations_load", test_declarations_load},
        {"declaration_errors", test_declaration_errors},
        {"ending_order", test_ending_order},
        {"length_rate_and_refusals", test_length_rate_and_refusals},
        {"transcript_names_the_cut", test_transcript_names_the_cut},
        {"journal_header_lines", test_journal_header_lines},
        {"journal_cut_resolves", test_journal_cut_resolves},
        {"workshop_journal_replays_identically", test_workshop_journal_replays_identically},
        {"whatif_keeps_the_cut", test_whatif_keeps_the_cut},
        {NULL, NULL}};
    return check_main_in_tmpdir(argc, argv, cases, tmpdir, sizeof tmpdir, "cuts");
}
