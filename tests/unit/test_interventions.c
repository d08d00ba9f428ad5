/* test_interventions: the facilitator's seven inputs (fire, extend, freeze,
 * unfreeze, adjust, message, end), each alone and each refused, through
 * the path every input takes (session_input); their journal lines read,
 * written and read back, escapes and all; annotation kinds this build does
 * not know; replay and what-if of a plan that uses all seven; and the
 * reserved ending a scenario may not declare.
 *
 * The scenario is tests/fixtures/facilitator/interventions.lua: a meter,
 * injects due early, later and repeatable, one that waits on a condition,
 * two decisions with one-hour deadlines, and an ending on a low meter. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "check_session.h"
#include "core/session.h"
#include "core/text.h"
#include "report/rp_whatif.h"
#include "transcript_text.h"
#include "script/lh_host.h"

#define FIXTURE "tests/fixtures/facilitator/interventions.lua"
#define MIN 60
#define HOUR 3600

typedef check_run run;

static int start(run *r) { return check_run_start(r, FIXTURE, 1); }
static void stop(run *r) { check_run_stop(r); }

/* An input at time t; `id` names the inject, decision or meter. */
static bh_status in(run *r, bh_time t, bh_input_kind k, const char *id, const char *text)
{
    bh_input x = {.time = t, .kind = k, .a = -1, .text = text};
    if (k == IN_FIRE)
        x.a = defs_inject(r->d, id);
    else if (k == IN_ADJUST)
        x.a = defs_meter(r->d, id);
    else if (id)
        x.a = defs_decision(r->d, id);
    err_clear(&r->err);
    return session_input(r->s, NULL, &x, &r->err);
}

static bh_status extend(run *r, bh_time t, const char *id, bh_time by)
{
    bh_input x = {.time = t, .kind = IN_EXTEND, .a = defs_decision(r->d, id), .dur = by};
    err_clear(&r->err);
    return session_input(r->s, NULL, &x, &r->err);
}

static bh_status adjust(run *r, bh_time t, double amount, const char *reason)
{
    bh_input x = {.time = t, .kind = IN_ADJUST, .a = 0, .amount = amount, .text = reason};
    err_clear(&r->err);
    return session_input(r->s, NULL, &x, &r->err);
}

static double trust(run *r) { return sim_meter(r->s, 0); }

/* How many times the log has `kind` for item a (-1: any), and when the last was. */
static int logged(run *r, bh_log_kind kind, int a, bh_time *when)
{
    size_t n;
    const bh_log_entry *l = sim_log(r->s, &n);
    int c = 0;
    for (size_t i = 0; i < n; i++)
        if (l[i].kind == kind && (a < 0 || l[i].a == a)) {
            c++;
            if (when)
                *when = l[i].time;
        }
    return c;
}

/* ---- each input alone, and its refusals ---- */

static void test_fire(void)
{
    run r;
    CHECK(start(&r) == 0);
    int later = defs_inject(r.d, "later"), again = defs_inject(r.d, "again"),
        high = defs_inject(r.d, "high");
    bh_time t = -1;
    /* due at 3h, delivered at 10m; it does not come again at 3h */
    CHECK_INT(in(&r, 10 * MIN, IN_FIRE, "later", NULL), BH_OK);
    CHECK_INT(logged(&r, LOG_INJECT, later, &t), 1);
    CHECK_INT(t, 10 * MIN);
    CHECK(trust(&r) == 40); /* its effect ran */
    CHECK_INT(logged(&r, LOG_FACIL, IN_FIRE, NULL), 1);
    CHECK_INT(in(&r, 11 * MIN, IN_FIRE, "later", NULL), BH_EINPUT);
    CHECK_HAS(r.err.msg, "cannot fire 'later': it has already arrived");
    CHECK_INT(in(&r, 12 * MIN, IN_FIRE, "early", NULL), BH_EINPUT); /* arrived at 0m */
    CHECK_INT(in(&r, 12 * MIN, IN_FIRE, "nope", NULL), BH_EINPUT);  /* no such inject */
    /* a repeatable one may be fired again, and its `at` time is taken too */
    CHECK_INT(in(&r, 20 * MIN, IN_FIRE, "again", NULL), BH_OK);
    CHECK_INT(in(&r, 21 * MIN, IN_FIRE, "again", NULL), BH_OK);
    /* one that waits on a condition: fired now, never again by its condition */
    CHECK_INT(in(&r, 22 * MIN, IN_FIRE, "high", NULL), BH_OK);
    CHECK_INT(adjust(&r, 23 * MIN, 60, "the room earned it"), BH_OK);
    CHECK_INT(sim_advance(r.s, 5 * HOUR, &r.err), BH_OK);
    CHECK_INT(logged(&r, LOG_INJECT, later, NULL), 1);
    CHECK_INT(logged(&r, LOG_INJECT, again, NULL), 2);
    CHECK_INT(logged(&r, LOG_INJECT, high, NULL), 1);
    stop(&r);
}

