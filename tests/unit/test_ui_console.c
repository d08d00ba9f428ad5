/* test_ui_console: the workshop's console (the facilitator panel beside
 * the operations room), driven headless by scripted SDL events as the
 * facilitator would: clicks on controls found by their labels, keys, and
 * typed text.
 *
 * Each intervention is made from the console and checked in the journal
 * (the line written before it applied) and in a replay of that journal,
 * which must reach the same state; refusals show their reason on the
 * panel; a decision commits only after its confirm step; what comes next
 * lists the scheduled messages with their times; guidance shows the
 * scenario's facilitator notes. And the spoilers: what-if on an open
 * decision is refused in desktop play, and a facilitator's note never
 * reaches the room's bottom strip.
 *
 * What the panel drew is read back from the text cache (every string
 * drawn is kept there), so a check for a marker string fails when it was
 * never drawn. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check.h"
#include "core/text.h"
#include "ui/ui_app.h"
#include "ui/ui_facil.h"
#include "ui_drive.h"

static char tmpdir[256], scenario[300];

static const char console_lua[] =
    "scenario { id = 'console', title = 'Console', start = '2020-01-01 09:00', length = '2h', "
    "rate = 60 }\n"
    "meter { id = 'm', label = 'Morale', start = 50 }\n"
    "team { id = 't', label = 'Team', staff = 2 }\n"
    "inject { id = 'hello', at = '0s', channel = 'internal', from = 'x', title = 'Hello', "
    "body = 'b', source = 'fiction', facilitator = 'MARK-INJ-NOTE', discuss = { 'MARK-INJ-Q' } }\n"
    "inject { id = 'later', at = '10m', channel = 'internal', from = 'x', title = 'Later news', "
    "body = 'b', source = 'fiction' }\n"
    "inject { id = 'cond', when = function(w) return w.flag.go end, channel = 'internal', "
    "from = 'x', title = 'Conditional news', body = 'b', source = 'fiction' }\n"
    "decision { id = 'd1', at = '20m', from = 'Boss', prompt = 'Which way?', deadline = '30m',\n"
    "           default = 'a', discuss = { 'MARK-DEC-Q' },\n"
    "           facilitator = { good = 'MARK-GOOD', hint = 'MARK-HINT' },\n"
    "           options = { { id = 'a', label = 'Alpha', text = 'a' },\n"
    "             { id = 'b', label = 'Bravo', text = 'b', recommended = true,\n"
    "               effect = function(w) w.flag.bravo = true end } } }\n"
    "action { id = 'fix', kind = 'contain', label = 'Fix', team = 't', staff = 1, takes = '15m',\n"
    "         source = 'fiction', effect = function(w) w.flag.go = true end }\n"
    "ending { id = 'bravo_end', title = 'Bravo end', text = 'T', when = function(w) "
    "return w.flag.bravo end }\n"
    "ending { id = 'e', title = 'Plain end', text = 'T', fallback = true }\n"
    "cut { id = 'short', label = 'Short', length = '1h', agenda = 30, rate = 1 }\n";

static const char *start_cut; /* the session cut the next start() plays, or NULL */
static int start_scale;        /* the text scale of the next start(), or 0 */

/* ---- driving the app ---- */

static int start(app *a, const char *name, int workshop)
{
    if (!scenario[0]) {
        snprintf(scenario, sizeof scenario, "%s/console.lua", tmpdir);
        FILE *f = fopen(scenario, "w");
        if (f) {
            fputs(console_lua, f);
            fclose(f);
        }
    }
    char data[400];
    snprintf(data, sizeof data, "%s/%s", tmpdir, name);
    mkdir(data, 0755);
    app_opts o = cw_opts(scenario, 0); /* 1280x720, software, seed 1 */
    o.data_dir = data;
    o.cut = start_cut;
    o.text_scale = start_scale;
    if (!cw_init(a, &o)) /* app_init and a first frame */
        return 0;
    app_begin(a);
    CHECK(a->playing);
    if (!a->playing)
        return 0;
    if (workshop) { /* what `bulkhead workshop` does (the win helper wires it) */
        a->workshop = 1;
        play_set_workshop(&a->game, 1);
    }
    app_frame(a, 0);
    return 1;
}

