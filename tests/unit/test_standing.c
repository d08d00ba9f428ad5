/* test_standing: standing commitments (an action's `every`), through real Lua.
 *
 * Started once, a standing action holds its staff until cancelled; its
 * effect runs when `takes` has elapsed and then at each interval (or at
 * each of its times of the day), each run a completion counted by
 * w.done, logged and shown in the transcript. A cancel stops it, runs its
 * `cancel` hook and frees the staff; it can be started again. A journal
 * cut mid-commitment and replayed ends exactly as the uninterrupted
 * session, and a what-if branch with the same choice is the original. The carrier's daily update keeps its lesson: a kept promise
 * never draws the broken-promise note, a cancelled one does, and costs
 * trust. The room's model (projector, phones) says "standing" and when
 * it runs next, not a progress to a finish. Each refusal of a bad `every`
 * names its file:line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "check_session.h"
#include "core/journal.h"
#include "core/session.h"
#include "report/rp_whatif.h"
#include "room/rv_json.h"
#include "room/rv_model.h"
#include "script/lh_host.h"

#define H 3600

static char tmpdir[256];

/* T+0 is Sunday 22:00; the session lasts three days. */
#define HEAD                                                                                \
    "scenario { id = 't', title = 'T', start = '2020-09-27 22:00', length = '3d' }\n"       \
    "ending { id = 'timeout', title = 'Time', fallback = true }\n"                          \
    "team { id = 'comms', label = 'Comms', staff = 2 }\n"

/* Line 4 on. */
#define BODY                                                                                \
    "meter { id = 'm', label = 'M', start = 0, min = 0, max = 100 }\n"                      \
    "action { id = 'daily', kind = 'communicate', label = 'Daily', team = 'comms',\n"       \
    "         takes = '1h', every = '1d', source = 'fiction',\n"                            \
    "         start = function(w) w.flag.starts = (w.flag.starts or 0) + 1 end,\n"          \
    "         cancel = function(w) w.flag.cancels = (w.flag.cancels or 0) + 1 end,\n"       \
    "         effect = function(w) w.meter.m = w.meter.m + 1 end }\n"                       \
    "action { id = 'slots', kind = 'communicate', label = 'Slots', team = 'comms',\n"       \
    "         takes = '30m', every = { '09:00', '17:00' }, source = 'fiction',\n"           \
    "         effect = function(w) w.flag.last = w.time end }\n"

typedef struct run {
    lh_host *h;
    bh_sim *s;
    const bh_defs *d;
} run;

static int start(run *r)
{
    memset(r, 0, sizeof *r);
    char diag[4096];
    r->h = check_load_text(tmpdir, HEAD BODY, diag, sizeof diag);
    CHECK_STR(diag, "");
    if (!r->h)
        return -1;
    r->d = lh_defs(r->h);
    bh_err e;
    CHECK_INT(sim_create(&r->s, r->d, lh_hooks(r->h), 7, &e), BH_OK);
    return r->s ? 0 : -1;
}

static void stop(run *r)
{
    sim_destroy(r->s);
    lh_free(r->h);
}

static void to(run *r, bh_time t)
{
    bh_err e;
    CHECK_INT(sim_advance(r->s, t, &e), BH_OK);
}

/* An input at time t through the journal j (or none): its status. */
static bh_status input(run *r, bh_journal *j, bh_input_kind kind, const char *action, bh_time t)
{
    bh_err e;
    to(r, t);
    bh_input in = {.time = t, .kind = kind, .a = defs_action(r->d, action)};
    return session_input(r->s, j, &in, &e);
}

static bh_action_status status(run *r, const char *action)
{
    bh_action_status st;
    bh_err e;
    CHECK_INT(sim_action_status(r->s, defs_action(r->d, action), &st, &e), BH_OK);
    return st;
}

static double flag_num(run *r, const char *name)
{
    bh_value v = sim_flag(r->s, name);
    return v.type == VAL_NUM ? v.n : -1;
}

