/* ex_explore.c: the options and names, and random exploration: every run
 * played by the pool and gathered (ex_gather.c); a search (opts.search)
 * goes to ex_search.c instead. */
#include "explore/ex_internal.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/text.h"

static const char *const policy_names[EX_NKINDS] = {"random", "greedy", "cautious", "idle",
                                                    "varied"};

void ex_opts_default(ex_opts *o)
{
    memset(o, 0, sizeof *o);
    o->runs = 100;
    o->seed = 1;
    o->policies = EX_ALL_POLICIES;
    o->isolation = EX_ISO_REWIND;
    lh_opts_default(&o->lua);
}

static const char *const isolation_names[] = {"rewind", "reload", "fork"};

const char *ex_isolation_name(ex_isolation i)
{
    return (unsigned)i < 3 ? isolation_names[i] : "?";
}

int ex_isolation_parse(const char *s, ex_isolation *out)
{
    for (int i = 0; i < 3; i++)
        if (strcmp(s, isolation_names[i]) == 0) {
            *out = (ex_isolation)i;
            return 0;
        }
    return -1;
}

const char *ex_policy_name(ex_policy p)
{
    return p >= 0 && p < EX_NKINDS ? policy_names[p] : "?";
}

unsigned ex_parse_policy(const char *s)
{
    if (strcmp(s, "all") == 0)
        return EX_ALL_POLICIES;
    for (int p = 0; p < EX_NPOLICIES; p++)
        if (strcmp(s, policy_names[p]) == 0)
            return 1u << p;
    return 0;
}

/* A worker that died took a run with it: say which, so it can be replayed
 * alone (in a process of its own: --isolation fork). */
static void name_missing_run(const ex_result *r, const unsigned char *seen, bh_err *err)
{
    int i = 0;
    while (i < r->nruns && seen[i])
        i++;
    size_t n = strlen(err->msg);
    if (i < r->nruns && n + 120 < sizeof err->msg)
        snprintf(err->msg + n, sizeof err->msg - n, " (the first run missing: run %d, seed "
                 "%llu, policy %s)", i, (unsigned long long)ex_run_seed(&r->opts, i),
                 ex_policy_name(ex_run_policy(&r->opts, i)));
}

bh_status ex_explore(const ex_opts *o, ex_result **out, lh_diags *diags, bh_err *err)
{
    *out = NULL;
    if (o->search)
        return ex_search(o, out, diags, err);
    ex_gather g;
    bh_status st = ex_begin(o, &g, diags, err);
    if (st != BH_OK)
        return st;
    ex_result *r = g.r;
    double t0 = ex_mono_s();
    if ((st = ex_pool_run(&r->opts, r->host, r->workers, ex_absorb, &g, err)) != BH_OK) {
        name_missing_run(r, g.seen, err);
        ex_gather_free(&g);
        return st;
    }
    r->seconds = ex_mono_s() - t0;
    return ex_end(&g, r->nruns, out, err);
}
