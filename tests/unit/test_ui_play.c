/* test_ui_play: the game's controller, without a display.
 *
 * Real time becomes simulated time at the scenario's rate and the chosen
 * speed; inputs are journaled before they act and refusals leave no trace;
 * a session killed at any moment resumes where its clock was; "Continue"
 * finds exactly the sessions that have not ended. The scenario list has
 * its own test, test_ui_catalogue. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "core/text.h"
#include "ui/play.h"

#define SCENARIO "scenarios/tutorial.lua"

static char tmpdir[256];

/* ---- helpers ---- */

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return;
    fputs(text, f);
    fclose(f);
}

/* A fresh data folder for one test (kept under tmpdir, removed at exit). */
static void fresh_dir(char *out, size_t n, const char *name)
{
    snprintf(out, n, "%s/%s", tmpdir, name);
    mkdir(out, 0755);
}

static int exists(const char *path)
{
    return access(path, F_OK) == 0;
}

static bh_status start(play *p, const char *scenario, const char *data, uint64_t seed)
{
    lh_diags d = {0};
    bh_err e;
    bh_status st = play_start(p, scenario, data, seed, &d, &e);
    if (st != BH_OK) {
        char buf[2048];
        fprintf(stderr, "play_start: %s\n", err_format(&e, buf, sizeof buf));
    }
    lh_diags_free(&d);
    return st;
}

static bh_status resume(play *p, const char *journal, const char *data, bh_err *e)
{
    lh_diags d = {0};
    bh_status st = play_resume(p, journal, data, &d, e);
    lh_diags_free(&d);
    return st;
}

static bh_status act(play *p, bh_input_kind kind, const char *a, const char *b, bh_err *e)
{
    const bh_defs *d = sim_defs(p->sim);
    bh_input in = {.kind = kind, .a = -1};
    if (kind == IN_START || kind == IN_CANCEL)
        in.a = defs_action(d, a);
    if (kind == IN_CHOOSE) {
        in.a = defs_decision(d, a);
        in.b = in.a >= 0 ? defs_option(&d->decisions[in.a], b) : -1;
    }
    if (kind == IN_NOTE)
        in.text = a;
    in.time = -12345; /* play_input must stamp it */
    bh_status st = play_input(p, &in, e);
    if (st == BH_OK && in.time != sim_now(p->sim))
        return BH_EUSAGE;
    return st;
}

static void tick_n(play *p, int n, double real)
{
    bh_err e;
    for (int i = 0; i < n; i++)
        play_tick(p, real, &e);
}

static long long clock_file(const play *p)
{
    char path[PLAY_PATH_MAX + 8];
    snprintf(path, sizeof path, "%s.clock", p->journal_path);
    char *t = check_slurp(path);
    long long v = t ? atoll(t) : -1;
    free(t);
    return v;
}

static char *last_of(const char *data)
{
    char path[512];
    snprintf(path, sizeof path, "%s/last", data);
    return check_slurp(path);
}

/* ---- tests ---- */