static void test_extend(void)
{
    run r;
    CHECK(start(&r) == 0);
    int d = defs_decision(r.d, "d");
    CHECK_INT(extend(&r, 30 * MIN, "d", 30 * MIN), BH_EINPUT); /* opens at 1h */
    CHECK_HAS(r.err.msg, "cannot extend 'd': it has not opened");
    CHECK_INT(extend(&r, 70 * MIN, "d", 30 * MIN), BH_OK); /* deadline 2h -> 2h30m */
    CHECK_INT(extend(&r, 71 * MIN, "d", 15 * MIN), BH_OK); /* counted from 2h30m: 2h45m */
    bh_decision_status ds;
    sim_decision_status(r.s, d, &ds);
    CHECK_INT(ds.deadline, 2 * HOUR + 45 * MIN);
    CHECK_INT(extend(&r, 72 * MIN, "d", 0), BH_EINPUT);
    CHECK_HAS(r.err.msg, "longer than 0");
    CHECK_INT(sim_advance(r.s, 2 * HOUR + 44 * MIN, &r.err), BH_OK);
    CHECK_INT(logged(&r, LOG_DEFAULT, d, NULL), 0); /* not at 2h, nor at 2h30m */
    bh_time t = -1;
    CHECK_INT(sim_advance(r.s, 9 * HOUR, &r.err), BH_OK);
    CHECK_INT(logged(&r, LOG_DEFAULT, d, &t), 1); /* once, and on time */
    CHECK_INT(t, 2 * HOUR + 45 * MIN);
    CHECK_INT(extend(&r, 9 * HOUR, "d", 30 * MIN), BH_EINPUT); /* the deadline passed */
    CHECK_HAS(r.err.msg, "cannot extend 'd': its deadline passed at T+0d 02:45:00 and the clock "
                         "chose 'n'");
    CHECK_INT(in(&r, 9 * HOUR, IN_CHOOSE, NULL, NULL), BH_EINPUT); /* a = -1: no such decision */
    stop(&r);
}

static void test_freeze_unfreeze(void)
{
    run r;
    CHECK(start(&r) == 0);
    int d = defs_decision(r.d, "d");
    CHECK_INT(in(&r, 30 * MIN, IN_FREEZE, "d", NULL), BH_EINPUT); /* not open yet */
    CHECK_INT(in(&r, 70 * MIN, IN_UNFREEZE, "d", NULL), BH_EINPUT);
    CHECK_HAS(r.err.msg, "cannot unfreeze 'd': it is not frozen");
    CHECK_INT(in(&r, 70 * MIN, IN_FREEZE, "d", NULL), BH_OK); /* 50m left */
    CHECK_INT(in(&r, 71 * MIN, IN_FREEZE, "d", NULL), BH_EINPUT);
    CHECK_HAS(r.err.msg, "already frozen");
    /* long past the old deadline (2h): nothing happens while frozen */
    CHECK_INT(sim_advance(r.s, 3 * HOUR, &r.err), BH_OK);
    bh_decision_status ds;
    sim_decision_status(r.s, d, &ds);
    CHECK_INT(ds.state, DEC_OPEN);
    CHECK_INT(ds.frozen, 1);
    CHECK_INT(ds.left, 50 * MIN);
    CHECK_INT(extend(&r, 3 * HOUR, "d", 10 * MIN), BH_OK); /* frozen: 1h left */
    CHECK_INT(in(&r, 3 * HOUR, IN_UNFREEZE, "d", NULL), BH_OK); /* due at 4h */
    sim_decision_status(r.s, d, &ds);
    CHECK_INT(ds.frozen, 0);
    CHECK_INT(ds.deadline, 4 * HOUR);
    bh_time t = -1;
    CHECK_INT(sim_advance(r.s, 4 * HOUR - 1, &r.err), BH_OK);
    CHECK_INT(logged(&r, LOG_DEFAULT, d, NULL), 0);
    CHECK_INT(sim_advance(r.s, 9 * HOUR, &r.err), BH_OK);
    CHECK_INT(logged(&r, LOG_DEFAULT, d, &t), 1); /* neither late nor twice */
    CHECK_INT(t, 4 * HOUR);
    CHECK_INT(in(&r, 9 * HOUR, IN_FREEZE, "d", NULL), BH_EINPUT);
    stop(&r);

    /* the room's choice on a frozen decision stands, and stops its clock for good */
    CHECK(start(&r) == 0);
    int d2 = defs_decision(r.d, "d2");
    CHECK_INT(sim_advance(r.s, 8 * HOUR, &r.err), BH_OK);
    CHECK_INT(in(&r, 8 * HOUR, IN_FREEZE, "d2", NULL), BH_OK);
    bh_input choose = {.time = 8 * HOUR + MIN, .kind = IN_CHOOSE, .a = d2, .b = 0};
    CHECK_INT(session_input(r.s, NULL, &choose, &r.err), BH_OK);
    CHECK_INT(in(&r, 8 * HOUR + 2 * MIN, IN_UNFREEZE, "d2", NULL), BH_EINPUT);
    CHECK_HAS(r.err.msg, "the room already chose 'y'");
    CHECK_INT(session_finish(r.s, &r.err), BH_OK);
    CHECK_INT(logged(&r, LOG_DEFAULT, d2, NULL), 0);
    stop(&r);
}

