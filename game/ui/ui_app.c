/* ui_app: the shell (see ui_app.h). It moves between screens (to the
 * title, a briefing, a new or resumed session) and owns the session's
 * life, runs the frame loop, and acts on what a screen asked for
 * (a->req) once the screen has drawn. Start-up and shut-down are in
 * ui_boot.c; the screens are in the files ui_screens.h lists. */
#include "ui/ui_app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ui/ui_boot.h"
#include "ui/ui_screens.h"
#include "ui/ui_workshop.h"

/* ---- moving between screens ---- */

static void free_brief(app *a)
{
    lh_free(a->brief);
    a->brief = NULL;
    lh_diags_free(&a->diags);
    memset(&a->diags, 0, sizeof a->diags);
}

static void stop_session(app *a)
{
    if (a->playing)
        app_room_idle(a);
    debrief_close(a);
    if (a->playing)
        play_close(&a->game);
    memset(&a->game, 0, sizeof a->game);
    a->game.journal.fd = -1;
    app_room_hook(a); /* the app's, across sessions */
    a->playing = 0;
    app_projector_close(a);
    a->workshop = 0;
    a->started = 0;
    memset(&a->show, 0, sizeof a->show);
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
    stop_session(a);
    free_brief(a);
    a->screen = SCR_TITLE;
    title_refresh(a);
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

/* The cut a workshop's briefing starts with: the one --cut named for this
 * scenario, else the first the scenario declares. A workshop has a fixed
 * slot, and a cut is what gives it an agenda (and the agenda clock) sized
 * for a room; the whole scenario is one press away. */
static int brief_default_cut(const app *a)
{
    const bh_defs *d = lh_defs(a->brief);
    if (a->opts.cut && a->opts.scenario && strcmp(a->opts.scenario, a->brief_path) == 0)
        return defs_cut(d, a->opts.cut);
    return d->ncuts > 0 ? 0 : -1;
}

void app_open_briefing(app *a, const char *path)
{
    stop_session(a);
    free_brief(a);
    snprintf(a->brief_path, sizeof a->brief_path, "%s", path);
    lh_opts o;
    lh_opts_default(&o);
    if (lh_load(path, &o, &a->brief, &a->diags) != BH_OK || !a->brief) {
        show_load_error(a, path, &a->diags, NULL);
        return;
    }
    memset(&a->sc_brief, 0, sizeof a->sc_brief);
    a->brief_cut = brief_default_cut(a);
    details_briefing(a); /* the flags' details, for their scenario */
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
    stop_session(a);
    uint64_t seed = a->opts.has_seed ? a->opts.seed : (uint64_t)time(NULL);
    lh_diags d = {0};
    bh_err e;
    err_clear(&e);
    /* --cut belongs to the scenario named on the command line */
    play_how how = {.cut = a->opts.cut && a->opts.scenario &&
                                   strcmp(a->opts.scenario, a->brief_path) == 0
                               ? a->opts.cut
                               : NULL};
    if (a->want_workshop && a->brief) { /* the cut chosen on the briefing */
        const bh_defs *bd = lh_defs(a->brief);
        how.workshop = 1;
        if (a->brief_cut >= 0 && (size_t)a->brief_cut < bd->ncuts)
            how.cut = bd->cuts[a->brief_cut].id;
        else if (!how.cut || defs_cut(bd, how.cut) >= 0)
            how.cut = NULL; /* an unknown --cut stays, so starting names it */
    }
    if (play_start_how(&a->game, a->brief_path, a->data_dir, seed, &how, &d, &e) != BH_OK) {
        show_load_error(a, a->brief_path, &d, &e);
        lh_diags_free(&d);
        play_close(&a->game);
        return;
    }
    lh_diags_free(&d);
    a->playing = 1;
    app_room_hook(a);
    if (!a->game.workshop) /* a workshop starts paused: the facilitator starts it */
        play_set_speed(&a->game, a->settings.speed);
    a->speed_before_pause = a->settings.speed ? a->settings.speed : 1;
    free_brief(a);
    enter_ops(a);
    if (a->game.workshop) {
        a->workshop = 1;
        details_begin(a); /* journaled first thing, at 0s */
        app_projector_open(a);
    }
}

bh_status app_resume(app *a, const char *journal, bh_err *err)
{
    stop_session(a);
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
    app_room_hook(a);
    a->speed_before_pause = a->settings.speed ? a->settings.speed : 1;
    enter_ops(a);
    if (a->game.workshop) { /* `mode workshop`: both windows, where it stood */
        a->workshop = 1;
        a->started = sim_now(a->game.sim) > 0;
        app_projector_open(a);
        app_room_load_roster(a); /* the phones of before come back with their tokens */
    }
    if (a->game.notice[0]) {
        fprintf(stderr, "bulkhead: %s: %s\n", a->game.journal_path, a->game.notice);
        char msg[sizeof a->toast];
        snprintf(msg, sizeof msg, "Session restored, paused. %s", a->game.notice);
        screen_toast(a, msg);
        a->toast_left = 12.0; /* long enough to read */
    } else {
        screen_toast(a, "Session restored. It is paused: press Space to carry on.");
    }
    return BH_OK;
}

/* What a screen asked for this frame (see app_request). */
static void act(app *a)
{
    app_req_kind kind = a->req.kind;
    a->req.kind = REQ_NONE;
    bh_err e;
    switch (kind) {
    case REQ_TITLE: app_to_title(a); break;
    case REQ_BRIEFING: app_open_briefing(a, a->req.path); break;
    case REQ_BEGIN: app_begin(a); break;
    case REQ_RESUME: app_resume(a, a->req.path, &e); break;
    case REQ_DEBRIEF: debrief_open(a, a->req.back); break;
    case REQ_PROJECTOR: app_projector_next_display(a); break;
    case REQ_NONE: break;
    }
}

/* ---- start and end ---- */

bh_status app_init(app *a, const app_opts *o, bh_err *err)
{
    bh_status st = boot_open(a, o, err);
    if (st != BH_OK)
        return st;
    a->want_workshop = o->workshop;
    a->proj_request = -1;
    app_room_hook(a); /* the room's votes are journaled before any decision closes */
    if (o->room)
        app_room_start(a); /* a failure is on the console and stderr: the app carries on */
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
    app_room_stop(a); /* quitting closes the port */
    stop_session(a);
    free_brief(a);
    play_catalogue_free(&a->cat);
    boot_close(a);
}

/* ---- the loop ---- */

void app_frame(app *a, double dt)
{
    Uint64 t0 = SDL_GetPerformanceCounter();
    SDL_Event e;
    while (SDL_PollEvent(&e)) {
        if (e.type == SDL_QUIT)
            a->quit = 1;
        ws_route_event(a, &e); /* by window id */
    }
    app_room_sync(a); /* the phones' joins, votes and proposals */
    if (a->playing && a->screen == SCR_OPS && a->overlay == OV_NONE) {
        bh_err err;
        play_tick(&a->game, dt, &err);
    }
    if (a->playing && a->screen == SCR_OPS && a->overlay != OV_NOTE)
        reload_watch(a, dt);
    ui_begin(&a->u, dt);
    if (a->workshop && ui_key(&a->u, APP_PROJECTOR_KEY))
        app_projector_next_display(a);
    switch (a->screen) {
    case SCR_TITLE: screen_title(a); break;
    case SCR_BRIEFING: screen_briefing(a); break;
    case SCR_OPS: screen_ops(a); break;
    case SCR_SETTINGS: screen_settings(a); break;
    case SCR_ENDING: screen_ending(a); break;
    case SCR_LOAD_ERROR: screen_load_error(a); break;
    case SCR_DEBRIEF: screen_debrief(a); break;
    }
    act(a);
    a->u.layer = a->u.modal = 0;
    screen_toast_draw(a, dt);
    ui_end(&a->u);
    SDL_RenderPresent(a->u.r);
    ws_projector_frame(a, dt);
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