static void test_start_creates_journal_and_last(void)
{
    char data[300], jdir[400], want[PLAY_PATH_MAX + 2];
    fresh_dir(data, sizeof data, "start/deeper"); /* "start" is missing: mkdir -p */
    play p, q, zero;
    memset(&zero, 0, sizeof zero);
    play_close(&zero); /* safe on a zeroed play */
    if (start(&p, SCENARIO, data, 7) != BH_OK) {
        CHECK(0);
        return;
    }
    snprintf(jdir, sizeof jdir, "%s/journals/", data);
    char *real = realpath(jdir, NULL);
    CHECK(real != NULL);
    CHECK(real && strncmp(p.journal_path, real, strlen(real)) == 0);
    free(real);
    const char *base = strrchr(p.journal_path, '/');
    CHECK(base && strncmp(base, "/tutorial-", 10) == 0);
    /* tutorial-YYYYMMDD-HHMMSS.journal */
    CHECK(base && strlen(base) >= 33 && strspn(base + 10, "0123456789") == 8 && base[18] == '-' &&
          strspn(base + 19, "0123456789") == 6);
    CHECK(base && strcmp(p.journal_path + strlen(p.journal_path) - 8, ".journal") == 0);
    CHECK(exists(p.journal_path));
    char *last = last_of(data);
    snprintf(want, sizeof want, "%s\n", p.journal_path);
    CHECK_STR(last, want);
    free(last);

    bh_plan plan;
    bh_err e;
    CHECK_INT(journal_read(p.journal_path, &plan, &e), BH_OK);
    CHECK(plan.has_seed && plan.seed == 7);
    /* named from the journal's folder: it opens from anywhere */
    char found[1024];
    int fallback = 1;
    CHECK_INT(journal_scenario_path(&plan, p.journal_path, found, sizeof found, &fallback), 0);
    CHECK(!fallback && journal_same_file(found, SCENARIO));
    CHECK_INT(plan.n, 0);
    journal_plan_free(&plan);

    CHECK_INT(p.speed, 1);
    CHECK_INT(p.seed, 7);
    CHECK_STR(p.scenario, SCENARIO);
    CHECK_INT(sim_now(p.sim), 0);
    size_t n;
    sim_inbox(p.sim, &n);
    CHECK(n >= 2); /* T+0 messages are delivered before the clock runs */

    /* A second session in the same second gets its own journal. */
    if (start(&q, SCENARIO, data, 7) == BH_OK) {
        CHECK(strcmp(q.journal_path, p.journal_path) != 0);
        if (strncmp(q.journal_path, p.journal_path, strlen(p.journal_path) - 8) == 0)
            CHECK_STR(q.journal_path + strlen(p.journal_path) - 8, "-2.journal");
        last = last_of(data);
        snprintf(want, sizeof want, "%s\n", q.journal_path);
        CHECK_STR(last, want);
        free(last);
        play_close(&q);
    } else {
        CHECK(0);
    }
    play_close(&p);
    play_close(&p); /* safe on a closed play */
    CHECK(p.sim == NULL && p.host == NULL);
}

static void test_tick_feeds_the_clock(void)
{
    char data[300];
    fresh_dir(data, sizeof data, "tick");
    play p;
    if (start(&p, SCENARIO, data, 1) != BH_OK) {
        CHECK(0);
        return;
    }
    CHECK(sim_defs(p.sim)->scenario.rate == 60);
    tick_n(&p, 5, 1.0);
    CHECK_INT(sim_now(p.sim), 300);
    CHECK_INT(clock_file(&p), 300); /* rewritten once a real second */
    CHECK_INT(p.clock_saved, 300);

    play_set_speed(&p, 0);
    tick_n(&p, 3, 1.0);
    CHECK_INT(sim_now(p.sim), 300);
    CHECK(play_real_seconds_until(&p, 420) == -1);

    play_set_speed(&p, 8);
    tick_n(&p, 1, 0.5);
    CHECK_INT(sim_now(p.sim), 300 + 240);

    play_set_speed(&p, 1);
    tick_n(&p, 100, 1.0 / 600); /* 0.1 simulated s each: the carry adds up */
    CHECK_INT(sim_now(p.sim), 550);
    tick_n(&p, 5, 1.0 / 600);
    CHECK_INT(sim_now(p.sim), 550); /* half a second owed, not yet whole */
    tick_n(&p, 5, 1.0 / 600);
    CHECK_INT(sim_now(p.sim), 551);

    bh_err e;
    CHECK_INT(play_tick(&p, 3600, &e), BH_OK); /* a stalled frame counts as 1 s */
    CHECK_INT(sim_now(p.sim), 611);
    tick_n(&p, 1, -5); /* nonsense durations feed nothing */
    CHECK_INT(sim_now(p.sim), 611);

    play_set_speed(&p, 2);
    play_set_speed(&p, 3); /* not a speed: ignored */
    CHECK_INT(p.speed, 2);
    CHECK(play_real_seconds_until(&p, 611 + 120) == 1.0);
    CHECK(play_real_seconds_until(&p, 611 + 12) == 0.1);
    tick_n(&p, 1, 0.25);
    CHECK_INT(sim_now(p.sim), 641);
    play_close(&p);
    CHECK_INT(clock_file(&p), 641); /* closing saves the clock */
}

static void test_skip_lands_on_the_next_event(void)
{
    char data[300];
    fresh_dir(data, sizeof data, "skip");
    play p;
    if (start(&p, SCENARIO, data, 1) != BH_OK) {
        CHECK(0);
        return;
    }
    play_set_speed(&p, 0); /* skipping does not need the clock running */
    bh_err e;
    for (int i = 0; i < 4; i++) {
        bh_time now = sim_now(p.sim), next = sim_next_event(p.sim);
        CHECK(next > now);
        CHECK_INT(play_skip(&p, &e), BH_OK);
        CHECK_INT(sim_now(p.sim), next);
        CHECK_INT(clock_file(&p), next);
    }
    play_close(&p);
}