static void frame(app *a) { app_frame(a, 0); }


static int dec_state(const app *a, const char *id)
{
    bh_decision_status ds;
    sim_decision_status(a->game.sim, defs_decision(sim_defs(a->game.sim), id), &ds);
    return ds.state;
}

static void finish(app *a)
{
    app_free(a);
    free(a);
}

/* A new app on a new session of the fixture in data folder `name`, or
 * NULL (the check has failed). */
static app *open_app(const char *name, int workshop)
{
    app *a = calloc(1, sizeof *a);
    if (a && start(a, name, workshop))
        return a;
    CHECK(0);
    if (a)
        finish(a);
    return NULL;
}

/* ---- tests ---- */

/* What comes next, the clock's reasons, pacing, guidance, the projector. */
static void test_next_guide_projector(void)
{
    app *a = open_app("guide", 1);
    if (!a)
        return;
    CHECK_INT(a->game.speed, 0); /* a workshop starts paused */
    CHECK(ui_drawn(a, "Clock: not started"));
    CHECK(ui_drawn(a, "Time used: 0 min")); /* no cut: no agenda */
    /* what comes next: the scheduled message with its time, the one
     * waiting on a condition without one, the decision, the end */
    CHECK_INT(a->facil.tab, FT_NEXT);
    CHECK(ui_drawn(a, "Message: Later news"));
    CHECK(ui_drawn(a, "T+0d 00:10:00  (in 10m)"));
    CHECK(ui_drawn(a, "Decision opens: Which way?"));
    CHECK(ui_drawn(a, "When its condition holds"));
    CHECK(ui_drawn(a, "Message: Conditional news"));
    CHECK(ui_drawn(a, "The session ends"));
    CHECK(!ui_drawn(a, "Message: Hello")); /* it came in at 0 */

    CHECK(click(a, "Start clock"));
    CHECK(a->game.speed > 0);
    CHECK(a->started);
    frame(a);
    CHECK(ui_drawn(a, "Clock: running at"));
    CHECK(click(a, "Jump to next decision"));
    CHECK_INT(sim_now(a->game.sim), 20 * 60);
    CHECK_INT(dec_state(a, "d1"), DEC_OPEN);
    CHECK_INT(a->game.speed, 0);
    frame(a);
    CHECK(ui_drawn(a, "Clock: paused, because a decision opened"));
    CHECK(ui_drawn(a, "Deadline: Which way?"));
    /* no second decision to jump to: the reason shows */
    CHECK(click(a, "Jump to next decision"));
    CHECK(a->facil.said_bad);
    CHECK_HAS(a->facil.said, "Cannot jump");
    CHECK(click(a, "Pause on messages"));
    CHECK(a->game.pause_on_message);

    /* guidance for the open decision: the note, the recommendation, the
     * questions, and the button that puts them up */
    CHECK(click(a, "Guide"));
    frame(a);
    CHECK(ui_drawn(a, "Good: MARK-GOOD"));
    CHECK(ui_drawn(a, "Hint: MARK-HINT"));
    CHECK(ui_drawn(a, "Recommended: B  Bravo"));
    CHECK(ui_drawn(a, "MARK-DEC-Q"));
    CHECK(click(a, "Put the questions up"));
    CHECK_INT(a->show.slide, RV_SLIDE_DECISION);
    CHECK_INT(a->show.slide_index, defs_decision(sim_defs(a->game.sim), "d1"));
    frame(a);
    CHECK(ui_drawn(a, "Projector: discussion questions"));
    CHECK(click(a, "Take the questions down"));
    CHECK_INT(a->show.slide, RV_SLIDE_NONE);
    /* and for the message selected in the inbox */
    a->inbox_sel = 0;
    frame(a);
    frame(a);
    CHECK(ui_drawn(a, "Note: MARK-INJ-NOTE"));
    CHECK(ui_drawn(a, "MARK-INJ-Q"));

    /* the projector: '.' blanks it, the hot wash builds the report model */
    key(a, SDLK_PERIOD);
    CHECK(a->show.blank);
    frame(a);
    CHECK(ui_drawn(a, "Projector: blank"));
    key(a, SDLK_PERIOD);
    CHECK(!a->show.blank);
    CHECK(click(a, "Debrief on projector"));
    CHECK(a->show.hotwash);
    CHECK(a->debrief != NULL);
    CHECK(a->show.hotwash_tabs & (1u << RV_TAB_TIMELINE));
    CHECK(click(a, "Decisions"));
    CHECK(a->show.hotwash_tabs & (1u << RV_TAB_DECISIONS));
    CHECK_INT(a->show.hotwash_tab, RV_TAB_DECISIONS);
    CHECK(click(a, "Decisions (up)")); /* again: taken away */
    CHECK(!(a->show.hotwash_tabs & (1u << RV_TAB_DECISIONS)));
    CHECK(a->show.hotwash_tab != RV_TAB_DECISIONS);
    CHECK(click(a, "Debrief off projector"));
    CHECK(!a->show.hotwash);
    CHECK(a->debrief == NULL);
    CHECK_INT(a->u.overflows, 0);
    finish(a);
}

