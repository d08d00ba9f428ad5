/* ui_icon: the toolkit's icons (see ui_gui.h), small shapes that carry
 * meaning without colour (a check, a warning, a lock, trend arrows, ...).
 * They are drawn from triangles, so they need no font glyphs. */
#include "ui/ui_gui.h"

#include <math.h>

static void tri_fan(ui *u, SDL_Color k, const float *xy, int n)
{
    SDL_Vertex v[64];
    int idx[3 * 62];
    if (n > 64)
        n = 64;
    for (int i = 0; i < n; i++)
        v[i] = (SDL_Vertex){{xy[2 * i], xy[2 * i + 1]}, k, {0, 0}};
    int m = 0;
    for (int i = 1; i + 1 < n; i++) {
        idx[m++] = 0;
        idx[m++] = i;
        idx[m++] = i + 1;
    }
    SDL_RenderGeometry(u->r, NULL, v, n, idx, m);
}

static void thick_line(ui *u, SDL_Color k, float x0, float y0, float x1, float y1, float t)
{
    float dx = x1 - x0, dy = y1 - y0, len = sqrtf(dx * dx + dy * dy);
    if (len <= 0)
        return;
    float nx = -dy / len * t / 2, ny = dx / len * t / 2;
    float q[8] = {x0 + nx, y0 + ny, x1 + nx, y1 + ny, x1 - nx, y1 - ny, x0 - nx, y0 - ny};
    tri_fan(u, k, q, 4);
}

static void disc(ui *u, SDL_Color k, float cx, float cy, float rad)
{
    float xy[2 * 34];
    xy[0] = cx;
    xy[1] = cy;
    for (int i = 0; i <= 32; i++) {
        float a = (float)(i * 2 * M_PI / 32);
        xy[2 * (i + 1)] = cx + rad * cosf(a);
        xy[2 * (i + 1) + 1] = cy + rad * sinf(a);
    }
    tri_fan(u, k, xy, 34);
}

static void ring(ui *u, SDL_Color k, float cx, float cy, float rad, float t, int from, int to)
{
    for (int i = from; i < to; i++) {
        float a0 = (float)(i * 2 * M_PI / 32), a1 = (float)((i + 1) * 2 * M_PI / 32);
        thick_line(u, k, cx + rad * cosf(a0), cy + rad * sinf(a0), cx + rad * cosf(a1),
                   cy + rad * sinf(a1), t);
    }
}

void ui_icon(ui *u, SDL_Rect r, ui_icon_kind kind, ui_theme_color c)
{
    SDL_Color k = ui_color(u, c);
    float x = (float)r.x, y = (float)(r.y - u->oy), s = (float)(r.w < r.h ? r.w : r.h);
    float cx = x + s / 2, cy = y + s / 2, t = s / 7 > 1.5f ? s / 7 : 1.5f;
    switch (kind) {
    case ICON_CHECK:
        thick_line(u, k, x + s * .15f, y + s * .55f, x + s * .4f, y + s * .8f, t);
        thick_line(u, k, x + s * .4f, y + s * .8f, x + s * .85f, y + s * .2f, t);
        break;
    case ICON_WARN: {
        float q[6] = {cx, y + s * .08f, x + s * .95f, y + s * .92f, x + s * .05f, y + s * .92f};
        tri_fan(u, k, q, 3);
        SDL_Color bg = ui_color(u, TC_PANEL);
        thick_line(u, bg, cx, y + s * .38f, cx, y + s * .68f, t * .8f);
        thick_line(u, bg, cx, y + s * .76f, cx, y + s * .84f, t * .8f);
        break;
    }
    case ICON_CROSS:
        thick_line(u, k, x + s * .18f, y + s * .18f, x + s * .82f, y + s * .82f, t * 1.2f);
        thick_line(u, k, x + s * .82f, y + s * .18f, x + s * .18f, y + s * .82f, t * 1.2f);
        break;
    case ICON_LOCK: {
        ring(u, k, cx, y + s * .42f, s * .22f, t * .9f, 16, 32);
        thick_line(u, k, cx - s * .22f, y + s * .42f, cx - s * .22f, y + s * .5f, t * .9f);
        thick_line(u, k, cx + s * .22f, y + s * .42f, cx + s * .22f, y + s * .5f, t * .9f);
        float q[8] = {x + s * .18f, y + s * .5f, x + s * .82f, y + s * .5f,
                      x + s * .82f, y + s * .92f, x + s * .18f, y + s * .92f};
        tri_fan(u, k, q, 4);
        break;
    }
    case ICON_BLOCK:
        ring(u, k, cx, cy, s * .38f, t, 0, 32);
        thick_line(u, k, cx - s * .27f, cy + s * .27f, cx + s * .27f, cy - s * .27f, t);
        break;
    case ICON_OFF:
        ring(u, k, cx, cy, s * .36f, t, 0, 32);
        break;
    case ICON_CYCLE:
        ring(u, k, cx, cy, s * .32f, t, 4, 28);
        {
            float ax = cx + s * .32f, ay = cy - s * .1f;
            float q[6] = {ax - s * .2f, ay, ax + s * .2f, ay, ax, ay + s * .25f};
            tri_fan(u, k, q, 3);
        }
        break;
    case ICON_UP: {
        float q[6] = {cx, y + s * .15f, x + s * .85f, y + s * .75f, x + s * .15f, y + s * .75f};
        tri_fan(u, k, q, 3);
        break;
    }
    case ICON_DOWN: {
        float q[6] = {x + s * .15f, y + s * .25f, x + s * .85f, y + s * .25f, cx, y + s * .85f};
        tri_fan(u, k, q, 3);
        break;
    }
    case ICON_FLAT:
        thick_line(u, k, x + s * .15f, cy, x + s * .85f, cy, t * 1.3f);
        break;
    case ICON_DOT:
        disc(u, k, cx, cy, s * .3f);
        break;
    }
}
