/* test_failalloc: every allocation along a tutorial session may fail.
 *
 * SQLite's malloc-failure testing, applied to the engine: count the
 * allocations a whole tutorial session makes (read the plan, load the
 * scenario, create the journal, replay every input into it, run to the
 * ending), then run the session again once for every n, with the n-th
 * allocation failing. Each run must either end in a clean error value that
 * says it ran out of memory, or (when the failure was absorbed, as Lua's
 * emergency collection does) finish with exactly the reference transcript.
 * A crash fails the test by killing it; a leak fails it under ASan, whose
 * LeakSanitizer runs at exit. The loop stops at the first n the session
 * gets through without reaching, so a new allocation on the way is tested
 * without anyone having to update a number.
 *
 * Two modes: one failure then recovery ("transient"), and every allocation
 * from the n-th on failing ("sticky"), which also fails the error paths'
 * own allocations. By hand, BH_FAILALLOC_STRIDE=K tests every K-th n only
 * and BH_FAILALLOC_ONLY=N only that one; the suite tests every n. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "core/mem.h"
#include "core/session.h"
#include "core/transcript.h"
#include "script/lh_host.h"

#define SCENARIO "scenarios/tutorial.lua"
#define PLAN "tests/plans/tutorial_expert.plan"

static char journal_path[300];

typedef struct outcome {
    bh_status st;
    char msg[1400];
    char *transcript; /* on success */
} outcome;

/* The message a caller would show: the first load error, else the error. */
static void describe(outcome *o, const lh_diags *d, const bh_err *e)
{
    for (size_t i = 0; d && i < d->n; i++)
        if (d->v[i].sev == LH_ERROR) {
            snprintf(o->msg, sizeof o->msg, "%s:%d: %s", d->v[i].file, d->v[i].line,
                     d->v[i].msg);
            return;
        }
    if (d && d->lost) {
        snprintf(o->msg, sizeof o->msg, "%s", lh_diags_lost_msg(d));
        return;
    }
    char buf[1300];
    snprintf(o->msg, sizeof o->msg, "%s", err_format(e, buf, sizeof buf));
}

static void run_session(outcome *o)
{
    memset(o, 0, sizeof *o);
    unlink(journal_path);
    bh_plan plan = {0};
    lh_host *h = NULL;
    bh_sim *s = NULL;
    lh_diags d = {0};
    bh_journal j = {.fd = -1};
    bh_err e;
    err_clear(&e);
    bh_status st = journal_read(PLAN, &plan, &e);
    if (st == BH_OK) {
        st = lh_load(SCENARIO, NULL, &h, &d);
        if (!h) {
            o->st = st == BH_OK ? BH_ESCRIPT : st;
            describe(o, &d, &e);
            goto done;
        }
    }
    uint64_t seed = plan.has_seed ? plan.seed : 1;
    if (st == BH_OK)
        st = sim_create(&s, lh_defs(h), lh_hooks(h), seed, &e);
    if (st == BH_OK)
        st = journal_create(&j, journal_path, SCENARIO, seed, &e);
    bh_replay_result res;
    if (st == BH_OK)
        st = session_replay(s, &j, &plan, &res, &e);
    if (st == BH_OK)
        st = session_finish(s, &e);
    if (st == BH_OK && sim_failed(s)) {
        e = *sim_error(s);
        st = e.status != BH_OK ? e.status : BH_ESCRIPT;
    }
    o->st = st;
    if (st != BH_OK) {
        describe(o, NULL, &e);
    } else {
        size_t len = 0;
        FILE *f = open_memstream(&o->transcript, &len);
        transcript_header(f, s, SCENARIO);
        transcript_entries(f, s, 0);
        transcript_footer(f, s);
        fclose(f);
    }
done:
    journal_close(&j);
    sim_destroy(s);
    lh_free(h);
    lh_diags_free(&d);
    journal_plan_free(&plan);
}

static int says_memory(const char *msg)
{
    return strstr(msg, "memory") != NULL;
}

/* Fail the n-th allocation for n = 1, 2, ... until a session never gets
 * that far; returns how many n were tried. */
