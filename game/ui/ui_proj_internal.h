/* ui_proj_internal: what the projector's files share. Internal to
 * game/ui; every function takes the `ui` and the room view model only.
 *
 * ui_proj.c picks the page (holding slide, discussion slide, hot wash,
 * before play, play, ending); ui_proj_play.c lays out play;
 * ui_proj_parts.c has the pieces: text that shrinks to fit its box, the
 * meter tiles, the system tiles and the clock bar. */
#ifndef UI_PROJ_INTERNAL_H
#define UI_PROJ_INTERNAL_H

#include "ui/ui_proj.h"

/* Draw `s` wrapped in `box` (its height is the limit): at `px`, or a
 * smaller size down to `min_px` when it does not fit, and cut with "…"
 * at `min_px` when even that is too tall. Returns the height used. */
int proj_text(ui *u, SDL_Rect box, int px, int min_px, ui_theme_color c, const char *s);
/* The height proj_text would use (without drawing). */
int proj_text_h(ui *u, int w, int maxh, int px, int min_px, const char *s);
/* One line of text, cut with "…" when too wide. Returns its height. */
int proj_line(ui *u, SDL_Rect box, int px, ui_theme_color c, int flags, const char *s);
int proj_line_h(ui *u, int px);

/* `dense` (0 to 3) packs the play page tighter when a decision needs
 * the room: smaller type in the clock bar, the meter tiles and the system
 * tiles, and at 3 the systems' names alone (their icons say the state). */

/* The clock bar along the top: T+ time, calendar, paused or speed.
 * Returns its height. */
int proj_clock_bar_h(ui *u, int dense);
int proj_clock_bar(ui *u, const rv_model *m, SDL_Rect r, int dense);
/* Every meter as a tile (value, trend arrow, bar), in as many rows as
 * the width needs. proj_meters_h says how tall they will be. */
int proj_meters_h(ui *u, const rv_model *m, int w, int dense);
void proj_meters(ui *u, const rv_model *m, SDL_Rect r, int dense);
/* The systems as compact status tiles in `rows` rows: all of them, or
 * when they do not fit only those not online and a count of the others,
 * then the same in smaller type, and at the last in more rows (a system
 * never vanishes). Returns the height used; _h measures only. */
int proj_systems_h(ui *u, const rv_model *m, int w, int rows, int dense);
int proj_systems(ui *u, const rv_model *m, SDL_Rect r, int rows, int dense);
/* A word and icon for an ending's tone. */
const char *proj_tone_word(bh_tone t);
ui_icon_kind proj_tone_icon(bh_tone t);
ui_theme_color proj_tone_color(bh_tone t);

/* Play: the clock, meters, systems, the open decision with every
 * option, the latest message and the actions running. */
void proj_play(ui *u, const rv_model *m, SDL_Rect r);
/* The room's vote, when the facilitator reveals it (ui_proj_tally.c). */
void proj_tally(ui *u, const rv_model *m);

#endif
