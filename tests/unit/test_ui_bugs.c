/* test_ui_bugs: the desktop bugs a facilitator found (issue 13, item 5),
 * each driven headless with the events a player makes: help texts that
 * name the wrong key, the note's first letter, the wheel in the actions
 * list, the running panel at 1080p, a tooltip that told a lie, toasts and
 * tooltips over what they should not cover, the theme under --theme, and
 * the debrief chart's colours and axis labels. */
#include <stdlib.h>
#include <string.h>

#include "ui/ui_debrief.h"
#include "ui/ui_screens.h"
#include "ui/ui_tour.h"
#include "ui_drive.h"

#define TUTORIAL BH_SOURCE_DIR "/scenarios/tutorial.lua"
#define CARRIER BH_SOURCE_DIR "/scenarios/carrier_ransomware.lua"

/* With BH_BUG_SHOTS=DIR, the frame as it is now goes to DIR/NAME-WxH.bmp,
 * to look at (nothing is checked on it). */
static void shot(app *a, const char *name)
{
    const char *dir = getenv("BH_BUG_SHOTS");
    if (!dir)
        return;
    char path[512];
    snprintf(path, sizeof path, "%s/%s-%dx%d-%d.bmp", dir, name, a->u.w, a->u.h,
             a->u.text_scale);
    bh_err e;
    if (tour_save_bmp(a, path, &e) != BH_OK)
        fprintf(stderr, "%s: %s\n", path, e.msg);
}

/* Straight into the operations room of `scenario`. */
static int into_ops(app *a, drive_opts d)
{
    if (!drive_start(a, &d))
        return 0;
    drive_key_text(a, SDLK_RETURN, NULL);
    CHECK_INT(a->screen, SCR_OPS);
    return a->screen == SCR_OPS && a->playing;
}

static int act_running(app *a, const char *id)
{
    return sim_action_running(a->game.sim, defs_action(sim_defs(a->game.sim), id));
}

/* 1. The briefing's "how to play" named N for the next event; N is the
 * note. The key the text names must do what the text says. */
static void test_help_keys(void)
{
    const char *help = briefing_help();
    const char *skip = strstr(help, " skips to the next event");
    CHECK(skip != NULL && skip > help);
    if (!skip)
        return;
    char letter = skip[-1];
    CHECK(strstr(help, "N writes a note") != NULL || strstr(help, "N: a note") != NULL ||
          strstr(help, "N opens") != NULL);
    app *a = calloc(1, sizeof *a);
    if (into_ops(a, (drive_opts){.scenario = TUTORIAL})) {
        bh_time t0 = sim_now(a->game.sim);
        SDL_Keycode k = letter >= 'A' && letter <= 'Z' ? SDLK_a + (letter - 'A') : 0;
        drive_key_text(a, k, NULL);
        CHECK_INT(a->overlay, OV_NONE); /* not the note */
        CHECK(sim_now(a->game.sim) > t0);
    }
    app_free(a);
    free(a);
}

/* 2. N opens the note box; SDL sends the key and then the character it
 * types, and that "n" must not start the note. Both in one frame, and the
 * character a frame later. */
static void test_note_first_letter(void)
{
    app *a = calloc(1, sizeof *a);
    if (into_ops(a, (drive_opts){.scenario = TUTORIAL})) {
        drive_key_text(a, SDLK_n, "n");
        CHECK_INT(a->overlay, OV_NOTE);
        CHECK_STR(a->note, "");
        drive_key_text(a, SDLK_o, "o");
        drive_key_text(a, SDLK_n, "n");
        CHECK_STR(a->note, "on"); /* an "n" typed in the box is a letter */
        shot(a, "note");
        drive_key_text(a, SDLK_ESCAPE, NULL);
        CHECK_INT(a->overlay, OV_NONE);
        /* the key in one frame, its character in the next */
        drive_key_text(a, SDLK_n, NULL);
        CHECK_INT(a->overlay, OV_NOTE);
        SDL_Event e = {0};
        e.type = SDL_TEXTINPUT;
        snprintf(e.text.text, sizeof e.text.text, "n");
        drive_push(&e);
        app_frame(a, 0);
        CHECK_STR(a->note, "");
        drive_key_text(a, SDLK_x, "x");
        CHECK_STR(a->note, "x");
    }
    app_free(a);
    free(a);
}

/* 3. Scrolled with the wheel, a click on a row keeps the list where it
 * is, and the wheel still scrolls afterwards. */
