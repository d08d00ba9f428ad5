/* test_ui_pacing: a workshop's clock in the play controller, without a
 * display and without real time: every tick says how many real seconds
 * passed, so the clock here is a fake one the test drives.
 *
 * A workshop starts paused; the clock stops at the very second a decision
 * opens (or, when asked, a message comes in), not where the rest of the
 * tick would have carried it; "jump to the next decision" lands on that
 * second; the agenda counts real minutes, pauses included, and projects
 * the finish. And against the bugs other tools have had with "trigger now"
 * and pauses (OpenAEV #1395 firing late after a pause, #1637 everything at
 * once after a long pause, #2798 duplicating during a pause): inputs made
 * while paused, a long wait, then resuming: nothing fires late or twice,
 * nothing is lost, and the pause is not made up for in one burst. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check.h"
#include "ui/play.h"

static char tmpdir[256], scenario[300];

/* rate 60: at 8x, one real second is 480 simulated seconds (8 minutes). */
static const char pace_lua[] =
    "scenario { id = 'pace', title = 'Pace', start = '2020-01-01 09:00', length = '4h', "
    "rate = 60 }\n"
    "meter { id = 'm', label = 'M', start = 50 }\n"
    "team { id = 't', label = 'T', staff = 2 }\n"
    "inject { id = 'hello', at = '0s', channel = 'internal', from = 'x', title = 'Hello', "
    "body = 'b', source = 'fiction' }\n"
    "inject { id = 'later', at = '10m', channel = 'internal', from = 'x', title = 'Later', "
    "body = 'b', source = 'fiction' }\n"
    "inject { id = 'third', at = '30m', channel = 'internal', from = 'x', title = 'Third', "
    "body = 'b', source = 'fiction' }\n"
    "local ab = { { id = 'a', label = 'A', text = 'a' }, { id = 'b', label = 'B', text = 'b' } }\n"
    "decision { id = 'd1', at = '20m', from = 'Boss', prompt = 'Which?', deadline = '30m',\n"
    "           default = 'a', options = { { id = 'a', label = 'A', text = 'a' },\n"
    "             { id = 'b', label = 'B', text = 'b', effect = function(w)\n"
    "                 w.meter.m = w.meter.m + 5; w.flag.urgent = true end } } }\n"
    "decision { id = 'd2', when = function(w) return w.flag.go end, from = 'Boss',\n"
    "           prompt = 'Now?', deadline = '1h', default = 'a', options = ab }\n"
    "decision { id = 'd3', when = function(w) return w.time >= 7260 end, from = 'Boss',\n"
    "           prompt = 'Late?', deadline = '20m', default = 'a', options = ab }\n"
    "decision { id = 'd4', when = function(w) return w.flag.urgent end, from = 'Boss',\n"
    "           prompt = 'Urgent?', deadline = '20m', default = 'a', options = ab }\n"
    "action { id = 'fix', kind = 'contain', label = 'Fix', team = 't', staff = 1, takes = '15m',\n"
    "         source = 'fiction', effect = function(w) w.flag.go = true end }\n"
    "ending { id = 'e', title = 'E', text = 'T', fallback = true }\n"
    "cut { id = 'short', label = 'Short', length = '2h', agenda = 30, rate = 4 }\n";

/* ---- helpers ---- */

/* A new session of the pacing scenario (written into the temporary folder
 * the first time) in its own data folder; `workshop` turns workshop mode
 * on as soon as it exists. */
static int open_cut_session(play *p, const char *name, int workshop, const char *cut);

static int open_session(play *p, const char *name, int workshop)
{
    return open_cut_session(p, name, workshop, NULL);
}

