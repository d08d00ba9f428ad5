/* ui_ops_decision: the decision dialog (the prompt, its options with
 * their letter keys, and a countdown that never scrolls away) and the
 * banner that stands in for it while it is hidden to look at the board.
 *
 * No single key or click commits: a letter or a click selects an option,
 * Enter (or Commit) asks "Commit B: ...?", and only a second Enter (or
 * Confirm) sends the choice; Esc steps back. A room still arguing must not
 * lose its decision to one stray key, in a workshop or at a desk. */
#include <stdio.h>

#include "ui/ui_ops.h"

/* ---- the decision dialog ---- */

int ops_open_decision(const bh_sim *s)
{
    const bh_defs *d = sim_defs(s);
    int best = -1;
    bh_time best_t = 0;
    for (size_t i = 0; i < d->ndecisions; i++) {
        bh_decision_status ds;
        sim_decision_status(s, (int)i, &ds);
        if (ds.state == DEC_OPEN && (best < 0 || ds.deadline < best_t)) {
            best = (int)i;
            best_t = ds.deadline;
        }
    }
    return best;
}

static void countdown_text(app *a, const bh_decision_status *ds, const char *def, char *buf,
                           size_t n)
{
    char sim_left[64];
    dur_format(ds->left, sim_left, sizeof sim_left);
    double real = play_real_seconds_until(&a->game, ds->deadline);
    if (real < 0)
        snprintf(buf, n, "Paused. %s of simulated time left. If time runs out: %s", sim_left, def);
    else {
        long long r = real < 1e12 ? (long long)real : 999999999999LL;
        snprintf(buf, n, "%lld:%02lld left at %d× (%s simulated). If time runs out: %s",
                 r / 60, r % 60, a->game.speed, sim_left, def);
    }
}

/* The buttons at the dialog's bottom right: Commit once an option is
 * selected, then Confirm and Back. Returns the x where they begin. */
static int commit_buttons(app *a, int di, const bh_decision_def *dd, SDL_Rect r)
{
    ui *u = &a->u;
    int right = r.x + r.w;
    if (!a->dec_pick || a->dec_pick > (int)dd->noptions)
        return right;
    if (!a->dec_confirm) {
        char lab[64];
        snprintf(lab, sizeof lab, "Commit %c [Enter]", 'A' + a->dec_pick - 1);
        int cw = screen_button_w(a, lab);
        right -= cw;
        if (ui_button(u, ui_id(u, "commit"), (SDL_Rect){right, r.y, cw, r.h}, lab, SDLK_RETURN,
                      "Ask to commit the selected option. Nothing is sent yet.")) {
            a->dec_confirm = 1;
            ui_set_focus(u, ui_id(u, "confirm"));
        }
        return right;
    }
    const char *ok = "Confirm [Enter]", *back = "Back [Esc]";
    int cw = screen_button_w(a, ok), bw = screen_button_w(a, back);
    right -= cw;
    int go = ui_button(u, ui_id(u, "confirm"), (SDL_Rect){right, r.y, cw, r.h}, ok, SDLK_RETURN,
                       "Send this choice to the session. It cannot be taken back.");
    right -= bw + u->pad;
    if (ui_button(u, ui_id(u, "commitback"), (SDL_Rect){right, r.y, bw, r.h}, back, 0,
                  "Back to the options; nothing is sent."))
        a->dec_confirm = 0;
    else if (go) {
        int opt = a->dec_pick - 1;
        a->dec_pick = a->dec_confirm = 0;
        ops_send(a, IN_CHOOSE, di, opt);
    }
    return right;
}