static void test_inputs_are_journaled_refusals_are_not(void)
{
    char data[300];
    fresh_dir(data, sizeof data, "input");
    play p;
    bh_err e;
    if (start(&p, SCENARIO, data, 1) != BH_OK) {
        CHECK(0);
        return;
    }
    CHECK_INT(act(&p, IN_START, "report_police", NULL, &e), BH_OK);
    char *j = check_slurp(p.journal_path);
    CHECK_HAS(j, "\n0s start report_police\n");
    free(j);
    CHECK(sim_action_running(p.sim, defs_action(sim_defs(p.sim), "report_police")));

    char *before = check_slurp(p.journal_path);
    size_t nlog;
    sim_log(p.sim, &nlog);
    CHECK_INT(act(&p, IN_START, "report_police", NULL, &e), BH_EINPUT);
    CHECK_HAS(e.msg, "already running");
    /* the GDPR notice is possible from the start, but the duty manager is busy */
    CHECK_INT(act(&p, IN_START, "gdpr_notify", NULL, &e), BH_EINPUT);
    CHECK_HAS(e.msg, "needs 1 of You (duty manager); 0 free");
    /* IT has three people: two isolate, one cuts the edge, none is left. */
    CHECK_INT(act(&p, IN_START, "isolate_switch", NULL, &e), BH_OK);
    CHECK_INT(act(&p, IN_START, "cut_external", NULL, &e), BH_OK);
    free(before);
    before = check_slurp(p.journal_path);
    CHECK_INT(act(&p, IN_START, "capture_memory", NULL, &e), BH_EINPUT);
    CHECK_HAS(e.msg, "0 free");
    CHECK_INT(act(&p, IN_CHOOSE, "ransom", "refuse", &e), BH_EINPUT); /* not open yet */
    char *after = check_slurp(p.journal_path);
    CHECK(before && after && strcmp(before, after) == 0);
    free(after);
    size_t nlog2;
    sim_log(p.sim, &nlog2);
    CHECK(nlog2 > nlog); /* the two starts were logged... */
    CHECK_INT(p.failed, 0); /* ...and no refusal stopped the session */

    play_set_speed(&p, 8);
    tick_n(&p, 3, 1.0); /* 24 simulated minutes: the ransom decision is open */
    CHECK_INT(sim_now(p.sim), 1440);
    CHECK_INT(act(&p, IN_CHOOSE, "ransom", "refuse", &e), BH_OK);
    CHECK_INT(act(&p, IN_NOTE, "Ask the room about power-down", NULL, &e), BH_OK);
    after = check_slurp(p.journal_path);
    CHECK_HAS(after, "\n24m choose ransom refuse\n24m note Ask the room about power-down\n");
    free(after);
    free(before);
    play_close(&p);
}

typedef struct snapshot {
    bh_time now;
    double meters[32];
    size_t nmeters, nlog, ninbox;
} snapshot;

static void snap(const play *p, snapshot *s)
{
    memset(s, 0, sizeof *s);
    s->now = sim_now(p->sim);
    s->nmeters = sim_defs(p->sim)->nmeters;
    for (size_t i = 0; i < s->nmeters && i < 32; i++)
        s->meters[i] = sim_meter(p->sim, (int)i);
    sim_log(p->sim, &s->nlog);
    sim_inbox(p->sim, &s->ninbox);
}

