/* ui_workshop: a workshop's second window, the projector (see
 * ui_workshop.h and ui_app.h). It is a `ui` of its own (a->proj: window,
 * renderer, font and text cache, ui_win.c) placed by the pure rules of
 * ui_place.c from the displays SDL reports, and drawn each frame only from
 * the room view model (rv_build), never from the app. Events reach it by
 * window id. A projector that cannot open leaves the console running. */
#include "ui/ui_workshop.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "ui/ui_place.h"
#include "ui/ui_proj.h"
#include "ui/ui_screens.h"
#include "ui/ui_win.h"

/* ---- placing it ---- */

static int list_displays(place_display *d, int max)
{
    int n = SDL_GetNumVideoDisplays();
    if (n < 0)
        n = 0;
    if (n > max)
        n = max;
    for (int k = 0; k < n; k++) {
        SDL_Rect b = {0, 0, 0, 0}, u = {0, 0, 0, 0};
        SDL_GetDisplayBounds(k, &b);
        if (SDL_GetDisplayUsableBounds(k, &u) != 0)
            u = b;
        const char *name = SDL_GetDisplayName(k);
        memset(&d[k], 0, sizeof d[k]);
        d[k].bounds = (place_rect){b.x, b.y, b.w, b.h};
        d[k].usable = (place_rect){u.x, u.y, u.w, u.h};
        snprintf(d[k].name, sizeof d[k].name, "%s", name ? name : "");
        d[k].primary = k == 0; /* SDL 2 lists the primary display first */
    }
    return n;
}

static void placement(app *a, place_in *in, place_display *d, place_out *out)
{
    const char *drv = SDL_GetCurrentVideoDriver();
    memset(in, 0, sizeof *in);
    in->d = d;
    in->n = list_displays(d, PLACE_MAX_DISPLAYS);
    in->console = a->u.win ? SDL_GetWindowDisplayIndex(a->u.win) : 0;
    in->wayland = drv && strcmp(drv, "wayland") == 0;
    in->requested = a->proj_request;
    in->win_w = 1280;
    in->win_h = 720;
    place_projector(in, out);
}

int ws_projector_scale(int console_scale)
{
    return console_scale > WS_PROJECTOR_MIN_SCALE ? console_scale : WS_PROJECTOR_MIN_SCALE;
}

void ws_projector_title(const app *a, char *out, size_t n)
{
    const char *title = a->playing && a->game.host ? lh_defs(a->game.host)->scenario.title : "";
    /* the room's own formatting (the leak test checks it): only the title,
     * which is player-safe, goes in */
    rv_model m = {.title = (char *)(title ? title : "")};
    rv_window_title(&m, out, n);
}

/* ---- opening and closing ---- */

int app_projector_open(app *a)
{
    if (a->has_proj)
        return 1;
    place_display d[PLACE_MAX_DISPLAYS];
    place_in in;
    place_out p;
    placement(a, &in, d, &p);
    char title[400];
    ws_projector_title(a, title, sizeof title);
    ui_win_spec ws = {.title = title,
                      .flags = SDL_WINDOW_RESIZABLE,
                      .software = a->opts.software,
                      .vsync = 0, /* the console has it (SDL #6541) */
                      .font = a->u.font.path,
                      .text_cache = 512};
    if (p.fullscreen) {
        ws.x = ws.y = (int)SDL_WINDOWPOS_CENTERED_DISPLAY(p.display);
        ws.w = p.display < in.n ? d[p.display].bounds.w : 1280;
        ws.h = p.display < in.n ? d[p.display].bounds.h : 720;
        ws.flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    } else if (in.wayland) { /* the compositor places windows there */
        ws.x = ws.y = (int)SDL_WINDOWPOS_UNDEFINED_DISPLAY(p.display);
        ws.w = p.win.w;
        ws.h = p.win.h;
    } else {
        ws.x = p.win.x;
        ws.y = p.win.y;
        ws.w = p.win.w;
        ws.h = p.win.h;
    }
    memset(&a->proj, 0, sizeof a->proj);
    a->proj.theme = a->u.theme;
    a->proj.text_scale = ws_projector_scale(a->u.text_scale);
    bh_err e;
    err_clear(&e);
    if (ui_win_open(&a->proj, &ws, &e) != BH_OK) {
        char buf[1200];
        snprintf(a->proj_warning, sizeof a->proj_warning,
                 "The projector window could not open: %s. The console carries on; press "
                 "%s to try again.",
                 err_format(&e, buf, sizeof buf), APP_PROJECTOR_KEY_NAME);
        fprintf(stderr, "bulkhead: warning: %s\n", a->proj_warning);
        screen_toast(a, a->proj_warning);
        return 0;
    }
    a->has_proj = 1;
    a->proj_display = p.display;
    snprintf(a->proj_warning, sizeof a->proj_warning, "%s", p.warning);
    if (p.warning[0]) {
        fprintf(stderr, "bulkhead: warning: %s\n", p.warning);
        screen_toast(a, p.warning);
        a->toast_left = 12.0; /* long enough to read; the console keeps proj_warning */
    } else if (!p.fullscreen) {
        screen_toast(a, "The projector is a window: drag it to the room's screen, or press "
                        APP_PROJECTOR_KEY_NAME " to move it to the next display.");
    }
    return 1;
}