void ops_decision(app *a, int di, SDL_Rect area, int compact)
{
    ui *u = &a->u;
    const bh_defs *d = sim_defs(a->game.sim);
    const bh_decision_def *dd = &d->decisions[di];
    bh_decision_status ds;
    sim_decision_status(a->game.sim, di, &ds);
    u->layer = 1;
    ui_fill(u, area, TC_PANEL);
    ui_frame(u, area, TC_ACCENT, 3);
    u->bg = TC_PANEL;
    int x = area.x + 2 * u->pad, w = area.w - 4 * u->pad, y = area.y + u->pad;
    char head[300];
    snprintf(head, sizeof head, "Decision%s%s", dd->from && dd->from[0] ? " from " : "",
             dd->from ? dd->from : "");
    y += ui_label(u, (SDL_Rect){x, y, w, u->line * 2}, u->px_head, TC_ACCENT, UI_ELLIPSIS, head);
    /* the countdown sits on top so it is never scrolled away */
    char cd[400];
    countdown_text(a, &ds, dd->options[dd->default_opt].label, cd, sizeof cd);
    bh_time total = ds.deadline - ds.opened;
    ui_bar(u, (SDL_Rect){x, y + u->gap, w, u->gap * 2},
           total > 0 ? (double)ds.left / (double)total : 0, ds.left * 4 < total ? TC_BAD : TC_WARNING);
    y += 3 * u->gap + u->gap;
    y += ui_label(u, (SDL_Rect){x, y, w, 0}, u->px_body, TC_TEXT, UI_WRAP, cd) + u->gap;
    int bh = u->line + 2 * u->gap;
    int bottom = area.y + area.h - bh - u->pad;
    int asked = a->dec_confirm && a->dec_pick ? u->line + u->gap : 0; /* the question's line */
    SDL_Rect view = {area.x + u->pad, y, area.w - 2 * u->pad, bottom - y - u->gap - asked};
    ui_scroll_begin(u, &a->sc_dialog, view);
    int cy = y;
    cy += ui_label(u, (SDL_Rect){x, cy, w, 0}, compact ? u->px_body : u->px_head, TC_TEXT, UI_WRAP,
                   dd->prompt) + u->pad;
    for (size_t i = 0; i < dd->noptions; i++) {
        const bh_option_def *o = &dd->options[i];
        /* Every option has a letter, so the room can name it; A to G are
         * also keys (H is the key that hides the dialog): past G, a click
         * or Tab and Enter selects it */
        int letter = 'A' + (int)i, has_key = i < 7;
        char lab[400];
        snprintf(lab, sizeof lab, "%c   %s%s%s", letter, o->label,
                 (int)i == dd->default_opt ? "   (default if time runs out)" : "",
                 a->dec_pick == (int)i + 1 ? "   (selected)" : "");
        int tw = w - 2 * u->pad;
        int h1 = ui_text_h(u, u->px_body, tw, TC_TEXT, lab);
        int h2 = o->text && o->text[0] ? ui_text_h(u, u->px_small, tw, TC_TEXT_DIM, o->text) : 0;
        SDL_Rect r = {x, cy, w, h1 + h2 + 2 * u->gap};
        int hot = 0;
        uint32_t id = ui_idn(u, "opt", (int)i);
        int hit = ui_area(u, id, r, o->label, NULL, &hot);
        if (has_key && ui_live(u) && ui_key(u, SDLK_a + (int)i))
            hit = 1;
        SDL_Rect sr = r;
        sr.y -= u->oy;
        ui_fill(u, sr, TC_BACKGROUND);
        u->bg = TC_BACKGROUND;
        int picked = a->dec_pick == (int)i + 1;
        ui_frame(u, sr, hot ? (ui_focused(u, id) && u->focus_visible ? TC_FOCUS : TC_ACCENT)
                            : picked ? TC_WARNING : TC_PANEL_BORDER, hot || picked ? 3 : 1);
        ui_label(u, (SDL_Rect){x + u->pad, cy + u->gap, tw, h1}, u->px_body, TC_TEXT, UI_WRAP, lab);
        if (h2)
            ui_label(u, (SDL_Rect){x + u->pad, cy + u->gap + h1, tw, h2}, u->px_small,
                     TC_TEXT_DIM, UI_WRAP, o->text);
        u->bg = TC_PANEL;
        cy += r.h + u->gap;
        if (hit) { /* selects; the commit button takes the next Enter */
            a->dec_pick = (int)i + 1;
            a->dec_confirm = 0;
            ui_set_focus(u, ui_id(u, "commit"));
        }
    }
    ui_scroll_end(u, cy - y);
    if (a->dec_confirm && a->dec_pick) {
        char q[600];
        snprintf(q, sizeof q, "Commit %c: %s? Enter to confirm, Esc to go back",
                 'A' + a->dec_pick - 1, dd->options[a->dec_pick - 1].label);
        ui_label(u, (SDL_Rect){x, bottom - u->line - u->gap, w, u->line}, u->px_body, TC_WARNING,
                 UI_ELLIPSIS | UI_VCENTER, q);
    }
    const char *look = "Look at the board first [H]";
    int lw = screen_button_w(a, look);
    int right = commit_buttons(a, di, dd, (SDL_Rect){x, bottom, w, bh});
    if (lw > right - x - u->pad) {
        look = "Board [H]";
        lw = screen_button_w(a, look);
    }
    if (ui_button(u, ui_id(u, "collapse"), (SDL_Rect){x, bottom, lw, bh}, look, SDLK_h,
                  "Hide this dialog while you check the board. The clock keeps running."))
        a->dec_collapsed = 1;
}

void ops_decision_banner(app *a, int di, SDL_Rect r)
{
    ui *u = &a->u;
    const bh_defs *d = sim_defs(a->game.sim);
    bh_decision_status ds;
    sim_decision_status(a->game.sim, di, &ds);
    ui_fill(u, r, TC_PANEL);
    ui_frame(u, r, TC_WARNING, 2);
    u->bg = TC_PANEL;
    const char *lab = "Decide [H]";
    int bw = screen_button_w(a, lab);
    char cd[600], line[900];
    countdown_text(a, &ds, d->decisions[di].options[d->decisions[di].default_opt].label, cd,
                   sizeof cd);
    snprintf(line, sizeof line, "Waiting for you: %s  ·  %s", d->decisions[di].prompt, cd);
    ui_icon(u, (SDL_Rect){r.x + u->pad, r.y + (r.h - u->px_body) / 2, u->px_body, u->px_body},
            ICON_WARN, TC_WARNING);
    int tx = r.x + 2 * u->pad + u->px_body;
    ui_label(u, (SDL_Rect){tx, r.y, r.w - bw - 4 * u->pad - u->px_body, r.h}, u->px_body, TC_TEXT,
             UI_ELLIPSIS | UI_VCENTER, line);
    if (ui_button(u, ui_id(u, "expand"), (SDL_Rect){r.x + r.w - bw - u->pad, r.y + u->gap, bw,
                                                     r.h - 2 * u->gap},
                  lab, SDLK_h, "Open the decision again."))
        a->dec_collapsed = 0;
}

