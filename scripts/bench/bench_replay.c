/* bench_replay: how long replaying a long journal takes.
 *
 * Builds a 2,000-input journal on the tutorial (pairs of start and cancel
 * of whichever action is available, one second apart, so every input is
 * valid), writes it to a file, then times the whole resume path many
 * times: read and parse the journal, load the scenario into a fresh
 * sandbox, and replay every input. Prints the median and the best. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/session.h"
#include "script/lh_host.h"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static int make_journal(const char *scenario, const char *path, int inputs)
{
    lh_diags d = {0};
    lh_host *h = NULL;
    bh_sim *s = NULL;
    bh_journal j = {.fd = -1};
    bh_err e;
    int made = 0;
    lh_load(scenario, NULL, &h, &d);
    lh_diags_free(&d);
    if (!h || sim_create(&s, lh_defs(h), lh_hooks(h), 1, &e) != BH_OK ||
        journal_create(&j, path, scenario, 1, &e) != BH_OK)
        goto done;
    const bh_defs *defs = lh_defs(h);
    for (bh_time t = 0; made < inputs && !sim_ended(s); t++) {
        if (sim_advance(s, t, &e) != BH_OK)
            break;
        for (size_t i = 0; i < defs->nactions; i++) {
            bh_action_status st;
            if (defs->actions[i].on_start || sim_action_status(s, (int)i, &st, &e) != BH_OK ||
                st.state != ACT_AVAILABLE)
                continue;
            bh_input start = {.time = t, .kind = IN_START, .a = (int)i};
            bh_input cancel = {.time = t, .kind = IN_CANCEL, .a = (int)i};
            if (session_input(s, &j, &start, &e) != BH_OK ||
                session_input(s, &j, &cancel, &e) != BH_OK)
                goto done;
            made += 2;
            break;
        }
    }
done:
    if (j.fd >= 0)
        journal_close(&j);
    sim_destroy(s);
    lh_free(h);
    return made;
}

int main(int argc, char **argv)
{
    const char *scenario = argc > 1 ? argv[1] : "scenarios/tutorial.lua";
    int runs = argc > 2 ? atoi(argv[2]) : 50;
    char path[] = "/tmp/bh-bench-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0)
        return 1;
    close(fd);
    unlink(path); /* journal_create wants to make the file itself */
    int made = make_journal(scenario, path, 2000);
    if (made < 2000) {
        fprintf(stderr, "bench_replay: could only build %d inputs on %s\n", made, scenario);
        unlink(path);
        return 1;
    }
    double *ms = calloc((size_t)runs, sizeof *ms);
    for (int r = 0; r < runs; r++) {
        double t0 = now_ms();
        bh_plan p;
        bh_err e;
        lh_diags d = {0};
        lh_host *h = NULL;
        bh_sim *s = NULL;
        bh_replay_result res = {0};
        int ok = journal_read(path, &p, &e) == BH_OK;
        lh_load(scenario, NULL, &h, &d);
        ok = ok && h && sim_create(&s, lh_defs(h), lh_hooks(h), p.seed, &e) == BH_OK &&
             session_replay(s, NULL, &p, &res, &e) == BH_OK && res.applied == (size_t)made;
        ms[r] = now_ms() - t0;
        sim_destroy(s);
        lh_free(h);
        lh_diags_free(&d);
        journal_plan_free(&p);
        if (!ok) {
            fprintf(stderr, "bench_replay: replay failed: %s\n", e.msg);
            unlink(path);
            return 1;
        }
    }
    qsort(ms, (size_t)runs, sizeof *ms, cmp_double);
    printf("replay of a %d-input journal on %s (read + load + replay), %d runs:\n", made,
           scenario, runs);
    printf("  median %.2f ms, best %.2f ms, worst %.2f ms (target: under 50 ms)\n",
           ms[runs / 2], ms[0], ms[runs - 1]);
    free(ms);
    unlink(path);
    return 0;
}