/* The same in a session cut (`cut`, NULL for the whole scenario). */
static int open_cut_session(play *p, const char *name, int workshop, const char *cut)
{
    char data[400];
    /* play_start keeps the app's before_close hook from *p: start from zero */
    memset(p, 0, sizeof *p);
    if (!scenario[0]) {
        snprintf(scenario, sizeof scenario, "%s/pace.lua", tmpdir);
        FILE *f = fopen(scenario, "w");
        if (f) {
            fputs(pace_lua, f);
            fclose(f);
        }
    }
    snprintf(data, sizeof data, "%s/%s", tmpdir, name);
    mkdir(data, 0755);
    lh_diags d = {0};
    bh_err e;
    play_how how = {.cut = cut, .workshop = workshop};
    bh_status st = play_start_how(p, scenario, data, 1, &how, &d, &e);
    lh_diags_free(&d);
    CHECK_INT(st, BH_OK); /* a session that does not start fails the test */
    if (st != BH_OK) {
        char buf[2048];
        fprintf(stderr, "play_start: %s\n", err_format(&e, buf, sizeof buf));
        return 0;
    }
    CHECK_INT(p->workshop, workshop);
    CHECK_INT(p->speed, workshop ? 0 : 1); /* a workshop starts paused */
    return 1;
}

static void ticks(play *p, int n, double real)
{
    bh_err e;
    for (int i = 0; i < n; i++)
        CHECK_INT(play_tick(p, real, &e), BH_OK);
}

/* How many log entries of `kind` are about `id` (an inject, a decision
 * or an action, as the kind says), and the time of the last one. */
static int logged(const play *p, bh_log_kind kind, const char *id, bh_time *when)
{
    const bh_defs *d = sim_defs(p->sim);
    int idx = kind == LOG_INJECT   ? defs_inject(d, id)
              : kind == LOG_START || kind == LOG_DONE ? defs_action(d, id)
                                                      : defs_decision(d, id);
    size_t n;
    const bh_log_entry *log = sim_log(p->sim, &n);
    int count = 0;
    for (size_t i = 0; i < n; i++)
        if (log[i].kind == kind && log[i].a == idx) {
            count++;
            if (when)
                *when = log[i].time;
        }
    return count;
}

static size_t log_size(const play *p)
{
    size_t n;
    sim_log(p->sim, &n);
    return n;
}

static size_t inbox_size(const play *p)
{
    size_t n;
    sim_inbox(p->sim, &n);
    return n;
}

/* ---- tests ---- */

static void test_a_workshop_starts_paused(void)
{
    play p, solo;
    if (!open_session(&p, "paused", 1) || !open_session(&solo, "solo", 0))
        return;
    CHECK_INT(p.workshop, 1);
    CHECK_INT(p.speed, 0);
    CHECK_INT(solo.speed, 1); /* the desktop game runs at once, as before */
    size_t inbox = inbox_size(&p);
    CHECK_INT(inbox, 1); /* T+0 is delivered for the first screen */
    ticks(&p, 600, 1.0); /* ten minutes of introductions */
    CHECK_INT(sim_now(p.sim), 0);
    CHECK_INT(inbox_size(&p), inbox);
    CHECK(p.carry == 0);
    play_set_speed(&p, 1); /* the facilitator starts the clock */
    ticks(&p, 2, 1.0);
    CHECK_INT(sim_now(p.sim), 120);
    play_close(&p);
    play_close(&solo);
}

static void test_the_clock_stops_at_the_second_a_decision_opens(void)
{
    play p, solo;
    if (!open_session(&p, "stop", 1) || !open_session(&solo, "stop-solo", 0))
        return;
    bh_err e;
    play_set_speed(&p, 8);
    play_set_speed(&solo, 8);
    ticks(&p, 2, 1.0);
    CHECK_INT(sim_now(p.sim), 960);
    /* d1 opens at 20m = 1200: the tick would reach 1440, and stops at 1200 */
    CHECK_INT(play_tick(&p, 1.0, &e), BH_OK);
    CHECK_INT(sim_now(p.sim), 1200);
    CHECK_INT(p.speed, 0);
    CHECK_INT(p.paused_by, PLAY_PAUSED_DECISION);
    CHECK(p.carry == 0);
    bh_time at = -1;
    CHECK_INT(logged(&p, LOG_OPEN, "d1", &at), 1);
    CHECK_INT(at, 1200);
    CHECK_INT(p.clock_saved, 1200); /* a pause keeps the clock exactly */
    /* the same ticks without workshop mode go through, as before */
    ticks(&solo, 3, 1.0);
    CHECK_INT(sim_now(solo.sim), 1440);
    CHECK_INT(solo.speed, 8);

    ticks(&p, 30, 1.0); /* stays there while the room talks */
    CHECK_INT(sim_now(p.sim), 1200);
    play_set_speed(&p, 8);
    CHECK_INT(p.paused_by, PLAY_PAUSED_NOT);
    /* d1 already open does not stop it again; d1's default (a deadline),
     * and the message at 30m, do not stop it either */
    ticks(&p, 12, 1.0);
    CHECK_INT(sim_now(p.sim), 1200 + 12 * 480);
    CHECK_INT(logged(&p, LOG_DEFAULT, "d1", NULL), 1);
    /* d3 waits on the clock (w.time >= 7260, checked on the minute grid):
     * 6960 + 480 would be 7440; it stops at 7260, with fractions owed */
    play_set_speed(&p, 2);
    ticks(&p, 1, 0.3); /* 36 s */
    CHECK_INT(sim_now(p.sim), 6996);
    play_set_speed(&p, 8);
    ticks(&p, 1, 0.5); /* 240 s would be 7236 */
    CHECK_INT(sim_now(p.sim), 7236);
    CHECK_INT(play_tick(&p, 0.999, &e), BH_OK);
    CHECK_INT(sim_now(p.sim), 7260);
    CHECK_INT(p.speed, 0);
    CHECK_INT(logged(&p, LOG_OPEN, "d3", &at), 1);
    CHECK_INT(at, 7260);
    CHECK(p.carry == 0);
    play_close(&p);
    play_close(&solo);
}

