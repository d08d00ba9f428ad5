/* test_load: the room holds (issue 14, "Must hold"). A real room server on
 * 127.0.0.1 and N simulated phones (phones.c, libcurl, loopback only) for
 * S seconds (200 and 60 unless BH_LOAD_PHONES / BH_LOAD_SECONDS say
 * otherwise), while this thread plays the main loop: each frame (16 ms) it
 * looks at the roster (srv_room_changes, srv_room_get when it moved) and
 * drains the proposals; every second it publishes a changed state (the
 * clock moves, actions start and finish), and every 10 s it closes the
 * open decision's votes, and opens the next a second later.
 *
 * It checks that every accepted vote is counted exactly once: at each
 * close, the roster copied right after srv_vote_close holds, for every
 * phone, the last vote on that decision the phone saw accepted (so no
 * vote was taken after the close, and none was lost before it); at the
 * end each phone's last accepted vote is the roster's. And that nothing failed but the
 * expected 429s (joins retried) and votes on a decision that closed
 * meanwhile, and that the memory stays flat (RSS at 10 s and at the end,
 * within 8 MB; not under ASan, whose quarantine grows by design). It
 * prints requests per second, latency p50/p95 and the main loop's cost
 * per frame: figures, never asserted. Bounded: it stops at S seconds
 * (plus 5 s for answers in flight) whatever happens. */
#include <jansson.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "phones.h"
#include "room/srv.h"

#define STATE BH_SOURCE_DIR "/tests/fixtures/room/open_decision.json"

static int failures;
#define EXPECT(c)                                                                   \
    do {                                                                            \
        if (!(c)) {                                                                 \
            failures++;                                                             \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #c);   \
        }                                                                           \
    } while (0)

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static long rss_kb(void)
{
    long pages = 0, rss = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (f) {
        if (fscanf(f, "%ld %ld", &pages, &rss) != 2)
            rss = 0;
        fclose(f);
    }
    return rss * (sysconf(_SC_PAGESIZE) / 1024);
}

/* The fixture's state at tick t with decision d open. */
static char *state_at(json_t *base, int t, int d)
{
    json_t *o = json_deep_copy(base);
    char clock[32], key[16];
    snprintf(clock, sizeof clock, "T+%02d:%02d", t / 60, t % 60);
    snprintf(key, sizeof key, "d%d", d);
    json_object_set_new(o, "now_s", json_integer(t));
    json_object_set_new(o, "clock", json_string(clock));
    json_object_set_new(json_object_get(o, "decision"), "key", json_string(key));
    json_t *acts = json_object_get(o, "actions");
    for (size_t i = 0; i < json_array_size(acts); i++) /* actions start and finish */
        json_object_set_new(json_array_get(acts, i), "state",
                            json_string((t / 8 + (int)i) % 3 ? "available" : "running"));
    char *s = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    return s;
}

typedef struct client {
    lp_opts o;
    lp_result r;
    int rc;
    atomic_int finished;
} client;

static void *client_main(void *ud)
{
    client *c = ud;
    c->rc = lp_run(&c->o, &c->r);
    atomic_store(&c->finished, 1);
    return NULL;
}

/* The votes on decision d in a roster, by phone ("p<i>"), into at[]. */
static void votes_on(const srv_room *room, int d, lp_vote *at, int phones)
{
    for (int i = 0; i < phones; i++)
        at[i] = (lp_vote){-1, 0, 0};
    for (int j = 0; j < room->nphones; j++) {
        const srv_phone *p = &room->phones[j];
        int i = p->name[0] == 'p' ? atoi(p->name + 1) : -1;
        if (i >= 0 && i < phones && p->vote_decision == d)
            at[i] = (lp_vote){d, p->vote_option, p->vote_conf};
    }
}

/* How many phones' last accepted votes on decision d differ from what
 * the roster held when d closed. */
