/* bench_ui_more: two more scenes for bench_ui, each printing figures (not a
 * timed test).
 *
 * --workshop FRAMES: a workshop of the tutorial at the busiest moment of
 * its expert plan, the console showing the operations room as bench_ui's
 * busiest scene does and the projector the room view model of the same
 * session, each window 1920x1080. One app_frame draws and presents both,
 * so its time is the pair's; the median and 95th percentile are printed.
 *
 * --love-scene FRAMES: one 1280x720 window, 20 filled rectangles 230x160
 * at x = (i mod 5)*250 + 10, y = (i / 5)*175 + 10, each its own colour, and
 * then 60 lines of 100 characters of DejaVu Sans at 16 px in white at
 * x = 10, y = 12k, through Bulkhead's own renderer and text cache. The
 * lines cross the rectangles, so they are drawn with the transparent
 * (blended) path, ui_text, not the opaque one (ui_text_on) that only looks
 * right on one known background. Prints the mean (what other engines
 * report), the median and the 95th percentile. BENCH_LOVE_SHOT=FILE.bmp
 * saves one frame, to look at. */
#include "bench_ui_more.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ui/ui_tour.h"
#include "ui/ui_win.h"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static int software_wanted(void)
{
    const char *drv = getenv("SDL_VIDEODRIVER");
    return !drv || strcmp(drv, "offscreen") != 0;
}

/* ---- both windows of a workshop ---- */

int bench_workshop(int frames)
{
    app_opts o = {0};
    o.width = 1920;
    o.height = 1080;
    o.software = software_wanted();
    o.no_save_settings = 1;
    o.has_seed = 1;
    o.seed = 1;
    o.workshop = 1;
    o.scenario = BH_SOURCE_DIR "/scenarios/tutorial.lua";
    char data[] = "/tmp/bulkhead-bench-XXXXXX";
    if (!mkdtemp(data))
        return 1;
    o.data_dir = data;
    app *a = calloc(1, sizeof *a);
    bh_err e;
    err_clear(&e);
    int rc = 1;
    double *ms = NULL;
    if (!a || app_init(a, &o, &e) != BH_OK) {
        fprintf(stderr, "bench_ui: %s\n", e.msg);
        goto out;
    }
    app_frame(a, 0);
    app_begin(a);
    if (!a->playing || !a->has_proj ||
        tour_drive(a, BH_SOURCE_DIR "/tests/plans/tutorial_expert.plan", -1,
                   TOUR_BUSY_TIME - 60, &e) != BH_OK) {
        fprintf(stderr, "bench_ui: could not reach the busy workshop: %s\n", e.msg);
        goto out;
    }
    /* the dummy display is smaller than 1080p: the projector window is
     * sized as a 1080p projector would have it */
    SDL_SetWindowSize(a->proj.win, 1920, 1080);
    size_t n;
    sim_inbox(a->game.sim, &n);
    a->inbox_sel = n ? (int)n - 1 : -1;
    a->dec_collapsed = 1; /* as bench_ui's busiest scene */
    a->started = 1;
    play_set_speed(&a->game, 0);
    for (int i = 0; i < 10; i++) /* warm both text caches */
        app_frame(a, 0);
    ms = calloc((size_t)frames, sizeof *ms);
    if (!ms)
        goto out;
    for (int i = 0; i < frames; i++) {
        double s = now_ms();
        app_frame(a, 0);
        ms[i] = now_ms() - s;
    }
    qsort(ms, (size_t)frames, sizeof *ms, cmp);
    SDL_RendererInfo ci, pi;
    SDL_GetRendererInfo(a->u.r, &ci);
    SDL_GetRendererInfo(a->proj.r, &pi);
    printf("workshop pair (%s driver, console %s %dx%d + projector %s %dx%d, busiest tutorial "
           "state, %d frames): median %.2f ms, p95 %.2f ms (target: median under 3 ms, p95 "
           "under 6 ms)\n",
           SDL_GetCurrentVideoDriver(), ci.name, a->u.w, a->u.h, pi.name, a->proj.w, a->proj.h,
           frames, ms[frames / 2], ms[frames * 95 / 100]);
    rc = 0;
out:
    free(ms);
    if (a)
        app_free(a);
    free(a);
    char cmd[96];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", data);
    if (system(cmd) != 0)
        rc = 1;
    return rc;
}

