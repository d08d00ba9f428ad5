/* test_srv_limits: the room server's limits, over real sockets on
 * 127.0.0.1: the proposals' queue is bounded (503 when the main loop does
 * not drain it, and nothing queued is lost), the room's cap (503 "The
 * room is full", a slot freed by leaving), each token's rate (a burst,
 * then 429 with Retry-After, the bucket refilled) and the room's joins
 * per second. */
#include <time.h>

#include "srv_client.h"

/* The queue of proposals is bounded: when the main loop does not drain
 * it, proposals get 503, and none is lost from what was queued. */
static void test_queue_full(void)
{
    /* SRV_MAX_QUEUE proposals need that many distinct (phone, action)
     * pairs: 250 phones x actions a0..a19, drained never */
    json_t *o = json_load_file(ROOM_STATE, 0, NULL), *acts = json_array();
    for (int i = 0; i < 20; i++) {
        char k[8];
        snprintf(k, sizeof k, "a%d", i);
        json_array_append_new(acts, json_pack("{s:s, s:s, s:s, s:s}", "key", k, "role", "",
                                              "state", "available", "reason", ""));
    }
    json_object_set_new(o, "actions", acts);
    char *state = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    srv *s = room_start(state, 0, 1000);
    if (!s)
        return;
    int port = srv_port(s), ok = 0, full = 0, other = 0;
    for (int ph = 0; ph < 250 && !full; ph++) {
        char tok[33];
        if (room_join(port, "r0", NULL, tok) != 200) {
            other++;
            continue;
        }
        for (int a = 0; a < 20 && !full; a++) {
            char k[8];
            snprintf(k, sizeof k, "a%d", a);
            int st = 429;
            for (int tries = 0; st == 429 && tries < 100; tries++) {
                st = room_propose(port, tok, k);
                if (st == 429)
                    nanosleep(&(struct timespec){0, 50000000}, NULL);
            }
            ok += st == 200;
            full += st == 503;
            other += st != 200 && st != 503;
        }
    }
    CHECK_INT(ok, SRV_MAX_QUEUE);
    CHECK_INT(full, 1);
    CHECK_INT(other, 0);
    static srv_proposal p[SRV_MAX_QUEUE + 1];
    CHECK_INT(srv_proposals_take(s, p, SRV_MAX_QUEUE + 1), SRV_MAX_QUEUE);
    srv_stop(s);
    free(state);
}

static void test_full_room(void)
{
    char *state = room_state();
    srv *s = room_start(state, 3, 0);
    if (!s)
        return;
    int port = srv_port(s);
    char t[4][33];
    for (int i = 0; i < 3; i++)
        CHECK_INT(room_join(port, "r0", NULL, t[i]), 200);
    room_refused(room_post(port, "/api/join", "{\"code\":\"ABCD\",\"role\":\"r0\"}"), 503,
            "The room is full");
    char b[100];
    snprintf(b, sizeof b, "{\"token\":\"%s\"}", t[1]);
    http_got g = room_post(port, "/api/leave", b);
    CHECK_INT(g.status, 200);
    http_free(&g);
    CHECK_INT(room_join(port, "r1", NULL, t[3]), 200);
    CHECK_INT(room_join(port, "r1", NULL, t[1]), 503);
    static srv_room r;
    srv_room_get(s, &r);
    CHECK_INT(r.nphones, 3);
    CHECK_INT(r.phones[2].role, 1); /* in joining order: the newcomer last */
    srv_stop(s);
    free(state);
}

/* Burst then 429 with Retry-After; the bucket refills. Counted, not
 * timed: whatever the machine's speed, at least the burst passes, and a
 * 429 comes well before the burst plus what a slow run could refill. */
static void test_rate_limits(void)
{
    char *state = room_state();
    room_rate = 0; /* the default: 5 a second, a burst of 10 */
    srv *s = room_start(state, 0, 2); /* joins: 2 a second, a burst of 4 */
    room_rate = 1000;
    if (!s)
        return;
    int port = srv_port(s);
    char tok[33], h[50];
    CHECK_INT(room_join(port, "r0", NULL, tok), 200);
    int passed = 0, limited = 0;
    for (int i = 0; i < 200 && !limited; i++) {
        http_got g = room_me(port, tok);
        if (g.status == 429) {
            limited = 1;
            CHECK_STR(http_header(&g, "Retry-After", h, sizeof h), "1");
            CHECK_HAS(g.body, "error");
        } else {
            CHECK_INT(g.status, 200);
            passed++;
        }
        http_free(&g);
    }
    CHECK(limited);
    CHECK(passed >= (int)SRV_RATE_BURST);
    /* votes and proposals spend the same bucket */
    CHECK_INT(room_vote(port, tok, "d1", "A", "low"), 429);
    CHECK_INT(room_propose(port, tok, "a0"), 429);
    /* another phone is not held back by this one (a venue's phones may
     * share one address) */
    char other[33];
    int st = room_join(port, "r1", NULL, other);
    CHECK(st == 200 || st == 429);
    if (st == 200) {
        http_got g = room_me(port, other);
        CHECK_INT(g.status, 200);
        http_free(&g);
    }
    nanosleep(&(struct timespec){1, 300000000}, NULL); /* refills at least 5 */
    CHECK_INT(room_vote(port, tok, "d1", "A", "low"), 200);
    /* joins of the whole room */
    int joined = 0, refused_join = 0;
    for (int i = 0; i < 100 && !refused_join; i++) {
        char t[33];
        st = room_join(port, "r0", NULL, t);
        joined += st == 200;
        refused_join = st == 429;
    }
    CHECK(refused_join);
    CHECK(joined >= 1);
    srv_stop(s);
    free(state);
}

/* Wrong room codes are limited for the whole room: 23^4 codes, tried at
 * thousands a second, fall in under a minute. While guesses are refused,
 * every join waits (429), the right code too, or the limit would tell the
 * right code apart. Loosely timed like the test above: at least the burst
 * passes, and a 429 comes long before 1000 guesses. */
static void test_wrong_codes(void)
{
    char *state = room_state();
    room_bad_codes = 0; /* the default */
    srv *s = room_start(state, 0, 1000); /* joins themselves are not what is limited here */
    room_bad_codes = 1000;
    if (!s)
        return;
    int port = srv_port(s), wrong = 0, limited = 0;
    char b[100], h[50];
    for (int i = 0; i < 1000 && !limited; i++) {
        snprintf(b, sizeof b, "{\"code\":\"Z%03d\",\"role\":\"r0\"}", i);
        http_got g = room_post(port, "/api/join", b);
        if (g.status == 429) {
            limited = 1;
            CHECK_STR(http_header(&g, "Retry-After", h, sizeof h), "1");
        } else {
            CHECK_INT(g.status, 403);
            wrong++;
        }
        http_free(&g);
    }
    CHECK(limited);
    CHECK(wrong >= (int)(2 * SRV_BAD_CODES_PER_S) && wrong < 100);
    char tok[33];
    CHECK_INT(room_join(port, "r0", NULL, tok), 429); /* the right code waits too */
    nanosleep(&(struct timespec){1, 300000000}, NULL);
    CHECK_INT(room_join(port, "r0", NULL, tok), 200);
    srv_stop(s);
    free(state);
}

int main(int argc, char **argv)
{
    static const check_case cases[] = {
        {"the proposals' queue is bounded", test_queue_full},
        {"a full room", test_full_room},
        {"rate limits", test_rate_limits},
        {"wrong room codes", test_wrong_codes},
        {NULL, NULL},
    };
    return check_main(argc, argv, cases);
}
