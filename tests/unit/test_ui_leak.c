/* test_ui_leak: the projector never shows what only the facilitator may
 * see. The fixture (tests/fixtures/leak/markers.lua) puts a unique marker
 * in every text field: PSAFE_ (player-safe), PCHOSEN_ (discussion
 * questions, shown when the facilitator puts them up) and FONLY_
 * (facilitator notes in both forms, hints, and what comes next). A
 * session of it is played through every projector state: before play,
 * playing, a facilitator's message in, a decision open (and frozen), the
 * holding slide, a slide for an inject and for a decision (and one asked
 * for something that has not happened), the hot wash on each tab during
 * play, the ending, and the hot wash on each tab after it. The toolkit's
 * recording hook (ui_record_fn) hands the test every string the projector
 * draws, whole, and the projector window's title is checked too.
 *
 * No FONLY_ marker may ever appear; the PSAFE_ markers must (the positive
 * controls: a projector that drew nothing would pass the first check);
 * PCHOSEN_ markers only while their slide is up or the hot-wash questions
 * tab is; the "Recommended" marking only after the ending.
 *
 * Then the hostile cases: an ending by the facilitator with typed reasons
 * (and a note after it), requests the console should never make (slides
 * and tabs for nothing, pages out of range, everything under the holding
 * slide), odd but legal content (tests/fixtures/leak/odd.lua) at 720p
 * 200% and 1080p 100% up to a script error, and the whole app with both
 * windows driven by the console's controls, where the console must draw
 * the FONLY_ markers the projector never does. BH_LEAK_SHOTS=DIR saves
 * each state the projector drew as a BMP, to look at. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "check_record.h"
#include "check_app.h"
#include "check_workshop.h"
#include "core/session.h"
#include "report/rp_report.h"
#include "script/lh_host.h"
#include "ui/ui_app.h"
#include "ui/ui_proj.h"
#include "ui/ui_tour.h"

#define FIXTURE "tests/fixtures/leak/markers.lua"


typedef struct run {
    app *a;
    lh_host *h;
    bh_sim *s;
    const bh_defs *d;
    rv_source src;
    rv_show show;
    drawn seen;   /* the state drawn last */
    drawn all;    /* every state so far */
    check_app c;
    const char *fixture;
} run;

static bh_status input(run *r, bh_input_kind k, int a, const char *text, const char *body)
{
    bh_input in = {.time = sim_now(r->s), .kind = k, .a = a, .text = text, .body = body};
    bh_err e;
    err_clear(&e);
    bh_status st = session_input(r->s, NULL, &in, &e);
    if (st != BH_OK)
        fprintf(stderr, "input %d: %s\n", k, e.msg);
    return st;
}

static void advance(run *r, bh_time t)
{
    bh_err e;
    CHECK_INT(sim_advance(r->s, t, &e), BH_OK);
}

