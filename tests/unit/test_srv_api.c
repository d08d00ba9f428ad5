/* test_srv_api: the phones' API of the room server (game/room/srv_api.c)
 * over real sockets on 127.0.0.1: each route's answer and each refusal
 * (malformed JSON, wrong types, NUL in a string, an oversized body,
 * methods a route does not take, unknown paths, a wrong room code, an
 * unknown role, stale, forged and malformed tokens, votes on a closed or
 * never-open decision, bad options and confidences, proposals not now,
 * of another role and by an observer), the self-test, and that a changed
 * vote replaces the earlier one. The limits are test_srv_limits.c's. */
#include "srv_client.h"
#include "core/tally.h"

static void test_join(void)
{
    char *state = room_state();
    srv *s = room_start(state, 0, 0);
    if (!s)
        return;
    int port = srv_port(s);
    http_got g = room_post(port, "/api/join",
                           "{\"code\":\" abcd \",\"role\":\"r1\",\"name\":\"  Ann\\u200b Lee \"}");
    CHECK_INT(g.status, 200);
    room_headers(&g);
    json_t *o = room_json(&g);
    const char *tok = json_string_value(json_object_get(o, "token"));
    CHECK(tok && strlen(tok) == 32 && strspn(tok, "0123456789abcdef") == 32);
    CHECK_STR(json_string_value(json_object_get(o, "role")), "r1");
    CHECK_STR(json_string_value(json_object_get(o, "name")), "Ann Lee");
    json_decref(o);
    http_free(&g);
    char t2[33], t3[33];
    CHECK_INT(room_join(port, "observer", NULL, t2), 200); /* no name: "" */
    CHECK_INT(room_join(port, "r0", "x", t3), 200);
    CHECK(strcmp(t2, t3) != 0);
    static srv_room r;
    srv_room_get(s, &r);
    CHECK_INT(r.nphones, 3);
    CHECK_INT(r.phones[0].role, 1);
    CHECK_STR(r.phones[0].name, "Ann Lee");
    CHECK_INT(r.phones[1].role, 2); /* Observer: the last role */
    CHECK_STR(r.phones[1].name, "");
    CHECK_INT(r.phones[1].vote_decision, -1);
    CHECK(r.phones[2].idle_s >= 0 && r.phones[2].idle_s < 60);
    CHECK_INT(r.changes, 3);
    CHECK_INT(srv_room_changes(s), 3);
    g = http_req(port, "GET", "/health", NULL);
    o = room_json(&g);
    CHECK_INT(json_integer_value(json_object_get(o, "phones")), 3);
    json_decref(o);
    http_free(&g);

    /* refusals */
    room_refused(room_post(port, "/api/join", "{\"code\":\"ABCE\",\"role\":\"r0\"}"), 403, "code");
    room_refused(room_post(port, "/api/join", "{\"code\":\"\",\"role\":\"r0\"}"), 403, "code");
    room_refused(room_post(port, "/api/join", "{\"code\":\"ABCD\",\"role\":\"r9\"}"), 400, "role");
    room_refused(room_post(port, "/api/join", "{\"code\":\"ABCD\",\"role\":\"\"}"), 400, "role");
    room_refused(room_post(port, "/api/join", "{\"code\":\"ABCD\"}"), 400, "role");
    room_refused(room_post(port, "/api/join", "{\"code\":\"ABCD\",\"role\":0}"), 400, "role");
    room_refused(room_post(port, "/api/join", "{\"code\":\"ABCD\",\"role\":\"r0\",\"name\":7}"),
            400, "name");
    room_refused(room_post(port, "/api/join", "{\"code\":[\"ABCD\"],\"role\":\"r0\"}"), 400, "code");
    room_refused(room_post(port, "/api/join", "{\"code\":\"AB\\u0000CD\",\"role\":\"r0\"}"), 400,
            "JSON");
    room_refused(room_post(port, "/api/join", "{\"code\":\"ABCD\",\"role\":\"r0\\u0000\"}"), 400,
            "JSON");
    room_refused(room_send(port, "POST", "/api/join", "{\"code\":\"AB\0CD\"}", 16, NULL), 400, "JSON");
    room_refused(room_post(port, "/api/join", "{\"code\":\"ABCD\",\"role\":\"r0\",\"role\":\"r1\"}"),
            400, "JSON");
    static const char *const bad[] = {"", "{", "nope", "[]", "\"x\"", "1", "null",
                                      "{\"code\":\"ABCD\",}", "{} {}", "\xff\xfe"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        room_refused(room_post(port, "/api/join", bad[i]), 400, "JSON");
    /* a body over the limit, declared or not */
    size_t n = SRV_MAX_BODY + 10;
    char *big = malloc(n + 1);
    if (big) {
        memset(big, ' ', n);
        big[0] = '{';
        big[n - 1] = '}';
        big[n] = 0;
        room_refused(room_post(port, "/api/join", big), 413, "too large");
        char raw[SRV_MAX_BODY + 300];
        int k = snprintf(raw, sizeof raw, "POST /api/join HTTP/1.1\r\nHost: x\r\nConnection: "
                         "close\r\nTransfer-Encoding: chunked\r\n\r\n%zx\r\n", n);
        memcpy(raw + k, big, n);
        k += (int)n;
        k += snprintf(raw + k, sizeof raw - (size_t)k, "\r\n0\r\n\r\n");
        room_refused(http_raw(port, raw, (size_t)k), 413, "too large");
        free(big);
    }
    srv_room_get(s, &r);
    CHECK_INT(r.nphones, 3); /* none of those joined */
    srv_stop(s);
    free(state);
}

/* Each path takes its methods: POST only on the POST routes, GET and
 * HEAD elsewhere; unknown /api/ paths are a JSON 404. */
static void test_methods(void)
{
    srv *s = room_start(NULL, 0, 0);
    if (!s)
        return;
    int port = srv_port(s);
    char h[100];
    static const char *const posts[] = {"/api/join", "/api/vote", "/api/propose", "/api/leave"};
    static const char *const others[] = {"GET", "HEAD", "PUT", "DELETE", "PATCH", "OPTIONS"};
    for (size_t i = 0; i < 4; i++)
        for (size_t j = 0; j < sizeof others / sizeof others[0]; j++) {
            http_got g = room_send(port, others[j], posts[i], "{}", 2, NULL);
            CHECK_INT(g.status, 405);
            CHECK_STR(http_header(&g, "Allow", h, sizeof h), "POST");
            room_headers(&g);
            http_free(&g);
        }
    static const char *const gets[] = {"/api/me", "/api/state", "/health", "/t", "/",
                                       "/api/nope", "/nope"};
    for (size_t i = 0; i < sizeof gets / sizeof gets[0]; i++) {
        http_got g = room_post(port, gets[i], "{}");
        CHECK_INT(g.status, 405);
        CHECK_STR(http_header(&g, "Allow", h, sizeof h), "GET, HEAD");
        http_free(&g);
    }
    static const char *const unknown[] = {"/api/nope", "/api/join/", "/api/me/x", "/api/",
                                          "/api/../api/me", "/api/%2e%2e/health", "/API/me",
                                          "/api/join%00"};
    for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++) {
        http_got g = http_req(port, "GET", unknown[i], NULL);
        if (strcmp(unknown[i], "/api/../api/me") == 0 && g.status == 401) {
            http_free(&g); /* a client may resolve the dots itself: it is then /api/me */
            continue;
        }
        if (g.status != 404 && g.status != 405)
            fprintf(stderr, "%s: %d\n", unknown[i], g.status);
        CHECK(g.status == 404 || g.status == 405);
        http_free(&g);
    }
    room_refused(http_req(port, "GET", "/api/nope", NULL), 404, "Not found");
    srv_stop(s);
}

