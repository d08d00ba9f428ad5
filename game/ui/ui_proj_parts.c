/* ui_proj_parts: the projector's pieces (see ui_proj_internal.h). Text
 * on the projector shrinks, and at the last cuts, to fit its box rather
 * than run over: a room cannot scroll. Status is said by an icon and a
 * word as well as a colour, for the colour-blind in the room. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "core/text.h"
#include "ui/ui_ops.h"
#include "ui/ui_proj_internal.h"

/* A line's height: a line drawn whole (not wrapped) is as tall as its
 * glyphs reach, and at some sizes '_' or '|' reach a pixel below "Ag"
 * (a label "PSAFE_BOOM_FROM" counted as an overflow at 1080p). */
int proj_line_h(ui *u, int px)
{
    int h = ui_text_h(u, px, 100000, TC_TEXT, "Ag"), w = 0, one = 0;
    bh_err e;
    if (ui_text_size(&u->text, px, "Ag_|()[]{}", &w, &one, &e) == BH_OK && one > h)
        h = one;
    return h;
}

/* The size `s` fits `maxh` at, or -1 when even `min_px` is too tall. */
static int fit_px(ui *u, int w, int maxh, int px, int min_px, ui_theme_color c, const char *s)
{
    for (int p = px;; p = p * 85 / 100 > min_px ? p * 85 / 100 : min_px) {
        if (maxh <= 0 || ui_text_h(u, p, w, c, s) <= maxh)
            return p;
        if (p <= min_px)
            return -1;
    }
}

/* `s` as the projector draws it: a tab, a carriage return or another
 * control character (and on one line a newline too) becomes a space, not
 * a missing glyph's box; and past `most` characters it is cut with "…",
 * as the box would cut it anyway (measuring a 64 kB body at each size
 * froze the projector and the console for seconds and took a gigabyte).
 * Returns `s` when nothing changes, else a copy in *own to free. */
static const char *plain(const char *s, int one_line, size_t most, char **own)
{
    *own = NULL;
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, chars = 0, cut = 0;
    int ctrl = 0;
    for (; p[i]; i++) {
        if ((p[i] & 0xC0) != 0x80 && chars++ == most) {
            cut = i;
            break;
        }
        ctrl |= p[i] < 0x20 && (p[i] != '\n' || one_line);
    }
    if (!ctrl && !cut)
        return s;
    size_t n = cut ? cut : i;
    char *c = mem_malloc(n + sizeof "…");
    if (!c)
        return s;
    memcpy(c, s, n);
    snprintf(c + n, sizeof "…", "%s", cut ? "…" : "");
    for (char *q = c; *q; q++)
        if ((unsigned char)*q < 0x20 && (*q != '\n' || one_line))
            *q = ' ';
    return *own = c;
}

/* More characters than `w` x `h` (h <= 0: any height) can show at `px`:
 * twice as many a line as of the narrowest glyphs fit, and a line more. */
static size_t most_chars(ui *u, int w, int h, int px)
{
    int narrow = ui_text_w(u, px, TC_TEXT, "i");
    if (h <= 0 || narrow < 1)
        return (size_t)-1;
    size_t per_line = (size_t)(2 * w / narrow + 2), lines = (size_t)(h / proj_line_h(u, px) + 1);
    return per_line * lines;
}

static int fit_text(ui *u, SDL_Rect box, int px, int min_px, ui_theme_color c, const char *s,
                    int draw)
{
    int p = fit_px(u, box.w, box.h, px, min_px, c, s);
    if (p > 0) {
        if (!draw)
            return ui_text_h(u, p, box.w, c, s);
        return ui_label(u, (SDL_Rect){box.x, box.y, box.w, 0}, p, c, UI_WRAP, s);
    }
    if (box.h < proj_line_h(u, min_px))
        return 0; /* no room for even a line: the caller left none */
    char cut[2048];
    ui_cut(u, min_px, box.w, box.h, s, cut, sizeof cut);
    if (!draw)
        return ui_text_h(u, min_px, box.w, c, cut);
    return ui_label(u, (SDL_Rect){box.x, box.y, box.w, 0}, min_px, c, UI_WRAP, cut);
}

