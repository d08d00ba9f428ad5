/* test_details: the exercise's details (issue 18), the `details`
 * annotation: its lines read, resolved, written and read back with the
 * journal's escapes; a later line for a field replacing the earlier, an
 * empty one clearing it; every refusal with its file:line; that a session
 * with details plays to the same transcript as without; details through a
 * journal on disk; and the report model's top-level "details". The
 * scenario is scenarios/tutorial.lua (teams duty, it, comms, ops). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "check_session.h"
#include "core/session.h"
#include "core/text.h"
#include "report/rp_report.h"
#include "script/lh_host.h"
#include "transcript_text.h"

#define TUTORIAL "scenarios/tutorial.lua"
#define EXPERT_PLAN "tests/plans/tutorial_expert.plan"
#define DETAILS_PLAN "tests/plans/tutorial_details.plan"

typedef check_run run;

static int start(run *r) { return check_run_start(r, TUTORIAL, 1); }
static void stop(run *r) { check_run_stop(r); }

static bh_status parse(const char *text, bh_plan *p, bh_err *e)
{
    return journal_parse("t.plan", text, strlen(text), p, e);
}

static bh_status replay_text(run *r, const char *text)
{
    bh_plan p;
    bh_replay_result res;
    bh_status st = parse(text, &p, &r->err);
    if (st == BH_OK)
        st = session_replay(r->s, NULL, &p, &res, &r->err);
    journal_plan_free(&p);
    return st;
}

/* ---- the lines ---- */

static const char round_trip[] =
    "0s details date 8 December 2026\n"
    "0s  details   venue   Room \\| 4\\tEast wing\\\\annex  \n"
    "0s details organisation Northwind\n"
    "0s details facilitator Dana\\nReyes\n"
    "0s details participants it Ana Lopez, Bo Chen\n"
    "0s details participants observer Ed\n"
    "1m details venue\n";

static void test_lines_round_trip(void)
{
    bh_plan p;
    bh_err e;
    CHECK_INT(parse(round_trip, &p, &e), BH_OK);
    CHECK(p.n == 7 && !p.skipped); /* details are known now, never skipped */
    run r;
    CHECK(start(&r) == 0);
    static const char *const want[] = {
        "0s details date 8 December 2026",
        "0s details venue Room \\| 4\\tEast wing\\\\annex",
        "0s details organisation Northwind",
        "0s details facilitator Dana\\nReyes",
        "0s details participants it Ana Lopez, Bo Chen",
        "0s details participants observer Ed",
        "1m details venue",
    };
    bh_input in;
    char buf[JOURNAL_MAX_LINE];
    for (size_t i = 0; i < p.n; i++) {
        CHECK_INT(journal_resolve(&p, &p.v[i], r.d, &in, &e), BH_OK);
        CHECK_INT(in.kind, IN_DETAILS);
        CHECK(journal_format(r.d, &in, buf, sizeof buf) > 0);
        CHECK_STR(buf, want[i]);
    }
    CHECK_STR(p.v[1].text, "Room | 4\tEast wing\\annex");
    CHECK_STR(p.v[3].text, "Dana\nReyes");
    CHECK_INT(journal_resolve(&p, &p.v[4], r.d, &in, &e), BH_OK);
    CHECK_INT(in.a, DETAIL_PARTICIPANTS);
    CHECK_INT(in.b, defs_team(r.d, "it"));
    CHECK_INT(journal_resolve(&p, &p.v[5], r.d, &in, &e), BH_OK);
    CHECK_INT(in.b, -1);
    /* too small a buffer: said, never taken for a line */
    CHECK_INT(journal_resolve(&p, &p.v[4], r.d, &in, &e), BH_OK);
    int n = journal_format(r.d, &in, buf, 30);
    CHECK(n < 0 || n >= 30);
    journal_plan_free(&p);
    stop(&r);
}

