/* bench_love: `bench_ui --love-scene FRAMES`, the like-for-like scene for
 * comparison with other engines (issue 13), printing figures (not a timed
 * test): one 1280x720 window, 20 filled rectangles 230x160
 * at x = (i mod 5)*250 + 10, y = (i / 5)*175 + 10, each its own colour, and
 * then 60 lines of 100 characters of DejaVu Sans at 16 px in white at
 * x = 10, y = 12k, through Bulkhead's own renderer and text cache. The
 * lines cross the rectangles, so they are drawn with the transparent
 * (blended) path, ui_text, not the opaque one (ui_text_on) that only looks
 * right on one known background. Prints the mean (what other engines
 * report), the median and the 95th percentile. BENCH_LOVE_SHOT=FILE.bmp
 * saves one frame, to look at. */
#include "bench_love.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/ui_win.h"

static int software_wanted(void)
{
    const char *drv = getenv("SDL_VIDEODRIVER");
    return !drv || strcmp(drv, "offscreen") != 0;
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
