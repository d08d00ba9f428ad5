/* ui_settings: the player's settings, kept as JSON in the user's data
 * folder (SDL_GetPrefPath). Saving writes a temporary file, flushes it and
 * renames it over the old one, so a crash never leaves half a file. A file
 * that cannot be read gives the defaults and an error naming it; it is not
 * overwritten until the player changes a setting. */
#ifndef UI_SETTINGS_H
#define UI_SETTINGS_H

#include "core/err.h"

typedef struct ui_settings {
    int text_scale;    /* percent, 100..200 */
    char theme[64];    /* dark | light | high_contrast */
    int speed;         /* default speed: 0 (paused), 1, 2, 4 or 8 */
    int fullscreen;
} ui_settings;

void ui_settings_default(ui_settings *s);
/* Load from `path`. A missing file is not an error. */
bh_status ui_settings_load(ui_settings *s, const char *path, bh_err *err);
bh_status ui_settings_save(const ui_settings *s, const char *path, bh_err *err);

#endif
