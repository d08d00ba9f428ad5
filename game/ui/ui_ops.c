/* ui_ops: the operations room, where the exercise is played, with its
 * overlays: the decision dialog, the pause menu and the script-error panel.
 * Everything here reads the simulation and sends inputs through play_input;
 * nothing changes the world directly. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/ui_screens.h"

static const char *kind_heads[KIND__COUNT] = {"Contain", "Communicate", "Restore", "Investigate"};
static const char *channel_tags[CH__COUNT] = {"EMAIL", "PHONE", "NEWS", "SOCIAL", "REGULATOR",
                                              "INTERNAL"};

const char *screen_status_word(bh_status_word s)
{
    static const char *w[ST__COUNT] = {"Online", "Degraded", "Compromised", "Encrypted",
                                       "Isolated", "Offline", "Restoring"};
    return s < ST__COUNT ? w[s] : "?";
}

ui_icon_kind screen_status_icon(bh_status_word s)
{
    static const ui_icon_kind k[ST__COUNT] = {ICON_CHECK, ICON_WARN, ICON_CROSS, ICON_LOCK,
                                              ICON_BLOCK, ICON_OFF, ICON_CYCLE};
    return s < ST__COUNT ? k[s] : ICON_DOT;
}

ui_theme_color screen_status_color(bh_status_word s)
{
    switch (s) {
    case ST_ONLINE: return TC_GOOD;
    case ST_DEGRADED: case ST_ISOLATED: case ST_RESTORING: case ST_OFFLINE: return TC_WARNING;
    default: return TC_BAD;
    }
}

static void stamp(const play *g, bh_time t, char *buf, size_t n)
{
    char c[32];
    cal_format_short(sim_defs(g->sim)->scenario.start_epoch + t, c, sizeof c);
    snprintf(buf, n, "%s", c);
}

static void refuse(app *a, const bh_err *e)
{
    char buf[1200];
    app_toast(a, err_format(e, buf, sizeof buf));
}

static bh_status send(app *a, bh_input_kind kind, int x, int y)
{
    bh_input in = {.kind = kind, .a = x, .b = y, .text = a->note};
    bh_err e;
    err_clear(&e);
    bh_status st = play_input(&a->game, &in, &e);
    /* a refusal, or a journal that could not be written: say so. A script
     * error stops the session and the error panel shows it instead. */
    if (st != BH_OK && !a->game.failed)
        refuse(a, &e);
    return st;
}

/* ---- top bar: clock and speed ---- */

static void set_speed(app *a, int s)
{
    play_set_speed(&a->game, s);
    if (s)
        a->speed_before_pause = s;
}

static int top_bar(app *a)
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
            set_speed(a, speeds[i]);
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

/* ---- situation board ---- */

