/* ui_workshop: what the shell does for a workshop's second window
 * (ui_workshop.c). Internal to game/ui: app_frame calls these; the
 * projector's public controls are in ui_app.h. */
#ifndef UI_WORKSHOP_H
#define UI_WORKSHOP_H

#include "ui/ui_app.h"

/* Hand one SDL event to the window it belongs to. Window events (resize,
 * close, focus) and the mouse go by window id; keys and typed text always
 * go to the console, whichever window has the focus: the facilitator
 * drives from the laptop, and the projector has nothing to type into.
 * Closing the projector closes only it; closing the console quits. */
void ws_route_event(app *a, const SDL_Event *e);
/* Once the console's frame is drawn: the room's view of the session on
 * the projector (when open), drawn from rv_build and nothing else. When
 * the model cannot be built the projector keeps its last frame. */
void ws_projector_frame(app *a, double dt);
/* The projector's window title: "Bulkhead projector" and the scenario's
 * title (player-safe), in `out`. */
void ws_projector_title(const app *a, char *out, size_t n);
/* The projector's text scale for the console's: the room reads it from
 * afar, so at least WS_PROJECTOR_MIN_SCALE percent. */
#define WS_PROJECTOR_MIN_SCALE 150
int ws_projector_scale(int console_scale);

#endif
