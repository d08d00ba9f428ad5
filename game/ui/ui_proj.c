/* ui_proj: the projector's screen (see ui_proj.h). A first cut that draws
 * the title and the clock; the room helper draws the rest. */
#include "ui/ui_proj.h"

void screen_projector(ui *u, const rv_model *m)
{
    ui_fill(u, (SDL_Rect){0, 0, u->w, u->h}, TC_BACKGROUND);
    if (m->blank)
        return;
    ui_label(u, (SDL_Rect){u->pad, u->pad, u->w - 2 * u->pad, 0}, u->px_huge, TC_TEXT,
             UI_WRAP, m->title);
    ui_label(u, (SDL_Rect){u->pad, u->h / 2, u->w - 2 * u->pad, 0}, u->px_huge, TC_ACCENT, 0,
             m->clock);
}