/* Draw the projector for the current state and keep what it drew. */
static void draw(run *r, const char *state)
{
    rv_model m;
    bh_err e;
    json_t *report = NULL;
    if (r->show.hotwash) {
        rp_meta meta = {r->fixture, NULL, NULL};
        report = rp_build(r->s, &meta);
    }
    r->src.report = report;
    CHECK_INT(rv_build(&m, &r->src, &r->show, &e), BH_OK);
    r->seen.len = 0;
    if (r->seen.text)
        r->seen.text[0] = 0;
    ui *u = &r->a->u;
    u->record = check_record;
    u->record_ctx = &r->seen;
    ui_begin(u, 0);
    screen_projector(u, &m);
    ui_end(u);
    u->record = NULL;
    const char *dir = getenv("BH_LEAK_SHOTS"); /* to look at the states: a folder for BMPs */
    if (dir) {
        static int n;
        char path[600];
        snprintf(path, sizeof path, "%s/leak-%03d-%dx%d.bmp", dir, n++, u->w, u->h);
        bh_err se;
        if (tour_save_ui_bmp(u, path, &se) == BH_OK)
            fprintf(stderr, "%s: %s\n", path, state);
    }
    char title[512];
    rv_window_title(&m, title, sizeof title);
    check_record(&r->seen, title, (SDL_Rect){0});
    CHECK_HAS(title, "PSAFE_");
    CHECK(!strpbrk(title, "\n\t\r")); /* one line in the task bar */
    check_record(&r->all, r->seen.text ? r->seen.text : "", (SDL_Rect){0});
    /* the facilitator's content never shows, in any state */
    if (r->seen.text && strstr(r->seen.text, "FONLY_"))
        fprintf(stderr, "%s: leaked: %s\n", state, strstr(r->seen.text, "FONLY_"));
    CHECK(!r->seen.text || !strstr(r->seen.text, "FONLY_"));
    if (u->overflows)
        fprintf(stderr, "%s at %dx%d: %d overflows, the first: %s\n", state, u->w, u->h,
                u->overflows, u->noverflow_text ? u->overflow_text[0] : "");
    CHECK_INT(u->overflows, 0);
    rv_free(&m);
    json_decref(report);
    r->src.report = NULL;
}

static int has(const run *r, const char *marker)
{
    return r->seen.text && strstr(r->seen.text, marker) != NULL;
}

#define SEES(r, marker)                                                      \
    do {                                                                     \
        if (!has(r, marker))                                                 \
            fprintf(stderr, "not drawn: %s in:\n%s\n", marker,               \
                    (r)->seen.text ? (r)->seen.text : "");                   \
        CHECK(has(r, marker));                                               \
    } while (0)

/* A session of `fixture` (its cut "short" when it has one) and a
 * projector of w x h at `scale`% text. */
static int start_with(run *r, const char *fixture, int w, int h, int scale)
{
    memset(r, 0, sizeof *r);
    r->fixture = fixture;
    if (!(r->a = check_app_open(&r->c, w, h, "dark", scale)))
        return -1;
    lh_diags diags = {0};
    lh_load(fixture, NULL, &r->h, &diags);
    for (size_t i = 0; i < diags.n; i++)
        if (diags.v[i].sev == LH_ERROR)
            fprintf(stderr, "%s:%d: %s\n", fixture, diags.v[i].line, diags.v[i].msg);
    lh_diags_free(&diags);
    if (!r->h)
        return -1;
    r->d = lh_defs(r->h);
    bh_err e;
    int cut = defs_cut(r->d, "short");
    if (sim_create(&r->s, r->d, lh_hooks(r->h), 1, &e) != BH_OK ||
        (cut >= 0 && sim_set_cut(r->s, cut, &e) != BH_OK))
        return -1;
    r->src.sim = r->s;
    return 0;
}



static void stop(run *r)
{
    sim_destroy(r->s);
    lh_free(r->h);
    check_app_close(&r->c);
    free(r->seen.text);
    free(r->all.text);
}

/* start_with, and on failure a failed check and the run stopped: 0. */
static int begin(run *r, const char *fixture, int w, int h, int scale)
{
    if (start_with(r, fixture, w, h, scale) == 0)
        return 1;
    CHECK(0);
    stop(r);
    return 0;
}

static int start(run *r) { return begin(r, FIXTURE, 1280, 720, 100); }

/* The hot wash, each tab in turn (the notes tab included: it must stay
 * empty). `questions_tab` says what the questions tab must show. */