static void test_an_input_that_opens_a_decision_pauses(void)
{
    play p;
    if (!open_session(&p, "input", 1))
        return;
    play_set_speed(&p, 8);
    ticks(&p, 3, 1.0);
    CHECK_INT(sim_now(p.sim), 1200);
    play_set_speed(&p, 1); /* the room chooses with the clock running */
    ticks(&p, 1, 0.5);
    CHECK_INT(sim_now(p.sim), 1230);
    const bh_defs *d = sim_defs(p.sim);
    bh_input in = {.kind = IN_CHOOSE, .a = defs_decision(d, "d1")};
    in.b = defs_option(&d->decisions[in.a], "b");
    bh_err e;
    CHECK_INT(play_input(&p, &in, &e), BH_OK);
    CHECK_INT(logged(&p, LOG_OPEN, "d4", NULL), 1); /* option b opens d4 at once */
    CHECK_INT(p.speed, 0);
    CHECK_INT(p.paused_by, PLAY_PAUSED_DECISION);
    CHECK_INT(p.clock_saved, 1230);
    play_close(&p);
}

static void test_pause_on_every_message(void)
{
    play p, both;
    if (!open_session(&p, "messages", 0) || !open_session(&both, "messages-ws", 1))
        return;
    play_set_pause_on_message(&p, 1);
    play_set_speed(&p, 8);
    ticks(&p, 2, 1.0); /* 'later' at 10m = 600 */
    CHECK_INT(sim_now(p.sim), 600);
    CHECK_INT(p.paused_by, PLAY_PAUSED_MESSAGE);
    CHECK_INT(p.speed, 0);
    play_set_speed(&p, 8);
    /* not a workshop: d1 at 1200 goes by; 'third' at 1800 stops it */
    ticks(&p, 3, 1.0);
    CHECK_INT(sim_now(p.sim), 1800);
    CHECK_INT(p.paused_by, PLAY_PAUSED_MESSAGE);
    CHECK_INT(logged(&p, LOG_OPEN, "d1", NULL), 1);
    /* turned off again, messages go by */
    play_set_pause_on_message(&p, 0);
    play_set_speed(&p, 8);
    ticks(&p, 3, 1.0);
    CHECK_INT(sim_now(p.sim), 1800 + 3 * 480);

    /* a workshop that asks for both stops at each */
    play_set_pause_on_message(&both, 1);
    bh_time stops[] = {600, 1200, 1800};
    play_paused_by why[] = {PLAY_PAUSED_MESSAGE, PLAY_PAUSED_DECISION, PLAY_PAUSED_MESSAGE};
    for (int i = 0; i < 3; i++) {
        play_set_speed(&both, 8);
        ticks(&both, 2, 1.0);
        CHECK_INT(sim_now(both.sim), stops[i]);
        CHECK_INT(both.paused_by, why[i]);
    }
    /* skipping to the next event with the clock running: it goes on, unless
     * what it lands on is news */
    play_set_speed(&both, 4);
    bh_err e;
    bh_time next = sim_next_event(both.sim); /* d3's clock check, a minute on */
    CHECK_INT(play_skip(&both, &e), BH_OK);
    CHECK_INT(sim_now(both.sim), next);
    CHECK_INT(both.speed, 4);
    while (both.speed == 4 && sim_now(both.sim) < 7260)
        CHECK_INT(play_skip(&both, &e), BH_OK);
    CHECK_INT(sim_now(both.sim), 7260); /* d3 opened: paused there */
    CHECK_INT(both.paused_by, PLAY_PAUSED_DECISION);
    play_close(&p);
    play_close(&both);
}

