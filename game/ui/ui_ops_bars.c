/* ui_ops_bars: the strips along the operations room's edges: the top bar
 * (date, clock, T+, the speed buttons, next event and the menu) and the
 * timeline strip at the bottom (the exercise's progress, its latest events
 * as chips, and the keys). */
#include <stdio.h>

#include "ui/ui_ops.h"

int ops_top_bar(app *a)
{
    ui *u = &a->u;
    play *g = &a->game;
    int bh = u->line + 2 * u->gap;
    int l1 = ui_text_h(u, u->px_head, u->w, TC_TEXT, "Sun"), l2 = ui_text_h(u, u->px_body, u->w, TC_TEXT, "T+");
    int h = bh > l1 + l2 ? bh : l1 + l2;
    SDL_Rect bar = {0, 0, u->w, h + 2 * u->pad};
    ui_fill(u, bar, TC_PANEL);
    u->bg = TC_PANEL;
    ui_fill(u, (SDL_Rect){0, bar.h - 1, u->w, 1}, TC_PANEL_BORDER);
    /* right to left: menu, next event, speeds */
    int x = u->w - u->pad, y = u->pad + (h - bh) / 2;
    const char *menu = "Menu";
    int w = screen_button_w(a, menu);
    x -= w;
    if (ui_button(u, ui_id(u, "menu"), (SDL_Rect){x, y, w, bh}, menu, 0,
                  "Pause and open the menu: settings, save and quit, restart. [Esc]")) {
        a->overlay = OV_PAUSE;
        a->speed_on_menu = g->speed;
        play_set_speed(g, 0);
        u->focus = 0;
    }
    const char *next = "Next event";
    w = screen_button_w(a, next);
    x -= w + u->pad;
    if (ui_button(u, ui_id(u, "next"), (SDL_Rect){x, y, w, bh}, next, 0,
                  "Skip the quiet time: jump the clock to the next thing that happens. [S]")) {
        bh_err e;
        play_skip(g, &e);
    }
    static const int speeds[5] = {0, 1, 2, 4, 8};
    static const char *const labels[5] = {"Pause", "1×", "2×", "4×", "8×"};
    static const char *const tips[5] = {
        "Stop the clock. Nothing happens while paused. [Space]",
        "Normal speed. [1]", "Twice as fast. [2]", "Four times as fast. [3]",
        "Eight times as fast. [4]"};
    int sw = screen_button_w(a, "Pause");
    int x0 = x - u->pad - 5 * sw;
    for (int i = 0; i < 5; i++) {
        SDL_Rect r = {x0 + i * sw, y, sw - u->gap / 2, bh};
        if (ui_toggle(u, ui_idn(u, "speed", i), r, labels[i], g->speed == speeds[i], 0, tips[i]))
            ops_set_speed(a, speeds[i]);
    }
    /* left: date, clock and T+ */
    char cal[64], t[64], line2[160];
    cal_format(sim_defs(g->sim)->scenario.start_epoch + sim_now(g->sim), cal, sizeof cal);
    dur_stamp(sim_now(g->sim), t, sizeof t);
    snprintf(line2, sizeof line2, "%s%s", t, g->speed ? "" : "   PAUSED");
    int lw = x0 - 2 * u->pad;
    if (ui_text_w(u, u->px_head, TC_TEXT, cal) > lw) /* big text on a small screen */
        cal_format_short(sim_defs(g->sim)->scenario.start_epoch + sim_now(g->sim), cal, sizeof cal);
    ui_label(u, (SDL_Rect){u->pad, u->pad, lw, l1}, u->px_head, TC_TEXT, UI_ELLIPSIS, cal);
    ui_label(u, (SDL_Rect){u->pad, u->pad + l1, lw, l2}, u->px_body,
             g->speed ? TC_TEXT_DIM : TC_WARNING, UI_ELLIPSIS, line2);
    return bar.h;
}

/* ---- the timeline strip ---- */