static void hotwash_tabs(run *r, int ended)
{
    r->show.hotwash = 1;
    r->show.hotwash_tabs = (1u << RV_TABS) - 1;
    for (int tab = 0; tab < RV_TABS; tab++) {
        r->show.hotwash_tab = tab;
        char state[64];
        snprintf(state, sizeof state, "hotwash %s%s", rv_tab_name(tab), ended ? " (ended)" : "");
        draw(r, state);
        SEES(r, tab == RV_TAB_NOTES ? "Hot wash" : rv_tab_name(tab));
        if (tab == RV_TAB_HOTWASH) {
            SEES(r, "PCHOSEN_INJ1_Q1");
            SEES(r, "PCHOSEN_DEC_Q1");
        } else {
            CHECK(!has(r, "PCHOSEN_"));
        }
        if (tab == RV_TAB_TIMELINE) {
            SEES(r, "PSAFE_INJ1_TITLE");
            SEES(r, "PSAFE_WNOTE");
        }
        if (tab == RV_TAB_METERS)
            SEES(r, "PSAFE_METER_TWO");
        if (tab == RV_TAB_DECISIONS) {
            SEES(r, "PSAFE_DEC_PROMPT");
            /* the advice only once the session has ended */
            CHECK_INT(has(r, "Recommended"), ended);
            CHECK_INT(has(r, "PSAFE_OPT_A_LABEL"), ended);
        } else {
            CHECK(!has(r, "Recommended"));
        }
        if (tab == RV_TAB_FACTS)
            SEES(r, "PSAFE_REF_CITE");
        if (tab == RV_TAB_NOTES)
            CHECK(!has(r, "PSAFE_TYPED_NOTE"));
    }
    /* a tab the facilitator did not allow shows nothing of the session */
    r->show.hotwash_tabs = 1u << RV_TAB_METERS;
    r->show.hotwash_tab = RV_TAB_TIMELINE;
    draw(r, "hotwash, a tab not allowed");
    CHECK(!has(r, "PSAFE_INJ1_TITLE"));
    r->show.hotwash = 0;
}

/* Every tab of the hot wash of a session of any scenario: only the
 * general checks of draw() (no FONLY_ marker, no overflow). */
static void hotwash_odd(run *r)
{
    r->show.hotwash = 1;
    r->show.hotwash_tabs = ~0u;
    for (int tab = 0; tab < RV_TABS; tab++) {
        r->show.hotwash_tab = tab;
        draw(r, "hot wash");
    }
    r->show.hotwash = 0;
}