static void test_jump_to_the_next_decision(void)
{
    bh_err e;
    bh_time at = -1;
    play p;
    if (!open_session(&p, "jump", 1))
        return;
    CHECK_INT(play_jump_to_decision(&p, &e), BH_OK);
    CHECK_INT(sim_now(p.sim), 1200);
    CHECK_INT(logged(&p, LOG_OPEN, "d1", &at), 1);
    CHECK_INT(at, 1200);
    CHECK_INT(logged(&p, LOG_INJECT, "later", &at), 1); /* on the way, once, on time */
    CHECK_INT(at, 600);
    CHECK_INT(p.speed, 0);
    CHECK_INT(p.paused_by, PLAY_PAUSED_DECISION);
    CHECK_INT(p.clock_saved, 1200);
    /* d2 opens when 'fix' is done, 15 minutes after it starts */
    const bh_defs *d = sim_defs(p.sim);
    bh_input in = {.kind = IN_START, .a = defs_action(d, "fix")};
    CHECK_INT(play_input(&p, &in, &e), BH_OK);
    play_set_speed(&p, 8); /* a jump works from a running clock too, and pauses */
    CHECK_INT(play_jump_to_decision(&p, &e), BH_OK);
    CHECK_INT(sim_now(p.sim), 2100);
    CHECK_INT(logged(&p, LOG_OPEN, "d2", NULL), 1);
    CHECK_INT(logged(&p, LOG_DONE, "fix", NULL), 1);
    CHECK_INT(p.speed, 0);
    /* d3 waits on the clock */
    CHECK_INT(play_jump_to_decision(&p, &e), BH_OK);
    CHECK_INT(sim_now(p.sim), 7260);
    /* and then none is left: refused, with a reason, and nothing moves */
    size_t n = log_size(&p);
    CHECK_INT(play_jump_to_decision(&p, &e), BH_EINPUT);
    CHECK_HAS(e.msg, "no decision opens");
    CHECK_INT(sim_now(p.sim), 7260);
    CHECK_INT(log_size(&p), n);
    CHECK(!sim_ended(p.sim));
    /* the session goes on to its end; then a jump says it has ended */
    play_set_speed(&p, 8);
    ticks(&p, 40, 1.0);
    CHECK(sim_ended(p.sim));
    CHECK_INT(play_jump_to_decision(&p, &e), BH_EINPUT);
    CHECK_HAS(e.msg, "ended");
    play_close(&p);
    play q = {0};
    CHECK_INT(play_jump_to_decision(&q, &e), BH_EUSAGE);
}