static int text(ui *u, SDL_Rect box, int px, int min_px, ui_theme_color c, const char *s,
                int draw)
{
    if (!s || !s[0] || box.w < 1)
        return 0;
    char *own;
    int h = fit_text(u, box, px, min_px, c,
                     plain(s, 0, most_chars(u, box.w, box.h, min_px), &own), draw);
    free(own);
    return h;
}

int proj_text(ui *u, SDL_Rect box, int px, int min_px, ui_theme_color c, const char *s)
{
    return text(u, box, px, min_px, c, s, 1);
}

int proj_text_h(ui *u, int w, int maxh, int px, int min_px, const char *s)
{
    return text(u, (SDL_Rect){0, 0, w, maxh}, px, min_px, TC_TEXT, s, 0);
}

int proj_line(ui *u, SDL_Rect box, int px, ui_theme_color c, int flags, const char *s)
{
    if (!s || !s[0])
        return 0;
    char *own;
    ui_label(u, (SDL_Rect){box.x, box.y, box.w, box.h}, px, c, UI_ELLIPSIS | flags,
             plain(s, 1, most_chars(u, box.w, 1, px), &own));
    free(own);
    return proj_line_h(u, px);
}

/* ---- the clock bar ---- */

int proj_clock_bar_h(ui *u, int dense)
{
    return proj_line_h(u, dense >= 2 ? u->px_body : u->px_head) + 2 * u->gap;
}

int proj_clock_bar(ui *u, const rv_model *m, SDL_Rect r, int dense)
{
    int px = dense >= 2 ? u->px_body : u->px_head;
    int lh = proj_line_h(u, px), h = lh + 2 * u->gap;
    ui_fill(u, (SDL_Rect){r.x, r.y, r.w, h}, TC_PANEL);
    u->bg = TC_PANEL;
    int x = r.x + u->pad, y = r.y + u->gap;
    char state[64];
    if (m->phase == RV_ENDED)
        snprintf(state, sizeof state, "Ended");
    else if (m->speed > 0)
        snprintf(state, sizeof state, "Running at %d×", m->speed);
    else
        snprintf(state, sizeof state, "Paused");
    int sw = ui_text_w(u, px, TC_TEXT, state), icon = px * 3 / 4;
    int sx = r.x + r.w - u->pad - sw;
    ui_icon(u, (SDL_Rect){sx - icon - u->gap, y + (lh - icon) / 2, icon, icon},
            m->phase == RV_ENDED ? ICON_FLAT : m->speed > 0 ? ICON_CYCLE : ICON_BLOCK,
            m->speed > 0 ? TC_GOOD : TC_WARNING);
    ui_label(u, (SDL_Rect){sx, y, sw, lh}, px, m->speed > 0 ? TC_TEXT : TC_WARNING, 0,
             state);
    int cw = ui_text_w(u, px, TC_ACCENT, m->clock);
    ui_label(u, (SDL_Rect){x, y, cw, lh}, px, TC_ACCENT, 0, m->clock);
    int room = sx - icon - 3 * u->gap - (x + cw + 2 * u->pad);
    if (room > u->px_body * 3)
        proj_line(u, (SDL_Rect){x + cw + 2 * u->pad, y, room, lh}, px, TC_TEXT, 0,
                  m->calendar);
    u->bg = TC_BACKGROUND;
    return h;
}

/* ---- meters ---- */

/* A tile is one line, the label on the left and the value with its trend
 * arrow on the right, over a bar; denser, in smaller type. */
typedef struct tile_px {
    int label, value, pad, bar;
} tile_px;

static tile_px tile_sizes(ui *u, int dense)
{
    return dense ? (tile_px){u->px_small, u->px_body, u->gap / 2, u->gap}
                 : (tile_px){u->px_body, u->px_head, u->gap, u->gap + u->gap / 2};
}

/* A meter's value with the decimals its scale needs (core/text.h). */
static void proj_meter_value(const rv_meter *mt, char *val, size_t n)
{
    text_meter_number(mt->value, text_meter_decimals(mt->max - mt->min, mt->value, mt->value), 0,
                      val, n);
}

static int tile_need(ui *u, const rv_meter *mt, tile_px t)
{
    char val[64];
    proj_meter_value(mt, val, sizeof val);
    return ui_text_w(u, t.label, TC_TEXT, mt->label) + ui_text_w(u, t.value, TC_TEXT, val) +
           t.label + 2 * u->pad + 3 * u->gap;
}