static void test_every_state(void)
{
    run r;
    if (!start(&r))
        return;
    draw(&r, "before");
    SEES(&r, "PSAFE_TITLE");
    SEES(&r, "PSAFE_ORG");
    SEES(&r, "PSAFE_SUMMARY");
    SEES(&r, "PSAFE_CUT_LABEL");
    CHECK(!has(&r, "PSAFE_INJ1_TITLE")); /* nothing of play before it starts */

    r.src.started = 1;
    r.src.speed = 1;
    advance(&r, 5 * 60);
    CHECK_INT(input(&r, IN_START, defs_action(r.d, "act"), NULL, NULL), BH_OK);
    /* the facilitator's own note and an adjustment's reason are theirs */
    CHECK_INT(input(&r, IN_NOTE, 0, "FONLY_TYPED_NOTE", NULL), BH_OK);
    bh_input adj = {.time = sim_now(r.s), .kind = IN_ADJUST, .a = 0, .amount = 5,
                    .text = "FONLY_ADJUST_REASON"};
    bh_err e;
    CHECK_INT(session_input(r.s, NULL, &adj, &e), BH_OK);
    draw(&r, "playing");
    SEES(&r, "PSAFE_METER_ONE");
    SEES(&r, "PSAFE_METER_TWO");
    SEES(&r, "PSAFE_SYSTEM_DOWN");
    SEES(&r, "PSAFE_INJ1_TITLE");
    SEES(&r, "PSAFE_INJ1_BODY");
    SEES(&r, "PSAFE_ACTION");
    CHECK(!has(&r, "PSAFE_DEC_PROMPT"));
    CHECK(!has(&r, "PCHOSEN_"));

    advance(&r, 10 * 60);
    CHECK_INT(input(&r, IN_MESSAGE, 0, "PSAFE_FMSG_TITLE", "PSAFE_FMSG_BODY"), BH_OK);
    draw(&r, "a facilitator's message");
    SEES(&r, "PSAFE_FMSG_TITLE");
    SEES(&r, "PSAFE_FMSG_BODY");

    advance(&r, 31 * 60);
    draw(&r, "decision open");
    SEES(&r, "PSAFE_DEC_PROMPT");
    SEES(&r, "PSAFE_OPT_A_LABEL");
    SEES(&r, "PSAFE_OPT_B_LABEL");
    SEES(&r, "PSAFE_OPT_C_LABEL");
    SEES(&r, "PSAFE_INJ2_TITLE");
    CHECK(!has(&r, "Recommended"));
    CHECK(!has(&r, "PCHOSEN_"));
    CHECK_INT(input(&r, IN_FREEZE, defs_decision(r.d, "dec"), NULL, NULL), BH_OK);
    draw(&r, "decision frozen");
    SEES(&r, "Clock stopped");
    r.src.speed = 0;
    CHECK_INT(input(&r, IN_UNFREEZE, defs_decision(r.d, "dec"), NULL, NULL), BH_OK);
    draw(&r, "paused");
    SEES(&r, "Paused");
    r.src.speed = 1;

    r.show.blank = 1;
    draw(&r, "blank");
    CHECK(!has(&r, "PSAFE_METER_ONE"));
    CHECK(!has(&r, "PSAFE_DEC_PROMPT"));
    SEES(&r, "Back shortly");
    r.show.blank = 0;

    r.show.slide = RV_SLIDE_INJECT;
    r.show.slide_index = defs_inject(r.d, "first");
    draw(&r, "inject slide");
    SEES(&r, "PCHOSEN_INJ1_Q1");
    SEES(&r, "PCHOSEN_INJ1_Q2");
    CHECK(!has(&r, "PCHOSEN_DEC_Q1"));
    r.show.slide = RV_SLIDE_DECISION;
    r.show.slide_index = defs_decision(r.d, "dec");
    draw(&r, "decision slide");
    SEES(&r, "PCHOSEN_DEC_Q1");
    CHECK(!has(&r, "PCHOSEN_INJ1"));
    /* a slide for what has not happened yet shows nothing of it */
    r.show.slide = RV_SLIDE_INJECT;
    r.show.slide_index = defs_inject(r.d, "later");
    draw(&r, "slide for an inject to come");
    r.show.slide = RV_SLIDE_DECISION;
    r.show.slide_index = defs_decision(r.d, "dec_later");
    draw(&r, "slide for a decision to come");
    r.show.slide = RV_SLIDE_INJECT;
    r.show.slide_index = 999;
    draw(&r, "slide for no inject");
    r.show.slide = RV_SLIDE_NONE;
    draw(&r, "playing after the slides");
    CHECK(!has(&r, "PCHOSEN_"));

    hotwash_tabs(&r, 0);

    CHECK_INT(input(&r, IN_CHOOSE, defs_decision(r.d, "dec"), NULL, NULL), BH_OK);
    CHECK_INT(session_finish(r.s, &e), BH_OK);
    CHECK(sim_ended(r.s));
    draw(&r, "ended");
    SEES(&r, "PSAFE_END_TITLE");
    SEES(&r, "PSAFE_END_TEXT");
    CHECK(!has(&r, "PCHOSEN_"));
    hotwash_tabs(&r, 1);

    /* across all of it: the positive controls came up somewhere */
    CHECK_HAS(r.all.text, "PSAFE_INJ2_TITLE");
    CHECK(!strstr(r.all.text, "FONLY_"));
    stop(&r);
}

/* The markers are in the defs the sim reads (the console's half of the
 * positive control is test_both_windows below: a fixture whose FONLY_
 * fields were never loaded would pass the projector's checks). */
