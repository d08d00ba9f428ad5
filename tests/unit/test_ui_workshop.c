/* test_ui_workshop: a whole workshop through both windows, headless.
 *
 * The real app opens the console and the projector (SDL's dummy driver
 * supports several windows); the test drives the console only with the
 * events a facilitator would make, routed by window id, and records every
 * string each window draws (ui.record, before wrapping) and their titles.
 *
 * The tutorial: starts paused, the clock stops by itself when a decision
 * opens, one intervention of each kind from the console, a choice that
 * commits only after its confirm step, the end, the hot wash; then the
 * journal holds every input and replays to the same session.
 *
 * The leak fixture (tests/fixtures/leak/markers.lua: a marker in every
 * field, named for its kind) through the same path: facilitator-only
 * markers (FONLY_) never reach the projector in any state, while the
 * player-safe ones (PSAFE_) do and the facilitator's do reach the console:
 * the positive controls, without which drawing nothing would pass. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "check_record.h"
#include "check_workshop.h"
#include "ui/ui_workshop.h"
#include "ui_drive.h"

/* ---- recording what a window draws ---- */

typedef drawn seen; /* check_record.h */

static int saw(const seen *s, const char *needle)
{
    return s->text && strstr(s->text, needle) != NULL;
}

static void forget(seen *s)
{
    s->len = 0;
    if (s->text)
        s->text[0] = 0;
}

/* Listen to both windows (the projector's ui is set up when it opens). */
static void listen(app *a, seen *console, seen *proj)
{
    a->u.record = check_record;
    a->u.record_ctx = console;
    if (a->has_proj) {
        a->proj.record = check_record;
        a->proj.record_ctx = proj;
    }
}

/* Press, by the keyboard (it may be below the fold), the first console
 * control whose label starts with `prefix` and does not contain `not`. */
static int press_other(app *a, const char *prefix, const char *not)
{
    app_frame(a, 0);
    for (int i = 0; i < a->u.nctl; i++) {
        const ui_control *c = &a->u.ctl[i];
        if (strncmp(c->label, prefix, strlen(prefix)) == 0 && !strstr(c->label, not)) {
            char label[sizeof c->label];
            snprintf(label, sizeof label, "%s", c->label);
            if (!tab_to(a, label))
                return 0;
            key(a, SDLK_RETURN);
            return 1;
        }
    }
    fprintf(stderr, "no control '%s...' without '%s'\n", prefix, not);
    return 0;
}

static int open_decision(const app *a)
{
    const bh_defs *d = sim_defs(a->game.sim);
    for (size_t i = 0; i < d->ndecisions; i++) {
        bh_decision_status ds;
        sim_decision_status(a->game.sim, (int)i, &ds);
        if (ds.state == DEC_OPEN)
            return (int)i;
    }
    return -1;
}

/* Run the clock (real seconds of 0.5) until a decision opens; the
 * workshop must stop there by itself. */
static int run_to_decision(app *a)
{
    for (int i = 0; i < 20000 && open_decision(a) < 0 && !sim_ended(a->game.sim); i++)
        app_frame(a, 0.5);
    return open_decision(a);
}

/* ---- the whole workshop ---- */

typedef struct flow {
    const char *scenario;
    int no_fire;       /* skip firing an inject (the fixture's only unfired ones
                        * are its "what comes next" markers, which firing would
                        * rightly put in front of the room) */
    seen console, proj;
    int decision;      /* the first decision that opened */
    char journal[PLAY_PATH_MAX];
} flow;

