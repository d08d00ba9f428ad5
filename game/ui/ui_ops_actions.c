/* ui_ops_actions: the actions the teams can start, grouped by kind, each
 * with its team, staff, duration and whether it can start now (and why
 * not); and the running list: actions under way with their progress and a
 * Cancel button, and each team's free staff. */
#include <stdio.h>

#include "ui/ui_ops.h"

static const char *kind_heads[KIND__COUNT] = {"Contain", "Communicate", "Restore", "Investigate"};

/* ---- actions ---- */

static void fmt_takes(bh_time t, char *buf, size_t n)
{
    if (t >= 3600 && t % 3600 == 0)
        snprintf(buf, n, "%lld h", (long long)(t / 3600));
    else if (t >= 3600)
        snprintf(buf, n, "%lld h %02lld min", (long long)(t / 3600), (long long)(t % 3600 / 60));
    else
        snprintf(buf, n, "%lld min", (long long)((t + 59) / 60));
}

void ops_actions(app *a, SDL_Rect col)
{
    ui *u = &a->u;
    bh_sim *s = a->game.sim;
    const bh_defs *d = sim_defs(s);
    int hh = ui_label(u, (SDL_Rect){col.x + u->pad, col.y, col.w - 2 * u->pad, u->line * 2},
                      u->px_head, TC_ACCENT, 0, "Actions");
    SDL_Rect view = {col.x, col.y + hh + u->gap, col.w, col.h - hh - u->gap};
    ui_scroll_begin(u, &a->sc_actions, view);
    int y = view.y, x = col.x + u->pad, w = col.w - 2 * u->pad - 2 * u->gap, icon = u->px_small;
    for (int k = 0; k < KIND__COUNT; k++) {
        int any = 0;
        for (size_t i = 0; i < d->nactions; i++)
            any |= d->actions[i].kind == (bh_kind)k;
        if (!any)
            continue;
        y += ui_label(u, (SDL_Rect){x, y, w, u->line}, u->px_small, TC_TEXT_DIM, 0, kind_heads[k]);
        for (size_t i = 0; i < d->nactions; i++) {
            const bh_action_def *ad = &d->actions[i];
            if (ad->kind != (bh_kind)k)
                continue;
            bh_action_status st;
            bh_err e;
            if (sim_action_status(s, (int)i, &st, &e) != BH_OK) {
                st.state = ACT_BLOCKED;
                snprintf(st.reason, sizeof st.reason, "script error: %s", e.msg);
            }
            if (st.state == ACT_DONE && !ad->repeatable)
                continue; /* finished work moves to the timeline */
            char meta[300], takes[32], state[300] = "", every[80] = "", next[32] = "";
            fmt_takes(ad->takes, takes, sizeof takes);
            snprintf(meta, sizeof meta, "%s  ·  %d staff  ·  %s", d->teams[ad->team].label,
                     ad->staff, takes);
            if (st.standing) {
                defs_standing_text(ad, every, sizeof every);
                ops_stamp(&a->game, st.ends, next, sizeof next);
            }
            ui_icon_kind ik = ICON_DOT;
            ui_theme_color ic = TC_ACCENT;
            int bar = st.state == ACT_RUNNING && !st.standing;
            if (st.state == ACT_RUNNING && st.standing) {
                /* a commitment has no finish to make progress to */
                snprintf(state, sizeof state, "Standing: %s until you cancel. Next: %s; done %d "
                         "time%s", every, next, st.done, st.done == 1 ? "" : "s");
                ik = ICON_CYCLE;
            } else if (st.state == ACT_RUNNING) {
                snprintf(state, sizeof state, "Running: %.0f%%", st.progress * 100);
                ik = ICON_CYCLE;
            } else if (st.state == ACT_AVAILABLE && st.standing) {
                snprintf(state, sizeof state, "Standing commitment: %s until you cancel; it "
                         "holds its staff", every);
            } else if (st.state == ACT_BLOCKED) {
                snprintf(state, sizeof state, "Not now: %s", st.reason[0] ? st.reason : "unavailable");
                ik = ICON_BLOCK;
                ic = TC_WARNING;
            } else if (st.state == ACT_DONE) {
                snprintf(state, sizeof state, "Done %d time%s; can be repeated", st.done,
                         st.done == 1 ? "" : "s");
                ik = ICON_CHECK;
                ic = TC_GOOD;
            }
            int tx = x + icon + u->gap, tw = w - icon - 2 * u->gap;
            ui_theme_color lc = st.state == ACT_AVAILABLE ? TC_TEXT : TC_TEXT_DIM;
            int h1 = ui_text_h(u, u->px_body, tw, lc, ad->label);
            int h2 = ui_text_h(u, u->px_small, tw, TC_TEXT_DIM, meta);
            int h3 = state[0] ? ui_text_h(u, u->px_small, tw, ic, state) : 0;
            SDL_Rect r = {x - u->gap, y, w + u->gap, h1 + h2 + h3 + 2 * u->gap};
            int hot = 0;
            char tip[700], left[32] = "";
            if (st.state == ACT_RUNNING)
                fmt_takes(st.ends > sim_now(s) ? st.ends - sim_now(s) : 0, left, sizeof left);
            if (st.standing)
                snprintf(tip, sizeof tip, "%s  A standing commitment: %s after %s, %s, until "
                         "you cancel it from the running list.%s", ad->text ? ad->text : ad->label,
                         st.state == ACT_RUNNING ? "it runs" : "it will run", takes, every,
                         st.state == ACT_AVAILABLE ? "  Enter or click to start." : "");
            else
                snprintf(tip, sizeof tip, "%s%s%s%s%s", ad->text ? ad->text : ad->label,
                         st.state == ACT_AVAILABLE ? "  Enter or click to start." : "",
                         st.state == ACT_RUNNING ? "  Running, " : "", left,
                         st.state == ACT_RUNNING ? " left. Cancel it from the running list." : "");
            uint32_t id = ui_idn(u, "act", (int)i);
            int hit = ui_area(u, id, r, ad->label, tip, &hot);
            SDL_Rect sr = r;
            sr.y -= u->oy;
            if (hot)
                ui_frame(u, sr, ui_focused(u, id) && u->focus_visible ? TC_FOCUS : TC_ACCENT, 2);
            ui_icon(u, (SDL_Rect){x, y + u->gap + (u->px_body - icon) / 2, icon, icon}, ik, ic);
            ui_label(u, (SDL_Rect){tx, y + u->gap, tw, h1}, u->px_body, lc, UI_WRAP, ad->label);
            ui_label(u, (SDL_Rect){tx, y + u->gap + h1, tw, h2}, u->px_small, TC_TEXT_DIM, UI_WRAP,
                     meta);
            if (h3) {
                if (bar)
                    ui_bar(u, (SDL_Rect){tx, y + u->gap + h1 + h2, tw / 3, h3 - 2}, st.progress,
                           TC_ACCENT);
                ui_label(u, (SDL_Rect){bar ? tx + tw / 3 + u->gap : tx,
                                       y + u->gap + h1 + h2, tw, h3},
                         u->px_small, ic, UI_WRAP, state);
            }
            y += r.h + u->gap / 2;
            if (hit) {
                if (st.state == ACT_RUNNING)
                    screen_toast(a, st.standing ? "Already standing. Cancel it from the running "
                                                  "list below."
                                                : "Already running. Cancel it from the running "
                                                  "list below.");
                else
                    ops_send(a, IN_START, (int)i, 0);
            }
        }
        y += u->gap;
    }
    ui_scroll_end(u, y - view.y);
}