static void test_adjust(void)
{
    run r;
    CHECK(start(&r) == 0);
    CHECK_INT(adjust(&r, MIN, 30, "a good argument"), BH_OK);
    CHECK(trust(&r) == 80);
    CHECK_INT(adjust(&r, 2 * MIN, 50, "too generous"), BH_OK); /* clamped */
    CHECK(trust(&r) == 100);
    CHECK_INT(adjust(&r, 3 * MIN, -0.5, "half a point"), BH_OK);
    CHECK(trust(&r) == 99.5);
    size_t n, k;
    const bh_point *h = sim_meter_history(r.s, 0, &k);
    const bh_log_entry *l = sim_log(r.s, &n);
    CHECK(l[n - 2].kind == LOG_FACIL && l[n - 2].a == IN_ADJUST && l[n - 2].from == -0.5);
    CHECK(l[n - 1].kind == LOG_METER && l[n - 1].from == 100 && l[n - 1].to == 99.5 &&
          l[n - 1].b == 0);
    CHECK(k >= 1 && h[k - 1].time == 3 * MIN && h[k - 1].value == 99.5);
    CHECK_INT(adjust(&r, 4 * MIN, 0, "nothing"), BH_EINPUT);
    CHECK_HAS(r.err.msg, "by 0");
    CHECK_INT(adjust(&r, 4 * MIN, 1.0005, "too fine"), BH_EINPUT);
    CHECK_HAS(r.err.msg, "at most three decimals");
    CHECK_INT(adjust(&r, 4 * MIN, 1, ""), BH_EINPUT);
    CHECK_HAS(r.err.msg, "the reason for an adjustment is missing");
    bh_input bad = {.time = 4 * MIN, .kind = IN_ADJUST, .a = 7, .amount = 1, .text = "x"};
    CHECK_INT(session_input(r.s, NULL, &bad, &r.err), BH_EINPUT);
    CHECK_HAS(r.err.msg, "no such meter");
    /* conditions see it at once: the low ending */
    CHECK_INT(adjust(&r, 5 * MIN, -200, "the room gave up"), BH_OK);
    CHECK_INT(sim_ended(r.s), 1);
    CHECK_STR(defs_ending_at(r.d, sim_ending(r.s))->id, "low");
    stop(&r);
}

static void test_message(void)
{
    run r;
    CHECK(start(&r) == 0);
    bh_input m = {.time = MIN, .kind = IN_MESSAGE, .text = "From the CEO", .body = "Call me | now"};
    CHECK_INT(session_input(r.s, NULL, &m, &r.err), BH_OK);
    m.time = 2 * MIN;
    m.body = "";
    CHECK_INT(session_input(r.s, NULL, &m, &r.err), BH_OK);
    size_t n;
    const bh_inbox_item *it = sim_inbox(r.s, &n);
    CHECK_INT(n, 3); /* early, then the two */
    CHECK_INT(it[1].inject, -1);
    const bh_inject_def *x = sim_inbox_def(r.s, &it[1]);
    CHECK_STR(x->id, "facilitator:1");
    CHECK_STR(x->from, "Facilitator");
    CHECK_STR(x->title, "From the CEO");
    CHECK_STR(x->body, "Call me | now");
    CHECK_INT(x->channel, CH_INTERNAL);
    CHECK_INT(it[1].time, MIN);
    CHECK_STR(sim_inbox_def(r.s, &it[2])->id, "facilitator:2");
    CHECK_STR(sim_inbox_def(r.s, &it[0])->id, "early");
    m.text = " ";
    CHECK_INT(session_input(r.s, NULL, &m, &r.err), BH_EINPUT);
    CHECK_HAS(r.err.msg, "title is missing");
    m.text = "bell \a";
    CHECK_INT(session_input(r.s, NULL, &m, &r.err), BH_EINPUT);
    CHECK_HAS(r.err.msg, "control characters");
    stop(&r);
}

