/* test_ui_room: the room server inside the running game, headless (SDL's
 * dummy driver): `--room` starts it with the workshop, /health and
 * /api/state answer between frames (the server has its own thread; the
 * test runs app_frame and connects from this one), the state follows the
 * session and what the facilitator shows, it is published only when the
 * room's view changed and built once a frame with the projector, the
 * console's Room control switches it off and on, a port in use leaves
 * the app running with the fix on the console, and quitting closes the
 * port. Connects only to 127.0.0.1. */
#include <jansson.h>

#include "check.h"
#include "check_record.h"
#include "check_workshop.h"
#include "http_client.h"
#include "ui/ui_ops.h"


static json_t *get_json(int port, const char *path, int *status)
{
    http_got g = http_req(port, "GET", path, NULL);
    *status = g.status;
    json_t *o = json_loads(g.body, 0, NULL);
    http_free(&g);
    return o;
}

static void test_room_runs(void)
{
    cw_fresh_dir();
    app *a = calloc(1, sizeof *a);
    app_opts o = cw_room_opts();
    if (!a || !cw_init(a, &o)) {
        CHECK(0);
        free(a);
        return;
    }
    CHECK(a->room.srv != NULL);
    int port = srv_port(a->room.srv);
    CHECK(port > 0);
    CHECK_INT(strlen(a->room.code), SRV_ROOM_CODE_LEN);
    int st;
    /* on the briefing: the server answers, with the holding slide and the
     * scenario's roles (phones join while the room is briefed) */
    json_t *h = get_json(port, "/health", &st);
    CHECK_INT(st, 200);
    CHECK_INT(json_integer_value(json_object_get(h, "phones")), 0);
    CHECK(json_is_true(json_object_get(h, "published")));
    CHECK_INT(json_integer_value(json_object_get(h, "open_decisions")), 0);
    json_decref(h);
    json_t *w = get_json(port, "/api/state", &st);
    CHECK(json_is_true(json_object_get(w, "blank")));
    CHECK_STR(json_string_value(json_object_get(w, "title")), ""); /* the holding slide */
    CHECK_INT(json_array_size(json_object_get(w, "roles")),
              lh_defs(a->brief)->nteams + 1);
    CHECK(json_is_null(json_object_get(w, "decision")));
    CHECK_STR(json_string_value(json_object_get(w, "session")), "");
    json_decref(w);

    app_begin(a);
    app_frame(a, 0);
    CHECK(a->playing && a->has_proj);
    /* the console says where phones go and the code; the projector's
     * join panel (before play) has the address with the code in it */
    drawn console = {0}, room = {0};
    a->u.record = check_record;
    a->u.record_ctx = &console;
    a->proj.record = check_record;
    a->proj.record_ctx = &room;
    app_frame(a, 0);
    char want[SRV_URL_MAX + 40];
    snprintf(want, sizeof want, "Phones open http://127.0.0.1:%d/", port);
    CHECK_HAS(console.text, want);
    snprintf(want, sizeof want, "Room code: %s", a->room.code);
    CHECK_HAS(console.text, want);
    CHECK_HAS(room.text, a->room.code);
    a->u.record = a->proj.record = NULL;
    free(console.text);
    free(room.text);
    json_t *s = get_json(port, "/api/state", &st);
    CHECK_INT(st, 200);
    CHECK_STR(json_string_value(json_object_get(s, "phase")), "before");
    /* the session's word: 16 hex digits, none on the briefing */
    const char *sess = json_string_value(json_object_get(s, "session"));
    CHECK(sess && strlen(sess) == 16 && strspn(sess, "0123456789abcdef") == 16);
    snprintf(want, sizeof want, "http://127.0.0.1:%d/?c=%s", port, a->room.code);
    CHECK_STR(json_string_value(json_object_get(s, "join")), want);
    CHECK_STR(json_string_value(json_object_get(s, "title")), "First Night Shift");
    json_decref(s);

    /* idle frames: nothing changes, nothing is published again, and the
     * model is built once a frame (for the projector and the phones) */
    uint64_t pub = srv_published(a->room.srv);
    long builds = a->room.builds;
    for (int i = 0; i < 5; i++)
        app_frame(a, 0);
    CHECK_INT(srv_published(a->room.srv), pub);
    CHECK_INT(a->room.builds - builds, 5);

    /* the clock runs: the state follows, frame by frame */
    ops_set_speed(a, 8);
    for (int i = 0; i < 20; i++) {
        app_frame(a, 0.5);
        h = get_json(port, "/health", &st); /* between frames, from this thread */
        CHECK_INT(st, 200);
        json_decref(h);
    }
    CHECK(srv_published(a->room.srv) > pub);
    s = get_json(port, "/api/state", &st);
    CHECK_STR(json_string_value(json_object_get(s, "phase")), "playing");
    CHECK(json_integer_value(json_object_get(s, "now_s")) > 0);
    CHECK_INT(json_integer_value(json_object_get(s, "now_s")), sim_now(a->game.sim));
    json_decref(s);

    /* the holding slide reaches the phones too */
    a->show.blank = 1;
    app_frame(a, 0);
    s = get_json(port, "/api/state", &st);
    CHECK(json_is_true(json_object_get(s, "blank")));
    CHECK_STR(json_string_value(json_object_get(s, "title")), "");
    json_decref(s);
    a->show.blank = 0;

    /* with the projector closed the phones still get the state */
    app_projector_close(a);
    ops_set_speed(a, 8);
    pub = srv_published(a->room.srv);
    app_frame(a, 1.0);
    CHECK(srv_published(a->room.srv) > pub);

    /* back to the title: the phones get the holding slide, not the old state */
    app_to_title(a);
    app_frame(a, 0);
    s = get_json(port, "/api/state", &st);
    CHECK(json_is_true(json_object_get(s, "blank")));
    CHECK_STR(json_string_value(json_object_get(s, "title")), "");
    json_decref(s);
    app_open_briefing(a, BH_SOURCE_DIR "/scenarios/tutorial.lua");
    app_begin(a);
    app_frame(a, 0);
    CHECK(a->playing);
    s = get_json(port, "/api/state", &st);
    CHECK_STR(json_string_value(json_object_get(s, "title")), "First Night Shift");
    json_decref(s);

    /* the console's control: off closes the port, on opens one again */
    CHECK(cw_click_label(a, cw_console_id(a), "Room: on"));
    CHECK(a->room.srv == NULL);
    errno = 0;
    CHECK_INT(http_connect(port), -1);
    CHECK(cw_click_label(a, cw_console_id(a), "Room: off"));
    CHECK(a->room.srv != NULL);
    if (a->room.srv) {
        port = srv_port(a->room.srv);
        app_frame(a, 0);
        s = get_json(port, "/api/state", &st);
        CHECK_INT(st, 200); /* published again at once */
        json_decref(s);
    }
    /* quitting closes the port */
    app_free(a);
    free(a);
    CHECK_INT(http_connect(port), -1);
}

