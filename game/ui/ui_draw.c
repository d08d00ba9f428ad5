/* ui_draw: the toolkit's drawing (see ui_gui.h): theme colours, filled
 * rectangles, frames and panels, text labels measured against their boxes
 * (an overflow is recorded for the screenshot test, or the text is cut
 * with an ellipsis when the caller allows it), and progress bars. It knows
 * nothing of controls or focus; ui_gui.c and ui_icon.c draw through it. */
#include "ui/ui_gui.h"

#include <math.h>
#include <stdio.h>
#include <string.h>


SDL_Color ui_color(const ui *u, ui_theme_color c)
{
    ui_rgb k = u->theme.c[c];
    return (SDL_Color){k.r, k.g, k.b, 255};
}

void ui_fill(ui *u, SDL_Rect r, ui_theme_color c)
{
    SDL_Color k = ui_color(u, c);
    SDL_SetRenderDrawColor(u->r, k.r, k.g, k.b, 255);
    SDL_RenderFillRect(u->r, &r);
}

void ui_frame(ui *u, SDL_Rect r, ui_theme_color c, int t)
{
    if (t < 1)
        t = 1;
    ui_fill(u, (SDL_Rect){r.x, r.y, r.w, t}, c);
    ui_fill(u, (SDL_Rect){r.x, r.y + r.h - t, r.w, t}, c);
    ui_fill(u, (SDL_Rect){r.x, r.y, t, r.h}, c);
    ui_fill(u, (SDL_Rect){r.x + r.w - t, r.y, t, r.h}, c);
}

void ui_panel(ui *u, SDL_Rect r)
{
    u->bg = TC_PANEL;
    ui_fill(u, r, TC_PANEL);
    ui_frame(u, r, TC_PANEL_BORDER, 1);
}

static void note_overflow(ui *u, const char *text)
{
    u->overflows++;
    if (u->noverflow_text < UI_MAX_OVERFLOWS)
        snprintf(u->overflow_text[u->noverflow_text++], sizeof u->overflow_text[0], "%s", text);
}

static SDL_Texture *tex(ui *u, int px, int wrap, ui_theme_color c, const char *s, int *w, int *h)
{
    bh_err e;
    SDL_Texture *t = ui_text_on(&u->text, px, wrap, ui_color(u, c), ui_color(u, u->bg), s, w,
                                h, &e);
    if (!t && *w == 0 && s[0] && !u->failed) {
        u->err = e;
        u->failed = 1;
    }
    return t;
}

int ui_text_w(ui *u, int px, ui_theme_color c, const char *s)
{
    int w = 0, h = 0;
    tex(u, px, 0, c, s, &w, &h);
    return w;
}

int ui_text_h(ui *u, int px, int wrap, ui_theme_color c, const char *s)
{
    int w = 0, h = 0;
    if (wrap < 1)
        wrap = 1;
    tex(u, px, wrap, c, s, &w, &h);
    return s[0] ? h : 0;
}

void ui_cut(ui *u, int px, int w, int maxh, const char *s, char *out, size_t n)
{
    size_t len = strlen(s), lo = 0, hi = len;
    if (len + 4 > n)
        hi = n - 4;
    while (lo < hi) {
        size_t mid = (lo + hi + 1) / 2;
        while (mid > lo && ((unsigned char)s[mid] & 0xC0) == 0x80)
            mid--;
        if (mid == lo) {
            break;
        }
        snprintf(out, n, "%.*s…", (int)mid, s);
        int tw = 0, th = 0;
        bh_err e;
        if (maxh > 0)
            th = ui_text_h(u, px, w, TC_TEXT, out);
        else
            ui_text_size(&u->text, px, out, &tw, &th, &e);
        if (maxh > 0 ? th <= maxh : tw <= w)
            lo = mid;
        else
            hi = mid - 1;
    }
    while (lo > 0 && (s[lo - 1] == ' ' || s[lo - 1] == '\n'))
        lo--;
    snprintf(out, n, "%.*s…", (int)lo, s);
}

int ui_label(ui *u, SDL_Rect box, int px, ui_theme_color c, int flags, const char *s)
{
    if (!s || !s[0])
        return 0;
    int wrap = (flags & UI_WRAP) ? box.w : 0;
    if (wrap < 1 && (flags & UI_WRAP))
        wrap = 1;
    int w = 0, h = 0;
    SDL_Texture *t = tex(u, px, wrap, c, s, &w, &h);
    if (!t)
        return 0;
    char cut[512];
    if (w > box.w) {
        if ((flags & UI_ELLIPSIS) && !(flags & UI_WRAP)) {
            ui_cut(u, px, box.w, 0, s, cut, sizeof cut);
            t = tex(u, px, 0, c, cut, &w, &h);
            if (!t)
                return 0;
        } else {
            note_overflow(u, s);
        }
    }
    /* Wrapped text may run below its box only inside a scroll area, which
     * clips it and lets the reader scroll to the rest. */
    if (box.h > 0 && h > box.h && !u->scroll)
        note_overflow(u, s);
    int x = box.x, y = box.y - u->oy;
    if (flags & UI_CENTER)
        x = box.x + (box.w - w) / 2;
    else if (flags & UI_RIGHT)
        x = box.x + box.w - w;
    if (flags & UI_VCENTER)
        y += (box.h - h) / 2;
    SDL_Rect dst = {x, y, w, h};
    SDL_RenderCopy(u->r, t, NULL, &dst);
    if (u->record)
        u->record(u->record_ctx, s, dst);
    return h;
}

void ui_bar(ui *u, SDL_Rect r, double frac, ui_theme_color c)
{
    r.y -= u->oy;
    ui_fill(u, r, TC_BAR_TRACK);
    if (!(frac > 0))
        frac = 0;
    if (frac > 1)
        frac = 1;
    SDL_Rect f = r;
    f.w = (int)lround(r.w * frac);
    if (f.w > 0)
        ui_fill(u, f, c);
    ui_frame(u, r, TC_PANEL_BORDER, 1);
}
