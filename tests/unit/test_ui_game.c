/* test_ui_game: the desktop game driven by scripted SDL events, headless.
 *
 * Mouse clicks and key presses are pushed into SDL's queue and the app runs
 * frame by frame with a fixed dt, so the playthrough is deterministic. The
 * checks look at the session (actions running, decisions chosen, the
 * journal file, the ending), not at pixels. */
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "check_workshop.h"
#include "core/text.h"
#include "ui/ui_app.h"
#include "ui/ui_tour.h"

static char data_dir[64];

static void fresh_data_dir(void)
{
    if (data_dir[0]) {
        char cmd[128];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", data_dir);
        CHECK(system(cmd) == 0);
    }
    snprintf(data_dir, sizeof data_dir, "/tmp/bh-ui-game-XXXXXX");
    CHECK(mkdtemp(data_dir) != NULL);
}

static int text_scale = 100;
static int dev_mode = 0;

static int start(app *a, const char *scenario)
{
    app_opts o = cw_opts(scenario, 0);
    o.dev = dev_mode;
    o.text_scale = text_scale == 100 ? 0 : text_scale; /* 0: the saved setting */
    o.no_save_settings = 0; /* the settings tests read the file back */
    o.data_dir = data_dir;
    return cw_init(a, &o);
}

static void frame(app *a, double dt) { app_frame(a, dt); }

static void push_key(SDL_Keycode k, Uint16 mod, int repeat)
{
    SDL_Event e = {0};
    e.type = SDL_KEYDOWN;
    e.key.keysym.sym = k;
    e.key.keysym.mod = mod;
    e.key.repeat = (Uint8)repeat;
    SDL_PushEvent(&e);
}

static void key(app *a, SDL_Keycode k)
{
    push_key(k, 0, 0);
    frame(a, 0);
}

/* Click the control whose label starts with `label`; 0 when not on screen. */
static int click(app *a, const char *label)
{
    frame(a, 0); /* the controls as the last input left them */
    const ui_control *c = ui_find(&a->u, label);
    if (!c || !c->visible) {
        fprintf(stderr, "no control labelled '%s' %s\n", label,
                c ? "in view (scrolled away)" : "on screen");
        return 0;
    }
    cw_click_at(a, 0, c->r.x + c->r.w / 2, c->r.y + c->r.h / 2);
    return 1;
}

static const char *focused_label(const app *a)
{
    for (int i = 0; i < a->u.nctl; i++)
        if (a->u.ctl[i].id == a->u.focus)
            return a->u.ctl[i].label;
    return "";
}

/* Tab through the controls until one labelled `label` has the focus. */
static int tab_to(app *a, const char *label)
{
    for (int i = 0; i < 200; i++) {
        if (strncmp(focused_label(a), label, strlen(label)) == 0)
            return 1;
        key(a, SDLK_TAB);
    }
    fprintf(stderr, "Tab never reached '%s'\n", label);
    return 0;
}

static void run_until(app *a, bh_time t)
{
    for (int i = 0; i < 100000 && sim_now(a->game.sim) < t && !sim_ended(a->game.sim); i++)
        frame(a, 0.25);
}

static int decision_state(app *a, const char *id)
{
    bh_decision_status ds;
    sim_decision_status(a->game.sim, defs_decision(sim_defs(a->game.sim), id), &ds);
    return ds.state;
}

static int chosen(app *a, const char *id)
{
    bh_decision_status ds;
    sim_decision_status(a->game.sim, defs_decision(sim_defs(a->game.sim), id), &ds);
    return ds.chosen;
}

static int running(app *a, const char *id)
{
    return sim_action_running(a->game.sim, defs_action(sim_defs(a->game.sim), id));
}

static char *journal_text(app *a)
{
    char *t = NULL;
    size_t n;
    bh_err e;
    if (text_read_file(a->game.journal_path, 1 << 20, &t, &n, &e) != BH_OK)
        return NULL;
    return t;
}

/* Title -> briefing -> operations room -> actions -> decisions -> ending,
 * with the mouse for some steps and the keyboard for others. */
