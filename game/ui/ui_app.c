#include "ui/ui_app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "ui/ui_screens.h"

/* ---- finding the game's folders ---- */

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Without a folder from the command line (tests, tools): assets/ and
 * scenarios/ sit beside the build folder in a checkout, or in the working
 * directory. */
static void find_dir(char *out, size_t n, const char *given, const char *name)
{
    if (given) {
        snprintf(out, n, "%s", given);
        return;
    }
    char *base = SDL_GetBasePath();
    char c0[PLAY_PATH_MAX] = "";
    if (base)
        snprintf(c0, sizeof c0, "%s../%s", base, name);
    SDL_free(base);
    snprintf(out, n, "%s", c0[0] && is_dir(c0) ? c0 : name);
}

void app_toast(app *a, const char *msg)
{
    snprintf(a->toast, sizeof a->toast, "%s", msg);
    a->toast_left = 4.0;
}

void app_set_theme(app *a, const char *name)
{
    char path[PLAY_PATH_MAX + 64];
    snprintf(path, sizeof path, "%s/themes/%s.theme", a->assets_dir, name);
    bh_err e;
    ui_theme t;
    if (ui_theme_load(&t, path, &e) != BH_OK) {
        char buf[1200];
        app_toast(a, err_format(&e, buf, sizeof buf));
        fprintf(stderr, "bulkhead: %s\n", buf);
        return;
    }
    a->u.theme = t;
    snprintf(a->settings.theme, sizeof a->settings.theme, "%s", name);
}

void app_set_text_scale(app *a, int pct)
{
    if (pct < 100)
        pct = 100;
    if (pct > 200)
        pct = 200;
    a->settings.text_scale = pct;
    a->u.text_scale = pct;
}

static void save_settings(app *a)
{
    if (a->opts.no_save_settings)
        return;
    bh_err e;
    if (ui_settings_save(&a->settings, a->settings_path, &e) != BH_OK) {
        char buf[1200];
        app_toast(a, err_format(&e, buf, sizeof buf));
    }
}

static void refresh_title(app *a)
{
    play_catalogue_free(&a->cat);
    bh_err e;
    if (play_catalogue_scan(&a->cat, a->scenario_dir, a->opts.user_scenario_dir, &e) != BH_OK) {
        char buf[1200];
        app_toast(a, err_format(&e, buf, sizeof buf));
    }
    a->can_continue =
        play_find_unfinished(a->data_dir, a->continue_path, sizeof a->continue_path);
    a->last_broken = !a->can_continue &&
                     play_last_journal(a->data_dir, a->continue_path, sizeof a->continue_path);
}

static void free_brief(app *a)
{
    lh_free(a->brief);
    a->brief = NULL;
    lh_diags_free(&a->diags);
    memset(&a->diags, 0, sizeof a->diags);
}

void app_stop_session(app *a)
{
    app_close_debrief(a);
    if (a->playing)
        play_close(&a->game);
    memset(&a->game, 0, sizeof a->game);
    a->game.journal.fd = -1;
    a->playing = 0;
    a->inbox_sel = -1;
    a->dec_collapsed = 0;
    a->dec_seen = -1;
    a->overlay = OV_NONE;
    memset(&a->sc_inbox, 0, sizeof a->sc_inbox);
    memset(&a->sc_msg, 0, sizeof a->sc_msg);
    memset(&a->sc_actions, 0, sizeof a->sc_actions);
    memset(&a->sc_board, 0, sizeof a->sc_board);
}

void app_to_title(app *a)
{
    app_stop_session(a);
    free_brief(a);
    a->screen = SCR_TITLE;
    refresh_title(a);
    a->u.focus = 0;
}

static void show_load_error(app *a, const char *path, const lh_diags *d, const bh_err *e)
{
    size_t o = 0;
    o += (size_t)snprintf(a->load_error, sizeof a->load_error, "%s could not be loaded.\n\n",
                          path);
    if (d)
        for (size_t i = 0; i < d->n && o < sizeof a->load_error; i++) {
            const lh_diag *g = &d->v[i];
            if (g->sev != LH_ERROR)
                continue;
            o += (size_t)snprintf(a->load_error + o, sizeof a->load_error - o, "%s:%d: %s\n",
                                  g->file ? g->file : path, g->line, g->msg);
        }
    /* the error value repeats the first diagnostic when there are any */
    if (e && e->msg[0] && (!d || d->errors == 0) && o < sizeof a->load_error) {
        char buf[1200];
        snprintf(a->load_error + o, sizeof a->load_error - o, "%s\n",
                 err_format(e, buf, sizeof buf));
    }
    fprintf(stderr, "bulkhead: %s", a->load_error);
    a->screen = SCR_LOAD_ERROR;
    a->u.focus = 0;
}

