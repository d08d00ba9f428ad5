#include "ui/ui_gui.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define TIP_DELAY 0.45 /* seconds of hovering before a tooltip shows */

static uint32_t fnv32(uint32_t h, const char *s)
{
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 16777619u;
    }
    return h;
}

uint32_t ui_id(ui *u, const char *key)
{
    uint32_t h = fnv32(2166136261u ^ u->scope, key);
    return h ? h : 1;
}

uint32_t ui_idn(ui *u, const char *key, int n)
{
    char buf[160];
    snprintf(buf, sizeof buf, "%s#%d", key, n);
    return ui_id(u, buf);
}

static int iround(double v) { return (int)lround(v); }

void ui_begin(ui *u, double dt)
{
    SDL_GetRendererOutputSize(u->r, &u->w, &u->h);
    /* Sizes follow the window (so a projector at 4K gets the same layout as
     * a laptop at 720p) times the player's text scale. */
    double unit = fmin(u->w / 1280.0, u->h / 720.0);
    if (unit < 0.5)
        unit = 0.5;
    double s = unit * u->text_scale / 100.0;
    u->px_small = iround(13 * s);
    u->px_body = iround(16 * s);
    u->px_head = iround(19 * s);
    u->px_title = iround(26 * s);
    u->px_huge = iround(54 * s);
    u->pad = iround(10 * unit);
    u->gap = iround(6 * unit);
    u->line = iround(u->px_body * 1.3);
    u->nctl = 0;
    u->overflows = 0;
    u->noverflow_text = 0;
    u->scroll = NULL;
    u->oy = 0;
    u->layer = 0;
    u->modal = 0;
    u->tip_candidate = 0;
    u->bg = TC_BACKGROUND;
    if (u->tip_id)
        u->tip_time += dt;
    SDL_Color bg = ui_color(u, TC_BACKGROUND);
    SDL_SetRenderDrawColor(u->r, bg.r, bg.g, bg.b, 255);
    SDL_RenderClear(u->r);
}

/* Mouse positions come in window points; drawing is in output pixels,
 * which differ on high-density screens. */
static void to_pixels(ui *u, int *x, int *y)
{
    int ww = 0, wh = 0;
    if (!u->win)
        return;
    int pw = 0, ph = 0;
    SDL_GetWindowSize(u->win, &ww, &wh);
    SDL_GetRendererOutputSize(u->r, &pw, &ph); /* now, not last frame's: it may have resized */
    if (ww > 0 && wh > 0 && pw > 0 && ph > 0 && (ww != pw || wh != ph)) {
        *x = (int)((long long)*x * pw / ww);
        *y = (int)((long long)*y * ph / wh);
    }
}

void ui_event(ui *u, const SDL_Event *e)
{
    switch (e->type) {
    case SDL_MOUSEMOTION:
        u->mx = e->motion.x;
        u->my = e->motion.y;
        to_pixels(u, &u->mx, &u->my);
        u->mouse_in = 1;
        break;
    case SDL_MOUSEBUTTONDOWN:
        u->mx = e->button.x;
        u->my = e->button.y;
        to_pixels(u, &u->mx, &u->my);
        u->mouse_in = 1;
        if (e->button.button == SDL_BUTTON_LEFT)
            u->pressed = 1;
        break;
    case SDL_MOUSEBUTTONUP:
        u->mx = e->button.x;
        u->my = e->button.y;
        to_pixels(u, &u->mx, &u->my);
        u->mouse_in = 1;
        if (e->button.button == SDL_BUTTON_LEFT)
            u->clicked = 1;
        u->focus_visible = 0;
        break;
    case SDL_MOUSEWHEEL:
        u->wheel += e->wheel.y;
        break;
    case SDL_TEXTINPUT: {
        size_t n = strlen(e->text.text);
        if (u->ntyped + n < sizeof u->typed) {
            memcpy(u->typed + u->ntyped, e->text.text, n + 1);
            u->ntyped += (int)n;
        }
        break;
    }
    case SDL_KEYDOWN: {
        SDL_Keycode k = e->key.keysym.sym;
        Uint16 m = e->key.keysym.mod;
        /* Holding a key repeats only movement and scrolling: a held Space
         * must not flicker the pause, nor a held letter answer the next
         * decision the moment it opens. */
        if (e->key.repeat && k != SDLK_TAB && k != SDLK_UP && k != SDLK_DOWN && k != SDLK_LEFT &&
            k != SDLK_RIGHT && k != SDLK_PAGEUP && k != SDLK_PAGEDOWN && k != SDLK_BACKSPACE)
            break;
        if (k == SDLK_TAB) {
            u->focus_move = (m & KMOD_SHIFT) ? -1 : 1;
            u->focus_visible = 1;
        } else if (k == SDLK_UP || k == SDLK_LEFT) {
            u->focus_move = -1;
            u->focus_visible = 1;
        } else if (k == SDLK_DOWN || k == SDLK_RIGHT) {
            u->focus_move = 1;
            u->focus_visible = 1;
        } else {
            u->key = k == SDLK_KP_ENTER ? SDLK_RETURN : k;
            u->mod = m;
            if (u->key == SDLK_RETURN)
                u->focus_visible = 1;
        }
        break;
    }
    case SDL_WINDOWEVENT:
        if (e->window.event == SDL_WINDOWEVENT_LEAVE)
            u->mouse_in = 0;
        break;
    default:
        break;
    }
}

