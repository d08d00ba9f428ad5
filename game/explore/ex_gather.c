/* ex_gather.c: loading the scenario and gathering the runs into a result.
 *
 * Records come back from the workers in any order. Everything kept per run
 * is filed under its run index, and everything summed is a count, so the
 * result is the same whatever the number of workers or their timing. Where
 * an order matters (which failing run stands for its error), the lowest
 * run index wins, which does not depend on arrival either. Random
 * exploration (ex_explore.c) and the search (ex_search.c) both gather
 * through here. */
#include "explore/ex_internal.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/text.h"

typedef ex_gather gather;

/* Sort the edges and add up the runs of duplicates. */
static void merge_edges(ex_result *r)
{
    if (!r->nedges)
        return;
    qsort(r->edges, r->nedges, sizeof *r->edges, ex_edge_cmp);
    size_t k = 0;
    for (size_t i = 0; i < r->nedges; i++) {
        if (k && ex_edge_cmp(&r->edges[k - 1], &r->edges[i]) == 0)
            r->edges[k - 1].runs += r->edges[i].runs;
        else
            r->edges[k++] = r->edges[i];
    }
    r->nedges = k;
}

static int add_edges(ex_result *r, const ex_rec *x, size_t *cap)
{
    size_t nodes = r->defs->ninjects + r->defs->ndecisions + r->defs->nendings;
    if (r->nedges + x->nedges > *cap) {
        merge_edges(r); /* most runs tell much the same story: duplicates go first */
        size_t want = 2 * (r->nedges + x->nedges); /* half free after a merge: amortized */
        if (want > *cap) {
            ex_edge *v = realloc(r->edges, (want < 1024 ? 1024 : want) * sizeof *v);
            if (!v)
                return -3;
            r->edges = v;
            *cap = want < 1024 ? 1024 : want;
        }
    }
    for (size_t i = 0; i < x->nedges; i++) {
        ex_edge e;
        memcpy(&e, &x->edges[i], sizeof e);
        if (e.a < 0 || e.b < 0 || (size_t)e.a >= nodes || (size_t)e.b >= nodes)
            return -2;
        e.runs = 1;
        r->edges[r->nedges++] = e;
    }
    return 0;
}

static ex_group *group_for(gather *g, const char *error, int *index)
{
    ex_result *r = g->r;
    for (int i = 0; i < r->ngroups; i++)
        if (strcmp(r->groups[i].error, error) == 0) {
            *index = i;
            return &r->groups[i];
        }
    ex_group *v = realloc(r->groups, (size_t)(r->ngroups + 1) * sizeof *v);
    int *f = realloc(g->firsts, (size_t)(r->ngroups + 1) * EX_MAX_SEEDS * sizeof *f);
    if (v)
        r->groups = v;
    if (f)
        g->firsts = f;
    if (!v || !f)
        return NULL;
    ex_group *x = &r->groups[r->ngroups];
    memset(x, 0, sizeof *x);
    x->first = -1;
    if (!(x->error = strdup(error)))
        return NULL;
    *index = r->ngroups++;
    return x;
}