static void test_kill_and_resume(void)
{
    char data[300], journal[PLAY_PATH_MAX], found[PLAY_PATH_MAX];
    fresh_dir(data, sizeof data, "resume");
    play p;
    bh_err e;
    CHECK_INT(play_find_unfinished(data, found, sizeof found), 0); /* no last yet */
    if (start(&p, SCENARIO, data, 5) != BH_OK) {
        CHECK(0);
        return;
    }
    act(&p, IN_START, "isolate_switch", NULL, &e);
    act(&p, IN_START, "cut_external", NULL, &e);
    play_set_speed(&p, 8);
    tick_n(&p, 10, 0.5); /* 40m */
    CHECK_INT(act(&p, IN_CHOOSE, "ransom", "refuse", &e), BH_OK);
    bh_time last_input = sim_now(p.sim);
    play_set_speed(&p, 4);
    tick_n(&p, 3, 0.7); /* and 504 s more that no input marks */
    CHECK_INT(play_save_clock(&p, &e), BH_OK);
    snapshot before, after;
    snap(&p, &before);
    CHECK(before.now > last_input);
    snprintf(journal, sizeof journal, "%s", p.journal_path);
    play_close(&p); /* the crash: nothing ended */

    CHECK_INT(play_find_unfinished(data, found, sizeof found), 1);
    CHECK_STR(found, journal);
    CHECK_INT(play_find_unfinished(data, found, 8), 0); /* no room for the path */

    play q;
    if (resume(&q, journal, data, &e) != BH_OK) {
        CHECK(0);
        return;
    }
    snap(&q, &after);
    CHECK_INT(after.now, before.now);
    CHECK_INT(after.nmeters, before.nmeters);
    CHECK(after.nmeters > 0);
    for (size_t i = 0; i < before.nmeters && i < 32; i++)
        CHECK(after.meters[i] == before.meters[i]);
    CHECK_INT(after.nlog, before.nlog);
    CHECK_INT(after.ninbox, before.ninbox);
    CHECK_INT(q.speed, 0); /* resumed sessions come back paused */
    CHECK_INT(q.seed, 5);
    CHECK_STR(q.journal_path, journal);
    tick_n(&q, 5, 1.0);
    CHECK_INT(sim_now(q.sim), before.now);

    /* Inputs after resuming go on in the same journal. */
    CHECK_INT(act(&q, IN_NOTE, "after the crash", NULL, &e), BH_OK);
    char *j = check_slurp(journal);
    CHECK_HAS(j, "note after the crash\n");
    free(j);

    /* Drive it to its ending: "Continue" must then forget it. */
    int guard = 0;
    while (!sim_ended(q.sim) && guard++ < 100000)
        play_skip(&q, &e);
    CHECK(sim_ended(q.sim));
    CHECK_INT(q.failed, 0);
    char last[400];
    snprintf(last, sizeof last, "%s/last", data);
    CHECK(!exists(last));
    CHECK(exists(journal)); /* the debrief reads it */
    bh_time end = sim_now(q.sim);
    play_set_speed(&q, 8);
    CHECK_INT(play_tick(&q, 1.0, &e), BH_OK); /* an ended session stays put */
    CHECK_INT(sim_now(q.sim), end);
    play_close(&q);
    CHECK_INT(play_find_unfinished(data, found, sizeof found), 0);
}

static void test_resume_clock_file(void)
{
    char data[300], journal[PLAY_PATH_MAX], clock[PLAY_PATH_MAX + 8], found[PLAY_PATH_MAX];
    fresh_dir(data, sizeof data, "clock");
    play p, q;
    bh_err e;
    if (start(&p, SCENARIO, data, 1) != BH_OK) {
        CHECK(0);
        return;
    }
    tick_n(&p, 2, 1.0);
    act(&p, IN_START, "report_police", NULL, &e); /* at 2m */
    tick_n(&p, 3, 1.0);
    CHECK_INT(sim_now(p.sim), 300);
    snprintf(journal, sizeof journal, "%s", p.journal_path);
    play_close(&p);
    snprintf(clock, sizeof clock, "%s.clock", journal);

    /* A malformed clock is ignored: the journal is the truth. */
    write_file(clock, "12abc\n");
    CHECK_INT(resume(&q, journal, data, &e), BH_OK);
    CHECK_INT(sim_now(q.sim), 120);
    CHECK_INT(q.failed, 0);
    play_close(&q); /* and is rewritten on close */
    CHECK_INT(clock_file(&q), 120);

    /* A clock past the scenario's length ends the session on resume. */
    write_file(clock, "99999999\n");
    CHECK_INT(play_find_unfinished(data, found, sizeof found), 0);
    CHECK_INT(resume(&q, journal, data, &e), BH_OK);
    CHECK(sim_ended(q.sim));
    CHECK(sim_now(q.sim) > 300 && sim_now(q.sim) <= 36000); /* idle: it ends early */
    play_close(&q);
    char last[400];
    snprintf(last, sizeof last, "%s/last", data);
    CHECK(!exists(last));
}

