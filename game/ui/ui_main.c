/* ui_main: the entry point of the game module that `bulkhead` loads. */
#include <stdio.h>
#include <stdlib.h>

#include "ui/ui_app.h"

__attribute__((visibility("default"))) int bh_game_main(const app_opts *o);

int bh_game_main(const app_opts *o)
{
    app *a = calloc(1, sizeof *a);
    if (!a) {
        fprintf(stderr, "bulkhead: error: out of memory\n");
        return 1;
    }
    bh_err err;
    err_clear(&err);
    int status = 0;
    if (app_init(a, o, &err) != BH_OK) {
        char buf[1200];
        fprintf(stderr, "bulkhead: error: %s\n", err_format(&err, buf, sizeof buf));
        status = 1;
    } else {
        app_run(a);
    }
    app_free(a);
    free(a);
    return status;
}
