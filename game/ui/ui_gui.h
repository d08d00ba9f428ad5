/* ui_gui: a small immediate-mode toolkit for the game's screens.
 *
 * Screens are plain functions that run every frame: they lay out, draw and
 * ask "was this clicked?" in one pass, so there is no widget tree to keep in
 * step with the simulation. What must persist between frames is small and
 * lives here: which control has keyboard focus, scroll offsets, and the
 * hovered control's tooltip.
 *
 * Every control is reachable by keyboard: focusable controls are recorded
 * in drawing order each frame, Tab/Shift-Tab and the arrow keys move the
 * focus through that order, and Enter activates. Every text is measured
 * against its box as it is drawn; text that does not fit is counted as an
 * overflow (unless the caller allowed an ellipsis), which the screenshot
 * test fails on. Each frame also keeps a list of controls with their
 * rectangles and labels, so tests can click a control by its label.
 *
 * Four files implement it: ui_gui.c (frame, input, focus, controls,
 * scroll areas), ui_tip.c (tooltips), ui_draw.c (colours, rectangles,
 * text, bars) and ui_icon.c (icons). */
#ifndef UI_GUI_H
#define UI_GUI_H

#include <SDL.h>
#include <stdint.h>

#include "core/err.h"
#include "ui/ui_font.h"
#include "ui/ui_text.h"
#include "ui/ui_theme.h"

/* Flags for ui_label. */
enum {
    UI_WRAP = 1,       /* wrap at the box width; may be taller than the box
                          only inside a scroll area */
    UI_CENTER = 2,
    UI_RIGHT = 4,
    UI_ELLIPSIS = 8,   /* cut with "…" when too wide; not an overflow */
    UI_VCENTER = 16
};

#define UI_MAX_CONTROLS 512
#define UI_MAX_OVERFLOWS 16

typedef struct ui_control {
    uint32_t id;
    SDL_Rect r;        /* on screen, after scrolling */
    char label[96];
    int focusable;
    int acts;          /* Enter on it does something (not a text area) */
    int visible;       /* its centre is on screen (not scrolled out of view) */
    int on;            /* a toggle drawn selected */
} ui_control;

typedef struct ui_scroll {
    int y;             /* content offset in pixels */
    int content_h;
    SDL_Rect view;
    int want;          /* a focused control asked to be scrolled into view */
    int has_focus;     /* the focused control is in this area: PgUp/PgDn scroll it */
    int want_top, want_bottom;
    uint32_t wheeled_from; /* the focused control the wheel scrolled away
                              from: it is not pulled back into view */
} ui_scroll;

/* Called by ui_label with each string it draws, whole (before it is
 * wrapped or cut with an ellipsis), and the rectangle it was drawn in:
 * the leak and layout tests see what a screen showed, and where. */
typedef void (*ui_record_fn)(void *ctx, const char *text, SDL_Rect r);

typedef struct ui {
    SDL_Window *win;
    SDL_Renderer *r;
    ui_font font;
    ui_text_cache text;
    ui_theme theme;
    int w, h;          /* output size in pixels */
    int text_scale;    /* percent */
    /* Sizes derived from the window and the text scale each frame. */
    int px_small, px_body, px_head, px_title, px_huge;
    int pad, gap, line;

    /* Input gathered from this frame's events. */
    int mx, my, mouse_in;
    int clicked;       /* left button released this frame */
    int pressed;       /* left button went down this frame */
    int wheel;
    SDL_Keycode key;   /* the frame's key press, 0 once a control used it */
    char typed[256];   /* text typed this frame (SDL text input), UTF-8 */
    int ntyped;
    Uint16 mod;
    /* The text the frame's key press typed (SDL sends it after the key):
     * where it starts in `typed` and its length, -1 while it has not come;
     * drop_text: a key already used whose character may still come (then
     * it is dropped); last_key: the last key pressed. */
    int key_text_at, key_text_len;
    SDL_Keycode drop_text, last_key;

    /* Focus, by control id, across frames. */
    uint32_t focus;
    int focus_move;    /* +1 / -1 requested this frame */
    int focus_visible; /* the keyboard was used: draw the focus ring */
    uint32_t scope;    /* id prefix: the current screen or dialog */
    int modal;         /* controls below a modal layer are inert */
    int layer;         /* the current layer; controls act when >= modal */

    ui_control ctl[UI_MAX_CONTROLS];
    int nctl;
    uint32_t prev_acting[UI_MAX_CONTROLS]; /* last frame's controls that take Enter */
    int nprev_acting;

    ui_scroll *scroll; /* the scroll area being drawn, or NULL */
    int oy;            /* its offset */
    SDL_Rect clip;
    int clipping;

    /* Tooltip: the control under the mouse, or focused, with help text. */
    uint32_t tip_id;
    double tip_time;
    char tip[600];
    SDL_Rect tip_anchor;
    uint32_t tip_candidate;
    char tip_candidate_text[600];
    SDL_Rect tip_candidate_anchor;
    SDL_Rect tip_box;  /* where the tooltip was drawn (w 0: none) */

    /* What text is being drawn on: labels are rendered opaque against it.
     * ui_begin sets the background, ui_panel the panel colour; code that
     * draws text on anything else says so. */
    ui_theme_color bg;

    int overflows;
    char overflow_text[UI_MAX_OVERFLOWS][128];
    int noverflow_text;
    bh_err err;        /* the first drawing error of the frame */
    int failed;

    ui_record_fn record; /* NULL unless a test listens */
    void *record_ctx;
} ui;

