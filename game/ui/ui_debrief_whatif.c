/* ui_debrief_whatif: the debrief's decisions tab and its what-if panel.
 * A branch is run through rp_whatif: choose differently at one decision,
 * keep the later choices that still apply, and compare where it ends; or
 * play on from that choice in a new journal beside the original. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "report/rp_report.h"
#include "report/rp_whatif.h"
#include "ui/ui_debrief.h"

static void whatif_run(app *a, const json_t *d, const char *option, int play_on);

/* In desktop play the debrief so far is on the screen the players decide
 * at: what-if on a decision still open would show them every option's
 * outcome before they choose. Refused, with why. A workshop's console is
 * the facilitator's alone, so there it is allowed (and previewed). */
static int refused_open(app *a, const json_t *d)
{
    if (a->workshop || strcmp(rp_str(d, "state"), "decided") == 0)
        return 0;
    screen_toast(a, "Decide first: what-if on an open decision would show the room every "
                    "outcome.");
    a->wi_decision = -1;
    return 1;
}

void debrief_whatif(app *a, int decision, const char *option, int play_on)
{
    const json_t *d = json_array_get(json_object_get(a->debrief, "decisions"), (size_t)decision);
    if (!d || refused_open(a, d))
        return;
    a->wi_decision = decision;
    whatif_run(a, d, option, play_on);
}

static void whatif_run(app *a, const json_t *d, const char *option, int play_on)
{
    bh_plan plan = {0};
    bh_err e;
    err_clear(&e);
    rp_branch b = {0};
    char buf[1200];
    const char *dec = rp_str(d, "id");
    if (journal_read(a->game.journal_path, &plan, &e) != BH_OK ||
        rp_whatif(a->game.scenario, &plan, dec, option, !play_on, &b, &e) != BH_OK) {
        screen_toast(a, err_format(&e, buf, sizeof buf));
        goto done;
    }
    if (play_on) {
        /* a new journal beside the original, never over it */
        char path[PLAY_PATH_MAX + 256];
        int k = 1, len = 0;
        for (; k < 100; k++) {
            len = snprintf(path, sizeof path, "%.*s-whatif-%s-%s%s%.0d.journal",
                           debrief_stem_len(a->game.journal_path), a->game.journal_path, dec, option,
                           k > 1 ? "-" : "", k > 1 ? k : 0);
            if (len >= (int)sizeof path || access(path, F_OK) != 0)
                break;
        }
        if (len >= (int)sizeof path || k == 100) {
            screen_toast(a, "Cannot name a new journal for this branch: the path is too long or "
                            "too many branches exist.");
            goto done;
        }
        /* the session's scenario, which the new journal names from its own
         * folder, so Continue works anywhere */
        if (rp_branch_journal(a->game.scenario, &plan, &b, dec, option, path, &e) != BH_OK) {
            screen_toast(a, err_format(&e, buf, sizeof buf));
            goto done;
        }
        rp_branch_free(&b);
        journal_plan_free(&plan);
        /* the shell closes this session and the debrief, and resumes */
        screen_ask(a, REQ_RESUME, path);
        return;
    }
    json_decref(a->wi_result);
    rp_meta m = {a->game.scenario, NULL, NULL};
    a->wi_result = rp_build(b.sim, &m);
    a->wi_refused = (int)b.refused;
    snprintf(a->wi_option, sizeof a->wi_option, "%s", option);
done:
    rp_branch_free(&b);
    journal_plan_free(&plan);
}

static int outcome(app *a, int x, int y, int w, const char *head, const json_t *rep)
{
    ui *u = &a->u;
    int y0 = y;
    const json_t *en = json_object_get(rep, "ending");
    y += debrief_para(u, x, y, w, u->px_body, TC_ACCENT, head);
    y += debrief_para(u, x, y, w, u->px_head, TC_TEXT, json_is_object(en) ? rp_str(en, "title") : "No ending reached");
    size_t i;
    const json_t *m;
    json_array_foreach(json_object_get(rep, "meters"), i, m)
    {
        char l[200], v[64], same[64];
        rp_meter_ends(rp_num(m, "max") - rp_num(m, "min"), rp_num(m, "final"), rp_num(m, "final"),
                      v, same, sizeof v);
        snprintf(l, sizeof l, "%s: %s", rp_str(m, "label"), v);
        y += debrief_para(u, x, y, w, u->px_body, TC_TEXT, l);
    }
    return y - y0;
}

