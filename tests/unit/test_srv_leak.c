/* test_srv_leak: nothing facilitator-only reaches a phone, through EVERY
 * answer the room server gives (issue 14, "Must hold"). The leak test's
 * marker scenario (tests/fixtures/leak/markers.lua: a FONLY_ marker in
 * every facilitator-only field) is played through the states a workshop
 * reaches (before play, playing with its actions, the decision open, the
 * tally revealed, the holding slide, slides for what has not happened,
 * the hot wash, the end), each built as the console builds it (roles,
 * action states, the tally) and published; in each, phones send every
 * request the server answers: the page and its files, /health, the state
 * (200 and 304), the self-test, joins (good and refused), /api/me, votes
 * and proposals (accepted and each refusal), leaving, unknown paths,
 * other methods, oversized bodies. No answer may hold FONLY_; the positive
 * controls (PSAFE_ markers and a phone's own name) must come through. */
#include <stdlib.h>
#include <string.h>

#include "check_markers.h"
#include "srv_client.h"
#include "core/session.h"
#include "report/rp_report.h"
#include "room/rv_json.h"
#include "script/lh_host.h"

typedef struct drive {
    srv *srv;               /* the room server, on 127.0.0.1 */
    int port;
    lh_host *h;
    bh_sim *s;
    const bh_defs *d;
    rv_source src;
    rv_show show;
    char *all;              /* every answer so far */
    size_t len;
    int answers;
    bh_action_status *acts;
    bh_tally tally;
} drive;

static void keep(drive *r, const char *what, http_got g)
{
    if (strstr(g.raw, "FONLY_"))
        fprintf(stderr, "%s leaked: %.80s\n", what, strstr(g.raw, "FONLY_"));
    CHECK(!strstr(g.raw, "FONLY_"));
    CHECK(g.status > 0); /* an answer, whatever it is */
    char *a = realloc(r->all, r->len + g.len + 2);
    if (a) {
        memcpy(a + r->len, g.raw, g.len);
        r->len += g.len;
        a[r->len++] = '\n';
        a[r->len] = 0;
        r->all = a;
    }
    r->answers++;
    http_free(&g);
}

static void get(drive *r, const char *path, const char *headers)
{
    keep(r, path, http_req(r->port, "GET", path, headers));
}

static void post(drive *r, const char *path, const char *body)
{
    keep(r, path, room_post(r->port, path, body));
}

/* The state as the console would publish it. */
static void publish(drive *r, const char *name)
{
    bh_err e;
    for (size_t i = 0; i < r->d->nactions; i++)
        CHECK_INT(sim_action_status(r->s, (int)i, &r->acts[i], &e), BH_OK);
    r->src.acts = r->acts;
    json_t *report = NULL;
    if (r->show.hotwash) {
        rp_meta meta = {MARKERS, NULL, NULL};
        report = rp_build(r->s, &meta);
    }
    r->src.report = report;
    rv_model m;
    CHECK_INT(rv_build(&m, &r->src, &r->show, &e), BH_OK);
    size_t n = 0;
    char *t = rv_json_text(&m, &n);
    CHECK(t != NULL);
    if (t && strstr(t, "FONLY_"))
        fprintf(stderr, "%s: the state leaked: %.80s\n", name, strstr(t, "FONLY_"));
    if (t)
        CHECK_INT(srv_publish(r->srv, t, n, &e), BH_OK);
    free(t);
    rv_free(&m);
    r->src.report = NULL;
    json_decref(report);
}

/* Every request a phone can make, in the state published. */
static void sweep(drive *r, const char *name)
{
    publish(r, name);
    char tok[33], obs[33], b[400], h[120], etag[80];
    get(r, "/", NULL);
    static const char *const files[] = {"/phone/app.js", "/phone/phone.css", "/phone/icon.svg",
                                        "/phone/index.html", "/phone/nope.js"};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
        get(r, files[i], NULL);
    get(r, "/health", NULL);
    http_got g = http_req(r->port, "GET", "/api/state", NULL);
    http_header(&g, "ETag", etag, sizeof etag);
    keep(r, "/api/state", g);
    snprintf(h, sizeof h, "If-None-Match: %s\r\n", etag);
    get(r, "/api/state", h);
    get(r, "/t", NULL);
    /* joins, good and refused */
    g = room_post(r->port, "/api/join",
                  "{\"code\":\"abcd\",\"role\":\"r0\",\"name\":\"PSAFE_NAME\"}");
    room_field(&g, "token", tok, sizeof tok);
    keep(r, "join", g);
    CHECK(room_join(r->port, "observer", "PSAFE_OBSERVER", obs) == 200);
    post(r, "/api/join", "{\"code\":\"WXYZ\",\"role\":\"r0\"}");
    post(r, "/api/join", "{\"code\":\"ABCD\",\"role\":\"r5\"}");
    post(r, "/api/join", "{\"code\":\"ABCD\",");
    post(r, "/api/join", "[\"FONLY_\"]"); /* an echo would show it */
    /* me, votes and proposals */
    keep(r, "me", room_me(r->port, tok));
    keep(r, "me forged", room_me(r->port, "0123456789abcdef0123456789abcdef"));
    int dec = defs_decision(r->d, "dec"), later = defs_decision(r->d, "dec_later");
    static const char *const opts[] = {"A", "B", "Z"};
    for (size_t i = 0; i < 3; i++) {
        snprintf(b, sizeof b, "{\"token\":\"%s\",\"decision\":\"d%d\",\"option\":\"%s\","
                 "\"confidence\":\"high\"}", tok, dec, opts[i]);
        post(r, "/api/vote", b);
    }
    snprintf(b, sizeof b, "{\"token\":\"%s\",\"decision\":\"d%d\",\"option\":\"A\","
             "\"confidence\":\"low\"}", obs, dec);
    post(r, "/api/vote", b);
    snprintf(b, sizeof b, "{\"token\":\"%s\",\"decision\":\"d%d\",\"option\":\"A\","
             "\"confidence\":\"low\"}", tok, later); /* never opened */
    post(r, "/api/vote", b);
    snprintf(b, sizeof b, "{\"token\":\"%s\",\"decision\":\"d%d\",\"option\":\"A\","
             "\"confidence\":\"sure\"}", tok, dec);
    post(r, "/api/vote", b);
    for (size_t i = 0; i < r->d->nactions + 1; i++) {
        snprintf(b, sizeof b, "{\"token\":\"%s\",\"action\":\"a%zu\"}", tok, i);
        post(r, "/api/propose", b);
        snprintf(b, sizeof b, "{\"token\":\"%s\",\"action\":\"a%zu\"}", obs, i);
        post(r, "/api/propose", b);
    }
    keep(r, "me after", room_me(r->port, tok));
    /* leaving, and what a stale token gets */
    snprintf(b, sizeof b, "{\"token\":\"%s\"}", obs);
    post(r, "/api/leave", b);
    post(r, "/api/leave", b);
    /* paths and methods refused */
    get(r, "/nope", NULL);
    get(r, "/api/nope", NULL);
    get(r, "/phone/../secret", NULL);
    get(r, "/api/join", NULL);
    post(r, "/api/state", "{}");
    post(r, "/t", "{}");
    char big[SRV_MAX_BODY + 100];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = 0;
    post(r, "/api/vote", big);
    (void)name;
}