/* The latest line for a field wins; an empty one clears it; roles apart. */
static void test_later_line_replaces(void)
{
    run r;
    CHECK(start(&r) == 0);
    CHECK(!sim_has_details(r.s));
    CHECK(sim_detail(r.s, DETAIL_VENUE, -1) == NULL);
    CHECK_INT(replay_text(&r, round_trip), BH_OK);
    CHECK(sim_has_details(r.s));
    CHECK(sim_detail(r.s, DETAIL_VENUE, -1) == NULL); /* cleared at 1m */
    CHECK_STR(sim_detail(r.s, DETAIL_DATE, -1), "8 December 2026");
    CHECK_STR(sim_detail(r.s, DETAIL_FACILITATOR, -1), "Dana\nReyes");
    CHECK_STR(sim_detail(r.s, DETAIL_PARTICIPANTS, defs_team(r.d, "it")), "Ana Lopez, Bo Chen");
    CHECK_STR(sim_detail(r.s, DETAIL_PARTICIPANTS, -1), "Ed");
    CHECK(sim_detail(r.s, DETAIL_PARTICIPANTS, defs_team(r.d, "ops")) == NULL);
    CHECK(sim_detail(r.s, DETAIL_PARTICIPANTS, 99) == NULL);
    CHECK_INT(replay_text(&r, "2m details venue Room 5\n2m details venue Room 6\n"
                              "3m details participants it Ana Lopez\n"),
              BH_OK);
    CHECK_STR(sim_detail(r.s, DETAIL_VENUE, -1), "Room 6");
    CHECK_STR(sim_detail(r.s, DETAIL_PARTICIPANTS, defs_team(r.d, "it")), "Ana Lopez");
    CHECK_STR(sim_detail(r.s, DETAIL_PARTICIPANTS, -1), "Ed");
    stop(&r);
}

/* Refused when read (the shape): the line named, and what it takes. */
static const struct {
    const char *text, *msg;
} bad_lines[] = {
    {"seed 1\n0s details\n", "t.plan:2: 'details' takes a field (date, venue, organisation, "
                             "facilitator or participants) and its value"},
    {"0s details venu Room 4\n", "t.plan:1: no detail 'venu' (the details are date, venue, "
                                 "organisation, facilitator and participants) (did you mean "
                                 "'venue'?)"},
    {"0s details venue=Room 4\n", "t.plan:1: no detail 'venue=Room'"},
    {"0s note a\n\n0s details participants\n",
     "t.plan:3: 'details participants' takes a role (a team id or 'observer'), then the names"},
};

static void test_line_errors(void)
{
    for (size_t i = 0; i < sizeof bad_lines / sizeof *bad_lines; i++) {
        bh_plan p;
        bh_err e;
        CHECK_INT(parse(bad_lines[i].text, &p, &e), BH_EJOURNAL);
        char msg[2200];
        snprintf(msg, sizeof msg, "%s:%d: %s", e.file, e.line, e.msg);
        CHECK_HAS(msg, bad_lines[i].msg);
        journal_plan_free(&p);
    }
}

/* Refused when replayed: text too long or with a space at an end, a
 * field or role out of range. */
static void test_replay_errors(void)
{
    /* a value of more than SIM_MAX_DETAIL bytes */
    char plan[600];
    int len = snprintf(plan, sizeof plan, "seed 1\n0s details venue ");
    for (int k = 0; k < SIM_MAX_DETAIL + 1; k++)
        plan[len++] = 'x';
    plan[len++] = '\n';
    plan[len] = '\0';
    run r;
    CHECK(start(&r) == 0);
    CHECK_INT(replay_text(&r, plan), BH_EJOURNAL);
    CHECK_INT(r.err.line, 2);
    CHECK_HAS(r.err.msg, "the venue must be valid UTF-8 of at most 200 bytes");
    CHECK(!sim_has_details(r.s));
    stop(&r);
    /* through sim_check_input directly: a space at an end, a bad field or role */
    CHECK(start(&r) == 0);
    bh_input in = {.kind = IN_DETAILS, .a = DETAIL_VENUE, .b = -1, .text = " Room"};
    CHECK_INT(sim_check_input(r.s, &in, &r.err), BH_EINPUT);
    CHECK_HAS(r.err.msg, "the venue may not begin or end with a space");
    in.a = DETAIL_COUNT;
    CHECK_INT(sim_check_input(r.s, &in, &r.err), BH_EINPUT);
    in = (bh_input){.kind = IN_DETAILS, .a = DETAIL_PARTICIPANTS, .b = 4, .text = "Ana"};
    CHECK_INT(sim_check_input(r.s, &in, &r.err), BH_EINPUT);
    CHECK_HAS(r.err.msg, "no such role");
    stop(&r);
}