/* File a failed run under its error; the lowest run index stands for it. */
static int add_failure(gather *g, const ex_rec *x)
{
    int gi;
    ex_group *grp = group_for(g, x->error[0] ? x->error : "unknown error", &gi);
    if (!grp)
        return -3;
    if (!grp->file) { /* "file:line: message": its parts, for a finding at that line */
        size_t fl = (size_t)x->err_flen;
        const char *msg = x->error + fl;
        if (fl && x->err_line > 0 && *msg == ':') {
            msg = strchr(msg + 1, ':');
            msg = msg && msg[1] == ' ' ? msg + 2 : x->error + fl;
        } else if (fl && msg[0] == ':' && msg[1] == ' ') {
            msg += 2;
        }
        grp->line = fl ? x->err_line : 0;
        grp->file = strndup(x->error, fl);
        grp->msg = strdup(fl ? msg : x->error);
        if (!grp->file || !grp->msg)
            return -3;
    }
    g->r->runs[x->run].group = gi;
    grp->runs++;
    int *firsts = g->firsts + (size_t)gi * EX_MAX_SEEDS, n = grp->nseeds, k = n;
    while (k > 0 && firsts[k - 1] > x->run)
        k--;
    if (k < EX_MAX_SEEDS) {
        memmove(firsts + k + 1, firsts + k,
                (size_t)(n - k - (n == EX_MAX_SEEDS)) * sizeof *firsts);
        firsts[k] = x->run;
        grp->nseeds = n < EX_MAX_SEEDS ? n + 1 : n;
    }
    if (grp->first >= 0 && grp->first < x->run)
        return 0;
    char *trace = strdup(x->trace), *journal = strdup(x->journal);
    if (!trace || !journal) {
        free(trace);
        free(journal);
        return -3;
    }
    free(grp->trace);
    free(grp->journal);
    grp->trace = trace;
    grp->journal = journal;
    grp->first = x->run;
    return 0;
}

static int rec_valid(const ex_result *r, const ex_rec *x, const unsigned char *seen)
{
    return x->run >= 0 && x->run < r->nruns && !seen[x->run] && x->policy >= 0 &&
           x->policy < EX_NKINDS && x->status >= EX_ENDED && x->status <= EX_CRASHED &&
           x->ending >= -1 && x->ending < (int)r->defs->nendings;
}

int ex_absorb(void *ud, const ex_rec *x)
{
    gather *g = ud;
    ex_result *r = g->r;
    const bh_defs *d = r->defs;
    if (!rec_valid(r, x, g->seen))
        return -2;
    g->seen[x->run] = 1;
    ex_run *run = &r->runs[x->run];
    run->seed = x->seed;
    run->cut = x->cut;
    run->policy = (ex_policy)x->policy;
    run->status = (ex_run_status)x->status;
    run->ending = x->ending;
    run->by_length = x->by_length;
    run->end_time = x->end_time;
    run->inputs = x->inputs;
    run->group = -1;
    memcpy(run->meters, x->meters, d->nmeters * sizeof *run->meters);
    memcpy(run->started, x->started, d->nactions);
    for (size_t i = 0; i < d->ninjects; i++)
        r->fired[i] += x->fired[i] != 0;
    for (size_t i = 0; i < d->ndecisions; i++)
        r->opened[i] += x->opened[i] != 0;
    for (size_t i = 0; i < d->nactions; i++) {
        r->available[i] += x->avail[i] != 0;
        r->started[i] += x->started[i] != 0;
    }
    for (size_t i = 0, n = ex_noptions(d); i < n; i++)
        r->chosen[i] += x->chosen[i] != 0;
    for (size_t i = 0, n = ex_ncond(d); i < n; i++) {
        uint32_t c, st;
        memcpy(&c, &x->clock_calls[i], sizeof c);
        memcpy(&st, &x->stale[i], sizeof st);
        r->clock_calls[i] += c;
        r->stale[i] += st;
    }
    for (size_t i = 0; i < d->nmeters && x->status != EX_CRASHED; i++) {
        double lo, hi; /* min and max do not depend on the order runs arrive in */
        memcpy(&lo, &x->lo[i], sizeof lo);
        memcpy(&hi, &x->hi[i], sizeof hi);
        r->low[i] = lo < r->low[i] ? lo : r->low[i];
        r->high[i] = hi > r->high[i] ? hi : r->high[i];
    }
    r->looked += x->policy != EX_IDLE;
    if (x->status == EX_ENDED && x->ending >= 0)
        r->reached[x->ending]++;
    int rc = add_edges(r, x, &g->edge_cap);
    if (rc == 0 && x->status != EX_ENDED) {
        r->failed++;
        rc = add_failure(g, x);
    }
    if (rc == 0 && r->opts.keep_journals && !(run->journal = strdup(x->journal)))
        rc = -3;
    g->done++;
    if (rc == 0 && r->opts.progress)
        r->opts.progress(r->opts.progress_ud, g->done, r->nruns);
    return rc;
}

