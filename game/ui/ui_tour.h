/* ui_tour: puts the game on every screen in turn, for the screenshot test,
 * scripts/screenshots and the frame-time benchmark.
 *
 * It drives the real app: sessions start through app_begin, inputs go
 * through play_input, and the clock moves through the simulation, so each
 * shot shows a state a player can reach. */
#ifndef UI_TOUR_H
#define UI_TOUR_H

#include "ui/ui_app.h"

typedef struct tour_paths {
    const char *scenario;     /* the tutorial */
    const char *plan;         /* a plan for it: inputs to replay */
    const char *broken;       /* a scenario that fails to load */
    const char *runtime_error; /* a scenario that errors during play */
    bh_time busy;             /* when to show the operations room; 0: TOUR_BUSY_TIME */
} tour_paths;

/* The busiest operations-room moment of the tutorial's expert plan:
 * messages in, actions running, a decision open. */
#define TOUR_BUSY_TIME (23 * 60)

/* Replay the `plan` inputs timed after `from` and up to `until` into the
 * app's session, and leave the clock at `until`. */
bh_status tour_drive(app *a, const char *plan, bh_time from, bh_time until, bh_err *err);

typedef void (*tour_fn)(void *ud, app *a, const char *shot);
/* Show each screen and call `fn` after drawing it. Stops at the first
 * error (the shot it was making is named in err). */
bh_status tour_run(app *a, const tour_paths *p, tour_fn fn, void *ud, bh_err *err);

/* Save the current frame as a BMP file. */
bh_status tour_save_bmp(app *a, const char *path, bh_err *err);
/* 1 when the frame has fewer than two colours (nothing drawn). */
int tour_frame_blank(app *a);
/* The same for any window (a workshop's projector: a->proj). */
bh_status tour_save_ui_bmp(ui *u, const char *path, bh_err *err);
int tour_ui_blank(ui *u);

#endif
