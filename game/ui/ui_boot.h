/* ui_boot: starting the game and shutting it down (ui_boot.c). Internal to
 * game/ui: the shell's app_init and app_free call these. */
#ifndef UI_BOOT_H
#define UI_BOOT_H

#include "ui/ui_app.h"

/* Clear `a`, find the folders, read the settings, open the window, load
 * the font and the theme. Errors name the fix (a package to install, a
 * flag to pass, headless commands). */
bh_status boot_open(app *a, const app_opts *o, bh_err *err);
/* Free what boot_open made, whether or not it finished. */
void boot_close(app *a);

#endif
