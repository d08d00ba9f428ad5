/* ui_win: one window with its own renderer, font and text cache (see
 * ui_win.h). Shared by the console's start-up (ui_boot.c) and the
 * workshop's projector (ui_workshop.c). */
#include "ui/ui_win.h"

#include <string.h>

Uint32 ui_win_renderer_flags(int software, int vsync)
{
    if (software)
        return SDL_RENDERER_SOFTWARE;
    return SDL_RENDERER_ACCELERATED | (vsync ? SDL_RENDERER_PRESENTVSYNC : 0);
}

bh_status ui_win_open(ui *u, const ui_win_spec *s, bh_err *err)
{
    u->win = SDL_CreateWindow(s->title, s->x, s->y, s->w, s->h,
                              s->flags | SDL_WINDOW_ALLOW_HIGHDPI);
    if (!u->win)
        return err_set(err, BH_EIO, "", 0,
                       "could not open a window (%s). Run the game on a desktop session, "
                       "or headless with: xvfb-run -a scripts/play",
                       SDL_GetError());
    if (s->min_w > 0 && s->min_h > 0)
        SDL_SetWindowMinimumSize(u->win, s->min_w, s->min_h);
    u->r = SDL_CreateRenderer(u->win, -1, ui_win_renderer_flags(s->software, s->vsync));
    if (!u->r)
        u->r = SDL_CreateRenderer(u->win, -1, SDL_RENDERER_SOFTWARE);
    if (!u->r) {
        err_set(err, BH_EIO, "", 0, "could not create a renderer: %s", SDL_GetError());
        ui_win_close(u);
        return BH_EIO;
    }
    /* Every colour is opaque: blending fills would only cost time (about
     * 6 ms a frame at 1080p in the software renderer). */
    SDL_SetRenderDrawBlendMode(u->r, SDL_BLENDMODE_NONE);
    bh_status st = ui_font_open(&u->font, s->font, err);
    if (st == BH_OK)
        st = ui_text_init(&u->text, u->r, &u->font, s->text_cache > 0 ? s->text_cache : 256,
                          err);
    if (st != BH_OK)
        ui_win_close(u);
    return st;
}

void ui_win_close(ui *u)
{
    ui_text_free(&u->text);
    ui_font_close(&u->font);
    if (u->r)
        SDL_DestroyRenderer(u->r);
    if (u->win)
        SDL_DestroyWindow(u->win);
    u->r = NULL;
    u->win = NULL;
    memset(&u->font, 0, sizeof u->font);
}
