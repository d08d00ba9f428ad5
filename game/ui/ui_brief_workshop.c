/* ui_brief_workshop: the parts of the title and the briefing that start a
 * workshop: the title's mode toggle ("Run a workshop"), and on a
 * workshop's briefing the choice of session cut (the whole scenario or
 * one of its cuts, as a toggle each). The shell reads the choice
 * (a->want_workshop, a->brief_cut) when the briefing asks to begin. */
#include <stdio.h>

#include "ui/ui_screens.h"

int brief_workshop_toggle(app *a, SDL_Rect r)
{
    ui *u = &a->u;
    if (ui_toggle(u, ui_id(u, "workshop"), r, "Run a workshop [W]", a->want_workshop, SDLK_w,
                  "A facilitated workshop: a console on this screen for you, a projector "
                  "window for the room. Choose a scenario, then its session cut.")) {
        a->want_workshop = !a->want_workshop;
        return 1;
    }
    return 0;
}

int brief_workshop_cuts(app *a, int x, int y, int w)
{
    ui *u = &a->u;
    const bh_defs *d = lh_defs(a->brief);
    int h = ui_label(u, (SDL_Rect){x, y, w, u->line * 2}, u->px_head, TC_ACCENT, 0,
                     "Session cut for this workshop");
    h += u->gap;
    h += ui_label(u, (SDL_Rect){x, y + h, w, 0}, u->px_body, TC_TEXT_DIM, UI_WRAP,
                  d->ncuts ? "A cut plays part of the story in a planned time, with an agenda "
                             "clock on the console. Choose one, or the whole scenario."
                           : "This scenario declares no session cuts: the workshop plays "
                             "the whole scenario.");
    h += u->gap;
    int bh = u->line + 2 * u->gap;
    char lab[200], len[64];
    dur_format(d->scenario.length, len, sizeof len);
    snprintf(lab, sizeof lab, "The whole scenario (%s of the story)", len);
    for (int k = -1; k < (int)d->ncuts; k++) {
        if (k >= 0) {
            dur_format(d->cuts[k].length, len, sizeof len);
            snprintf(lab, sizeof lab, "%s: about %d minutes (%s of the story)",
                     d->cuts[k].label, d->cuts[k].agenda, len);
        }
        SDL_Rect r = {x, y + h, w, bh};
        if (ui_toggle(u, ui_idn(u, "cut", k + 1), r, lab, a->brief_cut == k, 0,
                      k < 0 ? "Play every part of the scenario." : "Play this session cut."))
            a->brief_cut = k;
        h += bh + u->gap;
    }
    return h + 2 * u->pad;
}
