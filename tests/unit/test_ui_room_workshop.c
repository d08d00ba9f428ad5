/* test_ui_room_workshop: a headless workshop of the tutorial with three
 * scripted phones (issue 14's "Tests"). The game runs in this process
 * under SDL's dummy driver with the room server on 127.0.0.1; the phones
 * are HTTP requests from this thread between frames. They join as two
 * teams and an Observer (one named "<script>...", shown as text), vote,
 * one changes its vote; the console shows the live tally by option and
 * role; the facilitator reveals it (the projector and /api/state show it)
 * and commits the room's majority with one click; the journal holds the
 * `vote` lines before the `choose`; a vote after that is refused (409).
 * A phone proposes an action: it is journaled (`proposal`), queued on the
 * console, and started with one click. At the second decision the phones
 * vote and the deadline passes: the votes are journaled before the
 * default. The report of the session shows the split. Connects only to
 * 127.0.0.1. */
#include <jansson.h>

#include "check.h"
#include "check_record.h"
#include "check_workshop.h"
#include "core/text.h"
#include "http_client.h"
#include "report/rp_report.h"
#include "ui/ui_facil.h"
#include "ui/ui_ops.h"
#include "ui/ui_tour.h"

/* BH_ROOM_SHOTS=DIR: the console and the projector at this state, as BMPs
 * (the README's screenshots of the console's room section). */
static void snap(ui *u, const char *name)
{
    const char *dir = getenv("BH_ROOM_SHOTS");
    if (!dir)
        return;
    char path[512];
    bh_err e;
    snprintf(path, sizeof path, "%s/%s.bmp", dir, name);
    if (tour_save_ui_bmp(u, path, &e) != BH_OK)
        fprintf(stderr, "%s\n", e.msg);
}

static int port;

/* POST path with a JSON body; the answer's status, and its body parsed
 * into *out (NULL when not JSON) when out is given. */
static int post(const char *path, const char *body, json_t **out)
{
    char buf[4096];
    int n = snprintf(buf, sizeof buf,
                     "POST %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                     "Content-Type: application/json\r\nContent-Length: %zu\r\n\r\n%s",
                     path, strlen(body), body);
    http_got g = http_raw(port, buf, (size_t)n);
    int st = g.status;
    if (out)
        *out = json_loads(g.body, 0, NULL);
    http_free(&g);
    return st;
}

static json_t *state(void)
{
    http_got g = http_req(port, "GET", "/api/state", NULL);
    json_t *o = g.status == 200 ? json_loads(g.body, 0, NULL) : NULL;
    http_free(&g);
    return o;
}

/* Joins as `role` ("r0", "observer") named `name`; the token into tok. */
static int join(const char *code, const char *role, const char *name, char *tok)
{
    json_t *req = json_pack("{s:s, s:s, s:s}", "code", code, "role", role, "name", name);
    char *body = json_dumps(req, JSON_COMPACT);
    json_t *ans = NULL;
    int st = post("/api/join", body, &ans);
    const char *t = json_string_value(json_object_get(ans, "token"));
    snprintf(tok, 64, "%s", t ? t : "");
    free(body);
    json_decref(req);
    json_decref(ans);
    return st;
}

static int vote(const char *tok, const char *decision, const char *option, const char *conf)
{
    char body[300];
    snprintf(body, sizeof body,
             "{\"token\":\"%s\",\"decision\":\"%s\",\"option\":\"%s\",\"confidence\":\"%s\"}",
             tok, decision, option, conf);
    return post("/api/vote", body, NULL);
}

static void frames(app *a, int n)
{
    for (int i = 0; i < n; i++)
        app_frame(a, 0);
}

static char *journal_text(app *a)
{
    char *t = NULL;
    size_t n = 0;
    bh_err e;
    if (text_read_file(a->game.journal_path, 1 << 22, &t, &n, &e) != BH_OK)
        return NULL;
    return t;
}

