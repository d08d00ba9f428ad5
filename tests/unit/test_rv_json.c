/* test_rv_json: the phones' JSON (game/room/rv_json.h) from room view
 * models: each field of the contract from a model made by hand, each
 * phase, the holding slide (everything empty), the null cases, bad UTF-8;
 * then the leak test's marker scenario (tests/fixtures/leak/markers.lua)
 * through every state a workshop reaches, facilitator inputs included: no
 * FONLY_ marker in any JSON, while the PSAFE_ markers do come through
 * (the positive control: a JSON that dropped everything would pass the
 * first check alone). The driven run also serves each state through the
 * room server on 127.0.0.1 and checks every route's answer. No SDL. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "check_markers.h"
#include "http_client.h"
#include "core/session.h"
#include "report/rp_report.h"
#include "room/rv_json.h"
#include "room/rv_tour.h"
#include "room/srv.h"
#include "script/lh_host.h"


static const char *sget(json_t *o, const char *k)
{
    return json_string_value(json_object_get(o, k));
}

static long long iget(json_t *o, const char *k)
{
    return json_integer_value(json_object_get(o, k));
}

static double nget(json_t *o, const char *k)
{
    return json_number_value(json_object_get(o, k));
}

/* A model with something in every field, and the arrays it points into
 * (the strings are not the model's own: it is never rv_free'd). */
typedef struct full {
    rv_model m;
    rv_meter mt[1];
    rv_system sy[2];
    rv_team tm[1];
    rv_running ru[1];
    rv_option op[2];
    rv_row rows[2];
} full;

static rv_model *full_model(full *f)
{
    rv_model *m = &f->m;
    rv_meter *mt = f->mt;
    rv_system *sy = f->sy;
    rv_team *tm = f->tm;
    rv_running *ru = f->ru;
    rv_option *op = f->op;
    rv_row *rows = f->rows;
    memset(m, 0, sizeof *m);
    m->phase = RV_PLAYING;
    m->title = "Title";
    m->organisation = "Org";
    m->summary = "Sum";
    m->cut_label = "Short";
    m->agenda_min = 45;
    rows[0] = (rv_row){"09:00", "Agenda line", 0};
    rows[1] = (rv_row){"meta2", "Row two", 1};
    m->agenda = rows;
    m->nagenda = 1;
    m->join = "Join here";
    m->now = 4800;
    m->length = 14400;
    strcpy(m->clock, "T+01:20");
    strcpy(m->calendar, "Mon 09:00");
    m->speed = 2;
    mt[0] = (rv_meter){"Trust", 42.5, 0, 100, 50, 1, -1};
    m->meters = mt;
    m->nmeters = 1;
    sy[0] = (rv_system){"Mail", ST_ENCRYPTED};
    sy[1] = (rv_system){"Web", ST_RESTORING};
    m->systems = sy;
    m->nsystems = 2;
    tm[0] = (rv_team){"IT", 5, 2};
    m->teams = tm;
    m->nteams = 1;
    ru[0] = (rv_running){"Isolate", "IT", 0.25, 900, NULL};
    m->running = ru;
    m->nrunning = 1;
    m->latest = (rv_message){1, "CEO", "Call me", "Now.", CH_PHONE, 600};
    op[0] = (rv_option){'A', "Pay", "Pay them", 0, 0};
    op[1] = (rv_option){'B', "Refuse", "Do not", 1, 0};
    m->decision = (rv_decision){.open = 1, .prompt = "Pay?", .from = "Board", .options = op,
                                .noptions = 2, .left = 1800, .left_real = 15.5, .frozen = 0,
                                .total = 3600, .default_label = "Refuse", .others = 1};
    m->slide = 1;
    m->slide_title = "Discuss";
    m->questions = rows;
    m->nquestions = 2;
    m->ending_title = "End";
    m->ending_text = "It ended.";
    m->ending_tone = TONE_MIXED;
    m->hotwash = 1;
    m->hotwash_tab = RV_TAB_DECISIONS;
    m->tab_title = "Decisions";
    m->rows = rows;
    m->nrows = 2;
    m->rows_before = 3;
    return m;
}