void app_open_briefing(app *a, const char *path)
{
    app_stop_session(a);
    free_brief(a);
    snprintf(a->brief_path, sizeof a->brief_path, "%s", path);
    lh_opts o;
    lh_opts_default(&o);
    if (lh_load(path, &o, &a->brief, &a->diags) != BH_OK || !a->brief) {
        show_load_error(a, path, &a->diags, NULL);
        return;
    }
    memset(&a->sc_brief, 0, sizeof a->sc_brief);
    a->screen = SCR_BRIEFING;
    a->u.focus = 0;
}

static void enter_ops(app *a)
{
    a->screen = SCR_OPS;
    a->overlay = OV_NONE;
    a->inbox_sel = -1;
    a->dec_seen = -1;
    a->u.focus = 0;
}

void app_begin(app *a)
{
    app_stop_session(a);
    uint64_t seed = a->opts.has_seed ? a->opts.seed : (uint64_t)time(NULL);
    lh_diags d = {0};
    bh_err e;
    err_clear(&e);
    if (play_start(&a->game, a->brief_path, a->data_dir, seed, &d, &e) != BH_OK) {
        show_load_error(a, a->brief_path, &d, &e);
        lh_diags_free(&d);
        play_close(&a->game);
        return;
    }
    lh_diags_free(&d);
    a->playing = 1;
    play_set_speed(&a->game, a->settings.speed);
    a->speed_before_pause = a->settings.speed ? a->settings.speed : 1;
    free_brief(a);
    enter_ops(a);
}

bh_status app_resume(app *a, const char *journal, bh_err *err)
{
    app_stop_session(a);
    free_brief(a);
    lh_diags d = {0};
    bh_status st = play_resume(&a->game, journal, a->data_dir, &d, err);
    if (st != BH_OK) {
        show_load_error(a, journal, &d, err);
        lh_diags_free(&d);
        play_close(&a->game);
        return st;
    }
    lh_diags_free(&d);
    a->playing = 1;
    a->speed_before_pause = a->settings.speed ? a->settings.speed : 1;
    enter_ops(a);
    if (a->game.notice[0]) {
        fprintf(stderr, "bulkhead: %s: %s\n", a->game.journal_path, a->game.notice);
        char msg[sizeof a->toast];
        snprintf(msg, sizeof msg, "Session restored, paused. %s", a->game.notice);
        app_toast(a, msg);
        a->toast_left = 12.0; /* long enough to read */
    } else {
        app_toast(a, "Session restored. It is paused: press Space to carry on.");
    }
    return BH_OK;
}

/* ---- init ---- */

static bh_status open_window(app *a, bh_err *err)
{
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0)
        return err_set(err, BH_EIO, "", 0,
                       "no display available (%s). Run the game on a desktop session, or "
                       "headless with: xvfb-run -a scripts/play, or "
                       "SDL_VIDEODRIVER=dummy for tests",
                       SDL_GetError());
    /* Without a display SDL quietly picks a driver that draws nowhere, and
     * the game would run unseen forever. Those drivers are for tests, and
     * only when asked for by name. */
    const char *drv = SDL_GetCurrentVideoDriver();
    if (drv && (strcmp(drv, "offscreen") == 0 || strcmp(drv, "dummy") == 0) &&
        !SDL_getenv("SDL_VIDEODRIVER"))
        return err_set(err, BH_EIO, "", 0,
                       "no display found (SDL chose its '%s' driver, which shows nothing). "
                       "Run the game on a desktop session, or headless with: xvfb-run -a "
                       "scripts/play; tests use SDL_VIDEODRIVER=dummy",
                       drv);
    if (TTF_Init() != 0)
        return err_set(err, BH_EIO, "", 0, "SDL_ttf failed to start: %s", TTF_GetError());
    int w = a->opts.width > 0 ? a->opts.width : 1280;
    int h = a->opts.height > 0 ? a->opts.height : 720;
    Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    if (a->settings.fullscreen)
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    a->u.win = SDL_CreateWindow("Bulkhead", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h,
                                flags);
    if (!a->u.win)
        return err_set(err, BH_EIO, "", 0,
                       "could not open a window (%s). Run the game on a desktop session, "
                       "or headless with: xvfb-run -a scripts/play",
                       SDL_GetError());
    SDL_SetWindowMinimumSize(a->u.win, 960, 540);
    Uint32 rf = a->opts.software ? SDL_RENDERER_SOFTWARE
                                 : SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC;
    a->u.r = SDL_CreateRenderer(a->u.win, -1, rf);
    if (!a->u.r)
        a->u.r = SDL_CreateRenderer(a->u.win, -1, SDL_RENDERER_SOFTWARE);
    if (!a->u.r)
        return err_set(err, BH_EIO, "", 0, "could not create a renderer: %s", SDL_GetError());
    /* Every colour is opaque: blending fills would only cost time (about
     * 6 ms a frame at 1080p in the software renderer). */
    SDL_SetRenderDrawBlendMode(a->u.r, SDL_BLENDMODE_NONE);
    return BH_OK;
}

