/* bench_ui: frame time of the operations room at its busiest, headless.
 *
 *     bench_ui [FRAMES] [WIDTHxHEIGHT]
 *     bench_ui --workshop [FRAMES] [WIDTHxHEIGHT]
 *     bench_ui --love-scene FRAMES    (the scene for comparing engines: bench_love.c)
 *
 * Puts the tutorial at the busiest moment of its expert plan (messages in,
 * actions running, a decision waiting, the full board on screen), then
 * draws FRAMES frames and prints the median and 95th percentile frame time,
 * the time from start-up to the first presented frame, and peak RSS. With
 * --workshop the session is a workshop and a projector window of the same
 * size shows the room's view of it: one app_frame draws and presents both,
 * so the times are the pair's. Run it
 * under SDL_VIDEODRIVER=dummy (the software renderer) or offscreen (OpenGL
 * on llvmpipe); scripts/bench/run does both. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "bench_love.h"
#include "ui/ui_tour.h"

double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--love-scene") == 0)
        return bench_love(argc > 2 && atoi(argv[2]) >= 10 ? atoi(argv[2]) : 1000);
    double t0 = now_ms();
    app_opts o = {0};
    /* --workshop: the same scene with a projector beside the console */
    if (argc > 1 && strcmp(argv[1], "--workshop") == 0) {
        o.workshop = 1;
        argv++;
        argc--;
    }
    int frames = argc > 1 ? atoi(argv[1]) : 300;
    o.width = 1920;
    o.height = 1080;
    if (argc > 2 && sscanf(argv[2], "%dx%d", &o.width, &o.height) != 2) {
        fprintf(stderr, "bench_ui: bad size '%s'\n", argv[2]);
        return 2;
    }
    if (frames < 10)
        frames = 10;
    const char *drv = getenv("SDL_VIDEODRIVER");
    o.software = !drv || strcmp(drv, "offscreen") != 0;
    o.no_save_settings = 1;
    o.has_seed = 1;
    o.seed = 1;
    o.scenario = BH_SOURCE_DIR "/scenarios/tutorial.lua";
    char data[] = "/tmp/bulkhead-bench-XXXXXX";
    if (!mkdtemp(data))
        return 1;
    o.data_dir = data;
    app *a = calloc(1, sizeof *a);
    bh_err e;
    err_clear(&e);
    int rc = 1;
    if (!a || app_init(a, &o, &e) != BH_OK) {
        fprintf(stderr, "bench_ui: %s\n", e.msg);
        goto out;
    }
    app_frame(a, 0); /* the briefing: the first presented frame */
    double first = now_ms() - t0;
    app_begin(a);
    if (o.workshop && a->has_proj) {
        /* the dummy display is smaller than 1080p: the projector is sized
         * as a projector of the same size as the console would have it */
        SDL_SetWindowSize(a->proj.win, o.width, o.height);
        a->started = 1;
    }
    if (!a->playing || o.workshop != a->has_proj ||
        tour_drive(a, BH_SOURCE_DIR "/tests/plans/tutorial_expert.plan", -1,
                   TOUR_BUSY_TIME - 60, &e) != BH_OK) {
        fprintf(stderr, "bench_ui: could not reach the busy state: %s\n", e.msg);
        goto out;
    }
    size_t n;
    sim_inbox(a->game.sim, &n);
    a->inbox_sel = n ? (int)n - 1 : -1;
    a->dec_collapsed = 1; /* the whole room on screen, with the decision banner */
    play_set_speed(&a->game, 0);
    for (int i = 0; i < 10; i++) /* warm the text cache */
        app_frame(a, 0);
    long raster0 = a->u.text.rasterised;
    double *ms = calloc((size_t)frames, sizeof *ms);
    for (int i = 0; i < frames; i++) {
        double s = now_ms();
        app_frame(a, 0);
        ms[i] = now_ms() - s;
    }
    qsort(ms, (size_t)frames, sizeof *ms, cmp);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    SDL_RendererInfo ri;
    SDL_GetRendererInfo(a->u.r, &ri);
    if (o.workshop) /* one app_frame draws and presents both windows: the pair's time */
        printf("workshop pair (%s driver, console %s %dx%d + projector %dx%d, busiest tutorial "
               "state, %d frames): median %.2f ms, p95 %.2f ms (target: median under 3 ms, "
               "p95 under 6 ms)\n",
               SDL_GetCurrentVideoDriver(), ri.name, a->u.w, a->u.h, a->proj.w, a->proj.h,
               frames, ms[frames / 2], ms[frames * 95 / 100]);
    else
        printf("ui frame (%s driver, %s renderer, %dx%d, busiest tutorial state, %d frames): "
               "median %.2f ms, p95 %.2f ms (target: median under 2 ms)\n",
               SDL_GetCurrentVideoDriver(), ri.name, a->u.w, a->u.h, frames, ms[frames / 2],
               ms[frames * 95 / 100]);
    printf("ui text rasterised during the measured frames: %ld (unchanged text is cached)\n",
           a->u.text.rasterised - raster0);
    printf("ui start-up to the first presented frame (in process): %.1f ms (target: under 150 ms)\n",
           first);
    printf("ui peak RSS: %.1f MiB (target: under 80 MB)\n", ru.ru_maxrss / 1024.0);
    free(ms);
    rc = 0;
out:
    if (a)
        app_free(a);
    free(a);
    char cmd[96];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", data);
    if (system(cmd) != 0)
        rc = 1;
    return rc;
}