static void test_agenda_projection(void)
{
    play_agenda_info a;
    /* 30 minutes used of 60; 10 simulated hours left at 10 s a second */
    play_agenda_project(1800, 60, 36000, 10, 1, &a);
    CHECK(a.used_min == 30);
    CHECK(a.agenda_min == 60);
    CHECK(a.left_min == 30);
    CHECK_INT(a.speed, 1);
    CHECK(a.run_min == 60);
    CHECK(a.finish_min == 90);
    CHECK(a.late_min == 30);
    CHECK_INT(a.fit_speed, 2);
    play_agenda_project(1800, 60, 36000, 10, 4, &a);
    CHECK(a.run_min == 15);
    CHECK(a.late_min == -15);
    CHECK_INT(a.fit_speed, 2);
    play_agenda_project(4000, 60, 36000, 10, 8, &a); /* over the agenda already */
    CHECK(a.left_min < 0);
    CHECK_INT(a.fit_speed, 0);
    play_agenda_project(600, 0, 36000, 10, 2, &a); /* no agenda: nothing to compare */
    CHECK(a.agenda_min == 0 && a.left_min == 0 && a.late_min == 0);
    CHECK_INT(a.fit_speed, 0);
    CHECK(a.finish_min == 10 + 30);

    /* from a session: paused minutes count, the projection uses the last
     * speed while paused, and an ended session has nothing left to run */
    play p;
    if (!open_session(&p, "agenda", 1))
        return;
    ticks(&p, 90, 1.0); /* paused */
    play_agenda(&p, &a);
    CHECK(fabs(a.used_min - 1.5) < 1e-9);
    CHECK_INT(a.speed, 1);
    CHECK(fabs(a.run_min - 4.0) < 1e-9); /* 4 h at 60x */
    CHECK(a.agenda_min == 0); /* the whole scenario has no agenda */
    play_set_speed(&p, 4);
    ticks(&p, 30, 0.5); /* running: stops at d1 (1200) after 5 s; the rest paused */
    CHECK_INT(sim_now(p.sim), 1200);
    play_agenda(&p, &a);
    CHECK(fabs(a.used_min - 1.75) < 1e-9);
    CHECK_INT(a.speed, 4);
    CHECK(fabs(a.run_min - (14400 - 1200) / 240.0 / 60) < 1e-9);
    ticks(&p, 1, 1e300); /* a stall counts as the time it took ... */
    ticks(&p, 1, NAN);   /* ... nonsense does not */
    ticks(&p, 1, INFINITY);
    play_agenda(&p, &a);
    CHECK(a.used_min > 1e297);
    CHECK(isfinite(a.used_min));
    play_close(&p);

    /* in a cut: its agenda, its length and its rate (4: 2 h at 1x is 30 min) */
    if (!open_cut_session(&p, "agenda-cut", 1, "short"))
        return;
    ticks(&p, 600, 1.0); /* ten minutes of discussion, paused */
    play_agenda(&p, &a);
    CHECK(a.agenda_min == 30);
    CHECK(fabs(a.used_min - 10) < 1e-9);
    CHECK(fabs(a.run_min - 30) < 1e-9);
    CHECK(fabs(a.finish_min - 40) < 1e-9);
    CHECK(fabs(a.late_min - 10) < 1e-9);
    play_close(&p);
}

/* The agenda's minutes are kept beside the journal, so a workshop resumed
 * after a crash or a break goes on counting; a damaged file counts from 0. */
static void test_the_agenda_survives_continue(void)
{
    play p, q;
    if (!open_session(&p, "continue", 1))
        return;
    char journal[PLAY_PATH_MAX], path[PLAY_PATH_MAX + 8], data[400];
    snprintf(journal, sizeof journal, "%s", p.journal_path);
    snprintf(path, sizeof path, "%s.agenda", journal);
    snprintf(data, sizeof data, "%s/continue", tmpdir);
    ticks(&p, 9, 1.0);
    char *text = check_slurp(path);
    CHECK(text == NULL); /* written every ten real seconds, not every frame */
    free(text);
    ticks(&p, 16, 1.0);
    text = check_slurp(path);
    CHECK_STR(text, "20\n"); /* a kill now would lose at most ten seconds */
    free(text);
    play_close(&p);
    bh_err e;
    lh_diags d = {0};
    CHECK_INT(play_resume(&q, journal, data, &d, &e), BH_OK);
    CHECK(q.real_used == 25);
    play_close(&q);
    FILE *f = fopen(path, "w");
    if (f) {
        fputs("12abc\n", f);
        fclose(f);
    }
    CHECK_INT(play_resume(&q, journal, data, &d, &e), BH_OK);
    CHECK(q.real_used == 0);
    play_close(&q);
    lh_diags_free(&d);
}

/* One intervention made while paused: the room's inputs, then each of the
 * facilitator's but `end`. */
typedef struct intervention {
    bh_input_kind kind;
    const char *a, *b; /* action, decision and option, inject, meter; or note text */
    double n;          /* extend: seconds; adjust: the amount */
} intervention;