static int inside(SDL_Rect r, int x, int y)
{
    return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}

static int mouse_over(const ui *u, SDL_Rect r)
{
    if (!u->mouse_in || !inside(r, u->mx, u->my))
        return 0;
    if (u->clipping && !inside(u->clip, u->mx, u->my))
        return 0;
    return 1;
}

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

/* The longest prefix of `s` (cut at a UTF-8 boundary) that fits in `w`
 * with an ellipsis after it. */
static void ellipsize(ui *u, int px, int w, const char *s, char *out, size_t n)
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
        ui_text_size(&u->text, px, out, &tw, &th, &e);
        if (tw <= w)
            lo = mid;
        else
            hi = mid - 1;
    }
    while (lo > 0 && s[lo - 1] == ' ')
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
            ellipsize(u, px, box.w, s, cut, sizeof cut);
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
    f.w = iround(r.w * frac);
    if (f.w > 0)
        ui_fill(u, f, c);
    ui_frame(u, r, TC_PANEL_BORDER, 1);
}

/* ---- icons: drawn from triangles so they need no font glyphs ---- */

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

/* ---- controls ---- */

int ui_live(const ui *u) { return u->layer >= u->modal; }
#define active_layer ui_live

/* Was the focused control on screen last frame? Focus left over from a
 * control that has gone must not swallow Enter. */
static int focus_live(const ui *u)
{
    for (int i = 0; i < u->nprev_acting; i++)
        if (u->prev_acting[i] == u->focus)
            return 1;
    return 0;
}

static void record(ui *u, uint32_t id, SDL_Rect r, const char *label, int focusable)
{
    if (u->nctl >= UI_MAX_CONTROLS)
        return;
    ui_control *c = &u->ctl[u->nctl++];
    c->id = id;
    c->r = r;
    c->focusable = focusable;
    int cx = r.x + r.w / 2, cy = r.y + r.h / 2;
    c->visible = !u->clipping || inside(u->clip, cx, cy);
    snprintf(c->label, sizeof c->label, "%s", label ? label : "");
}

int ui_focused(const ui *u, uint32_t id) { return u->focus == id; }
void ui_set_focus(ui *u, uint32_t id) { u->focus = id; }

int ui_key(ui *u, SDL_Keycode key)
{
    if (u->key != key || key == 0 || (u->mod & (KMOD_CTRL | KMOD_ALT)))
        return 0;
    u->key = 0;
    return 1;
}

static int area(ui *u, uint32_t id, SDL_Rect r, const char *label, const char *tip, int *hot,
                int acts);

int ui_area(ui *u, uint32_t id, SDL_Rect r, const char *label, const char *tip, int *hot)
{
    return area(u, id, r, label, tip, hot, 1);
}

void ui_text_area(ui *u, uint32_t id, SDL_Rect r, const char *label, const char *tip)
{
    area(u, id, r, label, tip, NULL, 0);
}

