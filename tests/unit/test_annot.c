/* test_annot: the room's annotations (issue 14), `vote` and `proposal`:
 * their journal lines read, resolved, written and read back; every
 * refusal with its file:line (the shape when parsing, the ids with a "did
 * you mean" when resolving, the rules when applying); that they change
 * nothing in the session; session_vote and session_proposal through a
 * journal on disk; the tally read back from the log (sim_tally, the
 * latest group); and the journal replaying into the report, whose numbers
 * are the tally's, with the alignment and the majority (a tie is none;
 * the committed choice was the majority or not). A team may not be
 * called 'observer'. The scenario is scenarios/tutorial.lua (teams duty,
 * it, comms, ops; decisions ransom at 20m, first_statement once the
 * portal is dark, reconnect at 7h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "check_session.h"
#include "core/session.h"
#include "core/text.h"
#include "report/rp_report.h"
#include "script/lh_host.h"

#define TUTORIAL "scenarios/tutorial.lua"
#define ROOM_PLAN "tests/plans/tutorial_room.plan"
#define EXPERT_PLAN "tests/plans/tutorial_expert.plan"
#define MIN 60

typedef check_run run;

static int start(run *r) { return check_run_start(r, TUTORIAL, 1); }
static void stop(run *r) { check_run_stop(r); }

static bh_status parse(const char *text, bh_plan *p, bh_err *e)
{
    return journal_parse("t.plan", text, strlen(text), p, e);
}

/* Replay a plan (a file, or with `is_text` its text) into r's session;
 * the error, if any, in r->err. */
static bh_status replay(run *r, const char *plan, int is_text, bh_replay_result *res)
{
    bh_plan p;
    bh_status st = is_text ? parse(plan, &p, &r->err) : journal_read(plan, &p, &r->err);
    if (st == BH_OK)
        st = session_replay(r->s, NULL, &p, res, &r->err);
    journal_plan_free(&p);
    return st;
}
#define replay_file(r, path, res) replay(r, path, 0, res)
#define replay_text(r, text, res) replay(r, text, 1, res)

/* ---- the lines ---- */

/* Two roles' votes, one without phones, and a proposal. */
static const char round_trip_plan[] = "25m vote ransom it 3 refuse=0/1/2 chat=1/0/0\n"
                                      "25m vote ransom observer 1\n"
                                      "25m vote ransom comms 0\n"
                                      "1h10m proposal isolate_switch comms 2\n";

