/* test_finish: w.finish in a hook that also queued work for the same
 * second (issue 16, Deliver 5), through real Lua (tests/fixtures/finish).
 *
 * The rule in scenarios/README.md: the ending waits for what w.fire,
 * w.open and w.after have queued for that second. They are delivered in
 * call order, their effects run and are logged, and then the session ends
 * with the first ending asked for. Checked here: two fired injects arrive
 * before the ending, in order, with their effects; a w.finish inside one
 * of them does not change the ending; what they fire in turn comes too; a
 * chain that never stops meets the per-instant limit as an error, not a
 * hang; an effect that fails stops the session on that error; w.open opens
 * and w.after(0, fn) runs, w.after(60, fn) does not; the order of w.finish
 * and w.fire inside the hook does not matter; a conditional inject's
 * finish stops the settling (a second condition that holds is not
 * delivered); and a journal of the session replays to the same transcript. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "check_session.h"
#include "core/journal.h"
#include "core/session.h"

#define FIXTURE BH_SOURCE_DIR "/tests/fixtures/finish/finish.lua"

static char tmpdir[256];

/* Start action `id` at T+0 (its `start` hook is the case), then let the
 * clock run to 2h. The transcript, which the caller frees. */
static char *play(check_run *r, const char *id, bh_journal *j)
{
    if (check_run_start(r, FIXTURE, 7) != 0) {
        CHECK(!"the fixture loads");
        return NULL;
    }
    int a = defs_action(r->d, id);
    CHECK(a >= 0);
    bh_input in = {.time = 0, .kind = IN_START, .a = a};
    bh_err e;
    if (session_input(r->s, j, &in, &e) == BH_OK)
        sim_advance(r->s, 2 * 3600, &e);
    return check_transcript(r->s, "finish.lua");
}

/* 1 when `a` comes before `b` in `text`, both present. */
static int before(const char *text, const char *a, const char *b)
{
    const char *x = text ? strstr(text, a) : NULL, *y = text ? strstr(text, b) : NULL;
    return x && y && x < y;
}

#define IN(title) "INJECT    [email] " title
#define ENDING "ENDING    done"

/* Play case `id`: it must end with 'done' (not fail), and the transcript
 * must hold the lines of `seq` (NULL-terminated) in that order. Leaves the
 * session in r for more checks; check_run_stop after. */
static void play_done(check_run *r, const char *id, const char *const *seq)
{
    char *t = play(r, id, NULL);
    CHECK(sim_ended(r->s) && !sim_failed(r->s));
    CHECK_STR(sim_ended(r->s) ? defs_ending_at(r->d, sim_ending(r->s))->id : "", "done");
    for (size_t k = 0; seq[k] && seq[k + 1]; k++)
        if (!before(t, seq[k], seq[k + 1])) {
            CHECK(!"in this order");
            fprintf(stderr, "    %s: '%s' before '%s' in\n%s\n", id, seq[k], seq[k + 1], t);
        }
    free(t);
}

static int fired(const check_run *r, const char *inject)
{
    return sim_inject_fired(r->s, defs_inject(r->d, inject));
}

static void test_fired_injects_arrive_before_the_ending(void)
{
    check_run r;
    play_done(&r, "fire_two", (const char *const[]){IN("Alpha"), IN("Bravo"), ENDING, NULL});
    CHECK_INT(fired(&r, "a"), 1);
    CHECK_INT(fired(&r, "b"), 1);
    CHECK(sim_meter(r.s, 0) == 11); /* both effects ran */
    size_t n;
    sim_inbox(r.s, &n);
    CHECK_INT(n, 2);
    check_run_stop(&r);
}

static void test_first_finish_wins_and_chains_come(void)
{
    check_run r;
    play_done(&r, "first_wins", (const char *const[]){IN("Again"), ENDING, NULL});
    check_run_stop(&r);
    play_done(&r, "chained", (const char *const[]){IN("Chain"), IN("Alpha"), ENDING, NULL});
    check_run_stop(&r);
    /* the order in the hook does not matter */
    play_done(&r, "finish_first", (const char *const[]){IN("Alpha"), ENDING, NULL});
    check_run_stop(&r);
}

/* A chain that never ends, and an effect that fails: the session stops on
 * the error (file:line), it does not end. */
static void test_errors_stop_the_session(void)
{
    check_run r;
    free(play(&r, "forever", NULL));
    CHECK(sim_failed(r.s) && !sim_ended(r.s));
    CHECK_HAS(sim_error(r.s)->msg, "event limit reached");
    CHECK_HAS(sim_error(r.s)->file, "finish.lua");
    CHECK(fired(&r, "loop") >= SIM_MAX_EVENTS_PER_INSTANT - 1);
    check_run_stop(&r);

    free(play(&r, "fails", NULL));
    CHECK(sim_failed(r.s) && !sim_ended(r.s));
    CHECK_HAS(sim_error(r.s)->msg, "nope");
    CHECK_INT(sim_error(r.s)->line, 20);
    check_run_stop(&r);
}

static void test_open_and_after_zero(void)
{
    check_run r;
    play_done(&r, "opens", (const char *const[]){"DECISION  d: D?", ENDING, NULL});
    bh_decision_status ds;
    sim_decision_status(r.s, defs_decision(r.d, "d"), &ds);
    CHECK_INT(ds.state, DEC_OPEN);
    check_run_stop(&r);

    play_done(&r, "afters", (const char *const[]){"meter     M 0 -> 100", ENDING, NULL});
    CHECK(sim_meter(r.s, 0) == 100); /* w.after(0) ran; clamped at max */
    CHECK_INT(fired(&r, "b"), 0);    /* w.after(60) did not */
    CHECK_INT(sim_now(r.s), 0);
    check_run_stop(&r);
}

/* A conditional inject that fires and finishes: no other condition is
 * asked after it, though when_b's holds too. */
static void test_conditional_finish_stops_settling(void)
{
    check_run r;
    play_done(&r, "conditional", (const char *const[]){IN("When A"), IN("Bravo"), ENDING, NULL});
    CHECK_INT(fired(&r, "when_b"), 0);
    check_run_stop(&r);
}

static void test_journal_replays_the_same(void)
{
    static const char *const cases[] = {"fire_two", "chained", "afters", "conditional",
                                        "fails"};
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s.journal", tmpdir, cases[k]);
        bh_journal j;
        bh_err e;
        check_run r;
        CHECK(journal_create(&j, path, FIXTURE, 7, &e) == BH_OK);
        char *live = play(&r, cases[k], &j);
        journal_close(&j);
        check_run_stop(&r);

        CHECK(check_run_start(&r, FIXTURE, 7) == 0);
        CHECK(check_replay_file(r.s, path) == BH_OK || sim_failed(r.s));
        sim_advance(r.s, 2 * 3600, &e);
        char *again = check_transcript(r.s, "finish.lua");
        CHECK_STR(again, live);
        free(again);
        free(live);
        check_run_stop(&r);
    }
}

int main(int argc, char **argv)
{
    static const check_case cases[] = {
        {"fired_injects_arrive_before_the_ending", test_fired_injects_arrive_before_the_ending},
        {"first_finish_wins_and_chains_come", test_first_finish_wins_and_chains_come},
        {"errors_stop_the_session", test_errors_stop_the_session},
        {"open_and_after_zero", test_open_and_after_zero},
        {"conditional_finish_stops_settling", test_conditional_finish_stops_settling},
        {"journal_replays_the_same", test_journal_replays_the_same},
        {NULL, NULL},
    };
    return check_main_in_tmpdir(argc, argv, cases, tmpdir, sizeof tmpdir, "finish");
}