/* Continue finds the scenario from the journal's own folder, whatever
 * the current folder; an old journal's path from the current folder still
 * works (the CLI warns about it); a scenario that is gone is named. */
static void test_resume_scenario_paths(void)
{
    char data[300], path[400], text[PLAY_PATH_MAX + 64], ref[PLAY_PATH_MAX];
    fresh_dir(data, sizeof data, "paths");
    play p;
    bh_err e;
    /* a copy of the scenario in a folder beside the journal's */
    snprintf(text, sizeof text, "mkdir -p '%s/scn' '%s/j' && cp scenarios/tutorial.lua "
             "scenarios/tutorial_texts.lua '%s/scn/'", data, data, data);
    CHECK(system(text) == 0);
    snprintf(path, sizeof path, "%s/j/rel.journal", data);
    snprintf(text, sizeof text, "%s/scn/tutorial.lua", data);
    CHECK_INT(journal_scenario_ref(text, path, ref, sizeof ref), 0);
    CHECK_STR(ref, "../scn/tutorial.lua");
    snprintf(text, sizeof text, "scenario %s\nseed 1\n1m start report_police\n", ref);
    write_file(path, text);
    CHECK_INT(resume(&p, path, data, &e), BH_OK);
    snprintf(text, sizeof text, "%s/scn/tutorial.lua", data);
    CHECK(journal_same_file(p.scenario, text));
    play_close(&p);

    snprintf(path, sizeof path, "%s/old.journal", data);
    write_file(path, "scenario " SCENARIO "\nseed 1\n1m start report_police\n");
    CHECK_INT(resume(&p, path, data, &e), BH_OK);
    CHECK_STR(p.scenario, SCENARIO);
    play_close(&p);

    snprintf(path, sizeof path, "%s/gone.journal", data);
    write_file(path, "seed 1\nscenario gone.lua\n1m start report_police\n");
    char buf[2048];
    CHECK_INT(resume(&p, path, data, &e), BH_EIO);
    CHECK_INT(e.line, 2);
    CHECK_HAS(err_format(&e, buf, sizeof buf), "cannot open scenario '");
    CHECK_HAS(buf, "/gone.lua': No such file or directory");
    play_close(&p);
}

static void test_resume_errors(void)
{
    char data[300], path[400], buf[2048];
    fresh_dir(data, sizeof data, "bad");
    play p;
    bh_err e;

    snprintf(path, sizeof path, "%s/gone.journal", data);
    write_file(path, "scenario /nonexistent/gone_scenario.lua\nseed 3\n");
    CHECK(resume(&p, path, data, &e) != BH_OK);
    CHECK_HAS(err_format(&e, buf, sizeof buf), "gone_scenario.lua");
    CHECK(p.sim == NULL && p.host == NULL);
    play_close(&p);

    snprintf(path, sizeof path, "%s/noscenario.journal", data);
    write_file(path, "seed 3\n0s start report_police\n");
    CHECK(resume(&p, path, data, &e) != BH_OK);
    CHECK_HAS(err_format(&e, buf, sizeof buf), "noscenario.journal");
    CHECK_HAS(e.msg, "scenario");

    snprintf(path, sizeof path, "%s/badline.journal", data);
    char *abs_scenario = realpath(SCENARIO, NULL);
    snprintf(buf, sizeof buf, "scenario %s\nseed 1\n1m start report_police\n2m start nosuch\n",
             abs_scenario ? abs_scenario : SCENARIO);
    free(abs_scenario);
    write_file(path, buf);
    CHECK_INT(resume(&p, path, data, &e), BH_EJOURNAL);
    CHECK_STR(e.file, path);
    CHECK_INT(e.line, 4);

    snprintf(path, sizeof path, "%s/absent.journal", data);
    CHECK(resume(&p, path, data, &e) != BH_OK);
    CHECK_HAS(err_format(&e, buf, sizeof buf), "absent.journal");

    /* "last" naming a journal that is gone offers nothing. */
    snprintf(path, sizeof path, "%s/last", data);
    write_file(path, "/nonexistent/x.journal\n");
    CHECK_INT(play_find_unfinished(data, buf, sizeof buf), 0);

    lh_diags d = {0};
    CHECK(play_start(&p, "/nonexistent/gone_scenario.lua", data, 1, &d, &e) != BH_OK);
    CHECK(d.errors > 0);
    CHECK_HAS(err_format(&e, buf, sizeof buf), "gone_scenario.lua");
    lh_diags_free(&d);
    play_close(&p);
}

