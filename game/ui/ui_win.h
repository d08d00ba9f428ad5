/* ui_win: opening and closing one window of the game with everything that
 * belongs to it alone: the SDL window, its renderer, its font sizes and its
 * text cache (SDL textures cannot be shared between renderers). The
 * console (a->u) and a workshop's projector (a->proj) are each one of
 * these. ui_win_open cleans up after itself when it fails, and
 * ui_win_close is safe on a zeroed or half-opened `ui`, so nothing leaks
 * on any path. SDL and SDL_ttf must have been started (ui_boot.c). */
#ifndef UI_WIN_H
#define UI_WIN_H

#include "ui/ui_gui.h"

typedef struct ui_win_spec {
    const char *title;
    int x, y, w, h;       /* SDL_WINDOWPOS_* allowed for x and y */
    Uint32 flags;         /* SDL_WINDOW_* beyond SDL_WINDOW_ALLOW_HIGHDPI */
    int min_w, min_h;     /* 0: no minimum */
    int software;         /* the software renderer only */
    int vsync;            /* ask for vsync: one window only (SDL #6541) */
    const char *font;     /* the font file (ui_font_find) */
    int text_cache;       /* entries in the text cache */
} ui_win_spec;

/* The flags asked of SDL_CreateRenderer for a window that is (not)
 * software-only and does (not) want vsync. */
Uint32 ui_win_renderer_flags(int software, int vsync);
/* Open the window described by `s` into u->win, u->r, u->font and u->text
 * (the rest of `u` is left as it is). On failure everything opened is
 * closed again and err says why, naming the fix. */
bh_status ui_win_open(ui *u, const ui_win_spec *s, bh_err *err);
/* Close what ui_win_open made and zero those fields. */
void ui_win_close(ui *u);

#endif
