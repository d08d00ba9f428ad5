/* test_rv: the room view model (game/room/rv_model.h) built from real
 * sessions of the tutorial: each field against the sim and the defs it
 * comes from, in each phase (before play, playing, ended) and for each
 * thing the facilitator can put up (the holding slide, a discussion slide,
 * the hot wash's tabs), and what must stay out: the advice before the
 * ending, slides for what has not happened yet, the notes tab, the
 * facilitator's notes in the timeline. Pure: no SDL. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "core/journal.h"
#include "core/mem.h"
#include "core/session.h"
#include "report/rp_report.h"
#include "room/rv_model.h"
#include "script/lh_host.h"

#define TUTORIAL "scenarios/tutorial.lua"
#define PLAN "tests/plans/tutorial_expert.plan"

typedef struct run {
    lh_host *h;
    bh_sim *s;
    const bh_defs *d;
    bh_plan plan;
    rv_source src;
    rv_show show;
    rv_model m;
    size_t next; /* the plan's next line */
} run;

static int start(run *r)
{
    memset(r, 0, sizeof *r);
    lh_diags diags = {0};
    lh_load(TUTORIAL, NULL, &r->h, &diags);
    lh_diags_free(&diags);
    bh_err e;
    if (!r->h || journal_read(PLAN, &r->plan, &e) != BH_OK)
        return -1;
    r->d = lh_defs(r->h);
    if (sim_create(&r->s, r->d, lh_hooks(r->h), r->plan.seed, &e) != BH_OK)
        return -1;
    r->src.sim = r->s;
    return 0;
}

static void stop(run *r)
{
    rv_free(&r->m);
    sim_destroy(r->s);
    journal_plan_free(&r->plan);
    lh_free(r->h);
}

/* The plan's inputs not yet applied up to `until`, then the clock to `until`. */
static void drive(run *r, bh_time until)
{
    bh_err e;
    for (; r->next < r->plan.n && r->plan.v[r->next].time <= until; r->next++) {
        bh_input in;
        CHECK_INT(journal_resolve(&r->plan, &r->plan.v[r->next], r->d, &in, &e), BH_OK);
        CHECK_INT(sim_advance(r->s, in.time, &e), BH_OK);
        if (!sim_ended(r->s))
            CHECK_INT(session_input(r->s, NULL, &in, &e), BH_OK);
    }
    if (!sim_ended(r->s))
        CHECK_INT(sim_advance(r->s, until, &e), BH_OK);
}

/* A session of the tutorial, played from the expert plan to `t`, running at 1x. */
static int start_at(run *r, bh_time t)
{
    if (start(r) != 0)
        return -1;
    drive(r, t);
    r->src.started = 1;
    r->src.speed = 1;
    return 0;
}

/* The hot wash up on `tab`, every tab allowed, from a report of the
 * session now; the caller json_decref's the report. */
static json_t *hotwash_on(run *r, int tab)
{
    rp_meta meta = {TUTORIAL, NULL, NULL};
    json_t *rep = rp_build(r->s, &meta);
    r->src.report = rep;
    r->show.hotwash = 1;
    r->show.hotwash_tabs = (1u << RV_TABS) - 1;
    r->show.hotwash_tab = tab;
    return rep;
}

static void build(run *r)
{
    bh_err e;
    rv_free(&r->m);
    CHECK_INT(rv_build(&r->m, &r->src, &r->show, &e), BH_OK);
}