/* The times of action a's completions, in order; their count. */
static int done_times(run *r, const char *action, bh_time *out, int max)
{
    size_t n;
    const bh_log_entry *log = sim_log(r->s, &n);
    int a = defs_action(r->d, action), k = 0;
    for (size_t i = 0; i < n; i++)
        if (log[i].kind == LOG_DONE && log[i].a == a && k < max)
            out[k++] = log[i].time;
    return k;
}

static void test_runs_each_interval_holding_staff(void)
{
    run r;
    if (start(&r) != 0)
        return;
    int comms = defs_team(r.d, "comms"), m = defs_meter(r.d, "m");
    CHECK_INT(r.d->actions[defs_action(r.d, "daily")].every, 24 * H);
    CHECK_INT(input(&r, NULL, IN_START, "daily", 0), BH_OK);
    to(&r, 30 * 60);
    bh_action_status st = status(&r, "daily");
    CHECK_INT(st.state, ACT_RUNNING);
    CHECK_INT(st.standing, 1);
    CHECK_INT(st.ends, H); /* the first run, when `takes` has elapsed */
    CHECK_INT(sim_team_free(r.s, comms), 1);
    to(&r, 2 * H);
    CHECK_INT(sim_action_done(r.s, defs_action(r.d, "daily")), 1);
    CHECK(sim_meter(r.s, m) == 1);
    st = status(&r, "daily");
    CHECK_INT(st.state, ACT_RUNNING); /* still standing, still holding */
    CHECK_INT(st.ends, 25 * H);
    CHECK_INT(sim_team_free(r.s, comms), 1);
    /* starting it again while it stands is refused */
    CHECK_INT(input(&r, NULL, IN_START, "daily", 2 * H), BH_EINPUT);
    to(&r, 50 * H);
    bh_time t[8];
    CHECK_INT(done_times(&r, "daily", t, 8), 3);
    CHECK_INT(t[0], H);
    CHECK_INT(t[1], 25 * H);
    CHECK_INT(t[2], 49 * H);
    CHECK(sim_meter(r.s, m) == 3);
    CHECK_INT(sim_action_done(r.s, defs_action(r.d, "daily")), 3);
    CHECK_INT(sim_team_free(r.s, comms), 1);
    stop(&r);
}

static void test_cancel_frees_and_restarts(void)
{
    run r;
    if (start(&r) != 0)
        return;
    int comms = defs_team(r.d, "comms"), daily = defs_action(r.d, "daily");
    CHECK_INT(input(&r, NULL, IN_START, "daily", 0), BH_OK);
    CHECK_INT(input(&r, NULL, IN_CANCEL, "daily", 26 * H), BH_OK);
    CHECK_INT(sim_team_free(r.s, comms), 2);
    CHECK(flag_num(&r, "cancels") == 1);
    CHECK_INT(sim_action_done(r.s, daily), 2);
    bh_action_status st = status(&r, "daily");
    CHECK_INT(st.state, ACT_AVAILABLE); /* not "done": it may be made again */
    to(&r, 30 * H);
    CHECK_INT(sim_action_done(r.s, daily), 2); /* no run after the cancel */
    CHECK_INT(input(&r, NULL, IN_START, "daily", 30 * H), BH_OK);
    CHECK(flag_num(&r, "starts") == 2);
    to(&r, 60 * H);
    bh_time t[8];
    CHECK_INT(done_times(&r, "daily", t, 8), 4);
    CHECK_INT(t[2], 31 * H); /* the new commitment's own times */
    CHECK_INT(t[3], 55 * H);
    stop(&r);
}