static const char *boom_lua =
    "scenario { id = \"boom\", title = \"Boom\", start = \"2020-01-01 00:00\", length = \"2h\", "
    "rate = 60 }\n"
    "inject { id = \"bang\", at = \"1m\", channel = \"internal\", from = \"x\", title = \"Bang\",\n"
    "         body = \"b\", source = \"fiction\", effect = function(w) error(\"kaboom\") end }\n"
    "ending { id = \"done\", title = \"Done\", text = \"Over.\", fallback = true, tone = "
    "\"mixed\" }\n"
    "team { id = \"t\", label = \"T\", staff = 1 }\n"
    "action { id = \"shaky\", kind = \"contain\", label = \"Shaky\", team = \"t\",\n"
    "         staff = 1, takes = \"5m\",\n"
    "         source = \"fiction\", available = function(w) error(\"bad condition\") end }\n";

static void test_script_error_stops_the_session(void)
{
    char data[300], scen[400], found[PLAY_PATH_MAX], journal[PLAY_PATH_MAX];
    fresh_dir(data, sizeof data, "boom");
    snprintf(scen, sizeof scen, "%s/boom.lua", data);
    write_file(scen, boom_lua);
    play p;
    bh_err e;
    if (start(&p, scen, data, 1) != BH_OK) {
        CHECK(0);
        return;
    }
    tick_n(&p, 1, 0.5);
    CHECK_INT(p.failed, 0);
    /* An error in an availability condition refuses the input but, as the
     * core rules, does not stop the session: a replay would not see it. */
    char *before = check_slurp(p.journal_path);
    CHECK_INT(act(&p, IN_START, "shaky", NULL, &e), BH_ESCRIPT);
    CHECK_HAS(e.msg, "bad condition");
    CHECK_INT(e.line, 8);
    CHECK_INT(p.failed, 0);
    char *after = check_slurp(p.journal_path);
    CHECK(before && after && strcmp(before, after) == 0);
    free(before);
    free(after);
    CHECK_INT(play_tick(&p, 0.5, &e), BH_ESCRIPT);
    CHECK_INT(p.failed, 1);
    CHECK_HAS(e.msg, "kaboom");
    CHECK_HAS(p.error.msg, "kaboom");
    CHECK_HAS(p.error.file, "boom.lua");
    CHECK_INT(p.error.line, 3);
    bh_time t = sim_now(p.sim);
    CHECK_INT(play_tick(&p, 1.0, &e), BH_OK); /* stopped: nothing more happens */
    CHECK_INT(play_skip(&p, &e), BH_OK);
    CHECK_INT(sim_now(p.sim), t);
    CHECK_INT(act(&p, IN_NOTE, "still here?", NULL, &e), BH_ESCRIPT); /* refused: stopped */
    snprintf(journal, sizeof journal, "%s", p.journal_path);
    play_close(&p);
    CHECK_INT(play_find_unfinished(data, found, sizeof found), 0);
    /* Resuming replays up to the saved clock and stops at the same error. */
    CHECK_INT(resume(&p, journal, data, &e), BH_OK);
    CHECK_INT(p.failed, 1);
    CHECK_HAS(p.error.msg, "kaboom");
    play_close(&p);
}

/* A scenario small enough to edit in a test: the effect of `act` is what
 * each version changes. */
static const char *reload_lua(const char *effect)
{
    static char buf[2048];
    snprintf(buf, sizeof buf,
             "scenario { id = 'hot', title = 'Hot', start = '2020-01-01 09:00', length = '2h', "
             "rate = 60 }\n"
             "meter { id = 'm', label = 'Meter', start = 10 }\n"
             "team { id = 't', label = 'Team', staff = 1 }\n"
             "action { id = 'act', kind = 'contain', label = 'Act', team = 't', takes = '10m', "
             "source = 'fiction',\n"
             "         effect = function(w) %s end }\n"
             "ending { id = 'e', title = 'E', text = 'T', fallback = true }\n",
             effect);
    return buf;
}

/* Hot reload: the edit takes effect on the replayed journal and the clock
 * stays where it was; a broken edit, or one that removes what the journal
 * used, keeps the last good session running. */