static int describe(const bh_sim *s, const bh_log_entry *e, char *buf, size_t n)
{
    const bh_defs *d = sim_defs(s);
    switch (e->kind) {
    case LOG_INJECT: snprintf(buf, n, "%s: %s", ops_channel_tag(d->injects[e->a].channel),
                              d->injects[e->a].title); return 1;
    case LOG_OPEN: snprintf(buf, n, "Decision: %s", d->decisions[e->a].prompt); return 1;
    case LOG_START: snprintf(buf, n, "Started: %s", d->actions[e->a].label); return 1;
    case LOG_DONE: snprintf(buf, n, "Done: %s", d->actions[e->a].label); return 1;
    case LOG_CANCEL: snprintf(buf, n, "Cancelled: %s", d->actions[e->a].label); return 1;
    case LOG_CHOOSE: snprintf(buf, n, "Chose: %s", d->decisions[e->a].options[e->b].label); return 1;
    case LOG_DEFAULT: snprintf(buf, n, "Time ran out: %s",
                               d->decisions[e->a].options[e->b].label); return 1;
    case LOG_SYSTEM: snprintf(buf, n, "%s: %s", d->systems[e->a].label,
                              ops_status_word((bh_status_word)e->to)); return 1;
    case LOG_NOTE: snprintf(buf, n, "%s", e->text ? e->text : ""); return 1;
    /* A facilitator's note is for the facilitator, and the strip is on the
     * screen the room may see: it stays out (the console lists it). An
     * intervention (LOG_FACIL) stays out too: the room sees what it did (the
     * message, the meter), never the facilitator's typed reason. */
    default: return 0;
    }
}

void ops_timeline(app *a, SDL_Rect r)
{
    ui *u = &a->u;
    const bh_sim *s = a->game.sim;
    bh_time len = sim_length(s), now = sim_now(s); /* a cut's length in a cut */
    ui_fill(u, r, TC_PANEL);
    u->bg = TC_PANEL;
    ui_fill(u, (SDL_Rect){r.x, r.y, r.w, 1}, TC_PANEL_BORDER);
    int x = r.x + u->pad, w = r.w - 2 * u->pad, y = r.y + u->gap;
    SDL_Rect axis = {x, y, w, u->gap};
    ui_bar(u, axis, len > 0 ? (double)now / (double)len : 0, TC_TEXT_DIM);
    size_t n;
    const bh_log_entry *log = sim_log(s, &n);
    for (size_t i = 0; i < n && len > 0; i++)
        if (log[i].kind == LOG_INJECT || log[i].kind == LOG_OPEN || log[i].kind == LOG_DONE) {
            int tx = x + (int)((double)log[i].time / (double)len * w);
            ui_fill(u, (SDL_Rect){tx, y - u->gap / 2, 2, 2 * u->gap},
                    log[i].kind == LOG_OPEN ? TC_WARNING : TC_ACCENT);
        }
    y += 2 * u->gap;
    /* newest at the right, as many as fit */
    int right = x + w, chip_max = w / 3;
    for (size_t i = n; i-- > 0 && right > x + u->line;) {
        char text[400], tm[32], chip[480];
        if (!describe(s, &log[i], text, sizeof text))
            continue;
        ops_stamp(&a->game, log[i].time, tm, sizeof tm);
        snprintf(chip, sizeof chip, "%s  %s", tm, text);
        int cw = ui_text_w(u, u->px_small, TC_TEXT, chip) + 2 * u->gap;
        if (cw > chip_max)
            cw = chip_max;
        if (right - cw < x) {
            if (right - x < chip_max / 2)
                break; /* a stub that shows only a time says nothing */
            cw = right - x;
        }
        SDL_Rect c = {right - cw, y, cw, u->line};
        ui_frame(u, c, TC_PANEL_BORDER, 1);
        ui_label(u, (SDL_Rect){c.x + u->gap, c.y, c.w - 2 * u->gap, c.h}, u->px_small,
                 i == n - 1 ? TC_TEXT : TC_TEXT_DIM, UI_ELLIPSIS | UI_VCENTER, chip);
        right -= cw + u->gap;
    }
    y += u->line + u->gap / 2;
    ui_label(u, (SDL_Rect){x, y, w, u->line}, u->px_small, TC_TEXT_DIM, UI_ELLIPSIS,
             "Keys: Space pause · 1-4 speed · S next event · N note · Tab/arrows move · A-G pick, Enter twice commits · "
             "H hide/show decision · Esc menu");
}