/* The agenda clock: real minutes (paused ones too) against the cut's
 * plan, the finish projected at the speed, the slowest speed that fits. */
static void test_agenda(void)
{
    start_cut = "short";
    app *a = open_app("agenda", 1);
    start_cut = NULL;
    if (!a)
        return;
    CHECK_INT(a->game.cut_index, 0);
    for (int i = 0; i < 600; i++) /* ten real minutes, paused */
        app_frame(a, 1.0);
    CHECK_INT(sim_now(a->game.sim), 0);
    frame(a);
    /* 1h of simulated time at rate 1 and 1x is 60 real minutes: 40 late;
     * at 4x it is 15, within the 20 left */
    CHECK(ui_drawn(a, "Agenda: 10 of 30 min (20 left)"));
    CHECK(ui_drawn(a, "Finish at about 70 min at 1×: 40 min late"));
    CHECK(ui_drawn(a, "Slowest speed that fits: 4×"));
    CHECK_INT(a->u.overflows, 0);
    finish(a);
}

/* Large text on a laptop: the room and the panel take turns (F6), and
 * the projector's hot-wash model stays current while the room is up. */
static void test_narrow(void)
{
    start_scale = 200;
    app *a = open_app("narrow", 1);
    start_scale = 0;
    if (!a)
        return;
    frame(a);
    CHECK(ui_find(&a->u, "Facilitator [F6]") != NULL);
    CHECK(ui_find(&a->u, "Start clock") == NULL);
    key(a, SDLK_F6);
    CHECK(a->facil.panel_up);
    CHECK(click(a, "Debrief on projector"));
    CHECK(a->debrief != NULL);
    CHECK(click(a, "Room [F6]"));
    CHECK(!a->facil.panel_up);
    key(a, SDLK_PERIOD); /* the blank works from the room too */
    CHECK(a->show.blank);
    bh_err e;
    CHECK_INT(play_jump_to_decision(&a->game, &e), BH_OK);
    frame(a);
    CHECK(a->facil.db_version == sim_version(a->game.sim));
    CHECK(a->debrief != NULL);
    CHECK_INT(a->u.overflows, 0);
    finish(a);
}

/* Every intervention from the console, the refusals, the confirm before
 * a commit and before the end; then the journal replays to the same. */
