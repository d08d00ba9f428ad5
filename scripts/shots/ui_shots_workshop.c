/* ui_shots_workshop: both windows of a workshop to BMP, headless.
 *
 *     ui_shots --workshop OUTDIR WIDTHxHEIGHT THEME [TEXT_SCALE]
 *
 * The title in workshop mode, a workshop's briefing with its session cuts
 * (carrier_ransomware, which declares some), then the tutorial as a
 * workshop: the console and the projector before the clock starts, and at
 * the busiest moment of the expert plan with a decision open. Each window
 * is read from its own renderer. Overflowing text and blank frames are
 * reported, on either window, and make the exit status 1. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ui_shots_workshop.h"
#include "ui/ui_tour.h"

static int save(ui *u, const char *dir, const char *name, const char *tag)
{
    char path[2048];
    snprintf(path, sizeof path, "%s/%s-%s.bmp", dir, name, tag);
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, u->w, u->h, 32, SDL_PIXELFORMAT_ARGB8888);
    int bad = 0;
    if (!s || SDL_RenderReadPixels(u->r, NULL, SDL_PIXELFORMAT_ARGB8888, s->pixels, s->pitch) != 0 ||
        SDL_SaveBMP(s, path) != 0) {
        fprintf(stderr, "ui_shots: %s: %s\n", path, SDL_GetError());
        bad = 1;
    }
    SDL_FreeSurface(s);
    for (int i = 0; i < u->noverflow_text; i++)
        fprintf(stderr, "ui_shots: %s-%s: text overflows its box: \"%s\"\n", name, tag,
                u->overflow_text[i]);
    printf("%s\n", path);
    return bad + u->overflows;
}

static int both(app *a, const char *dir, const char *name, const char *tag)
{
    a->toast_left = 0;
    app_frame(a, 0);
    app_frame(a, 0);
    char n[128];
    snprintf(n, sizeof n, "%s-console", name);
    int bad = save(&a->u, dir, n, tag);
    if (!a->has_proj) {
        fprintf(stderr, "ui_shots: %s: the projector is not open\n", name);
        return bad + 1;
    }
    snprintf(n, sizeof n, "%s-projector", name);
    return bad + save(&a->proj, dir, n, tag);
}

int shots_workshop(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: ui_shots --workshop OUTDIR WIDTHxHEIGHT THEME [TEXT_SCALE]\n");
        return 2;
    }
    app_opts o = {0};
    if (sscanf(argv[2], "%dx%d", &o.width, &o.height) != 2) {
        fprintf(stderr, "ui_shots: bad size '%s'\n", argv[2]);
        return 2;
    }
    const char *dir = argv[1];
    o.theme = argv[3];
    o.text_scale = argc > 4 ? atoi(argv[4]) : 100;
    o.software = 1;
    o.no_save_settings = 1;
    o.has_seed = 1;
    o.seed = 1;
    o.workshop = 1;
    char data[] = "/tmp/bulkhead-shots-XXXXXX";
    if (!mkdtemp(data))
        return 1;
    o.data_dir = data;
    char tag[128];
    snprintf(tag, sizeof tag, "%s-%s-%d", argv[2], argv[3], o.text_scale);
    app *a = calloc(1, sizeof *a);
    bh_err e;
    err_clear(&e);
    int bad = 0;
    if (!a || app_init(a, &o, &e) != BH_OK) {
        fprintf(stderr, "ui_shots: %s\n", e.msg);
        bad = 1;
        goto out;
    }
    app_to_title(a);
    app_frame(a, 0);
    app_frame(a, 0);
    bad += save(&a->u, dir, "workshop-title", tag);
    app_open_briefing(a, BH_SOURCE_DIR "/scenarios/carrier_ransomware.lua");
    app_frame(a, 0);
    app_frame(a, 0);
    bad += save(&a->u, dir, "workshop-briefing", tag);
    app_open_briefing(a, BH_SOURCE_DIR "/scenarios/tutorial.lua");
    app_begin(a);
    if (!a->playing) {
        fprintf(stderr, "ui_shots: the workshop did not start: %s\n", a->load_error);
        bad++;
        goto out;
    }
    /* the dummy display is 1024x768: the projector opened as a window fitted
     * to it; shots show it at the size asked for */
    SDL_SetWindowSize(a->proj.win, o.width, o.height);
    bad += both(a, dir, "workshop-before", tag);
    a->started = 1;
    if (tour_drive(a, BH_SOURCE_DIR "/tests/plans/tutorial_expert.plan", -1,
                   TOUR_BUSY_TIME - 60, &e) != BH_OK) {
        fprintf(stderr, "ui_shots: %s\n", e.msg);
        bad++;
        goto out;
    }
    bad += both(a, dir, "workshop-busy", tag);
out:
    if (a)
        app_free(a);
    free(a);
    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", data);
    if (system(cmd) != 0)
        bad++;
    return bad ? 1 : 0;
}