static void test_end(void)
{
    run r;
    CHECK(start(&r) == 0);
    CHECK_INT(in(&r, 30 * MIN, IN_END, NULL, ""), BH_EINPUT);
    CHECK_HAS(r.err.msg, "the reason for ending the session is missing");
    CHECK_INT(sim_ended(r.s), 0);
    CHECK_INT(in(&r, 30 * MIN, IN_END, NULL, "out of time"), BH_OK);
    CHECK_INT(sim_ended(r.s), 1);
    CHECK_INT(sim_ending(r.s), defs_ending_facilitator(r.d));
    CHECK_INT(sim_ending(r.s), (int)r.d->nendings); /* the declared ones keep their numbers */
    CHECK_STR(defs_ending_at(r.d, sim_ending(r.s))->id, "ended_by_facilitator");
    CHECK(defs_ending_at(r.d, sim_ending(r.s) + 1) == NULL);
    CHECK_INT(defs_ending(r.d, "ended_by_facilitator"), -1); /* no scenario reaches it */
    CHECK_STR(sim_end_reason(r.s), "out of time");
    CHECK_INT(sim_now(r.s), 30 * MIN);
    CHECK_INT(in(&r, 40 * MIN, IN_END, NULL, "again"), BH_EINPUT);
    CHECK_INT(in(&r, 40 * MIN, IN_FIRE, "later", NULL), BH_EINPUT);
    CHECK_HAS(r.err.msg, "the session has ended");
    CHECK_INT(in(&r, 40 * MIN, IN_NOTE, NULL, "notes still welcome"), BH_OK);
    /* a note's edge spaces would not read back from the journal either */
    CHECK_INT(in(&r, 40 * MIN, IN_NOTE, NULL, "padded "), BH_EINPUT);
    CHECK_HAS(r.err.msg, "a note may not begin or end with a space");
    stop(&r);
}

/* Free text with newlines cannot forge a line of the transcript: a note
 * or a reason that reads "...\nENDING ..." stays indented under its entry,
 * so nothing that reads the transcript's lines (tests/scenarios.sh reads
 * the ending from it) can be fooled. */
static void test_transcript_keeps_text_in_its_entry(void)
{
    run r;
    CHECK(start(&r) == 0);
    CHECK_INT(in(&r, 10 * MIN, IN_NOTE, NULL, "first\nENDING    fake: Not the end"), BH_OK);
    CHECK_INT(adjust(&r, 20 * MIN, 5, "good\nnote      forged"), BH_OK);
    CHECK_INT(in(&r, 30 * MIN, IN_END, NULL, "out of time\nEnding at T+0: fake"), BH_OK);
    char *t = transcript_of(r.s);
    CHECK(t != NULL);
    if (t) {
        CHECK_HAS(t, "first\n          ENDING    fake: Not the end\n");
        CHECK_HAS(t, "good\n          note      forged\n");
        int endings = 0, forged = 0;
        for (const char *line = t; line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
            endings += strncmp(line, "Ending at", 9) == 0;
            forged += strncmp(line, "ENDING    fake", 14) == 0 ||
                      strncmp(line, "note      forged", 16) == 0;
        }
        CHECK_INT(endings, 1); /* the real footer only */
        CHECK_INT(forged, 0);
        free(t);
    }
    stop(&r);
}

/* ---- journal lines ---- */

static bh_status parse(const char *text, bh_plan *p, bh_err *e)
{
    return journal_parse("t.plan", text, strlen(text), p, e);
}