static void test_before(void)
{
    run r;
    CHECK_INT(start(&r), 0);
    r.src.join = "Open bulkhead.local";
    r.src.join_code = "KQXT";
    r.src.join_also[0] = "http://10.0.0.7:8417/?c=KQXT"; /* a second network */
    build(&r);
    const rv_model *m = &r.m;
    CHECK_INT(m->phase, RV_BEFORE);
    CHECK_INT(m->njoin_also, 1);
    CHECK_STR(m->join_also[0], "http://10.0.0.7:8417/?c=KQXT");
    CHECK(m->join_also_qr[0].version > 0);
    r.src.join_also[0] = NULL;
    CHECK_STR(m->title, "First Night Shift");
    CHECK_STR(m->organisation, r.d->scenario.organisation);
    CHECK_STR(m->summary, r.d->scenario.summary);
    CHECK_STR(m->cut_label, "");
    CHECK_INT(m->agenda_min, 0);
    CHECK_STR(m->join, "Open bulkhead.local");
    CHECK_STR(m->join_code, "KQXT");
    CHECK_INT(m->join_qr.version, 2); /* the URL as a QR code, before play (19 bytes) */
    CHECK_STR(m->clock, "T+00:00");
    CHECK_STR(m->calendar, "Sun 27 Sep 2020 22:00");
    CHECK_INT(m->length, 10 * 3600);
    CHECK_INT(m->speed, 0);
    /* the briefing, the play (10 simulated hours at 60x: 10 minutes), the hot wash */
    CHECK_INT(m->nagenda, 3);
    CHECK_HAS(m->agenda[0].meta, "Briefing");
    CHECK_HAS(m->agenda[1].meta, "Play");
    CHECK_HAS(m->agenda[1].text, "10h of simulated time in about 10 minutes");
    CHECK_HAS(m->agenda[2].meta, "Hot wash");
    CHECK_INT(m->nmeters, r.d->nmeters);
    for (size_t i = 0; i < m->nmeters; i++) {
        CHECK_STR(m->meters[i].label, r.d->meters[i].label);
        CHECK(m->meters[i].value == r.d->meters[i].start);
        CHECK(m->meters[i].start == r.d->meters[i].start);
        CHECK(m->meters[i].min == r.d->meters[i].min && m->meters[i].max == r.d->meters[i].max);
        CHECK_INT(m->meters[i].good_low, r.d->meters[i].good_low);
        CHECK_INT(m->meters[i].trend, 0);
    }
    CHECK_INT(m->nsystems, r.d->nsystems);
    CHECK_STR(m->systems[0].label, "Asia office PCs");
    CHECK_INT(m->systems[0].status, ST_COMPROMISED);
    CHECK_INT(m->nteams, r.d->nteams);
    CHECK_STR(m->teams[1].label, "IT & security on call");
    CHECK_INT(m->teams[1].staff, 3);
    CHECK_INT(m->teams[1].free, 3);
    CHECK_INT(m->nrunning, 0);
    CHECK_INT(m->decision.open, 0);
    CHECK_INT(m->slide, 0);
    CHECK_INT(m->hotwash, 0);
    CHECK(m->ending_title == NULL);
    char title[200];
    rv_window_title(m, title, sizeof title);
    CHECK_STR(title, "Bulkhead projector — First Night Shift");
    /* without a join line the model says so with "" */
    r.src.join = NULL;
    build(&r);
    CHECK_STR(r.m.join, "");
    stop(&r);
}