static int area(ui *u, uint32_t id, SDL_Rect r, const char *label, const char *tip, int *hot,
                int acts)
{
    SDL_Rect s = r;
    s.y -= u->oy;
    int live = active_layer(u);
    record(u, id, s, label, live);
    if (u->nctl > 0 && u->ctl[u->nctl - 1].id == id)
        u->ctl[u->nctl - 1].acts = acts;
    int over = live && mouse_over(u, s);
    int focused = live && u->focus == id;
    if (hot)
        *hot = over || focused;
    if (live && u->scroll && focused) {
        /* keep the focused control in view */
        u->scroll->has_focus = 1;
        u->scroll->want = 1;
        u->scroll->want_top = r.y;
        u->scroll->want_bottom = r.y + r.h;
    }
    if (tip && tip[0] && (over || (focused && u->focus_visible)) && !u->tip_candidate) {
        u->tip_candidate = id;
        snprintf(u->tip_candidate_text, sizeof u->tip_candidate_text, "%s", tip);
        u->tip_candidate_anchor = s;
    }
    if (!live)
        return 0;
    if (over && u->pressed)
        u->focus = id;
    if (over && u->clicked) {
        u->clicked = 0;
        u->focus = id;
        return acts;
    }
    if (acts && focused && u->key == SDLK_RETURN) {
        u->key = 0;
        return 1;
    }
    return 0;
}

static int button(ui *u, uint32_t id, SDL_Rect r, const char *label, int on, SDL_Keycode key,
                  const char *tip)
{
    int hot = 0;
    int hit = ui_area(u, id, r, label, tip, &hot);
    /* Enter belongs to the focused control when there is one: "Back"
     * focused and Enter must not press the screen's default button. */
    int enter_taken = key == SDLK_RETURN && u->focus && u->focus != id && focus_live(u);
    if (active_layer(u) && key && !enter_taken && ui_key(u, key))
        hit = 1;
    SDL_Rect s = r;
    s.y -= u->oy;
    ui_fill(u, s, on ? TC_TEXT : TC_PANEL);
    ui_frame(u, s, hot ? TC_ACCENT : TC_PANEL_BORDER, hot ? 2 : 1);
    if (u->focus == id && u->focus_visible && active_layer(u))
        ui_frame(u, (SDL_Rect){s.x - 3, s.y - 3, s.w + 6, s.h + 6}, TC_FOCUS, 3);
    SDL_Rect in = {r.x + u->gap, r.y, r.w - 2 * u->gap, r.h};
    ui_theme_color bg = u->bg;
    u->bg = on ? TC_TEXT : TC_PANEL;
    ui_label(u, in, u->px_body, on ? TC_PANEL : TC_TEXT, UI_CENTER | UI_VCENTER, label);
    u->bg = bg;
    return hit;
}

int ui_button(ui *u, uint32_t id, SDL_Rect r, const char *label, SDL_Keycode key,
              const char *tip)
{
    return button(u, id, r, label, 0, key, tip);
}

int ui_toggle(ui *u, uint32_t id, SDL_Rect r, const char *label, int on, SDL_Keycode key,
              const char *tip)
{
    return button(u, id, r, label, on, key, tip);
}

/* ---- scroll areas ---- */

void ui_scroll_begin(ui *u, ui_scroll *s, SDL_Rect view)
{
    s->view = view;
    s->want = 0;
    s->has_focus = 0;
    u->scroll = s;
    u->oy = s->y; /* controls are laid out from view.y as if unscrolled */
    u->clip = view;
    u->clipping = 1;
    SDL_RenderSetClipRect(u->r, &view);
}

