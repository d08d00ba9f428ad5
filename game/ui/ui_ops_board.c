/* ui_ops_board: the situation board, the room's left column: every
 * system with its state (icon, word and colour) and every meter with its
 * value, its trend over the last half hour and a bar that says whether the
 * level is good. */
#include <stdio.h>

#include "core/text.h"
#include "ui/ui_ops.h"

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
        ui_icon(u, r, ops_status_icon(st), ops_status_color(st));
        int tw = w - icon - u->gap;
        int h = ui_label(u, (SDL_Rect){x + icon + u->gap, y, tw, 0}, u->px_body, TC_TEXT, UI_WRAP,
                         d->systems[i].label);
        h += ui_label(u, (SDL_Rect){x + icon + u->gap, y + h, tw, u->line}, u->px_small,
                      ops_status_color(st), UI_ELLIPSIS, ops_status_word(st));
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
        char val[64]; /* the decimals its scale needs: a meter of 0 to 1 is not "1" */
        text_meter_number(v, text_meter_decimals(m->max - m->min, v, v), 0, val, sizeof val);
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
        char lo[64], hi[64];
        int dec = text_meter_decimals(m->max - m->min, m->min, m->max);
        text_meter_number(m->min, dec, 0, lo, sizeof lo);
        text_meter_number(m->max, dec, 0, hi, sizeof hi);
        snprintf(tip, sizeof tip, "%s: %s (from %s to %s; %s is better). %s", m->label, val, lo, hi,
                 m->good_low ? "lower" : "higher",
                 m->description ? m->description : "");
        ui_text_area(u, ui_idn(u, "meter", (int)i), (SDL_Rect){x, y, w, h + u->gap + 2}, m->label,
                     tip);
        y += h + 2 * u->gap + u->gap;
    }
    return y - col.y;
}

void ops_board_panel(app *a, SDL_Rect left)
{
    ui *u = &a->u;
    ui_panel(u, left);
    SDL_Rect bv = {left.x, left.y + u->pad, left.w, left.h - 2 * u->pad};
    ui_scroll_begin(u, &a->sc_board, bv);
    int h = board(a, bv);
    ui_scroll_end(u, h);
}