static void test_playing(void)
{
    run r;
    CHECK_INT(start_at(&r, 22 * 60), 0);
    r.src.join = "http://127.0.0.1:8417/";
    build(&r);
    const rv_model *m = &r.m;
    CHECK_INT(m->phase, RV_PLAYING);
    CHECK_INT(m->join_qr.version, 0); /* only the page before play shows the code */
    CHECK_STR(m->join_code, "");
    CHECK_STR(m->clock, "T+00:22");
    CHECK_STR(m->calendar, "Sun 27 Sep 2020 22:22");
    CHECK_INT(m->nagenda, 0);
    for (size_t i = 0; i < m->nmeters; i++)
        CHECK(m->meters[i].value == sim_meter(r.s, (int)i));
    for (size_t i = 0; i < m->nsystems; i++)
        CHECK_INT(m->systems[i].status, sim_system(r.s, (int)i));
    for (size_t i = 0; i < m->nteams; i++)
        CHECK_INT(m->teams[i].free, sim_team_free(r.s, (int)i));
    /* running: as sim_action_status says, in the defs' order */
    size_t k = 0;
    for (size_t i = 0; i < r.d->nactions; i++) {
        bh_action_status st;
        bh_err e;
        CHECK_INT(sim_action_status(r.s, (int)i, &st, &e), BH_OK);
        if (st.state != ACT_RUNNING)
            continue;
        CHECK(k < m->nrunning);
        if (k >= m->nrunning)
            break;
        CHECK_STR(m->running[k].label, r.d->actions[i].label);
        CHECK_STR(m->running[k].team, r.d->teams[r.d->actions[i].team].label);
        CHECK(fabs(m->running[k].done - st.progress) < 1e-9);
        CHECK_INT(m->running[k].left, st.ends - sim_now(r.s));
        k++;
    }
    CHECK_INT(m->nrunning, k);
    CHECK(k >= 2);
    /* the latest message is the inbox's last */
    size_t n;
    const bh_inbox_item *in = sim_inbox(r.s, &n);
    const bh_inject_def *last = sim_inbox_def(r.s, &in[n - 1]);
    CHECK_INT(m->latest.has, 1);
    CHECK_STR(m->latest.title, last->title);
    CHECK_STR(m->latest.from, last->from);
    CHECK_STR(m->latest.body, last->body);
    CHECK_INT(m->latest.channel, last->channel);
    CHECK_INT(m->latest.at, in[n - 1].time);
    /* two decisions are open; the room sees the one with the least time */
    int di = defs_decision(r.d, "first_statement");
    const bh_decision_def *dd = &r.d->decisions[di];
    bh_decision_status ds;
    sim_decision_status(r.s, di, &ds);
    CHECK_INT(ds.state, DEC_OPEN);
    CHECK_INT(m->decision.open, 1);
    CHECK_INT(m->decision.others, 1); /* the ransom question waits behind it */
    CHECK_STR(m->decision.prompt, dd->prompt);
    CHECK_STR(m->decision.from, "Press officer");
    CHECK_INT(m->decision.noptions, dd->noptions);
    for (size_t i = 0; i < dd->noptions; i++) {
        CHECK_INT(m->decision.options[i].letter, 'A' + (int)i);
        CHECK_STR(m->decision.options[i].label, dd->options[i].label);
        CHECK_STR(m->decision.options[i].text, dd->options[i].text ? dd->options[i].text : "");
        CHECK_INT(m->decision.options[i].is_default, (int)i == dd->default_opt);
        CHECK_INT(m->decision.options[i].recommended, 0); /* option A is, in the defs */
    }
    CHECK(dd->options[0].recommended);
    CHECK_STR(m->decision.default_label, "Say nothing yet");
    CHECK_INT(m->decision.left, ds.left);
    CHECK_INT(m->decision.total, 3600);
    CHECK(fabs(m->decision.left_real - (double)ds.left / 60) < 1e-9);
    CHECK_INT(m->decision.frozen, 0);
    /* at 4x a quarter of the real time; paused: none */
    r.src.speed = 4;
    build(&r);
    CHECK(fabs(r.m.decision.left_real - (double)ds.left / 240) < 1e-9);
    CHECK_INT(r.m.speed, 4);
    r.src.speed = 0;
    build(&r);
    CHECK(r.m.decision.left_real == -1);
    CHECK_INT(r.m.speed, 0);
    /* frozen: the countdown stops, whatever the speed */
    r.src.speed = 1;
    bh_input fz = {.time = sim_now(r.s), .kind = IN_FREEZE, .a = di};
    bh_err e;
    CHECK_INT(session_input(r.s, NULL, &fz, &e), BH_OK);
    CHECK_INT(sim_advance(r.s, sim_now(r.s) + 600, &e), BH_OK);
    build(&r);
    CHECK_INT(r.m.decision.frozen, 1);
    CHECK(r.m.decision.left_real == -1);
    CHECK_INT(r.m.decision.left, ds.left); /* ten minutes later, the same time left */
    /* a facilitator's message is the latest message */
    bh_input msg = {.time = sim_now(r.s), .kind = IN_MESSAGE, .a = -1, .text = "Coffee",
                    .body = "Ten minutes' break."};
    CHECK_INT(session_input(r.s, NULL, &msg, &e), BH_OK);
    build(&r);
    CHECK_STR(r.m.latest.title, "Coffee");
    CHECK_STR(r.m.latest.body, "Ten minutes' break.");
    CHECK_STR(r.m.latest.from, "Facilitator");
    /* the trend: some meter moved in the last half hour */
    int moved = 0;
    for (size_t i = 0; i < r.m.nmeters; i++)
        moved |= r.m.meters[i].trend != 0;
    CHECK(moved);
    stop(&r);
}