static int board(app *a, SDL_Rect col)
{
    ui *u = &a->u;
    const bh_sim *s = a->game.sim;
    const bh_defs *d = sim_defs(s);
    int x = col.x + u->pad, w = col.w - 2 * u->pad - u->gap, y = col.y;
    y += ui_label(u, (SDL_Rect){x, y, w, u->line * 2}, u->px_head, TC_ACCENT, 0, "Systems");
    int icon = u->px_body;
    for (size_t i = 0; i < d->nsystems; i++) {
        bh_status_word st = sim_system(s, (int)i);
        SDL_Rect r = {x, y + u->gap, icon, icon};
        ui_icon(u, r, screen_status_icon(st), screen_status_color(st));
        int tw = w - icon - u->gap;
        int h = ui_label(u, (SDL_Rect){x + icon + u->gap, y, tw, 0}, u->px_body, TC_TEXT, UI_WRAP,
                         d->systems[i].label);
        h += ui_label(u, (SDL_Rect){x + icon + u->gap, y + h, tw, u->line}, u->px_small,
                      screen_status_color(st), UI_ELLIPSIS, screen_status_word(st));
        if (d->systems[i].description && d->systems[i].description[0])
            ui_text_area(u, ui_idn(u, "sys", (int)i), (SDL_Rect){x, y, w, h}, d->systems[i].label,
                         d->systems[i].description);
        y += h + u->gap;
    }
    y += u->pad;
    y += ui_label(u, (SDL_Rect){x, y, w, u->line * 2}, u->px_head, TC_ACCENT, 0, "Meters");
    bh_time now = sim_now(s);
    for (size_t i = 0; i < d->nmeters; i++) {
        const bh_meter_def *m = &d->meters[i];
        double v = sim_meter(s, (int)i), before = m->start;
        size_t n;
        const bh_point *p = sim_meter_history(s, (int)i, &n);
        for (size_t k = 0; k < n && p[k].time <= now - 1800; k++)
            before = p[k].value;
        /* trend over the last half hour of simulated time */
        ui_icon_kind trend = v > before + 1e-9 ? ICON_UP : v < before - 1e-9 ? ICON_DOWN : ICON_FLAT;
        int good = (trend == ICON_UP) != m->good_low;
        ui_theme_color tc = trend == ICON_FLAT ? TC_TEXT_DIM : good ? TC_GOOD : TC_BAD;
        char val[32];
        snprintf(val, sizeof val, "%.0f", v);
        int vw = ui_text_w(u, u->px_body, TC_TEXT, val) + icon + u->gap;
        int h = ui_label(u, (SDL_Rect){x, y, w - vw - u->gap, 0}, u->px_body, TC_TEXT, UI_WRAP,
                         m->label);
        ui_label(u, (SDL_Rect){x + w - vw, y, vw - icon - u->gap, u->line}, u->px_body, TC_TEXT,
                 UI_RIGHT, val);
        ui_icon(u, (SDL_Rect){x + w - icon, y + u->gap / 2, icon, icon}, trend, tc);
        double frac = m->max > m->min ? (v - m->min) / (m->max - m->min) : 0;
        /* the bar's colour says whether the level is good; the number and
         * the trend arrow carry the same information without colour */
        double goodness = m->good_low ? 1 - frac : frac;
        ui_theme_color bc = goodness >= 0.6 ? TC_GOOD : goodness >= 0.35 ? TC_WARNING : TC_BAD;
        ui_bar(u, (SDL_Rect){x, y + h + u->gap / 2, w, u->gap + 2}, frac, bc);
        char tip[700];
        snprintf(tip, sizeof tip, "%s: %.0f (from %.0f to %.0f; %s is better). %s", m->label, v,
                 m->min, m->max, m->good_low ? "lower" : "higher",
                 m->description ? m->description : "");
        ui_text_area(u, ui_idn(u, "meter", (int)i), (SDL_Rect){x, y, w, h + u->gap + 2}, m->label,
                     tip);
        y += h + 2 * u->gap + u->gap;
    }
    return y - col.y;
}

/* ---- inbox ---- */

