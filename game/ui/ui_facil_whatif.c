/* ui_facil_whatif: the what-if tab of the facilitator panel: a preview of
 * the open decision that plays each option ahead to its ending and shows
 * where it leads and the meters there. Each branch is rp_whatif on a
 * scratch copy (the scenario loaded afresh, the journal replayed, the
 * option chosen at the moment the decision opened, the later inputs
 * kept): the session itself never changes. It is a facilitator's tool:
 * the room's screens never see it (in desktop play, what-if on an open
 * decision is refused for that reason: ui_debrief_whatif.c). The preview
 * is for the session as it stood when it ran, and says so once it moved. */
#include <stdio.h>
#include <string.h>

#include "report/rp_whatif.h"
#include "ui/ui_facil.h"

static void branch(app *a, const bh_plan *plan, const bh_decision_def *dd, size_t k,
                   facil_preview *pv)
{
    bh_err e;
    err_clear(&e);
    rp_branch b = {0};
    memset(pv, 0, sizeof *pv);
    if (rp_whatif(a->game.scenario, plan, dd->id, dd->options[k].id, 1, &b, &e) != BH_OK) {
        char why[400];
        pv->failed = 1;
        snprintf(pv->ending, sizeof pv->ending, "Cannot play it ahead: %s",
                 err_format(&e, why, (int)sizeof why));
        rp_branch_free(&b);
        return;
    }
    const bh_defs *d = sim_defs(b.sim);
    int en = sim_ending(b.sim);
    const bh_ending_def *ed = en >= 0 ? defs_ending_at(d, en) : NULL;
    if (sim_failed(b.sim)) {
        pv->failed = 1;
        snprintf(pv->ending, sizeof pv->ending, "The scenario stopped with a script error");
    } else
        snprintf(pv->ending, sizeof pv->ending, "%s", ed ? ed->title : "No ending reached");
    size_t len = 0;
    for (size_t i = 0; i < d->nmeters && len < sizeof pv->meters; i++)
        len += (size_t)snprintf(pv->meters + len, sizeof pv->meters - len, "%s%s %.0f",
                                i ? " · " : "", d->meters[i].label, sim_meter(b.sim, (int)i));
    rp_branch_free(&b);
}

/* Play every option of decision `di` ahead. */
void facil_preview_run(app *a, int di)
{
    facil_state *f = &a->facil;
    const bh_decision_def *dd = &sim_defs(a->game.sim)->decisions[di];
    bh_plan plan = {0};
    bh_err e;
    err_clear(&e);
    f->pv_decision = 0;
    if (journal_read(a->game.journal_path, &plan, &e) != BH_OK) {
        char buf[600], why[500];
        snprintf(buf, sizeof buf, "Cannot preview: %s", err_format(&e, why, (int)sizeof why));
        facil_say(a, 1, buf);
        return;
    }
    f->pv_n = 0;
    for (size_t k = 0; k < dd->noptions && k < FACIL_MAX_PREVIEW; k++)
        branch(a, &plan, dd, k, &f->pv[f->pv_n++]);
    journal_plan_free(&plan);
    f->pv_decision = di + 1;
    f->pv_version = sim_version(a->game.sim);
}

int facil_whatif(app *a, int x, int y, int w)
{
    ui *u = &a->u;
    facil_state *f = &a->facil;
    int y0 = y, bh = u->line + 2 * u->gap;
    int di = ops_open_decision(a->game.sim);
    if (di < 0) {
        y += facil_para(a, x, y, w, u->px_body, TC_TEXT_DIM,
                        "No decision is open. Its preview comes here when one opens; for "
                        "decisions already taken, see the debrief (Esc, Debrief so far).");
        return y - y0;
    }
    const bh_decision_def *dd = &sim_defs(a->game.sim)->decisions[di];
    char head[600];
    snprintf(head, sizeof head, "Preview: %s", dd->prompt);
    y += facil_line(a, x, y, w, u->px_head, TC_ACCENT, head) + u->gap;
    const char *lab = f->pv_decision == di + 1 ? "Preview again" : "Preview each option";
    int bw = screen_button_w(a, lab);
    if (facil_button(a, ui_id(u, "fpreview"), (SDL_Rect){x, y, bw < w ? bw : w, bh}, lab,
                     "Play each option ahead to its ending on a copy of the session. "
                     "Only you see this."))
        facil_preview_run(a, di);
    y += bh + u->gap;
    if (f->pv_decision != di + 1)
        return y - y0;
    if (f->pv_version != sim_version(a->game.sim))
        y += facil_para(a, x, y, w, u->px_small, TC_WARNING,
                        "The session has moved on since: preview again for the latest.") + u->gap;
    for (int k = 0; k < f->pv_n && (size_t)k < dd->noptions; k++) {
        char line[400];
        snprintf(line, sizeof line, "%c  %s%s", 'A' + k, dd->options[k].label,
                 dd->options[k].recommended ? "  (recommended)" : "");
        y += facil_para(a, x, y, w, u->px_body, TC_TEXT, line);
        snprintf(line, sizeof line, "→ %s", f->pv[k].ending);
        y += facil_para(a, x + u->pad, y, w - u->pad, u->px_body, f->pv[k].failed ? TC_BAD : TC_ACCENT,
                        line);
        y += facil_para(a, x + u->pad, y, w - u->pad, u->px_small, TC_TEXT_DIM, f->pv[k].meters) +
             u->gap;
    }
    return y - y0;
}