static void play_workshop(app *a, flow *f)
{
    cw_fresh_dir();
    int started = cw_start(a, f->scenario, 1);
    CHECK(started);
    if (!started)
        return;
    CHECK(a->workshop);
    CHECK(a->has_proj);
    listen(a, &f->console, &f->proj);
    /* the projector's window says only the scenario's title */
    const char *title = SDL_GetWindowTitle(a->proj.win);
    check_record(&f->proj, title, (SDL_Rect){0});
    CHECK(strstr(title, lh_defs(a->game.host)->scenario.title) != NULL);

    /* it starts paused, before play: the room sees the title */
    app_frame(a, 1.0);
    CHECK_INT(a->game.speed, 0);
    CHECK_INT(sim_now(a->game.sim), 0);
    CHECK(saw(&f->proj, lh_defs(a->game.host)->scenario.title));
    /* read from afar: the projector's text is at least 150% */
    CHECK_INT(a->u.text_scale, 100);
    CHECK_INT(a->proj.text_scale, WS_PROJECTOR_MIN_SCALE);

    /* the facilitator starts the clock from the console, at 8x */
    CHECK(click(a, "Start clock"));
    CHECK(a->game.speed > 0);
    key(a, SDLK_4);
    CHECK_INT(a->game.speed, 8);
    f->decision = run_to_decision(a);
    CHECK(f->decision >= 0);
    if (f->decision < 0)
        return;
    /* it stopped by itself at the second the decision opened */
    CHECK_INT(a->game.speed, 0);
    CHECK_INT(a->game.paused_by, PLAY_PAUSED_DECISION);
    const bh_decision_def *dd = &sim_defs(a->game.sim)->decisions[f->decision];
    app_frame(a, 0);
    for (size_t i = 0; i < dd->noptions; i++)
        CHECK(saw(&f->proj, dd->options[i].label)); /* every option, on the projector */
    CHECK(saw(&f->proj, dd->prompt));

    /* the facilitator's guidance, and the questions put up for the room */
    CHECK(click(a, "Guide"));
    if (dd->discuss.n) {
        CHECK(click(a, "Put the questions up"));
        CHECK_INT(a->show.slide, RV_SLIDE_DECISION);
        app_frame(a, 0);
        CHECK(saw(&f->proj, dd->discuss.v[0]));
        CHECK(click(a, "Take the questions down"));
        CHECK_INT(a->show.slide, RV_SLIDE_NONE);
    }
    /* '.' blanks the projector: the options are gone from it */
    key(a, SDLK_PERIOD);
    CHECK(a->show.blank);
    forget(&f->proj);
    app_frame(a, 0);
    CHECK(!saw(&f->proj, dd->options[0].label));
    key(a, SDLK_PERIOD);
    CHECK(!a->show.blank);

    /* one intervention of each kind */
    CHECK(click(a, "Intervene"));
    bh_decision_status ds0, ds;
    sim_decision_status(a->game.sim, f->decision, &ds0);
    CHECK(click(a, "Extend by 5 min"));
    sim_decision_status(a->game.sim, f->decision, &ds);
    CHECK_INT(ds.deadline, ds0.deadline + 300);
    CHECK(click(a, "Freeze deadline"));
    sim_decision_status(a->game.sim, f->decision, &ds);
    CHECK(ds.frozen);
    CHECK(click(a, "Unfreeze deadline"));
    sim_decision_status(a->game.sim, f->decision, &ds);
    CHECK(!ds.frozen);
    if (!f->no_fire) {
        size_t nin0, nin;
        sim_inbox(a->game.sim, &nin0);
        CHECK(press_other(a, "Fire: ", "(arrived)"));
        CHECK(!a->facil.said_bad);
        sim_inbox(a->game.sim, &nin);
        CHECK(nin > nin0);
    }
    double m0 = sim_meter(a->game.sim, 0);
    CHECK(click(a, "Adjust a meter"));
    type_text(a, "-2");
    key(a, SDLK_TAB);
    type_text(a, "FONLY_REASON skipped");
    key(a, SDLK_RETURN);
    CHECK(!a->facil.said_bad);
    CHECK(sim_meter(a->game.sim, 0) != m0);
    CHECK(click(a, "Send a message"));
    type_text(a, "PSAFE_MSG_TITLE insurer");
    key(a, SDLK_TAB);
    type_text(a, "Before any statement");
    key(a, SDLK_RETURN);
    CHECK(!a->facil.said_bad);
    app_frame(a, 0);
    CHECK(saw(&f->proj, "PSAFE_MSG_TITLE")); /* the room sees a facilitator's message */

    /* the choice: a letter selects, Enter asks, only the second Enter commits */
    key(a, SDLK_b);
    key(a, SDLK_RETURN);
    bh_decision_status st;
    sim_decision_status(a->game.sim, f->decision, &st);
    CHECK_INT(st.state, DEC_OPEN);
    key(a, SDLK_RETURN);
    sim_decision_status(a->game.sim, f->decision, &st);
    CHECK_INT(st.state, DEC_DECIDED);
    CHECK_INT(st.chosen, 1);

    /* the end, with its confirm step, then the hot wash on the projector */
    CHECK(click(a, "End now"));
    type_text(a, "FONLY_END_REASON late");
    key(a, SDLK_RETURN);
    CHECK(!sim_ended(a->game.sim));
    key(a, SDLK_RETURN);
    CHECK(sim_ended(a->game.sim));
    app_frame(a, 0);
    CHECK(click(a, "Debrief on projector"));
    CHECK(a->show.hotwash);
    /* every tab the console offers (never Notes: the facilitator's own) */
    static const char *const tabs[] = {"Timeline", "Meters", "Decisions", "Functions",
                                       "Hot wash", "Fact check"};
    for (size_t i = 0; i < sizeof tabs / sizeof *tabs; i++) {
        CHECK(click(a, tabs[i]));
        app_frame(a, 0);
    }
    CHECK(a->show.hotwash_tabs != 0);
    CHECK_INT(a->u.overflows, 0);
    CHECK_INT(a->proj.overflows, 0);
    snprintf(f->journal, sizeof f->journal, "%s", a->game.journal_path);
}