static void test_fields(void)
{
    full f;
    rv_model m = *full_model(&f);
    json_t *o = rv_json(&m);
    CHECK(o != NULL);
    if (!o)
        return;
    CHECK_INT(iget(o, "v"), 1);
    CHECK_STR(sget(o, "phase"), "playing");
    CHECK(json_is_false(json_object_get(o, "blank")));
    CHECK_STR(sget(o, "title"), "Title");
    CHECK_STR(sget(o, "organisation"), "Org");
    CHECK_STR(sget(o, "summary"), "Sum");
    json_t *cut = json_object_get(o, "cut");
    CHECK_STR(sget(cut, "label"), "Short");
    CHECK_INT(iget(cut, "agenda_min"), 45);
    json_t *ag = json_object_get(o, "agenda");
    CHECK_INT(json_array_size(ag), 1);
    CHECK_STR(sget(json_array_get(ag, 0), "meta"), "09:00");
    CHECK_STR(sget(json_array_get(ag, 0), "text"), "Agenda line");
    CHECK_STR(sget(o, "join"), "Join here");
    CHECK_STR(sget(o, "clock"), "T+01:20");
    CHECK_STR(sget(o, "calendar"), "Mon 09:00");
    CHECK_INT(iget(o, "now_s"), 4800);
    CHECK_INT(iget(o, "length_s"), 14400);
    CHECK_INT(iget(o, "speed"), 2);
    json_t *me = json_array_get(json_object_get(o, "meters"), 0);
    CHECK_STR(sget(me, "label"), "Trust");
    CHECK(nget(me, "value") == 42.5);
    CHECK(nget(me, "min") == 0 && nget(me, "max") == 100 && nget(me, "start") == 50);
    CHECK(json_is_true(json_object_get(me, "good_low")));
    CHECK_INT(iget(me, "trend"), -1);
    json_t *sys = json_object_get(o, "systems");
    CHECK_INT(json_array_size(sys), 2);
    CHECK_STR(sget(json_array_get(sys, 0), "status"), "encrypted");
    CHECK_STR(sget(json_array_get(sys, 1), "status"), "restoring");
    json_t *te = json_array_get(json_object_get(o, "teams"), 0);
    CHECK_STR(sget(te, "label"), "IT");
    CHECK_INT(iget(te, "staff"), 5);
    CHECK_INT(iget(te, "free"), 2);
    json_t *r = json_array_get(json_object_get(o, "running"), 0);
    CHECK_STR(sget(r, "label"), "Isolate");
    CHECK_STR(sget(r, "team"), "IT");
    CHECK(nget(r, "done") == 0.25);
    CHECK_INT(iget(r, "left_s"), 900);
    json_t *l = json_object_get(o, "latest");
    CHECK_STR(sget(l, "from"), "CEO");
    CHECK_STR(sget(l, "title"), "Call me");
    CHECK_STR(sget(l, "body"), "Now.");
    CHECK_STR(sget(l, "channel"), "phone");
    CHECK_INT(iget(l, "at_s"), 600);
    json_t *d = json_object_get(o, "decision");
    CHECK_STR(sget(d, "prompt"), "Pay?");
    CHECK_STR(sget(d, "from"), "Board");
    CHECK_INT(iget(d, "left_s"), 1800);
    CHECK(nget(d, "left_real") == 15.5);
    CHECK(json_is_false(json_object_get(d, "frozen")));
    json_t *ops = json_object_get(d, "options");
    CHECK_INT(json_array_size(ops), 2);
    CHECK_STR(sget(json_array_get(ops, 0), "letter"), "A");
    CHECK_STR(sget(json_array_get(ops, 1), "letter"), "B");
    CHECK_STR(sget(json_array_get(ops, 1), "label"), "Refuse");
    CHECK_STR(sget(json_array_get(ops, 1), "text"), "Do not");
    CHECK(json_is_false(json_object_get(json_array_get(ops, 0), "default")));
    CHECK(json_is_true(json_object_get(json_array_get(ops, 1), "default")));
    CHECK_INT(iget(o, "open_decisions"), 2); /* this one and one waiting */
    CHECK_INT(rv_json_open_decisions(&m), 2);
    json_t *sl = json_object_get(o, "slide");
    CHECK_STR(sget(sl, "title"), "Discuss");
    CHECK_INT(json_array_size(json_object_get(sl, "questions")), 2);
    CHECK_STR(json_string_value(json_array_get(json_object_get(sl, "questions"), 1)), "Row two");
    json_t *en = json_object_get(o, "ending");
    CHECK_STR(sget(en, "title"), "End");
    CHECK_STR(sget(en, "text"), "It ended.");
    CHECK_STR(sget(en, "tone"), "mixed");
    json_t *hw = json_object_get(o, "hotwash");
    CHECK_STR(sget(hw, "tab"), "Decisions");
    CHECK_STR(sget(hw, "title"), "Decisions");
    CHECK_INT(iget(hw, "first"), 3);
    json_t *hr = json_array_get(json_object_get(hw, "rows"), 1);
    CHECK_STR(sget(hr, "meta"), "meta2");
    CHECK_STR(sget(hr, "text"), "Row two");
    CHECK(json_is_true(json_object_get(hr, "recommended")));
    json_decref(o);

    /* the text form is the same object, compact */
    size_t n = 0;
    char *t = rv_json_text(&m, &n);
    CHECK(t != NULL);
    CHECK_INT(n, t ? strlen(t) : 0);
    CHECK(t && !strchr(t, '\n'));
    json_t *back = t ? json_loads(t, 0, NULL) : NULL;
    CHECK_STR(sget(back, "title"), "Title");
    json_decref(back);
    free(t);
}