static void test_lines_round_trip(void)
{
    run r;
    bh_plan p;
    bh_err e;
    CHECK(start(&r) == 0);
    CHECK_INT(parse(round_trip_plan, &p, &e), BH_OK);
    CHECK_INT(p.n, 4);
    CHECK_INT(p.skipped, 0);
    bh_input in;
    CHECK_INT(journal_resolve(&p, &p.v[0], r.d, &in, &e), BH_OK);
    CHECK_INT(in.kind, IN_VOTE);
    CHECK_INT(in.time, 25 * MIN);
    CHECK_INT(in.a, defs_decision(r.d, "ransom"));
    CHECK_INT(in.b, defs_team(r.d, "it"));
    CHECK_INT(in.joined, 3);
    int refuse = defs_option(&r.d->decisions[in.a], "refuse");
    int chat = defs_option(&r.d->decisions[in.a], "chat");
    CHECK_INT(in.votes[refuse][TALLY_LOW], 0);
    CHECK_INT(in.votes[refuse][TALLY_MEDIUM], 1);
    CHECK_INT(in.votes[refuse][TALLY_HIGH], 2);
    CHECK_INT(in.votes[chat][TALLY_LOW], 1);
    CHECK_INT(in.votes[defs_option(&r.d->decisions[in.a], "no_advice")][TALLY_HIGH], 0);
    char buf[JOURNAL_MAX_LINE];
    /* written in the options' order, options without votes left out */
    CHECK(journal_format(r.d, &in, buf, sizeof buf) > 0);
    CHECK_STR(buf, "25m vote ransom it 3 refuse=0/1/2 chat=1/0/0");
    CHECK_INT(journal_resolve(&p, &p.v[1], r.d, &in, &e), BH_OK);
    CHECK_INT(in.b, -1);
    CHECK_INT(in.joined, 1);
    CHECK(journal_format(r.d, &in, buf, sizeof buf) > 0);
    CHECK_STR(buf, "25m vote ransom observer 1");
    CHECK_INT(journal_resolve(&p, &p.v[2], r.d, &in, &e), BH_OK);
    CHECK_INT(in.joined, 0);
    CHECK_INT(journal_resolve(&p, &p.v[3], r.d, &in, &e), BH_OK);
    CHECK_INT(in.kind, IN_PROPOSAL);
    CHECK_INT(in.a, defs_action(r.d, "isolate_switch"));
    CHECK_INT(in.b, defs_team(r.d, "comms"));
    CHECK_INT(in.count, 2);
    CHECK(journal_format(r.d, &in, buf, sizeof buf) > 0);
    CHECK_STR(buf, "1h10m proposal isolate_switch comms 2");
    /* too small a buffer: said (as snprintf says it), never taken for a line */
    int n = journal_format(r.d, &in, buf, 12);
    CHECK(n < 0 || n >= 12);
    CHECK_INT(journal_resolve(&p, &p.v[0], r.d, &in, &e), BH_OK);
    n = journal_format(r.d, &in, buf, 30);
    CHECK(n < 0 || n >= 30);
    journal_plan_free(&p);
    /* the order of the options on the line does not matter; blanks do not either */
    CHECK_INT(parse("25m  vote\transom it 3  chat=1/0/0   refuse=0/1/2  \n", &p, &e), BH_OK);
    CHECK_INT(journal_resolve(&p, &p.v[0], r.d, &in, &e), BH_OK);
    CHECK(journal_format(r.d, &in, buf, sizeof buf) > 0);
    CHECK_STR(buf, "25m vote ransom it 3 refuse=0/1/2 chat=1/0/0");
    journal_plan_free(&p);
    stop(&r);
}

/* Lines refused when read: the plan, the line named, and the message. */
static const struct {
    const char *plan;
    int line;
    const char *msg;
} bad_lines[] = {
    {"seed 1\n25m vote ransom it\n", 2,
     "'vote' takes a decision id, a role (a team id or 'observer'), the phones"},
    {"25m vote\n", 1, "'vote' takes"},
    {"25m vote ransom it three\n", 1,
     "'vote' needs the phones in the room as a whole number from 0 to 100000, not 'three'"},
    {"25m vote ransom it -1\n", 1, "not '-1'"},
    {"25m vote ransom it 100001\n", 1, "not '100001'"},
    {"25m vote ransom it 3 refuse\n", 1,
     "'vote': 'refuse' is not OPTION=LOW/MEDIUM/HIGH (such as refuse=1/0/2)"},
    {"25m vote ransom it 3 =1/0/0\n", 1, "is not OPTION=LOW/MEDIUM/HIGH"},
    {"25m vote ransom it 3 refuse=1/0\n", 1, "'refuse=1/0' needs three"},
    {"25m vote ransom it 3 refuse=1/0/2/4\n", 1, "needs three counts"},
    {"25m vote ransom it 3 refuse=a/0/1\n", 1, "needs three whole numbers"},
    {"25m vote ransom it 3 refuse=+1/0/1\n", 1, "needs three whole numbers"},
    {"25m vote ransom it 3 refuse=1//1\n", 1, "needs three whole numbers"},
    {"25m vote ransom it 3 refuse=1/0/2 refuse=0/0/1\n", 1, "'vote' lists option 'refuse' twice"},
    {"25m vote d x 9 a=0/0/0 b=0/0/0 c=0/0/0 d=0/0/0 e=0/0/0 f=0/0/0 g=0/0/0 h=0/0/0 i=0/0/0 "
     "j=0/0/0 k=0/0/0 l=0/0/0 m=0/0/0\n", 1, "'vote' lists more than 12 options"},
    {"1m proposal isolate_switch it\n", 1,
     "'proposal' takes an action id, a role (a team id), and how many people asked"},
    {"1m proposal isolate_switch it 2 more\n", 1, "'proposal' takes"},
    {"1m proposal isolate_switch it 0\n", 1,
     "'proposal' needs how many people asked as a whole number from 1 to 100000, not '0'"},
    /* a last line cut off says so */
    {"1m proposal isolate_switch it", 1, "this last line has no newline"},
};

