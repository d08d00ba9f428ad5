/* ui_proj: the projector's screen. It draws one frame from a room view
 * model (game/room/rv_model.h) and nothing else: it is given no app, no
 * play and no sim, so facilitator-only content cannot reach it. */
#ifndef UI_PROJ_H
#define UI_PROJ_H

#include "room/rv_model.h"
#include "ui/ui_gui.h"

/* Draw the projector for one frame between ui_begin and ui_end. */
void screen_projector(ui *u, const rv_model *m);

#endif