static void test_every_answer(void)
{
    static drive r; /* zeroed */
    bh_err e;
    if (!markers_open(&r.h, &r.s, &r.d))
        return;
    r.src.sim = r.s;
    r.acts = calloc(r.d->nactions + 1, sizeof *r.acts);
    r.src.join = "http://127.0.0.1/PSAFE_JOIN";
    r.src.join_code = "ABCD";
    r.srv = room_start(NULL, 0, 0);
    if (!r.srv || !r.acts)
        return;
    r.port = srv_port(r.srv);
    sweep(&r, "before");
    r.src.started = 1;
    r.src.speed = 1;
    CHECK_INT(sim_advance(r.s, 5 * 60, &e), BH_OK);
    markers_input(r.s, IN_START, defs_action(r.d, "act"), NULL, NULL);
    sweep(&r, "playing");
    CHECK_INT(sim_advance(r.s, 41 * 60, &e), BH_OK);
    int dec = defs_decision(r.d, "dec");
    sweep(&r, "decision open");
    /* the tally, revealed: by role, never by name */
    CHECK_INT(tally_init(&r.tally, dec, (int)r.d->nteams, 3, &e), BH_OK);
    r.tally.joined[0] = 2;
    tally_add(&r.tally, 0, 0, TALLY_HIGH, 1);
    r.src.tally = &r.tally;
    r.show.reveal = 1;
    sweep(&r, "tally");
    CHECK_HAS(r.all, "\"tally\":{");
    r.show.reveal = 0;
    r.show.blank = 1;
    sweep(&r, "blank");
    r.show.blank = 0;
    r.show.slide = RV_SLIDE_DECISION;
    r.show.slide_index = defs_decision(r.d, "dec_later");
    sweep(&r, "slide for what comes next");
    r.show.slide = RV_SLIDE_NONE;
    r.show.hotwash = 1;
    r.show.hotwash_tabs = (1u << RV_TABS) - 1;
    for (int tab = 0; tab < RV_TABS; tab++) {
        r.show.hotwash_tab = tab;
        sweep(&r, rv_tab_name(tab));
    }
    r.show.hotwash = 0;
    srv_vote_close(r.srv, dec);
    markers_input(r.s, IN_CHOOSE, dec, NULL, NULL);
    CHECK_INT(session_finish(r.s, &e), BH_OK);
    sweep(&r, "ended");

    /* the positive controls: what the room may see does come through */
    static const char *const safe[] = {"PSAFE_TITLE", "PSAFE_TEAM", "PSAFE_ACTION",
                                       "PSAFE_ACTION2_TEXT", "PSAFE_DEC_PROMPT",
                                       "PSAFE_OPT_A_LABEL", "PSAFE_END_TITLE", "PSAFE_NAME",
                                       "\"role\":\"r0\"", "\"proposed\":[\"a", "\"vote\":{",
                                       "Your phone reached", "\"phones\":"};
    for (size_t i = 0; i < sizeof safe / sizeof safe[0]; i++)
        CHECK_HAS(r.all, safe[i]);
    CHECK(r.answers > 400);
    CHECK(r.all && !strstr(r.all, "FONLY_"));
    /* names stay with their phone: never in the state or /health */
    http_got g = http_req(r.port, "GET", "/api/state", NULL);
    CHECK(!strstr(g.raw, "PSAFE_NAME") && !strstr(g.raw, "PSAFE_OBSERVER"));
    http_free(&g);
    fprintf(stderr, "(%d answers, %zu bytes, none with FONLY_)\n", r.answers, r.len);
    free(r.all);
    tally_free(&r.tally);
    free(r.acts);
    srv_stop(r.srv);
    sim_destroy(r.s);
    lh_free(r.h);
}

int main(int argc, char **argv)
{
    static const check_case cases[] = {
        {"every answer, every state", test_every_answer},
        {NULL, NULL},
    };
    return check_main(argc, argv, cases);
}