void ui_scroll_end(ui *u, int content_h)
{
    ui_scroll *s = u->scroll;
    if (!s)
        return;
    SDL_RenderSetClipRect(u->r, NULL);
    u->clipping = 0;
    u->scroll = NULL;
    u->oy = 0;
    s->content_h = content_h;
    int max = content_h - s->view.h;
    if (max < 0)
        max = 0;
    if (u->wheel && active_layer(u) && mouse_over(u, s->view)) {
        s->y -= u->wheel * u->line * 3;
        u->wheel = 0;
    }
    if (s->has_focus && (u->key == SDLK_PAGEDOWN || u->key == SDLK_PAGEUP)) {
        s->y += (u->key == SDLK_PAGEDOWN ? 1 : -1) * s->view.h * 4 / 5;
        u->key = 0;
        s->want = 0;
    }
    /* a control taller than the view (a long text) cannot be shown whole:
     * leave it where the reader scrolled it */
    if (s->want && s->want_bottom - s->want_top <= s->view.h) {
        /* positions were given in content coordinates (view.y + offset) */
        if (s->want_top - s->view.y < s->y)
            s->y = s->want_top - s->view.y - u->gap;
        else if (s->want_bottom - s->view.y > s->y + s->view.h)
            s->y = s->want_bottom - s->view.y - s->view.h + u->gap;
    }
    if (s->y > max)
        s->y = max;
    if (s->y < 0)
        s->y = 0;
    if (max > 0) {
        int bw = u->gap > 3 ? u->gap : 3;
        SDL_Rect track = {s->view.x + s->view.w - bw, s->view.y, bw, s->view.h};
        ui_fill(u, track, TC_BAR_TRACK);
        int th = s->view.h * s->view.h / content_h;
        if (th < u->line)
            th = u->line;
        int ty = s->view.y + (s->view.h - th) * s->y / max;
        ui_fill(u, (SDL_Rect){track.x, ty, bw, th}, TC_TEXT_DIM);
    }
}

/* ---- end of frame ---- */

static void move_focus(ui *u)
{
    int order[UI_MAX_CONTROLS], n = 0, at = -1;
    for (int i = 0; i < u->nctl; i++)
        if (u->ctl[i].focusable) {
            if (u->ctl[i].id == u->focus)
                at = n;
            order[n++] = i;
        }
    u->nprev_acting = 0;
    for (int i = 0; i < u->nctl; i++)
        if (u->ctl[i].focusable && u->ctl[i].acts)
            u->prev_acting[u->nprev_acting++] = u->ctl[i].id;
    if (n == 0)
        return;
    if (u->focus_move) {
        if (at < 0)
            at = u->focus_move > 0 ? 0 : n - 1;
        else
            at = (at + u->focus_move + n) % n;
        u->focus = u->ctl[order[at]].id;
    }
    u->focus_move = 0;
}

static void draw_tip(ui *u)
{
    if (u->tip_candidate != u->tip_id) {
        u->tip_id = u->tip_candidate;
        u->tip_time = 0;
        snprintf(u->tip, sizeof u->tip, "%s", u->tip_candidate_text);
        u->tip_anchor = u->tip_candidate_anchor;
    }
    if (!u->tip_id || u->tip_time < TIP_DELAY)
        return;
    int maxw = u->w / 3 > 20 * u->px_small ? u->w / 3 : 20 * u->px_small;
    if (maxw > u->w - 2 * u->pad)
        maxw = u->w - 2 * u->pad;
    int w = ui_text_w(u, u->px_body, TC_TEXT, u->tip);
    if (w > maxw)
        w = maxw;
    int h = ui_text_h(u, u->px_body, w, TC_TEXT, u->tip);
    SDL_Rect b = {u->tip_anchor.x, u->tip_anchor.y + u->tip_anchor.h + u->gap,
                  w + 2 * u->pad, h + 2 * u->pad};
    if (b.y + b.h > u->h)
        b.y = u->tip_anchor.y - b.h - u->gap;
    if (b.x + b.w > u->w)
        b.x = u->w - b.w;
    if (b.x < 0)
        b.x = 0;
    if (b.y < 0)
        b.y = 0;
    ui_fill(u, b, TC_PANEL);
    ui_frame(u, b, TC_ACCENT, 2);
    u->bg = TC_PANEL;
    ui_label(u, (SDL_Rect){b.x + u->pad, b.y + u->pad, w, h}, u->px_body, TC_TEXT, UI_WRAP,
             u->tip);
}

void ui_end(ui *u)
{
    move_focus(u);
    draw_tip(u);
    u->clicked = 0;
    u->pressed = 0;
    u->wheel = 0;
    u->key = 0;
    u->ntyped = 0;
    u->typed[0] = 0;
}

const ui_control *ui_find(const ui *u, const char *prefix)
{
    size_t n = strlen(prefix);
    for (int i = 0; i < u->nctl; i++)
        if (strncmp(u->ctl[i].label, prefix, n) == 0)
            return &u->ctl[i];
    return NULL;
}