static void test_blank_and_slides(void)
{
    run r;
    CHECK_INT(start_at(&r, 22 * 60), 0);
    r.show.blank = 1;
    build(&r);
    CHECK_INT(r.m.blank, 1);
    CHECK_INT(r.m.phase, RV_PLAYING);
    CHECK_STR(r.m.title, "First Night Shift");
    CHECK_INT(r.m.nmeters, 0);
    CHECK_INT(r.m.decision.open, 0);
    CHECK_INT(r.m.latest.has, 0);
    CHECK_STR(r.m.clock, "");
    CHECK_INT(r.m.nsystems, 0);
    r.show.blank = 0;
    /* an inject the room has seen */
    int ii = defs_inject(r.d, "ransom_note");
    r.show.slide = RV_SLIDE_INJECT;
    r.show.slide_index = ii;
    build(&r);
    CHECK_INT(r.m.slide, 1);
    CHECK_STR(r.m.slide_title, r.d->injects[ii].title);
    CHECK_INT(r.m.nquestions, r.d->injects[ii].discuss.n);
    CHECK_STR(r.m.questions[0].text, "Who do you call first, and on what phone?");
    /* one still to come: nothing (its questions would give it away) */
    r.show.slide_index = defs_inject(r.d, "handover");
    build(&r);
    CHECK_INT(r.m.slide, 0);
    CHECK(r.m.slide_title == NULL);
    r.show.slide_index = -1;
    build(&r);
    CHECK_INT(r.m.slide, 0);
    /* an open decision, and one that has not opened */
    r.show.slide = RV_SLIDE_DECISION;
    r.show.slide_index = defs_decision(r.d, "ransom");
    build(&r);
    CHECK_INT(r.m.slide, 1);
    CHECK_HAS(r.m.slide_title, "The CEO wants your advice");
    CHECK_INT(r.m.nquestions, 2);
    CHECK_STR(r.m.questions[1].text, "Who else must be involved before anyone talks to the attackers?");
    r.show.slide_index = defs_decision(r.d, "reconnect");
    build(&r);
    CHECK_INT(r.m.slide, 0);
    r.show.slide_index = 1000;
    build(&r);
    CHECK_INT(r.m.slide, 0);
    stop(&r);
}

/* How many functions the report model calls a gap. */
static int report_gaps(const json_t *rep)
{
    size_t i;
    const json_t *it;
    int n = 0;
    json_array_foreach(json_object_get(rep, "functions"), i, it) n +=
        json_is_string(json_object_get(it, "gap"));
    return n;
}

static int any_row_has(const rv_model *m, const char *s)
{
    for (size_t i = 0; i < m->nrows; i++)
        if (strstr(m->rows[i].text, s) || strstr(m->rows[i].meta, s))
            return 1;
    return 0;
}

static int any_recommended(const rv_model *m)
{
    for (size_t i = 0; i < m->nrows; i++)
        if (m->rows[i].recommended)
            return 1;
    return 0;
}