static void test_markers_loaded(void)
{
    run r;
    if (!start(&r))
        return;
    const bh_decision_def *dd = &r.d->decisions[defs_decision(r.d, "dec")];
    CHECK_STR(dd->facilitator.good, "FONLY_DEC_GOOD");
    CHECK_STR(dd->facilitator.hint, "FONLY_DEC_HINT");
    CHECK_STR(r.d->injects[defs_inject(r.d, "first")].facilitator.text, "FONLY_INJ1_NOTE");
    CHECK_STR(r.d->injects[defs_inject(r.d, "second")].facilitator.expected,
              "FONLY_INJ2_EXPECTED");
    CHECK_STR(r.d->actions[defs_action(r.d, "act")].facilitator.hint, "FONLY_ACT_HINT");
    CHECK(dd->options[0].recommended);
    stop(&r);
}


/* ---- hostile cases (the review of issue 13) ---- */

/* The facilitator ends the session with a typed reason, after adjusting
 * a meter with one, and writes a note after the end: the ending, its
 * timeline and every hot-wash tab show none of it. The reasons carry
 * newlines and the journal's escapes, and no PSAFE_ marker, so a
 * positive control cannot be met by a leaked reason. */
static void test_end_by_facilitator(void)
{
    run r;
    if (!start(&r))
        return;
    r.src.started = 1;
    r.src.speed = 2;
    advance(&r, 5 * 60);
    bh_input adj = {.time = sim_now(r.s), .kind = IN_ADJUST, .a = 1, .amount = -7.5,
                    .text = "FONLY_ADJ_REASON\nsecond | line \\ with escapes"};
    bh_err e;
    CHECK_INT(session_input(r.s, NULL, &adj, &e), BH_OK);
    advance(&r, 31 * 60);
    int dec = defs_decision(r.d, "dec");
    bh_input ext = {.time = sim_now(r.s), .kind = IN_EXTEND, .a = dec, .dur = 600};
    CHECK_INT(session_input(r.s, NULL, &ext, &e), BH_OK);
    CHECK_INT(input(&r, IN_FREEZE, dec, NULL, NULL), BH_OK);
    draw(&r, "decision extended and frozen");
    SEES(&r, "PSAFE_DEC_PROMPT");
    SEES(&r, "Clock stopped");
    CHECK(!has(&r, "Recommended"));
    hotwash_tabs(&r, 0);
    CHECK_INT(input(&r, IN_END, 0, "FONLY_END_REASON\twhy\nwe stopped", NULL), BH_OK);
    CHECK(sim_ended(r.s));
    CHECK_STR(sim_end_reason(r.s), "FONLY_END_REASON\twhy\nwe stopped");
    CHECK_INT(input(&r, IN_NOTE, 0, "FONLY_NOTE_AFTER_END", NULL), BH_OK);
    draw(&r, "ended by the facilitator");
    SEES(&r, "Ended by the facilitator");
    SEES(&r, "PSAFE_METER_ONE");
    CHECK(!has(&r, "PSAFE_DEC_PROMPT")); /* the open decision went with the session */
    hotwash_tabs(&r, 1);
    /* the timeline says that it ended, not why */
    r.show.hotwash = 1;
    r.show.hotwash_tabs = 1u << RV_TAB_TIMELINE;
    r.show.hotwash_tab = RV_TAB_TIMELINE;
    r.show.hotwash_first = 1000000; /* the last page: the ending is there */
    draw(&r, "hot wash, the timeline's last row");
    SEES(&r, "Ended by the facilitator");
    CHECK(!strstr(r.all.text, "FONLY_"));
    stop(&r);
}

/* What the console could ask for that it should not: slides for nothing
 * (negative, past the end, an unknown kind), tabs past the end, the notes
 * tab alone, pages before the first row and past the last, a hot wash
 * without a report, and everything at once under the holding slide. */