static int differ(const lp_result *r, const lp_vote *at, int d, int phones, long *votes)
{
    int bad = 0;
    for (int i = 0; i < phones; i++) {
        lp_vote c = r->on[i * LP_DECISIONS + d], s = at[i];
        *votes += c.decision >= 0;
        int same = c.decision == s.decision &&
                   (c.decision < 0 || (c.option == s.option && c.conf == s.conf));
        if (!same && bad++ < 3)
            fprintf(stderr, "decision d%d, phone p%d: accepted d%d %d/%d, counted d%d %d/%d\n",
                    d, i, c.decision, c.option, c.conf, s.decision, s.option, s.conf);
    }
    return bad;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(void)
{
    int phones = getenv("BH_LOAD_PHONES") ? atoi(getenv("BH_LOAD_PHONES")) : 200;
    double seconds = getenv("BH_LOAD_SECONDS") ? atof(getenv("BH_LOAD_SECONDS")) : 60;
    if (phones < 1 || phones > SRV_MAX_PHONES || seconds < 1 || seconds > 600) {
        fprintf(stderr, "BH_LOAD_PHONES 1..%d, BH_LOAD_SECONDS 1..600\n", SRV_MAX_PHONES);
        return 2;
    }
    json_t *base = json_load_file(STATE, 0, NULL);
    if (!base) {
        fprintf(stderr, "cannot read %s\n", STATE);
        return 1;
    }
    const srv_opts so = {.bind = "127.0.0.1", .assets = BH_SOURCE_DIR "/assets", .code = "LOAD"};
    srv *s = NULL;
    bh_err e;
    err_clear(&e);
    if (srv_start(&s, &so, &e) != BH_OK) {
        fprintf(stderr, "srv_start: %s\n", e.msg);
        return 1;
    }
    int tick = 0, decision = 1;
    char *st = state_at(base, tick, decision);
    EXPECT(srv_publish(s, st, strlen(st), &e) == BH_OK);
    free(st);

    static client c;
    c.o = (lp_opts){.port = srv_port(s), .code = "load", .phones = phones, .seconds = seconds,
                    .seed = 14};
    pthread_t th;
    if (pthread_create(&th, NULL, client_main, &c) != 0)
        return 1;

    /* the main loop */
    static srv_room room;
    static lp_vote closed[LP_DECISIONS][SRV_MAX_PHONES]; /* each decision's votes at its close */
    srv_proposal props[512];
    long proposals = 0, frames = 0, copies = 0;
    size_t nframe = 0, capf = (size_t)(seconds * 70) + 100;
    double *frame_us = malloc(capf * sizeof *frame_us);
    double t0 = now_s(), next_publish = t0 + 1, next_close = t0 + 10, closed_at = 0;
    long rss10 = 0;
    uint64_t seen = 0;
    while (!atomic_load(&c.finished)) {
        double f0 = now_s();
        uint64_t ch = srv_room_changes(s);
        if (ch != seen) {
            srv_room_get(s, &room);
            seen = ch;
            copies++;
        }
        int n;
        while ((n = srv_proposals_take(s, props, 512)) > 0)
            proposals += n;
        if (!closed_at && f0 >= next_close && decision + 1 < LP_DECISIONS) {
            /* the facilitator commits: votes close and are counted from a
             * copy taken then; the phones still see the decision open for
             * a second (their votes meanwhile must be refused) */
            next_close += 10;
            srv_vote_close(s, decision);
            srv_room_get(s, &room);
            votes_on(&room, decision, closed[decision], phones);
            closed_at = f0;
        }
        if (f0 >= next_publish) {
            next_publish += 1;
            tick++;
            if (closed_at && f0 >= closed_at + 1) { /* the next decision opens */
                closed_at = 0;
                decision++;
            }
            st = state_at(base, tick, decision);
            EXPECT(srv_publish(s, st, strlen(st), &e) == BH_OK);
            free(st);
        }
        if (!rss10 && f0 - t0 >= 10)
            rss10 = rss_kb();
        if (frame_us && nframe < capf)
            frame_us[nframe++] = (now_s() - f0) * 1e6;
        frames++;
        usleep(16000);
    }
    pthread_join(th, NULL);
    long rss_end = rss_kb();
    if (!closed_at) {
        srv_vote_close(s, decision);
        srv_room_get(s, &room);
        votes_on(&room, decision, closed[decision], phones);
    }
    srv_room_get(s, &room);
    while (srv_proposals_take(s, props, 512) > 0)
        ;

    lp_result *r = &c.r;
    EXPECT(c.rc == 0);
    /* every accepted vote counted exactly once: each phone's last accepted
     * vote is the roster's vote for it */
    int matched = 0, voted = 0, mismatched = 0;
    for (int i = 0; c.rc == 0 && i < phones; i++) {
        const srv_phone *p = NULL;
        for (int j = 0; j < room.nphones; j++)
            if (strcmp(room.phones[j].name, r->names[i]) == 0)
                p = &room.phones[j];
        if (!p)
            continue;
        matched++;
        lp_vote v = r->last[i];
        voted += v.decision >= 0;
        int same = p->vote_decision == v.decision &&
                   (v.decision < 0 || (p->vote_option == v.option && p->vote_conf == v.conf));
        if (!same && mismatched++ < 5)
            fprintf(stderr, "phone p%d: the client's last accepted vote d%d %d/%d, the roster's "
                            "d%d %d/%d\n", i, v.decision, v.option, v.conf, p->vote_decision,
                    p->vote_option, p->vote_conf);
    }
    /* each decision's count at its close: the votes the phones saw accepted */
    int wrong = 0;
    long counted = 0;
    for (int d = 1; c.rc == 0 && d <= decision; d++)
        wrong += differ(r, closed[d], d, phones, &counted);
    EXPECT(wrong == 0);
    EXPECT(counted > 0);
    EXPECT(r->joined == phones);
    EXPECT(room.nphones == phones);
    EXPECT(matched == phones);
    EXPECT(mismatched == 0);
    EXPECT(r->votes > phones); /* phones voted, and changed their votes */
    EXPECT(r->errors == 0);
    if (r->errors)
        fprintf(stderr, "%ld errors; the first: %s\n", r->errors, r->first_error);
#ifdef __SANITIZE_ADDRESS__
    /* ASan keeps freed memory in quarantine (256 MB): RSS grows by design
     * there, and LeakSanitizer checks the leaks instead */
    printf("load: ASan build: the RSS bound is not checked\n");
#else
    EXPECT(rss10 > 0 && rss_end - rss10 < 8 * 1024);
#endif

    if (frame_us)
        qsort(frame_us, nframe, sizeof *frame_us, cmp_double);
    printf("load: %d phones, %.1f s: %ld requests, %.0f requests/s; latency p50 %.2f ms, "
           "p95 %.2f ms, max %.1f ms\n", phones, r->elapsed_s, r->requests,
           r->requests / (r->elapsed_s > 0 ? r->elapsed_s : 1), r->p50_ms, r->p95_ms, r->max_ms);
    printf("load: polls %ld (%ld not modified), joins %ld, votes accepted %ld (stale %ld), "
           "me %ld, proposals %ld (queued %ld); 429s %ld; errors %ld\n", r->polls, r->polls_304,
           r->joins, r->votes, r->votes_stale, r->mes, r->proposals, proposals, r->limited,
           r->errors);
    printf("load: every vote once: %d decisions closed, %ld votes counted at their close, %d "
           "differ from what the phones saw accepted; at the end %d phones matched, %d with a "
           "vote, %d mismatched\n", decision, counted, wrong, matched, voted, mismatched);
    printf("load: RSS %ld KB at 10 s, %ld KB at the end (%+ld KB)\n", rss10, rss_end,
           rss_end - rss10);
    if (frame_us && nframe)
        printf("load: the main loop's side per frame (roster, proposals, publish): p50 %.1f us, "
               "p95 %.1f us, over %ld frames (%ld roster copies)\n", frame_us[nframe / 2],
               frame_us[nframe * 95 / 100], frames, copies);
    free(frame_us);
    lp_result_free(r);
    srv_stop(s);
    json_decref(base);
    printf("%s\n", failures ? "FAIL" : "ok");
    return failures ? 1 : 0;
}