static const intervention while_paused[] = {
    {IN_START, "fix", NULL, 0},
    {IN_NOTE, "The room argues about d1", NULL, 0},
    {IN_CHOOSE, "d1", "b", 0}, /* which opens d4, due at 2400 */
    {IN_FREEZE, "d4", NULL, 0},
    {IN_EXTEND, "d4", NULL, 600}, /* frozen: 30 minutes left */
    {IN_FIRE, "third", NULL, 0},  /* due at 1800: now instead */
    {IN_ADJUST, "m", "The room argued well", 3},
    {IN_MESSAGE, NULL, "A word from the facilitator", 0},
    {IN_UNFREEZE, "d4", NULL, 0}, /* due at 1200 + 1800 = 3000 */
};

static bh_status intervene(play *p, const intervention *iv, bh_err *e)
{
    const bh_defs *d = sim_defs(p->sim);
    bh_input in = {.kind = iv->kind, .a = -1, .dur = (bh_time)iv->n, .amount = iv->n};
    switch (iv->kind) {
    case IN_START: case IN_CANCEL: in.a = defs_action(d, iv->a); break;
    case IN_CHOOSE:
        if ((in.a = defs_decision(d, iv->a)) >= 0)
            in.b = defs_option(&d->decisions[in.a], iv->b);
        break;
    case IN_NOTE: in.text = iv->a; break;
    case IN_FIRE: in.a = defs_inject(d, iv->a); break;
    case IN_ADJUST: in.a = defs_meter(d, iv->a); in.text = iv->b; break;
    case IN_EXTEND: case IN_FREEZE: case IN_UNFREEZE: in.a = defs_decision(d, iv->a); break;
    case IN_MESSAGE: case IN_END: in.text = iv->b; break;
    case IN_VOTE: case IN_PROPOSAL: case IN_DETAILS: break;
    }
    return play_input(p, &in, e);
}