/* Groups in order of their first run, and each run's group index with them. */
static int order_groups(gather *g)
{
    ex_result *r = g->r;
    int n = r->ngroups;
    if (!n)
        return 0;
    ex_group *sorted = malloc((size_t)n * sizeof *sorted);
    int *to = malloc((size_t)n * sizeof *to);
    if (!sorted || !to) {
        free(sorted);
        free(to);
        return -3;
    }
    for (int i = 0; i < n; i++) {
        ex_group *x = &r->groups[i];
        int ns = 0; /* a search's runs share seeds: each listed once */
        for (int k = 0; k < x->nseeds; k++) {
            uint64_t sd = r->runs[g->firsts[(size_t)i * EX_MAX_SEEDS + k]].seed;
            int dup = 0;
            for (int j = 0; j < ns; j++)
                dup |= x->seeds[j] == sd;
            if (!dup)
                x->seeds[ns++] = sd;
        }
        x->nseeds = ns;
        int rank = 0; /* firsts are distinct run indices */
        for (int j = 0; j < n; j++)
            rank += r->groups[j].first < x->first;
        to[i] = rank;
        sorted[rank] = *x;
    }
    memcpy(r->groups, sorted, (size_t)n * sizeof *sorted);
    for (int i = 0; i < r->nruns; i++)
        if (r->runs[i].group >= 0)
            r->runs[i].group = to[r->runs[i].group];
    free(sorted);
    free(to);
    return 0;
}

double ex_mono_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int result_alloc(ex_result *r)
{
    const bh_defs *d = r->defs;
    size_t n = (size_t)r->nruns;
    r->runs = calloc(n, sizeof *r->runs);
    double *meters = calloc(n * d->nmeters + 1, sizeof *meters);
    unsigned char *started = calloc(n * d->nactions + 1, 1);
    r->fired = calloc(d->ninjects + 1, sizeof *r->fired);
    r->opened = calloc(d->ndecisions + 1, sizeof *r->opened);
    r->available = calloc(d->nactions + 1, sizeof *r->available);
    r->started = calloc(d->nactions + 1, sizeof *r->started);
    r->reached = calloc(d->nendings + 1, sizeof *r->reached);
    r->chosen = calloc(ex_noptions(d) + 1, sizeof *r->chosen);
    r->low = calloc(d->nmeters + 1, sizeof *r->low);
    r->high = calloc(d->nmeters + 1, sizeof *r->high);
    r->clock_calls = calloc(ex_ncond(d) + 1, sizeof *r->clock_calls);
    r->stale = calloc(ex_ncond(d) + 1, sizeof *r->stale);
    if (!r->runs || !meters || !started || !r->fired || !r->opened || !r->available ||
        !r->started || !r->reached || !r->chosen || !r->low || !r->high || !r->clock_calls ||
        !r->stale) {
        free(meters);
        free(started);
        return -1;
    }
    for (size_t i = 0; i < d->nmeters; i++) {
        r->low[i] = INFINITY;
        r->high[i] = -INFINITY;
    }
    /* every run's arrays live in two blocks owned by run 0 */
    for (size_t i = 0; i < n; i++) {
        r->runs[i].meters = meters + i * d->nmeters;
        r->runs[i].started = started + i * d->nactions;
        r->runs[i].ending = -1;
        r->runs[i].group = -1;
    }
    return 0;
}

void ex_result_free(ex_result *r)
{
    if (!r)
        return;
    if (r->runs && r->nruns) {
        free(r->runs[0].meters);
        free(r->runs[0].started);
        for (int i = 0; i < r->nruns; i++)
            free(r->runs[i].journal);
    }
    free(r->runs);
    for (int i = 0; i < r->ngroups; i++) {
        free(r->groups[i].error);
        free(r->groups[i].file);
        free(r->groups[i].msg);
        free(r->groups[i].trace);
        free(r->groups[i].journal);
        free(r->groups[i].path);
    }
    free(r->groups);
    for (int i = 0; i < r->ntargets; i++) {
        free(r->targets[i].best);
        free(r->targets[i].witness);
        free(r->targets[i].path);
    }
    free(r->targets);
    free(r->fired);
    free(r->clock_calls);
    free(r->stale);
    free(r->opened);
    free(r->available);
    free(r->started);
    free(r->reached);
    free(r->chosen);
    free(r->low);
    free(r->high);
    free(r->edges);
    free(r->scenario);
    lh_free(r->host);
    free(r);
}