static void test_me_and_leave(void)
{
    char *state = room_state();
    srv *s = room_start(state, 0, 0);
    if (!s)
        return;
    int port = srv_port(s);
    char tok[33], other[33];
    CHECK_INT(room_join(port, "r0", "Bo", tok), 200);
    CHECK_INT(room_join(port, "r1", "Cy", other), 200);
    http_got g = room_me(port, tok);
    CHECK_INT(g.status, 200);
    room_headers(&g);
    json_t *o = room_json(&g);
    CHECK_STR(json_string_value(json_object_get(o, "role")), "r0");
    CHECK_STR(json_string_value(json_object_get(o, "name")), "Bo");
    CHECK(json_is_null(json_object_get(o, "vote")));
    CHECK_INT(json_array_size(json_object_get(o, "proposed")), 0);
    CHECK(json_is_array(json_object_get(o, "proposed")));
    json_decref(o);
    http_free(&g);
    /* tokens that are not a phone's */
    char forged[33];
    memcpy(forged, tok, 33);
    forged[31] = forged[31] == '0' ? '1' : '0';
    static const char *const bad[] = {"", "nope", "0123", "ABCDEF0123456789ABCDEF0123456789",
                                      "0123456789abcdef0123456789abcdeg",
                                      "0123456789abcdef0123456789abcdef0"};
    room_refused(room_me(port, forged), 401, "join again");
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        room_refused(room_me(port, bad[i]), 401, "join again");
    room_refused(http_req(port, "GET", "/api/me", NULL), 401, "join again");
    /* leaving frees the slot; the token is stale after */
    char b[100];
    snprintf(b, sizeof b, "{\"token\":\"%s\"}", tok);
    g = room_post(port, "/api/leave", b);
    CHECK_INT(g.status, 200);
    o = room_json(&g);
    CHECK(json_is_true(json_object_get(o, "left")));
    json_decref(o);
    http_free(&g);
    room_refused(room_me(port, tok), 401, "join again");
    room_refused(room_post(port, "/api/leave", b), 401, "join again");
    room_refused(room_post(port, "/api/leave", "{\"token\":5}"), 401, "join again");
    room_refused(room_post(port, "/api/leave", "{}"), 401, "join again");
    room_refused(room_post(port, "/api/leave", "[1]"), 400, "JSON");
    static srv_room r;
    srv_room_get(s, &r);
    CHECK_INT(r.nphones, 1);
    CHECK_STR(r.phones[0].name, "Cy");
    CHECK_INT(r.changes, 3); /* two joins, one leave */
    /* the header works for the POST routes too */
    g = room_send(port, "POST", "/api/leave", "{}", 2,
                  "X-Room-Token: 00000000000000000000000000000000\r\n");
    room_refused(g, 401, "join again");
    srv_stop(s);
    free(state);
}

