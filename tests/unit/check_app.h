/* check_app.h: the game's app for the UI tests, headless: a software
 * renderer under SDL's dummy driver, in a fresh temporary data folder that
 * check_app_close removes. Header-only like check.h; include after it. */
#ifndef CHECK_APP_H
#define CHECK_APP_H

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "ui/ui_app.h"

typedef struct check_app {
    app *a;
    char data[64];
} check_app;

/* The app at w x h in `theme` with `scale`% text, or NULL (said on stderr). */
__attribute__((unused)) static app *check_app_open(check_app *c, int w, int h, const char *theme,
                                                   int scale)
{
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    snprintf(c->data, sizeof c->data, "/tmp/bh-ui-app-XXXXXX");
    c->a = NULL;
    if (!mkdtemp(c->data)) {
        c->data[0] = 0;
        return NULL;
    }
    app_opts o = {.width = w, .height = h, .theme = theme, .text_scale = scale, .software = 1,
                  .no_save_settings = 1, .has_seed = 1, .seed = 1, .data_dir = c->data};
    bh_err e;
    err_clear(&e);
    app *a = calloc(1, sizeof *a);
    if (!a || app_init(a, &o, &e) != BH_OK) {
        fprintf(stderr, "app_init: %s\n", e.msg);
        free(a);
        return NULL;
    }
    return c->a = a;
}

__attribute__((unused)) static void check_app_close(check_app *c)
{
    if (c->a)
        app_free(c->a);
    free(c->a);
    c->a = NULL;
    if (c->data[0]) {
        char cmd[128];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", c->data);
        CHECK(system(cmd) == 0);
    }
}

#endif