static void test_parse_refusals(void)
{
    for (size_t i = 0; i < sizeof bad_lines / sizeof *bad_lines; i++) {
        bh_plan p;
        bh_err e;
        err_clear(&e);
        CHECK_INT(parse(bad_lines[i].plan, &p, &e), BH_EJOURNAL);
        CHECK_STR(e.file, "t.plan");
        CHECK_INT(e.line, bad_lines[i].line);
        CHECK_HAS(e.msg, bad_lines[i].msg);
        journal_plan_free(&p);
    }
}

/* A resolve error against the tutorial: file:line and the message. */
static void refused_resolve(run *r, const char *text, const char *msg)
{
    bh_plan p;
    bh_err e;
    err_clear(&e);
    CHECK_INT(parse(text, &p, &e), BH_OK);
    bh_input in;
    CHECK_INT(journal_resolve(&p, &p.v[p.n - 1], r->d, &in, &e), BH_EJOURNAL);
    CHECK_STR(e.file, "t.plan");
    CHECK_INT(e.line, p.v[p.n - 1].line);
    CHECK_HAS(e.msg, msg);
    journal_plan_free(&p);
}

static void test_resolve_refusals(void)
{
    run r;
    CHECK(start(&r) == 0);
    refused_resolve(&r, "seed 1\n25m vote ransm it 3\n",
                    "no decision 'ransm' in this scenario (did you mean 'ransom'?)");
    refused_resolve(&r, "25m vote ransom itt 3\n",
                    "no role 'itt' in this scenario (a role is a team's id or 'observer') (did "
                    "you mean 'it'?)");
    refused_resolve(&r, "25m vote ransom obsever 1\n", "(did you mean 'observer'?)");
    refused_resolve(&r, "25m vote ransom legal 1\n", "no role 'legal'");
    refused_resolve(&r, "25m vote ransom it 3 refuze=0/0/1\n",
                    "decision 'ransom' has no option 'refuze' (did you mean 'refuse'?)");
    refused_resolve(&r, "1m proposal isolate_swtch it 1\n",
                    "no action 'isolate_swtch' in this scenario (did you mean 'isolate_switch'?)");
    refused_resolve(&r, "1m proposal isolate_switch comm 1\n", "(did you mean 'comms'?)");
    stop(&r);
}

/* A replay refused by the rules: file:line, the moment and the reason. */
static void refused_replay(const char *text, int line, const char *msg)
{
    run r;
    CHECK(start(&r) == 0);
    bh_replay_result res;
    err_clear(&r.err);
    CHECK_INT(replay_text(&r, text, &res), BH_EJOURNAL);
    CHECK_STR(r.err.file, "t.plan");
    CHECK_INT(r.err.line, line);
    CHECK_HAS(r.err.msg, msg);
    stop(&r);
}

static void test_rule_refusals(void)
{
    refused_replay("seed 1\n10m vote ransom it 1 refuse=1/0/0\n", 2,
                   "at T+0d 00:10:00: cannot record votes on 'ransom': it is not open");
    refused_replay("25m choose ransom refuse\n25m vote ransom it 1\n", 2,
                   "cannot record votes on 'ransom': it was already decided");
    refused_replay("25m vote ransom it 2 refuse=1/0/1 chat=1/0/0\n", 1,
                   "3 votes of role 'it' on 'ransom', but only 2 of its phones were in the room");
    refused_replay("25m vote ransom it 0 refuse=0/0/1\n", 1, "but only 0 of its phones");
    refused_replay("1m proposal isolate_switch observer 1\n", 1,
                   "an observer does not propose actions");
}