static int meter_cols(ui *u, const rv_model *m, int w, tile_px t)
{
    int n = (int)m->nmeters, widest = 0;
    for (size_t i = 0; i < m->nmeters; i++) {
        int need = tile_need(u, &m->meters[i], t);
        widest = need > widest ? need : widest;
    }
    int cols = n > 0 ? n : 1;
    for (; cols > 1; cols--)
        if (widest <= (w - (cols - 1) * u->gap) / cols)
            break;
    int rows = (n + cols - 1) / cols;
    return rows > 0 ? (n + rows - 1) / rows : 1; /* the same count in each row */
}

static int tile_h(ui *u, tile_px t)
{
    return proj_line_h(u, t.value) + 2 * t.pad + u->gap / 2 + t.bar;
}

int proj_meters_h(ui *u, const rv_model *m, int w, int dense)
{
    if (!m->nmeters)
        return 0;
    tile_px t = tile_sizes(u, dense);
    int cols = meter_cols(u, m, w, t), rows = ((int)m->nmeters + cols - 1) / cols;
    return rows * tile_h(u, t) + (rows - 1) * u->gap;
}

static void meter_tile(ui *u, const rv_meter *mt, SDL_Rect r, tile_px t)
{
    ui_fill(u, r, TC_PANEL);
    ui_frame(u, r, TC_PANEL_BORDER, 1);
    u->bg = TC_PANEL;
    int x = r.x + u->pad, w = r.w - 2 * u->pad, y = r.y + t.pad;
    int lh = proj_line_h(u, t.value), icon = t.label * 3 / 4;
    char val[64];
    proj_meter_value(mt, val, sizeof val);
    int vw = ui_text_w(u, t.value, TC_TEXT, val);
    int vx = x + w - icon - u->gap - vw;
    proj_line(u, (SDL_Rect){x, y, vx - x - u->gap, lh}, t.label, TC_TEXT, UI_VCENTER, mt->label);
    ui_label(u, (SDL_Rect){vx, y, vw, lh}, t.value, TC_TEXT, 0, val);
    /* the arrow's colour says whether the move is good; its shape says
     * which way; no arrow when it held (a dash beside a number reads as a
     * minus) */
    int good = (mt->trend > 0) != mt->good_low;
    ui_theme_color tc = good ? TC_GOOD : TC_BAD;
    if (mt->trend)
        ui_icon(u, (SDL_Rect){x + w - icon, y + (lh - icon) / 2, icon, icon},
                mt->trend > 0 ? ICON_UP : ICON_DOWN, tc);
    double frac = mt->max > mt->min ? (mt->value - mt->min) / (mt->max - mt->min) : 0;
    double goodness = mt->good_low ? 1 - frac : frac;
    ui_theme_color bc = goodness >= 0.6 ? TC_GOOD : goodness >= 0.35 ? TC_WARNING : TC_BAD;
    ui_bar(u, (SDL_Rect){x, y + lh + u->gap / 2, w, t.bar}, frac, bc);
    u->bg = TC_BACKGROUND;
}

void proj_meters(ui *u, const rv_model *m, SDL_Rect r, int dense)
{
    if (!m->nmeters)
        return;
    tile_px t = tile_sizes(u, dense);
    int cols = meter_cols(u, m, r.w, t), th = tile_h(u, t);
    int tw = (r.w - (cols - 1) * u->gap) / cols;
    for (size_t i = 0; i < m->nmeters; i++) {
        int c = (int)i % cols, row = (int)i / cols;
        meter_tile(u, &m->meters[i],
                   (SDL_Rect){r.x + c * (tw + u->gap), r.y + row * (th + u->gap), tw, th}, t);
    }
}

/* ---- systems ---- */

/* What a tile says: a system and its state (or only its name, the icon
 * saying the state, when `bare`), or the count of the others. */
static int tile_text(const rv_model *m, size_t i, int only_trouble, int bare, int online,
                     char *buf, size_t n, ui_icon_kind *ik, ui_theme_color *c)
{
    if (i == m->nsystems) {
        snprintf(buf, n, "+%d online", online);
        *ik = ICON_CHECK;
        *c = TC_GOOD;
        return only_trouble;
    }
    const rv_system *sy = &m->systems[i];
    if (bare)
        snprintf(buf, n, "%s", sy->label);
    else
        snprintf(buf, n, "%s: %s", sy->label, ops_status_word(sy->status));
    *ik = ops_status_icon(sy->status);
    *c = ops_status_color(sy->status);
    return !only_trouble || sy->status != ST_ONLINE;
}