static void test_port_in_use(void)
{
    cw_fresh_dir();
    srv *other = NULL;
    srv_opts so;
    srv_opts_default(&so);
    so.bind = "127.0.0.1";
    so.port = 0;
    bh_err e;
    CHECK_INT(srv_start(&other, &so, &e), BH_OK);
    if (!other)
        return;
    app *a = calloc(1, sizeof *a);
    app_opts o = cw_room_opts();
    o.room_port = srv_port(other);
    if (!a || !cw_init(a, &o)) {
        CHECK(0);
        free(a);
        srv_stop(other);
        return;
    }
    CHECK(a->room.srv == NULL);
    CHECK_HAS(a->room.error, "--port N");
    app_begin(a);
    for (int i = 0; i < 3; i++)
        app_frame(a, 0);
    CHECK(a->playing); /* the workshop carries on without the room */
    CHECK(ui_find(&a->u, "Room: off") != NULL);
    app_free(a);
    free(a);
    srv_stop(other);
}

/* A workshop without --room: the server is off, the control is there. */
static void test_off_by_default(void)
{
    cw_fresh_dir();
    app *a = calloc(1, sizeof *a);
    if (!a || !cw_start_tutorial_workshop(a)) {
        CHECK(0);
        free(a);
        return;
    }
    CHECK(a->room.srv == NULL);
    CHECK(ui_find(&a->u, "Room: off") != NULL);
    app_free(a);
    free(a);
}

int main(int argc, char **argv)
{
    static const check_case cases[] = {
        {"the room runs with the workshop", test_room_runs},
        {"a port in use", test_port_in_use},
        {"off by default", test_off_by_default},
        {NULL, NULL}};
    return cw_main(argc, argv, cases);
}
