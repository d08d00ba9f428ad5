/* ui_screens: what the screens share. Internal to game/ui.
 *
 * A screen is a function that draws it for one frame: screen_title
 * (ui_title.c), screen_briefing and screen_load_error (ui_briefing.c),
 * screen_settings (ui_prefs.c), screen_ops (ui_ops.c and its ui_ops_*.c
 * parts), screen_ending (ui_end.c) and screen_debrief (ui_debrief.c and its
 * ui_debrief_*.c parts). The shell (ui_app.c) calls them; they never call
 * the shell back. A screen that needs what only the shell does (open or
 * close a session, a screen that needs one set up) asks with screen_ask and
 * returns; app_frame acts on the request once the screen has drawn. The
 * services below (ui_parts.c, the settings setters, hot reload, opening and
 * closing the debrief's model) call no screen, so the arrows between files
 * point one way: shell -> screens -> services -> toolkit (ui_gui.h). */
#ifndef UI_SCREENS_H
#define UI_SCREENS_H

#include "ui/ui_app.h"

/* ---- the screens ---- */
void screen_title(app *a);
void screen_briefing(app *a);
/* The briefing's "how to play" text (tests check the keys it names). */
const char *briefing_help(void);
void screen_load_error(app *a);
void screen_settings(app *a);
void screen_ops(app *a);
void screen_ending(app *a);
void screen_debrief(app *a);
/* Scan the scenario folder and look for a session to continue. */
void title_refresh(app *a);

/* ---- pieces every screen uses (ui_parts.c) ---- */
/* Ask the shell for `kind`, with the path it needs (or NULL). The screen
 * asking is the one a debrief returns to. The last request of a frame
 * wins; a screen returns once it has asked. */
void screen_ask(app *a, app_req_kind kind, const char *path);
/* A message at the bottom of the screen for a few seconds. */
void screen_toast(app *a, const char *msg);
/* Draw the toast, if one is showing, and count down its time. */
void screen_toast_draw(app *a, double dt);
/* Where the toast goes this frame: where it covers none of the frame's
 * controls (call after the screen is drawn). */
SDL_Rect screen_toast_rect(app *a);
/* A modal box centred on the screen below the top bar; returns its inside. */
SDL_Rect screen_dialog(app *a, int w, int h, const char *title);
/* A Lua traceback below other text at (x, y): its height with the gap
 * above it, 0 when there is none. */
int screen_trace(app *a, int x, int y, int w, const char *trace);
/* The width of a button that fits `label`. */
int screen_button_w(app *a, const char *label);

/* ---- starting a workshop (ui_brief_workshop.c) ---- */
/* The title's "Run a workshop" toggle in `r` (key W); 1 when it changed. */
int brief_workshop_toggle(app *a, SDL_Rect r);
/* A workshop's briefing: the session cut to play, as toggles, at (x, y)
 * in the briefing's scroll area; the height used. Sets a->brief_cut. */
int brief_workshop_cuts(app *a, int x, int y, int w);

/* ---- the exercise's details (ui_details.c, issue 18) ---- */
/* A briefing opened: the draft starts from the command line's flags when
 * it is their scenario (they are then journaled at the start), else empty. */
void details_briefing(app *a);
/* A workshop began: journal the draft when the flags or the form gave it. */
void details_begin(app *a);
/* On a workshop's briefing: what the draft holds and the button that opens
 * the form; returns the height used. */
int details_brief_section(app *a, int x, int y, int w);
/* Open the form (OV_DETAILS): over a session its values, else the draft
 * with today's date and the organisation's name offered once. */
void details_open(app *a);
/* Draw the form; Save journals (a session) or keeps the draft. */
void details_form(app *a);

/* ---- settings applied to the running game (ui_prefs.c) ---- */
void prefs_set_theme(app *a, const char *name);
void prefs_set_text_scale(app *a, int percent);

/* ---- the debrief's model (ui_debrief.c) ---- */
/* Build the debrief of the session as it stands and show it; Esc returns
 * to `back`. */
void debrief_open(app *a, app_screen back);
/* Build (or rebuild) a->debrief from the session as it stands, staying on
 * the screen shown: the projector's hot wash reads it. 0 when out of memory. */
int debrief_build(app *a);
void debrief_close(app *a);
/* Branch at the debrief's decision number `decision` (0-based) with
 * `option`: compare endings, or with `play_on` ask the shell to resume
 * the branch's new journal. */
void debrief_whatif(app *a, int decision, const char *option, int play_on);

/* ---- hot reload (ui_reload.c) ---- */
/* Reload the scenario and replay the journal; on failure, the developer
 * screen with --dev, else a calm message. */
void reload_scenario(app *a);
/* Look for edits to the scenario's files about twice a second. */
void reload_watch(app *a, double dt);
/* The developer screen over the operations room (OV_DEV). */
void reload_panel(app *a);

#endif