void app_projector_close(app *a)
{
    ui_win_close(&a->proj);
    a->has_proj = 0;
}

void app_projector_next_display(app *a)
{
    if (!a->workshop || !a->playing)
        return;
    place_display d[PLACE_MAX_DISPLAYS];
    place_in in;
    place_out p;
    placement(a, &in, d, &p);
    if (a->has_proj) {
        if (in.n <= 1) {
            screen_toast(a, "Only one display: drag the projector window where the room "
                            "can see it.");
            return;
        }
        int on = SDL_GetWindowDisplayIndex(a->proj.win); /* it may have been dragged */
        a->proj_request = place_next(&in, on >= 0 ? on : a->proj_display);
        /* Reopened rather than moved: full-screen on another display is
         * the one move every video driver (Wayland too) makes. */
        app_projector_close(a);
    }
    app_projector_open(a);
}

/* ---- events and drawing ---- */

static Uint32 event_window(const SDL_Event *e)
{
    switch (e->type) {
    case SDL_WINDOWEVENT: return e->window.windowID;
    case SDL_MOUSEMOTION: return e->motion.windowID;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP: return e->button.windowID;
    case SDL_MOUSEWHEEL: return e->wheel.windowID;
    default: return 0; /* keys, text, quit: the console's */
    }
}

void ws_route_event(app *a, const SDL_Event *e)
{
    Uint32 id = event_window(e);
    int to_proj = a->has_proj && id != 0 && id == SDL_GetWindowID(a->proj.win);
    if (e->type == SDL_WINDOWEVENT && e->window.event == SDL_WINDOWEVENT_CLOSE) {
        if (to_proj)
            app_projector_close(a); /* the console can reopen it */
        else
            a->quit = 1;
        return;
    }
    ui_event(to_proj ? &a->proj : &a->u, e);
}

void ws_projector_frame(app *a, double dt)
{
    if (!a->playing || !a->game.sim)
        return;
    int publish = app_room_due(a);
    if (!a->has_proj && !publish)
        return;
    /* play has begun once the clock ran, or was moved on (a jump to the
     * next decision): the room no longer needs the page before play */
    if (a->game.speed > 0 || sim_now(a->game.sim) > 0)
        a->started = 1;
    /* the same colours as the console, changed with it; the text is read
     * from the back of a room, so never smaller than 150% (the layout is
     * tested from 100% to 200%), and larger when the console's is */
    a->proj.theme = a->u.theme;
    a->proj.text_scale = ws_projector_scale(a->u.text_scale);
    /* with the room server on, the projector shows how to join before
     * play: the first address (a QR code of it) with the room code */
    char join[1 + RV_JOIN_ALSO][SRV_URL_MAX + 16] = {""};
    for (int i = 0; a->room.srv && i < a->room.nurls && i <= RV_JOIN_ALSO; i++)
        snprintf(join[i], sizeof join[i], "%s?c=%s", a->room.urls[i], a->room.code);
    /* the phones propose actions: where each stands, for the published
     * model only (it runs the scenario's availability checks; the
     * projector shows no action list) */
    bh_action_status *acts = NULL;
    size_t nacts = sim_defs(a->game.sim)->nactions;
    if (publish && nacts && (acts = calloc(nacts, sizeof *acts))) {
        bh_err ae;
        for (size_t i = 0; acts && i < nacts; i++)
            if (sim_action_status(a->game.sim, (int)i, &acts[i], &ae) != BH_OK) {
                free(acts); /* a script error: the phones get no actions this time */
                acts = NULL;
            }
    }
    rv_source src = {.sim = a->game.sim,
                     .speed = a->game.speed,
                     .started = a->started,
                     .join = join[0],
                     .join_code = join[0][0] ? a->room.code : NULL,
                     .report = a->show.hotwash ? a->debrief : NULL,
                     .acts = acts,
                     .tally = a->room.tally.votes ? &a->room.tally : NULL};
    for (int i = 0; i < RV_JOIN_ALSO; i++)
        src.join_also[i] = join[i + 1][0] ? join[i + 1] : NULL;
    /* the session's word for the phones: its journal's path, hashed
     * (FNV-1a), the same after a Continue, another for another session */
    char session[24];
    snprintf(session, sizeof session, "%016llx",
             (unsigned long long)text_fnv(TEXT_FNV_SEED, a->game.journal_path,
                                          strlen(a->game.journal_path)));
    src.session = session;
    rv_model m;
    bh_err e;
    err_clear(&e);
    bh_status built = rv_build(&m, &src, &a->show, &e);
    free(acts);
    if (built != BH_OK) {
        rv_free(&m); /* the room keeps the last frame; the console carries on */
        return;
    }
    a->room.builds++;
    if (a->has_proj) {
        ui_begin(&a->proj, dt);
        screen_projector(&a->proj, &m);
        ui_end(&a->proj);
        SDL_RenderPresent(a->proj.r);
    }
    /* the phones get the model the projector drew: one build a frame */
    if (publish)
        app_room_publish(a, &m);
    rv_free(&m);
}