static bh_status find_data_dir(app *a, bh_err *err)
{
    if (a->opts.data_dir) {
        snprintf(a->data_dir, sizeof a->data_dir, "%s", a->opts.data_dir);
        if (!is_dir(a->data_dir) && mkdir(a->data_dir, 0755) != 0)
            return err_set(err, BH_EIO, a->data_dir, 0, "cannot create the data folder");
    } else {
        char *p = SDL_GetPrefPath("", "bulkhead");
        if (!p)
            return err_set(err, BH_EIO, "", 0,
                           "no folder for saved sessions (%s); pass --data-dir DIR",
                           SDL_GetError());
        snprintf(a->data_dir, sizeof a->data_dir, "%s", p);
        size_t n = strlen(a->data_dir);
        if (n > 1 && a->data_dir[n - 1] == '/')
            a->data_dir[n - 1] = 0;
        SDL_free(p);
    }
    snprintf(a->settings_path, sizeof a->settings_path, "%s/settings.json", a->data_dir);
    return BH_OK;
}

bh_status app_init(app *a, const app_opts *o, bh_err *err)
{
    memset(a, 0, sizeof *a);
    a->opts = *o;
    a->game.journal.fd = -1;
    a->inbox_sel = -1;
    a->dec_seen = -1;
    a->wi_decision = -1;
    find_dir(a->assets_dir, sizeof a->assets_dir, o->assets_dir, "assets");
    find_dir(a->scenario_dir, sizeof a->scenario_dir, o->scenario_dir, "scenarios");
    ui_settings_default(&a->settings);
    bh_status st = find_data_dir(a, err);
    if (st != BH_OK)
        return st;
    bh_err se;
    if (ui_settings_load(&a->settings, a->settings_path, &se) != BH_OK) {
        char buf[1200];
        fprintf(stderr, "bulkhead: warning: %s (using the defaults)\n",
                err_format(&se, buf, sizeof buf));
    }
    if (o->fullscreen)
        a->settings.fullscreen = 1;
    st = open_window(a, err);
    if (st != BH_OK)
        return st;
    char font[PLAY_PATH_MAX];
    st = ui_font_find(o->font, "DejaVu Sans", font, sizeof font, err);
    if (st == BH_OK)
        st = ui_font_open(&a->u.font, font, err);
    if (st == BH_OK)
        st = ui_text_init(&a->u.text, a->u.r, &a->u.font, 768, err);
    if (st != BH_OK)
        return st;
    /* The palette must load: the game has no colours without one. */
    char path[PLAY_PATH_MAX + 64];
    const char *theme = o->theme ? o->theme : a->settings.theme;
    snprintf(path, sizeof path, "%s/themes/%s.theme", a->assets_dir, theme);
    if (ui_theme_load(&a->u.theme, path, &se) != BH_OK) {
        snprintf(path, sizeof path, "%s/themes/dark.theme", a->assets_dir);
        st = ui_theme_load(&a->u.theme, path, err);
        if (st != BH_OK)
            return st;
    }
    app_set_text_scale(a, o->text_scale > 0 ? o->text_scale : a->settings.text_scale);
    if (o->resume) {
        if (app_resume(a, o->resume, err) != BH_OK)
            return BH_OK; /* the load-error screen shows it */
    } else if (o->scenario) {
        app_open_briefing(a, o->scenario);
    } else {
        app_to_title(a);
    }
    return BH_OK;
}