static void test_hot_reload(void)
{
    char data[300], scen[400];
    fresh_dir(data, sizeof data, "hot");
    snprintf(scen, sizeof scen, "%s/hot.lua", data);
    write_file(scen, reload_lua("w.meter.m = 20"));
    play p;
    bh_err e;
    lh_diags d = {0};
    if (start(&p, scen, data, 1) != BH_OK) {
        CHECK(0);
        return;
    }
    CHECK_INT(play_files_changed(&p), 0);
    CHECK_INT(act(&p, IN_START, "act", NULL, &e), BH_OK);
    tick_n(&p, 30, 1.0); /* 30 real s at 1x, rate 60: T+30m */
    CHECK_INT(sim_now(p.sim), 1800);
    CHECK(sim_meter(p.sim, 0) == 20);
    /* edit: the action's effect now sets 55 */
    write_file(scen, reload_lua("w.meter.m = 55"));
    struct timespec ts[2] = {{0, UTIME_NOW}, {0, UTIME_NOW}};
    utimensat(AT_FDCWD, scen, ts, 0);
    CHECK_INT(play_files_changed(&p), 1);
    CHECK_INT(play_files_changed(&p), 0); /* reported once */
    CHECK_INT(play_reload(&p, &d, &e), BH_OK);
    lh_diags_free(&d);
    memset(&d, 0, sizeof d);
    CHECK_INT(sim_now(p.sim), 1800);
    CHECK(sim_meter(p.sim, 0) == 55);
    CHECK(sim_action_done(p.sim, 0) == 1);
    /* a broken edit: the last good session goes on */
    write_file(scen, "scenario { id = 'hot', title = \n");
    CHECK(play_reload(&p, &d, &e) != BH_OK);
    CHECK_HAS(e.file, "hot.lua");
    CHECK(e.line > 0);
    lh_diags_free(&d);
    memset(&d, 0, sizeof d);
    CHECK_INT(sim_now(p.sim), 1800);
    CHECK(sim_meter(p.sim, 0) == 55);
    /* an edit that removes the action the journal started: the journal
     * line that no longer applies is named */
    write_file(scen, "scenario { id = 'hot', title = 'Hot', start = '2020-01-01 09:00', "
                     "length = '2h' }\nending { id = 'e', title = 'E', text = 'T', "
                     "fallback = true }\n");
    CHECK_INT(play_reload(&p, &d, &e), BH_EJOURNAL);
    CHECK_HAS(e.file, ".journal");
    CHECK(e.line > 0);
    CHECK_HAS(e.msg, "act");
    lh_diags_free(&d);
    memset(&d, 0, sizeof d);
    CHECK(sim_meter(p.sim, 0) == 55);
    /* and play goes on in the last good session, journaling as before */
    tick_n(&p, 5, 1.0);
    CHECK_INT(sim_now(p.sim), 2100);
    /* a script error that stopped the session is cured by a fixed reload */
    write_file(scen, reload_lua("w.meter.m = 55 error('later')"));
    CHECK(play_reload(&p, &d, &e) != BH_OK); /* replaying the effect fails */
    lh_diags_free(&d);
    memset(&d, 0, sizeof d);
    write_file(scen, reload_lua("w.meter.m = 60"));
    CHECK_INT(play_reload(&p, &d, &e), BH_OK);
    lh_diags_free(&d);
    CHECK(sim_meter(p.sim, 0) == 60);
    CHECK_INT(sim_now(p.sim), 2100);
    play_close(&p);
}

int main(int argc, char **argv)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/bh-play-XXXXXX");
    if (!mkdtemp(tmpdir))
        return 1;
    static const check_case cases[] = {
        {"start_creates_journal_and_last", test_start_creates_journal_and_last},
        {"tick_feeds_the_clock", test_tick_feeds_the_clock},
        {"skip_lands_on_the_next_event", test_skip_lands_on_the_next_event},
        {"inputs_are_journaled_refusals_are_not", test_inputs_are_journaled_refusals_are_not},
        {"kill_and_resume", test_kill_and_resume},
        {"resume_clock_file", test_resume_clock_file},
        {"resume_errors", test_resume_errors},
        {"resume_scenario_paths", test_resume_scenario_paths},
        {"script_error_stops_the_session", test_script_error_stops_the_session},
        {"hot_reload", test_hot_reload},
        {NULL, NULL}};
    int rc = check_main(argc, argv, cases);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    if (system(cmd) != 0)
        rc = 1;
    return rc;
}