static void test_wheel_after_click(void)
{
    app *a = calloc(1, sizeof *a);
    if (into_ops(a, (drive_opts){.scenario = TUTORIAL})) {
        drive_key_text(a, SDLK_SPACE, NULL); /* paused: nothing moves by itself */
        CHECK(drive_point(a, "Isolate the Asia offices", 0));
        drive_wheel(a, -1);
        int y0 = a->sc_actions.y;
        CHECK(y0 > 0);
        CHECK(drive_point(a, "Cut external access", 1));
        CHECK(act_running(a, "cut_external"));
        app_frame(a, 0);
        CHECK_INT(a->sc_actions.y, y0);
        /* the clicked row has the focus; the wheel still moves the list
         * the whole way (three lines a notch), even past the focused row */
        drive_wheel(a, -3);
        CHECK_INT(a->sc_actions.y, y0 + 9 * a->u.line);
        int y1 = a->sc_actions.y;
        app_frame(a, 0);
        CHECK_INT(a->sc_actions.y, y1);
        drive_wheel(a, 3);
        CHECK(a->sc_actions.y < y1);
        /* the keyboard still brings the focus into view */
        drive_key_text(a, SDLK_TAB, NULL);
        app_frame(a, 0);
        const ui_control *c = NULL;
        for (int i = 0; i < a->u.nctl; i++)
            if (a->u.ctl[i].id == a->u.focus)
                c = &a->u.ctl[i];
        CHECK(c && c->visible);
    }
    app_free(a);
    free(a);
}

/* Start the action labelled `label` from the actions list, scrolling it
 * into view with the keyboard as a player would. */
static void start_action(app *a, const char *label)
{
    for (int i = 0; i < 200 && !(ui_find(&a->u, label) && ui_find(&a->u, label)->visible); i++)
        drive_key_text(a, SDLK_TAB, NULL);
    drive_point(a, label, 1);
}

/* 4. At 1080p and 100%, three actions running pushed the teams' free
 * staff out of the running panel. */
static void test_running_panel_staff(void)
{
    app *a = calloc(1, sizeof *a);
    if (into_ops(a, (drive_opts){.w = 1920, .h = 1080, .scenario = TUTORIAL})) {
        drive_key_text(a, SDLK_SPACE, NULL);
        start_action(a, "Isolate the Asia offices");
        start_action(a, "Cut external access");
        start_action(a, "Report to the police");
        int n = 0;
        const bh_defs *d = sim_defs(a->game.sim);
        for (size_t i = 0; i < d->nactions; i++)
            n += sim_action_running(a->game.sim, (int)i);
        CHECK(n >= 3);
        app_frame(a, 0);
        CHECK_INT(a->u.overflows, 0);
        shot(a, "running_staff");
        const ui_control *st = ui_find(&a->u, "Free staff");
        CHECK(st != NULL);
        if (st) {
            CHECK(st->visible);
            /* whole, above the timeline strip at the foot of the window */
            int strip = 3 * a->u.line + 3 * a->u.gap;
            CHECK(st->r.y + st->r.h <= a->u.h - strip - a->u.pad);
            CHECK(st->r.h >= (int)d->nteams * a->u.px_small);
            /* below the running actions, overlapping none of them */
            for (int i = 0; i < a->u.nctl; i++)
                if (strcmp(a->u.ctl[i].label, "Cancel") == 0 && a->u.ctl[i].visible)
                    CHECK(!rects_meet(a->u.ctl[i].r, st->r));
        }
    }
    app_free(a);
    free(a);
}

/* The tooltip of the control labelled `label`, after hovering long
 * enough for it to show. */
static const char *hover_tip(app *a, const char *label)
{
    if (!drive_point(a, label, 0))
        return "";
    for (int i = 0; i < 5; i++)
        app_frame(a, 0.2);
    return a->u.tip;
}

/* 5. The tooltip of an action said "Enter or click to start" after it had
 * started: the hovered row kept its first text. */
static void test_running_action_tip(void)
{
    app *a = calloc(1, sizeof *a);
    if (into_ops(a, (drive_opts){.scenario = TUTORIAL})) {
        drive_key_text(a, SDLK_SPACE, NULL);
        CHECK_HAS(hover_tip(a, "Isolate the Asia offices"), "Enter or click to start");
        CHECK(drive_point(a, "Isolate the Asia offices", 1));
        CHECK(act_running(a, "isolate_switch"));
        const char *tip = hover_tip(a, "Isolate the Asia offices");
        CHECK(strstr(tip, "to start") == NULL);
        CHECK_HAS(tip, "Running");
        CHECK_HAS(tip, "min left");
        shot(a, "running_tip");
    }
    app_free(a);
    free(a);
}

static int toggled(app *a, const char *label)
{
    const ui_control *c = ui_find(&a->u, label);
    return c && c->on;
}