static void test_interventions(void)
{
    app *a = open_app("act", 1);
    if (!a)
        return;
    CHECK(click(a, "Jump to next decision"));
    CHECK_INT(dec_state(a, "d1"), DEC_OPEN);
    CHECK(click(a, "Intervene"));
    bh_decision_status ds0, ds;
    int d1 = defs_decision(sim_defs(a->game.sim), "d1");
    sim_decision_status(a->game.sim, d1, &ds0);
    CHECK(click(a, "Extend by 5 min"));
    sim_decision_status(a->game.sim, d1, &ds);
    CHECK_INT(ds.deadline, ds0.deadline + 300);
    CHECK(!a->facil.said_bad);
    CHECK(click(a, "+")); /* 10 min */
    CHECK(click(a, "Extend by 10 min"));
    sim_decision_status(a->game.sim, d1, &ds);
    CHECK_INT(ds.deadline, ds0.deadline + 900);
    CHECK(click(a, "Freeze deadline"));
    sim_decision_status(a->game.sim, d1, &ds);
    CHECK(ds.frozen);
    CHECK(click(a, "Unfreeze deadline"));
    sim_decision_status(a->game.sim, d1, &ds);
    CHECK(!ds.frozen);
    /* a refusal shows its reason, and nothing is journaled */
    char *before = journal_text(a);
    CHECK(tab_to(a, "Fire: Hello (arrived)")); /* may be below the fold */
    key(a, SDLK_RETURN);
    CHECK(a->facil.said_bad);
    CHECK_HAS(a->facil.said, "already arrived");
    CHECK(journal_unchanged(a, before));
    frame(a);
    CHECK(ui_drawn(a, "Refused: cannot fire 'hello'"));
    CHECK(tab_to(a, "Fire: Conditional news")); /* below the fold: the keyboard reaches it */
    key(a, SDLK_RETURN);
    CHECK(!a->facil.said_bad);
    CHECK(sim_inject_fired(a->game.sim, defs_inject(sim_defs(a->game.sim), "cond")));

    /* adjust: 0 is refused with the dialog still open; then -3 */
    CHECK(click(a, "Adjust a meter"));
    CHECK_INT(a->overlay, OV_FACIL);
    type_text(a, "0");
    key(a, SDLK_TAB);
    type_text(a, "Room argued well");
    key(a, SDLK_RETURN);
    CHECK_INT(a->overlay, OV_FACIL);
    CHECK_HAS(a->facil.said, "by 0");
    frame(a);
    CHECK(ui_drawn(a, "Refused: cannot adjust 'm' by 0"));
    CHECK(click(a, "Amount"));
    key(a, SDLK_BACKSPACE);
    type_text(a, "-3");
    key(a, SDLK_RETURN);
    CHECK_INT(a->overlay, OV_NONE);
    CHECK(sim_meter(a->game.sim, 0) == 47);

    /* a message: a missing title is refused; typed title and body go */
    CHECK(click(a, "Send a message"));
    key(a, SDLK_RETURN);
    CHECK_INT(a->overlay, OV_FACIL);
    CHECK_HAS(a->facil.said, "title is missing");
    type_text(a, "Call the insurer");
    key(a, SDLK_TAB);
    type_text(a, "Before any statement");
    key(a, SDLK_RETURN);
    CHECK_INT(a->overlay, OV_NONE);
    size_t n;
    const bh_inbox_item *in = sim_inbox(a->game.sim, &n);
    CHECK(n > 0 && in[n - 1].inject < 0);
    /* Esc closes a dialog without sending */
    before = journal_text(a);
    CHECK(click(a, "Send a message"));
    type_text(a, "never sent");
    key(a, SDLK_ESCAPE);
    CHECK_INT(a->overlay, OV_NONE);
    CHECK(journal_unchanged(a, before));

    /* the decision: a letter selects, Enter asks, Esc steps back, and only
     * the second Enter commits; a click selects and needs Commit, Confirm */
    key(a, SDLK_b);
    CHECK_INT(dec_state(a, "d1"), DEC_OPEN);
    key(a, SDLK_RETURN);
    CHECK_INT(dec_state(a, "d1"), DEC_OPEN);
    frame(a);
    CHECK(ui_drawn(a, "Commit B: Bravo? Enter to confirm, Esc to go back"));
    key(a, SDLK_ESCAPE);
    CHECK_INT(a->overlay, OV_NONE);
    CHECK(!a->dec_confirm);
    key(a, SDLK_ESCAPE);
    CHECK_INT(a->dec_pick, 0);
    CHECK(click(a, "Alpha"));
    CHECK_INT(dec_state(a, "d1"), DEC_OPEN);
    CHECK(click(a, "Commit A"));
    CHECK_INT(dec_state(a, "d1"), DEC_OPEN);
    CHECK(click(a, "Confirm"));
    CHECK_INT(dec_state(a, "d1"), DEC_DECIDED);
    bh_decision_status dd;
    sim_decision_status(a->game.sim, d1, &dd);
    CHECK_INT(dd.chosen, 0);

    /* the end: the reason, a confirm step, Esc back, then the end */
    CHECK(click(a, "End now"));
    CHECK_INT(a->facil.dialog, FD_END);
    type_text(a, "Out of time");
    key(a, SDLK_RETURN);
    CHECK(a->facil.confirm);
    CHECK(!sim_ended(a->game.sim));
    key(a, SDLK_ESCAPE);
    CHECK(!a->facil.confirm);
    CHECK_INT(a->overlay, OV_FACIL);
    key(a, SDLK_RETURN);
    key(a, SDLK_RETURN);
    CHECK(sim_ended(a->game.sim));
    CHECK_STR(sim_end_reason(a->game.sim), "Out of time");
    /* after the ending, the console keeps the hot wash: the tabs the room sees */
    frame(a);
    CHECK_INT(a->screen, SCR_ENDING);
    CHECK(click(a, "Debrief on projector"));
    CHECK(a->show.hotwash);
    CHECK(a->debrief != NULL);
    CHECK(click(a, "Fact check"));
    CHECK(a->show.hotwash_tabs & (1u << RV_TAB_FACTS));
    CHECK_INT(a->show.hotwash_tab, RV_TAB_FACTS);

    char *j = journal_text(a);
    CHECK_HAS(j, "\n20m extend d1 5m\n");
    CHECK_HAS(j, "\n20m extend d1 10m\n");
    CHECK_HAS(j, "\n20m freeze d1\n");
    CHECK_HAS(j, "\n20m unfreeze d1\n");
    CHECK_HAS(j, "\n20m fire cond\n");
    CHECK_HAS(j, "adjust m -3 Room argued well");
    CHECK_HAS(j, "message Call the insurer | Before any statement");
    CHECK_HAS(j, "\n20m choose d1 a\n");
    CHECK_HAS(j, "end Out of time");
    CHECK(!j || !strstr(j, "never sent"));
    free(j);

    /* the journal replays to the same session */
    play q = {0};
    lh_diags d = {0};
    bh_err e;
    char data[400];
    snprintf(data, sizeof data, "%s/act", tmpdir);
    CHECK_INT(play_resume(&q, a->game.journal_path, data, &d, &e), BH_OK);
    lh_diags_free(&d);
    if (q.sim) {
        CHECK(sim_ended(q.sim));
        CHECK_INT(sim_ending(q.sim), sim_ending(a->game.sim));
        CHECK_STR(sim_end_reason(q.sim), "Out of time");
        CHECK(sim_meter(q.sim, 0) == sim_meter(a->game.sim, 0));
        size_t n1, n2, m1, m2;
        sim_log(q.sim, &n1);
        sim_log(a->game.sim, &n2);
        CHECK_INT(n1, n2);
        sim_inbox(q.sim, &m1);
        sim_inbox(a->game.sim, &m2);
        CHECK_INT(m1, m2);
        CHECK_INT(sim_now(q.sim), sim_now(a->game.sim));
    }
    play_close(&q);
    CHECK_INT(a->u.overflows, 0);
    finish(a);
}