void app_free(app *a)
{
    app_stop_session(a);
    free_brief(a);
    play_catalogue_free(&a->cat);
    ui_text_free(&a->u.text);
    ui_font_close(&a->u.font);
    if (a->u.r)
        SDL_DestroyRenderer(a->u.r);
    if (a->u.win)
        SDL_DestroyWindow(a->u.win);
    TTF_Quit();
    SDL_Quit();
}

/* ---- shared pieces ---- */

int screen_button_w(app *a, const char *label)
{
    return ui_text_w(&a->u, a->u.px_body, TC_TEXT, label) + 4 * a->u.gap;
}

int screen_trace(app *a, int x, int y, int w, const char *trace)
{
    ui *u = &a->u;
    if (!trace || !trace[0])
        return 0;
    char t[sizeof ((bh_err *)0)->trace];
    /* Lua indents frames with tabs, which the font has no glyph for */
    size_t i = 0;
    for (; trace[i] && i + 1 < sizeof t; i++)
        t[i] = trace[i] == '\t' ? ' ' : trace[i];
    t[i] = 0;
    return u->pad + ui_label(u, (SDL_Rect){x, y + u->pad, w, 0}, u->px_small, TC_TEXT_DIM,
                             UI_WRAP, t);
}

SDL_Rect screen_dialog(app *a, int w, int h, const char *title)
{
    ui *u = &a->u;
    if (w > u->w - 2 * u->pad)
        w = u->w - 2 * u->pad;
    int th = u->px_title * 3 / 2;
    if (h + th + 3 * u->pad > u->h - 2 * u->pad)
        h = u->h - 2 * u->pad - th - 3 * u->pad;
    SDL_Rect box = {(u->w - w) / 2, (u->h - h - th - 3 * u->pad) / 2, w,
                    h + th + 3 * u->pad};
    ui_fill(u, (SDL_Rect){box.x + 6, box.y + 6, box.w, box.h}, TC_BACKGROUND);
    ui_fill(u, box, TC_PANEL);
    ui_frame(u, box, TC_ACCENT, 2);
    u->bg = TC_PANEL;
    ui_label(u, (SDL_Rect){box.x + u->pad, box.y + u->pad, box.w - 2 * u->pad, th},
             u->px_title, TC_TEXT, UI_ELLIPSIS, title);
    return (SDL_Rect){box.x + u->pad, box.y + 2 * u->pad + th, box.w - 2 * u->pad, h};
}

/* ---- title ---- */

