/* ui_theme: colour palettes read from assets/themes/NAME.theme.
 *
 * A theme is a text file of "key #rrggbb" lines, so facilitators can add
 * palettes without a rebuild. Every key is required but the chart's
 * series colours; a missing or malformed one is an error naming the file
 * and line. */
#ifndef UI_THEME_H
#define UI_THEME_H

#include <stdint.h>

#include "core/err.h"

typedef struct ui_rgb {
    uint8_t r, g, b;
} ui_rgb;

/* The chart's series colours (series1..series8) are optional in a theme
 * file: a palette that leaves them out gets eight distinct ones that suit
 * its background, light or dark. */
typedef enum {
    TC_BACKGROUND, TC_PANEL, TC_PANEL_BORDER, TC_TEXT, TC_TEXT_DIM, TC_ACCENT, TC_FOCUS,
    TC_GOOD, TC_WARNING, TC_BAD, TC_BAR_TRACK,
    TC_SERIES1, TC_SERIES2, TC_SERIES3, TC_SERIES4, TC_SERIES5, TC_SERIES6, TC_SERIES7,
    TC_SERIES8, TC__COUNT
} ui_theme_color;
#define UI_SERIES 8

typedef struct ui_theme {
    char name[64];
    ui_rgb c[TC__COUNT];
} ui_theme;

bh_status ui_theme_load(ui_theme *t, const char *path, bh_err *err);
const char *ui_theme_key(ui_theme_color c);
/* WCAG contrast ratio between two colours, 1 to 21. */
double ui_contrast(ui_rgb a, ui_rgb b);

#endif