static void test_odd_requests(void)
{
    run r;
    if (!start(&r))
        return;
    r.src.started = 1;
    r.src.speed = 1;
    advance(&r, 35 * 60);
    CHECK_INT(input(&r, IN_NOTE, 0, "FONLY_TYPED_NOTE", NULL), BH_OK);
    /* for each kind, indexes that are none of that kind's, or not yet */
    const rv_slide_kind kinds[] = {RV_SLIDE_INJECT, RV_SLIDE_DECISION, (rv_slide_kind)7,
                                   (rv_slide_kind)-1};
    const int idx[][5] = {
        {-1, -2147483647 - 1, 2147483647, (int)r.d->ninjects, defs_inject(r.d, "later")},
        {-1, -2147483647 - 1, 2147483647, (int)r.d->ndecisions, defs_decision(r.d, "dec_later")},
        {-1, 0, 1, 2, 2147483647},
        {-1, 0, 1, 2, 2147483647}};
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
        for (size_t i = 0; i < 5; i++) {
            r.show.slide = kinds[k];
            r.show.slide_index = idx[k][i];
            draw(&r, "a slide for nothing");
            CHECK(!has(&r, "PCHOSEN_"));
            SEES(&r, "PSAFE_DEC_PROMPT"); /* the live view, not an empty slide */
        }
    r.show.slide = RV_SLIDE_NONE;
    r.show.hotwash = 1;
    const int tabs[] = {-1, RV_TABS, 99, -2147483647 - 1, RV_TAB_NOTES};
    for (size_t t = 0; t < sizeof tabs / sizeof tabs[0]; t++) {
        r.show.hotwash_tabs = ~0u;
        r.show.hotwash_tab = tabs[t];
        draw(&r, "a tab that is not one");
        SEES(&r, "The debrief will be up shortly");
    }
    r.show.hotwash_tabs = 1u << RV_TAB_NOTES;
    r.show.hotwash_tab = RV_TAB_NOTES;
    draw(&r, "the notes tab alone");
    SEES(&r, "The debrief will be up shortly");
    const int firsts[] = {-5, -2147483647 - 1, 1, 1000000, 2147483647};
    r.show.hotwash_tabs = 1u << RV_TAB_TIMELINE;
    r.show.hotwash_tab = RV_TAB_TIMELINE;
    for (size_t f = 0; f < sizeof firsts / sizeof firsts[0]; f++) {
        r.show.hotwash_first = firsts[f];
        draw(&r, "a page of the timeline");
        SEES(&r, "Hot wash: Timeline");
    }
    /* no report (it could not be built): the tab says so, nothing else */
    rv_model m;
    bh_err e;
    rv_source src = r.src;
    src.report = NULL;
    CHECK_INT(rv_build(&m, &src, &r.show, &e), BH_OK);
    CHECK_INT(m.nrows, 0);
    rv_free(&m);
    /* everything at once: the holding slide wins, and holds only the title */
    r.show.blank = 1;
    r.show.slide = RV_SLIDE_DECISION;
    r.show.slide_index = defs_decision(r.d, "dec");
    r.show.hotwash_tabs = ~0u;
    r.show.hotwash_tab = RV_TAB_DECISIONS;
    draw(&r, "blank over everything");
    SEES(&r, "Back shortly");
    CHECK(!has(&r, "PCHOSEN_"));
    CHECK(!has(&r, "PSAFE_DEC_PROMPT"));
    /* no session, no show: an error, and a model safe to draw and free */
    CHECK_INT(rv_build(&m, NULL, &r.show, &e), BH_EUSAGE);
    CHECK(m.blank);
    rv_free(&m);
    src.sim = NULL;
    CHECK_INT(rv_build(&m, &src, &r.show, &e), BH_EUSAGE);
    rv_free(&m);
    CHECK_INT(rv_build(&m, &r.src, NULL, &e), BH_EUSAGE);
    rv_free(&m);
    stop(&r);
}

