/* ui_shots: what the screenshot tool's files share: ui_shots.c (the
 * tour of every screen, and main), ui_shots_workshop.c (both windows of a
 * workshop) and ui_shots_proj.c (the projector's screen in each state). */
#ifndef UI_SHOTS_H
#define UI_SHOTS_H

#include "ui/ui_tour.h"

typedef struct shots {
    const char *dir, *tag;
    int problems;
} shots;

/* Save window `u` as DIR/NAME-TAG.bmp; count a blank frame, a failed save
 * and text that overflowed its box as problems, and say which. */
void shot_ui(shots *s, ui *u, const char *name);
/* `ui_shots --workshop`: the title and a briefing in workshop mode, then
 * the console and the projector of a tutorial workshop, before the clock
 * starts and at its busiest. */
bh_status shots_workshop(app *a, shots *s, bh_err *err);
/* `ui_shots OUTDIR WxH THEME SCALE projector`: screen_projector drawn on
 * the app's window in each state of a tutorial session (rv_tour: before,
 * playing with a decision open, paused, blank, a discussion slide, a
 * message, the ending, the hot wash), as proj_STATE-WxH-THEME-SCALE.bmp. */
bh_status shots_projector(app *a, shots *s, bh_err *err);

#endif