static void inbox(app *a, SDL_Rect list, SDL_Rect msg)
{
    ui *u = &a->u;
    const bh_sim *s = a->game.sim;
    const bh_defs *d = sim_defs(s);
    size_t n;
    const bh_inbox_item *it = sim_inbox(s, &n);
    size_t unread = 0;
    for (size_t i = 0; i < n; i++)
        unread += !play_is_read(&a->game, i);
    char head[64];
    snprintf(head, sizeof head, unread ? "Inbox: %zu unread" : "Inbox", unread);
    int hh = ui_label(u, (SDL_Rect){list.x + u->pad, list.y, list.w - 2 * u->pad, u->line * 2},
                      u->px_head, TC_ACCENT, 0, head);
    SDL_Rect view = {list.x, list.y + hh + u->gap, list.w, list.h - hh - u->gap};
    ui_scroll_begin(u, &a->sc_inbox, view);
    int y = view.y, icon = u->px_small;
    for (size_t k = n; k-- > 0;) { /* newest first */
        const bh_inject_def *in = &d->injects[it[k].inject];
        int is_read = play_is_read(&a->game, k);
        char meta[96], tm[32];
        stamp(&a->game, it[k].time, tm, sizeof tm);
        snprintf(meta, sizeof meta, "%s  %s%s", tm, channel_tags[in->channel],
                 is_read ? "" : "  ·  NEW");
        int tx = list.x + u->pad + icon + u->gap, tw = list.w - 2 * u->pad - icon - 2 * u->gap;
        int h1 = ui_text_h(u, u->px_small, tw, TC_TEXT_DIM, meta);
        int h2 = ui_text_h(u, u->px_body, tw, is_read ? TC_TEXT_DIM : TC_TEXT, in->title);
        SDL_Rect r = {list.x + u->gap, y, list.w - 3 * u->gap, h1 + h2 + 2 * u->gap};
        int hot = 0;
        uint32_t id = ui_idn(u, "msg", (int)k);
        if (ui_area(u, id, r, in->title, NULL, &hot) || (ui_focused(u, id) && a->inbox_sel != (int)k)) {
            a->inbox_sel = (int)k;
            a->sc_msg.y = 0;
        }
        SDL_Rect sr = r;
        sr.y -= u->oy;
        u->bg = a->inbox_sel == (int)k ? TC_BAR_TRACK : TC_PANEL;
        if (a->inbox_sel == (int)k)
            ui_fill(u, sr, TC_BAR_TRACK);
        if (hot)
            ui_frame(u, sr, ui_focused(u, id) && u->focus_visible ? TC_FOCUS : TC_ACCENT, 2);
        if (!is_read)
            ui_icon(u, (SDL_Rect){list.x + u->pad, y + u->gap, icon, icon}, ICON_DOT, TC_ACCENT);
        ui_label(u, (SDL_Rect){tx, y + u->gap, tw, h1}, u->px_small, TC_TEXT_DIM, UI_WRAP, meta);
        ui_label(u, (SDL_Rect){tx, y + u->gap + h1, tw, h2}, u->px_body,
                 is_read ? TC_TEXT_DIM : TC_TEXT, UI_WRAP, in->title);
        y += r.h + u->gap / 2;
        u->bg = TC_PANEL;
    }
    if (n == 0)
        y += ui_label(u, (SDL_Rect){list.x + u->pad, y, list.w - 2 * u->pad, u->line * 3},
                      u->px_body, TC_TEXT_DIM, UI_WRAP, "Nothing yet. Messages arrive here.");
    ui_scroll_end(u, y - view.y);

    ui_fill(u, (SDL_Rect){msg.x, msg.y - u->gap, msg.w, 1}, TC_PANEL_BORDER);
    if (a->inbox_sel < 0 || (size_t)a->inbox_sel >= n) {
        ui_label(u, (SDL_Rect){msg.x + u->pad, msg.y, msg.w - 2 * u->pad, msg.h}, u->px_body,
                 TC_TEXT_DIM, UI_WRAP, "Choose a message to read it in full.");
        return;
    }
    play_mark_read(&a->game, (size_t)a->inbox_sel);
    const bh_inject_def *in = &d->injects[it[a->inbox_sel].inject];
    ui_scroll_begin(u, &a->sc_msg, msg);
    int x = msg.x + u->pad, w = msg.w - 2 * u->pad - u->gap, my = msg.y;
    char from[600], tm[32];
    stamp(&a->game, it[a->inbox_sel].time, tm, sizeof tm);
    snprintf(from, sizeof from, "%s from %s, %s%s", channel_tags[in->channel],
             in->from && in->from[0] ? in->from : "unknown", tm,
             in->source == SRC_FACT ? "  ·  based on public reporting" : "");
    my += ui_label(u, (SDL_Rect){x, my, w, 0}, u->px_small, TC_TEXT_DIM, UI_WRAP, from);
    my += ui_label(u, (SDL_Rect){x, my, w, 0}, u->px_head, TC_TEXT, UI_WRAP, in->title) + u->gap;
    my += ui_label(u, (SDL_Rect){x, my, w, 0}, u->px_body, TC_TEXT, UI_WRAP, in->body);
    ui_text_area(u, ui_id(u, "msgbody"), (SDL_Rect){x, msg.y, 1, my - msg.y}, "Message text", NULL);
    ui_scroll_end(u, my - msg.y + u->pad);
}

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

static void actions(app *a, SDL_Rect col)
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
            char meta[300], takes[32], state[300] = "";
            fmt_takes(ad->takes, takes, sizeof takes);
            snprintf(meta, sizeof meta, "%s  ·  %d staff  ·  %s", d->teams[ad->team].label,
                     ad->staff, takes);
            ui_icon_kind ik = ICON_DOT;
            ui_theme_color ic = TC_ACCENT;
            if (st.state == ACT_RUNNING) {
                snprintf(state, sizeof state, "Running: %.0f%%", st.progress * 100);
                ik = ICON_CYCLE;
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
            char tip[700];
            snprintf(tip, sizeof tip, "%s%s%s", ad->text ? ad->text : ad->label,
                     st.state == ACT_AVAILABLE ? "  Enter or click to start." : "",
                     st.state == ACT_RUNNING ? "  Cancel it from the running list." : "");
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
                if (st.state == ACT_RUNNING)
                    ui_bar(u, (SDL_Rect){tx, y + u->gap + h1 + h2, tw / 3, h3 - 2}, st.progress,
                           TC_ACCENT);
                ui_label(u, (SDL_Rect){st.state == ACT_RUNNING ? tx + tw / 3 + u->gap : tx,
                                       y + u->gap + h1 + h2, tw, h3},
                         u->px_small, ic, UI_WRAP, state);
            }
            y += r.h + u->gap / 2;
            if (hit) {
                if (st.state == ACT_RUNNING)
                    app_toast(a, "Already running. Cancel it from the running list below.");
                else
                    send(a, IN_START, (int)i, 0);
            }
        }
        y += u->gap;
    }
    ui_scroll_end(u, y - view.y);
}

