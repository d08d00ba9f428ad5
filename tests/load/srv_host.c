/* srv_host: a real room server for tests that drive it from outside (the
 * phone page's browser test, the load test by hand). It listens on
 * 127.0.0.1 only, on a free port, publishes the state given, prints
 *   port N code ABCD
 * on stdout, then obeys commands on stdin, one a line, answering each
 * with one line:
 *   publish FILE   the JSON state in FILE becomes /api/state  -> ok | error: ...
 *   close D        closes voting on decision index D            -> ok
 *   holding        the session closed: srv_publish_holding      -> ok
 *   roster         the roster (srv_room_get) as one JSON object
 *   proposals      the queued proposals, taken, as one JSON array
 *   save           srv_roster_save's text, compact, one line
 *   load FILE      srv_roster_load of FILE                      -> ok | error: ...
 *   quit           stops (as does the end of stdin)
 * Usage: srv_host STATE.json [--code CODE] [--assets DIR] [--max-phones N] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "room/srv.h"

#include <jansson.h>

/* A file's text handed to srv_publish or srv_roster_load: 1 when done,
 * else 0 with "error: ..." printed. */
typedef bh_status (*take_fn)(srv *s, const char *json, size_t n, bh_err *err);

static int from_file(srv *s, const char *path, take_fn take)
{
    char *t = NULL;
    size_t n = 0;
    bh_err e;
    err_clear(&e);
    bh_status st = text_read_file(path, 16u << 20, &t, &n, &e);
    if (st == BH_OK)
        st = take(s, t, n, &e);
    free(t);
    if (st != BH_OK)
        printf("error: %s\n", e.msg);
    return st == BH_OK;
}

static void roster(srv *s)
{
    static srv_room r;
    srv_room_get(s, &r);
    json_t *a = json_array();
    for (int i = 0; i < r.nphones; i++) {
        const srv_phone *p = &r.phones[i];
        json_array_append_new(a, json_pack("{s:i, s:s, s:i, s:i, s:i, s:f}", "role", p->role,
                                           "name", p->name, "vote_decision", p->vote_decision,
                                           "vote_option", p->vote_option, "vote_conf",
                                           p->vote_conf, "idle_s", p->idle_s));
    }
    json_t *o = json_pack("{s:i, s:o, s:I, s:i, s:s}", "nphones", r.nphones, "phones", a,
                          "changes", (json_int_t)r.changes, "selftests", r.selftests,
                          "selftest_from", r.selftest_from);
    char *t = json_dumps(o, JSON_COMPACT);
    printf("%s\n", t ? t : "{}");
    free(t);
    json_decref(o);
}

static void proposals(srv *s)
{
    srv_proposal p[256];
    json_t *a = json_array();
    int n;
    while ((n = srv_proposals_take(s, p, 256)) > 0)
        for (int i = 0; i < n; i++)
            json_array_append_new(a, json_pack("{s:i, s:i}", "action", p[i].action, "role",
                                               p[i].role));
    char *t = json_dumps(a, JSON_COMPACT);
    printf("%s\n", t ? t : "[]");
    free(t);
    json_decref(a);
}

static void save(srv *s)
{
    char *t = srv_roster_save(s);
    json_t *o = t ? json_loads(t, 0, NULL) : NULL;
    char *c = o ? json_dumps(o, JSON_COMPACT) : NULL;
    printf("%s\n", c ? c : "error: out of memory");
    free(c);
    json_decref(o);
    free(t);
}

int main(int argc, char **argv)
{
    srv_opts o;
    srv_opts_default(&o);
    o.bind = "127.0.0.1"; /* tests never listen on the LAN */
    o.port = 0;
    o.assets = BH_SOURCE_DIR "/assets";
    const char *state = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--code") == 0 && i + 1 < argc)
            o.code = argv[++i];
        else if (strcmp(argv[i], "--assets") == 0 && i + 1 < argc)
            o.assets = argv[++i];
        else if (strcmp(argv[i], "--max-phones") == 0 && i + 1 < argc)
            o.max_phones = atoi(argv[++i]);
        else if (!state && argv[i][0] != '-')
            state = argv[i];
        else {
            fprintf(stderr, "usage: srv_host STATE.json [--code CODE] [--assets DIR] "
                            "[--max-phones N]\n");
            return 2;
        }
    }
    srv *s = NULL;
    bh_err e;
    err_clear(&e);
    if (srv_start(&s, &o, &e) != BH_OK) {
        fprintf(stderr, "srv_host: %s\n", e.msg);
        return 1;
    }
    if (state && !from_file(s, state, srv_publish)) {
        srv_stop(s);
        return 1;
    }
    setvbuf(stdout, NULL, _IOLBF, 0);
    printf("port %d code %s\n", srv_port(s), srv_code(s));
    char line[4200];
    while (fgets(line, sizeof line, stdin)) {
        line[strcspn(line, "\r\n")] = 0;
        if (strncmp(line, "publish ", 8) == 0) {
            if (from_file(s, line + 8, srv_publish))
                printf("ok\n");
        } else if (strncmp(line, "close ", 6) == 0) {
            srv_vote_close(s, atoi(line + 6));
            printf("ok\n");
        } else if (strcmp(line, "holding") == 0) {
            printf(srv_publish_holding(s, &e) == BH_OK ? "ok\n" : "error: %s\n", e.msg);
        } else if (strcmp(line, "roster") == 0) {
            roster(s);
        } else if (strcmp(line, "proposals") == 0) {
            proposals(s);
        } else if (strcmp(line, "save") == 0) {
            save(s);
        } else if (strncmp(line, "load ", 5) == 0) {
            if (from_file(s, line + 5, srv_roster_load))
                printf("ok\n");
        } else if (strcmp(line, "quit") == 0) {
            break;
        } else if (line[0]) {
            printf("error: unknown command '%.80s' (publish FILE, close D, holding, roster, "
                   "proposals, save, load FILE, quit)\n", line);
        }
    }
    srv_stop(s);
    return 0;
}
