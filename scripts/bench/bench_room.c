/* bench_room: the console's frame time with the room on its phones.
 *
 *     bench_room [PHONES] [SECONDS] [WIDTHxHEIGHT]     (defaults 200 30 1920x1080)
 *
 * A workshop of the tutorial runs in this process with the room server on
 * 127.0.0.1, a decision open and the clock running at 1x (so the room's
 * state changes and is published as in a real session). Its frames are
 * timed for SECONDS with no phone, then for SECONDS more while PHONES
 * simulated phones (tests/load/phones.c, libcurl on a thread of its own)
 * join, poll every half second, vote, change votes and propose. Prints the
 * median and 95th percentile console frame time of each, side by side,
 * and what the phones did. Loopback only. Run under SDL_VIDEODRIVER=dummy
 * (scripts/bench/run does). */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "phones.h"
#include "ui/ui_app.h"

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

typedef struct run {
    lp_opts o;
    lp_result r;
    int rc;
} run;

static void *phones(void *ud)
{
    run *p = ud;
    p->rc = lp_run(&p->o, &p->r);
    return NULL;
}

/* Frames for `seconds` at about 60 a second; median and p95 into out. */
static long frames_for(app *a, double seconds, double out[2])
{
    long cap = (long)(seconds * 120) + 16, n = 0;
    double *ms = calloc((size_t)cap, sizeof *ms), end = now_ms() + seconds * 1000,
           last = now_ms();
    while (ms && now_ms() < end && n < cap) {
        double s = now_ms();
        app_frame(a, (s - last) / 1000);
        last = s;
        ms[n++] = now_ms() - s;
        double left = 1000.0 / 60 - (now_ms() - s);
        if (left > 0)
            SDL_Delay((Uint32)left);
    }
    if (n) {
        qsort(ms, (size_t)n, sizeof *ms, cmp);
        out[0] = ms[n / 2];
        out[1] = ms[n * 95 / 100];
    }
    free(ms);
    return n;
}

int main(int argc, char **argv)
{
    int nphones = argc > 1 ? atoi(argv[1]) : 200;
    double seconds = argc > 2 ? atof(argv[2]) : 30;
    app_opts o = {0};
    o.width = 1920;
    o.height = 1080;
    if (argc > 3 && sscanf(argv[3], "%dx%d", &o.width, &o.height) != 2) {
        fprintf(stderr, "bench_room: bad size '%s'\n", argv[3]);
        return 2;
    }
    if (nphones < 1 || nphones > 250 || seconds < 1 || seconds > 600) {
        fprintf(stderr, "bench_room: 1 to 250 phones, 1 to 600 seconds\n");
        return 2;
    }
    o.software = 1;
    o.no_save_settings = 1;
    o.has_seed = 1;
    o.seed = 1;
    o.workshop = 1;
    o.room = 1;
    o.room_port = 0;
    o.room_bind = "127.0.0.1";
    o.scenario = BH_SOURCE_DIR "/scenarios/tutorial.lua";
    char data[] = "/tmp/bulkhead-bench-XXXXXX";
    if (!mkdtemp(data))
        return 1;
    o.data_dir = data;
    app *a = calloc(1, sizeof *a);
    bh_err e;
    err_clear(&e);
    int rc = 1;
    if (!a || app_init(a, &o, &e) != BH_OK || !a->room.srv) {
        fprintf(stderr, "bench_room: %s\n", a && !a->room.srv ? a->room.error : e.msg);
        goto out;
    }
    app_begin(a);
    app_frame(a, 0);
    if (!a->playing || play_jump_to_decision(&a->game, &e) != BH_OK) {
        fprintf(stderr, "bench_room: no decision to vote on: %s\n", e.msg);
        goto out;
    }
    play_set_speed(&a->game, 1);
    double none[2] = {0}, with[2] = {0};
    long n0 = frames_for(a, seconds, none);
    run p = {.o = {.port = srv_port(a->room.srv), .code = a->room.code, .phones = nphones,
                   .seconds = seconds, .seed = 1}};
    pthread_t th;
    if (pthread_create(&th, NULL, phones, &p) != 0)
        goto out;
    long n1 = frames_for(a, seconds, with);
    pthread_join(th, NULL);
    SDL_RendererInfo ri;
    SDL_GetRendererInfo(a->u.r, &ri);
    printf("console frame (%s driver, %s, %dx%d, workshop with the room on, a decision open, "
           "clock at 1x, ~60 fps):\n", SDL_GetCurrentVideoDriver(), ri.name, a->u.w, a->u.h);
    printf("  no phones:        median %.2f ms, p95 %.2f ms (%ld frames)\n", none[0], none[1],
           n0);
    printf("  %3d phones:       median %.2f ms, p95 %.2f ms (%ld frames)\n", nphones, with[0],
           with[1], n1);
    if (p.rc == 0)
        printf("  the phones: %d joined, %ld requests in %.0f s (%.0f/s), %ld votes, %ld "
               "proposals, %ld errors; latency p50 %.2f ms, p95 %.2f ms\n",
               p.r.joined, p.r.requests, p.r.elapsed_s,
               p.r.elapsed_s > 0 ? p.r.requests / p.r.elapsed_s : 0, p.r.votes, p.r.proposals,
               p.r.errors, p.r.p50_ms, p.r.p95_ms);
    else
        printf("  the phones could not start (libcurl)\n");
    lp_result_free(&p.r);
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