static void test_times_of_the_day(void)
{
    run r;
    if (start(&r) != 0)
        return;
    const bh_action_def *x = &r.d->actions[defs_action(r.d, "slots")];
    CHECK_INT(x->ndaily, 2);
    char buf[80];
    CHECK_STR(defs_standing_text(x, buf, sizeof buf), "every day at 09:00 and 17:00");
    /* Sunday 22:00 + 30m: the first time is Monday 09:00 (T+11h) */
    CHECK_INT(input(&r, NULL, IN_START, "slots", 0), BH_OK);
    to(&r, 36 * H);
    bh_time t[8];
    CHECK_INT(done_times(&r, "slots", t, 8), 3);
    CHECK_INT(t[0], 11 * H);
    CHECK_INT(t[1], 19 * H);
    CHECK_INT(t[2], 35 * H);
    CHECK(flag_num(&r, "last") == 35 * H);
    /* started at 09:00 itself: `takes` first, so 17:00 comes first */
    CHECK_INT(input(&r, NULL, IN_CANCEL, "slots", 36 * H), BH_OK);
    CHECK_INT(input(&r, NULL, IN_START, "slots", 59 * H), BH_OK); /* Tuesday 09:00 */
    CHECK_INT(status(&r, "slots").ends, 67 * H);
    stop(&r);
}

static void test_transcript_says_standing(void)
{
    run r;
    if (start(&r) != 0)
        return;
    CHECK_INT(input(&r, NULL, IN_START, "slots", 0), BH_OK);
    CHECK_INT(input(&r, NULL, IN_START, "daily", H), BH_OK);
    to(&r, 20 * H);
    char *t = check_transcript(r.s, "s.lua");
    CHECK_HAS(t, "START     slots: Slots (Comms, 1 staff, 30m, standing every day at 09:00 "
                 "and 17:00 until cancelled)\n");
    CHECK_HAS(t, "START     daily: Daily (Comms, 1 staff, 1h, standing every 1d until "
                 "cancelled)\n");
    CHECK_HAS(t, "DONE      slots: Slots\n");
    free(t);
    stop(&r);
}

/* A journal cut mid-commitment, replayed and carried on, ends as the
 * session that was never interrupted. */
static void test_resume_replays_exactly(void)
{
    char path[512];
    snprintf(path, sizeof path, "%s/s.journal", tmpdir);
    bh_err e;
    run a;
    if (start(&a) != 0)
        return;
    CHECK_INT(input(&a, NULL, IN_START, "daily", 0), BH_OK);
    CHECK_INT(input(&a, NULL, IN_START, "slots", 2 * H), BH_OK);
    CHECK_INT(input(&a, NULL, IN_CANCEL, "daily", 30 * H), BH_OK);
    CHECK_INT(input(&a, NULL, IN_START, "daily", 40 * H), BH_OK);
    CHECK_INT(session_finish(a.s, &e), BH_OK);
    char *want = check_transcript(a.s, "s.lua");
    stop(&a);

    run b; /* the first half, journaled, then dropped mid-commitment */
    if (start(&b) != 0) {
        free(want);
        return;
    }
    bh_journal j;
    CHECK_INT(journal_create(&j, path, "s.lua", 7, &e), BH_OK);
    CHECK_INT(input(&b, &j, IN_START, "daily", 0), BH_OK);
    CHECK_INT(input(&b, &j, IN_START, "slots", 2 * H), BH_OK);
    to(&b, 20 * H);
    journal_close(&j);
    stop(&b);

    run c; /* resumed from the journal */
    if (start(&c) != 0) {
        free(want);
        return;
    }
    CHECK_INT(check_replay_file(c.s, path), BH_OK);
    CHECK_INT(input(&c, NULL, IN_CANCEL, "daily", 30 * H), BH_OK);
    CHECK_INT(input(&c, NULL, IN_START, "daily", 40 * H), BH_OK);
    CHECK_INT(session_finish(c.s, &e), BH_OK);
    char *got = check_transcript(c.s, "s.lua");
    CHECK_STR(got, want);
    CHECK_HAS(got, "CANCEL    daily: Daily\n");
    free(got);
    free(want);
    stop(&c);
}

/* The room sees a standing commitment as such: its rhythm and its next
 * run, no progress. */
