/* test_objective: exercise objectives, through real Lua.
 *
 * objective { id, text, met } and each of its refusals at file:line; `met`
 * judged exactly once, when the session ends (by an ending, by its length
 * or by the facilitator's `end`) and never before, nor for a session that
 * is not finished; met and not met both ways; an error in `met` reported
 * as itself with its line while the session stays ended, not failed; a
 * replayed plan judges the same. Calls to `met` are counted by wrapping
 * the host's hooks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "check_session.h"
#include "core/journal.h"
#include "core/session.h"
#include "report/rp_report.h"
#include "script/lh_host.h"

static char tmpdir[256];

#define HEAD                                                                              \
    "scenario { id = 't', title = 'T', start = '2020-09-27 22:00', length = '10h' }\n"    \
    "ending { id = 'held', title = 'Held', when = function(w) return w.flag.held end }\n" \
    "ending { id = 'timeout', title = 'Time', fallback = true }\n"

/* Line 4 on: a team, an action that holds, one that fails, and the objectives. */
#define BODY                                                                              \
    "team { id = 'it', label = 'IT', staff = 2 }\n"                                       \
    "action { id = 'fix', kind = 'contain', label = 'Fix', team = 'it', takes = '1h',\n"  \
    "         source = 'fiction', effect = function(w) w.flag.fixed = true end }\n"       \
    "action { id = 'hold', kind = 'contain', label = 'Hold', team = 'it', takes = '2h',\n" \
    "         source = 'fiction', effect = function(w) w.flag.held = true end }\n"        \
    "objective { id = 'fixed', text = 'Fix it early',\n"                                  \
    "            met = function(w) return w.flag.fixed == true and w.done('fix') > 0 end }\n" \
    "objective { id = 'calm', text = 'Never hold',\n"                                     \
    "            met = function(w) return w.done('hold') == 0 end }\n"                    \
    "objective { id = 'broken', text = 'Fails',\n"                                        \
    "            met = function(w)\n"                                                     \
    "              return w.meter['no' .. 'pe'] > 1\n"                                    \
    "            end }\n"

/* The host's hooks, counting the calls of the objectives' `met`. */
typedef struct counting {
    bh_hooks real;
    const bh_defs *d;
    int calls;
} counting;

static bh_status count_call(void *ud, bh_sim *sim, bh_hook hook, bh_hook_kind kind,
                            const bh_what *what, bh_hook_result *out, bh_err *err)
{
    counting *c = ud;
    for (size_t i = 0; i < c->d->nobjectives; i++)
        if (c->d->objectives[i].met == hook)
            c->calls++;
    return c->real.call(c->real.ud, sim, hook, kind, what, out, err);
}

static void count_release(void *ud, bh_hook hook)
{
    counting *c = ud;
    c->real.release(c->real.ud, hook);
}

static void count_where(void *ud, bh_hook hook, char *file, size_t n, int *line)
{
    counting *c = ud;
    c->real.where(c->real.ud, hook, file, n, line);
}

/* A session of a scenario given as text, its hooks counted. */
typedef struct run {
    counting c;
    bh_sim *s;
    const bh_defs *d;
    lh_host *h;
} run;

static int start(run *r, const char *src)
{
    memset(r, 0, sizeof *r);
    char diag[4096];
    r->h = check_load_text(tmpdir, src, diag, sizeof diag);
    CHECK_STR(diag, "");
    if (!r->h)
        return -1;
    r->d = lh_defs(r->h);
    r->c = (counting){lh_hooks(r->h), r->d, 0};
    bh_hooks hk = {&r->c, count_call, count_release, count_where};
    bh_err e;
    CHECK_INT(sim_create(&r->s, r->d, hk, 3, &e), BH_OK);
    return r->s ? 0 : -1;
}

static void stop(run *r)
{
    sim_destroy(r->s);
    lh_free(r->h);
}

static void input(run *r, bh_input_kind kind, const char *action, bh_time t)
{
    bh_err e;
    CHECK_INT(sim_advance(r->s, t, &e), BH_OK);
    bh_input in = {.time = t, .kind = kind, .a = action ? defs_action(r->d, action) : 0,
                   .text = kind == IN_END ? "enough" : NULL};
    CHECK_INT(session_input(r->s, NULL, &in, &e), BH_OK);
}

static void test_declarations_load(void)
{
    run r;
    if (start(&r, HEAD BODY) != 0)
        return;
    CHECK_INT(r.d->nobjectives, 3);
    CHECK_INT(defs_objective(r.d, "calm"), 1);
    CHECK_INT(defs_objective(r.d, "nope"), -1);
    CHECK_STR(r.d->objectives[0].text, "Fix it early");
    CHECK_INT(r.d->objectives[0].loc.line, 9);
    CHECK(r.d->objectives[0].met != 0);
    stop(&r);
}