/* The first available action the role may propose, from the state. */
static const char *available_action(json_t *s, const char *role, const char **label)
{
    size_t i;
    json_t *x;
    json_array_foreach(json_object_get(s, "actions"), i, x)
    {
        const char *r = json_string_value(json_object_get(x, "role"));
        const char *st = json_string_value(json_object_get(x, "state"));
        if (r && st && strcmp(st, "available") == 0 && (strcmp(r, role) == 0 || !r[0])) {
            *label = json_string_value(json_object_get(x, "label"));
            return json_string_value(json_object_get(x, "key"));
        }
    }
    return NULL;
}

static void test_three_phones(void)
{
    app *a = cw_room_workshop();
    CHECK(a != NULL);
    if (!a)
        return;
    port = srv_port(a->room.srv);
    frames(a, 1);
    CHECK(a->playing);
    bh_err e;
    CHECK_INT(play_jump_to_decision(&a->game, &e), BH_OK);
    frames(a, 2);
    int d = rv_open_decision(a->game.sim);
    CHECK(d >= 0);
    const bh_defs *defs = sim_defs(a->game.sim);
    json_t *s = state();
    json_t *dec = json_object_get(s, "decision");
    char dkey[32];
    snprintf(dkey, sizeof dkey, "%s", json_string_value(json_object_get(dec, "key")) ?: "");
    char want[32];
    snprintf(want, sizeof want, "d%d", d);
    CHECK_STR(dkey, want);
    CHECK(json_array_size(json_object_get(s, "roles")) == defs->nteams + 1);

    /* three phones join: two teams and an observer */
    char t1[64], t2[64], t3[64];
    CHECK_INT(join(a->room.code, "r0", "Ann Quokka", t1), 200);
    CHECK_INT(join(a->room.code, "r1", "<script>alert(1)</script>", t2), 200);
    CHECK_INT(join(a->room.code, "observer", "", t3), 200);
    CHECK_INT(join("ZZZZ", "r0", "Eve", (char[64]){0}), 403);
    /* the facilitator's self-test: a phone opened /t */
    http_got g = http_req(port, "GET", "/t", NULL);
    CHECK_INT(g.status, 200);
    http_free(&g);
    CHECK_INT(vote(t1, dkey, "A", "high"), 200);
    CHECK_INT(vote(t2, dkey, "B", "low"), 200);
    CHECK_INT(vote(t3, dkey, "A", "medium"), 200);
    CHECK_INT(vote(t2, dkey, "C", "medium"), 200); /* changed: counted once, as C */
    drawn console = {0}, room = {0};
    CW_RECORDED(a, &a->u, &console, 2);
    tally_sum ts;
    tally_sum_of(&a->room.tally, -1, &ts);
    CHECK_INT(a->room.tally.decision, d);
    CHECK_INT(ts.joined, 3);
    CHECK_INT(ts.voters, 3);
    CHECK_INT(ts.by_option[0], 2);
    CHECK_INT(ts.by_option[1], 0);
    CHECK_INT(ts.by_option[2], 1);
    CHECK_INT(ts.top, 0);
    CHECK_INT(ts.unified, 1); /* 2 of 3 */
    /* who is in the room moved three times (the joins), the room's state
     * more (the votes): JOURNAL.phones is written for the first only */
    CHECK(a->room.roster && a->room.roster->members == 3 && a->room.roster->changes > 3);
    CHECK(a->room.members_saved == 3);
    CHECK_HAS(console.text, "Phones joined: 3");
    CHECK_HAS(console.text, "Self-test: connected. A phone reached this laptop from 127.0.0.1");
    CHECK_HAS(console.text, "Votes: 3 of 3 phones");
    CHECK_HAS(console.text, "<script>alert(1)</script>"); /* a name is text */
    CHECK_HAS(console.text, "Unified: 67%");
    free(console.text);
    snap(&a->u, "console-votes");
    /* not on the projector nor the phones until revealed */
    json_decref(s);
    s = state();
    CHECK(json_is_null(json_object_get(s, "tally")));
    CHECK(cw_click_label(a, cw_console_id(a), "Show the vote on the projector"));
    CHECK(a->show.reveal);
    CW_RECORDED(a, &a->proj, &room, 2);
    snap(&a->proj, "projector-tally");
    CHECK_HAS(room.text, "The room's vote");
    CHECK_HAS(room.text, "Unified: 67% for A");
    CHECK(!room.text || !strstr(room.text, "Quokka")); /* by role, never by name */
    free(room.text);
    json_decref(s);
    s = state();
    json_t *tl = json_object_get(s, "tally");
    CHECK_INT(json_integer_value(json_object_get(tl, "voters")), 3);
    CHECK(json_is_true(json_object_get(tl, "unified")));
    char *st = json_dumps(s, 0);
    CHECK(st && !strstr(st, "Quokka")); /* by role, never by name */
    free(st);

    /* a choice the session refuses (no such option) leaves the vote open */
    bh_input bad = {.kind = IN_CHOOSE, .a = d, .b = 99};
    CHECK(facil_send(a, &bad) != BH_OK);
    CHECK_INT(vote(t3, dkey, "A", "medium"), 200);
    /* the facilitator commits the room's majority with one click */
    char commit[200];
    snprintf(commit, sizeof commit, "Commit A: %s", defs->decisions[d].options[0].label);
    CHECK(cw_click_label(a, cw_console_id(a), commit));
    bh_decision_status ds;
    sim_decision_status(a->game.sim, d, &ds);
    CHECK_INT(ds.state, DEC_DECIDED);
    CHECK_INT(ds.chosen, 0);
    CHECK_INT(vote(t1, dkey, "B", "high"), 409); /* closed */
    char *j = journal_text(a);
    CHECK(j != NULL);
    if (j) {
        char vline[200], cline[200];
        const bh_decision_def *dd = &defs->decisions[d];
        snprintf(vline, sizeof vline, " vote %s %s 1 %s=0/0/1", dd->id, defs->teams[0].id,
                 dd->options[0].id);
        snprintf(cline, sizeof cline, " choose %s %s", defs->decisions[d].id,
                 defs->decisions[d].options[0].id);
        const char *v = strstr(j, vline), *c = strstr(j, cline);
        if (!v || !c)
            fprintf(stderr, "journal:\n%s\n", j);
        CHECK(v && c && v < c);
        snprintf(vline, sizeof vline, " vote %s observer 1 %s=0/1/0", dd->id, dd->options[0].id);
        CHECK_HAS(j, vline);
        snprintf(vline, sizeof vline, " vote %s %s 1 %s=0/1/0", dd->id, defs->teams[1].id,
                 dd->options[2].id);
        CHECK_HAS(j, vline);
        free(j);
    }

    /* a proposal: journaled, queued on the console, started in one click */
    json_decref(s);
    s = state();
    const char *label = NULL, *akey = available_action(s, "r0", &label);
    CHECK(akey != NULL);
    if (akey) {
        char body[200];
        snprintf(body, sizeof body, "{\"token\":\"%s\",\"action\":\"%s\"}", t1, akey);
        CHECK_INT(post("/api/propose", body, NULL), 200);
        CHECK_INT(post("/api/propose", body, NULL), 200); /* again: counted once */
        console = (drawn){0};
        CW_RECORDED(a, &a->u, &console, 2);
        snap(&a->u, "console-proposal");
        CHECK_HAS(console.text, "Proposals from the room");
        char line[300];
        snprintf(line, sizeof line, "%s: 1 asked", label);
        CHECK_HAS(console.text, line);
        free(console.text);
        int ai = atoi(akey + 1);
        j = journal_text(a);
        snprintf(line, sizeof line, " proposal %s %s 1", defs->actions[ai].id,
                 defs->teams[0].id);
        CHECK(j && strstr(j, line));
        free(j);
        snprintf(line, sizeof line, "Start %s", label);
        CHECK(cw_click_label(a, cw_console_id(a), line));
        CHECK(sim_action_running(a->game.sim, ai));
        frames(a, 31); /* the queue drops what the session answered */
        CHECK_INT(a->room.nprops, 0);
    }
    json_decref(s);

    /* the next decision: votes, then the deadline chooses the default */
    CHECK_INT(play_jump_to_decision(&a->game, &e), BH_OK);
    frames(a, 2);
    int d2 = rv_open_decision(a->game.sim);
    CHECK(d2 >= 0 && d2 != d);
    if (d2 >= 0 && d2 != d) {
        char k2[32];
        snprintf(k2, sizeof k2, "d%d", d2);
        CHECK_INT(vote(t1, k2, "B", "low"), 200);
        CHECK_INT(vote(t3, k2, "B", "high"), 200);
        frames(a, 2);
        sim_decision_status(a->game.sim, d2, &ds);
        for (int i = 0; i < 50 && ds.state == DEC_OPEN; i++) {
            CHECK_INT(play_skip(&a->game, &e), BH_OK);
            sim_decision_status(a->game.sim, d2, &ds);
        }
        CHECK_INT(ds.by_default, 1);
        j = journal_text(a);
        char vline[200];
        snprintf(vline, sizeof vline, " vote %s %s 1 %s=1/0/0", defs->decisions[d2].id,
                 defs->teams[0].id, defs->decisions[d2].options[1].id);
        CHECK(j && strstr(j, vline));
        free(j);
        CHECK_INT(vote(t1, k2, "A", "low"), 409);
    }

    /* the report shows the split */
    json_t *rep = rp_build(a->game.sim, &(rp_meta){"tutorial.lua", NULL, NULL});
    char *rt = rep ? json_dumps(rep, 0) : NULL;
    json_t *dr = json_object_get(json_array_get(json_object_get(rep, "decisions"), (size_t)d),
                                 "room");
    CHECK_INT(json_integer_value(json_object_get(dr, "voters")), 3);
    CHECK_INT(json_integer_value(json_object_get(dr, "joined")), 3);
    CHECK(json_is_true(json_object_get(json_object_get(dr, "alignment"), "unified")));
    CHECK_STR(json_string_value(json_object_get(dr, "majority")),
              defs->decisions[d].options[0].id);
    CHECK(json_is_true(json_object_get(dr, "committed_majority")));
    const char *split = json_string_value(json_object_get(dr, "split"));
    if (split)
        fprintf(stderr, "the report's split: %s\n", split);
    CHECK(split && strstr(split, defs->teams[1].label)); /* by role: C from the second team */
    json_t *pr = json_array_get(json_object_get(json_object_get(rep, "room"), "proposals"), 0);
    CHECK(json_object_get(pr, "started") && !json_is_null(json_object_get(pr, "started")));
    CHECK(!rt || !strstr(rt, "Quokka")); /* by role, never by name */
    free(rt);
    json_decref(rep);
    /* quit and resume: the phones keep their tokens (JOURNAL.phones) */
    char journal[PLAY_PATH_MAX];
    snprintf(journal, sizeof journal, "%s", a->game.journal_path);
    app_free(a);
    memset(a, 0, sizeof *a);
    app_opts o = cw_room_opts();
    o.resume = journal;
    CHECK(cw_init(a, &o));
    CHECK(a->playing && a->room.srv);
    if (a->room.srv) {
        port = srv_port(a->room.srv);
        frames(a, 2);
        char hdr[128];
        snprintf(hdr, sizeof hdr, "X-Room-Token: %s\r\n", t1);
        g = http_req(port, "GET", "/api/me", hdr);
        CHECK_INT(g.status, 200);
        CHECK(strstr(g.body, "Ann Quokka") != NULL);
        http_free(&g);
        CHECK_HAS(a->room.roster ? "" : "no roster", "");
        CHECK(a->room.roster && a->room.roster->nphones == 3);
    }
    app_free(a);
    free(a);
}

int main(int argc, char **argv)
{
    static const check_case cases[] = {
        {"three phones join, vote, reveal, commit, propose, default", test_three_phones},
        {NULL, NULL},
    };
    return cw_main(argc, argv, cases);
}
