/* ui_drive_bugs.h: driving the desktop app headless from a test, by pushing
 * the SDL events a player's keyboard and mouse would make and running
 * frames with a fixed dt (so nothing depends on real time). One app at a
 * time: `drive_opts` says the window size, theme and text scale. */
#ifndef UI_DRIVE_BUGS_H
#define UI_DRIVE_BUGS_H

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "ui/ui_app.h"
#include "check_workshop.h" /* cw_opts, cw_init; after check.h */

typedef struct drive_opts {
    int w, h, scale;
    const char *theme;    /* NULL: the saved setting */
    const char *scenario; /* a file: straight to its briefing; NULL: the title */
} drive_opts;

static char drive_dir[64];

/* Remove the data folder of the last app. */
static inline void drive_cleanup(void)
{
    if (drive_dir[0]) {
        char cmd[128];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", drive_dir);
        CHECK(system(cmd) == 0);
    }
}

/* A new app in a fresh data folder; 0 (and a message) when it cannot start. */
static inline int drive_start(app *a, const drive_opts *d)
{
    drive_cleanup();
    snprintf(drive_dir, sizeof drive_dir, "/tmp/bh-ui-drive-XXXXXX");
    CHECK(mkdtemp(drive_dir) != NULL);
    app_opts o = cw_opts(d->scenario, 0); /* 1280x720, software, seed 1 */
    if (d->w)
        o.width = d->w;
    if (d->h)
        o.height = d->h;
    o.text_scale = d->scale;
    o.theme = d->theme;
    o.data_dir = drive_dir;
    o.no_save_settings = 0; /* as the game: the settings tests read the file back */
    o.user_scenario_dir = BH_SOURCE_DIR "/tests/fixtures/ui/user_scenarios";
    return cw_init(a, &o); /* app_init and a first frame */
}

static inline void drive_push(SDL_Event *e) { SDL_PushEvent(e); }

/* A key press as SDL sends it: the key, then the character it types (when
 * `text` is not NULL), in one frame. */
static inline void drive_key_text(app *a, SDL_Keycode k, const char *text)
{
    SDL_Event e = {0};
    e.type = SDL_KEYDOWN;
    e.key.keysym.sym = k;
    drive_push(&e);
    if (text) {
        e = (SDL_Event){0};
        e.type = SDL_TEXTINPUT;
        snprintf(e.text.text, sizeof e.text.text, "%s", text);
        drive_push(&e);
    }
    app_frame(a, 0);
}

/* A mouse event at (x, y): a move, or the left button going down or up. */
static inline void drive_mouse(Uint32 type, int x, int y)
{
    SDL_Event e = {0};
    e.type = type;
    if (type == SDL_MOUSEMOTION) {
        e.motion.x = x;
        e.motion.y = y;
    } else {
        e.button.button = SDL_BUTTON_LEFT;
        e.button.x = x;
        e.button.y = y;
    }
    drive_push(&e);
}

/* Point at the middle of the control labelled `label` (a prefix) and, when
 * `press`, click it. 0 when it is not on screen or scrolled out of view. */
static inline int drive_point(app *a, const char *label, int press)
{
    app_frame(a, 0);
    app_frame(a, 0); /* a list scrolled to the focus is drawn there a frame later */
    const ui_control *c = ui_find(&a->u, label);
    if (!c || !c->visible) {
        fprintf(stderr, "'%s' is not %s\n", label, c ? "in view" : "on screen");
        return 0;
    }
    SDL_Point p = {c->r.x + c->r.w / 2, c->r.y + c->r.h / 2};
    drive_mouse(SDL_MOUSEMOTION, p.x, p.y);
    for (int i = 0; press && i < 2; i++)
        drive_mouse(i ? SDL_MOUSEBUTTONUP : SDL_MOUSEBUTTONDOWN, p.x, p.y);
    app_frame(a, 0);
    return 1;
}

/* Turn the mouse wheel `clicks` notches (negative: down, towards the end). */
static inline void drive_wheel(app *a, int clicks)
{
    SDL_Event e = {0};
    e.type = SDL_MOUSEWHEEL;
    e.wheel.y = clicks;
    drive_push(&e);
    app_frame(a, 0);
}

/* Do the two rectangles share any pixel? */
static inline int rects_meet(SDL_Rect a, SDL_Rect b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

#endif