static void test_interventions_while_paused(void)
{
    play p;
    if (!open_session(&p, "openaev", 1))
        return;
    bh_err e;
    /* #1395, firing late after a pause: pause 10 s before 'later' (600) */
    play_set_speed(&p, 1);
    ticks(&p, 59, 1.0 / 6); /* 10 s each */
    CHECK_INT(sim_now(p.sim), 590);
    play_set_speed(&p, 0);
    size_t log_n = log_size(&p), inbox_n = inbox_size(&p);
    ticks(&p, 1800, 1.0); /* half an hour */
    CHECK_INT(sim_now(p.sim), 590);
    CHECK_INT(log_size(&p), log_n); /* #2798: nothing happens, or repeats, during it */
    CHECK_INT(inbox_size(&p), inbox_n);
    play_set_speed(&p, 1);
    /* #1637: the first tick after a long pause feeds that tick, not the pause */
    ticks(&p, 9, 1.0 / 60);
    CHECK_INT(sim_now(p.sim), 599);
    CHECK_INT(logged(&p, LOG_INJECT, "later", NULL), 0);
    ticks(&p, 1, 1.0 / 60);
    bh_time at = -1;
    CHECK_INT(logged(&p, LOG_INJECT, "later", &at), 1); /* on its second */
    CHECK_INT(at, 600);
    /* A caller that does not tick while paused and then reports the whole
     * pause in one go gets at most a second of it. */
    play_set_speed(&p, 0);
    play_set_speed(&p, 1);
    ticks(&p, 1, 3600);
    CHECK_INT(sim_now(p.sim), 660);

    /* Paused by d1 opening; intervene; wait; resume. */
    play_set_speed(&p, 8);
    ticks(&p, 2, 1.0);
    CHECK_INT(sim_now(p.sim), 1200);
    CHECK_INT(p.speed, 0);
    size_t ninter = sizeof while_paused / sizeof *while_paused;
    for (size_t i = 0; i < ninter; i++) {
        CHECK_INT(intervene(&p, &while_paused[i], &e), BH_OK);
        ticks(&p, 120, 1.0); /* two minutes of talk between each */
    }
    CHECK_INT(sim_now(p.sim), 1200);
    CHECK_INT(p.speed, 0);
    bh_plan plan = {0};
    CHECK_INT(journal_read(p.journal_path, &plan, &e), BH_OK);
    CHECK_INT(plan.n, ninter); /* each journaled once, at the paused second */
    for (size_t i = 0; i < plan.n; i++)
        CHECK_INT(plan.v[i].time, 1200);
    journal_plan_free(&plan);
    ticks(&p, 1800, 1.0);
    CHECK_INT(sim_now(p.sim), 1200);
    play_set_speed(&p, 8);
    ticks(&p, 1, 1.0 / 60); /* 8 simulated seconds, not half an hour's worth */
    CHECK_INT(sim_now(p.sim), 1208);
    ticks(&p, 1, 1.0);
    CHECK_INT(sim_now(p.sim), 1688);
    ticks(&p, 1, 1.0); /* fix is done at 2100 and d2 opens then: stop */
    CHECK_INT(sim_now(p.sim), 2100);
    CHECK_INT(p.paused_by, PLAY_PAUSED_DECISION);
    /* each once, each on its second: 'third' when it was fired, not at 1800 too */
    CHECK_INT(logged(&p, LOG_INJECT, "hello", NULL), 1);
    CHECK_INT(logged(&p, LOG_INJECT, "later", NULL), 1);
    CHECK_INT(logged(&p, LOG_INJECT, "third", &at), 1);
    CHECK_INT(at, 1200);
    CHECK_INT(logged(&p, LOG_START, "fix", &at), 1);
    CHECK_INT(at, 1200);
    CHECK_INT(logged(&p, LOG_DONE, "fix", &at), 1);
    CHECK_INT(at, 2100);
    CHECK_INT(logged(&p, LOG_CHOOSE, "d1", &at), 1);
    CHECK_INT(at, 1200);
    CHECK_INT(logged(&p, LOG_DEFAULT, "d1", NULL), 0); /* chosen in the pause: no default */
    CHECK_INT(logged(&p, LOG_OPEN, "d4", &at), 1);
    CHECK_INT(at, 1200);
    CHECK_INT(logged(&p, LOG_OPEN, "d2", &at), 1);
    CHECK_INT(at, 2100);
    CHECK(sim_meter(p.sim, 0) == 58);
    CHECK_INT(inbox_size(&p), 4); /* hello, later, third, the facilitator's message */
    /* d4's frozen clock lost nothing and gained the extension: due at 3000, once */
    CHECK_INT(logged(&p, LOG_DEFAULT, "d4", NULL), 0);
    play_set_speed(&p, 8);
    ticks(&p, 2, 1.0);
    CHECK_INT(logged(&p, LOG_DEFAULT, "d4", &at), 1);
    CHECK_INT(at, 3000);

    /* nothing lost: the journal and the clock replay to the same session */
    play q;
    char data[400];
    snprintf(data, sizeof data, "%s/openaev", tmpdir);
    lh_diags d = {0};
    CHECK_INT(play_resume(&q, p.journal_path, data, &d, &e), BH_OK);
    lh_diags_free(&d);
    if (q.sim) {
        CHECK_INT(sim_now(q.sim), sim_now(p.sim));
        size_t n1, n2;
        const bh_log_entry *l1 = sim_log(p.sim, &n1), *l2 = sim_log(q.sim, &n2);
        CHECK_INT(n1, n2);
        for (size_t i = 0; i < n1 && i < n2; i++) {
            CHECK_INT(l1[i].time, l2[i].time);
            CHECK_INT(l1[i].kind, l2[i].kind);
            CHECK_INT(l1[i].a, l2[i].a);
            CHECK_INT(l1[i].b, l2[i].b);
        }
        CHECK_INT(q.speed, 0); /* Continue comes back paused */
    }
    play_close(&q);
    play_close(&p);
}

int main(int argc, char **argv)
{
    static const check_case cases[] = {
        {"a_workshop_starts_paused", test_a_workshop_starts_paused},
        {"the_clock_stops_at_the_second_a_decision_opens",
         test_the_clock_stops_at_the_second_a_decision_opens},
        {"an_input_that_opens_a_decision_pauses", test_an_input_that_opens_a_decision_pauses},
        {"pause_on_every_message", test_pause_on_every_message},
        {"jump_to_the_next_decision", test_jump_to_the_next_decision},
        {"agenda_projection", test_agenda_projection},
        {"the_agenda_survives_continue", test_the_agenda_survives_continue},
        {"interventions_while_paused", test_interventions_while_paused},
        {NULL, NULL}};
    return check_main_in_tmpdir(argc, argv, cases, tmpdir, sizeof tmpdir, "pacing");
}