/* The journal has every input, and replays to the same session. */
static void check_journal(app *a, const flow *f)
{
    char *j = journal_text(a);
    CHECK(j != NULL);
    if (!j)
        return;
    CHECK_HAS(j, "\nmode workshop\n");
    static const char *const verbs[] = {" extend ", " freeze ", " unfreeze ", " fire ",
                                        " adjust ", " message ", " choose ", " end "};
    for (size_t i = 0; i < sizeof verbs / sizeof *verbs; i++)
        if (!f->no_fire || strcmp(verbs[i], " fire ") != 0)
            CHECK_HAS(j, verbs[i]);
    free(j);
    play q = {0};
    lh_diags d = {0};
    bh_err e;
    err_clear(&e);
    CHECK_INT(play_resume(&q, f->journal, cw_data_dir, &d, &e), BH_OK);
    lh_diags_free(&d);
    if (q.sim) {
        CHECK(sim_ended(q.sim));
        CHECK_INT(sim_ending(q.sim), sim_ending(a->game.sim));
        CHECK_INT(sim_now(q.sim), sim_now(a->game.sim));
        const bh_defs *dd = sim_defs(q.sim);
        for (size_t i = 0; i < dd->nmeters; i++)
            CHECK(sim_meter(q.sim, (int)i) == sim_meter(a->game.sim, (int)i));
        size_t n1, n2;
        sim_log(q.sim, &n1);
        sim_log(a->game.sim, &n2);
        CHECK_INT(n1, n2);
        CHECK_INT(q.workshop, 1);
    }
    play_close(&q);
}

static void test_tutorial_workshop(void)
{
    app *a = calloc(1, sizeof *a);
    flow f = {.scenario = BH_SOURCE_DIR "/scenarios/tutorial.lua"};
    if (!a)
        return;
    play_workshop(a, &f);
    if (f.journal[0])
        check_journal(a, &f);
    app_free(a);
    free(a);
    free(f.console.text);
    free(f.proj.text);
}