/* ---- the like-for-like scene ---- */

void bench_love_line(int k, char out[101])
{
    static const char filler[] =
        "pump station telemetry delayed; historian gap; PLC logs pulled; "
        "shift lead informed; watching the HMI. ";
    int o = snprintf(out, 101, "%02d Incident %04d: Operator reports SCADA anomaly; ", k,
                     k - 1);
    for (int i = 0; o < 100; o++, i++)
        out[o] = filler[i % (int)(sizeof filler - 1)];
    out[100] = 0;
}

int bench_love(int frames)
{
    if (SDL_Init(SDL_INIT_VIDEO) != 0 || TTF_Init() != 0) {
        fprintf(stderr, "bench_ui: %s\n", SDL_GetError());
        return 1;
    }
    bh_err e;
    err_clear(&e);
    char font[1024];
    ui u;
    memset(&u, 0, sizeof u);
    ui_win_spec ws = {.title = "Bulkhead love scene", .x = 0, .y = 0, .w = 1280, .h = 720,
                      .software = software_wanted(), .vsync = 0, .font = font,
                      .text_cache = 256};
    int rc = 1;
    double *ms = calloc((size_t)frames, sizeof *ms);
    if (!ms || ui_font_find(NULL, "DejaVu Sans", font, sizeof font, &e) != BH_OK ||
        ui_win_open(&u, &ws, &e) != BH_OK) {
        fprintf(stderr, "bench_ui: %s\n", e.msg);
        goto out;
    }
    char lines[60][101];
    for (int k = 0; k < 60; k++)
        bench_love_line(k + 1, lines[k]);
    SDL_Color white = {255, 255, 255, 255};
    for (int f = -10; f < frames; f++) { /* ten frames to warm the text cache */
        double s = now_ms();
        SDL_SetRenderDrawColor(u.r, 0, 0, 0, 255);
        SDL_RenderClear(u.r);
        for (int i = 0; i < 20; i++) {
            SDL_SetRenderDrawColor(u.r, (Uint8)(40 + 11 * i), (Uint8)(200 - 9 * i),
                                   (Uint8)(90 + 7 * (i % 5) * 5), 255);
            SDL_RenderFillRect(u.r, &(SDL_Rect){(i % 5) * 250 + 10, (i / 5) * 175 + 10, 230, 160});
        }
        for (int k = 0; k < 60; k++) {
            int w, h;
            SDL_Texture *t = ui_text(&u.text, 16, 0, white, lines[k], &w, &h, &e);
            if (!t) {
                fprintf(stderr, "bench_ui: %s\n", e.msg);
                goto out;
            }
            SDL_RenderCopy(u.r, t, NULL, &(SDL_Rect){10, 12 * k, w, h});
        }
        if (f == -1 && getenv("BENCH_LOVE_SHOT")) { /* to look at it: a BMP of one frame */
            SDL_Surface *shot = SDL_CreateRGBSurfaceWithFormat(0, 1280, 720, 32,
                                                               SDL_PIXELFORMAT_ARGB8888);
            if (shot && SDL_RenderReadPixels(u.r, NULL, SDL_PIXELFORMAT_ARGB8888, shot->pixels,
                                             shot->pitch) == 0)
                SDL_SaveBMP(shot, getenv("BENCH_LOVE_SHOT"));
            SDL_FreeSurface(shot);
        }
        SDL_RenderPresent(u.r);
        if (f >= 0)
            ms[f] = now_ms() - s;
    }
    double sum = 0;
    for (int i = 0; i < frames; i++)
        sum += ms[i];
    qsort(ms, (size_t)frames, sizeof *ms, cmp);
    SDL_RendererInfo ri;
    SDL_GetRendererInfo(u.r, &ri);
    printf("love scene (%s driver, %s renderer, 1280x720: 20 rects, 60 lines x 100 chars of "
           "DejaVu Sans 16 px, transparent text through ui_text (blended), %d frames): "
           "mean %.2f ms, median %.2f ms, p95 %.2f ms\n",
           SDL_GetCurrentVideoDriver(), ri.name, frames, sum / frames, ms[frames / 2],
           ms[frames * 95 / 100]);
    rc = 0;
out:
    free(ms);
    ui_win_close(&u);
    TTF_Quit();
    SDL_Quit();
    return rc;
}