/* Direct inputs the journal cannot express. */
static void test_rule_bounds(void)
{
    run r;
    CHECK(start(&r) == 0);
    CHECK_INT(sim_advance(r.s, 25 * MIN, &r.err), BH_OK);
    int ransom = defs_decision(r.d, "ransom");
    bh_input in = {.time = 25 * MIN, .kind = IN_VOTE, .a = ransom, .b = 1, .joined = 3};
    CHECK_INT(sim_check_input(r.s, &in, &r.err), BH_OK);
    in.votes[0][0] = -1;
    CHECK_INT(sim_check_input(r.s, &in, &r.err), BH_EINPUT);
    in.votes[0][0] = 0;
    in.votes[5][1] = 1; /* ransom has three options */
    CHECK_INT(sim_check_input(r.s, &in, &r.err), BH_EINPUT);
    CHECK_HAS(r.err.msg, "an option it does not have");
    in.votes[5][1] = 0;
    in.joined = SIM_MAX_ROOM + 1;
    CHECK_INT(sim_check_input(r.s, &in, &r.err), BH_EINPUT);
    in.joined = 3;
    in.b = (int)r.d->nteams;
    CHECK_INT(sim_check_input(r.s, &in, &r.err), BH_EINPUT);
    in.b = -2;
    CHECK_INT(sim_check_input(r.s, &in, &r.err), BH_EINPUT);
    in.b = 1;
    in.a = (int)r.d->ndecisions;
    CHECK_INT(sim_check_input(r.s, &in, &r.err), BH_EINPUT);
    bh_input pr = {.time = 25 * MIN, .kind = IN_PROPOSAL, .a = 0, .b = 0, .count = 0};
    CHECK_INT(sim_check_input(r.s, &pr, &r.err), BH_EINPUT);
    pr.count = SIM_MAX_ROOM + 1;
    CHECK_INT(sim_check_input(r.s, &pr, &r.err), BH_EINPUT);
    pr.count = 1;
    pr.a = -1;
    CHECK_INT(sim_check_input(r.s, &pr, &r.err), BH_EINPUT);
    pr.a = 0;
    CHECK_INT(sim_check_input(r.s, &pr, &r.err), BH_OK);
    stop(&r);
}

/* ---- they change nothing ---- */

static void test_annotations_change_nothing(void)
{
    run a, b;
    CHECK(start(&a) == 0 && start(&b) == 0);
    bh_replay_result ra, rb;
    CHECK_INT(replay_file(&a, EXPERT_PLAN, &ra), BH_OK);
    CHECK_INT(replay_file(&b, ROOM_PLAN, &rb), BH_OK);
    CHECK_INT(rb.applied, ra.applied + 5 + 9 + 2);
    CHECK_INT(session_finish(a.s, &a.err), BH_OK);
    CHECK_INT(session_finish(b.s, &b.err), BH_OK);
    CHECK_INT(sim_now(a.s), sim_now(b.s));
    CHECK_INT(sim_ending(a.s), sim_ending(b.s));
    for (size_t i = 0; i < a.d->nmeters; i++)
        CHECK(sim_meter(a.s, (int)i) == sim_meter(b.s, (int)i));
    /* the generator is where it was */
    bh_err e;
    CHECK_INT(rng_next(sim_rng(a.s, &e)), rng_next(sim_rng(b.s, &e)));
    /* the same log, but for the annotations */
    size_t na, nb, votes = 0, props = 0;
    const bh_log_entry *la = sim_log(a.s, &na), *lb = sim_log(b.s, &nb);
    size_t j = 0;
    for (size_t i = 0; i < nb; i++) {
        if (lb[i].kind == LOG_VOTE || lb[i].kind == LOG_PROPOSAL) {
            votes += lb[i].kind == LOG_VOTE;
            props += lb[i].kind == LOG_PROPOSAL;
            continue;
        }
        CHECK(j < na);
        if (j >= na)
            break;
        CHECK(la[j].time == lb[i].time && la[j].kind == lb[i].kind && la[j].a == lb[i].a &&
              la[j].b == lb[i].b && la[j].from == lb[i].from && la[j].to == lb[i].to);
        j++;
    }
    CHECK_INT(j, na);
    CHECK_INT(votes, 11);
    CHECK_INT(props, 5);
    stop(&a);
    stop(&b);
}

