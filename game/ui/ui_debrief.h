/* ui_debrief: what the debrief's files share. Internal to game/ui.
 *
 * ui_debrief.c is the screen (its tabs, the notes and export tab, the way
 * back) and builds and frees the report model; the other tabs are drawn by
 * ui_debrief_tabs.c (the lists, and the rows and paragraphs every tab is
 * made of), ui_debrief_chart.c (meters) and ui_debrief_whatif.c
 * (decisions and what-if). */
#ifndef UI_DEBRIEF_H
#define UI_DEBRIEF_H

#include "ui/ui_screens.h"

/* A selectable row: `meta` small above `text`. Returns its height, negated
 * when it was activated this frame. */
int debrief_row(app *a, uint32_t id, int x, int y, int w, const char *meta, const char *text,
                ui_theme_color c, int selected);
/* A wrapped paragraph and the gap after it; 0 for no text. */
int debrief_para(ui *u, int x, int y, int w, int px, ui_theme_color c, const char *s);
/* Length of `s` without a trailing ".journal". */
int debrief_stem_len(const char *s);
/* The room's votes on decision `d` of the model (its "room"), two short
 * lines; the height drawn, 0 when the room did not vote on it. */
int debrief_room(ui *u, const json_t *d, int x, int y, int w);

/* The tabs, each drawn inside `r`. `which` is the tab's number for the
 * lists read from the model's array `key`. */
void debrief_tab_timeline(app *a, SDL_Rect r);
void debrief_tab_list(app *a, SDL_Rect r, const char *key, int which);
void debrief_tab_meters(app *a, SDL_Rect r);
/* The chart's colour and marker for its i-th meter: eight of each, all
 * different, so eight meters never share a look. */
ui_theme_color debrief_series_color(size_t i);
ui_icon_kind debrief_series_mark(size_t i);
/* How many steps the chart's value axis (0% to 100%) has at height
 * `chart_h`: 4, or 2 or 1 when the labels would overlap. */
int debrief_chart_ticks(ui *u, int chart_h);
void debrief_tab_decisions(app *a, SDL_Rect r);
/* The what-if panel over the decisions tab, while a->wi_decision >= 0. */
void debrief_whatif_panel(app *a);

#endif
