/* ui_shots: render every screen of the game to BMP files, headless.
 *
 *     ui_shots OUTDIR WIDTHxHEIGHT THEME [TEXT_SCALE [SCENARIO BUSY_SECONDS [PLAN]]]
 *     ui_shots OUTDIR WIDTHxHEIGHT THEME TEXT_SCALE projector
 *
 *     ui_shots --workshop OUTDIR WIDTHxHEIGHT THEME [TEXT_SCALE]
 *
 * The second form draws the workshop's projector screen in each of its
 * states (ui_shots_proj.c); the third, both windows of a workshop
 * (ui_shots_workshop.c).
 * SCENARIO names scenarios/SCENARIO.lua, driven by its expert plan up to
 * BUSY_SECONDS for the operations-room shots (default: the tutorial); PLAN
 * picks another of its plans, tests/plans/SCENARIO_PLAN.plan (`room`: the
 * tutorial with the room's votes, for the debrief's decisions tab).
 *
 * scripts/screenshots runs it under the dummy video driver for each theme
 * and size and converts the BMPs to PNG. It reports text that overflowed
 * its box on each screen and exits 1 if any did, or if a screen is blank. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ui_shots.h"

void shot_ui(shots *s, ui *u, const char *name)
{
    char path[2048];
    snprintf(path, sizeof path, "%s/%s-%s.bmp", s->dir, name, s->tag);
    bh_err e;
    if (tour_save_ui_bmp(u, path, &e) != BH_OK) {
        fprintf(stderr, "ui_shots: %s\n", e.msg);
        s->problems++;
    }
    if (tour_ui_blank(u)) {
        fprintf(stderr, "ui_shots: %s: the screen is blank\n", name);
        s->problems++;
    }
    for (int i = 0; i < u->noverflow_text; i++)
        fprintf(stderr, "ui_shots: %s-%s: text overflows its box: \"%s\"\n", name, s->tag,
                u->overflow_text[i]);
    s->problems += u->overflows;
    printf("%s\n", path);
}

static void on_shot(void *ud, app *a, const char *name) { shot_ui(ud, &a->u, name); }

int main(int argc, char **argv)
{
    int workshop = argc > 1 && strcmp(argv[1], "--workshop") == 0;
    if (workshop) { /* both windows of a workshop */
        argc--;
        argv++;
    }
    if (argc < 4) {
        fprintf(stderr, "usage: ui_shots OUTDIR WIDTHxHEIGHT THEME [TEXT_SCALE]\n");
        return 2;
    }
    app_opts o = {0};
    if (sscanf(argv[2], "%dx%d", &o.width, &o.height) != 2) {
        fprintf(stderr, "ui_shots: bad size '%s'\n", argv[2]);
        return 2;
    }
    o.theme = argv[3];
    o.text_scale = argc > 4 ? atoi(argv[4]) : 100;
    o.software = 1;
    o.no_save_settings = 1;
    o.has_seed = 1;
    o.seed = 1;
    o.workshop = workshop;
    char data[] = "/tmp/bulkhead-shots-XXXXXX";
    if (!mkdtemp(data)) {
        perror("ui_shots: mkdtemp");
        return 1;
    }
    o.data_dir = data;
    /* the title's second group: a player's own scenario folder */
    o.user_scenario_dir = BH_SOURCE_DIR "/tests/fixtures/ui/user_scenarios";
    char tag[128];
    snprintf(tag, sizeof tag, "%s%s%s-%s-%d", argc > 5 ? argv[5] : "", argc > 5 ? "-" : "",
             argv[2], argv[3], o.text_scale);
    shots s = {argv[1], tag, 0};
    app *a = calloc(1, sizeof *a);
    bh_err e;
    err_clear(&e);
    int rc = 0;
    if (!a || app_init(a, &o, &e) != BH_OK) {
        fprintf(stderr, "ui_shots: %s\n", e.msg);
        rc = 1;
    } else if (workshop) {
        if (shots_workshop(a, &s, &e) != BH_OK) {
            fprintf(stderr, "ui_shots: %s\n", e.msg);
            rc = 1;
        }
        rc |= s.problems > 0;
    } else if (argc > 5 && strcmp(argv[5], "projector") == 0) {
        snprintf(tag, sizeof tag, "%s-%s-%d", argv[2], argv[3], o.text_scale);
        if (shots_projector(a, &s, &e) != BH_OK) {
            char buf[1200];
            fprintf(stderr, "ui_shots: %s\n", err_format(&e, buf, sizeof buf));
            rc = 1;
        }
        rc |= s.problems > 0;
    } else {
        const char *name = argc > 5 ? argv[5] : "tutorial";
        char scn[1024], plan[1024];
        snprintf(scn, sizeof scn, "%s/scenarios/%s.lua", BH_SOURCE_DIR, name);
        snprintf(plan, sizeof plan, "%s/tests/plans/%s_%s.plan", BH_SOURCE_DIR, name,
                 argc > 7 ? argv[7] : "expert");
        tour_paths p = {scn, plan, BH_SOURCE_DIR "/tests/fixtures/ui/broken.lua",
                        BH_SOURCE_DIR "/tests/fixtures/ui/runtime_error.lua",
                        argc > 6 ? atoi(argv[6]) : 0};
        if (tour_run(a, &p, on_shot, &s, &e) != BH_OK) {
            char buf[1200];
            fprintf(stderr, "ui_shots: %s\n", err_format(&e, buf, sizeof buf));
            rc = 1;
        }
        rc |= s.problems > 0;
    }
    if (a)
        app_free(a);
    free(a);
    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", data);
    if (system(cmd) != 0)
        fprintf(stderr, "ui_shots: could not remove %s\n", data);
    return rc;
}