/* Lay the tiles out left to right, each as wide as its text (all of them
 * as wide as the widest when they fit one row). Returns the rows used;
 * draws when `draw`. */
static int flow(ui *u, const rv_model *m, SDL_Rect r, int px, int only_trouble, int bare,
                int online, int draw)
{
    int icon = px * 3 / 4, th = proj_line_h(u, px) + u->gap, x = r.x, row = 0;
    for (size_t i = 0; i <= m->nsystems; i++) {
        char line[300];
        ui_icon_kind ik;
        ui_theme_color c;
        if (!tile_text(m, i, only_trouble, bare, online, line, sizeof line, &ik, &c))
            continue;
        int tw = ui_text_w(u, px, TC_TEXT, line) + icon + 3 * u->gap + 2;
        tw = tw > r.w ? r.w : tw;
        if (x > r.x && x + tw > r.x + r.w) {
            x = r.x;
            row++;
        }
        if (draw) {
            SDL_Rect t = {x, r.y + row * (th + u->gap), tw, th};
            ui_fill(u, t, TC_PANEL);
            ui_frame(u, t, c, 2);
            u->bg = TC_PANEL;
            ui_icon(u, (SDL_Rect){t.x + u->gap, t.y + (th - icon) / 2, icon, icon}, ik, c);
            int lx = t.x + 2 * u->gap + icon;
            proj_line(u, (SDL_Rect){lx, t.y, t.x + t.w - lx, th}, px, TC_TEXT,
                      UI_VCENTER, line);
            u->bg = TC_BACKGROUND;
        }
        x += tw + u->gap;
    }
    return row + 1;
}

static int systems(ui *u, const rv_model *m, SDL_Rect r, int rows, int dense, int draw)
{
    if (!m->nsystems || rows < 1)
        return 0;
    int online = 0;
    for (size_t i = 0; i < m->nsystems; i++)
        online += m->systems[i].status == ST_ONLINE;
    /* all at body size; those not online and a count; the same smaller;
     * denser, the names alone (the icon says the state); the last that is
     * allowed takes as many rows as it needs */
    static const struct { int small, trouble, bare; } v[5] = {
        {0, 0, 0}, {0, 1, 0}, {1, 0, 0}, {1, 1, 0}, {1, 1, 1}};
    int first = dense ? 2 : 0, last = dense >= 3 ? 4 : 3, k = first;
    for (; k < last; k++) {
        if (v[k].trouble && !online)
            continue;
        if (flow(u, m, r, v[k].small ? u->px_small : u->px_body, v[k].trouble && online,
                 v[k].bare, online, 0) <= rows)
            break;
    }
    int px = v[k].small ? u->px_small : u->px_body;
    int used = flow(u, m, r, px, v[k].trouble && online, v[k].bare, online, draw);
    int th = proj_line_h(u, px) + u->gap;
    return used * th + (used - 1) * u->gap;
}

int proj_systems_h(ui *u, const rv_model *m, int w, int rows, int dense)
{
    return systems(u, m, (SDL_Rect){0, 0, w, 0}, rows, dense, 0);
}

int proj_systems(ui *u, const rv_model *m, SDL_Rect r, int rows, int dense)
{
    return systems(u, m, r, rows, dense, 1);
}

/* ---- tones ---- */

const char *proj_tone_word(bh_tone t)
{
    return t == TONE_GOOD ? "A good ending" : t == TONE_MIXED ? "A mixed ending"
                                            : t == TONE_BAD   ? "A bad ending"
                                                              : "The ending";
}

ui_icon_kind proj_tone_icon(bh_tone t)
{
    return t == TONE_GOOD ? ICON_CHECK : t == TONE_MIXED ? ICON_WARN
                                       : t == TONE_BAD   ? ICON_CROSS
                                                         : ICON_DOT;
}

ui_theme_color proj_tone_color(bh_tone t)
{
    return t == TONE_GOOD ? TC_GOOD : t == TONE_MIXED ? TC_WARNING : t == TONE_BAD ? TC_BAD
                                                                                   : TC_ACCENT;
}