static void test_lines_round_trip(void)
{
    run r;
    CHECK(start(&r) == 0);
    const char *text = "1h fire later\n"
                       "1h extend d 1h30m\n"
                       "1h freeze d\n"
                       "1h unfreeze d\n"
                       "1h adjust trust -2.5 a reason: with | bars, \\ and \\t\n"
                       "1h message Title \\| with a bar | Body\\nline two\\ttabbed \\\\ \\| end\n"
                       "1h end We stop\\there\n";
    bh_plan p;
    bh_err e;
    CHECK_INT(parse(text, &p, &e), BH_OK);
    CHECK_INT(p.n, 7);
    const char *want[] = {"1h fire later", "1h extend d 1h30m", "1h freeze d", "1h unfreeze d",
                          "1h adjust trust -2.5 a reason: with \\| bars, \\\\ and \\t",
                          "1h message Title \\| with a bar | Body\\nline two\\ttabbed \\\\ \\| end",
                          "1h end We stop\\there"};
    for (size_t i = 0; i < p.n && i < 7; i++) {
        bh_input x;
        CHECK_INT(journal_resolve(&p, &p.v[i], r.d, &x, &e), BH_OK);
        char line[JOURNAL_MAX_LINE];
        CHECK(journal_format(r.d, &x, line, sizeof line) > 0);
        CHECK_STR(line, want[i]);
        /* and read back, the same input */
        bh_plan q;
        CHECK_INT(parse(line, &q, &e), BH_OK);
        bh_input y;
        CHECK_INT(journal_resolve(&q, &q.v[0], r.d, &y, &e), BH_OK);
        CHECK_INT(y.kind, x.kind);
        CHECK_INT(y.a, x.a);
        CHECK_INT(y.dur, x.dur);
        CHECK(y.amount == x.amount);
        CHECK_STR(y.text ? y.text : "", x.text ? x.text : "");
        CHECK_STR(y.body ? y.body : "", x.body ? x.body : "");
        journal_plan_free(&q);
    }
    CHECK_STR(p.v[4].text, "a reason: with | bars, \\ and \t");
    CHECK_STR(p.v[5].text, "Title | with a bar");
    CHECK_STR(p.v[5].body, "Body\nline two\ttabbed \\ | end");
    CHECK_INT(p.v[1].dur, 90 * MIN);
    CHECK(p.v[4].amount == -2.5);
    journal_plan_free(&p);

    /* notes share the escapes; an unescaped bar in a note is just a bar */
    CHECK_INT(parse("0s note a | b \\| c\\\\d\\x\n", &p, &e), BH_OK);
    CHECK_STR(p.v[0].text, "a | b | c\\d\\x");
    bh_input x = {.time = 0, .kind = IN_NOTE, .text = "tab\there|bar\\back\nnew"};
    char line[256];
    CHECK(journal_format(r.d, &x, line, sizeof line) > 0);
    CHECK_STR(line, "0s note tab\\there\\|bar\\\\back\\nnew");
    journal_plan_free(&p);
    CHECK_INT(parse(line, &p, &e), BH_OK);
    CHECK_STR(p.v[0].text, x.text);
    journal_plan_free(&p);
    /* a message without a body */
    bh_input m = {.time = 0, .kind = IN_MESSAGE, .text = "Only a title", .body = ""};
    CHECK(journal_format(r.d, &m, line, sizeof line) > 0);
    CHECK_STR(line, "0s message Only a title |");
    stop(&r);
}

/* Whatever session_input accepts, its journal line must read back as the
 * same input: a journal that replays differently from the session it
 * recorded is a lost input. Blanks at either end of a title, a body or a
 * reason have no escape, and the reader skips or trims them. */