/* Each bad declaration alone, at line 4: `want` among the errors. */
static void expect_error(const char *decl, const char *want)
{
    char src[2048];
    snprintf(src, sizeof src, "%s%s\n", HEAD, decl);
    check_load_fails(tmpdir, src, 4, want);
}

static void test_declaration_errors(void)
{
    expect_error("objective { id = 'a', met = function() return true end }",
                 "objective 'a': missing field 'text'");
    expect_error("objective { id = 'a', text = 'A', met = true }",
                 "objective 'a': field 'met' must be a function, not a boolean");
    expect_error("objective { id = 'a', text = 'A' }", "objective 'a': missing field 'met'");
    expect_error("objective { id = 'a', text = 'A', met = function() return true end, "
                 "wen = 1 }",
                 "unknown objective field 'wen'");
    expect_error("objective { id = 'a b', text = 'A', met = function() return true end }",
                 "id 'a b' must be");
    expect_error("objective { text = 'A', met = function() return true end }",
                 "missing field 'id'");
    expect_error("objective { id = 'a', text = 'A', met = function() return true end } "
                 "objective { id = 'a', text = 'B', met = function() return false end }",
                 "objective 'a': duplicate objective id (first declared at");
    expect_error("objective 'a'", "objective");
}

/* Played well: `fixed` and `calm` met, `broken` not judged with its error,
 * judged once each, only once the session has ended, and the session is
 * ended, not failed. */
static void test_judged_once_at_the_end(void)
{
    run r;
    if (start(&r, HEAD BODY) != 0)
        return;
    bh_err e;
    const char *why;
    input(&r, IN_START, "fix", 60);
    CHECK_INT(sim_advance(r.s, 5 * 3600, &e), BH_OK);
    CHECK_INT(r.c.calls, 0); /* never before the end */
    CHECK_INT(sim_objective(r.s, 0, &why), OBJ_NOT_JUDGED);
    CHECK(why == NULL);
    CHECK_INT(session_finish(r.s, &e), BH_OK);
    CHECK(sim_ended(r.s) && !sim_failed(r.s));
    CHECK_INT(sim_ending(r.s), defs_ending(r.d, "timeout"));
    CHECK_INT(r.c.calls, 3);
    CHECK_INT(sim_objective(r.s, 0, NULL), OBJ_MET);
    CHECK_INT(sim_objective(r.s, 1, NULL), OBJ_MET);
    CHECK_INT(sim_objective(r.s, 2, &why), OBJ_NOT_JUDGED);
    CHECK(why != NULL);
    if (why)
        CHECK_HAS(why, "s.lua:15: no meter 'nope'");
    CHECK_INT(sim_objective(r.s, 3, NULL), OBJ_NOT_JUDGED); /* out of range */
    CHECK_STR(sim_obj_result_name(OBJ_NOT_MET), "not met");
    /* the end is judged once: nothing later asks again */
    CHECK_INT(sim_advance(r.s, 20 * 3600, &e), BH_OK);
    CHECK_INT(session_finish(r.s, &e), BH_OK);
    CHECK_INT(r.c.calls, 3);
    char *t = check_transcript(r.s, "s.lua");
    CHECK_HAS(t, "\nObjectives:\n  met         fixed: Fix it early\n"
                 "  met         calm: Never hold\n  not judged  broken: Fails\n"
                 "              error: ");
    CHECK_HAS(t, "s.lua:15: no meter 'nope'\n");
    free(t);
    stop(&r);
}

/* Played badly, ended by an ending's condition: both objectives not met. */
static void test_not_met_by_an_ending(void)
{
    run r;
    if (start(&r, HEAD BODY) != 0)
        return;
    bh_err e;
    input(&r, IN_START, "hold", 0);
    CHECK_INT(sim_advance(r.s, 3 * 3600, &e), BH_OK);
    CHECK(sim_ended(r.s));
    CHECK_INT(sim_ending(r.s), defs_ending(r.d, "held"));
    CHECK_INT(r.c.calls, 3);
    CHECK_INT(sim_objective(r.s, 0, NULL), OBJ_NOT_MET);
    CHECK_INT(sim_objective(r.s, 1, NULL), OBJ_NOT_MET);
    stop(&r);
}