static void test_hotwash_and_ending(void)
{
    run r;
    CHECK_INT(start_at(&r, 30 * 60), 0);
    json_t *rep = hotwash_on(&r, RV_TAB_DECISIONS);
    build(&r);
    CHECK_INT(r.m.hotwash, 1);
    CHECK_STR(r.m.tab_title, "Decisions");
    CHECK(r.m.nrows >= 2);
    CHECK(any_row_has(&r.m, "Chosen: \"We are dealing with a cyberattack\""));
    CHECK(!any_recommended(&r.m)); /* not before the ending */
    CHECK(!(r.m.hotwash_tabs >> RV_TAB_NOTES & 1));
    /* the notes tab never shows, even when asked for */
    r.show.hotwash_tab = RV_TAB_NOTES;
    build(&r);
    CHECK_STR(r.m.tab_title, "");
    CHECK_INT(r.m.nrows, 0);
    /* nor a tab the facilitator did not allow */
    r.show.hotwash_tabs = 1u << RV_TAB_METERS;
    r.show.hotwash_tab = RV_TAB_TIMELINE;
    build(&r);
    CHECK_STR(r.m.tab_title, "");
    CHECK_INT(r.m.nrows, 0);
    r.show.hotwash_tab = RV_TAB_METERS;
    build(&r);
    CHECK_INT(r.m.nrows, r.d->nmeters);
    CHECK_STR(r.m.rows[0].meta, "Malware spread");
    CHECK_HAS(r.m.rows[0].text, "lower is better");
    /* without a report, nothing */
    r.src.report = NULL;
    build(&r);
    CHECK_INT(r.m.nrows, 0);
    r.src.report = rep;
    /* the timeline leaves out the facilitator's own note (the plan's at 25m) */
    r.show.hotwash_tabs = (1u << RV_TABS) - 1;
    r.show.hotwash_tab = RV_TAB_TIMELINE;
    build(&r);
    CHECK(r.m.nrows > 5);
    CHECK(!any_row_has(&r.m, "ask the room why power-down"));
    CHECK(any_row_has(&r.m, "Message: "));
    /* paging: the rows from the third on */
    size_t all = r.m.nrows;
    char *third = strdup(r.m.rows[2].text);
    r.show.hotwash_first = 2;
    build(&r);
    CHECK_INT(r.m.nrows, all - 2);
    CHECK_INT(r.m.rows_before, 2);
    CHECK_STR(r.m.rows[0].text, third);
    free(third);
    r.show.hotwash_first = 100000; /* past the end: the last row */
    build(&r);
    CHECK_INT(r.m.nrows, 1);
    r.show.hotwash_first = 0;
    r.show.hotwash_tab = RV_TAB_HOTWASH;
    build(&r);
    CHECK(any_row_has(&r.m, "Who do you call first"));
    /* the objectives head it: not judged while the session runs */
    CHECK(r.m.nrows > 0 && strstr(r.m.rows[0].meta, "Objective: not judged") != NULL);
    CHECK(any_row_has(&r.m, "Contain the spread without powering machines off"));
    r.show.hotwash_tab = RV_TAB_FACTS;
    build(&r);
    CHECK(any_row_has(&r.m, "Fact, from public reporting"));
    r.show.hotwash_tab = RV_TAB_FUNCTIONS;
    build(&r);
    CHECK_INT(r.m.nrows, FUNC__COUNT - 1);
    /* the report's gaps judge a whole session: not while it runs */
    CHECK(report_gaps(rep) > 0);
    CHECK(!any_row_has(&r.m, "Gap: "));
    json_decref(rep);
    r.src.report = NULL;
    r.show.hotwash = 0;

    /* the ending */
    bh_err e;
    drive(&r, 10 * 3600);
    if (!sim_ended(r.s))
        CHECK_INT(session_finish(r.s, &e), BH_OK);
    CHECK(sim_ended(r.s));
    build(&r);
    CHECK_INT(r.m.phase, RV_ENDED);
    const bh_ending_def *en = defs_ending_at(r.d, sim_ending(r.s));
    CHECK_STR(r.m.ending_title, en->title);
    CHECK_STR(r.m.ending_text, en->text);
    CHECK_INT(r.m.ending_tone, en->tone);
    CHECK_STR(r.m.ending_title, "A clean handover");
    CHECK_INT(r.m.decision.open, 0);
    /* after it, the advice: the recommended options' labels */
    rep = hotwash_on(&r, RV_TAB_DECISIONS);
    build(&r);
    CHECK(any_recommended(&r.m));
    for (size_t i = 0; i < r.m.nrows; i++)
        if (r.m.rows[i].recommended)
            CHECK(strstr(r.m.rows[i].text, "Refuse, and bring in law enforcement") ||
                  strstr(r.m.rows[i].text, "cyberattack") || strstr(r.m.rows[i].text, "phases"));
    json_decref(rep);
    /* ...and the gaps, once the session has ended */
    rep = hotwash_on(&r, RV_TAB_FUNCTIONS);
    build(&r);
    CHECK_INT(any_row_has(&r.m, "Gap: "), report_gaps(rep) > 0);
    json_decref(rep);
    r.src.report = NULL;
    stop(&r);
}

