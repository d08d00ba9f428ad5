/* test_sched: the event queue.
 *
 * Replay is exact only if events come out in (time, priority, insertion)
 * order, every time: events due at the same moment must keep the order they
 * were scheduled in, and a higher priority number (the end-of-scenario
 * event) must wait for everything else due at that moment. */
#include <stdint.h>
#include <stdlib.h>

#include "check.h"
#include "core/rng.h"
#include "core/sched.h"

static void test_empty(void)
{
    bh_sched s;
    sched_init(&s);
    bh_event ev = {.time = 77, .idx = 5};
    CHECK(sched_peek(&s) == NULL);
    CHECK_INT(sched_pop(&s, &ev), -1);
    CHECK_INT(ev.time, 77); /* untouched */
    CHECK_INT(ev.idx, 5);

    /* Empty again after draining. */
    CHECK_INT(sched_push(&s, 10, 0, EV_CHECK, 1, 0, 0), 0);
    CHECK(sched_peek(&s) != NULL);
    CHECK_INT(sched_pop(&s, &ev), 0);
    CHECK(sched_peek(&s) == NULL);
    CHECK_INT(sched_pop(&s, &ev), -1);
    sched_free(&s);
    CHECK(s.heap == NULL && s.n == 0);
    sched_free(&s); /* freeing twice is harmless */
}

static void test_fields_survive(void)
{
    bh_sched s;
    sched_init(&s);
    CHECK_INT(sched_push(&s, 300, 2, EV_AFTER, 9, 4, 1234), 0);
    const bh_event *top = sched_peek(&s);
    CHECK(top != NULL);
    bh_event ev;
    CHECK_INT(sched_pop(&s, &ev), 0);
    CHECK_INT(ev.time, 300);
    CHECK_INT(ev.prio, 2);
    CHECK_INT(ev.kind, EV_AFTER);
    CHECK_INT(ev.idx, 9);
    CHECK_INT(ev.gen, 4);
    CHECK_INT(ev.hook, 1234);
    sched_free(&s);
}

static void test_order_time_prio_seq(void)
{
    bh_sched s;
    sched_init(&s);
    /* idx records the expected output position. Pushed scrambled. */
    sched_push(&s, 60, 1, EV_LENGTH, 6, 0, 0);
    sched_push(&s, 60, 0, EV_CHECK, 3, 0, 0);
    sched_push(&s, 0, 0, EV_CHECK, 0, 0, 0);
    sched_push(&s, 60, 0, EV_FIRE, 4, 0, 0);
    sched_push(&s, 30, 5, EV_EVERY, 2, 0, 0);
    sched_push(&s, 30, 0, EV_EVERY, 1, 0, 0);
    sched_push(&s, 61, 0, EV_FIRE, 7, 0, 0);
    sched_push(&s, 60, 0, EV_OPEN, 5, 0, 0);
    sched_push(&s, 60, 1, EV_LENGTH, 8, 0, 0); /* same time and prio as #6, pushed later */
    CHECK_INT(s.n, 9);
    /* #8 ties with #6 and so follows it, still ahead of the time-61 #7. */
    static const int want[] = {0, 1, 2, 3, 4, 5, 6, 8, 7};
    bh_event ev;
    for (int i = 0; i < 9; i++) {
        CHECK_INT(sched_pop(&s, &ev), 0);
        CHECK_INT(ev.idx, want[i]);
    }
    CHECK_INT(sched_pop(&s, &ev), -1);
    sched_free(&s);
}

/* Many events at one instant: they come out exactly in insertion order,
 * even when pushes and pops interleave (the heap must not reorder ties). */
static void test_ties_keep_insertion_order(void)
{
    bh_sched s;
    sched_init(&s);
    int next_out = 0, next_in = 0, wrong = 0;
    for (int round = 0; round < 50; round++) {
        for (int k = 0; k < 37; k++)
            sched_push(&s, 1000, 0, EV_FIRE, next_in++, 0, 0);
        bh_event ev;
        for (int k = 0; k < 23; k++) {
            sched_pop(&s, &ev);
            wrong += ev.idx != next_out++;
        }
    }
    bh_event ev;
    while (sched_pop(&s, &ev) == 0)
        wrong += ev.idx != next_out++;
    CHECK_INT(wrong, 0);
    CHECK_INT(next_out, next_in);
    sched_free(&s);
}

static int key_before(const bh_event *a, const bh_event *b)
{
    if (a->time != b->time)
        return a->time < b->time;
    if (a->prio != b->prio)
        return a->prio < b->prio;
    return a->seq < b->seq;
}

/* 10k pushes with random (time, prio) from small ranges (so ties are
 * common): pops are sorted by the full key, sequence numbers match the
 * insertion order (idx), and every event comes out exactly once. */
static void test_random_pushes(void)
{
    enum { N = 10000 };
    bh_sched s;
    sched_init(&s);
    bh_rng r;
    rng_seed(&r, 31337);
    bh_time times[N];
    int prios[N];
    int push_failed = 0;
    for (int i = 0; i < N; i++) {
        times[i] = rng_range(&r, 0, 500);
        prios[i] = (int)rng_range(&r, 0, 2);
        push_failed += sched_push(&s, times[i], prios[i], EV_CHECK, i, 0, 0) != 0;
    }
    CHECK_INT(push_failed, 0);
    CHECK_INT(s.n, N);
    unsigned char *seen = calloc(N, 1);
    bh_event prev = {0}, ev;
    int out_of_order = 0, dup = 0, mismatched = 0, popped = 0;
    while (sched_pop(&s, &ev) == 0) {
        if (popped > 0 && !key_before(&prev, &ev))
            out_of_order++;
        if (ev.idx < 0 || ev.idx >= N || seen[ev.idx]++)
            dup++;
        else if (ev.time != times[ev.idx] || ev.prio != prios[ev.idx] ||
                 ev.seq != (uint64_t)ev.idx)
            mismatched++;
        prev = ev;
        popped++;
    }
    CHECK_INT(popped, N);
    CHECK_INT(out_of_order, 0);
    CHECK_INT(dup, 0);
    CHECK_INT(mismatched, 0);
    free(seen);
    sched_free(&s);
}

/* Interleaved pushes and pops, as the event loop does (handlers schedule
 * new events while others wait): the output never goes back in time when
 * new events are never scheduled in the past. */
static void test_interleaved(void)
{
    bh_sched s;
    sched_init(&s);
    bh_rng r;
    rng_seed(&r, 5);
    bh_time now = 0;
    int back = 0, pops = 0;
    for (int i = 0; i < 200; i++)
        sched_push(&s, rng_range(&r, 0, 100), 0, EV_CHECK, i, 0, 0);
    bh_event ev;
    while (pops < 20000 && sched_pop(&s, &ev) == 0) {
        back += ev.time < now;
        now = ev.time;
        pops++;
        if (pops < 15000)
            sched_push(&s, now + rng_range(&r, 0, 50), 0, EV_CHECK, 0, 0, 0);
    }
    CHECK_INT(back, 0);
    CHECK_INT(pops, 15199);
    CHECK(sched_peek(&s) == NULL);
    sched_free(&s);
}

int main(int argc, char **argv)
{
    static const check_case cases[] = {
        {"empty", test_empty},
        {"fields_survive", test_fields_survive},
        {"order_time_prio_seq", test_order_time_prio_seq},
        {"ties_keep_insertion_order", test_ties_keep_insertion_order},
        {"random_pushes", test_random_pushes},
        {"interleaved", test_interleaved},
        {NULL, NULL},
    };
    return check_main(argc, argv, cases);
}