static void screen_title(app *a)
{
    ui *u = &a->u;
    u->scope = 1;
    int colw = u->w * 3 / 5;
    if (colw < 40 * u->px_body)
        colw = u->w - 4 * u->pad;
    int x = (u->w - colw) / 2, y = u->pad * 3;
    y += ui_label(u, (SDL_Rect){x, y, colw, u->px_huge * 2}, u->px_huge, TC_TEXT, 0,
                  "BULKHEAD");
    y += ui_label(u, (SDL_Rect){x, y, colw, u->line * 4}, u->px_head, TC_TEXT_DIM, UI_WRAP,
                  "A tabletop incident-response game. A bulkhead keeps a breach in one "
                  "compartment of a ship: keep this one contained.");
    y += 2 * u->pad;
    int bh = u->line + 2 * u->gap;
    int bottom = u->h - bh - 3 * u->pad;
    if (a->can_continue) {
        const char *slash = strrchr(a->continue_path, '/');
        char lab[400];
        snprintf(lab, sizeof lab, "Continue last session (%s)", slash ? slash + 1 : "");
        if (ui_button(u, ui_id(u, "continue"), (SDL_Rect){x, y, colw, bh}, lab, SDLK_c,
                      "Replays the saved journal and returns to where the clock was. [C]")) {
            bh_err e;
            app_resume(a, a->continue_path, &e);
            return;
        }
        y += bh + u->pad;
    } else if (a->last_broken) {
        /* Without this the Continue button would vanish without a word
         * after an author's fix that does not load. */
        if (ui_button(u, ui_id(u, "broken"), (SDL_Rect){x, y, colw, bh},
                      "Last session: it stops with an error. See why [C]", SDLK_c,
                      "Replays the saved journal and shows the error it meets.")) {
            bh_err e;
            app_resume(a, a->continue_path, &e);
            return;
        }
        y += bh + u->pad;
    }
    y += ui_label(u, (SDL_Rect){x, y, colw, u->line * 2}, u->px_head, TC_TEXT, 0,
                  "Scenarios");
    SDL_Rect view = {x, y, colw, bottom - y - u->pad};
    ui_scroll_begin(u, &a->sc_title, view);
    int cy = view.y;
    for (size_t i = 0; i < a->cat.n; i++) {
        const play_entry *en = &a->cat.v[i];
        int inner = colw - 4 * u->pad;
        char meta[256], len[64];
        dur_format(en->length, len, sizeof len);
        if (en->ok)
            snprintf(meta, sizeof meta, "%s  ·  Length %s  ·  Difficulty: %s", en->summary, len,
                     en->difficulty && en->difficulty[0] ? en->difficulty : "not rated");
        else
            snprintf(meta, sizeof meta, "Cannot be played: %s", en->problem);
        int h1 = ui_text_h(u, u->px_head, inner, TC_TEXT, en->ok ? en->title : en->path);
        int h2 = ui_text_h(u, u->px_body, inner, en->ok ? TC_TEXT_DIM : TC_WARNING, meta);
        SDL_Rect r = {x, cy, colw - 2 * u->gap, h1 + h2 + 3 * u->gap};
        int hot = 0;
        char tip[300];
        snprintf(tip, sizeof tip, "%s: Enter or click to read the briefing.", en->path);
        int hit = ui_area(u, ui_idn(u, "scn", (int)i), r, en->ok ? en->title : en->path, tip,
                          &hot);
        SDL_Rect s = r;
        s.y -= u->oy;
        ui_fill(u, s, TC_PANEL);
        ui_frame(u, s, hot ? TC_ACCENT : TC_PANEL_BORDER, hot ? 2 : 1);
        if (ui_focused(u, ui_idn(u, "scn", (int)i)) && u->focus_visible)
            ui_frame(u, (SDL_Rect){s.x - 3, s.y - 3, s.w + 6, s.h + 6}, TC_FOCUS, 3);
        u->bg = TC_PANEL;
        ui_label(u, (SDL_Rect){x + 2 * u->pad, cy + u->gap, inner, h1}, u->px_head, TC_TEXT,
                 UI_WRAP, en->ok ? en->title : en->path);
        ui_label(u, (SDL_Rect){x + 2 * u->pad, cy + u->gap + h1 + u->gap, inner, h2},
                 u->px_body, en->ok ? TC_TEXT_DIM : TC_WARNING, UI_WRAP, meta);
        u->bg = TC_BACKGROUND;
        cy += r.h + u->gap;
        if (hit) { /* a broken one opens the screen that says what is wrong */
            ui_scroll_end(u, cy - view.y);
            app_open_briefing(a, en->path);
            return;
        }
    }
    if (a->cat.n == 0)
        cy += ui_label(u, (SDL_Rect){x, cy, colw, u->line * 3}, u->px_body, TC_TEXT_DIM,
                       UI_WRAP, "No scenarios found. Put .lua scenarios in the scenarios/ "
                                "folder, or run: bulkhead play FILE.lua");
    ui_scroll_end(u, cy - view.y);
    int bw = screen_button_w(a, "Settings [S]");
    if (ui_button(u, ui_id(u, "settings"), (SDL_Rect){x, bottom, bw, bh}, "Settings [S]",
                  SDLK_s, "Text size, colours, default speed and full screen.")) {
        a->settings_return = SCR_TITLE;
        a->screen = SCR_SETTINGS;
        u->focus = 0;
    }
    int qw = screen_button_w(a, "Quit [Q]");
    if (ui_button(u, ui_id(u, "quit"), (SDL_Rect){x + colw - 2 * u->gap - qw, bottom, qw, bh}, "Quit [Q]",
                  SDLK_q, "Close Bulkhead."))
        a->quit = 1;
}

/* ---- briefing ---- */