/* 7. Under --theme, Settings showed the saved theme as the one in use. */
static void test_theme_override_in_settings(void)
{
    app *a = calloc(1, sizeof *a);
    if (drive_start(a, &(drive_opts){.theme = "light"})) {
        CHECK_STR(a->u.theme.name, "light");
        CHECK(drive_point(a, "Settings", 1));
        CHECK_INT(a->screen, SCR_SETTINGS);
        app_frame(a, 0);
        CHECK(toggled(a, "Light"));
        CHECK(!toggled(a, "Dark"));
        CHECK(!toggled(a, "High contrast"));
        CHECK(drive_point(a, "High contrast", 1));
        app_frame(a, 0);
        CHECK_STR(a->u.theme.name, "high_contrast");
        CHECK(toggled(a, "High contrast"));
        CHECK(!toggled(a, "Light"));
    }
    app_free(a);
    free(a);
}

/* 8. The chart had seven colours and seven markers: an eighth meter
 * looked like the first. Eight different colours, each readable on the
 * chart's background, and eight different markers, in every theme. */
static void test_chart_eight_series(void)
{
    static const char *const themes[] = {"dark", "light", "high_contrast"};
    for (int t = 0; t < 3; t++) {
        char path[256];
        snprintf(path, sizeof path, "assets/themes/%s.theme", themes[t]);
        ui_theme th;
        bh_err e;
        CHECK_INT(ui_theme_load(&th, path, &e), BH_OK);
        for (size_t i = 0; i < 8; i++) {
            ui_rgb c = th.c[debrief_series_color(i)];
            double k = ui_contrast(c, th.c[TC_BACKGROUND]);
            if (k < 3.0)
                fprintf(stderr, "%s: series %zu has contrast %.2f\n", themes[t], i + 1, k);
            CHECK(k >= 3.0);
            for (size_t j = 0; j < i; j++) {
                ui_rgb o = th.c[debrief_series_color(j)];
                int d = abs(c.r - o.r) + abs(c.g - o.g) + abs(c.b - o.b);
                if (d < 80)
                    fprintf(stderr, "%s: series %zu and %zu look alike\n", themes[t], j + 1, i + 1);
                CHECK(d >= 80);
                CHECK(debrief_series_mark(i) != debrief_series_mark(j));
            }
        }
    }
}

/* A palette may set its own series colours; one that does not still
 * loads (the defaults fill in). */
static void test_theme_series_keys(void)
{
    char path[] = "/tmp/bh-theme-series-XXXXXX";
    int fd = mkstemp(path);
    FILE *f = fdopen(fd, "w");
    CHECK(f != NULL);
    if (!f)
        return;
    for (int i = 0; i < TC_SERIES1; i++)
        fprintf(f, "%s #%02x0000\n", ui_theme_key((ui_theme_color)i), i * 10);
    fputs("series3 #123456\n", f);
    fclose(f);
    ui_theme th;
    bh_err e;
    CHECK_INT(ui_theme_load(&th, path, &e), BH_OK);
    CHECK(th.c[TC_SERIES3].r == 0x12 && th.c[TC_SERIES3].g == 0x34 && th.c[TC_SERIES3].b == 0x56);
    CHECK(th.c[TC_SERIES1].r || th.c[TC_SERIES1].g || th.c[TC_SERIES1].b); /* a default */
    unlink(path);
}

/* 9. At 720p and 200% text the chart of eight meters is short, and its
 * five value labels (100% to 0%) ran into each other. Fewer steps when
 * they would: never two labels closer than a label is tall. */
static void test_chart_axis_labels(void)
{
    app *a = calloc(1, sizeof *a);
    if (drive_start(a, &(drive_opts){.w = 1280, .h = 720, .scale = 200})) {
        ui *u = &a->u;
        int lh = ui_text_h(u, u->px_small, u->w, TC_TEXT_DIM, "100%");
        CHECK(lh > 0);
        for (int h = 0; h <= 700; h++) {
            int n = debrief_chart_ticks(u, h);
            CHECK(n == 1 || n == 2 || n == 4);
            if (n > 1 && h / n < lh)
                fprintf(stderr, "height %d: %d steps of %d px for labels %d px tall\n", h, n,
                        h / n, lh);
            CHECK(n == 1 || h / n >= lh);
            if (h / 4 >= lh + u->gap / 2)
                CHECK_INT(n, 4); /* all five when they fit */
        }
        /* the eight-meter chart at this size is about four labels tall */
        CHECK(debrief_chart_ticks(u, 4 * lh) < 4);
    }
    app_free(a);
    free(a);
}

/* The first visible control `r` meets, other than `except`; NULL if none. */
static const ui_control *covers(app *a, SDL_Rect r, const ui_control *except)
{
    for (int i = 0; i < a->u.nctl; i++) {
        const ui_control *c = &a->u.ctl[i];
        if (c != except && c->visible && c->r.w > 0 && rects_meet(c->r, r)) {
            fprintf(stderr, "covers '%s' at %d,%d %dx%d (box %d,%d %dx%d)\n", c->label, c->r.x,
                    c->r.y, c->r.w, c->r.h, r.x, r.y, r.w, r.h);
            return c;
        }
    }
    return NULL;
}

