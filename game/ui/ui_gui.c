/* ui_gui: the toolkit's frame, input and controls (see ui_gui.h): control
 * ids, the frame's sizes, SDL events, focus and the keyboard, buttons and
 * clickable areas, scroll areas, and the list of controls tests click by
 * label. Drawing is in ui_draw.c, icons in ui_icon.c, the tooltip in
 * ui_tip.c. */
#include "ui/ui_gui.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

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
    u->drop_text = 0; /* only the events right after the key can be its text */
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
        int dropped = u->drop_text && n == 1 && (SDL_Keycode)SDL_tolower(e->text.text[0]) ==
                                                     (SDL_Keycode)u->drop_text;
        u->drop_text = 0;
        if (dropped)
            break;
        if (u->key_text_len < 0) {
            u->key_text_at = u->ntyped;
            u->key_text_len = (int)n;
        }
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
        u->key_text_len = -1;
        u->drop_text = 0;
        u->last_key = k;
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
    c->on = 0;
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

void ui_drop_key_text(ui *u)
{
    if (u->key_text_len < 0) {
        u->drop_text = u->last_key; /* it may come with the next events */
    } else if (u->key_text_len > 0 && u->key_text_at + u->key_text_len <= u->ntyped) {
        memmove(u->typed + u->key_text_at, u->typed + u->key_text_at + u->key_text_len,
                (size_t)(u->ntyped - u->key_text_at - u->key_text_len) + 1);
        u->ntyped -= u->key_text_len;
    }
    u->key_text_len = 0;
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
        /* keep the focused control in view, unless the reader wheeled away */
        u->scroll->has_focus = 1;
        u->scroll->want = u->scroll->wheeled_from != id;
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
    if (u->nctl > 0 && u->ctl[u->nctl - 1].id == id)
        u->ctl[u->nctl - 1].on = on;
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
        /* the wheel outranks the focus: a clicked row must not pull the
         * list back to itself */
        s->wheeled_from = s->has_focus ? u->focus : 0;
        s->want = 0;
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

void ui_end(ui *u)
{
    move_focus(u);
    ui_tip_draw(u);
    u->clicked = 0;
    u->pressed = 0;
    u->wheel = 0;
    u->key = 0;
    u->ntyped = 0;
    u->typed[0] = 0;
    u->key_text_at = 0;
    if (u->key_text_len > 0)
        u->key_text_len = 0;
}

const ui_control *ui_find(const ui *u, const char *prefix)
{
    size_t n = strlen(prefix);
    for (int i = 0; i < u->nctl; i++)
        if (strncmp(u->ctl[i].label, prefix, n) == 0)
            return &u->ctl[i];
    return NULL;
}
