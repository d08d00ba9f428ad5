/* ui_facil_send: the bottom of the facilitator's console: an intervention
 * goes to the session through play_input (journaled with fsync before it
 * applies), and the session's answer stays on the panel's answer line
 * until the next one: a refusal is never silent, and never a toast that
 * goes away while the facilitator was looking at the room. */
#include <stdio.h>

#include "ui/ui_facil.h"

void facil_say(app *a, int bad, const char *msg)
{
    snprintf(a->facil.said, sizeof a->facil.said, "%s", msg);
    a->facil.said_bad = bad;
}

static const char *done_word(bh_input_kind k)
{
    switch (k) {
    case IN_FIRE: return "Fired";
    case IN_EXTEND: return "Extended";
    case IN_FREEZE: return "Frozen";
    case IN_UNFREEZE: return "Running again";
    case IN_ADJUST: return "Adjusted";
    case IN_MESSAGE: return "Sent";
    case IN_END: return "Ended";
    default: return "Done";
    }
}

bh_status facil_send(app *a, bh_input *in)
{
    bh_err e;
    err_clear(&e);
    bh_status st = play_input(&a->game, in, &e);
    char buf[700];
    if (st == BH_OK) {
        char t[32];
        dur_stamp(sim_now(a->game.sim), t, sizeof t);
        snprintf(buf, sizeof buf, "%s at %s.", done_word(in->kind), t);
        facil_say(a, 0, buf);
    } else if (!a->game.failed) { /* a script error has its own panel */
        char why[600];
        snprintf(buf, sizeof buf, "Refused: %s", err_format(&e, why, (int)sizeof why));
        facil_say(a, 1, buf);
    }
    return st;
}

int facil_para(app *a, int x, int y, int w, int px, ui_theme_color c, const char *text)
{
    return ui_label(&a->u, (SDL_Rect){x, y, w, 0}, px, c, UI_WRAP, text);
}

int facil_button(app *a, uint32_t id, SDL_Rect r, const char *label, const char *tip)
{
    ui *u = &a->u;
    int hot = 0;
    int hit = ui_area(u, id, r, label, tip, &hot);
    SDL_Rect s = r;
    s.y -= u->oy;
    ui_fill(u, s, TC_PANEL);
    ui_frame(u, s, hot ? TC_ACCENT : TC_PANEL_BORDER, hot ? 2 : 1);
    if (ui_focused(u, id) && u->focus_visible && ui_live(u))
        ui_frame(u, (SDL_Rect){s.x - 3, s.y - 3, s.w + 6, s.h + 6}, TC_FOCUS, 3);
    ui_label(u, (SDL_Rect){r.x + 2 * u->gap, r.y, r.w - 4 * u->gap, r.h}, u->px_body, TC_TEXT,
             UI_ELLIPSIS | UI_VCENTER, label);
    return hit;
}

int facil_line(app *a, int x, int y, int w, int px, ui_theme_color c, const char *text)
{
    ui *u = &a->u;
    int h = ui_text_h(u, px, 100000, c, text);
    ui_label(u, (SDL_Rect){x, y, w, h}, px, c, UI_ELLIPSIS, text);
    return h;
}
