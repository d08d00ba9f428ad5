/* check_workshop.h: helpers for tests that drive a workshop's two windows
 * headless (SDL_VIDEODRIVER=dummy, which supports several windows). Start
 * the game as a workshop or as desktop play, run frames, push clicks and
 * window events to a given window by its id, and find a control by its
 * label on the console. Header-only like check.h; include after it. A
 * test sets cw_data_dir (cw_fresh_dir) before starting. */
#ifndef CHECK_WORKSHOP_H
#define CHECK_WORKSHOP_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ui/ui_app.h"

__attribute__((unused)) static char cw_data_dir[64];

/* A new empty data folder (the old one removed). */
__attribute__((unused)) static void cw_fresh_dir(void)
{
    if (cw_data_dir[0]) {
        char cmd[128];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", cw_data_dir);
        if (system(cmd) != 0)
            fprintf(stderr, "could not remove %s\n", cw_data_dir);
    }
    snprintf(cw_data_dir, sizeof cw_data_dir, "/tmp/bh-workshop-XXXXXX");
    if (!mkdtemp(cw_data_dir))
        cw_data_dir[0] = 0;
}

/* The options a headless test starts with: 1280x720, software, seed 1. */
__attribute__((unused)) static app_opts cw_opts(const char *scenario, int workshop)
{
    app_opts o = {0};
    o.width = 1280;
    o.height = 720;
    o.software = 1;
    o.has_seed = 1;
    o.seed = 1;
    o.no_save_settings = 1;
    o.data_dir = cw_data_dir;
    o.scenario = scenario;
    o.scenario_dir = BH_SOURCE_DIR "/scenarios";
    o.workshop = workshop;
    return o;
}

/* The tutorial as a workshop with the room server on 127.0.0.1 (a free
 * port): tests never reach the LAN. */
__attribute__((unused)) static app_opts cw_room_opts(void)
{
    app_opts o = cw_opts(BH_SOURCE_DIR "/scenarios/tutorial.lua", 1);
    o.room = 1;
    o.room_port = 0;
    o.room_bind = "127.0.0.1";
    return o;
}

/* `frames` frames with what the window `u` draws recorded into *into
 * (check_record.h's recorder; the caller frees into->text). */
#define CW_RECORDED(a, u, into, frames)                                   \
    do {                                                                  \
        (u)->record = check_record;                                       \
        (u)->record_ctx = (into);                                         \
        for (int cw_i_ = 0; cw_i_ < (frames); cw_i_++)                     \
            app_frame((a), 0);                                            \
        (u)->record = NULL;                                               \
    } while (0)

/* app_init with `o` and one frame; 0 (and why on stderr) on failure. */
__attribute__((unused)) static int cw_init(app *a, const app_opts *o)
{
    bh_err e;
    err_clear(&e);
    if (app_init(a, o, &e) != BH_OK) {
        fprintf(stderr, "app_init: %s\n", e.msg);
        return 0;
    }
    app_frame(a, 0);
    return 1;
}

/* A new data folder, then the tutorial's workshop begun with the room on
 * (cw_room_opts): the app, or NULL (and why on stderr) on failure. */
__attribute__((unused)) static app *cw_room_workshop(void)
{
    cw_fresh_dir();
    app *a = calloc(1, sizeof *a);
    app_opts o = cw_room_opts();
    if (!a || !cw_init(a, &o) || !a->room.srv) {
        fprintf(stderr, "the room's workshop did not start\n");
        free(a);
        return NULL;
    }
    app_begin(a);
    app_frame(a, 0);
    return a;
}

/* `scenario`'s briefing, then its session started (as the briefing's
 * start button does): a workshop when `workshop`, else desktop play. */
__attribute__((unused)) static int cw_start(app *a, const char *scenario, int workshop)
{
    app_opts o = cw_opts(scenario, workshop);
    if (!cw_init(a, &o))
        return 0;
    app_begin(a);
    app_frame(a, 0);
    return a->playing;
}

/* The tutorial as a workshop, headless: both windows open, paused. */
__attribute__((unused)) static int cw_start_tutorial_workshop(app *a)
{
    return cw_start(a, BH_SOURCE_DIR "/scenarios/tutorial.lua", 1);
}

__attribute__((unused)) static Uint32 cw_console_id(const app *a)
{
    return SDL_GetWindowID(a->u.win);
}

__attribute__((unused)) static Uint32 cw_projector_id(const app *a)
{
    return a->has_proj ? SDL_GetWindowID(a->proj.win) : 0;
}

/* A left click at (x, y) in window `id` (motion, press, release), then a
 * frame. */
__attribute__((unused)) static void cw_click_at(app *a, Uint32 id, int x, int y)
{
    SDL_Event e = {0};
    e.type = SDL_MOUSEMOTION;
    e.motion.windowID = id;
    e.motion.x = x;
    e.motion.y = y;
    SDL_PushEvent(&e);
    e = (SDL_Event){0};
    e.type = SDL_MOUSEBUTTONDOWN;
    e.button.windowID = id;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.x = x;
    e.button.y = y;
    SDL_PushEvent(&e);
    e.type = SDL_MOUSEBUTTONUP;
    SDL_PushEvent(&e);
    app_frame(a, 0);
}

/* Click, in window `id`, where the console shows the control whose label
 * starts with `label`; 0 when the console shows none. */
__attribute__((unused)) static int cw_click_label(app *a, Uint32 id, const char *label)
{
    /* the controls as the last input left them: two frames, because a
     * panel whose content shrank (a button gone) settles its scroll
     * offset one frame later, and its controls move with it */
    app_frame(a, 0);
    app_frame(a, 0);
    const ui_control *c = ui_find(&a->u, label);
    if (!c || !c->visible) {
        fprintf(stderr, "no control labelled '%s' on the console\n", label);
        return 0;
    }
    cw_click_at(a, id, c->r.x + c->r.w / 2, c->r.y + c->r.h / 2);
    return 1;
}

/* A window event (SDL_WINDOWEVENT_CLOSE, ...) for window `id`, then a frame. */
__attribute__((unused)) static void cw_window_event(app *a, Uint32 id, Uint8 what)
{
    SDL_Event e = {0};
    e.type = SDL_WINDOWEVENT;
    e.window.windowID = id;
    e.window.event = what;
    SDL_PushEvent(&e);
    app_frame(a, 0);
}

/* A key press (to whichever window: keys go to the console), then a frame. */
__attribute__((unused)) static void cw_key(app *a, SDL_Keycode k)
{
    SDL_Event e = {0};
    e.type = SDL_KEYDOWN;
    e.key.keysym.sym = k;
    SDL_PushEvent(&e);
    app_frame(a, 0);
}

/* check_main under SDL's dummy drivers, then the last data folder
 * removed (a folder that cannot be is a failure). */
__attribute__((unused)) static int cw_main(int argc, char **argv, const check_case *cases)
{
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    int rc = check_main(argc, argv, cases);
    cw_fresh_dir();
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", cw_data_dir);
    if (system(cmd) != 0)
        rc = 1;
    return rc;
}

#endif