/* The facilitator's `end` is an end too; a session not finished is never judged. */
static void test_facilitator_end_and_unfinished(void)
{
    run r;
    if (start(&r, HEAD BODY) != 0)
        return;
    input(&r, IN_START, "fix", 0);
    input(&r, IN_END, NULL, 2 * 3600);
    CHECK(sim_ended(r.s));
    CHECK_INT(sim_ending(r.s), defs_ending_facilitator(r.d));
    CHECK_INT(r.c.calls, 3);
    CHECK_INT(sim_objective(r.s, 0, NULL), OBJ_MET);
    stop(&r);
    if (start(&r, HEAD BODY) != 0)
        return;
    bh_err e;
    CHECK_INT(sim_advance(r.s, 9 * 3600, &e), BH_OK);
    CHECK(!sim_ended(r.s));
    CHECK_INT(r.c.calls, 0);
    CHECK_INT(sim_objective(r.s, 1, NULL), OBJ_NOT_JUDGED);
    char *t = check_transcript(r.s, "s.lua");
    CHECK_HAS(t, "  not judged  calm: Never hold\n");
    free(t);
    /* the report says so: met is null, with no error */
    rp_meta meta = {"s.lua", NULL, NULL};
    json_t *rep = rp_build(r.s, &meta);
    const json_t *obj = json_object_get(rep, "objectives");
    CHECK_INT(json_array_size(obj), 3);
    for (size_t i = 0; i < json_array_size(obj); i++) {
        CHECK(json_is_null(json_object_get(json_array_get(obj, i), "met")));
        CHECK(json_object_get(json_array_get(obj, i), "error") == NULL);
    }
    char *md = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&md, &len);
    rp_write_md(f, rep);
    fclose(f);
    CHECK_HAS(md, "The session has not ended, so its objectives are not judged yet.");
    CHECK_HAS(md, "| Never hold | **Not judged** |\n");
    free(md);
    json_decref(rep);
    stop(&r);
}

/* `met` may not change the world or draw a random number; the error is
 * the objective's, and the world is as it was. */
static void test_met_is_read_only(void)
{
    run r;
    if (start(&r, HEAD "meter { id = 'm', label = 'M', start = 5 }\n"
                       "objective { id = 'w', text = 'W',\n"
                       "  met = function(w) w.meter.m = 9; return true end }\n"
                       "objective { id = 'r', text = 'R',\n"
                       "  met = function(w) return w.random(2) == 1 end }\n") != 0)
        return;
    bh_err e;
    const char *why;
    CHECK_INT(session_finish(r.s, &e), BH_OK);
    CHECK_INT(sim_objective(r.s, 0, &why), OBJ_NOT_JUDGED);
    if (why)
        CHECK_HAS(why, "s.lua:6: cannot change a meter inside a condition");
    CHECK_INT(sim_objective(r.s, 1, &why), OBJ_NOT_JUDGED);
    if (why)
        CHECK_HAS(why, "w.random inside a condition");
    CHECK(sim_meter(r.s, 0) == 5);
    stop(&r);
}

/* A journal of a session replays into the same judgement. */
static void test_replay_judges_the_same(void)
{
    run r;
    if (start(&r, HEAD BODY) != 0)
        return;
    char path[512];
    snprintf(path, sizeof path, "%s/s.journal", tmpdir);
    bh_journal j;
    bh_err e;
    CHECK_INT(journal_create(&j, path, "s.lua", 3, &e), BH_OK);
    bh_input in = {.time = 0, .kind = IN_START, .a = defs_action(r.d, "fix")};
    CHECK_INT(session_input(r.s, &j, &in, &e), BH_OK);
    CHECK_INT(session_finish(r.s, &e), BH_OK);
    journal_close(&j);
    char *want = check_transcript(r.s, "s.lua");
    stop(&r);

    if (start(&r, HEAD BODY) != 0) {
        free(want);
        return;
    }
    CHECK_INT(check_replay_file(r.s, path), BH_OK);
    CHECK_INT(session_finish(r.s, &e), BH_OK);
    char *got = check_transcript(r.s, "s.lua");
    CHECK_STR(got, want);
    CHECK_HAS(got, "  met         fixed: Fix it early\n");
    CHECK_INT(sim_objective(r.s, 0, NULL), OBJ_MET);
    free(got);
    free(want);
    stop(&r);
}

int main(int argc, char **argv)
{
    static const check_case cases[] = {
        {"declarations_load", test_declarations_load},
        {"declaration_errors", test_declaration_errors},
        {"judged_once_at_the_end", test_judged_once_at_the_end},
        {"not_met_by_an_ending", test_not_met_by_an_ending},
        {"facilitator_end_and_unfinished", test_facilitator_end_and_unfinished},
        {"met_is_read_only", test_met_is_read_only},
        {"replay_judges_the_same", test_replay_judges_the_same},
        {NULL, NULL}};
    return check_main_in_tmpdir(argc, argv, cases, tmpdir, sizeof tmpdir, "objective");
}