static int vote_of(srv *s, int phone, int *option, int *conf)
{
    static srv_room r;
    srv_room_get(s, &r);
    *option = r.phones[phone].vote_option;
    *conf = r.phones[phone].vote_conf;
    return r.phones[phone].vote_decision;
}

static void test_vote(void)
{
    char *state = room_state();
    srv *s = room_start(state, 0, 0);
    if (!s)
        return;
    int port = srv_port(s), opt, conf;
    char tok[33], t2[33];
    CHECK_INT(room_join(port, "r0", NULL, tok), 200);
    CHECK_INT(room_join(port, "observer", NULL, t2), 200); /* observers vote too */
    char b[300];
    snprintf(b, sizeof b, "{\"token\":\"%s\",\"decision\":\"d1\",\"option\":\"C\","
             "\"confidence\":\"low\"}", tok);
    http_got g = room_post(port, "/api/vote", b);
    CHECK_INT(g.status, 200);
    json_t *o = room_json(&g), *v = json_object_get(o, "vote");
    CHECK_STR(json_string_value(json_object_get(v, "decision")), "d1");
    CHECK_STR(json_string_value(json_object_get(v, "option")), "C");
    CHECK_STR(json_string_value(json_object_get(v, "confidence")), "low");
    json_decref(o);
    http_free(&g);
    CHECK_INT(vote_of(s, 0, &opt, &conf), 1);
    CHECK_INT(opt, 2);
    CHECK_INT(conf, TALLY_LOW);
    /* a changed vote replaces it: still one vote */
    CHECK_INT(room_vote(port, tok, "d1", "A", "high"), 200);
    CHECK_INT(vote_of(s, 0, &opt, &conf), 1);
    CHECK_INT(opt, 0);
    CHECK_INT(conf, TALLY_HIGH);
    CHECK_INT(room_vote(port, t2, "d1", "B", "medium"), 200);
    g = room_me(port, tok);
    o = room_json(&g);
    v = json_object_get(o, "vote");
    CHECK_STR(json_string_value(json_object_get(v, "option")), "A");
    CHECK_STR(json_string_value(json_object_get(v, "confidence")), "high");
    json_decref(o);
    http_free(&g);
    /* refusals: the decision, the option, the confidence, the types */
    room_refused(room_post(port, "/api/vote", "{}"), 401, "join again");
    snprintf(b, sizeof b, "{\"token\":\"%s\",\"decision\":\"d7\",\"option\":\"A\","
             "\"confidence\":\"low\"}", tok);
    room_refused(room_post(port, "/api/vote", b), 409, "not open");
    static const char *const dkeys[] = {"d01", "1", "d", "D1", "d1 ", "a1", "d-1"};
    for (size_t i = 0; i < sizeof dkeys / sizeof dkeys[0]; i++)
        CHECK_INT(room_vote(port, tok, dkeys[i], "A", "low"), 409);
    static const char *const opts[] = {"D", "a", "", "AB", "Z"};
    for (size_t i = 0; i < sizeof opts / sizeof opts[0]; i++)
        CHECK_INT(room_vote(port, tok, "d1", opts[i], "low"), 400);
    static const char *const confs[] = {"", "LOW", "very", "3", "high "};
    for (size_t i = 0; i < sizeof confs / sizeof confs[0]; i++)
        CHECK_INT(room_vote(port, tok, "d1", "A", confs[i]), 400);
    snprintf(b, sizeof b, "{\"token\":\"%s\",\"decision\":\"d1\",\"option\":1,"
             "\"confidence\":\"low\"}", tok);
    room_refused(room_post(port, "/api/vote", b), 400, "option");
    snprintf(b, sizeof b, "{\"token\":\"%s\",\"decision\":\"d1\",\"option\":\"B\"}", tok);
    room_refused(room_post(port, "/api/vote", b), 400, "confidence");
    CHECK_INT(vote_of(s, 0, &opt, &conf), 1); /* none of those changed it */
    CHECK_INT(opt, 0);
    /* closed: refused from then on, the last accepted vote stays */
    uint64_t before = srv_room_changes(s);
    srv_vote_close(s, 1);
    snprintf(b, sizeof b, "{\"token\":\"%s\",\"decision\":\"d1\",\"option\":\"B\","
             "\"confidence\":\"low\"}", tok);
    room_refused(room_post(port, "/api/vote", b), 409, "closed");
    CHECK_INT(srv_room_changes(s), before);
    CHECK_INT(vote_of(s, 0, &opt, &conf), 1);
    CHECK_INT(opt, 0);
    CHECK_INT(vote_of(s, 1, &opt, &conf), 1);
    CHECK_INT(opt, 1);
    srv_vote_close(s, 1); /* twice: the same */
    srv_vote_close(NULL, 1);
    /* the next decision opens: voting on it replaces the phone's vote */
    char *next = room_state_with("{\"decision\":{\"key\":\"d2\",\"options\":[{\"letter\":\"A\"},"
                                 "{\"letter\":\"B\"}]}}");
    bh_err e;
    CHECK_INT(srv_publish(s, next, strlen(next), &e), BH_OK);
    CHECK_INT(room_vote(port, tok, "d1", "A", "low"), 409);
    CHECK_INT(room_vote(port, tok, "d2", "C", "low"), 400); /* d2 has no C */
    CHECK_INT(room_vote(port, tok, "d2", "B", "medium"), 200);
    CHECK_INT(vote_of(s, 0, &opt, &conf), 2);
    CHECK_INT(opt, 1);
    CHECK_INT(conf, TALLY_MEDIUM);
    /* no decision open (or the holding slide): nothing to vote on */
    char *none = room_state_with("{\"decision\":null}");
    CHECK_INT(srv_publish(s, none, strlen(none), &e), BH_OK);
    CHECK_INT(room_vote(port, tok, "d2", "B", "medium"), 409);
    char *blank = room_state_with("{\"blank\":true}");
    CHECK_INT(srv_publish(s, blank, strlen(blank), &e), BH_OK);
    CHECK_INT(room_vote(port, tok, "d1", "A", "low"), 409);
    free(next);
    free(none);
    free(blank);
    srv_stop(s);
    free(state);
}