static void running(app *a, SDL_Rect col)
{
    ui *u = &a->u;
    bh_sim *s = a->game.sim;
    const bh_defs *d = sim_defs(s);
    int x = col.x + u->pad, w = col.w - 2 * u->pad - 2 * u->gap;
    ui_fill(u, (SDL_Rect){col.x, col.y - u->gap, col.w, 1}, TC_PANEL_BORDER);
    int hh = ui_label(u, (SDL_Rect){x, col.y, w, u->line * 2}, u->px_head, TC_ACCENT, 0,
                      "Running and staff");
    SDL_Rect view = {col.x, col.y + hh, col.w, col.h - hh};
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
        ui_bar(u, (SDL_Rect){x, y + h + 2, tw, u->gap}, st.progress, TC_ACCENT);
        char tip[300];
        snprintf(tip, sizeof tip, "Stop '%s' and free its staff. Work done so far is lost.",
                 d->actions[i].label);
        if (ui_button(u, ui_idn(u, "cancel", (int)i), (SDL_Rect){x + w - cw, y, cw, bh},
                      "Cancel", 0, tip))
            send(a, IN_CANCEL, (int)i, 0);
        int rh = h + u->gap + 4;
        y += (rh > bh ? rh : bh) + u->gap;
    }
    for (size_t i = 0; i < d->nteams; i++) {
        char line[300];
        int fr = sim_team_free(s, (int)i);
        snprintf(line, sizeof line, "%s: %d of %d free", d->teams[i].label, fr,
                 sim_team_staff(s, (int)i));
        y += ui_label(u, (SDL_Rect){x, y, w, 0}, u->px_small, fr ? TC_TEXT : TC_WARNING, UI_WRAP,
                      line);
    }
    ui_scroll_end(u, y - view.y);
}

/* ---- the timeline strip ---- */

static int describe(const bh_sim *s, const bh_log_entry *e, char *buf, size_t n)
{
    const bh_defs *d = sim_defs(s);
    switch (e->kind) {
    case LOG_INJECT: snprintf(buf, n, "%s: %s", channel_tags[d->injects[e->a].channel],
                              d->injects[e->a].title); return 1;
    case LOG_OPEN: snprintf(buf, n, "Decision: %s", d->decisions[e->a].prompt); return 1;
    case LOG_START: snprintf(buf, n, "Started: %s", d->actions[e->a].label); return 1;
    case LOG_DONE: snprintf(buf, n, "Done: %s", d->actions[e->a].label); return 1;
    case LOG_CANCEL: snprintf(buf, n, "Cancelled: %s", d->actions[e->a].label); return 1;
    case LOG_CHOOSE: snprintf(buf, n, "Chose: %s", d->decisions[e->a].options[e->b].label); return 1;
    case LOG_DEFAULT: snprintf(buf, n, "Time ran out: %s",
                               d->decisions[e->a].options[e->b].label); return 1;
    case LOG_SYSTEM: snprintf(buf, n, "%s: %s", d->systems[e->a].label,
                              screen_status_word((bh_status_word)e->to)); return 1;
    case LOG_NOTE: snprintf(buf, n, "%s", e->text ? e->text : ""); return 1;
    case LOG_FNOTE: snprintf(buf, n, "Facilitator: %s", e->text ? e->text : ""); return 1;
    default: return 0;
    }
}

static void timeline(app *a, SDL_Rect r)
{
    ui *u = &a->u;
    const bh_sim *s = a->game.sim;
    bh_time len = sim_defs(s)->scenario.length, now = sim_now(s);
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
        stamp(&a->game, log[i].time, tm, sizeof tm);
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
             "Keys: Space pause · 1-4 speed · S next event · N note · Tab/arrows move · Enter choose · "
             "H hide/show decision · Esc menu");
}

/* ---- the decision dialog ---- */

static int open_decision(const bh_sim *s)
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