static void test_room_model_says_standing(void)
{
    run r;
    if (start(&r) != 0)
        return;
    CHECK_INT(input(&r, NULL, IN_START, "daily", 0), BH_OK);
    to(&r, 2 * H);
    rv_source src = {.sim = r.s, .speed = 1, .started = 1};
    rv_show show = {0};
    rv_model m;
    bh_err e;
    CHECK_INT(rv_build(&m, &src, &show, &e), BH_OK);
    CHECK_INT(m.nrunning, 1);
    if (m.nrunning == 1) {
        CHECK_STR(m.running[0].standing, "every 1d");
        CHECK(m.running[0].done == 0);
        CHECK_INT(m.running[0].left, 23 * H); /* to its next run at T+25h */
    }
    char *json = rv_json_text(&m, NULL);
    CHECK_HAS(json, "\"standing\":\"every 1d\"");
    free(json);
    rv_free(&m);
    stop(&r);
}

/* The carrier's daily update, promised at 1h05 (Sunday 23:05): one
 * decision, then an update at 18:00 each day. Kept, it never draws the
 * broken-promise note; cancelled on Monday night, Tuesday's 22:00 check
 * costs trust and says so. `cancel_at` 0 keeps it. */
static void carrier_promise(bh_time cancel_at, int *done, double *trust, int *broken)
{
    check_run r;
    *done = -1;
    *broken = -1;
    if (check_run_start(&r, "scenarios/carrier_ransomware.lua", 1) != 0) {
        CHECK(0);
        return;
    }
    bh_err e;
    struct { bh_time t; bh_input_kind k; const char *id, *opt; } in[] = {
        {2 * 60, IN_START, "cut_external", NULL},
        {H + 5 * 60, IN_CHOOSE, "first_statement", "cyberattack"},
        {H + 5 * 60, IN_START, "announce_schedule", NULL},
        {cancel_at, IN_CANCEL, "announce_schedule", NULL}};
    for (size_t i = 0; i < sizeof in / sizeof in[0]; i++) {
        if (in[i].k == IN_CANCEL && !cancel_at)
            break;
        CHECK_INT(sim_advance(r.s, in[i].t, &e), BH_OK);
        int a = in[i].k == IN_CHOOSE ? defs_decision(r.d, in[i].id) : defs_action(r.d, in[i].id);
        int b = in[i].opt ? defs_option(&r.d->decisions[a], in[i].opt) : 0;
        bh_input x = {.time = in[i].t, .kind = in[i].k, .a = a, .b = b};
        CHECK_INT(session_input(r.s, NULL, &x, &e), BH_OK);
    }
    CHECK_INT(sim_advance(r.s, 3 * 24 * H + H, &e), BH_OK); /* Wednesday 23:00 */
    *done = sim_action_done(r.s, defs_action(r.d, "announce_schedule"));
    *trust = sim_meter(r.s, defs_meter(r.d, "trust"));
    size_t n;
    const bh_log_entry *log = sim_log(r.s, &n);
    *broken = 0;
    for (size_t i = 0; i < n; i++)
        *broken += log[i].kind == LOG_NOTE && log[i].text &&
                   strstr(log[i].text, "the promised daily update did not come") != NULL;
    check_run_stop(&r);
}

static void test_carrier_promise_kept_and_broken(void)
{
    int done_kept, done_broken, notes_kept, notes_broken;
    double trust_kept, trust_broken;
    carrier_promise(0, &done_kept, &trust_kept, &notes_kept);
    carrier_promise(24 * H + H, &done_broken, &trust_broken, &notes_broken);
    CHECK_INT(done_kept, 3);   /* Monday, Tuesday and Wednesday at 18:00 */
    CHECK_INT(done_broken, 1); /* Monday's only */
    CHECK_INT(notes_kept, 0);
    CHECK_INT(notes_broken, 2); /* Tuesday and Wednesday at 22:00 */
    CHECK(trust_kept > trust_broken);
}

/* What-if replays a standing commitment exactly: the carrier's expert
 * plan (the daily update standing for 14 days) branched at its first
 * statement with the same choice is the original session. */