/* The open decision's preview plays each option ahead on a copy: the
 * session itself does not move. */
static void test_preview(void)
{
    app *a = open_app("preview", 1);
    if (!a)
        return;
    CHECK(click(a, "Jump to next decision"));
    CHECK(click(a, "What-if"));
    uint64_t v = sim_version(a->game.sim);
    size_t n0;
    sim_log(a->game.sim, &n0);
    CHECK(click(a, "Preview each option"));
    CHECK_INT(a->facil.pv_n, 2);
    CHECK_STR(a->facil.pv[0].ending, "Plain end");
    CHECK_STR(a->facil.pv[1].ending, "Bravo end");
    CHECK_HAS(a->facil.pv[1].meters, "Morale 50");
    frame(a);
    CHECK(ui_drawn(a, "→ Bravo end"));
    CHECK(sim_version(a->game.sim) == v);
    size_t n1;
    sim_log(a->game.sim, &n1);
    CHECK_INT(n1, n0);
    CHECK_INT(dec_state(a, "d1"), DEC_OPEN);
    CHECK(!sim_ended(a->game.sim));
    CHECK_INT(a->u.overflows, 0);
    finish(a);
}

/* Desktop play: what-if on a decision still open is refused (it would
 * show the room every outcome before it chooses); in a workshop, on the
 * console, it runs. */