static void test_applied_text_reads_back(void)
{
    static const struct {
        bh_input_kind kind;
        const char *text, *body;
    } cases[] = {
        {IN_MESSAGE, " Leading", "Body"},     {IN_MESSAGE, "Trailing ", "Body"},
        {IN_MESSAGE, "Title", " leading body"}, {IN_MESSAGE, "Title", "trailing body "},
        {IN_ADJUST, " leading reason", NULL}, {IN_ADJUST, "trailing reason ", NULL},
        {IN_END, " leading reason", NULL},    {IN_END, "trailing reason ", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        run r;
        CHECK(start(&r) == 0);
        bh_input x = {.time = MIN, .kind = cases[i].kind, .text = cases[i].text,
                      .body = cases[i].body, .amount = 1};
        err_clear(&r.err);
        if (session_input(r.s, NULL, &x, &r.err) == BH_OK) {
            char line[JOURNAL_MAX_LINE];
            CHECK(journal_format(r.d, &x, line, sizeof line) > 0);
            bh_plan q;
            bh_err e;
            CHECK_INT(parse(line, &q, &e), BH_OK);
            bh_input y = {0};
            CHECK_INT(q.n == 1 ? journal_resolve(&q, &q.v[0], r.d, &y, &e) : BH_EJOURNAL, BH_OK);
            CHECK_STR(y.text ? y.text : "", x.text);
            CHECK_STR(y.body ? y.body : "", x.body ? x.body : "");
            journal_plan_free(&q);
        } else {
            CHECK_HAS(r.err.msg, "space");
        }
        stop(&r);
    }
    /* a hand-written line's trailing blanks are not part of its text */
    bh_plan p;
    bh_err e;
    CHECK_INT(parse("1h message T | body  \t\n1h adjust trust +1 why \n1h end done\t \n", &p,
                    &e), BH_OK);
    CHECK_STR(p.v[0].body, "body");
    CHECK_STR(p.v[1].text, "why");
    CHECK_STR(p.v[2].text, "done");
    journal_plan_free(&p);
}

/* Random facilitator text through the path the game takes: every input
 * session_input accepts is journaled, and the journal replays into the
 * same session, transcript for transcript. Fixed seed: the same cases on
 * every run. */
static void test_random_text_replays(void)
{
    static const char *const bits[] = {"a", " ", "\\", "|", "\t", "\n", "\xc3\xa9", "n", "t",
                                       "\\|", "#", "<b>"};
    const size_t nbits = sizeof bits / sizeof *bits;
    char path[] = "/tmp/bh-test-interventions-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    close(fd);
    unlink(path);
    run r;
    CHECK(start(&r) == 0);
    bh_journal j = {.fd = -1};
    CHECK_INT(journal_create(&j, path, FIXTURE, 1, &r.err), BH_OK);
    unsigned long x = 12345;
    int applied = 0;
    for (int i = 0; i < 400; i++) {
        char text[2][64];
        for (int k = 0; k < 2; k++) {
            text[k][0] = '\0';
            for (int n = 0; n < 6; n++) {
                x = x * 6364136223846793005UL + 1442695040888963407UL;
                strcat(text[k], bits[(x >> 33) % nbits]);
            }
        }
        static const bh_input_kind kinds[] = {IN_MESSAGE, IN_ADJUST, IN_FIRE,  IN_EXTEND,
                                              IN_FREEZE,  IN_UNFREEZE, IN_MESSAGE, IN_END};
        x = x * 6364136223846793005UL + 1442695040888963407UL;
        bh_input_kind kind = kinds[(x >> 33) % (i < 399 ? 7 : 8)];
        int item = kind == IN_FIRE ? (int)((x >> 40) % r.d->ninjects)
                   : kind == IN_ADJUST ? 0 : (int)((x >> 40) % r.d->ndecisions);
        bh_input in = {.time = (bh_time)i * 90, .kind = kind, .a = item, .text = text[0],
                       .body = text[1], .amount = i % 2 ? 0.5 : -0.5,
                       .dur = 1 + (bh_time)((x >> 20) % 7200)};
        err_clear(&r.err);
        applied += session_input(r.s, &j, &in, &r.err) == BH_OK;
    }
    journal_close(&j);
    CHECK(applied > 100);
    char *live = transcript_of(r.s);
    bh_time live_now = sim_now(r.s); /* a refused input still moved the clock */
    stop(&r);
    bh_plan p;
    bh_err e;
    CHECK_INT(journal_read(path, &p, &e), BH_OK);
    CHECK_INT((int)p.n, applied);
    run again;
    CHECK(start(&again) == 0);
    bh_replay_result res;
    CHECK_INT(session_replay(again.s, NULL, &p, &res, &again.err), BH_OK);
    CHECK_INT(sim_advance(again.s, live_now, &again.err), BH_OK);
    char *replayed = transcript_of(again.s);
    CHECK(live && replayed && strcmp(live, replayed) == 0);
    free(live);
    free(replayed);
    stop(&again);
    journal_plan_free(&p);
    unlink(path);
}

static void test_amounts_locale_free(void)
{
    double v = 0;
    char buf[40];
    CHECK(text_decimal_parse("+5", &v) == 0 && v == 5);
    CHECK(text_decimal_parse("-2.5", &v) == 0 && v == -2.5);
    CHECK(text_decimal_parse("0.125", &v) == 0 && v == 0.125);
    CHECK(text_decimal_parse("1.2345", &v) != 0); /* four decimals */
    CHECK(text_decimal_parse("1,5", &v) != 0);    /* a comma is not a decimal point here */
    CHECK(text_decimal_parse("5.", &v) != 0);
    CHECK(text_decimal_parse("+", &v) != 0);
    CHECK(text_decimal_parse("1e3", &v) != 0);
    /* the largest amount, and past it: found by the journal fuzzer, a value
     * that a double cannot hold to the thousandth would not write back */
    CHECK(text_decimal_parse("-999999999.999", &v) == 0);
    CHECK_STR(text_decimal_format(v, buf, sizeof buf), "-999999999.999");
    CHECK(text_decimal_parse("+1000000000", &v) != 0);
    CHECK(text_decimal_parse("+0000060000008636104.1", &v) != 0);
    CHECK(text_decimal_parse("+000000000000000000000000000000001.5", &v) == 0 && v == 1.5);
    CHECK_STR(text_decimal_format(5, buf, sizeof buf), "+5");
    CHECK_STR(text_decimal_format(-2.5, buf, sizeof buf), "-2.5");
    CHECK_STR(text_decimal_format(-0.001, buf, sizeof buf), "-0.001");
    CHECK_STR(text_decimal_format(12.34, buf, sizeof buf), "+12.34");
    CHECK(text_decimal_exact(12.345) && !text_decimal_exact(0.0001));
    CHECK(text_decimal_exact(999999999.999) && !text_decimal_exact(1e10));
}

static void test_line_errors(void)
{
    run r;
    CHECK(start(&r) == 0);
    static const struct { const char *line, *msg; } bad[] = {
        {"1h fire\n", "'fire' takes an inject id"},
        {"1h fire a b\n", "'fire' takes an inject id"},
        {"1h extend d\n", "'extend' takes a decision id and a duration"},
        {"1h extend d soon\n", "'extend' needs a duration longer than 0 such as 30m"},
        {"1h extend d 0s\n", "'extend' needs a duration longer than 0"},
        {"1h freeze\n", "'freeze' takes a decision id"},
        {"1h unfreeze d x\n", "'unfreeze' takes a decision id"},
        {"1h adjust trust +5\n", "'adjust' takes a meter id, an amount"},
        {"1h adjust trust five because\n", "'adjust' needs an amount such as +5 or -2.5"},
        {"1h adjust trust 1,5 because\n", "not '1,5'"},
        {"1h message | only a body\n", "'message' takes a title, then '|', then the body"},
        {"1h end\n", "'end' takes a reason"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        bh_plan p;
        bh_err e;
        CHECK_INT(parse(bad[i].line, &p, &e), BH_EJOURNAL);
        CHECK_INT(e.line, 1);
        CHECK_HAS(e.msg, bad[i].msg);
        journal_plan_free(&p);
    }
    static const struct { const char *line, *msg; } unknown[] = {
        {"1h fire latr\n", "no inject 'latr' in this scenario (did you mean 'later'?)"},
        {"1h freeze dd\n", "no decision 'dd' in this scenario"},
        {"1h adjust trst +1 why\n", "no meter 'trst' in this scenario (did you mean 'trust'?)"},
    };
    for (size_t i = 0; i < sizeof unknown / sizeof *unknown; i++) {
        bh_plan p;
        bh_err e;
        bh_input x;
        CHECK_INT(parse(unknown[i].line, &p, &e), BH_OK);
        CHECK_INT(journal_resolve(&p, &p.v[0], r.d, &x, &e), BH_EJOURNAL);
        CHECK_STR(e.file, "t.plan");
        CHECK_INT(e.line, 1);
        CHECK_HAS(e.msg, unknown[i].msg);
        journal_plan_free(&p);
    }
    stop(&r);
}

/* Annotations a later build adds are skipped with a warning; an input
 * this build does not know is still an error. `details` was the last kind
 * so skipped (until issue 18, test_details): it is read now, and no kind
 * is skipped, so no warning. */
static void test_unknown_annotation_skipped(void)
{
    bh_plan p;
    bh_err e;
    char warn[600];
    /* (vote and proposal are known since issue 14: test_annot) */
    CHECK_INT(parse("0s note first\n1h details venue Room 4\n2h details date Monday\n"
                    "3h fire later\n", &p, &e), BH_OK);
    CHECK_INT(p.n, 4);
    CHECK_INT(p.v[1].verb, JV_DETAILS);
    CHECK_INT(p.v[3].verb, JV_FIRE);
    CHECK_INT(p.skipped, 0);
    CHECK(!journal_plan_warning(&p, warn, sizeof warn));
    journal_plan_free(&p);
    CHECK_INT(parse("0s note only\n", &p, &e), BH_OK);
    CHECK(!journal_plan_warning(&p, warn, sizeof warn));
    journal_plan_free(&p);
    CHECK_INT(parse("0s teleport d\n", &p, &e), BH_EJOURNAL);
    CHECK_HAS(e.msg, "unknown input 'teleport'");
    journal_plan_free(&p);
}

/* ---- plans: replay, journal, what-if ---- */

#define PLAN "tests/plans/tutorial_facilitator.plan"
#define TUTORIAL "scenarios/tutorial.lua"

/* Replay `plan` on the tutorial, recording to `journal` when not NULL. */
static char *replay(const char *plan, const char *journal)
{
    bh_plan p;
    bh_err e;
    rp_branch b = {0};
    lh_diags d = {0};
    char *t = NULL;
    bh_journal j = {.fd = -1};
    bh_replay_result res;
    if (journal_read(plan, &p, &e) == BH_OK && lh_load(TUTORIAL, NULL, &b.host, &d) == BH_OK &&
        (!journal || journal_create(&j, journal, TUTORIAL, p.seed, &e) == BH_OK) &&
        sim_create(&b.sim, lh_defs(b.host), lh_hooks(b.host), p.has_seed ? p.seed : 1, &e) ==
            BH_OK &&
        session_replay(b.sim, journal ? &j : NULL, &p, &res, &e) == BH_OK &&
        session_finish(b.sim, &e) == BH_OK)
        t = transcript_of(b.sim);
    else
        fprintf(stderr, "%s:%d: %s\n", e.file, e.line, e.msg);
    if (j.fd >= 0)
        journal_close(&j);
    lh_diags_free(&d);
    rp_branch_free(&b);
    journal_plan_free(&p);
    return t;
}

static void test_plan_replays_and_journals(void)
{
    char path[] = "/tmp/bh-test-interventions-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    close(fd);
    unlink(path); /* journal_create refuses to replace a file */
    char *first = replay(PLAN, path);
    char *again = replay(PLAN, NULL);
    char *from_journal = replay(path, NULL);
    CHECK(first && again && from_journal);
    CHECK(first && again && strcmp(first, again) == 0);
    CHECK(first && from_journal && strcmp(first, from_journal) == 0);
    CHECK_HAS(first, "ENDING    ended_by_facilitator: Ended by the facilitator");
    CHECK_HAS(first, "FACILITATOR freeze ransom: its clock stops with 2h left");
    unlink(path);
    free(first);
    free(again);
    free(from_journal);
}

/* What-if keeps the facilitator's later inputs, as it keeps the room's. */
static void test_whatif_follows_interventions(void)
{
    char *want = replay(PLAN, NULL);
    bh_plan p;
    bh_err e;
    CHECK_INT(journal_read(PLAN, &p, &e), BH_OK);
    rp_branch b;
    CHECK_INT(rp_whatif(TUTORIAL, &p, "first_statement", "cyberattack", 1, &b, &e), BH_OK);
    char *got = b.sim ? transcript_of(b.sim) : NULL;
    CHECK(got && want && strcmp(got, want) == 0);
    CHECK_INT(b.refused, 0);
    CHECK(b.later >= 7); /* the interventions after 23m among them */
    rp_branch_free(&b);
    free(got);
    /* another statement: the same interventions still follow */
    CHECK_INT(rp_whatif(TUTORIAL, &p, "first_statement", "it_issue", 1, &b, &e), BH_OK);
    got = b.sim ? transcript_of(b.sim) : NULL;
    CHECK_HAS(got, "FACILITATOR adjust Customer trust +5");
    CHECK_HAS(got, "FACILITATOR extend ransom by 30m");
    CHECK_HAS(got, "ENDING    ended_by_facilitator");
    CHECK_INT(b.refused, 0);
    rp_branch_free(&b);
    free(got);
    free(want);
    journal_plan_free(&p);
}

/* ---- the reserved ending ---- */

static void test_reserved_ending_refused(void)
{
    lh_host *h = NULL;
    lh_diags d = {0};
    lh_load("tests/fixtures/facilitator/reserved_ending.lua", NULL, &h, &d);
    CHECK(h == NULL || d.errors > 0);
    int found = 0;
    for (size_t i = 0; i < d.n; i++)
        if (d.v[i].line == 4 && strstr(d.v[i].msg, "the id 'ended_by_facilitator' is reserved") &&
            strstr(d.v[i].file, "reserved_ending.lua"))
            found = 1;
    CHECK(found);
    lh_diags_free(&d);
    lh_free(h);
}

int main(int argc, char **argv)
{
    static const check_case cases[] = {
        {"fire", test_fire},
        {"extend", test_extend},
        {"freeze_unfreeze", test_freeze_unfreeze},
        {"adjust", test_adjust},
        {"message", test_message},
        {"end", test_end},
        {"transcript_keeps_text_in_its_entry", test_transcript_keeps_text_in_its_entry},
        {"lines_round_trip", test_lines_round_trip},
        {"applied_text_reads_back", test_applied_text_reads_back},
        {"random_text_replays", test_random_text_replays},
        {"amounts_locale_free", test_amounts_locale_free},
        {"line_errors", test_line_errors},
        {"unknown_annotation_skipped", test_unknown_annotation_skipped},
        {"plan_replays_and_journals", test_plan_replays_and_journals},
        {"whatif_follows_interventions", test_whatif_follows_interventions},
        {"reserved_ending_refused", test_reserved_ending_refused},
        {NULL, NULL},
    };
    return check_main(argc, argv, cases);
}