/* One server, two sessions (the app keeps its server from one session to
 * the next): when a session closes (srv_publish_holding), its votes and
 * its closed decisions go with it, so the next session's decision d1 is
 * open to votes and counts none from before; and a phone's role follows
 * its key when the next scenario's roles are not the last one's. */
static void test_next_session(void)
{
    char *state = room_state();
    srv *s = room_start(state, 0, 0);
    if (!s)
        return;
    int port = srv_port(s), opt, conf;
    char tok[33], obs[33], r1[33];
    CHECK_INT(room_join(port, "r0", NULL, tok), 200);
    CHECK_INT(room_join(port, "observer", NULL, obs), 200);
    CHECK_INT(room_join(port, "r1", NULL, r1), 200);
    CHECK_INT(room_vote(port, tok, "d1", "A", "high"), 200);
    srv_vote_close(s, 1);
    bh_err e;
    CHECK_INT(srv_publish_holding(s, &e), BH_OK); /* the session closed */
    /* the next session: three teams (the observer's index moves) and d1 open */
    char *next = room_state_with("{\"roles\":[{\"key\":\"r0\",\"label\":\"A\"},"
                                 "{\"key\":\"r1\",\"label\":\"B\"},{\"key\":\"r2\",\"label\":\"C\"},"
                                 "{\"key\":\"observer\",\"label\":\"Observer\"}]}");
    CHECK_INT(srv_publish(s, next, strlen(next), &e), BH_OK);
    CHECK_INT(vote_of(s, 0, &opt, &conf), -1); /* the last session's vote is not this one's */
    CHECK_INT(room_vote(port, tok, "d1", "B", "low"), 200); /* open again */
    CHECK_INT(vote_of(s, 0, &opt, &conf), 1);
    CHECK_INT(opt, 1);
    static srv_room r;
    srv_room_get(s, &r);
    CHECK_INT(r.nphones, 3);
    CHECK_INT(r.phones[1].role, 3); /* still an observer, the new last role */
    CHECK_INT(r.phones[2].role, 1);
    /* a scenario without r1: its phone is no longer in the room */
    char *two = room_state_with("{\"roles\":[{\"key\":\"r0\",\"label\":\"A\"},"
                                "{\"key\":\"observer\",\"label\":\"Observer\"}]}");
    CHECK_INT(srv_publish(s, two, strlen(two), &e), BH_OK);
    srv_room_get(s, &r);
    CHECK_INT(r.nphones, 2);
    CHECK_INT(r.phones[1].role, 1);
    http_got g = room_me(port, r1);
    CHECK_INT(g.status, 401);
    http_free(&g);
    free(next);
    free(two);
    srv_stop(s);
    free(state);
}

