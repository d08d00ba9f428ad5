/* srv_client.h: what the phones' API tests share (test_srv_api.c,
 * test_srv_limits.c, test_srv_roster.c, test_srv_leak.c): a room server
 * on 127.0.0.1 with a room code and a state published, requests as a
 * phone sends them, reading their JSON answers, and checking a refusal.
 * Over http_client.h: loopback only. */
#ifndef SRV_CLIENT_H
#define SRV_CLIENT_H

#include <jansson.h>

#include "check.h"
#include "http_client.h"
#include "room/srv.h"

#define ROOM_STATE BH_SOURCE_DIR "/tests/fixtures/room/open_decision.json"

/* A server on a free port with code "ABCD", max_phones (0: the default)
 * and joins_per_s (0: the default); `state` published when not NULL.
 * Each token's rate is raised (room_rate, 0: the default) for tests that
 * send many requests with one token; the rate test keeps the default. */
static double room_rate = 1000;
/* Wrong room codes too (room_bad_codes, 0: the default): a sweep tries one
 * per state. */
static double room_bad_codes = 1000;

__attribute__((unused)) static srv *room_start(const char *state, int max_phones,
                                               double joins_per_s)
{
    const srv_opts o = {.bind = "127.0.0.1", .assets = BH_SOURCE_DIR "/assets", .code = "ABCD",
                        .max_phones = max_phones, .joins_per_s = joins_per_s,
                        .rate_per_s = room_rate,
                        .bad_codes_per_s = room_bad_codes}; /* port 0: a free one */
    srv *s = NULL;
    bh_err e;
    err_clear(&e);
    CHECK_INT(srv_start(&s, &o, &e), BH_OK);
    if (s && state) {
        CHECK_INT(srv_publish(s, state, strlen(state), &e), BH_OK);
    }
    return s;
}

/* The fixture's state text (the caller frees it). */
__attribute__((unused)) static char *room_state(void)
{
    json_error_t je;
    json_t *o = json_load_file(ROOM_STATE, 0, &je);
    CHECK(o != NULL);
    char *t = o ? json_dumps(o, JSON_COMPACT) : NULL;
    json_decref(o);
    return t;
}

/* The fixture's state with `edit` applied (a JSON object merged over it:
 * {"decision": null} closes the decision, say). */
__attribute__((unused)) static char *room_state_with(const char *edit)
{
    json_t *o = json_load_file(ROOM_STATE, 0, NULL), *e = json_loads(edit, 0, NULL);
    CHECK(o && e);
    if (o && e)
        json_object_update(o, e);
    char *t = o ? json_dumps(o, JSON_COMPACT) : NULL;
    json_decref(o);
    json_decref(e);
    return t;
}

/* METHOD path with a body (n bytes) and extra headers (or NULL). */
__attribute__((unused)) static http_got room_send(int port, const char *method, const char *path,
                                                  const char *body, size_t n, const char *headers)
{
    size_t cap = n + 600;
    char *buf = malloc(cap);
    http_got g = {0};
    if (!buf) {
        g.status = -1;
        return g;
    }
    int k = snprintf(buf, cap,
                     "%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                     "Content-Type: application/json\r\nContent-Length: %zu\r\n%s\r\n",
                     method, path, n, headers ? headers : "");
    memcpy(buf + k, body, n);
    g = http_raw(port, buf, (size_t)k + n);
    free(buf);
    return g;
}

__attribute__((unused)) static http_got room_post(int port, const char *path, const char *body)
{
    return room_send(port, "POST", path, body, strlen(body), NULL);
}

/* GET /api/me with the token. */
__attribute__((unused)) static http_got room_me(int port, const char *token)
{
    char h[100];
    snprintf(h, sizeof h, "X-Room-Token: %s\r\n", token);
    return http_req(port, "GET", "/api/me", h);
}

/* The answer's JSON (NULL when not JSON); the caller decrefs. */
__attribute__((unused)) static json_t *room_json(const http_got *g)
{
    return json_loads(g->body, 0, NULL);
}

/* A string member of the answer's JSON, copied into out ("" when none). */
__attribute__((unused)) static const char *room_field(const http_got *g, const char *key,
                                                      char *out, size_t n)
{
    json_t *o = room_json(g);
    snprintf(out, n, "%s", json_string_value(json_object_get(o, key)) ?
                               json_string_value(json_object_get(o, key)) : "");
    json_decref(o);
    return out;
}

/* Joins as role with name (NULL: none); the token into tok (33 bytes),
 * "" when refused. Returns the status. */
__attribute__((unused)) static int room_join(int port, const char *role, const char *name,
                                             char *tok)
{
    json_t *b = json_pack("{s:s, s:s}", "code", "ABCD", "role", role);
    if (name)
        json_object_set_new(b, "name", json_string(name));
    char *t = json_dumps(b, JSON_COMPACT);
    json_decref(b);
    http_got g = room_post(port, "/api/join", t ? t : "");
    free(t);
    room_field(&g, "token", tok, 33);
    int st = g.status;
    http_free(&g);
    return st;
}

/* A vote, a proposal: the answer's status. */
__attribute__((unused)) static int room_vote(int port, const char *tok, const char *d,
                                             const char *opt, const char *conf)
{
    char b[300];
    snprintf(b, sizeof b,
             "{\"token\":\"%s\",\"decision\":\"%s\",\"option\":\"%s\",\"confidence\":\"%s\"}",
             tok, d, opt, conf);
    http_got g = room_post(port, "/api/vote", b);
    int st = g.status;
    http_free(&g);
    return st;
}

__attribute__((unused)) static int room_propose(int port, const char *tok, const char *action)
{
    char b[200];
    snprintf(b, sizeof b, "{\"token\":\"%s\",\"action\":\"%s\"}", tok, action);
    http_got g = room_post(port, "/api/propose", b);
    int st = g.status;
    http_free(&g);
    return st;
}

/* The security headers every answer carries. */
__attribute__((unused)) static void room_headers(const http_got *g)
{
    char h[300];
    CHECK_STR(http_header(g, "X-Content-Type-Options", h, sizeof h), "nosniff");
    CHECK_HAS(http_header(g, "Content-Security-Policy", h, sizeof h), "default-src 'self'");
    CHECK_STR(http_header(g, "Cache-Control", h, sizeof h), "no-store");
}

/* An /api/ refusal: the status, JSON {"error": a sentence}, the headers. */
__attribute__((unused)) static void room_refused(http_got g, int status, const char *words)
{
    if (g.status != status)
        fprintf(stderr, "wanted %d: %.300s\n", status, g.raw);
    CHECK_INT(g.status, status);
    char h[100], msg[300];
    CHECK_STR(http_header(&g, "Content-Type", h, sizeof h), "application/json");
    CHECK_HAS(room_field(&g, "error", msg, sizeof msg), words);
    room_headers(&g);
    http_free(&g);
}

#endif