static void test_phases_and_tones(void)
{
    static const char *const phases[] = {"before", "playing", "ended"};
    for (int p = RV_BEFORE; p <= RV_ENDED; p++) {
        rv_model m = {.phase = (rv_phase)p};
        json_t *o = rv_json(&m);
        CHECK_STR(sget(o, "phase"), phases[p]);
        json_decref(o);
    }
    static const char *const tones[] = {"none", "good", "mixed", "bad"};
    for (int t = TONE_NONE; t <= TONE_BAD; t++) {
        rv_model m = {.phase = RV_ENDED, .ending_title = "E", .ending_tone = (bh_tone)t};
        json_t *o = rv_json(&m);
        CHECK_STR(sget(json_object_get(o, "ending"), "tone"), tones[t]);
        CHECK_STR(sget(json_object_get(o, "ending"), "text"), ""); /* NULL text: "" */
        json_decref(o);
    }
}

/* The holding slide: every session field empty or null, whatever the
 * model held; the phase alone stays. */
static void test_blank(void)
{
    full f;
    rv_model m = *full_model(&f);
    m.blank = 1;
    char *t = rv_json_text(&m, NULL);
    CHECK(t != NULL);
    json_t *o = t ? json_loads(t, 0, NULL) : NULL;
    CHECK(json_is_true(json_object_get(o, "blank")));
    CHECK_STR(sget(o, "phase"), "playing");
    static const char *const strs[] = {"title", "organisation", "summary", "join", "clock",
                                       "calendar"};
    for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++)
        CHECK_STR(sget(o, strs[i]), "");
    static const char *const arrays[] = {"agenda", "meters", "systems", "teams", "running"};
    for (size_t i = 0; i < sizeof arrays / sizeof arrays[0]; i++) {
        CHECK(json_is_array(json_object_get(o, arrays[i])));
        CHECK_INT(json_array_size(json_object_get(o, arrays[i])), 0);
    }
    static const char *const nulls[] = {"cut", "latest", "decision", "slide", "ending",
                                        "hotwash"};
    for (size_t i = 0; i < sizeof nulls / sizeof nulls[0]; i++)
        CHECK(json_is_null(json_object_get(o, nulls[i])));
    CHECK_INT(iget(o, "now_s"), 0);
    CHECK_INT(iget(o, "speed"), 0);
    CHECK_INT(iget(o, "open_decisions"), 0);
    CHECK_INT(rv_json_open_decisions(&m), 0);
    /* nothing of the model's text at all */
    CHECK(t && !strstr(t, "Title") && !strstr(t, "Pay") && !strstr(t, "Trust"));
    json_decref(o);
    free(t);
}