static void test_playthrough(void)
{
    fresh_data_dir();
    app *a = calloc(1, sizeof *a);
    if (!start(a, NULL))
        goto out;
    CHECK_INT(a->screen, SCR_TITLE);
    CHECK(ui_find(&a->u, "Continue") == NULL); /* nothing to continue yet */
    CHECK(click(a, "First Night Shift"));
    CHECK_INT(a->screen, SCR_BRIEFING);
    /* Enter presses the focused control, not the screen's default button:
     * Back focused and Enter goes back without starting a session. */
    CHECK(tab_to(a, "Back"));
    key(a, SDLK_RETURN);
    CHECK_INT(a->screen, SCR_TITLE);
    CHECK(!a->playing);
    CHECK(click(a, "First Night Shift"));
    CHECK_INT(a->screen, SCR_BRIEFING);
    /* The briefing is longer than the screen: the keyboard scrolls it. */
    CHECK(tab_to(a, "Briefing text"));
    CHECK_INT(a->sc_brief.y, 0);
    key(a, SDLK_PAGEDOWN);
    CHECK(a->sc_brief.y > 0);
    key(a, SDLK_PAGEUP);
    CHECK_INT(a->sc_brief.y, 0);
    key(a, SDLK_RETURN); /* "Begin the exercise [Enter]" */
    CHECK_INT(a->screen, SCR_OPS);
    CHECK(a->playing);
    if (!a->playing)
        goto out;
    CHECK(access(a->game.journal_path, R_OK) == 0);

    /* Space pauses: real time then moves nothing. */
    key(a, SDLK_SPACE);
    CHECK_INT(a->game.speed, 0);
    bh_time t0 = sim_now(a->game.sim);
    for (int i = 0; i < 20; i++)
        frame(a, 0.5);
    CHECK_INT(sim_now(a->game.sim), t0);
    /* Leaving the menu keeps a paused game paused. */
    key(a, SDLK_ESCAPE);
    CHECK_INT(a->overlay, OV_PAUSE);
    key(a, SDLK_ESCAPE);
    CHECK_INT(a->overlay, OV_NONE);
    CHECK_INT(a->game.speed, 0);
    key(a, SDLK_1);
    CHECK_INT(a->game.speed, 1);
    /* A held Space (key repeat) does not flicker the pause. */
    push_key(SDLK_SPACE, 0, 1);
    frame(a, 0);
    CHECK_INT(a->game.speed, 1);
    run_until(a, 120);

    /* Start one action by mouse and one by keyboard. */
    CHECK(click(a, "Isolate the Asia offices at the switch"));
    CHECK(running(a, "isolate_switch"));
    CHECK(tab_to(a, "Cut external access at the internet edge"));
    key(a, SDLK_RETURN);
    CHECK(running(a, "cut_external"));
    /* Refused input: the same action again. It is not journaled and the
     * game says why. */
    char *before = journal_text(a);
    CHECK(click(a, "Isolate the Asia offices at the switch"));
    CHECK(a->toast_left > 0);
    char *after = journal_text(a);
    CHECK(before && after && strcmp(before, after) == 0);
    free(before);
    free(after);

    /* The press officer's decision opens once the portal goes dark: answer
     * it with its hotkey. The clock stays visible and usable meanwhile. */
    for (int i = 0; i < 20000 && decision_state(a, "first_statement") != DEC_OPEN; i++)
        frame(a, 0.25);
    CHECK_INT(decision_state(a, "first_statement"), DEC_OPEN);
    CHECK(ui_find(&a->u, "Pause") != NULL);
    CHECK(ui_find(&a->u, "\"We are dealing with a cyberattack\"") != NULL);
    /* Under the pause menu the option letters do nothing. */
    key(a, SDLK_ESCAPE);
    CHECK_INT(a->overlay, OV_PAUSE);
    key(a, SDLK_b);
    CHECK_INT(decision_state(a, "first_statement"), DEC_OPEN);
    key(a, SDLK_ESCAPE);
    CHECK_INT(a->overlay, OV_NONE);
    key(a, SDLK_a);
    CHECK_INT(decision_state(a, "first_statement"), DEC_DECIDED);
    CHECK_INT(chosen(a, "first_statement"), 0);

    /* The CEO's ransom question: hide the dialog, look, reopen, click. */
    for (int i = 0; i < 20000 && decision_state(a, "ransom") != DEC_OPEN; i++)
        frame(a, 0.25);
    CHECK_INT(decision_state(a, "ransom"), DEC_OPEN);
    CHECK(click(a, "Look at the board first"));
    CHECK(a->dec_collapsed);
    frame(a, 0);
    CHECK(ui_find(&a->u, "Refuse, and bring in law enforcement") == NULL);
    key(a, SDLK_h);
    CHECK(!a->dec_collapsed);
    CHECK(click(a, "Refuse, and bring in law enforcement"));
    CHECK_INT(decision_state(a, "ransom"), DEC_DECIDED);

    /* The pause menu stops the clock and gives it back at the same speed. */
    key(a, SDLK_4);
    CHECK_INT(a->game.speed, 8);
    key(a, SDLK_ESCAPE);
    CHECK_INT(a->overlay, OV_PAUSE);
    t0 = sim_now(a->game.sim);
    frame(a, 1.0);
    CHECK_INT(sim_now(a->game.sim), t0);
    CHECK(click(a, "Resume"));
    CHECK_INT(a->overlay, OV_NONE);
    CHECK_INT(a->game.speed, 8);

    /* A facilitator's note: N opens the box and stops the clock; typed
     * text goes into the journal as a note line at that time. */
    key(a, SDLK_n);
    CHECK_INT(a->overlay, OV_NOTE);
    CHECK_INT(a->game.speed, 0);
    bh_time note_t = sim_now(a->game.sim);
    {
        SDL_Event e = {0};
        e.type = SDL_TEXTINPUT;
        snprintf(e.text.text, sizeof e.text.text, "Ask why é");
        SDL_PushEvent(&e);
        frame(a, 0);
        key(a, SDLK_BACKSPACE); /* removes the two-byte é whole */
        snprintf(e.text.text, sizeof e.text.text, "the backups?");
        SDL_PushEvent(&e);
        frame(a, 1.0);
    }
    CHECK_INT(sim_now(a->game.sim), note_t);
    CHECK_STR(a->note, "Ask why the backups?");
    key(a, SDLK_RETURN);
    CHECK_INT(a->overlay, OV_NONE);
    CHECK_INT(a->game.speed, 8);
    {
        size_t n;
        const bh_log_entry *log = sim_log(a->game.sim, &n);
        int found = 0;
        for (size_t i = 0; i < n; i++)
            found |= log[i].kind == LOG_FNOTE && log[i].time == note_t && log[i].text &&
                     strcmp(log[i].text, "Ask why the backups?") == 0;
        CHECK(found);
        char *jt = journal_text(a);
        CHECK_HAS(jt, "note Ask why the backups?");
        free(jt);
    }
    /* Esc cancels a note: nothing is journaled. */
    key(a, SDLK_n);
    before = journal_text(a);
    key(a, SDLK_x);
    key(a, SDLK_ESCAPE);
    CHECK_INT(a->overlay, OV_NONE);
    after = journal_text(a);
    CHECK(before && after && strcmp(before, after) == 0);
    free(before);
    free(after);

    /* Skip to each next event until the scenario ends. */
    for (int i = 0; i < 2000 && a->screen == SCR_OPS && !sim_ended(a->game.sim); i++) {
        if (decision_state(a, "reconnect") == DEC_OPEN)
            key(a, SDLK_a);
        else
            CHECK(click(a, "Next event"));
    }
    frame(a, 0);
    CHECK_INT(a->screen, SCR_ENDING);
    CHECK(sim_ended(a->game.sim));
    CHECK(sim_ending(a->game.sim) >= 0);
    CHECK(ui_find(&a->u, "Play again") != NULL);
    char *j = journal_text(a);
    CHECK_HAS(j, "start isolate_switch");
    CHECK_HAS(j, "start cut_external");
    CHECK_HAS(j, "choose first_statement cyberattack");
    CHECK_HAS(j, "choose ransom refuse");
    free(j);
    /* The clock file holds the ending's time, so journal + clock replay to
     * the same ending (what the debrief and reports will do). */
    {
        char path[PLAY_PATH_MAX + 8], *c = NULL;
        size_t len;
        bh_err e;
        snprintf(path, sizeof path, "%s.clock", a->game.journal_path);
        CHECK(text_read_file(path, 64, &c, &len, &e) == BH_OK);
        CHECK(c && strtoll(c, NULL, 10) == sim_now(a->game.sim));
        free(c);
    }
    /* The ended session is not offered for continuing. */
    CHECK(click(a, "Return to the title"));
    CHECK_INT(a->screen, SCR_TITLE);
    CHECK(ui_find(&a->u, "Continue") == NULL);
out:
    app_free(a);
    free(a);
}