static void decision(app *a, int di, SDL_Rect area, int compact)
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
    SDL_Rect view = {area.x + u->pad, y, area.w - 2 * u->pad, bottom - y - u->gap};
    ui_scroll_begin(u, &a->sc_dialog, view);
    int cy = y;
    cy += ui_label(u, (SDL_Rect){x, cy, w, 0}, compact ? u->px_body : u->px_head, TC_TEXT, UI_WRAP,
                   dd->prompt) + u->pad;
    for (size_t i = 0; i < dd->noptions; i++) {
        const bh_option_def *o = &dd->options[i];
        /* A to G: H is the key that hides the dialog */
        int letter = i < 7 ? 'A' + (int)i : 0;
        char lab[400];
        snprintf(lab, sizeof lab, "%c   %s%s", letter ? letter : '-', o->label,
                 (int)i == dd->default_opt ? "   (default if time runs out)" : "");
        int tw = w - 2 * u->pad;
        int h1 = ui_text_h(u, u->px_body, tw, TC_TEXT, lab);
        int h2 = o->text && o->text[0] ? ui_text_h(u, u->px_small, tw, TC_TEXT_DIM, o->text) : 0;
        SDL_Rect r = {x, cy, w, h1 + h2 + 2 * u->gap};
        int hot = 0;
        uint32_t id = ui_idn(u, "opt", (int)i);
        int hit = ui_area(u, id, r, o->label, NULL, &hot);
        if (letter && ui_live(u) && ui_key(u, SDLK_a + (int)i))
            hit = 1;
        SDL_Rect sr = r;
        sr.y -= u->oy;
        ui_fill(u, sr, TC_BACKGROUND);
        u->bg = TC_BACKGROUND;
        ui_frame(u, sr, hot ? (ui_focused(u, id) && u->focus_visible ? TC_FOCUS : TC_ACCENT)
                            : TC_PANEL_BORDER, hot ? 3 : 1);
        ui_label(u, (SDL_Rect){x + u->pad, cy + u->gap, tw, h1}, u->px_body, TC_TEXT, UI_WRAP, lab);
        if (h2)
            ui_label(u, (SDL_Rect){x + u->pad, cy + u->gap + h1, tw, h2}, u->px_small,
                     TC_TEXT_DIM, UI_WRAP, o->text);
        u->bg = TC_PANEL;
        cy += r.h + u->gap;
        if (hit) {
            send(a, IN_CHOOSE, di, (int)i);
            break;
        }
    }
    ui_scroll_end(u, cy - y);
    const char *look = "Look at the board first [H]";
    int lw = screen_button_w(a, look);
    if (ui_button(u, ui_id(u, "collapse"), (SDL_Rect){x, bottom, lw, bh}, look, SDLK_h,
                  "Hide this dialog while you check the board. The clock keeps running."))
        a->dec_collapsed = 1;
}

static void decision_banner(app *a, int di, SDL_Rect r)
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

/* ---- overlays ---- */

static void close_note(app *a)
{
    SDL_StopTextInput();
    a->overlay = OV_NONE;
    play_set_speed(&a->game, a->speed_on_menu);
    a->u.focus = 0;
}

/* Backspace removes one character, not one byte of it. */
static void backspace(char *s)
{
    size_t n = strlen(s);
    while (n > 0 && ((unsigned char)s[n - 1] & 0xC0) == 0x80)
        n--;
    if (n > 0)
        n--;
    s[n] = 0;
}

/* A facilitator's note: stamped with the simulated time, journaled as a
 * line that is not simulation, and shown in the debrief and reports. */