/* the phone's "proposed" list, as /api/me gives it, in one string */
static void proposed(int port, const char *tok, char *out, size_t n)
{
    http_got g = room_me(port, tok);
    json_t *o = room_json(&g);
    char *t = json_dumps(json_object_get(o, "proposed"), JSON_COMPACT);
    snprintf(out, n, "%s", t ? t : "?");
    free(t);
    json_decref(o);
    http_free(&g);
}

static void test_propose(void)
{
    char *state = room_state();
    srv *s = room_start(state, 0, 0);
    if (!s)
        return;
    int port = srv_port(s);
    char it[33], comms[33], obs[33], b[200], got[200];
    CHECK_INT(room_join(port, "r0", NULL, it), 200);
    CHECK_INT(room_join(port, "r1", NULL, comms), 200);
    CHECK_INT(room_join(port, "observer", NULL, obs), 200);
    uint64_t changes = srv_room_changes(s);
    snprintf(b, sizeof b, "{\"token\":\"%s\",\"action\":\"a0\"}", it);
    http_got g = room_post(port, "/api/propose", b);
    CHECK_INT(g.status, 200);
    room_headers(&g);
    CHECK_STR(g.body, "{\"proposed\":[\"a0\"]}");
    http_free(&g);
    CHECK_INT(room_propose(port, it, "a0"), 200); /* again: counted once */
    CHECK_INT(room_propose(port, it, "a3"), 200); /* any role's */
    CHECK_INT(room_propose(port, comms, "a3"), 200);
    CHECK_INT(room_propose(port, comms, "a2"), 200);
    proposed(port, it, got, sizeof got);
    CHECK_STR(got, "[\"a0\",\"a3\"]");
    srv_proposal p[10];
    CHECK_INT(srv_proposals_take(s, p, 2), 2);
    CHECK(p[0].action == 0 && p[0].role == 0 && p[1].action == 3 && p[1].role == 0);
    CHECK_INT(srv_proposals_take(s, p, 10), 2);
    CHECK(p[0].action == 3 && p[0].role == 1 && p[1].action == 2 && p[1].role == 1);
    CHECK_INT(srv_proposals_take(s, p, 10), 0);
    CHECK_INT(srv_proposals_take(NULL, p, 10), 0);
    CHECK_INT(srv_room_changes(s), changes); /* proposals are the queue's, not the roster's */
    /* refusals */
    snprintf(b, sizeof b, "{\"token\":\"%s\",\"action\":\"a2\"}", it);
    room_refused(room_post(port, "/api/propose", b), 403, "another team");
    snprintf(b, sizeof b, "{\"token\":\"%s\",\"action\":\"a3\"}", obs);
    room_refused(room_post(port, "/api/propose", b), 403, "Observers");
    snprintf(b, sizeof b, "{\"token\":\"%s\",\"action\":\"a1\"}", it);
    room_refused(room_post(port, "/api/propose", b), 409, "cannot start now");
    CHECK_INT(room_propose(port, it, "a4"), 409); /* blocked */
    static const char *const unknown[] = {"a9", "a", "x", "", "a01", "A0", "d1"};
    for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++)
        CHECK_INT(room_propose(port, it, unknown[i]), 400);
    snprintf(b, sizeof b, "{\"token\":\"%s\",\"action\":0}", it);
    room_refused(room_post(port, "/api/propose", b), 400, "action");
    CHECK_INT(room_propose(port, "0123456789abcdef0123456789abcdef", "a0"), 401);
    CHECK_INT(srv_proposals_take(s, p, 10), 0);
    /* a0 starts: it leaves the phone's list; once available again, the
     * phone may ask again */
    char *running = room_state_with(
        "{\"actions\":[{\"key\":\"a0\",\"role\":\"r0\",\"state\":\"running\",\"reason\":\"x\"},"
        "{\"key\":\"a3\",\"role\":\"\",\"state\":\"available\",\"reason\":\"\"}]}");
    bh_err e;
    CHECK_INT(srv_publish(s, running, strlen(running), &e), BH_OK);
    proposed(port, it, got, sizeof got);
    CHECK_STR(got, "[\"a3\"]");
    CHECK_INT(room_propose(port, it, "a0"), 409);
    CHECK_INT(srv_publish(s, state, strlen(state), &e), BH_OK);
    CHECK_INT(room_propose(port, it, "a0"), 200);
    CHECK_INT(srv_proposals_take(s, p, 10), 1);
    /* the holding slide: nothing to propose */
    char *blank = room_state_with("{\"blank\":true}");
    CHECK_INT(srv_publish(s, blank, strlen(blank), &e), BH_OK);
    CHECK_INT(room_propose(port, it, "a3"), 400);
    free(running);
    free(blank);
    srv_stop(s);
    free(state);
}

