/* ui_facil: the facilitator's console, what its files share. Internal to
 * game/ui.
 *
 * In a workshop (a->workshop) the main window is the console: the
 * operations room on the left and, on the right, the facilitator panel
 * that only this window draws: the agenda clock, pacing, what the
 * projector shows, and four tabs (what comes next, guidance, the
 * interventions, what-if). Every intervention is an input sent through
 * play_input, journaled before it applies; the session's answer (a
 * refusal with its reason too) stays on the panel until the next one.
 *
 *   ui_facil.c          the panel: agenda, clock, pacing, projector, tabs
 *   ui_facil_next.c     what comes next, and the guidance tab
 *   ui_facil_controls.c the interventions tab, and sending one
 *   ui_facil_dialog.c   typing a message, an adjustment, an ending
 *   ui_facil_whatif.c   previews of the open decision's options
 *   ui_facil_send.c     sending an intervention and keeping the answer
 * (calls go down that list's dependencies only: panel -> tabs -> dialog
 * -> send). */
#ifndef UI_FACIL_H
#define UI_FACIL_H

#include "ui/ui_ops.h"

/* ---- the panel (ui_facil.c) ---- */
/* Its width in the window, 0 outside a workshop; called first every frame
 * of a workshop's room (a new session resets a->facil here). When the text is large
 * for the window (a narrow console), the panel and the room take turns:
 * the whole width while the panel is up, else 0. */
int facil_width(app *a);
/* A narrow console with the room up: the width of the switch to the
 * panel at the strip's right end (facil_switch draws it); else 0. */
int facil_switch_w(app *a);
void facil_switch(app *a, SDL_Rect r);
/* Draw the panel in `r` (the right-hand column). */
void facil_panel(app *a, SDL_Rect r);

/* After the ending (ui_end.c): the width of the hot-wash column at the
 * right (a narrow console: the switch's, or the whole width while it is
 * up), 0 outside a workshop; and the column: the agenda, and what the
 * projector shows, the debrief tabs chosen for the room. */
int facil_end_width(app *a);
void facil_hotwash(app *a, SDL_Rect r);

/* Below the room server's control (the "Room: on/off" button among the
 * projector's, ui_facil.c): while on, the addresses to open and the room
 * code; off after a failure, why (ui_room.c). Returns the height used (0
 * when off with nothing to say). */
int facil_room(app *a, SDL_Rect area);

/* ---- tabs, each drawn from y in a scroll area; they return the height used ---- */
int facil_next(app *a, int x, int y, int w);     /* ui_facil_next.c */
int facil_guide(app *a, int x, int y, int w);    /* ui_facil_next.c */
int facil_act(app *a, int x, int y, int w);      /* ui_facil_controls.c */
int facil_whatif(app *a, int x, int y, int w);   /* ui_facil_whatif.c */
/* Play each option of decision `di` ahead to its ending, on scratch
 * copies, into a->facil.pv (ui_facil_whatif.c). */
void facil_preview_run(app *a, int di);

/* ---- sending (ui_facil_send.c) ---- */
/* Send one intervention through play_input; the answer (done, or the
 * refusal's reason) is kept in a->facil.said. */
bh_status facil_send(app *a, bh_input *in);
/* Put `msg` on the panel's answer line; `bad` for a refusal. */
void facil_say(app *a, int bad, const char *msg);
/* A button as wide as `r` whose label is cut with "…" when too long (a
 * message's title in the fire list); it is found by its whole label. */
int facil_button(app *a, uint32_t id, SDL_Rect r, const char *label, const char *tip);
/* One line, cut with "…" when too long (a decision's prompt, which the
 * dialog shows whole); returns its height. */
int facil_line(app *a, int x, int y, int w, int px, ui_theme_color c, const char *text);
/* A paragraph of wrapped text at (x, y); returns its height. */
int facil_para(app *a, int x, int y, int w, int px, ui_theme_color c, const char *text);

/* ---- the dialogs (ui_facil_dialog.c): the overlay OV_FACIL ---- */
/* Open dialog `which` (FD_*) over the room. */
void facil_open_dialog(app *a, int which);
void facil_dialog(app *a);

#endif
