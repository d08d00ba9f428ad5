/* ui_debrief_chart: the debrief's meters tab, a chart of every meter over
 * the session with the moments decisions were taken. */
#include <stdio.h>
#include <string.h>

#include "report/rp_report.h"
#include "ui/ui_debrief.h"

static void line(ui *u, float x0, float y0, float x1, float y1, ui_theme_color c)
{
    SDL_Color k = ui_color(u, c);
    SDL_SetRenderDrawColor(u->r, k.r, k.g, k.b, 255);
    for (int d = -1; d <= 1; d++) { /* three pixels wide, for a projector */
        SDL_RenderDrawLineF(u->r, x0, y0 + d, x1, y1 + d);
        SDL_RenderDrawLineF(u->r, x0 + d, y0, x1 + d, y1);
    }
}

ui_theme_color debrief_series_color(size_t i) { return TC_SERIES1 + (int)(i % UI_SERIES); }

ui_icon_kind debrief_series_mark(size_t i)
{
    static const ui_icon_kind marks[UI_SERIES] = {ICON_DOT,  ICON_CROSS, ICON_CHECK, ICON_WARN,
                                                  ICON_OFF,  ICON_LOCK,  ICON_BLOCK, ICON_UP};
    return marks[i % UI_SERIES];
}

int debrief_chart_ticks(ui *u, int chart_h)
{
    int lh = ui_text_h(u, u->px_small, u->w, TC_TEXT_DIM, "100%") + u->gap / 2;
    int n = 4;
    while (n > 1 && chart_h / n < lh)
        n /= 2;
    return n;
}

/* Every meter on one axis, each scaled to its own range, with the moments
 * decisions were taken. Each line also carries its own marker shape, so
 * colour is not the only way to tell them apart. */
void debrief_tab_meters(app *a, SDL_Rect r)
{
    ui *u = &a->u;
    const json_t *ms = json_object_get(a->debrief, "meters");
    size_t nm = json_array_size(ms);
    int legend_h = (int)((nm + 1) / 2) * (u->line + u->gap) + u->gap;
    SDL_Rect c = {r.x + 4 * u->px_small, r.y + 2 * u->line, r.w - 4 * u->px_small - u->pad,
                  r.h - legend_h - 3 * u->line};
    ui_fill(u, c, TC_BACKGROUND);
    ui_frame(u, c, TC_PANEL_BORDER, 1);
    double end = rp_num(json_object_get(a->debrief, "session"), "elapsed_s");
    if (end <= 0)
        end = 1;
    int ticks = debrief_chart_ticks(u, c.h);
    for (int k = 0; k <= ticks; k++) {
        char lab[16];
        int y = c.y + c.h * k / ticks;
        ui_fill(u, (SDL_Rect){c.x, y, c.w, 1}, TC_PANEL_BORDER);
        snprintf(lab, sizeof lab, "%d%%", 100 - 100 * k / ticks);
        ui_label(u, (SDL_Rect){r.x, y - u->px_small / 2, 4 * u->px_small - u->gap, u->line},
                 u->px_small, TC_TEXT_DIM, UI_RIGHT, lab);
    }
    for (int k = 0; k <= 4; k++) {
        char st[32];
        dur_stamp((bh_time)(end * k / 4), st, sizeof st);
        int tx = c.x + c.w * k / 4 - (k == 4 ? 7 * u->px_small : k ? 7 * u->px_small / 2 : 0);
        ui_label(u, (SDL_Rect){tx, c.y + c.h + u->gap, 7 * u->px_small, u->line}, u->px_small,
                 TC_TEXT_DIM, k == 4 ? UI_RIGHT : k ? UI_CENTER : 0, st + 2);
    }
    size_t i;
    const json_t *d;
    int n = 0;
    json_array_foreach(json_object_get(a->debrief, "decisions"), i, d)
    {
        n++;
        const json_t *ev;
        size_t k;
        double at = -1;
        json_array_foreach(json_object_get(a->debrief, "timeline"), k, ev) if (
            (strcmp(rp_str(ev, "kind"), "decision_chosen") == 0 ||
             strcmp(rp_str(ev, "kind"), "decision_defaulted") == 0) &&
            strcmp(rp_str(ev, "id"), rp_str(d, "id")) == 0) at = rp_num(ev, "t");
        if (at < 0)
            continue;
        int x = c.x + (int)(c.w * at / end);
        ui_fill(u, (SDL_Rect){x, c.y, 1, c.h}, TC_TEXT_DIM);
        char lab[16];
        snprintf(lab, sizeof lab, "D%d", n);
        ui_label(u, (SDL_Rect){x - u->px_small, r.y + (n % 2 ? 0 : u->line * 3 / 4), 2 * u->px_small, u->line},
                 u->px_small, TC_TEXT_DIM, UI_CENTER, lab);
    }
    const json_t *m;
    int mk = u->px_small * 3 / 4;
    json_array_foreach(ms, i, m)
    {
        double lo = rp_num(m, "min"), hi = rp_num(m, "max");
        if (hi <= lo)
            hi = lo + 1;
        ui_theme_color col = debrief_series_color(i);
        float px = -1, py = -1;
        size_t k;
        const json_t *p;
        json_array_foreach(json_object_get(m, "points"), k, p)
        {
            double t = json_number_value(json_array_get(p, 0)), v = json_number_value(json_array_get(p, 1));
            float x = (float)(c.x + c.w * (t < end ? t : end) / end);
            float y = (float)(c.y + c.h * (1 - (v - lo) / (hi - lo)));
            if (px >= 0) {
                line(u, px, py, x, py, col); /* the value holds until it changes */
                line(u, x, py, x, y, col);
            }
            ui_icon(u, (SDL_Rect){(int)x - mk / 2, (int)y - mk / 2, mk, mk}, debrief_series_mark(i), col);
            px = x;
            py = y;
        }
        if (px >= 0)
            line(u, px, py, (float)(c.x + c.w), py, col);
        /* legend, two columns */
        int lx = r.x + (int)(i % 2) * r.w / 2, ly = c.y + c.h + u->line + u->gap + (int)(i / 2) * (u->line + u->gap);
        ui_icon(u, (SDL_Rect){lx, ly + (u->line - mk) / 2, mk, mk}, debrief_series_mark(i), col);
        char lab[200], v0[64], v1[64];
        rp_meter_ends(rp_num(m, "max") - rp_num(m, "min"), rp_num(m, "start"), rp_num(m, "final"),
                      v0, v1, sizeof v0);
        snprintf(lab, sizeof lab, "%s: %s → %s (%s is better)", rp_str(m, "label"), v0, v1,
                 rp_str(m, "better"));
        ui_label(u, (SDL_Rect){lx + mk + u->gap, ly, r.w / 2 - mk - 2 * u->gap, u->line},
                 u->px_small, TC_TEXT, UI_ELLIPSIS | UI_VCENTER, lab);
    }
}

