/* ui_font: finding and opening the game's font.
 *
 * Fonts come from the system through fontconfig (the project ships none),
 * or from a file the user names with --font. Each pixel size is opened
 * once and kept. Failures come back as bh_err values whose message says
 * how to fix them: which package to install, or which flag to pass. */
#ifndef UI_FONT_H
#define UI_FONT_H

#include <SDL_ttf.h>

#include "core/err.h"

#define UI_FONT_SIZES 16

typedef struct ui_font {
    char path[1024];
    struct {
        int px;
        TTF_Font *font;
    } sizes[UI_FONT_SIZES];
    int nsizes;
} ui_font;

/* Find a font file: `override` when given (it must exist), else the best
 * match fontconfig has for `family` (e.g. "DejaVu Sans"). */
bh_status ui_font_find(const char *override, const char *family, char *out, size_t n,
                       bh_err *err);
/* Prepare `f` for the font file at `path` (TTF_Init must have run). */
bh_status ui_font_open(ui_font *f, const char *path, bh_err *err);
/* The font at a pixel size, opened on first use; NULL (with err) on failure. */
TTF_Font *ui_font_at(ui_font *f, int px, bh_err *err);
void ui_font_close(ui_font *f);

#endif
