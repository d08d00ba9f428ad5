/* ui_shots: render every screen of the game to BMP files, headless.
 *
 *     ui_shots OUTDIR WIDTHxHEIGHT THEME [TEXT_SCALE [SCENARIO BUSY_SECONDS]]
 *     ui_shots OUTDIR WIDTHxHEIGHT THEME TEXT_SCALE projector
 *
 * The second form draws the workshop's projector (screen_projector) in
 * each of its states (rv_tour: before, playing with a decision open,
 * paused, blank, a discussion slide, the ending, the hot wash) from a
 * session of the tutorial, as proj_STATE-SIZE-THEME-SCALE.bmp.
 *
 * SCENARIO names scenarios/SCENARIO.lua, driven by its expert plan up to
 * BUSY_SECONDS for the operations-room shots (default: the tutorial).
 *
 * scripts/screenshots runs it under the dummy video driver for each theme
 * and size and converts the BMPs to PNG. It reports text that overflowed
 * its box on each screen and exits 1 if any did, or if a screen is blank. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "room/rv_tour.h"
#include "ui/ui_proj.h"
#include "ui/ui_tour.h"

typedef struct shots {
    const char *dir, *tag;
    int problems;
} shots;

static void on_shot(void *ud, app *a, const char *name)
{
    shots *s = ud;
    char path[2048];
    snprintf(path, sizeof path, "%s/%s-%s.bmp", s->dir, name, s->tag);
    bh_err e;
    if (tour_save_bmp(a, path, &e) != BH_OK) {
        fprintf(stderr, "ui_shots: %s\n", e.msg);
        s->problems++;
    }
    if (tour_frame_blank(a)) {
        fprintf(stderr, "ui_shots: %s: the screen is blank\n", name);
        s->problems++;
    }
    for (int i = 0; i < a->u.noverflow_text; i++)
        fprintf(stderr, "ui_shots: %s-%s: text overflows its box: \"%s\"\n", name, s->tag,
                a->u.overflow_text[i]);
    s->problems += a->u.overflows;
    printf("%s\n", path);
}

typedef struct proj_shots {
    shots *s;
    app *a;
} proj_shots;

static void on_proj(void *ud, const char *state, const rv_model *m)
{
    proj_shots *p = ud;
    /* two frames, as the game's shots: the first fills the text cache */
    for (int i = 0; i < 2; i++) {
        ui_begin(&p->a->u, 0);
        screen_projector(&p->a->u, m);
        ui_end(&p->a->u);
    }
    char name[96];
    snprintf(name, sizeof name, "proj_%s", state);
    on_shot(p->s, p->a, name);
}

static bh_status projector(app *a, shots *s, bh_err *e)
{
    rv_tour_opts o = {.scenario = BH_SOURCE_DIR "/scenarios/tutorial.lua",
                      .plan = BH_SOURCE_DIR "/tests/plans/tutorial_expert.plan",
                      .busy = 22 * 60, .quiet = 40 * 60,
                      .join = "Open bulkhead.local on the room's Wi-Fi and enter the code 4711"};
    proj_shots p = {s, a};
    return rv_tour(&o, on_proj, &p, e);
}

int main(int argc, char **argv)
{
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
    } else if (argc > 5 && strcmp(argv[5], "projector") == 0) {
        snprintf(tag, sizeof tag, "%s-%s-%d", argv[2], argv[3], o.text_scale);
        if (projector(a, &s, &e) != BH_OK) {
            char buf[1200];
            fprintf(stderr, "ui_shots: %s\n", err_format(&e, buf, sizeof buf));
            rc = 1;
        }
        rc |= s.problems > 0;
    } else {
        const char *name = argc > 5 ? argv[5] : "tutorial";
        char scn[1024], plan[1024];
        snprintf(scn, sizeof scn, "%s/scenarios/%s.lua", BH_SOURCE_DIR, name);
        snprintf(plan, sizeof plan, "%s/tests/plans/%s_expert.plan", BH_SOURCE_DIR, name);
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