static void note_box(app *a)
{
    ui *u = &a->u;
    u->layer = 2;
    int bh = u->line + 2 * u->gap;
    char t[32], title[64];
    dur_stamp(sim_now(a->game.sim), t, sizeof t);
    snprintf(title, sizeof title, "Facilitator note at %s", t);
    SDL_Rect in = screen_dialog(a, u->px_body * 34, 6 * u->line + bh + u->pad, title);
    size_t len = strlen(a->note);
    /* whole characters only, so a full box never ends in half of one */
    for (int i = 0; i < u->ntyped;) {
        unsigned char c = (unsigned char)u->typed[i];
        int n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        if (i + n > u->ntyped || len + (size_t)n + 1 >= sizeof a->note - 8)
            break;
        if (c >= 0x20) /* tabs and newlines are not typed: Enter saves */
            for (int k = 0; k < n; k++)
                a->note[len++] = u->typed[i + k];
        i += n;
    }
    a->note[len] = 0;
    if (ui_key(u, SDLK_BACKSPACE))
        backspace(a->note);
    SDL_Rect box = {in.x, in.y, in.w, in.h - bh - u->pad};
    ui_fill(u, box, TC_BACKGROUND);
    ui_frame(u, box, TC_ACCENT, 2);
    u->bg = TC_BACKGROUND;
    char shown[sizeof a->note + 8];
    snprintf(shown, sizeof shown, "%s|", a->note); /* the caret */
    SDL_Rect tv = {box.x + u->gap, box.y + u->gap, box.w - 2 * u->gap, box.h - 2 * u->gap};
    ui_scroll_begin(u, &a->sc_dialog, tv);
    int h = ui_label(u, (SDL_Rect){tv.x, tv.y, tv.w - u->gap, 0}, u->px_body, TC_TEXT, UI_WRAP, shown);
    a->sc_dialog.y = h > tv.h ? h - tv.h : 0; /* keep the caret in view */
    ui_scroll_end(u, h);
    u->bg = TC_PANEL;
    int y = in.y + in.h - bh;
    const char *save = "Save [Enter]", *cancel = "Cancel [Esc]";
    int sw = screen_button_w(a, save), cw = screen_button_w(a, cancel);
    if (ui_button(u, ui_id(u, "notesave"), (SDL_Rect){in.x + in.w - sw, y, sw, bh}, save,
                  SDLK_RETURN, "Write the note into the session's journal.")) {
        /* if it could not be journaled, keep the box and the text */
        if (!a->note[0] || send(a, IN_NOTE, 0, 0) == BH_OK || a->game.failed)
            close_note(a);
        return;
    }
    if (ui_button(u, ui_id(u, "notecancel"), (SDL_Rect){in.x, y, cw, bh}, cancel, SDLK_ESCAPE,
                  NULL))
        close_note(a);
}

static void pause_menu(app *a)
{
    ui *u = &a->u;
    u->layer = 2;
    int bh = u->line + 2 * u->gap, n = 6;
    SDL_Rect in = screen_dialog(a, u->px_body * 24, n * (bh + u->gap), "Paused");
    struct { const char *label, *tip; SDL_Keycode key; } items[6] = {
        {"Resume [Esc]", "Back to the operations room at the speed you had.", SDLK_ESCAPE},
        {"Debrief so far", "The timeline, charts and decisions up to now. The clock waits.", 0},
        {"Settings", "Text size, colours, default speed, full screen.", 0},
        {"Save and quit", "Everything is already saved; this closes the game. Continue "
                          "from the title screen.", 0},
        {"Restart this scenario", "Start again from the briefing with a new journal. The old "
                                  "one is kept.", 0},
        {"Return to the title", "Leave this session. It stays saved: choose Continue later.", 0}};
    int pick = -1;
    for (int i = 0; i < n; i++)
        if (ui_button(u, ui_idn(u, "pause", i),
                      (SDL_Rect){in.x, in.y + i * (bh + u->gap), in.w, bh}, items[i].label,
                      items[i].key, items[i].tip))
            pick = i;
    switch (pick) {
    case 0:
        a->overlay = OV_NONE;
        play_set_speed(&a->game, a->speed_on_menu); /* paused stays paused */
        u->focus = 0;
        break;
    case 1:
        app_open_debrief(a, SCR_OPS);
        break;
    case 2:
        a->settings_return = SCR_OPS;
        a->screen = SCR_SETTINGS;
        u->focus = 0;
        break;
    case 3:
        play_save_clock(&a->game, &(bh_err){0});
        a->quit = 1;
        break;
    case 4: {
        char path[PLAY_PATH_MAX];
        snprintf(path, sizeof path, "%s", a->game.scenario);
        app_open_briefing(a, path);
        break;
    }
    case 5: app_to_title(a); break;
    default: break;
    }
}