/* 6a. The title's tooltip (a scenario's file) covered the scenarios below
 * it; it goes beside the row it explains. */
static void test_tooltip_beside(void)
{
    static const int sizes[][2] = {{1280, 720}, {1920, 1080}};
    for (int s = 0; s < 2; s++) {
        app *a = calloc(1, sizeof *a);
        if (drive_start(a, &(drive_opts){.w = sizes[s][0], .h = sizes[s][1]})) {
            CHECK_HAS(hover_tip(a, "First Night Shift"), "tutorial.lua");
            shot(a, "title_tip");
            SDL_Rect b = a->u.tip_box;
            CHECK(b.w > 0);
            CHECK(covers(a, b, NULL) == NULL); /* nor the row itself */
            CHECK(b.x >= 0 && b.y >= 0 && b.x + b.w <= a->u.w && b.y + b.h <= a->u.h);
        }
        app_free(a);
        free(a);
    }
}

/* 6b. "Session restored" covered option D of the open decision. */
static void test_toast_on_resume(void)
{
    app *a = calloc(1, sizeof *a);
    if (into_ops(a, (drive_opts){.scenario = TUTORIAL})) {
        const bh_defs *d = sim_defs(a->game.sim);
        int di = defs_decision(d, "ransom");
        bh_decision_status ds = {0};
        for (int i = 0; i < 40000 && ds.state != DEC_OPEN; i++) {
            app_frame(a, 0.25);
            sim_decision_status(a->game.sim, di, &ds);
            if (a->dec_seen >= 0 && a->dec_seen != di)
                drive_key_text(a, SDLK_a, NULL); /* earlier decisions: the first option */
        }
        CHECK_INT(ds.state, DEC_OPEN);
        char journal[PLAY_PATH_MAX];
        snprintf(journal, sizeof journal, "%s", a->game.journal_path);
        bh_err e;
        CHECK_INT(app_resume(a, journal, &e), BH_OK);
        app_frame(a, 0);
        CHECK_HAS(a->toast, "Session restored");
        shot(a, "resume_toast");
        CHECK(a->toast_left > 0);
        CHECK(ui_find(&a->u, "D ") != NULL || ui_find(&a->u, "D:") != NULL ||
              ui_find(&a->u, "Refuse") != NULL);
        CHECK(covers(a, screen_toast_rect(a), NULL) == NULL);
    }
    app_free(a);
    free(a);
}

/* 6c. "Saved ..." covered the path of the report just exported. */
static void test_toast_on_export(void)
{
    static const int sizes[][3] = {{1280, 720, 100}, {1920, 1080, 100}, {1280, 720, 200}};
    for (int s = 0; s < 3; s++) {
        app *a = calloc(1, sizeof *a);
        drive_opts o = {.w = sizes[s][0], .h = sizes[s][1], .scale = sizes[s][2],
                        .scenario = TUTORIAL};
        if (into_ops(a, o)) {
            app_frame(a, 60);
            drive_key_text(a, SDLK_ESCAPE, NULL);
            CHECK(drive_point(a, "Debrief so far", 1));
            CHECK_INT(a->screen, SCR_DEBRIEF);
            drive_key_text(a, SDLK_7, NULL);
            drive_key_text(a, SDLK_h, NULL);
            CHECK(a->exported[0] != 0);
            CHECK_HAS(a->toast, "Saved");
            app_frame(a, 0);
            shot(a, "export_toast");
            SDL_Rect t = screen_toast_rect(a);
            CHECK(covers(a, t, NULL) == NULL);
            /* the path is written just above the export buttons */
            const ui_control *b = ui_find(&a->u, "Export HTML");
            CHECK(b != NULL);
            if (b) {
                int bh = a->u.line + 2 * a->u.gap;
                SDL_Rect path = {0, b->r.y - a->u.pad - bh, a->u.w, bh};
                CHECK(!rects_meet(t, path));
            }
        }
        app_free(a);
        free(a);
    }
}

int main(int argc, char **argv)
{
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    static const check_case cases[] = {
        {"help_keys", test_help_keys},
        {"note_first_letter", test_note_first_letter},
        {"wheel_after_click", test_wheel_after_click},
        {"running_action_tip", test_running_action_tip},
        {"running_panel_staff", test_running_panel_staff},
        {"theme_override_in_settings", test_theme_override_in_settings},
        {"chart_eight_series", test_chart_eight_series},
        {"theme_series_keys", test_theme_series_keys},
        {"chart_axis_labels", test_chart_axis_labels},
        {"tooltip_beside", test_tooltip_beside},
        {"toast_on_resume", test_toast_on_resume},
        {"toast_on_export", test_toast_on_export},
        {"cleanup", drive_cleanup},
        {NULL, NULL}};
    return check_main(argc, argv, cases);
}
