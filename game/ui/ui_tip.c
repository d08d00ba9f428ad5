/* ui_tip: the toolkit's tooltip (see ui_gui.h): the help of the control
 * under the mouse, or focused by the keyboard, shown after a short hover,
 * with the control's help as it is this frame, placed where it hides
 * least of what it explains. */
#include <stdio.h>

#include "ui/ui_gui.h"

#define TIP_DELAY 0.45 /* seconds of hovering before a tooltip shows */

/* Where the tooltip goes: beside a tall anchor (a list row, a text: what
 * is below it is its neighbours), on the side with room enough for a
 * readable width; below a button, or above it at the foot of the screen. */
static SDL_Rect place_tip(ui *u, int *wrap_w)
{
    SDL_Rect a = u->tip_anchor;
    int maxw = u->w / 3 > 20 * u->px_small ? u->w / 3 : 20 * u->px_small;
    if (maxw > u->w - 2 * u->pad)
        maxw = u->w - 2 * u->pad;
    int w = ui_text_w(u, u->px_body, TC_TEXT, u->tip);
    if (w > maxw)
        w = maxw;
    int minw = 16 * u->px_small < w ? 16 * u->px_small : w;
    if (a.h > 2 * u->line) {
        int right = u->w - (a.x + a.w + u->gap) - 2 * u->pad, left = a.x - u->gap - 2 * u->pad;
        int side = right >= minw ? right : left >= minw ? left : 0;
        if (side) {
            int sw = w < side ? w : side;
            int h = ui_text_h(u, u->px_body, sw, TC_TEXT, u->tip);
            SDL_Rect b = {side == right ? a.x + a.w + u->gap : a.x - u->gap - sw - 2 * u->pad,
                          a.y, sw + 2 * u->pad, h + 2 * u->pad};
            if (b.y + b.h > u->h)
                b.y = u->h - b.h;
            if (b.y < 0)
                b.y = 0;
            *wrap_w = sw;
            return b;
        }
    }
    int h = ui_text_h(u, u->px_body, w, TC_TEXT, u->tip);
    SDL_Rect b = {a.x, a.y + a.h + u->gap, w + 2 * u->pad, h + 2 * u->pad};
    if (b.y + b.h > u->h)
        b.y = a.y - b.h - u->gap;
    if (b.x + b.w > u->w)
        b.x = u->w - b.w;
    if (b.x < 0)
        b.x = 0;
    if (b.y < 0)
        b.y = 0;
    *wrap_w = w;
    return b;
}

void ui_tip_draw(ui *u)
{
    if (u->tip_candidate != u->tip_id) {
        u->tip_id = u->tip_candidate;
        u->tip_time = 0;
    }
    /* this frame's text, not the first frame's: a control's help changes
     * with its state (an action that was clicked is now running) */
    snprintf(u->tip, sizeof u->tip, "%s", u->tip_candidate_text);
    u->tip_anchor = u->tip_candidate_anchor;
    u->tip_box = (SDL_Rect){0, 0, 0, 0};
    if (!u->tip_id || u->tip_time < TIP_DELAY)
        return;
    int w = 0;
    SDL_Rect b = place_tip(u, &w);
    u->tip_box = b;
    ui_fill(u, b, TC_PANEL);
    ui_frame(u, b, TC_ACCENT, 2);
    u->bg = TC_PANEL;
    ui_label(u, (SDL_Rect){b.x + u->pad, b.y + u->pad, w, b.h - 2 * u->pad}, u->px_body, TC_TEXT,
             UI_WRAP, u->tip);
}
