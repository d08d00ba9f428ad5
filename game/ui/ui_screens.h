/* ui_screens: the screens' drawing functions, shared between ui_app.c
 * (title, briefing, settings, load errors), ui_ops.c (the operations room
 * and its overlays) and ui_end.c (the ending). Internal to game/ui. */
#ifndef UI_SCREENS_H
#define UI_SCREENS_H

#include "ui/ui_app.h"

void screen_ops(app *a);
void screen_ending(app *a);
void screen_debrief(app *a);
/* Build the debrief of the session as it stands and show it; Esc returns
 * to `back`. */
void app_open_debrief(app *a, app_screen back);
void app_close_debrief(app *a);
/* Branch at the debrief's decision number `decision` (0-based) with
 * `option`: compare endings, or with `play_on` resume the branch. */
void app_whatif(app *a, int decision, const char *option, int play_on);
/* Hot reload (ui_reload.c): reload the scenario and replay the journal;
 * on failure, the developer screen with --dev, else a calm message. */
void app_reload(app *a);
/* Look for edits to the scenario's files about twice a second. */
void app_watch(app *a, double dt);
void dev_panel(app *a);
/* A modal box centred on the screen below the top bar; returns its inside. */
SDL_Rect screen_dialog(app *a, int w, int h, const char *title);
/* A Lua traceback below other text at (x, y): its height with the gap
 * above it, 0 when there is none. */
int screen_trace(app *a, int x, int y, int w, const char *trace);
/* A row of buttons laid out right to left from `r`'s right edge. */
int screen_button_w(app *a, const char *label);
/* Close the session (saving its clock) and forget the ops-room state. */
void app_stop_session(app *a);
void app_toast(app *a, const char *msg);
/* Short words for the situation board. */
const char *screen_status_word(bh_status_word s);
ui_icon_kind screen_status_icon(bh_status_word s);
ui_theme_color screen_status_color(bh_status_word s);

#endif