/* What is not there is null (objects) or "" (strings), never missing. */
static void test_nulls(void)
{
    rv_model m = {.phase = RV_BEFORE};
    json_t *o = rv_json(&m);
    CHECK(o != NULL);
    static const char *const nulls[] = {"cut", "latest", "decision", "slide", "ending",
                                        "hotwash"};
    for (size_t i = 0; i < sizeof nulls / sizeof nulls[0]; i++) {
        CHECK(json_object_get(o, nulls[i]) != NULL);
        CHECK(json_is_null(json_object_get(o, nulls[i])));
    }
    CHECK_STR(sget(o, "title"), "");
    CHECK_STR(sget(o, "join"), "");
    CHECK(json_is_false(json_object_get(o, "blank")));
    json_decref(o);
    /* an empty cut label is the whole scenario: no cut */
    m.cut_label = "";
    m.agenda_min = 30;
    o = rv_json(&m);
    CHECK(json_is_null(json_object_get(o, "cut")));
    json_decref(o);
    /* a decision with no options still has its (empty) list */
    m.decision = (rv_decision){.open = 1, .left_real = -1, .frozen = 1};
    o = rv_json(&m);
    json_t *d = json_object_get(o, "decision");
    CHECK(json_is_array(json_object_get(d, "options")));
    CHECK(nget(d, "left_real") == -1);
    CHECK(json_is_true(json_object_get(d, "frozen")));
    CHECK_STR(sget(d, "prompt"), "");
    CHECK_INT(iget(o, "open_decisions"), 1);
    json_decref(o);
}

/* Bad UTF-8 (a scenario's bytes, say) loses the bad bytes, not the field
 * nor the whole state. */
static void test_bad_utf8(void)
{
    rv_model m = {.phase = RV_PLAYING, .title = "caf\xc3\xa9 \xff\xfe ok", .summary = "\xc3"};
    char *t = rv_json_text(&m, NULL);
    CHECK(t != NULL);
    json_t *o = t ? json_loads(t, 0, NULL) : NULL;
    CHECK_STR(sget(o, "title"), "caf\xc3\xa9 ?? ok");
    CHECK_STR(sget(o, "summary"), "?");
    json_decref(o);
    free(t);
}

/* ---- the marker scenario ---- */

typedef struct seen {
    char *all;              /* every JSON so far, one a line */
    size_t len;
    int states;
    srv *served;            /* when set, each state is also served and fetched */
} seen;

/* The state through the room server (127.0.0.1, a free port): what a
 * phone gets from /api/state is the JSON itself, and /health carries no
 * marker either. */
static void serve(srv *s, const char *state, const char *t)
{
    bh_err e;
    CHECK_INT(srv_publish(s, t, strlen(t), &e), BH_OK);
    static const char *const paths[] = {"/api/state", "/health", "/", "/phone/x.js", "/nope"};
    for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
        http_got g = http_req(srv_port(s), "GET", paths[i], NULL);
        if (i == 0)
            CHECK_STR(g.body, t);
        if (strstr(g.raw, "FONLY_"))
            fprintf(stderr, "%s %s: leaked\n", state, paths[i]);
        CHECK(!strstr(g.raw, "FONLY_"));
        http_free(&g);
    }
}