static void whatif_open(int workshop)
{
    app *a = open_app(workshop ? "wi_workshop" : "wi_desktop", workshop);
    if (!a)
        return;
    bh_err e;
    CHECK_INT(play_jump_to_decision(&a->game, &e), BH_OK);
    CHECK_INT(dec_state(a, "d1"), DEC_OPEN);
    key(a, SDLK_ESCAPE);
    CHECK_INT(a->overlay, OV_PAUSE);
    CHECK(click(a, "Debrief so far"));
    CHECK_INT(a->screen, SCR_DEBRIEF);
    key(a, SDLK_3);
    CHECK(click(a, "What if… (D1)"));
    if (!workshop) {
        CHECK_INT(a->wi_decision, -1);
        CHECK_HAS(a->toast, "Decide first: what-if on an open decision would show the room every "
                            "outcome");
        debrief_whatif(a, 0, "b", 0); /* nor by the function the tour uses */
        CHECK(a->wi_result == NULL);
        CHECK_INT(a->wi_decision, -1);
    } else {
        CHECK_INT(a->wi_decision, 0);
        CHECK(click(a, "Bravo"));
        CHECK(a->wi_result != NULL);
    }
    CHECK_INT(dec_state(a, "d1"), DEC_OPEN);
    finish(a);
}

static void test_whatif_open_desktop(void) { whatif_open(0); }
static void test_whatif_open_workshop(void) { whatif_open(1); }

/* A facilitator's note never reaches the room's bottom strip; in a
 * workshop the console's guidance lists it. */
static void note_shown(int workshop)
{
    app *a = open_app(workshop ? "note_workshop" : "note_desktop", workshop);
    if (!a)
        return;
    key(a, SDLK_n);
    CHECK_INT(a->overlay, OV_NOTE);
    type_text(a, "MARK-FNOTE");
    key(a, SDLK_RETURN);
    CHECK_INT(a->overlay, OV_NONE);
    if (workshop)
        CHECK(click(a, "Guide"));
    frame(a);
    frame(a);
    /* the note box drew it with its caret; nothing else may, but the panel */
    int elsewhere = 0;
    const ui_text_cache *c = &a->u.text;
    for (int i = 0; i < c->cap; i++)
        if (c->e[i].text && strstr(c->e[i].text, "MARK-FNOTE") &&
            !strstr(c->e[i].text, "MARK-FNOTE|") && !strstr(c->e[i].text, "T+0d 00:00:00  MARK"))
            elsewhere++;
    CHECK_INT(elsewhere, 0);
    CHECK_INT(ui_drawn(a, "T+0d 00:00:00  MARK-FNOTE"), workshop);
    finish(a);
}

static void test_note_desktop(void) { note_shown(0); }
static void test_note_workshop(void) { note_shown(1); }

int main(int argc, char **argv)
{
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    static const check_case cases[] = {
        {"next_guide_projector", test_next_guide_projector},
        {"agenda", test_agenda},
        {"narrow", test_narrow},
        {"interventions", test_interventions},
        {"preview", test_preview},
        {"whatif_open_desktop", test_whatif_open_desktop},
        {"whatif_open_workshop", test_whatif_open_workshop},
        {"note_desktop", test_note_desktop},
        {"note_workshop", test_note_workshop},
        {NULL, NULL}};
    return check_main_in_tmpdir(argc, argv, cases, tmpdir, sizeof tmpdir, "ui-console");
}