/* Every allocation rv_build makes may fail: each time it ends in
 * BH_ENOMEM with the holding slide (freeable, safe to draw), never a crash
 * or (under ASan) a leak. */
static void fail_each(run *r, const char *what)
{
    for (long n = 1;; n++) {
        rv_model m;
        bh_err e;
        mem_fail_at(n, 1);
        bh_status st = rv_build(&m, &r->src, &r->show, &e);
        long used = mem_count();
        mem_fail_at(0, 0);
        if (st == BH_OK) {
            CHECK(used < n); /* it got through without reaching the n-th */
            CHECK(n > 5);
            rv_free(&m);
            break;
        }
        if (st != BH_ENOMEM)
            fprintf(stderr, "%s: allocation %ld: %s\n", what, n, e.msg);
        CHECK_INT(st, BH_ENOMEM);
        CHECK_INT(m.blank, 1);
        CHECK_INT(m.nmeters, 0);
        CHECK(m.title == NULL);
        rv_free(&m);
        if (n > 100000) {
            CHECK(0);
            break;
        }
    }
}

static void test_out_of_memory(void)
{
    run r;
    CHECK_INT(start(&r), 0);
    r.src.join = "join";
    fail_each(&r, "before");
    drive(&r, 22 * 60);
    r.src.started = 1;
    r.src.speed = 1;
    r.show.slide = RV_SLIDE_DECISION;
    r.show.slide_index = defs_decision(r.d, "ransom");
    fail_each(&r, "playing, a slide");
    r.show.slide = RV_SLIDE_NONE;
    json_t *rep = hotwash_on(&r, RV_TAB_TIMELINE);
    r.show.hotwash_first = 3;
    fail_each(&r, "hot wash");
    json_decref(rep);
    r.src.report = NULL;
    /* and without a session: a usage error, the holding slide */
    rv_model m;
    bh_err e;
    rv_source none = {0};
    CHECK_INT(rv_build(&m, &none, &r.show, &e), BH_EUSAGE);
    CHECK_INT(m.blank, 1);
    rv_free(&m);
    stop(&r);
}

static void test_tab_names(void)
{
    CHECK_STR(rv_tab_name(RV_TAB_TIMELINE), "Timeline");
    CHECK_STR(rv_tab_name(RV_TAB_HOTWASH), "Hot wash");
    CHECK_STR(rv_tab_name(RV_TAB_NOTES), "Notes");
    CHECK_STR(rv_tab_name(-1), "");
    CHECK_STR(rv_tab_name(RV_TABS), "");
}

int main(int argc, char **argv)
{
    static const check_case cases[] = {
        {"before play", test_before},
        {"playing", test_playing},
        {"the holding slide and discussion slides", test_blank_and_slides},
        {"the hot wash and the ending", test_hotwash_and_ending},
        {"out of memory", test_out_of_memory},
        {"tab names", test_tab_names},
        {NULL, NULL},
    };
    return check_main(argc, argv, cases);
}