static void keep(seen *s, const char *state, const rv_model *m)
{
    char *t = rv_json_text(m, NULL);
    CHECK(t != NULL);
    if (!t)
        return;
    if (strstr(t, "FONLY_"))
        fprintf(stderr, "%s: leaked: %.80s\n", state, strstr(t, "FONLY_"));
    CHECK(!strstr(t, "FONLY_"));
    if (m->blank) { /* the holding slide: nothing of the session, markers included, but
                     * the roles a phone joins as (team names, in every state) */
        json_t *o = json_loads(t, 0, NULL);
        CHECK(o && json_array_size(json_object_get(o, "roles")) == m->nroles && m->nroles > 0);
        json_object_del(o, "roles");
        char *rest = json_dumps(o, JSON_COMPACT);
        CHECK(rest && !strstr(rest, "PSAFE_") && !strstr(rest, "PCHOSEN_"));
        free(rest);
        json_decref(o);
    }
    if (s->served)
        serve(s->served, state, t);
    size_t n = strlen(t);
    char *a = realloc(s->all, s->len + n + 2);
    if (a) {
        memcpy(a + s->len, t, n);
        s->len += n;
        a[s->len++] = '\n';
        a[s->len] = 0;
        s->all = a;
    }
    s->states++;
    free(t);
}

static void on_tour(void *ud, const char *state, const rv_model *m)
{
    keep(ud, state, m);
}

/* Every state rv_tour reaches (the projector's screenshots use it too). */
static void test_markers_tour(void)
{
    seen s = {0};
    rv_tour_opts t = {.scenario = MARKERS, .busy = 31 * 60, .join = "PSAFE_JOIN",
                      .all_tabs = 1};
    bh_err e;
    bh_status st = rv_tour(&t, on_tour, &s, &e);
    if (st != BH_OK)
        fprintf(stderr, "rv_tour: %s:%d: %s\n", e.file, e.line, e.msg);
    CHECK_INT(st, BH_OK);
    CHECK(s.states >= 12);
    static const char *const safe[] = {
        "PSAFE_TITLE", "PSAFE_ORG", "PSAFE_SUMMARY", "PSAFE_JOIN", "PSAFE_METER_ONE",
        "PSAFE_METER_TWO", "PSAFE_SYSTEM_DOWN", "PSAFE_TEAM", "PSAFE_INJ2_TITLE",
        "PSAFE_DEC_PROMPT", "PSAFE_OPT_A_LABEL", "PSAFE_OPT_C_TEXT", "PSAFE_END_TITLE",
        "PSAFE_END_TEXT", "PCHOSEN_DEC_Q1", "PSAFE_REF_CITE", "PSAFE_WNOTE"};
    for (size_t i = 0; i < sizeof safe / sizeof safe[0]; i++)
        CHECK_HAS(s.all, safe[i]);
    CHECK(s.all && !strstr(s.all, "FONLY_"));
    free(s.all);
}

typedef struct drive {
    lh_host *h;
    bh_sim *s;
    const bh_defs *d;
    rv_source src;
    rv_show show;
    seen seen;
} drive;

static void state(drive *r, const char *name)
{
    json_t *report = NULL;
    if (r->show.hotwash) {
        rp_meta meta = {MARKERS, NULL, NULL};
        report = rp_build(r->s, &meta);
        CHECK(report != NULL);
    }
    r->src.report = report;
    rv_model m;
    bh_err e;
    CHECK_INT(rv_build(&m, &r->src, &r->show, &e), BH_OK);
    keep(&r->seen, name, &m);
    rv_free(&m);
    r->src.report = NULL;
    json_decref(report);
}

static void input(drive *r, bh_input_kind k, int a, const char *text, const char *body)
{
    markers_input(r->s, k, a, text, body);
}

static void hotwash(drive *r)
{
    r->show.hotwash = 1;
    r->show.hotwash_tabs = (1u << RV_TABS) - 1;
    for (int tab = 0; tab < RV_TABS; tab++) {
        r->show.hotwash_tab = tab;
        state(r, rv_tab_name(tab));
    }
    r->show.hotwash = 0;
}

