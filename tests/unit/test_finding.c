/* test_finding: an ending's findings, through real Lua.
 *
 * ending { ..., findings = { { text, when }, ... } } and each refusal at
 * file:line; only the findings whose `when` held are shown, in the order
 * declared, in the transcript, the report's JSON and the screens' text
 * (sim_ending_text); a finding's error is reported as itself with its
 * line and the session stays ended; the findings of an ending other than
 * the one reached are never judged; replay judges the same. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "check_session.h"
#include "core/session.h"
#include "report/rp_report.h"
#include "script/lh_host.h"

static char tmpdir[256];

/* Line 1-3: the scenario, a team, and two actions; the endings from line 6. */
#define HEAD                                                                               \
    "scenario { id = 't', title = 'T', start = '2020-09-27 22:00', length = '10h' }\n"     \
    "team { id = 'it', label = 'IT', staff = 2 }\n"                                        \
    "action { id = 'say', kind = 'communicate', label = 'Say', team = 'it', takes = '1h',\n" \
    "         source = 'fiction', effect = function(w) w.flag.said = true end }\n"         \
    "action { id = 'wait', kind = 'contain', label = 'Wait', team = 'it', takes = '1h', source = 'fiction' }\n"
#define ENDINGS                                                                            \
    "ending { id = 'never', title = 'Never', when = function() return false end,\n"        \
    "         findings = { { text = 'Never judged', when = function(w) return w.flag.x end } } }\n" \
    "ending { id = 'lost', title = 'Lost', fallback = true, text = 'It went wrong.',\n"     \
    "         findings = {\n"                                                              \
    "           { text = 'You said the wrong thing.', when = function(w) return w.flag.said == true end },\n" \
    "           { text = 'You waited.', when = function(w) return w.done('wait') > 0 end },\n" \
    "           { text = 'Broken.', when = function(w) return w.meter['no' .. 'pe'] > 1 end },\n" \
    "         } }\n"

static int start(bh_sim **s, lh_host **h, const char *src)
{
    char diag[4096];
    *h = check_load_text(tmpdir, src, diag, sizeof diag);
    CHECK_STR(diag, "");
    if (!*h)
        return -1;
    bh_err e;
    CHECK_INT(sim_create(s, lh_defs(*h), lh_hooks(*h), 3, &e), BH_OK);
    return *s ? 0 : -1;
}

static void begin(bh_sim *s, const char *action, bh_time t)
{
    bh_err e;
    CHECK_INT(sim_advance(s, t, &e), BH_OK);
    bh_input in = {.time = t, .kind = IN_START, .a = defs_action(sim_defs(s), action)};
    CHECK_INT(session_input(s, NULL, &in, &e), BH_OK);
}

static void test_declarations(void)
{
    bh_sim *s;
    lh_host *h;
    if (start(&s, &h, HEAD ENDINGS) != 0)
        return;
    const bh_ending_def *en = defs_ending_at(sim_defs(s), defs_ending(sim_defs(s), "lost"));
    CHECK_INT((int)en->nfindings, 3);
    CHECK_STR(en->findings[1].text, "You waited.");
    CHECK(en->findings[1].when != 0);
    sim_destroy(s);
    lh_free(h);
}

static void expect_error(const char *decl, const char *want)
{
    char src[2048], diag[4096];
    snprintf(src, sizeof src, "%s%s\n", HEAD, decl);
    lh_host *h = check_load_text(tmpdir, src, diag, sizeof diag);
    CHECK_HAS(diag, want);
    CHECK_HAS(diag, "6:error:");
    CHECK(h == NULL);
    lh_free(h);
}

static void test_declaration_errors(void)
{
    expect_error("ending { id = 'e', title = 'E', fallback = true, findings = 'x' }",
                 "field 'findings' must be a list");
    expect_error("ending { id = 'e', title = 'E', fallback = true, findings = { 'x' } }",
                 "finding 1 must be a table");
    expect_error("ending { id = 'e', title = 'E', fallback = true, findings = { { text = 'A' } } }",
                 "finding 1: missing field 'when'");
    expect_error("ending { id = 'e', title = 'E', fallback = true, "
                 "findings = { { when = function() return true end } } }",
                 "missing field 'text'");
    expect_error("ending { id = 'e', title = 'E', fallback = true, "
                 "findings = { { text = 'A', when = true } } }",
                 "field 'when' must be a function");
    expect_error("ending { id = 'e', title = 'E', fallback = true, "
                 "findings = { { text = 'A', wen = function() return true end } } }",
                 "unknown finding field 'wen'");
}