static int section(ui *u, int x, int y, int w, const char *head, const char *body)
{
    if (!body || !body[0])
        return 0;
    int h = ui_label(u, (SDL_Rect){x, y, w, u->line * 2}, u->px_head, TC_ACCENT, 0, head);
    h += u->gap;
    h += ui_label(u, (SDL_Rect){x, y + h, w, 0}, u->px_body, TC_TEXT, UI_WRAP, body);
    return h + u->pad * 2;
}

static const char *how_to_play =
    "The clock runs while you think. Start actions from the right-hand panel: each needs free "
    "staff from a team and takes time. Messages arrive in the inbox. When a decision opens, "
    "choose before its countdown runs out, or the default happens. Space pauses; 1 to 4 set "
    "the speed; N skips to the next event; Tab and the arrow keys move between controls and "
    "Enter presses them; Esc opens the menu. Everything you do is saved as you do it.";

static void screen_briefing(app *a)
{
    ui *u = &a->u;
    u->scope = 2;
    const bh_defs *d = lh_defs(a->brief);
    const bh_scenario_def *sc = &d->scenario;
    int colw = u->w * 7 / 10;
    if (colw < 44 * u->px_body)
        colw = u->w - 4 * u->pad;
    int x = (u->w - colw) / 2, y = u->pad * 2;
    y += ui_label(u, (SDL_Rect){x, y, colw, u->px_title * 3}, u->px_title, TC_TEXT, UI_WRAP,
                  sc->title);
    char based[600];
    snprintf(based, sizeof based, "Based on %s.", sc->based_on && sc->based_on[0]
                                                      ? sc->based_on
                                                      : "no public reporting (fiction)");
    y += ui_label(u, (SDL_Rect){x, y, colw, u->line * 3}, u->px_body, TC_TEXT_DIM, UI_WRAP,
                  based);
    y += u->pad;
    int bh = u->line + 2 * u->gap;
    int bottom = u->h - bh - 2 * u->pad;
    SDL_Rect view = {x, y, colw, bottom - y - u->pad};
    ui_panel(u, (SDL_Rect){view.x - u->pad, view.y, view.w + 2 * u->pad, view.h});
    view.y += u->gap;
    view.h -= 2 * u->gap;
    ui_scroll_begin(u, &a->sc_brief, view);
    int cy = view.y, w = colw - 2 * u->gap;
    cy += section(u, x, cy, w, "The situation", sc->briefing);
    cy += section(u, x, cy, w, "Your organisation", sc->organisation);
    char teams[2000] = "";
    size_t o = 0;
    for (size_t i = 0; i < d->nteams && o < sizeof teams; i++)
        o += (size_t)snprintf(teams + o, sizeof teams - o, "%s%s: %d staff", i ? "\n" : "",
                              d->teams[i].label, d->teams[i].staff);
    cy += section(u, x, cy, w, "Roles and teams", teams);
    cy += section(u, x, cy, w, "What is at stake", sc->stakes);
    char len[64], start[64], clock[300];
    dur_format(sc->length, len, sizeof len);
    cal_format(sc->start_epoch, start, sizeof start);
    snprintf(clock, sizeof clock,
             "It starts %s and runs for at most %s. At 1x, one real second is %g simulated "
             "seconds.",
             start, len, sc->rate);
    cy += section(u, x, cy, w, "Time", clock);
    cy += section(u, x, cy, w, "How to play", how_to_play);
    /* The scroll area stays focusable so the keyboard can scroll it too. */
    ui_text_area(u, ui_id(u, "text"), (SDL_Rect){x, view.y, 1, cy - view.y}, "Briefing text", "Page Up and Page Down scroll the briefing.");
    ui_scroll_end(u, cy - view.y);
    int bw = screen_button_w(a, "Begin the exercise [Enter]");
    if (ui_button(u, ui_id(u, "begin"), (SDL_Rect){x + colw - bw, bottom, bw, bh},
                  "Begin the exercise [Enter]", SDLK_RETURN,
                  "Start the clock. A new journal records every choice you make.")) {
        app_begin(a);
        return;
    }
    int b2 = screen_button_w(a, "Back [Esc]");
    if (ui_button(u, ui_id(u, "back"), (SDL_Rect){x, bottom, b2, bh}, "Back [Esc]",
                  SDLK_ESCAPE, "Return to the scenario list."))
        app_to_title(a);
}

/* ---- settings ---- */