static void test_whatif_replays_standing(void)
{
    const char *scn = "scenarios/carrier_ransomware.lua",
               *path = "tests/plans/carrier_ransomware_expert.plan";
    bh_plan p = {0};
    bh_err e;
    CHECK_INT(journal_read(path, &p, &e), BH_OK);
    check_run r;
    char *want = NULL;
    if (check_run_start(&r, scn, p.has_seed ? p.seed : 1) == 0) {
        bh_replay_result res;
        CHECK_INT(session_replay(r.s, NULL, &p, &res, &e), BH_OK);
        CHECK_INT(session_finish(r.s, &e), BH_OK);
        CHECK_INT(sim_action_done(r.s, defs_action(r.d, "announce_schedule")), 14);
        want = check_transcript(r.s, scn);
    }
    check_run_stop(&r);
    rp_branch b;
    CHECK_INT(rp_whatif(scn, &p, "first_statement", "cyberattack", 1, &b, &e), BH_OK);
    if (b.sim) {
        char *got = check_transcript(b.sim, scn);
        CHECK_STR(got, want);
        CHECK_INT(b.refused, 0);
        free(got);
    }
    rp_branch_free(&b);
    journal_plan_free(&p);
    free(want);
}

/* Each bad `every` alone, at line 4: `want` among the errors. */
static void expect_error(const char *fields, const char *want)
{
    char src[2048];
    snprintf(src, sizeof src,
             "%saction { id = 'a', kind = 'contain', label = 'A', team = 'comms', "
             "takes = '1h', source = 'fiction', %s }\n",
             HEAD, fields);
    check_load_fails(tmpdir, src, 4, want);
}

static void test_check_refuses_bad_every(void)
{
    char src[1024], diag[1024];
    snprintf(src, sizeof src, "%saction { id = 'a', kind = 'contain', label = 'A', "
             "team = 'comms', takes = '1h', source = 'fiction', every = '1d' }\n", HEAD);
    lh_host *h = check_load_text(tmpdir, src, diag, sizeof diag);
    CHECK_HAS(diag, "4:warning:action 'a' is a standing commitment ('every') with no 'effect'");
    CHECK(h != NULL); /* a warning only */
    lh_free(h);

    expect_error("every = '5m'", "action 'a': every = \"5m\" must be from 10m to the scenario's "
                                 "length (3d)");
    expect_error("every = '4d'", "action 'a': every = \"4d\" must be from 10m");
    expect_error("every = 'soon'", "action 'a': field 'every': \"soon\" is not a duration");
    expect_error("every = true", "action 'a': field 'every' must be a duration string or a "
                                 "number of seconds, not a boolean");
    expect_error("every = '0s'", "action 'a': field 'every' must be longer than 0");
    expect_error("every = '1d', repeatable = true",
                 "action 'a': a standing commitment ('every') runs until cancelled");
    expect_error("every = { '25:00' }",
                 "action 'a': field 'every': item 1 is not a time of the day like \"18:00\"");
    expect_error("every = { 9 }", "item 1 is not a time of the day");
    expect_error("every = {}", "action 'a': field 'every' lists 0 times of the day");
    expect_error("every = { '17:00', '09:00' }",
                 "action 'a': field 'every': times of the day must be in order, each once");
}

int main(int argc, char **argv)
{
    static const check_case cases[] = {
        {"runs_each_interval_holding_staff", test_runs_each_interval_holding_staff},
        {"cancel_frees_and_restarts", test_cancel_frees_and_restarts},
        {"times_of_the_day", test_times_of_the_day},
        {"transcript_says_standing", test_transcript_says_standing},
        {"resume_replays_exactly", test_resume_replays_exactly},
        {"room_model_says_standing", test_room_model_says_standing},
        {"check_refuses_bad_every", test_check_refuses_bad_every},
        {"carrier_promise_kept_and_broken", test_carrier_promise_kept_and_broken},
        {"whatif_replays_standing", test_whatif_replays_standing},
        {NULL, NULL}};
    return check_main_in_tmpdir(argc, argv, cases, tmpdir, sizeof tmpdir, "standing");
}