/* The facilitator's own inputs (a typed note, an adjustment's reason),
 * the slides for what has not happened yet, the hot wash before and after
 * the ending: what the leak test drives, as JSON. */
static void test_markers_driven(void)
{
    drive r;
    memset(&r, 0, sizeof r);
    if (!markers_open(&r.h, &r.s, &r.d))
        return;
    bh_err e;
    r.src.sim = r.s;
    srv_opts so;
    srv_opts_default(&so);
    so.bind = "127.0.0.1";
    so.port = 0;
    CHECK_INT(srv_start(&r.seen.served, &so, &e), BH_OK);
    state(&r, "before");
    CHECK_HAS(r.seen.all, "PSAFE_CUT_LABEL");
    r.src.started = 1;
    r.src.speed = 1;
    CHECK_INT(sim_advance(r.s, 5 * 60, &e), BH_OK);
    input(&r, IN_START, defs_action(r.d, "act"), NULL, NULL);
    input(&r, IN_NOTE, 0, "FONLY_TYPED_NOTE", NULL);
    bh_input adj = {.time = sim_now(r.s), .kind = IN_ADJUST, .a = 0, .amount = 5,
                    .text = "FONLY_ADJUST_REASON"};
    CHECK_INT(session_input(r.s, NULL, &adj, &e), BH_OK);
    state(&r, "playing");
    CHECK_HAS(r.seen.all, "PSAFE_ACTION");
    CHECK_INT(sim_advance(r.s, 10 * 60, &e), BH_OK);
    input(&r, IN_MESSAGE, 0, "PSAFE_FMSG_TITLE", "PSAFE_FMSG_BODY");
    state(&r, "message");
    CHECK_HAS(r.seen.all, "PSAFE_FMSG_BODY");
    CHECK_INT(sim_advance(r.s, 31 * 60, &e), BH_OK);
    input(&r, IN_FREEZE, defs_decision(r.d, "dec"), NULL, NULL);
    state(&r, "frozen");
    r.show.blank = 1;
    state(&r, "blank");
    r.show.blank = 0;
    /* the slides: for what has not happened yet (nothing of it), and the
     * open decision's questions */
    const struct { rv_slide_kind kind; int index; } slides[] = {
        {RV_SLIDE_INJECT, defs_inject(r.d, "later")},
        {RV_SLIDE_DECISION, defs_decision(r.d, "dec_later")},
        {RV_SLIDE_DECISION, defs_decision(r.d, "dec")}};
    for (size_t i = 0; i < sizeof slides / sizeof slides[0]; i++) {
        r.show.slide = slides[i].kind;
        r.show.slide_index = slides[i].index;
        state(&r, "slide");
    }
    CHECK_HAS(r.seen.all, "PCHOSEN_DEC_Q1");
    r.show.slide = RV_SLIDE_NONE;
    hotwash(&r);
    input(&r, IN_UNFREEZE, defs_decision(r.d, "dec"), NULL, NULL);
    input(&r, IN_CHOOSE, defs_decision(r.d, "dec"), NULL, NULL);
    CHECK_INT(session_finish(r.s, &e), BH_OK);
    state(&r, "ended");
    hotwash(&r);
    CHECK_HAS(r.seen.all, "PSAFE_OPT_A_LABEL");
    CHECK_HAS(r.seen.all, "\"recommended\":true"); /* the advice, after the ending */
    CHECK(r.seen.all && !strstr(r.seen.all, "FONLY_"));
    free(r.seen.all);
    srv_stop(r.seen.served);
    sim_destroy(r.s);
    lh_free(r.h);
}

int main(int argc, char **argv)
{
    static const check_case cases[] = {
        {"every field", test_fields},
        {"phases and tones", test_phases_and_tones},
        {"the holding slide", test_blank},
        {"null cases", test_nulls},
        {"bad UTF-8", test_bad_utf8},
        {"markers through rv_tour", test_markers_tour},
        {"markers driven", test_markers_driven},
        {NULL, NULL},
    };
    return check_main(argc, argv, cases);
}