/* After the end, a replay skips them like any input but a note. */
static void test_after_the_end(void)
{
    run r;
    CHECK(start(&r) == 0);
    bh_replay_result res;
    CHECK_INT(replay_text(&r, "1m end Out of time\n2m proposal isolate_switch it 1\n"
                              "3m note still welcome\n", &res), BH_OK);
    CHECK_INT(res.applied, 2);
    CHECK_INT(res.skipped, 1);
    CHECK_INT(res.first_skipped_line, 2);
    CHECK_INT(session_proposal(r.s, NULL, 0, 0, 1, &r.err), BH_EINPUT);
    CHECK_HAS(r.err.msg, "the session has ended");
    stop(&r);
}

/* ---- session_vote, session_proposal, sim_tally ---- */

static char *slurp(const char *path)
{
    char *text = NULL;
    size_t len;
    bh_err e;
    return text_read_file(path, 1 << 20, &text, &len, &e) == BH_OK ? text : NULL;
}

static void test_session_vote_journaled(void)
{
    char dir[] = "/tmp/bh-annot-XXXXXX", path[512];
    CHECK(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/w.journal", dir);
    run r;
    CHECK(start(&r) == 0);
    bh_journal j;
    CHECK_INT(journal_create(&j, path, TUTORIAL, 1, &r.err), BH_OK);
    int ransom = defs_decision(r.d, "ransom"), it = defs_team(r.d, "it");
    int comms = defs_team(r.d, "comms");
    const bh_decision_def *dd = &r.d->decisions[ransom];
    int refuse = defs_option(dd, "refuse"), chat = defs_option(dd, "chat");
    CHECK_INT(sim_advance(r.s, 10 * MIN, &r.err), BH_OK);
    CHECK_INT(session_proposal(r.s, &j, defs_action(r.d, "isolate_switch"), it, 2, &r.err),
              BH_OK);
    bh_tally t;
    CHECK_INT(tally_init(&t, ransom, (int)r.d->nteams, (int)dd->noptions, &r.err), BH_OK);
    t.joined[it] = 3;
    t.joined[TALLY_OBSERVER(&t)] = 1;
    tally_add(&t, it, refuse, TALLY_HIGH, 2);
    tally_add(&t, it, chat, TALLY_LOW, 1);
    /* not open yet: refused, and nothing written */
    CHECK_INT(session_vote(r.s, &j, &t, &r.err), BH_EINPUT);
    CHECK_HAS(r.err.msg, "it is not open");
    CHECK_INT(sim_advance(r.s, 25 * MIN, &r.err), BH_OK);
    /* one role with more votes than phones: refused before anything is written */
    t.joined[comms] = 0;
    tally_add(&t, comms, refuse, TALLY_LOW, 1);
    long long size = j.size;
    CHECK_INT(session_vote(r.s, &j, &t, &r.err), BH_EINPUT);
    CHECK_INT(j.size, size);
    t.joined[comms] = 2;
    CHECK_INT(session_vote(r.s, &j, &t, &r.err), BH_OK);
    bh_input ch = {.time = 25 * MIN, .kind = IN_CHOOSE, .a = ransom, .b = refuse};
    CHECK_INT(session_input(r.s, &j, &ch, &r.err), BH_OK);
    /* a tally of another shape is a caller's mistake */
    bh_tally bad;
    CHECK_INT(tally_init(&bad, ransom, 1, 3, &r.err), BH_OK);
    CHECK_INT(session_vote(r.s, &j, &bad, &r.err), BH_EUSAGE);
    tally_free(&bad);
    journal_close(&j);
    char *text = slurp(path);
    CHECK_HAS(text, "\n10m proposal isolate_switch it 2\n"
                    "25m vote ransom it 3 refuse=0/0/2 chat=1/0/0\n"
                    "25m vote ransom comms 2 refuse=1/0/0\n"
                    "25m vote ransom observer 1\n"
                    "25m choose ransom refuse\n");
    free(text);
    /* read back: the same tally */
    bh_tally back;
    CHECK_INT(sim_tally(r.s, ransom, &back, &r.err), BH_OK);
    CHECK_INT(back.decision, ransom);
    CHECK(memcmp(back.joined, t.joined, (size_t)t.nroles * sizeof *t.joined) == 0);
    CHECK(memcmp(back.votes, t.votes,
                 (size_t)t.nroles * (size_t)t.noptions * TALLY_CONF * sizeof *t.votes) == 0);
    tally_free(&back);
    /* replayed from the journal: the same tally again */
    run r2;
    CHECK(start(&r2) == 0);
    bh_replay_result res;
    CHECK_INT(replay_file(&r2, path, &res), BH_OK);
    CHECK_INT(sim_tally(r2.s, ransom, &back, &r2.err), BH_OK);
    CHECK(memcmp(back.votes, t.votes,
                 (size_t)t.nroles * (size_t)t.noptions * TALLY_CONF * sizeof *t.votes) == 0);
    tally_free(&back);
    /* a decision without votes */
    CHECK_INT(sim_tally(r2.s, defs_decision(r.d, "reconnect"), &back, &r2.err), BH_OK);
    CHECK_INT(back.decision, -1);
    tally_free(&back);
    CHECK_INT(sim_tally(r2.s, 99, &back, &r2.err), BH_EUSAGE);
    tally_free(&t);
    stop(&r2);
    stop(&r);
    unlink(path);
    rmdir(dir);
}

/* The latest tally wins: a second group, at the same instant or later,
 * even with fewer roles than the first. */
static void test_latest_group(void)
{
    run r;
    CHECK(start(&r) == 0);
    bh_replay_result res;
    CHECK_INT(replay_text(&r, "21m vote ransom it 3 chat=3/0/0\n"
                              "21m vote ransom comms 2 chat=2/0/0\n"
                              "25m vote ransom it 3 refuse=1/0/0\n"
                              "25m vote ransom comms 2 refuse=0/2/0\n"
                              "25m vote ransom it 3 refuse=0/0/3\n", &res), BH_OK);
    bh_tally t;
    CHECK_INT(sim_tally(r.s, defs_decision(r.d, "ransom"), &t, &r.err), BH_OK);
    tally_sum sum;
    tally_sum_of(&t, -1, &sum);
    CHECK_INT(sum.joined, 3);
    CHECK_INT(sum.voters, 3);
    CHECK_INT(sum.by_conf[TALLY_HIGH], 3);
    CHECK_INT(sum.top, defs_option(&r.d->decisions[t.decision], "refuse"));
    tally_free(&t);
    stop(&r);
}

/* ---- into the report ---- */

static const json_t *room_of(const json_t *rep, const char *id)
{
    size_t i;
    const json_t *d;
    json_array_foreach(json_object_get(rep, "decisions"), i, d) if (strcmp(rp_str(d, "id"), id) == 0)
        return json_object_get(d, "room");
    return NULL;
}

static void test_report_is_the_tally(void)
{
    run r;
    CHECK(start(&r) == 0);
    bh_replay_result res;
    CHECK_INT(replay_file(&r, ROOM_PLAN, &res), BH_OK);
    CHECK_INT(session_finish(r.s, &r.err), BH_OK);
    json_t *rep = rp_build(r.s, &(rp_meta){TUTORIAL, ROOM_PLAN, NULL});
    CHECK(rep != NULL);
    static const char *const ids[] = {"ransom", "first_statement", "reconnect"};
    for (size_t k = 0; k < 3; k++) {
        int di = defs_decision(r.d, ids[k]);
        bh_tally t;
        CHECK_INT(sim_tally(r.s, di, &t, &r.err), BH_OK);
        tally_sum all;
        tally_sum_of(&t, -1, &all);
        const json_t *rm = room_of(rep, ids[k]);
        CHECK(rm != NULL);
        CHECK_INT(rp_num(rm, "voters"), all.voters);
        CHECK_INT(rp_num(rm, "joined"), all.joined);
        for (int o = 0; o < t.noptions; o++) {
            const json_t *oj = json_array_get(json_object_get(rm, "options"), (size_t)o);
            CHECK_INT(rp_num(oj, "votes"), all.by_option[o]);
            int c[TALLY_CONF] = {0};
            for (int role = 0; role < t.nroles; role++)
                for (int q = 0; q < TALLY_CONF; q++)
                    c[q] += *tally_cell(&t, role, o, q);
            CHECK_INT(rp_num(json_object_get(oj, "confidence"), "high"), c[TALLY_HIGH]);
            CHECK_INT(rp_num(json_object_get(oj, "confidence"), "low"), c[TALLY_LOW]);
        }
        /* each role shown is the tally's role, by role and never by name */
        size_t i;
        const json_t *x;
        json_array_foreach(json_object_get(rm, "roles"), i, x)
        {
            const char *key = rp_str(x, "role");
            int role = strcmp(key, "observer") == 0 ? TALLY_OBSERVER(&t) : defs_team(r.d, key);
            CHECK(role >= 0);
            tally_sum rs;
            tally_sum_of(&t, role, &rs);
            CHECK_INT(rp_num(x, "joined"), rs.joined);
            CHECK_INT(rp_num(x, "voters"), rs.voters);
            for (int o = 0; o < t.noptions; o++)
                CHECK_INT(json_integer_value(json_array_get(json_object_get(x, "votes"),
                                                            (size_t)o)), rs.by_option[o]);
        }
        const json_t *al = json_object_get(rm, "alignment");
        CHECK_INT(rp_num(al, "share_pct"), (int)(all.share * 100 + 0.5));
        CHECK(json_is_true(json_object_get(al, "unified")) == all.unified);
        tally_free(&t);
    }
    /* ransom: unified, committed the majority */
    const json_t *rm = room_of(rep, "ransom");
    CHECK_STR(rp_str(rm, "majority"), "refuse");
    CHECK(json_is_true(json_object_get(rm, "committed_majority")));
    CHECK_STR(rp_str(rm, "summary"),
              "7 of 9 voted · unified 71% · confidence mostly high · the room's majority was "
              "committed");
    /* first_statement: a tie, so no majority and nothing to follow */
    rm = room_of(rep, "first_statement");
    CHECK(json_is_null(json_object_get(rm, "majority")));
    CHECK(json_is_null(json_object_get(rm, "committed_majority")));
    CHECK(json_is_false(json_object_get(json_object_get(rm, "alignment"), "unified")));
    CHECK_HAS(rp_str(rm, "summary"), "no majority (a tie)");
    /* reconnect: the facilitator overruled the majority */
    rm = room_of(rep, "reconnect");
    CHECK_STR(rp_str(rm, "majority"), "all_now");
    CHECK_STR(rp_str(rm, "committed"), "phased");
    CHECK(json_is_false(json_object_get(rm, "committed_majority")));
    CHECK_HAS(rp_str(rm, "summary"), "the committed choice was not the room's majority");
    /* the proposals, and what became of them */
    const json_t *ps = json_object_get(json_object_get(rep, "room"), "proposals");
    CHECK_INT(json_array_size(ps), 5);
    const json_t *p0 = json_array_get(ps, 0), *p1 = json_array_get(ps, 1);
    CHECK_STR(rp_str(p0, "action"), "isolate_switch");
    CHECK_INT(rp_num(p0, "people"), 2);
    CHECK_INT(rp_num(json_object_get(p0, "started"), "t"), 2 * MIN);
    CHECK_STR(rp_str(p1, "action"), "power_down");
    CHECK(json_is_null(json_object_get(p1, "started")));
    /* never in the timeline */
    size_t i;
    const json_t *ev;
    json_array_foreach(json_object_get(rep, "timeline"), i, ev)
        CHECK(strcmp(rp_str(ev, "kind"), "other") != 0);
    json_decref(rep);
    stop(&r);
}

/* A report without votes or proposals has no "room" at all. */
static void test_no_room_without_votes(void)
{
    run r;
    CHECK(start(&r) == 0);
    bh_replay_result res;
    CHECK_INT(replay_file(&r, EXPERT_PLAN, &res), BH_OK);
    json_t *rep = rp_build(r.s, &(rp_meta){TUTORIAL, NULL, NULL});
    CHECK(!json_object_get(rep, "room"));
    CHECK(!room_of(rep, "ransom"));
    json_decref(rep);
    stop(&r);
}

/* A vote on a decision still open, with nobody voting. */
static void test_open_and_silent(void)
{
    run r;
    CHECK(start(&r) == 0);
    bh_replay_result res;
    CHECK_INT(replay_text(&r, "25m vote ransom it 3\n25m vote ransom observer 2\n", &res), BH_OK);
    json_t *rep = rp_build(r.s, &(rp_meta){TUTORIAL, NULL, NULL});
    const json_t *rm = room_of(rep, "ransom");
    CHECK(rm != NULL);
    CHECK_INT(rp_num(rm, "voters"), 0);
    CHECK_INT(rp_num(rm, "joined"), 5);
    CHECK(json_is_null(json_object_get(rm, "majority")));
    CHECK(json_is_null(json_object_get(rm, "committed")));
    CHECK_STR(rp_str(rm, "summary"), "0 of 5 voted");
    CHECK(json_object_get(rep, "room") != NULL);
    json_decref(rep);
    stop(&r);
}

/* ---- the scenario may not take the word ---- */

static void test_observer_team_refused(void)
{
    char dir[] = "/tmp/bh-annot-XXXXXX", diag[2000], path[512];
    CHECK(mkdtemp(dir) != NULL);
    lh_host *h = check_load_text(dir,
                                 "scenario { id = 's', title = 'S', length = '1h' }\n"
                                 "team { id = 'observer', label = 'Watchers', staff = 1 }\n",
                                 diag, sizeof diag);
    CHECK(h == NULL);
    CHECK_HAS(diag, "2:error:");
    CHECK_HAS(diag, "the id 'observer' is taken: it is the Observer role of the room's phones");
    lh_free(h);
    snprintf(path, sizeof path, "%s/s.lua", dir);
    unlink(path);
    rmdir(dir);
}

int main(int argc, char **argv)
{
    static const check_case cases[] = {
        {"lines_round_trip", test_lines_round_trip},
        {"parse_refusals", test_parse_refusals},
        {"resolve_refusals", test_resolve_refusals},
        {"rule_refusals", test_rule_refusals},
        {"rule_bounds", test_rule_bounds},
        {"annotations_change_nothing", test_annotations_change_nothing},
        {"after_the_end", test_after_the_end},
        {"session_vote_journaled", test_session_vote_journaled},
        {"latest_group", test_latest_group},
        {"report_is_the_tally", test_report_is_the_tally},
        {"no_room_without_votes", test_no_room_without_votes},
        {"open_and_silent", test_open_and_silent},
        {"observer_team_refused", test_observer_team_refused},
        {NULL, NULL},
    };
    return check_main(argc, argv, cases);
}