static int resolve_workers(const ex_opts *o)
{
    long w = o->workers;
    if (w <= 0)
        w = sysconf(_SC_NPROCESSORS_ONLN);
    if (w < 1)
        w = 1;
    if (w > EX_MAX_WORKERS)
        w = EX_MAX_WORKERS;
    return (int)(w > o->runs ? o->runs : w);
}

bh_status ex_begin(const ex_opts *o, ex_gather *g, lh_diags *diags, bh_err *err)
{
    memset(g, 0, sizeof *g);
    if (!o->scenario || o->runs < 1 || o->runs > EX_MAX_RUNS || !(o->policies & EX_ALL_POLICIES))
        return err_set(err, BH_EUSAGE, "", 0, "explore needs a scenario, 1 to %d runs and a "
                       "policy", EX_MAX_RUNS);
    ex_result *r = calloc(1, sizeof *r);
    bh_status st = BH_ENOMEM;
    if (!r)
        return err_set(err, BH_ENOMEM, "", 0, "out of memory");
    g->r = r;
    r->opts = *o;
    r->nruns = o->runs;
    r->workers = r->opts.workers = resolve_workers(o);
    if (!(r->scenario = strdup(o->scenario)))
        goto fail;
    if ((st = lh_load(o->scenario, &o->lua, &r->host, diags)) != BH_OK) {
        err_set(err, st, o->scenario, 0, "the scenario did not load");
        goto fail;
    }
    r->defs = lh_defs(r->host);
    if (o->meter && defs_meter(r->defs, o->meter) < 0) {
        st = err_set(err, BH_EUSAGE, "", 0, "--meter: %s has no meter '%s'", o->scenario,
                     o->meter);
        goto fail;
    }
    if (o->cut && defs_cut(r->defs, o->cut) < 0) {
        char hint[160];
        text_suggest(o->cut, r->defs->cuts, r->defs->ncuts, sizeof *r->defs->cuts,
                     offsetof(bh_cut_def, id), hint, sizeof hint);
        st = err_set(err, BH_EUSAGE, "", 0, "--cut: %s has no cut '%s'%s", o->scenario, o->cut,
                     r->defs->ncuts ? hint : " (it declares no cuts)");
        goto fail;
    }
    st = BH_ENOMEM;
    if (result_alloc(r) != 0 || !(g->seen = calloc((size_t)r->nruns, 1)))
        goto fail;
    return BH_OK;
fail:
    if (st == BH_ENOMEM)
        err_set(err, BH_ENOMEM, "", 0, "out of memory exploring %s", o->scenario);
    ex_gather_free(g);
    return st;
}

void ex_gather_free(ex_gather *g)
{
    free(g->seen);
    free(g->firsts);
    ex_result_free(g->r);
    memset(g, 0, sizeof *g);
}

bh_status ex_end(ex_gather *g, int played, ex_result **out, bh_err *err)
{
    ex_result *r = g->r;
    if (g->done != played) {
        err_set(err, BH_EIO, "", 0, "only %d of %d runs came back", g->done, played);
        ex_gather_free(g);
        return BH_EIO;
    }
    r->nruns = played; /* a search stops before its cap */
    if (order_groups(g) != 0) {
        ex_gather_free(g);
        return err_set(err, BH_ENOMEM, "", 0, "out of memory exploring %s", r->opts.scenario);
    }
    merge_edges(r);
    free(g->seen);
    free(g->firsts);
    memset(g, 0, sizeof *g);
    *out = r;
    return BH_OK;
}
