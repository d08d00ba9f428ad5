/* ui_ops: what the operations room's files share. Internal to game/ui.
 *
 * ui_ops.c is the screen: it lays the room out (three columns, or the
 * board and tabs when the text is large for the screen), takes the room's
 * hotkeys, and draws the panels and overlays from the files below. They
 * read the simulation and send inputs through ops_send (play_input);
 * nothing changes the world directly. */
#ifndef UI_OPS_H
#define UI_OPS_H

#include "ui/ui_screens.h"

/* ---- shared pieces (ui_ops_parts.c) ---- */
/* Send one input; a refusal, or a journal that could not be written, is
 * said in a toast. */
bh_status ops_send(app *a, bh_input_kind kind, int x, int y);
/* Set the speed; a running speed is what Space returns to. */
void ops_set_speed(app *a, int s);
/* The calendar time (short) of simulated time `t`. */
void ops_stamp(const play *g, bh_time t, char *buf, size_t n);
const char *ops_channel_tag(bh_channel c);
/* Short words, icons and colours for the situation board. */
const char *ops_status_word(bh_status_word s);
ui_icon_kind ops_status_icon(bh_status_word s);
ui_theme_color ops_status_color(bh_status_word s);

/* ---- panels, each drawn inside the rectangle given ---- */
int ops_top_bar(app *a);                      /* returns its height (ui_ops_bars.c) */
void ops_timeline(app *a, SDL_Rect r);        /* ui_ops_bars.c */
void ops_board_panel(app *a, SDL_Rect r);     /* ui_ops_board.c */
void ops_inbox_panel(app *a, SDL_Rect r);     /* ui_ops_inbox.c */
void ops_actions(app *a, SDL_Rect col);       /* ui_ops_actions.c */
void ops_running(app *a, SDL_Rect col);       /* ui_ops_actions.c */

/* ---- the decision (ui_ops_decision.c) ---- */
/* The open decision with the nearest deadline, or -1. */
int ops_open_decision(const bh_sim *s);
/* The dialog for decision `di`; `compact` when it covers the board. */
void ops_decision(app *a, int di, SDL_Rect area, int compact);
/* The one-line banner that stands in for the hidden dialog. */
void ops_decision_banner(app *a, int di, SDL_Rect r);

/* ---- overlays (ui_ops_overlays.c) ---- */
void ops_pause_menu(app *a);
void ops_note_box(app *a);
/* Free text typed this frame goes into `buf` (whole UTF-8 characters, no
 * control characters, at most cap - 1 bytes); Backspace removes one
 * character. The note and the facilitator's fields share these rules. */
void ops_type(ui *u, char *buf, size_t cap);
void ops_error_panel(app *a);

#endif