/* Odd but legal content (tests/fixtures/leak/odd.lua: no meters, systems
 * or teams, an empty body, twelve long options, a script error) and a
 * facilitator's message at the longest, full of newlines and escapes,
 * with no body: at 720p with 200% text and at 1080p with 100%, nothing
 * overflows, every option of the decision is drawn, and after the
 * script error stops the session the projector still draws. */
static void odd_at(int w, int h, int scale)
{
    run r;
    if (!begin(&r, "tests/fixtures/leak/odd.lua", w, h, scale))
        return;
    draw(&r, "odd: before");
    SEES(&r, "PSAFE_ODD_TITLE");
    r.src.started = 1;
    r.src.speed = 8;
    advance(&r, 60);
    draw(&r, "odd: an empty body");
    SEES(&r, "PSAFE_EMPTY_BODY");
    advance(&r, 3 * 60);
    draw(&r, "odd: a body of 64 kB");
    SEES(&r, "PSAFE_HUGE_BODY");
    CHECK(!r.a->u.failed);
    /* cut before it was measured: the whole body was never rasterised */
    size_t longest = 0;
    for (int i = 0; i < r.a->u.text.cap; i++)
        if (r.a->u.text.e[i].text && strlen(r.a->u.text.e[i].text) > longest)
            longest = strlen(r.a->u.text.e[i].text);
    CHECK(longest < 60000);
    char title[SIM_MAX_FACIL_TEXT + 1];
    for (int i = 0; i < SIM_MAX_FACIL_TEXT; i++)
        title[i] = "PSAFE_LONG\n\t|\\ "[i % 15];
    title[SIM_MAX_FACIL_TEXT] = 0;
    CHECK_INT(input(&r, IN_MESSAGE, 0, title, ""), BH_OK);
    draw(&r, "odd: the longest message");
    SEES(&r, "PSAFE_LONG");
    /* a tab is drawn as a space, not as a missing glyph's box */
    CHECK(!strchr(r.seen.text, '\t'));
    advance(&r, 11 * 60);
    draw(&r, "odd: twelve options");
    SEES(&r, "PSAFE_BIG_PROMPT");
    for (int i = 1; i <= 12; i++) {
        char opt[32];
        snprintf(opt, sizeof opt, "PSAFE_OPT_%d ", i);
        SEES(&r, opt);
        /* each has a letter the room can say, past G (the console's last
         * key) too: A to L, drawn in its badge */
        snprintf(opt, sizeof opt, "\n%c\n", 'A' + i - 1);
        SEES(&r, opt);
    }
    /* the default is said in words even when its label is cut: at 720p
     * with 200% text the twelve labels are cut to a line, and the word
     * goes first */
    const char *def = strstr(r.seen.text, "PSAFE_OPT_12 ");
    while (def && def > r.seen.text && def[-1] != '\n')
        def--;
    CHECK(def && strncmp(def, h == 720 ? "(default)" : "PSAFE_OPT_12", 9) == 0);
    SEES(&r, "(default)");
    CHECK(!strchr(r.seen.text, '\t'));
    CHECK(!has(&r, "Recommended"));
    r.show.slide = RV_SLIDE_DECISION;
    r.show.slide_index = 0;
    draw(&r, "odd: the slide");
    SEES(&r, "PCHOSEN_BIG_Q");
    r.show.slide = RV_SLIDE_NONE;
    hotwash_odd(&r);
    bh_err e;
    CHECK(sim_advance(r.s, 2 * 3600, &e) != BH_OK);
    CHECK(sim_failed(r.s));
    draw(&r, "odd: stopped by a script error");
    SEES(&r, "PSAFE_BOOM_TITLE");
    hotwash_odd(&r);
    CHECK(!strstr(r.all.text, "FONLY_"));
    stop(&r);
}

static void test_odd_content(void)
{
    odd_at(1280, 720, 200);
    odd_at(1920, 1080, 100);
}