/* Refused when resolved: an unknown role, with a "did you mean", at the
 * plan's line. Newlines and tabs are text, as in notes. */
static void test_replay_error_messages(void)
{
    static const struct {
        const char *text, *msg;
    } bad[] = {
        {"seed 1\n0s details participants itt Ana\n",
         "t.plan:2: no role 'itt' in this scenario (a role is a team's id or 'observer') (did "
         "you mean 'it'?)"},
        {"0s details participants legal Ana\n", "t.plan:1: no role 'legal'"},
        {"0s note a\n0s details date x\\ny\n0s details date \\ty \n", NULL},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        run r;
        CHECK(start(&r) == 0);
        bh_status st = replay_text(&r, bad[i].text);
        if (!bad[i].msg) { /* newlines and tabs are text, as in notes */
            CHECK_INT(st, BH_OK);
            CHECK_STR(sim_detail(r.s, DETAIL_DATE, -1), "\ty");
        } else {
            CHECK_INT(st, BH_EJOURNAL);
            char msg[2200];
            snprintf(msg, sizeof msg, "%s:%d: %s", r.err.file, r.err.line, r.err.msg);
            CHECK_HAS(msg, bad[i].msg);
        }
        stop(&r);
    }
}

/* ---- the session ---- */

static char *transcript_of_plan(const char *plan)
{
    run r;
    char *t = NULL;
    bh_plan p;
    bh_replay_result res;
    if (start(&r) != 0)
        return NULL;
    if (journal_read(plan, &p, &r.err) == BH_OK &&
        session_replay(r.s, NULL, &p, &res, &r.err) == BH_OK &&
        session_finish(r.s, &r.err) == BH_OK)
        t = transcript_of(r.s);
    else
        fprintf(stderr, "%s:%d: %s\n", r.err.file, r.err.line, r.err.msg);
    journal_plan_free(&p);
    stop(&r);
    return t;
}

/* Annotations never change the session: the expert's plan with details
 * (before, during and after the end) reads as the expert's, byte for byte. */
static void test_replay_equal_without(void)
{
    char *with = transcript_of_plan(DETAILS_PLAN), *without = transcript_of_plan(EXPERT_PLAN);
    CHECK(with && without);
    CHECK(with && without && strcmp(with, without) == 0);
    CHECK_HAS(with, "ENDING    clean_handover");
    free(with);
    free(without);
}

/* Through a journal on disk: the lines written, fsynced, and read back. */
static void test_journal_on_disk(void)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/bh-test-details-%ld.journal", (long)getpid());
    unlink(path); /* journal_create refuses to replace a file */
    run r;
    bh_journal j = {.fd = -1};
    CHECK(start(&r) == 0 && journal_create(&j, path, TUTORIAL, 1, &r.err) == BH_OK);
    bh_input in = {.kind = IN_DETAILS, .a = DETAIL_VENUE, .b = -1, .text = "Room | 4\nup"};
    CHECK_INT(session_input(r.s, &j, &in, &r.err), BH_OK);
    in = (bh_input){.kind = IN_DETAILS, .a = DETAIL_PARTICIPANTS, .b = 1, .text = "Ana"};
    CHECK_INT(session_input(r.s, &j, &in, &r.err), BH_OK);
    in = (bh_input){.kind = IN_DETAILS, .a = DETAIL_VENUE, .b = -1, .text = " bad"};
    CHECK_INT(session_input(r.s, &j, &in, &r.err), BH_EINPUT); /* refused: never written */
    journal_close(&j);
    char *text = NULL;
    size_t len = 0;
    bh_err e;
    CHECK_INT(text_read_file(path, 1 << 20, &text, &len, &e), BH_OK);
    CHECK_HAS(text, "seed 1\n0s details venue Room \\| 4\\nup\n0s details participants it Ana\n");
    CHECK(text && !strstr(text, " bad"));
    bh_plan p;
    CHECK_INT(journal_read(path, &p, &e), BH_OK);
    CHECK_INT(p.n, 2);
    CHECK_STR(p.v[0].text, "Room | 4\nup");
    journal_plan_free(&p);
    free(text);
    unlink(path);
    stop(&r);
}