/* ---- frame ---- */
/* Set sizes from the window and text scale; clear the frame's controls. */
void ui_begin(ui *u, double dt);
/* Feed one SDL event (mouse, keys, wheel, window size). */
void ui_event(ui *u, const SDL_Event *e);
/* Move focus as asked, settle the tooltip, draw it, and present. */
void ui_end(ui *u);
/* Settle this frame's tooltip and draw it once it is due (ui_end does). */
void ui_tip_draw(ui *u);

uint32_t ui_id(ui *u, const char *key);
uint32_t ui_idn(ui *u, const char *key, int n);

/* ---- drawing ---- */
SDL_Color ui_color(const ui *u, ui_theme_color c);
void ui_fill(ui *u, SDL_Rect r, ui_theme_color c);
void ui_frame(ui *u, SDL_Rect r, ui_theme_color c, int thickness);
void ui_panel(ui *u, SDL_Rect r);
/* Draw text in `box`; returns the height used. Records an overflow when
 * the text does not fit (see the flags). A box of height 0 sets no limit:
 * the caller lays out from the height returned. */
int ui_label(ui *u, SDL_Rect box, int px, ui_theme_color c, int flags, const char *text);
/* Height `text` takes wrapped at `w`; width of one line. */
int ui_text_h(ui *u, int px, int w, ui_theme_color c, const char *text);
int ui_text_w(ui *u, int px, ui_theme_color c, const char *text);
/* The longest prefix of `text` (cut at a UTF-8 boundary) that with "…"
 * after it fits one line of width `w` (maxh <= 0), or `maxh` pixels when
 * wrapped at `w`. */
void ui_cut(ui *u, int px, int w, int maxh, const char *text, char *out, size_t n);
/* A horizontal bar: `frac` of it filled with colour `c`. */
void ui_bar(ui *u, SDL_Rect r, double frac, ui_theme_color c);
/* A small shape that carries meaning without colour. */
typedef enum {
    ICON_CHECK, ICON_WARN, ICON_CROSS, ICON_LOCK, ICON_BLOCK, ICON_OFF, ICON_CYCLE,
    ICON_UP, ICON_DOWN, ICON_FLAT, ICON_DOT
} ui_icon_kind;
void ui_icon(ui *u, SDL_Rect r, ui_icon_kind k, ui_theme_color c);

/* ---- controls ---- */
/* A button with `label`; `key` (0 for none) is a hotkey that presses it.
 * `tip` (may be NULL) is shown when it is hovered or focused. Returns 1
 * when activated this frame. */
int ui_button(ui *u, uint32_t id, SDL_Rect r, const char *label, SDL_Keycode key,
              const char *tip);
/* Like ui_button but drawn selected (inverted) when `on`. */
int ui_toggle(ui *u, uint32_t id, SDL_Rect r, const char *label, int on, SDL_Keycode key,
              const char *tip);
/* Register a rectangle as a focusable, clickable control drawn by the
 * caller. Returns 1 when activated; *hot tells whether it is hovered or
 * focused. */
int ui_area(ui *u, uint32_t id, SDL_Rect r, const char *label, const char *tip, int *hot);
/* A focusable stretch of text: focus lets the keyboard scroll it (Page Up
 * and Page Down); Enter passes through to the screen's hotkeys. */
void ui_text_area(ui *u, uint32_t id, SDL_Rect r, const char *label, const char *tip);
int ui_focused(const ui *u, uint32_t id);
/* 1 when controls drawn now respond (not under a modal layer). */
int ui_live(const ui *u);
void ui_set_focus(ui *u, uint32_t id);
/* Consume the frame's key if it is `key` (with no Ctrl/Alt); returns 1. */
int ui_key(ui *u, SDL_Keycode key);
/* The key just used opened a text box: the character it types (now or
 * with the next events) is not typed into it. */
void ui_drop_key_text(ui *u);

/* ---- scroll areas ---- */
/* Controls and labels between begin and end are drawn at y - s->y and
 * clipped to `view`. End handles the wheel and draws a scroll bar. */
void ui_scroll_begin(ui *u, ui_scroll *s, SDL_Rect view);
void ui_scroll_end(ui *u, int content_h);

/* ---- tests ---- */
const ui_control *ui_find(const ui *u, const char *label_prefix);

#endif
