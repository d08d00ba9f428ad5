/* ui_parts: the pieces every screen draws with or calls, kept below the
 * screens so that none of them has to reach up into the shell: the
 * request a screen hands to the shell (screen_ask), the toast, the modal
 * dialog box, a Lua traceback, and the width of a button. */
#include <stdio.h>

#include "ui/ui_screens.h"

void screen_ask(app *a, app_req_kind kind, const char *path)
{
    a->req.kind = kind;
    a->req.back = a->screen;
    snprintf(a->req.path, sizeof a->req.path, "%s", path ? path : "");
}

void screen_toast(app *a, const char *msg)
{
    snprintf(a->toast, sizeof a->toast, "%s", msg);
    a->toast_left = 4.0;
}

/* Drawn by the shell over every screen. */
void screen_toast_draw(app *a, double dt)
{
    ui *u = &a->u;
    if (a->toast_left <= 0)
        return;
    a->toast_left -= dt;
    SDL_Rect r = screen_toast_rect(a);
    int w = r.w, h = r.h;
    ui_fill(u, r, TC_PANEL);
    ui_frame(u, r, TC_WARNING, 2);
    u->bg = TC_PANEL;
    ui_label(u, (SDL_Rect){r.x + u->pad, r.y + u->pad, w - 2 * u->pad, h - 2 * u->pad},
             u->px_body, TC_TEXT, UI_WRAP, a->toast);
}

static int meets_control(const ui *u, SDL_Rect r)
{
    for (int i = 0; i < u->nctl; i++) {
        SDL_Rect c = u->ctl[i].r;
        if (u->ctl[i].visible && r.x < c.x + c.w && c.x < r.x + r.w && r.y < c.y + c.h &&
            c.y < r.y + r.h)
            return 1;
    }
    return 0;
}

/* A toast goes to the window's edge, where screens keep their footers
 * (the operations room's key line, the debrief's way back), in the first
 * place where it covers no control: bottom left, bottom right, bottom
 * middle, top middle, then the whole width at the top or the bottom. Not
 * over the middle of a screen, where the content is (a decision's
 * options, an exported file's path). */
SDL_Rect screen_toast_rect(app *a)
{
    ui *u = &a->u;
    int maxw = u->w / 2;
    int w = ui_text_w(u, u->px_body, TC_TEXT, a->toast) + 2 * u->pad + 2;
    if (w > maxw)
        w = maxw;
    int h = ui_text_h(u, u->px_body, w - 2 * u->pad, TC_TEXT, a->toast) + 2 * u->pad;
    int m = u->gap, bottom = u->h - h - m;
    /* the whole width makes a long toast short enough for the top edge */
    int fw = u->w - 2 * m;
    int fh = ui_text_h(u, u->px_body, fw - 2 * u->pad, TC_TEXT, a->toast) + 2 * u->pad;
    SDL_Rect at[6] = {{m, bottom, w, h},
                      {u->w - w - m, bottom, w, h},
                      {(u->w - w) / 2, bottom, w, h},
                      {(u->w - w) / 2, m, w, h},
                      {m, m, fw, fh},
                      {m, u->h - fh - m, fw, fh}};
    for (int i = 0; i < 6; i++)
        if (!meets_control(u, at[i]))
            return at[i];
    return at[0];
}

int screen_button_w(app *a, const char *label)
{
    return ui_text_w(&a->u, a->u.px_body, TC_TEXT, label) + 4 * a->u.gap;
}

int screen_trace(app *a, int x, int y, int w, const char *trace)
{
    ui *u = &a->u;
    if (!trace || !trace[0])
        return 0;
    char t[sizeof ((bh_err *)0)->trace];
    /* Lua indents frames with tabs, which the font has no glyph for */
    size_t i = 0;
    for (; trace[i] && i + 1 < sizeof t; i++)
        t[i] = trace[i] == '\t' ? ' ' : trace[i];
    t[i] = 0;
    return u->pad + ui_label(u, (SDL_Rect){x, y + u->pad, w, 0}, u->px_small, TC_TEXT_DIM,
                             UI_WRAP, t);
}

SDL_Rect screen_dialog(app *a, int w, int h, const char *title)
{
    ui *u = &a->u;
    if (w > u->w - 2 * u->pad)
        w = u->w - 2 * u->pad;
    int th = u->px_title * 3 / 2;
    if (h + th + 3 * u->pad > u->h - 2 * u->pad)
        h = u->h - 2 * u->pad - th - 3 * u->pad;
    SDL_Rect box = {(u->w - w) / 2, (u->h - h - th - 3 * u->pad) / 2, w,
                    h + th + 3 * u->pad};
    ui_fill(u, (SDL_Rect){box.x + 6, box.y + 6, box.w, box.h}, TC_BACKGROUND);
    ui_fill(u, box, TC_PANEL);
    ui_frame(u, box, TC_ACCENT, 2);
    u->bg = TC_PANEL;
    ui_label(u, (SDL_Rect){box.x + u->pad, box.y + u->pad, box.w - 2 * u->pad, th},
             u->px_title, TC_TEXT, UI_ELLIPSIS, title);
    return (SDL_Rect){box.x + u->pad, box.y + 2 * u->pad + th, box.w - 2 * u->pad, h};
}