/* ---- the report ---- */

static void test_report_details(void)
{
    run r;
    bh_plan p;
    bh_replay_result res;
    CHECK(start(&r) == 0);
    CHECK_INT(journal_read(DETAILS_PLAN, &p, &r.err), BH_OK);
    CHECK_INT(session_replay(r.s, NULL, &p, &res, &r.err), BH_OK);
    journal_plan_free(&p);
    json_t *rep = rp_build(r.s, &(rp_meta){TUTORIAL, DETAILS_PLAN, NULL});
    const json_t *d = json_object_get(rep, "details");
    CHECK(d != NULL);
    CHECK_STR(rp_str(d, "date"), "8 December 2026");
    CHECK_STR(rp_str(d, "venue"), "Board room, 4th floor"); /* the 30m correction */
    CHECK_STR(rp_str(d, "organisation"), "Northwind Shipping");
    CHECK_STR(rp_str(d, "facilitator"), "Dana Reyes-Holm");
    const json_t *ps = json_object_get(d, "participants");
    CHECK_INT((int)json_array_size(ps), 4);
    static const char *const roles[] = {"You (duty manager)", "IT & security on call",
                                        "Press officer", "Observer"};
    for (size_t i = 0; i < 4; i++)
        CHECK_STR(rp_str(json_array_get(ps, i), "role"), roles[i]);
    CHECK_STR(rp_str(json_array_get(ps, 1), "names"), "Ana Lopez, Bo Chen\nCarl Diaz");
    CHECK_INT((int)json_object_size(d), 5);
    json_decref(rep);
    stop(&r);
    /* no details line (or only cleared ones): no "details" at all */
    CHECK(start(&r) == 0);
    rep = rp_build(r.s, &(rp_meta){TUTORIAL, NULL, NULL});
    CHECK(json_object_get(rep, "details") == NULL);
    json_decref(rep);
    CHECK_INT(replay_text(&r, "0s details venue Room 4\n0s details venue\n"), BH_OK);
    rep = rp_build(r.s, &(rp_meta){TUTORIAL, NULL, NULL});
    CHECK(json_object_get(rep, "details") == NULL);
    json_decref(rep);
    /* only participants: no empty fields */
    CHECK_INT(replay_text(&r, "0s details participants ops Kim\n"), BH_OK);
    rep = rp_build(r.s, &(rp_meta){TUTORIAL, NULL, NULL});
    d = json_object_get(rep, "details");
    CHECK_INT((int)json_object_size(d), 1);
    CHECK_STR(rp_str(json_array_get(json_object_get(d, "participants"), 0), "role"),
              "Operations desk");
    json_decref(rep);
    stop(&r);
}

int main(int argc, char **argv)
{
    static const check_case cases[] = {
        {"lines_round_trip", test_lines_round_trip},
        {"later_line_replaces", test_later_line_replaces},
        {"line_errors", test_line_errors},
        {"replay_errors", test_replay_errors},
        {"replay_error_messages", test_replay_error_messages},
        {"replay_equal_without", test_replay_equal_without},
        {"journal_on_disk", test_journal_on_disk},
        {"report_details", test_report_details},
        {NULL, NULL},
    };
    return check_main(argc, argv, cases);
}