static int settings_row(app *a, int x, int y, int w, const char *name, const char *const *labels,
                        const int *values, int n, int current, int *out)
{
    ui *u = &a->u;
    int bh = u->line + 2 * u->gap;
    int namew = w / 3;
    ui_label(u, (SDL_Rect){x, y, namew - u->gap, bh}, u->px_body, TC_TEXT,
             UI_VCENTER | UI_WRAP, name);
    int bx = x + namew, bw = (w - namew) / n;
    int changed = 0;
    for (int i = 0; i < n; i++) {
        char key[96];
        snprintf(key, sizeof key, "%s/%d", name, i);
        if (ui_toggle(u, ui_id(u, key), (SDL_Rect){bx + i * bw, y, bw - u->gap, bh}, labels[i],
                      values[i] == current, 0, NULL)) {
            *out = values[i];
            changed = 1;
        }
    }
    return changed;
}

static void screen_settings(app *a)
{
    ui *u = &a->u;
    u->scope = 3;
    int colw = u->w * 3 / 4;
    if (colw < 40 * u->px_body)
        colw = u->w - 4 * u->pad;
    int x = (u->w - colw) / 2, y = 3 * u->pad;
    y += ui_label(u, (SDL_Rect){x, y, colw, u->px_title * 2}, u->px_title, TC_TEXT, 0,
                  "Settings");
    y += u->pad;
    int bh = u->line + 2 * u->gap, v;
    static const char *const scales[] = {"100%", "125%", "150%", "175%", "200%"};
    static const int scale_v[] = {100, 125, 150, 175, 200};
    if (settings_row(a, x, y, colw, "Text size", scales, scale_v, 5, a->settings.text_scale, &v)) {
        app_set_text_scale(a, v);
        save_settings(a);
    }
    y += bh + u->pad;
    static const char *const themes[] = {"Dark", "Light", "High contrast"};
    static const char *const theme_ids[] = {"dark", "light", "high_contrast"};
    static const int theme_v[] = {0, 1, 2};
    int cur = 0;
    for (int i = 0; i < 3; i++)
        if (strcmp(a->settings.theme, theme_ids[i]) == 0)
            cur = i;
    if (settings_row(a, x, y, colw, "Colours", themes, theme_v, 3, cur, &v)) {
        app_set_theme(a, theme_ids[v]);
        save_settings(a);
    }
    y += bh + u->pad;
    static const char *const speeds[] = {"Paused", "1×", "2×", "4×", "8×"};
    static const int speed_v[] = {0, 1, 2, 4, 8};
    if (settings_row(a, x, y, colw, "Speed at start", speeds, speed_v, 5, a->settings.speed,
                     &v)) {
        a->settings.speed = v;
        save_settings(a);
    }
    y += bh + u->pad;
    static const char *const fs[] = {"Window", "Full screen"};
    static const int fs_v[] = {0, 1};
    if (settings_row(a, x, y, colw, "Display", fs, fs_v, 2, a->settings.fullscreen, &v)) {
        a->settings.fullscreen = v;
        SDL_SetWindowFullscreen(u->win, v ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
        save_settings(a);
    }
    y += bh + 2 * u->pad;
    char where[PLAY_PATH_MAX + 64];
    snprintf(where, sizeof where, "Saved as you change them, in %s", a->settings_path);
    ui_label(u, (SDL_Rect){x, y, colw, u->line * 3}, u->px_small, TC_TEXT_DIM, UI_WRAP, where);
    int bw = screen_button_w(a, "Done [Esc]");
    if (ui_button(u, ui_id(u, "done"), (SDL_Rect){x, u->h - bh - 2 * u->pad, bw, bh},
                  "Done [Esc]", SDLK_ESCAPE, NULL)) {
        a->screen = a->settings_return;
        if (a->screen == SCR_TITLE)
            refresh_title(a);
        u->focus = 0;
    }
}

/* ---- a scenario that failed to load ---- */

static void screen_load_error(app *a)
{
    ui *u = &a->u;
    u->scope = 4;
    int colw = u->w - 6 * u->pad, x = 3 * u->pad, y = 3 * u->pad;
    y += ui_label(u, (SDL_Rect){x, y, colw, u->px_title * 2}, u->px_title, TC_BAD, 0,
                  "This scenario cannot be played");
    int bh = u->line + 2 * u->gap, bottom = u->h - bh - 2 * u->pad;
    SDL_Rect view = {x, y + u->pad, colw, bottom - y - 2 * u->pad};
    ui_panel(u, view);
    view = (SDL_Rect){view.x + u->pad, view.y + u->pad, view.w - 2 * u->pad,
                      view.h - 2 * u->pad};
    ui_scroll_begin(u, &a->sc_error, view);
    int h = ui_label(u, (SDL_Rect){view.x, view.y, view.w, 0}, u->px_body, TC_TEXT, UI_WRAP,
                     a->load_error);
    ui_text_area(u, ui_id(u, "text"), (SDL_Rect){view.x, view.y, 1, h}, "Problems", NULL);
    ui_scroll_end(u, h);
    int bw = screen_button_w(a, "Back to the title [Esc]");
    if (ui_button(u, ui_id(u, "back"), (SDL_Rect){x, bottom, bw, bh}, "Back to the title [Esc]",
                  SDLK_ESCAPE, "Fix the file and choose it again: it is read afresh."))
        app_to_title(a);
}

/* ---- the loop ---- */

static void draw_toast(app *a, double dt)
{
    ui *u = &a->u;
    if (a->toast_left <= 0)
        return;
    a->toast_left -= dt;
    int w = u->w / 2;
    int h = ui_text_h(u, u->px_body, w - 2 * u->pad, TC_TEXT, a->toast) + 2 * u->pad;
    SDL_Rect r = {(u->w - w) / 2, u->h - h - u->line * 5, w, h};
    ui_fill(u, r, TC_PANEL);
    ui_frame(u, r, TC_WARNING, 2);
    u->bg = TC_PANEL;
    ui_label(u, (SDL_Rect){r.x + u->pad, r.y + u->pad, w - 2 * u->pad, h - 2 * u->pad},
             u->px_body, TC_TEXT, UI_WRAP, a->toast);
}

void app_frame(app *a, double dt)
{
    Uint64 t0 = SDL_GetPerformanceCounter();
    SDL_Event e;
    while (SDL_PollEvent(&e)) {
        if (e.type == SDL_QUIT)
            a->quit = 1;
        ui_event(&a->u, &e);
    }
    if (a->playing && a->screen == SCR_OPS && a->overlay == OV_NONE) {
        bh_err err;
        play_tick(&a->game, dt, &err);
    }
    if (a->playing && a->screen == SCR_OPS && a->overlay != OV_NOTE)
        app_watch(a, dt);
    ui_begin(&a->u, dt);
    switch (a->screen) {
    case SCR_TITLE: screen_title(a); break;
    case SCR_BRIEFING: screen_briefing(a); break;
    case SCR_OPS: screen_ops(a); break;
    case SCR_SETTINGS: screen_settings(a); break;
    case SCR_ENDING: screen_ending(a); break;
    case SCR_LOAD_ERROR: screen_load_error(a); break;
    case SCR_DEBRIEF: screen_debrief(a); break;
    }
    a->u.layer = a->u.modal = 0;
    draw_toast(a, dt);
    ui_end(&a->u);
    SDL_RenderPresent(a->u.r);
    a->frames++;
    a->last_frame_ms =
        (double)(SDL_GetPerformanceCounter() - t0) * 1000.0 / (double)SDL_GetPerformanceFrequency();
}

void app_run(app *a)
{
    Uint64 freq = SDL_GetPerformanceFrequency(), last = SDL_GetPerformanceCounter();
    /* For the start-up benchmark: quit after this many frames. */
    const char *lim = SDL_getenv("BULKHEAD_QUIT_AFTER_FRAMES");
    long max_frames = lim ? strtol(lim, NULL, 10) : 0;
    while (!a->quit && (max_frames <= 0 || a->frames < max_frames)) {
        Uint64 now = SDL_GetPerformanceCounter();
        double dt = (double)(now - last) / (double)freq;
        last = now;
        app_frame(a, dt);
        /* Cap at about 60 frames a second when vsync does not. */
        double spent = (double)(SDL_GetPerformanceCounter() - now) / (double)freq;
        if (spent < 1.0 / 60)
            SDL_Delay((Uint32)((1.0 / 60 - spent) * 1000));
    }
    if (a->playing)
        play_save_clock(&a->game, &(bh_err){0});
}