/* Each team's free staff, one line a team; returns the height. With
 * `draw` 0 it only measures. */
static int staff_lines(app *a, int x, int y, int w, int draw)
{
    ui *u = &a->u;
    bh_sim *s = a->game.sim;
    const bh_defs *d = sim_defs(s);
    int h = 0;
    for (size_t i = 0; i < d->nteams; i++) {
        char line[300];
        int fr = sim_team_free(s, (int)i);
        snprintf(line, sizeof line, "%s: %d of %d free", d->teams[i].label, fr,
                 sim_team_staff(s, (int)i));
        ui_theme_color c = fr ? TC_TEXT : TC_WARNING;
        h += draw ? ui_label(u, (SDL_Rect){x, y + h, w, 0}, u->px_small, c, UI_WRAP, line)
                  : ui_text_h(u, u->px_small, w, c, line);
    }
    if (draw && h > 0)
        ui_text_area(u, ui_id(u, "staff"), (SDL_Rect){x, y, w, h}, "Free staff",
                     "Each team's free staff. An action holds its staff until it ends or is "
                     "cancelled.");
    return h;
}

void ops_running(app *a, SDL_Rect col)
{
    ui *u = &a->u;
    bh_sim *s = a->game.sim;
    const bh_defs *d = sim_defs(s);
    int x = col.x + u->pad, w = col.w - 2 * u->pad - 2 * u->gap;
    ui_fill(u, (SDL_Rect){col.x, col.y - u->gap, col.w, 1}, TC_PANEL_BORDER);
    int hh = ui_label(u, (SDL_Rect){x, col.y, w, u->line * 2}, u->px_head, TC_ACCENT, 0,
                      "Running and staff");
    /* The staff lines stay at the foot of the panel, whatever is running,
     * so they are never scrolled away; only when the panel is too short
     * for them and two lines of the list do they scroll with the list. */
    int sh = staff_lines(a, x, 0, w, 0);
    int pinned = col.h - hh - sh - u->gap >= 2 * u->line;
    SDL_Rect view = {col.x, col.y + hh, col.w, col.h - hh - (pinned ? sh + u->gap : 0)};
    ui_scroll_begin(u, &a->sc_running, view);
    int y = view.y;
    int bh = u->line;
    int cw = screen_button_w(a, "Cancel");
    for (size_t i = 0; i < d->nactions; i++) {
        if (!sim_action_running(s, (int)i))
            continue;
        bh_action_status st;
        bh_err e;
        if (sim_action_status(s, (int)i, &st, &e) != BH_OK)
            continue;
        int tw = w - cw - u->gap;
        int h = ui_label(u, (SDL_Rect){x, y, tw, 0}, u->px_small, TC_TEXT, UI_WRAP,
                         d->actions[i].label);
        char tip[300];
        if (st.standing) { /* no finish to show: say when it runs next instead */
            char every[80], next[32], line[160];
            defs_standing_text(&d->actions[i], every, sizeof every);
            ops_stamp(&a->game, st.ends, next, sizeof next);
            snprintf(line, sizeof line, "Standing, %s. Next: %s", every, next);
            h += ui_label(u, (SDL_Rect){x, y + h, tw, 0}, u->px_small, TC_ACCENT, UI_WRAP, line);
            snprintf(tip, sizeof tip, "End the commitment '%s' and free its staff. What it "
                     "did so far stays done.", d->actions[i].label);
        } else {
            ui_bar(u, (SDL_Rect){x, y + h + 2, tw, u->gap}, st.progress, TC_ACCENT);
            snprintf(tip, sizeof tip, "Stop '%s' and free its staff. Work done so far is lost.",
                     d->actions[i].label);
        }
        if (ui_button(u, ui_idn(u, "cancel", (int)i), (SDL_Rect){x + w - cw, y, cw, bh},
                      "Cancel", 0, tip))
            ops_send(a, IN_CANCEL, (int)i, 0);
        int rh = h + u->gap + 4;
        y += (rh > bh ? rh : bh) + u->gap;
    }
    if (!pinned)
        y += staff_lines(a, x, y, w, 1);
    ui_scroll_end(u, y - view.y);
    if (pinned) {
        int sy = col.y + col.h - sh;
        ui_fill(u, (SDL_Rect){col.x + u->pad, sy - u->gap / 2 - 1, col.w - 2 * u->pad, 1},
                TC_PANEL_BORDER);
        staff_lines(a, x, sy, w, 1);
    }
}