/* Every marker of a kind the room must not see: none on the projector. */
static void test_leak_through_windows(void)
{
    app *a = calloc(1, sizeof *a);
    flow f = {.scenario = BH_SOURCE_DIR "/tests/fixtures/leak/markers.lua", .no_fire = 1};
    if (!a)
        return;
    play_workshop(a, &f);
    if (f.journal[0])
        check_journal(a, &f);
    const char *p = f.proj.text ? f.proj.text : "";
    const char *leak = strstr(p, "FONLY_");
    if (leak)
        fprintf(stderr, "on the projector: %.80s\n", leak);
    CHECK(leak == NULL);
    CHECK(!strstr(p, "Recommended") || sim_ended(a->game.sim));
    /* positive controls: the room saw the player-safe markers... */
    static const char *const room[] = {"PSAFE_TITLE", "PSAFE_METER_ONE", "PSAFE_METER_TWO",
                                       "PSAFE_SYSTEM_DOWN", "PSAFE_DEC_PROMPT",
                                       "PSAFE_OPT_A_LABEL", "PSAFE_OPT_C_LABEL",
                                       "PCHOSEN_DEC_Q1", "PSAFE_INJ1_TITLE"};
    for (size_t i = 0; i < sizeof room / sizeof *room; i++)
        if (!saw(&f.proj, room[i])) {
            fprintf(stderr, "not on the projector: %s\n", room[i]);
            CHECK(!"a player-safe marker is not on the projector");
        }
    /* the facilitator ended it: the room saw that ending's title */
    const bh_defs *d = sim_defs(a->game.sim);
    CHECK(saw(&f.proj, defs_ending_at(d, defs_ending_facilitator(d))->title));
    /* ...and the console saw the facilitator's */
    static const char *const facil[] = {"FONLY_DEC_GOOD", "FONLY_DEC_HINT",
                                        "FONLY_NEXT_INJ_TITLE"};
    for (size_t i = 0; i < sizeof facil / sizeof *facil; i++)
        if (!saw(&f.console, facil[i])) {
            fprintf(stderr, "not on the console: %s\n", facil[i]);
            CHECK(!"a facilitator's marker is not on the console");
        }
    app_free(a);
    free(a);
    free(f.console.text);
    free(f.proj.text);
}

/* The console's projector controls: the displays' warning stays on the
 * panel, and a closed projector opens again from it. */
static void test_projector_controls(void)
{
    app *a = calloc(1, sizeof *a);
    if (!a)
        return;
    cw_fresh_dir();
    int started = cw_start(a, BH_SOURCE_DIR "/scenarios/tutorial.lua", 1);
    CHECK(started);
    if (started) {
        seen console = {0}, proj = {0};
        listen(a, &console, &proj);
        snprintf(a->proj_warning, sizeof a->proj_warning, "%s",
                 "HDMI-1 mirrors eDP-1, so the room would see this console.");
        app_frame(a, 0);
        CHECK(saw(&console, "HDMI-1 mirrors eDP-1"));
        cw_window_event(a, cw_projector_id(a), SDL_WINDOWEVENT_CLOSE);
        CHECK(!a->has_proj);
        CHECK(click(a, "Open the projector [F7]"));
        CHECK(a->has_proj);
        /* one display (the dummy driver's): the window stays, and says why */
        CHECK(click(a, "Next display [F7]"));
        CHECK(a->has_proj);
        CHECK_HAS(a->toast, "Only one display");
        free(console.text);
        free(proj.text);
    }
    app_free(a);
    free(a);
}

static void cleanup(void)
{
    if (cw_data_dir[0]) {
        char cmd[128];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", cw_data_dir);
        if (system(cmd) != 0)
            fprintf(stderr, "could not remove %s\n", cw_data_dir);
    }
}

int main(int argc, char **argv)
{
    setenv("SDL_VIDEODRIVER", "dummy", 0);
    setenv("SDL_AUDIODRIVER", "dummy", 0);
    static const check_case cases[] = {
        {"tutorial_workshop", test_tutorial_workshop},
        {"leak_through_windows", test_leak_through_windows},
        {"projector_controls", test_projector_controls},
        {NULL, NULL}};
    int rc = check_main(argc, argv, cases);
    cleanup();
    return rc;
}
