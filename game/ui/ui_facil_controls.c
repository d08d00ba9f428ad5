/* ui_facil_controls: the interventions tab of the facilitator panel. One
 * control per intervention of the workshop engine: extend, freeze or
 * unfreeze the open decision's deadline, adjust a meter, send a message,
 * end the session (those three open a dialog to type in), and fire any
 * message now. Every one goes through facil_send, so the session checks
 * it and journals it before it applies; what it refuses (a message that
 * already came, a deadline that passed) is refused there, with its
 * reason on the panel, not hidden here. */
#include <stdio.h>

#include "ui/ui_facil.h"

static int button(app *a, int x, int y, int w, uint32_t id, const char *label, const char *tip)
{
    ui *u = &a->u;
    int bw = screen_button_w(a, label);
    return facil_button(a, id, (SDL_Rect){x, y, bw < w ? bw : w, u->line + 2 * u->gap}, label,
                        tip);
}

/* The open decision's deadline: extend by N minutes, freeze, unfreeze. */
static int deadline(app *a, int x, int y, int w)
{
    ui *u = &a->u;
    facil_state *f = &a->facil;
    int y0 = y, bh = u->line + 2 * u->gap;
    int di = ops_open_decision(a->game.sim);
    if (di < 0)
        return facil_para(a, x, y, w, u->px_body, TC_TEXT_DIM,
                          "No decision is open: its deadline controls come with it.") + u->gap;
    const bh_decision_def *dd = &sim_defs(a->game.sim)->decisions[di];
    bh_decision_status ds;
    sim_decision_status(a->game.sim, di, &ds);
    char head[600], left[48];
    dur_format(ds.left, left, sizeof left);
    snprintf(head, sizeof head, "Deadline: %s left%s. %s", left, ds.frozen ? ", frozen" : "",
             dd->prompt);
    y += facil_line(a, x, y, w, u->px_body, ds.frozen ? TC_WARNING : TC_TEXT, head) + u->gap;
    /* the extension: fewer, the button, more */
    int sw = screen_button_w(a, "+");
    char ext[64];
    snprintf(ext, sizeof ext, "Extend by %d min", f->extend_min);
    if (ui_button(u, ui_id(u, "fextless"), (SDL_Rect){x, y, sw, bh}, "-", 0,
                  "A shorter extension.") && f->extend_min > 1)
        f->extend_min -= f->extend_min > 5 ? 5 : 1;
    int ex = x + sw + u->gap;
    int ew = screen_button_w(a, ext);
    if (ui_button(u, ui_id(u, "fextend"), (SDL_Rect){ex, y, ew, bh}, ext, 0,
                  "Give the room more time on this decision.")) {
        bh_input in = {.kind = IN_EXTEND, .a = di, .dur = (bh_time)f->extend_min * 60};
        facil_send(a, &in);
    }
    if (ui_button(u, ui_id(u, "fextmore"), (SDL_Rect){ex + ew + u->gap, y, sw, bh}, "+", 0,
                  "A longer extension.") && f->extend_min < 120)
        f->extend_min += f->extend_min >= 5 ? 5 : 1;
    y += bh + u->gap;
    const char *fr = ds.frozen ? "Unfreeze deadline" : "Freeze deadline";
    if (button(a, x, y, w, ui_id(u, "ffreeze"), fr,
               ds.frozen ? "Its deadline clock runs again from where it stopped."
                         : "Stop this decision's deadline clock; the rest of the session runs.")) {
        bh_input in = {.kind = ds.frozen ? IN_UNFREEZE : IN_FREEZE, .a = di};
        facil_send(a, &in);
    }
    return y + bh + u->gap - y0;
}

int facil_act(app *a, int x, int y, int w)
{
    ui *u = &a->u;
    const bh_sim *s = a->game.sim;
    const bh_defs *d = sim_defs(s);
    int y0 = y, bh = u->line + 2 * u->gap;
    /* not an intervention: an annotation, welcome even after the end */
    if (button(a, x, y, w, ui_id(u, "fdetails"), "Exercise details…",
               "The date, venue, organisation, facilitator and participants, for the "
               "report's cover. A correction is journaled as a new line."))
        details_open(a);
    y += bh + u->pad;
    if (sim_ended(s))
        return y - y0 + facil_para(a, x, y, w, u->px_body, TC_TEXT_DIM,
                                   "The session has ended: no more interventions.");
    y += deadline(a, x, y, w) + u->gap;
    if (button(a, x, y, w, ui_id(u, "fadjust"), "Adjust a meter…",
               "Add to or take from a meter, with your reason (the room sees the change)."))
        facil_open_dialog(a, FD_ADJUST);
    y += bh + u->gap;
    if (button(a, x, y, w, ui_id(u, "fmessage"), "Send a message…",
               "A message to the room's inbox, from the facilitator."))
        facil_open_dialog(a, FD_MESSAGE);
    y += bh + u->gap;
    if (button(a, x, y, w, ui_id(u, "fend"), "End now…",
               "End the session here, with your reason. You confirm first."))
        facil_open_dialog(a, FD_END);
    y += bh + u->pad;
    y += facil_para(a, x, y, w, u->px_small, TC_ACCENT, "Fire a message now") + u->gap / 2;
    for (size_t i = 0; i < d->ninjects; i++) {
        const bh_inject_def *x_ = &d->injects[i];
        int arrived = sim_inject_fired(s, (int)i);
        char lab[300], tip[200];
        snprintf(lab, sizeof lab, "Fire: %s%s", x_->title,
                 arrived ? x_->repeatable ? " (again)" : " (arrived)" : "");
        if (x_->has_at) {
            char t[32];
            snprintf(tip, sizeof tip, "Deliver it now instead of at %s.",
                     dur_stamp(x_->at, t, sizeof t));
        } else
            snprintf(tip, sizeof tip, "Deliver it now instead of when its condition holds.");
        int bw = screen_button_w(a, lab);
        SDL_Rect r = {x, y, bw < w ? bw : w, bh};
        if (facil_button(a, ui_idn(u, "ffire", (int)i), r, lab, tip)) {
            bh_input in = {.kind = IN_FIRE, .a = (int)i};
            facil_send(a, &in);
        }
        y += bh + u->gap / 2;
    }
    return y - y0;
}