typedef struct snapshot {
    bh_time now;
    double meters[16];
    size_t log, inbox;
    int running;
} snapshot;

static void snap(app *a, snapshot *s)
{
    memset(s, 0, sizeof *s);
    const bh_defs *d = sim_defs(a->game.sim);
    s->now = sim_now(a->game.sim);
    for (size_t i = 0; i < d->nmeters && i < 16; i++)
        s->meters[i] = sim_meter(a->game.sim, (int)i);
    sim_log(a->game.sim, &s->log);
    sim_inbox(a->game.sim, &s->inbox);
    for (size_t i = 0; i < d->nactions; i++)
        s->running += sim_action_running(a->game.sim, (int)i);
}

/* Kill the game (SIGKILL: no cleanup at all) mid-session; Continue on the
 * title screen must bring back the same state. */
static void test_kill_and_continue(void)
{
    fresh_data_dir();
    int fd[2];
    CHECK(pipe(fd) == 0);
    pid_t pid = fork();
    if (pid == 0) {
        close(fd[0]);
        app *a = calloc(1, sizeof *a);
        if (!start(a, BH_SOURCE_DIR "/scenarios/tutorial.lua"))
            _exit(3);
        key(a, SDLK_RETURN);
        run_until(a, 150);
        click(a, "Isolate the Asia offices at the switch");
        tab_to(a, "Report to the police");
        key(a, SDLK_RETURN);
        run_until(a, 600);
        a->inbox_sel = 0; /* the player reads the first message */
        frame(a, 0);
        key(a, SDLK_SPACE); /* paused, as a player walking away would */
        snapshot s;
        snap(a, &s);
        if (write(fd[1], &s, sizeof s) != (ssize_t)sizeof s)
            _exit(4);
        raise(SIGKILL);
        _exit(5);
    }
    close(fd[1]);
    snapshot want;
    ssize_t got = read(fd[0], &want, sizeof want);
    close(fd[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
    CHECK_INT(got, (ssize_t)sizeof want);
    CHECK(want.running >= 2);

    /* and the kill tore a line it was writing (a kill in the middle of a
     * write() cannot, but a power cut can) */
    char last[128], journal[PLAY_PATH_MAX];
    snprintf(last, sizeof last, "%s/last", data_dir);
    FILE *f = fopen(last, "r");
    if (f && fgets(journal, sizeof journal, f)) {
        journal[strcspn(journal, "\n")] = '\0';
        FILE *j = fopen(journal, "a");
        if (j) {
            fputs("9m start rep", j);
            fclose(j);
        }
    }
    if (f)
        fclose(f);

    app *a = calloc(1, sizeof *a);
    if (start(a, NULL)) {
        CHECK(click(a, "Continue last session"));
        CHECK_INT(a->screen, SCR_OPS);
        CHECK_HAS(a->toast, "\"9m start rep\") was only partly written");
        CHECK(play_is_read(&a->game, 0) && !play_is_read(&a->game, 1));
        if (a->playing) {
            snapshot have;
            snap(a, &have);
            CHECK_INT(have.now, want.now);
            CHECK(memcmp(have.meters, want.meters, sizeof want.meters) == 0);
            CHECK_INT(have.log, want.log);
            CHECK_INT(have.inbox, want.inbox);
            CHECK_INT(have.running, want.running);
            CHECK_INT(a->game.speed, 0); /* it comes back paused */
        }
    }
    app_free(a);
    free(a);
}

/* A scenario error during play pauses the game and shows where it is. */
static void test_script_error_panel(void)
{
    fresh_data_dir();
    app *a = calloc(1, sizeof *a);
    if (start(a, BH_SOURCE_DIR "/tests/fixtures/ui/runtime_error.lua")) {
        CHECK_INT(a->screen, SCR_BRIEFING);
        key(a, SDLK_RETURN);
        CHECK_INT(a->screen, SCR_OPS);
        key(a, SDLK_s); /* skip to the inject whose effect fails */
        frame(a, 0.1);
        CHECK(a->game.failed);
        CHECK_INT(a->overlay, OV_ERROR);
        CHECK_HAS(a->game.error.file, "runtime_error.lua");
        CHECK_INT(a->game.error.line, 13);
        CHECK_HAS(a->game.error.trace, "stack traceback");
        CHECK(ui_find(&a->u, "Return to the title") != NULL);
        key(a, SDLK_ESCAPE);
        CHECK_INT(a->screen, SCR_TITLE);
        /* The title says the last session exists but stops, and shows why. */
        frame(a, 0);
        CHECK(ui_find(&a->u, "Continue last session") == NULL);
        CHECK(click(a, "Last session: it stops with an error"));
        frame(a, 0);
        CHECK(a->screen == SCR_LOAD_ERROR || (a->screen == SCR_OPS && a->overlay == OV_ERROR));
    }
    app_free(a);
    free(a);
    /* ...and one that does not load lists its problems with file:line. */
    a = calloc(1, sizeof *a);
    if (start(a, BH_SOURCE_DIR "/tests/fixtures/ui/broken.lua")) {
        CHECK_INT(a->screen, SCR_LOAD_ERROR);
        CHECK_HAS(a->load_error, "broken.lua:4: meter 'm'");
        CHECK_HAS(a->load_error, "broken.lua:5: action 'a': team 'nobody'");
        key(a, SDLK_ESCAPE);
        CHECK_INT(a->screen, SCR_TITLE);
    }
    app_free(a);
    free(a);
}

/* A scenario whose length runs out with no ending and no fallback still
 * gets an ending screen. */
static void test_no_fallback_ending(void)
{
    fresh_data_dir();
    app *a = calloc(1, sizeof *a);
    if (start(a, BH_SOURCE_DIR "/tests/fixtures/ui/no_fallback.lua")) {
        key(a, SDLK_RETURN);
        CHECK_INT(a->screen, SCR_OPS);
        key(a, SDLK_4);
        for (int i = 0; i < 100 && a->screen == SCR_OPS; i++)
            frame(a, 1.0);
        CHECK_INT(a->screen, SCR_ENDING);
        CHECK(a->playing && sim_ended(a->game.sim));
        CHECK_INT(sim_ending(a->game.sim), -1);
        frame(a, 0);
        CHECK(ui_find(&a->u, "Play again") != NULL);
    }
    app_free(a);
    free(a);
}

/* At 200% text on 1280x720 (a projector) the room folds into tabs beside
 * the board, each reachable by its key and by mouse. */
static void test_compact_tabs(void)
{
    fresh_data_dir();
    text_scale = 200;
    app *a = calloc(1, sizeof *a);
    if (start(a, BH_SOURCE_DIR "/scenarios/tutorial.lua")) {
        key(a, SDLK_RETURN);
        CHECK_INT(a->screen, SCR_OPS);
        frame(a, 0);
        CHECK(ui_find(&a->u, "Inbox") != NULL);
        CHECK(ui_find(&a->u, "Report to the police") == NULL); /* actions are on another tab */
        key(a, SDLK_F2);
        CHECK_INT(a->tab, 1);
        /* scrolled out of view, so the mouse cannot reach it yet; the
         * keyboard brings it into view */
        CHECK(!click(a, "Report to the police"));
        CHECK(!running(a, "report_police"));
        CHECK(tab_to(a, "Report to the police"));
        key(a, SDLK_RETURN);
        CHECK(running(a, "report_police"));
        CHECK(click(a, "Running F3"));
        CHECK_INT(a->tab, 2);
        CHECK(ui_find(&a->u, "Cancel") != NULL);
        CHECK(click(a, "Inbox"));
        CHECK_INT(a->tab, 0);
    }
    app_free(a);
    free(a);
    text_scale = 100;
}

/* Every debrief screen by keyboard alone: the tabs, a timeline item, a
 * what-if compared and then played on, and the three exports. */
static void test_debrief_by_keyboard(void)
{
    fresh_data_dir();
    app *a = calloc(1, sizeof *a);
    if (!start(a, BH_SOURCE_DIR "/scenarios/tutorial.lua"))
        goto out;
    key(a, SDLK_RETURN);
    CHECK(a->playing);
    if (!a->playing)
        goto out;
    bh_err e;
    /* the story so far, from the pause menu */
    CHECK(tour_drive(a, "tests/plans/tutorial_expert.plan", -1, 30 * 60, &e) == BH_OK);
    /* a facilitator's note, which every export must carry */
    key(a, SDLK_n);
    {
        SDL_Event te = {0};
        te.type = SDL_TEXTINPUT;
        snprintf(te.text.text, sizeof te.text.text, "Room split on paying");
        SDL_PushEvent(&te);
        frame(a, 0);
    }
    key(a, SDLK_RETURN);
    key(a, SDLK_ESCAPE);
    CHECK(tab_to(a, "Debrief so far"));
    key(a, SDLK_RETURN);
    CHECK_INT(a->screen, SCR_DEBRIEF);
    CHECK(a->debrief != NULL);
    key(a, SDLK_ESCAPE);
    CHECK_INT(a->screen, SCR_OPS);
    CHECK_INT(a->overlay, OV_PAUSE);
    key(a, SDLK_ESCAPE);
    CHECK(tour_drive(a, "tests/plans/tutorial_expert.plan", 30 * 60,
                     sim_defs(a->game.sim)->scenario.length, &e) == BH_OK);
    frame(a, 0);
    CHECK_INT(a->screen, SCR_ENDING);
    key(a, SDLK_d);
    CHECK_INT(a->screen, SCR_DEBRIEF);
    /* every tab by its number key */
    for (int i = DB_TABS - 1; i >= 0; i--) {
        key(a, SDLK_1 + i);
        CHECK_INT(a->dtab, i);
        frame(a, 0);
        CHECK(a->u.overflows == 0);
    }
    /* a timeline item by Tab and Enter */
    CHECK(tab_to(a, "Started: Isolate the Asia offices"));
    key(a, SDLK_RETURN);
    const json_t *ev = json_array_get(json_object_get(a->debrief, "timeline"), (size_t)a->dsel);
    CHECK(ev && strcmp(json_string_value(json_object_get(ev, "id")), "isolate_switch") == 0);
    /* exports, from the last tab */
    key(a, SDLK_7);
    CHECK(ui_find(&a->u, "Room split on paying") != NULL); /* the notes tab shows it */
    static const SDL_Keycode keys[3] = {SDLK_h, SDLK_m, SDLK_j};
    static const char *const exts[3] = {".html", ".md", ".json"};
    for (int i = 0; i < 3; i++) {
        key(a, keys[i]);
        CHECK_HAS(a->exported, "/reports/");
        CHECK_HAS(a->exported, exts[i]);
        char *t = NULL;
        size_t tn;
        bh_err re;
        CHECK(text_read_file(a->exported, 1 << 22, &t, &tn, &re) == BH_OK);
        CHECK_HAS(t, "Room split on paying");
        CHECK_HAS(t, "A clean handover");
        free(t);
    }
    /* what if the first public line had been "an IT issue"? */
    key(a, SDLK_3);
    CHECK(tab_to(a, "What if… (D2)"));
    key(a, SDLK_RETURN);
    CHECK_INT(a->wi_decision, 1);
    CHECK(tab_to(a, "\"An internal IT infrastructure issue\""));
    key(a, SDLK_RETURN);
    CHECK(a->wi_result != NULL);
    CHECK_STR(a->wi_option, "it_issue");
    char original[PLAY_PATH_MAX];
    snprintf(original, sizeof original, "%s", a->game.journal_path);
    CHECK(tab_to(a, "Play on from this choice"));
    key(a, SDLK_RETURN);
    CHECK_INT(a->screen, SCR_OPS);
    CHECK(a->playing);
    if (a->playing) {
        CHECK_HAS(a->game.journal_path, "-whatif-first_statement-it_issue");
        CHECK(strcmp(a->game.journal_path, original) != 0);
        CHECK(access(original, R_OK) == 0); /* the original is kept */
        CHECK_INT(sim_now(a->game.sim), 23 * 60);
        CHECK_INT(chosen(a, "first_statement"), 1);
        CHECK_INT(a->game.speed, 0);
    }
out:
    app_free(a);
    free(a);
}

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

static const char *hot_lua(const char *effect)
{
    static char buf[1024];
    snprintf(buf, sizeof buf,
             "scenario { id = 'hot', title = 'Hot', start = '2020-01-01 09:00', length = '2h' }\n"
             "meter { id = 'm', label = 'Meter', start = 10 }\n"
             "team { id = 't', label = 'Team', staff = 1 }\n"
             "action { id = 'act', kind = 'contain', label = 'Act now', team = 't', "
             "takes = '5m', source = 'fiction', effect = function(w) %s end }\n"
             "ending { id = 'e', title = 'E', text = 'T', fallback = true }\n", effect);
    return buf;
}

/* Hot reload in the game: saving the file reloads it and replays the
 * journal; a broken save shows the developer screen with --dev and only a
 * calm message without it; the last good version keeps running. */
static void test_hot_reload(void)
{
    for (dev_mode = 1; dev_mode >= 0; dev_mode--) {
        fresh_data_dir();
        char scn[128];
        snprintf(scn, sizeof scn, "%s/hot.lua", data_dir);
        write_text(scn, hot_lua("w.meter.m = 20"));
        app *a = calloc(1, sizeof *a);
        if (!start(a, scn)) {
            CHECK(0);
            free(a);
            continue;
        }
        key(a, SDLK_RETURN);
        CHECK(a->playing);
        if (!a->playing)
            goto next;
        CHECK(click(a, "Act now"));
        key(a, SDLK_4);
        for (int i = 0; i < 10; i++)
            frame(a, 0.25); /* 8x: 10 minutes */
        CHECK(sim_meter(a->game.sim, 0) == 20);
        bh_time t = sim_now(a->game.sim);
        key(a, SDLK_SPACE);
        /* the author saves a new effect: reloaded within a second */
        write_text(scn, hot_lua("w.meter.m = 77"));
        frame(a, 0.6);
        frame(a, 0.6);
        CHECK(sim_meter(a->game.sim, 0) == 77);
        CHECK_INT(sim_now(a->game.sim), t);
        CHECK_INT(a->reloads, 1);
        /* a broken save */
        write_text(scn, "scenario { id = 'hot',, }\n");
        frame(a, 0.6);
        frame(a, 0.6);
        CHECK(sim_meter(a->game.sim, 0) == 77); /* the last good version */
        if (dev_mode) {
            CHECK_INT(a->overlay, OV_DEV);
            CHECK_HAS(a->reload_err.file, "hot.lua");
            CHECK_INT(a->reload_err.line, 1);
            frame(a, 0);
            CHECK(ui_find(&a->u, "Retry") != NULL);
            /* fixed and retried with R */
            write_text(scn, hot_lua("w.meter.m = 78"));
            key(a, SDLK_r);
            CHECK_INT(a->overlay, OV_NONE);
            CHECK(sim_meter(a->game.sim, 0) == 78);
        } else {
            CHECK_INT(a->overlay, OV_NONE); /* players never see the developer screen */
            CHECK(a->toast_left > 0);
            CHECK_HAS(a->toast, "goes on with the version it had");
            /* F5 after the fix */
            write_text(scn, hot_lua("w.meter.m = 79"));
            key(a, SDLK_F5);
            CHECK(sim_meter(a->game.sim, 0) == 79);
        }
    next:
        app_free(a);
        free(a);
    }
    dev_mode = 0;
}

/* Settings change live and persist to the data folder. */
static void test_settings(void)
{
    fresh_data_dir();
    app *a = calloc(1, sizeof *a);
    if (start(a, NULL)) {
        key(a, SDLK_s);
        CHECK_INT(a->screen, SCR_SETTINGS);
        CHECK(click(a, "Light"));
        CHECK_STR(a->u.theme.name, "light");
        CHECK(click(a, "175%"));
        CHECK_INT(a->u.text_scale, 175);
        CHECK(click(a, "4×"));
        key(a, SDLK_ESCAPE);
        CHECK_INT(a->screen, SCR_TITLE);
    }
    app_free(a);
    free(a);
    a = calloc(1, sizeof *a);
    if (start(a, NULL)) {
        CHECK_STR(a->settings.theme, "light");
        CHECK_INT(a->settings.text_scale, 175);
        CHECK_INT(a->settings.speed, 4);
    }
    app_free(a);
    free(a);
}

static void cleanup(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", data_dir);
    CHECK(system(cmd) == 0);
}

int main(int argc, char **argv)
{
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    static const check_case cases[] = {
        {"kill_and_continue", test_kill_and_continue}, /* forks: runs before SDL starts */
        {"playthrough", test_playthrough},
        {"script_error_panel", test_script_error_panel},
        {"settings", test_settings},
        {"no_fallback_ending", test_no_fallback_ending},
        {"compact_tabs", test_compact_tabs},
        {"debrief_by_keyboard", test_debrief_by_keyboard},
        {"hot_reload", test_hot_reload},
        {"cleanup", cleanup},
        {NULL, NULL}};
    return check_main(argc, argv, cases);
}