void debrief_tab_decisions(app *a, SDL_Rect r)
{
    ui *u = &a->u;
    const json_t *ds = json_object_get(a->debrief, "decisions");
    int bh = u->line + 2 * u->gap;
    ui_scroll_begin(u, &a->sc_d1, r);
    int x = r.x, w = r.w - 3 * u->gap, y = r.y;
    size_t i;
    const json_t *d;
    json_array_foreach(ds, i, d)
    {
        char head[600], l1[600], l2[400];
        snprintf(head, sizeof head, "D%zu. %s", i + 1, rp_str(d, "prompt"));
        y += debrief_para(u, x, y, w, u->px_head, TC_TEXT, head);
        char op[32], dl[32];
        dur_stamp((bh_time)rp_num(d, "opened_s"), op, sizeof op);
        dur_stamp((bh_time)rp_num(d, "deadline_s"), dl, sizeof dl);
        if (strcmp(rp_str(d, "state"), "decided") == 0)
            snprintf(l1, sizeof l1, "%s: %s. Opened %s, deadline %s.",
                     json_is_true(json_object_get(d, "by_default")) ? "The clock chose" : "The room chose",
                     rp_str(d, "chosen_label"), op, dl);
        else
            snprintf(l1, sizeof l1, "Still open. Opened %s, deadline %s.", op, dl);
        y += debrief_para(u, x, y, w, u->px_body, TC_TEXT, l1);
        const json_t *fa = json_object_get(d, "followed_advice");
        snprintf(l2, sizeof l2, "Default: %s.%s", rp_str(d, "default_label"),
                 json_is_true(fa) ? " What responders advise: followed."
                 : json_is_false(fa) ? " What responders advise: not followed." : "");
        y += debrief_para(u, x, y, w, u->px_body, json_is_false(fa) ? TC_WARNING : TC_TEXT_DIM, l2);
        y += debrief_room(u, d, x, y, w);
        char wl[64];
        snprintf(wl, sizeof wl, "What if… (D%zu)", i + 1);
        int ww = screen_button_w(a, wl);
        if (ui_button(u, ui_idn(u, "whatif", (int)i), (SDL_Rect){x, y, ww, bh}, wl, 0,
                      "Choose differently here and see where the same later choices lead.") &&
            !refused_open(a, d)) {
            a->wi_decision = (int)i;
            json_decref(a->wi_result);
            a->wi_result = NULL;
            memset(&a->sc_d2, 0, sizeof a->sc_d2);
            u->focus = 0;
        }
        y += bh + 2 * u->pad;
    }
    if (!json_array_size(ds))
        y += debrief_para(u, x, y, w, u->px_body, TC_TEXT_DIM, "No decision opened in this session.");
    ui_scroll_end(u, y - r.y);
}

/* The what-if panel over the decisions tab. */
void debrief_whatif_panel(app *a)
{
    ui *u = &a->u;
    const json_t *d = json_array_get(json_object_get(a->debrief, "decisions"), (size_t)a->wi_decision);
    if (!d || refused_open(a, d)) {
        a->wi_decision = -1;
        return;
    }
    u->modal = u->layer = 2;
    int bh = u->line + 2 * u->gap;
    char title[80];
    snprintf(title, sizeof title, "What if… D%d", a->wi_decision + 1);
    SDL_Rect in = screen_dialog(a, u->w * 4 / 5, u->h * 7 / 10, title);
    SDL_Rect v = {in.x, in.y, in.w, in.h - bh - u->pad};
    ui_scroll_begin(u, &a->sc_d2, v);
    int x = in.x, w = in.w - 3 * u->gap, y = in.y;
    y += debrief_para(u, x, y, w, u->px_body, TC_TEXT, rp_str(d, "prompt"));
    if (json_is_true(json_object_get(d, "by_default")))
        y += debrief_para(u, x, y, w, u->px_small, TC_TEXT_DIM,
                          "Nobody chose before the deadline here, so the branch makes its "
                          "choice at the moment the decision opened.");
    /* the options come from the scenario, through the session */
    const bh_defs *defs = sim_defs(a->game.sim);
    int di = defs_decision(defs, rp_str(d, "id"));
    for (size_t k = 0; di >= 0 && k < defs->decisions[di].noptions; k++) {
        const bh_option_def *o = &defs->decisions[di].options[k];
        const char *meta = strcmp(o->id, rp_str(d, "chosen")) == 0 ? "What happened" : "";
        int sel = strcmp(o->id, a->wi_option) == 0 && a->wi_result;
        int h = debrief_row(a, ui_idn(u, "wiopt", (int)k), x, y, w, meta, o->label, TC_TEXT, sel);
        if (h < 0)
            whatif_run(a, d, o->id, 0);
        y += (h < 0 ? -h : h) + u->gap / 2;
    }
    if (a->wi_result) {
        y += u->pad;
        int half = (w - u->pad) / 2;
        const json_t *se = json_object_get(a->debrief, "session");
        char what[120];
        if (json_is_object(json_object_get(a->debrief, "ending")))
            snprintf(what, sizeof what, "What happened");
        else
            snprintf(what, sizeof what, "So far (%s, not finished)", rp_str(se, "elapsed"));
        int h1 = outcome(a, x, y, half, what, a->debrief);
        char head[400];
        int oi = di >= 0 ? defs_option(&defs->decisions[di], a->wi_option) : -1;
        snprintf(head, sizeof head, "With \"%s\"",
                 oi >= 0 ? defs->decisions[di].options[oi].label : a->wi_option);
        int h2 = outcome(a, x + half + u->pad, y, half, head, a->wi_result);
        y += (h1 > h2 ? h1 : h2) + u->gap;
        if (a->wi_refused) {
            char l[200];
            snprintf(l, sizeof l, "%d later input%s no longer possible in this story and skipped.",
                     a->wi_refused, a->wi_refused == 1 ? " was" : "s were");
            y += debrief_para(u, x, y, w, u->px_small, TC_TEXT_DIM, l);
        }
    }
    ui_scroll_end(u, y - in.y);
    int by = in.y + in.h - bh;
    const char *back = "Back [Esc]", *playon = "Play on from this choice";
    int bw = screen_button_w(a, back), pw = screen_button_w(a, playon);
    if (a->wi_result &&
        ui_button(u, ui_id(u, "wiplay"), (SDL_Rect){in.x + in.w - pw, by, pw, bh}, playon, 0,
                  "Start a new session from the moment of this decision, with this choice. "
                  "The original journal is kept.")) {
        char opt[64];
        snprintf(opt, sizeof opt, "%s", a->wi_option);
        whatif_run(a, d, opt, 1);
        return;
    }
    if (ui_button(u, ui_id(u, "wiback"), (SDL_Rect){in.x, by, bw, bh}, back, SDLK_ESCAPE, NULL)) {
        a->wi_decision = -1;
        u->focus = 0;
    }
}