static void test_selftest(void)
{
    srv *s = room_start(NULL, 0, 0);
    if (!s)
        return;
    int port = srv_port(s);
    static srv_room r;
    srv_room_get(s, &r);
    CHECK_INT(r.selftests, 0);
    CHECK_STR(r.selftest_from, "");
    uint64_t before = srv_room_changes(s);
    http_got g = http_req(port, "GET", "/t", NULL);
    CHECK_INT(g.status, 200);
    char h[100];
    CHECK_STR(http_header(&g, "Content-Type", h, sizeof h), "text/html; charset=utf-8");
    CHECK_HAS(g.body, "Your phone reached the facilitator's laptop");
    CHECK(!strstr(g.body, "<script") && !strstr(g.body, "style"));
    room_headers(&g);
    http_free(&g);
    srv_room_get(s, &r);
    CHECK_INT(r.selftests, 1);
    CHECK_STR(r.selftest_from, "127.0.0.1");
    CHECK(srv_room_changes(s) > before);
    g = http_req(port, "HEAD", "/t", NULL); /* a HEAD is no phone that came */
    CHECK_INT(g.status, 200);
    http_free(&g);
    g = http_req(port, "GET", "/t?x=1", NULL);
    CHECK_INT(g.status, 200);
    http_free(&g);
    srv_room_get(s, &r);
    CHECK_INT(r.selftests, 2);
    srv_room_get(NULL, &r);
    CHECK_INT(r.nphones, 0);
    CHECK_INT(srv_room_changes(NULL), 0);
    srv_stop(s);
}