static void error_panel(app *a)
{
    ui *u = &a->u;
    u->layer = 2;
    const bh_err *e = &a->game.error;
    int bh = u->line + 2 * u->gap;
    SDL_Rect in = screen_dialog(a, u->w * 4 / 5, u->h * 3 / 5, "The scenario stopped with an error");
    char where[1400], buf[1200];
    snprintf(where, sizeof where, "%s\n\nThe game is paused and nothing is lost: your choices "
                                  "up to here are in %s. Fix the script and press F5 to reload "
                                  "it here, or choose Continue on the title screen later.",
             err_format(e, buf, sizeof buf), a->game.journal_path);
    SDL_Rect view = {in.x, in.y, in.w, in.h - bh - u->pad};
    ui_scroll_begin(u, &a->sc_error, view);
    int h = ui_label(u, (SDL_Rect){in.x, in.y, in.w - 2 * u->gap, 0}, u->px_body, TC_TEXT, UI_WRAP,
                     where);
    h += screen_trace(a, in.x, in.y + h, in.w - 2 * u->gap, e->trace);
    ui_text_area(u, ui_id(u, "errtext"), (SDL_Rect){in.x, in.y, 1, h}, "Error text", NULL);
    ui_scroll_end(u, h);
    const char *t = "Return to the title";
    int bw = screen_button_w(a, t);
    if (ui_button(u, ui_id(u, "errtitle"), (SDL_Rect){in.x, in.y + in.h - bh, bw, bh}, t,
                  SDLK_ESCAPE, NULL))
        app_to_title(a);
}

/* ---- layouts ---- */

static void board_panel(app *a, SDL_Rect left)
{
    ui *u = &a->u;
    ui_panel(u, left);
    SDL_Rect bv = {left.x, left.y + u->pad, left.w, left.h - 2 * u->pad};
    ui_scroll_begin(u, &a->sc_board, bv);
    int h = board(a, bv);
    ui_scroll_end(u, h);
}

static void inbox_panel(app *a, SDL_Rect r)
{
    ui *u = &a->u;
    int listh = (r.h - 2 * u->pad) * 42 / 100;
    inbox(a, (SDL_Rect){r.x, r.y + u->pad, r.w, listh},
          (SDL_Rect){r.x, r.y + 2 * u->pad + listh, r.w, r.h - listh - 3 * u->pad});
}

/* Three columns: the board, the inbox, the actions. */
static void wide_room(app *a, SDL_Rect body)
{
    ui *u = &a->u;
    int c1 = body.w * 26 / 100, c2 = body.w * 38 / 100, c3 = body.w - c1 - c2 - 2 * u->pad;
    SDL_Rect left = {body.x, body.y, c1, body.h};
    SDL_Rect mid = {left.x + c1 + u->pad, body.y, c2, body.h};
    SDL_Rect right = {mid.x + c2 + u->pad, body.y, c3, body.h};
    board_panel(a, left);
    ui_panel(u, mid);
    inbox_panel(a, mid);
    ui_panel(u, right);
    int acth = (right.h - 2 * u->pad) * 64 / 100;
    actions(a, (SDL_Rect){right.x, right.y + u->pad, right.w, acth});
    running(a, (SDL_Rect){right.x, right.y + 2 * u->pad + acth, right.w,
                          right.h - acth - 3 * u->pad});
}

/* Large text on a small screen (a projector at 200%): the board, and one of
 * inbox, actions or running beside it at full height, chosen by tabs. */
static void compact_room(app *a, SDL_Rect body)
{
    ui *u = &a->u;
    int c1 = body.w * 30 / 100;
    board_panel(a, (SDL_Rect){body.x, body.y, c1, body.h});
    SDL_Rect r = {body.x + c1 + u->pad, body.y, body.w - c1 - u->pad, body.h};
    size_t n;
    sim_inbox(a->game.sim, &n);
    size_t unread = 0;
    for (size_t i = 0; i < n; i++)
        unread += !play_is_read(&a->game, i);
    int bh = u->line + 2 * u->gap, tw = r.w / 3;
    /* the longest label that fits its tab */
    char inbox_lab[64];
    snprintf(inbox_lab, sizeof inbox_lab, unread ? "Inbox (%zu new) F1" : "Inbox F1", unread);
    if (screen_button_w(a, inbox_lab) > tw - u->gap)
        snprintf(inbox_lab, sizeof inbox_lab, unread ? "Inbox (%zu) F1" : "Inbox F1", unread);
    if (screen_button_w(a, inbox_lab) > tw - u->gap)
        snprintf(inbox_lab, sizeof inbox_lab, "Inbox F1");
    const char *labels[3] = {inbox_lab, "Actions F2", "Running F3"};
    static const SDL_Keycode keys[3] = {SDLK_F1, SDLK_F2, SDLK_F3};
    static const char *const tips[3] = {"Messages, newest first, and the one you chose.",
                                        "What the teams can start now.",
                                        "Actions under way, and each team's free staff."};
    for (int i = 0; i < 3; i++)
        if (ui_toggle(u, ui_idn(u, "tab", i), (SDL_Rect){r.x + i * tw, r.y, tw - u->gap / 2, bh},
                      labels[i], a->tab == i, keys[i], tips[i]))
            a->tab = i;
    SDL_Rect p = {r.x, r.y + bh + u->gap, r.w, r.h - bh - u->gap};
    ui_panel(u, p);
    SDL_Rect in = {p.x, p.y + u->pad, p.w, p.h - 2 * u->pad};
    if (a->tab == 0)
        inbox_panel(a, p);
    else if (a->tab == 1)
        actions(a, in);
    else
        running(a, in);
}