/* The whole app, both windows, driven from the console's own controls
 * (check_workshop.h): the positive control the test above lacks. The
 * console must draw the facilitator's markers (its guidance for the open
 * decision, what comes next) while the projector window, drawn in the
 * same frames by the game's own path (ws_projector_frame), draws none;
 * then each hot-wash tab the console can put up, and the end. */
static void test_both_windows(void)
{
    cw_fresh_dir();
    app *a = calloc(1, sizeof *a);
    drawn console = {0}, room = {0};
    if (!a || !cw_start(a, FIXTURE, 1) || !a->has_proj) {
        CHECK(0);
        if (a)
            app_free(a);
        free(a);
        return;
    }
    a->u.record = check_record;
    a->u.record_ctx = &console;
    a->proj.record = check_record;
    a->proj.record_ctx = &room;
    Uint32 con = cw_console_id(a);
    app_frame(a, 0);
    CHECK_HAS(console.text, "FONLY_NEXT_DEC_PROMPT"); /* what comes next: the console's */
    CHECK_HAS(room.text, "PSAFE_TITLE");
    CHECK(cw_click_label(a, con, "Start clock"));
    CHECK(cw_click_label(a, con, "Jump to next decision"));
    CHECK(cw_click_label(a, con, "Guide"));
    app_frame(a, 0);
    CHECK_HAS(console.text, "FONLY_DEC_GOOD");
    CHECK_HAS(console.text, "FONLY_DEC_HINT");
    CHECK_HAS(console.text, "Recommended: A");
    CHECK_HAS(room.text, "PSAFE_DEC_PROMPT");
    CHECK_HAS(room.text, "PSAFE_OPT_C_LABEL");
    CHECK(cw_click_label(a, con, "Put the questions up"));
    app_frame(a, 0);
    CHECK_HAS(room.text, "PCHOSEN_DEC_Q1");
    CHECK(cw_click_label(a, con, "Take the questions down"));
    CHECK(cw_click_label(a, con, "Debrief on projector"));
    CHECK_INT(a->show.hotwash_tab, RV_TAB_TIMELINE); /* up first; a click would take it away */
    app_frame(a, 0);
    CHECK_HAS(room.text, "Hot wash: Timeline");
    for (int t = RV_TAB_TIMELINE + 1; t < RV_TABS; t++)
        if (t != RV_TAB_NOTES) {
            CHECK(cw_click_label(a, con, rv_tab_name(t)));
            CHECK_INT(a->show.hotwash_tab, t);
            app_frame(a, 0);
        }
    CHECK_HAS(room.text, "Hot wash: Fact check");
    CHECK(!ui_find(&a->u, "Notes")); /* the console does not offer the notes */
    CHECK(cw_click_label(a, con, "Debrief off projector"));
    cw_key(a, SDLK_PERIOD);
    CHECK(a->show.blank);
    CHECK_HAS(room.text, "Back shortly");
    /* across all of it: nothing of the facilitator's on the projector */
    if (room.text && strstr(room.text, "FONLY_"))
        fprintf(stderr, "the projector window drew: %s\n", strstr(room.text, "FONLY_"));
    CHECK(room.text && !strstr(room.text, "FONLY_"));
    a->u.record = NULL;
    a->proj.record = NULL;
    app_free(a);
    free(a);
    free(console.text);
    free(room.text);
    cw_fresh_dir();
    rmdir(cw_data_dir);
}

int main(int argc, char **argv)
{
    static const check_case cases[] = {
        {"every projector state", test_every_state},
        {"the markers are loaded", test_markers_loaded},
        {"an ending by the facilitator", test_end_by_facilitator},
        {"odd requests from the console", test_odd_requests},
        {"odd content", test_odd_content},
        {"both windows, from the console's controls", test_both_windows},
        {NULL, NULL},
    };
    return check_main(argc, argv, cases);
}