/* Without a code in the options the server draws one, and joins need it. */
static void test_drawn_code(void)
{
    srv *s = NULL;
    bh_err e;
    CHECK_INT(srv_start(&s, &(srv_opts){.bind = "127.0.0.1"}, &e), BH_OK);
    if (!s)
        return;
    const char *code = srv_code(s);
    CHECK_INT(strlen(code), SRV_ROOM_CODE_LEN);
    char *state = room_state();
    CHECK_INT(srv_publish(s, state, strlen(state), &e), BH_OK);
    char b[100];
    snprintf(b, sizeof b, "{\"code\":\"%s\",\"role\":\"r0\"}", code);
    http_got g = room_post(srv_port(s), "/api/join", b);
    CHECK_INT(g.status, 200);
    http_free(&g);
    snprintf(b, sizeof b, "{\"code\":\"%s\",\"role\":\"r0\"}",
             strcmp(code, "ABCD") ? "ABCD" : "ABCE"); /* another code */
    room_refused(room_post(srv_port(s), "/api/join", b), 403, "code");
    srv_stop(s);
    free(state);
    CHECK_STR(srv_code(NULL), "");
}

int main(int argc, char **argv)
{
    static const check_case cases[] = {
        {"join", test_join},
        {"methods and unknown paths", test_methods},
        {"me and leave", test_me_and_leave},
        {"vote", test_vote},
        {"the next session", test_next_session},
        {"propose", test_propose},
        {"self-test", test_selftest},
        {"a drawn room code", test_drawn_code},
        {NULL, NULL},
    };
    return check_main(argc, argv, cases);
}