/* ---- the screen ---- */

static void hotkeys(app *a)
{
    ui *u = &a->u;
    play *g = &a->game;
    if (a->overlay != OV_NOTE && ui_key(u, SDLK_F5)) { /* reload, for authors */
        app_reload(a);
        return;
    }
    if (a->overlay != OV_NONE)
        return;
    if (ui_key(u, SDLK_SPACE))
        set_speed(a, g->speed ? 0 : a->speed_before_pause);
    static const int sp[4] = {1, 2, 4, 8};
    for (int i = 0; i < 4; i++)
        if (ui_key(u, SDLK_1 + i))
            set_speed(a, sp[i]);
    if (ui_key(u, SDLK_s)) {
        bh_err e;
        play_skip(g, &e);
    }
    if (ui_key(u, SDLK_n)) { /* the facilitator's note: the clock waits */
        a->overlay = OV_NOTE;
        a->speed_on_menu = g->speed;
        play_set_speed(g, 0);
        a->note[0] = 0;
        u->focus = 0;
        SDL_StartTextInput();
        return;
    }
    if (ui_key(u, SDLK_ESCAPE)) {
        a->overlay = OV_PAUSE;
        a->speed_on_menu = g->speed;
        play_set_speed(g, 0);
        u->focus = 0;
    }
}

void screen_ops(app *a)
{
    ui *u = &a->u;
    play *g = &a->game;
    u->scope = 10;
    if (g->failed && a->overlay != OV_ERROR && a->overlay != OV_DEV) {
        a->overlay = OV_ERROR;
        play_set_speed(g, 0);
        u->focus = 0;
    }
    if (sim_ended(g->sim) && !g->failed) {
        a->screen = SCR_ENDING;
        u->focus = 0;
        u->key = 0; /* a key meant for the operations room is not for the ending */
        screen_ending(a);
        return;
    }
    hotkeys(a);
    int di = open_decision(g->sim);
    if (di != a->dec_seen) {
        a->dec_seen = di;
        a->dec_collapsed = 0;
        memset(&a->sc_dialog, 0, sizeof a->sc_dialog);
        if (di >= 0)
            u->focus = 0;
    }
    int dialog = di >= 0 && !a->dec_collapsed;
    u->modal = a->overlay != OV_NONE ? 2 : dialog ? 1 : 0;
    /* the clock stays usable while a decision is open */
    u->layer = a->overlay != OV_NONE ? 0 : 1;
    int top = top_bar(a);
    u->layer = 0;
    int strip = 2 * u->line + 3 * u->gap + u->line;
    SDL_Rect body = {u->pad, top + u->pad, u->w - 2 * u->pad, u->h - top - strip - 2 * u->pad};
    if (di >= 0 && a->dec_collapsed) {
        int bh = u->line + 3 * u->gap;
        decision_banner(a, di, (SDL_Rect){body.x, body.y, body.w, bh});
        body.y += bh + u->pad;
        body.h -= bh + u->pad;
    }
    int compact = body.h < 18 * u->line;
    if (compact) {
        compact_room(a, body);
    } else {
        wide_room(a, body);
    }
    timeline(a, (SDL_Rect){0, u->h - strip, u->w, strip});
    /* Beside the board when there is room; over it when the text is large
     * for the screen, so the options are not pushed out of sight. */
    if (dialog && !compact) {
        int x = body.x + body.w * 26 / 100 + u->pad;
        decision(a, di, (SDL_Rect){x, body.y, body.x + body.w - x, body.h}, 0);
    } else if (dialog) {
        decision(a, di, body, 1);
    }
    if (a->overlay == OV_PAUSE)
        pause_menu(a);
    else if (a->overlay == OV_ERROR)
        error_panel(a);
    else if (a->overlay == OV_DEV)
        dev_panel(a);
    else if (a->overlay == OV_NOTE)
        note_box(a);
}