static long fail_each(int sticky, const char *want, long *ok_runs, long *err_runs)
{
    const char *env = getenv("BH_FAILALLOC_STRIDE");
    long stride = env && atol(env) > 0 ? atol(env) : 1;
    const char *only = getenv("BH_FAILALLOC_ONLY");
    long n = only && atol(only) > 0 ? atol(only) : 1;
    *ok_runs = *err_runs = 0;
    for (;; n += stride) {
        if (only && n > atol(only))
            return LONG_MAX; /* the one n asked for is done */
        outcome o;
        mem_fail_at(n, sticky);
        run_session(&o);
        long failures = mem_failures();
        mem_fail_at(0, 0);
        if (failures == 0) { /* never got to the n-th: every point was tried */
            CHECK_INT(o.st, BH_OK);
            free(o.transcript);
            break;
        }
        if (o.st == BH_OK) {
            (*ok_runs)++;
            int same = o.transcript && strcmp(o.transcript, want) == 0;
            CHECK(same);
            if (!same)
                fprintf(stderr, "n=%ld%s: the session went on but its transcript differs\n", n,
                        sticky ? " (sticky)" : "");
        } else {
            (*err_runs)++;
            CHECK(o.msg[0] != '\0');
            CHECK(says_memory(o.msg));
            if (!says_memory(o.msg))
                fprintf(stderr, "n=%ld%s: status %d, message \"%s\"\n", n,
                        sticky ? " (sticky)" : "", (int)o.st, o.msg);
        }
        free(o.transcript);
    }
    return n;
}

static char *reference(long *allocs)
{
    outcome o;
    mem_fail_at(LONG_MAX, 0); /* armed but never reached: counts */
    run_session(&o);
    *allocs = mem_count();
    mem_fail_at(0, 0);
    CHECK_INT(o.st, BH_OK);
    CHECK(o.transcript && strstr(o.transcript, "clean_handover"));
    return o.transcript;
}

static void test_every_allocation_transient(void)
{
    long allocs, ok = 0, bad = 0;
    char *want = reference(&allocs);
    CHECK(allocs > 100);
    long tried = want ? fail_each(0, want, &ok, &bad) : 0;
    fprintf(stderr, "transient: %ld allocations in the session; %ld runs went on, %ld stopped "
                    "with an out-of-memory error\n",
            allocs, ok, bad);
    CHECK(tried > allocs / 2);
    free(want);
}

static void test_every_allocation_sticky(void)
{
    long allocs, ok = 0, bad = 0;
    char *want = reference(&allocs);
    long tried = want ? fail_each(1, want, &ok, &bad) : 0;
    fprintf(stderr, "sticky: %ld allocations in the session; %ld runs went on, %ld stopped "
                    "with an out-of-memory error\n",
            allocs, ok, bad);
    CHECK(tried > allocs / 2);
    free(want);
}

/* The switch itself: counts, fails the n-th, and then recovers or not. */
static void test_switch(void)
{
    mem_fail_at(3, 0);
    void *a = mem_malloc(8), *b = mem_calloc(1, 8), *c = mem_strdup("x"), *d = mem_malloc(8);
    CHECK(a && b && !c && d);
    CHECK_INT(mem_count(), 4);
    CHECK_INT(mem_failures(), 1);
    free(a), free(b), free(d);
    mem_fail_at(2, 1);
    a = mem_malloc(8);
    CHECK(a && !mem_realloc(a, 64) && !mem_malloc(1) && mem_inject_fail());
    CHECK_INT(mem_failures(), 3);
    free(a);
    mem_fail_at(0, 0);
    a = mem_malloc(8);
    CHECK(a && !mem_inject_fail());
    CHECK_INT(mem_count(), 0); /* unarmed: nothing counted */
    free(a);
}

int main(int argc, char **argv)
{
    /* tmpfs when there is one: the thousands of journal fsyncs cost time
     * there and test nothing here (test_journal fails them on purpose) */
    char dir[64];
    snprintf(dir, sizeof dir, "%s/bh-failalloc-XXXXXX",
             access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
    if (!mkdtemp(dir))
        return 1;
    snprintf(journal_path, sizeof journal_path, "%s/session.journal", dir);
    static const check_case cases[] = {
        {"switch", test_switch},
        {"every_allocation_transient", test_every_allocation_transient},
        {"every_allocation_sticky", test_every_allocation_sticky},
        {NULL, NULL}};
    int rc = check_main(argc, argv, cases);
    unlink(journal_path);
    rmdir(dir);
    return rc;
}