/* Only what held is shown, in order; the broken one shows its error. */
static void test_only_what_held(void)
{
    bh_sim *s;
    lh_host *h;
    if (start(&s, &h, HEAD ENDINGS) != 0)
        return;
    bh_err e;
    const char *why;
    begin(s, "wait", 60);
    CHECK_INT(sim_finding(s, 1, NULL), OBJ_NOT_JUDGED); /* not before the end */
    CHECK(sim_ending_text(s) == NULL);
    CHECK_INT(session_finish(s, &e), BH_OK);
    CHECK_INT(sim_ending(s), defs_ending(sim_defs(s), "lost"));
    CHECK_INT(sim_finding(s, 0, NULL), OBJ_NOT_MET);
    CHECK_INT(sim_finding(s, 1, NULL), OBJ_MET);
    CHECK_INT(sim_finding(s, 2, &why), OBJ_NOT_JUDGED);
    if (why)
        CHECK_HAS(why, "s.lua:12: no meter 'nope'");
    CHECK_INT(sim_finding(s, 3, NULL), OBJ_NOT_JUDGED);
    char *t = check_transcript(s, "s.lua");
    CHECK_HAS(t, "It went wrong.\n\nIn this session:\n  - You waited.\n  ! finding 3 not judged: ");
    CHECK(strstr(t, "wrong thing") == NULL);
    CHECK(strstr(t, "Never judged") == NULL);
    free(t);
    char *full = sim_ending_text(s);
    CHECK_STR(full, "It went wrong.\n\nIn this session:\n\u2022 You waited.");
    free(full);
    rp_meta meta = {"s.lua", NULL, NULL};
    json_t *rep = rp_build(s, &meta);
    json_t *list = json_object_get(json_object_get(rep, "ending"), "findings");
    CHECK_INT((int)json_array_size(list), 2);
    CHECK_STR(json_string_value(json_object_get(json_array_get(list, 0), "text")), "You waited.");
    CHECK(json_object_get(json_array_get(list, 1), "error") != NULL);
    /* Markdown and HTML list the same */
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    rp_write_md(f, rep);
    fclose(f);
    CHECK_HAS(buf, "It went wrong.\n\nIn this session:\n\n- You waited.\n- (a finding could not be judged: ");
    CHECK(strstr(buf, "wrong thing") == NULL);
    free(buf);
    f = open_memstream(&buf, &n);
    rp_write_html(f, rep);
    fclose(f);
    CHECK_HAS(buf, "<p>In this session:</p>\n<ul>\n<li>You waited.</li>\n<li>(a finding could not be judged: ");
    free(buf);
    json_decref(rep);
    sim_destroy(s);
    lh_free(h);
}

/* The other way round: said, never waited. Nothing held: no heading. */
static void test_other_way(void)
{
    bh_sim *s;
    lh_host *h;
    if (start(&s, &h, HEAD ENDINGS) != 0)
        return;
    bh_err e;
    begin(s, "say", 0);
    CHECK_INT(session_finish(s, &e), BH_OK);
    CHECK_INT(sim_finding(s, 0, NULL), OBJ_MET);
    CHECK_INT(sim_finding(s, 1, NULL), OBJ_NOT_MET);
    char *t = check_transcript(s, "s.lua");
    CHECK_HAS(t, "In this session:\n  - You said the wrong thing.\n");
    CHECK(strstr(t, "You waited") == NULL);
    free(t);
    sim_destroy(s);
    lh_free(h);

    /* an ending without findings: the text alone, no list */
    if (start(&s, &h, HEAD "ending { id = 'plain', title = 'P', fallback = true, text = 'Plain.' }\n") != 0)
        return;
    CHECK_INT(session_finish(s, &e), BH_OK);
    t = check_transcript(s, "s.lua");
    CHECK(strstr(t, "In this session") == NULL);
    free(t);
    rp_meta meta = {"s.lua", NULL, NULL};
    json_t *rep = rp_build(s, &meta);
    CHECK(json_object_get(json_object_get(rep, "ending"), "findings") == NULL);
    json_decref(rep);
    sim_destroy(s);
    lh_free(h);
}

/* A finding's `when` is a condition: it may not change the world. */
static void test_read_only(void)
{
    bh_sim *s;
    lh_host *h;
    if (start(&s, &h, HEAD "meter { id = 'm', label = 'M', start = 5 }\n"
                            "ending { id = 'e', title = 'E', fallback = true, findings = {\n"
                            "  { text = 'W', when = function(w) w.meter.m = 9; return true end } } }\n") != 0)
        return;
    bh_err e;
    const char *why;
    CHECK_INT(session_finish(s, &e), BH_OK);
    CHECK(sim_ended(s) && !sim_failed(s));
    CHECK_INT(sim_finding(s, 0, &why), OBJ_NOT_JUDGED);
    if (why)
        CHECK_HAS(why, "s.lua:8: cannot change a meter inside a condition");
    CHECK(sim_meter(s, 0) == 5);
    sim_destroy(s);
    lh_free(h);
}

int main(int argc, char **argv)
{
    static const check_case cases[] = {
        {"declarations", test_declarations},
        {"declaration_errors", test_declaration_errors},
        {"only_what_held", test_only_what_held},
        {"other_way", test_other_way},
        {"read_only", test_read_only},
        {NULL, NULL}};
    return check_main_in_tmpdir(argc, argv, cases, tmpdir, sizeof tmpdir, "finding");
}
