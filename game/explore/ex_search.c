/* ex_search.c: `explore --search`, a coverage-guided playtester.
 *
 * Random players miss whole stories: an ending that needs five choices in
 * a row is seldom met by chance. The search works like a fuzzer: it keeps
 * the runs that reached something no earlier run had (an inject, an action
 * started, a decision opened, an option taken, an ending, a meter further
 * out than ever), and makes new runs from them by mutation: a different
 * option, an input earlier or later, a cancel, an input dropped or added,
 * another seed, or the same start played on differently. A run is a list
 * of the players' own inputs at their times (ex_cand), then perhaps a
 * policy that plays on; its journal is what it did, so every run replays.
 *
 * Runs go out in generations of EX_BATCH. Everything that decides what to
 * try next draws from the search's own generator, and a generation's runs
 * are judged in run order once all are back, so the search is the same
 * whatever the number of workers. It stops when `budget` runs in a row
 * found nothing new, or at the cap (opts.runs): a budget in runs, not
 * seconds, so a slow sanitizer build finds the same things. Every run
 * also counts in the ordinary statistics (ex_result), as explore's do. */
#include "explore/ex_internal.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>


#define EX_BATCH 256
#define EX_BUCKETS 16          /* a meter's range in steps: "further out" means a step */
#define EX_FRESH 0.15          /* share of runs that start from nothing */
#define EX_MAX_STEPS 4000      /* a candidate's inputs: far above any plan a room makes */
#define EX_SEARCH_SALT 0x3c6ef372fe94f82bull

/* What one run of a generation showed, copied out of its record. */
typedef struct seen_run {
    int status, ending, inputs, cut;
    uint64_t seed;
    unsigned char *hit;        /* per feature */
    int *lo, *hi;              /* per meter: bucket of its lowest and highest value */
    int *fin;                  /* per meter: bucket of its final value */
    char *journal;
} seen_run;

typedef struct entry {
    char *journal;             /* the run's inputs, as journal lines */
    uint64_t seed;
    int cut;
    ex_step *steps;            /* parsed when first picked */
    int nsteps, parsed;
    unsigned char *hit;        /* the features it hit */
    size_t *ends_at;           /* its ending's (meter, final bucket) counters, or NULL */
} entry;

typedef struct search {
    const ex_opts *o;
    ex_gather g;
    ex_result *r;
    const bh_defs *d;
    bh_rng rng;
    size_t nfeat;              /* injects, actions, options, decisions, endings */
    unsigned *hits;            /* runs that hit each feature */
    int *best_lo, *best_hi;    /* per meter: the furthest buckets yet */
    unsigned *ends_at;         /* per ending and inject: runs that reached the ending after
                                  the inject had fired: a way towards endings that need
                                  something to go wrong first */
    size_t nends_key;          /* such keys per ending: its injects */
    int *end_lo, *end_hi;      /* per ending and meter: the furthest final buckets yet */
    entry *corpus;
    size_t ncorpus, cap;
    int base;                  /* runs played before this generation */
    seen_run *batch;
    int nbatch;
    ex_cand *cands;
    ex_step *steps;            /* the generation's steps, EX_MAX_STEPS per candidate */
    bh_time span;              /* the length of the session being mutated */
    int cut;                   /* --cut, or -1 */
} search;

static int bucket(const bh_meter_def *m, double v)
{
    double lo = m->min, hi = m->max;
    if (!isfinite(lo) || !isfinite(hi) || hi <= lo) {
        lo = m->start - 100;
        hi = m->start + 100;
    }
    double b = floor((v - lo) / (hi - lo) * EX_BUCKETS);
    if (isnan(b))
        return 0;
    return b < -1000 ? -1000 : b > 1000 ? 1000 : (int)b;
}

/* Key i of a run that reached an ending: (ending, inject i) when that
 * inject fired in it, else SIZE_MAX. */
static size_t ends_key(const search *S, const seen_run *s, size_t i)
{
    return s->hit[ex_feature(S->d, EX_F_INJECT, i)] ? (size_t)s->ending * S->nends_key + i
                                                    : SIZE_MAX;
}

/* Further out than any run that reached the same ending: pushing an
 * ending's meters to where it gives way to another is how the endings
 * that need "all good but one meter" are found. */
static int ending_extreme(search *S, const seen_run *s)
{
    int fresh = 0;
    for (size_t m = 0; m < S->d->nmeters; m++) {
        int *lo = &S->end_lo[(size_t)s->ending * S->d->nmeters + m],
            *hi = &S->end_hi[(size_t)s->ending * S->d->nmeters + m];
        if (s->fin[m] < *lo || s->fin[m] > *hi)
            fresh = 1;
        *lo = s->fin[m] < *lo ? s->fin[m] : *lo;
        *hi = s->fin[m] > *hi ? s->fin[m] : *hi;
    }
    return fresh;
}

/* The sink: file the record for the statistics, and keep what the search
 * judges it by until the whole generation is back. */
static int take(void *ud, const ex_rec *x)
{
    search *S = ud;
    int local = x->run;
    if (local < 0 || local >= S->nbatch)
        return -2;
    ex_rec y = *x;
    y.run = S->base + local;
    int rc = ex_absorb(&S->g, &y);
    if (rc != 0)
        return rc;
    const bh_defs *d = S->d;
    seen_run *s = &S->batch[local];
    s->status = x->status;
    s->ending = x->ending;
    s->inputs = x->inputs;
    s->seed = x->seed;
    s->cut = S->cands[local].cut;
    memset(s->hit, 0, S->nfeat);
    for (size_t i = 0; i < d->ninjects; i++)
        s->hit[ex_feature(d, EX_F_INJECT, i)] = x->fired[i] != 0;
    for (size_t i = 0; i < d->nactions; i++)
        s->hit[ex_feature(d, EX_F_ACTION, i)] = x->started[i] != 0;
    for (size_t i = 0, n = ex_noptions(d); i < n; i++)
        s->hit[ex_feature(d, EX_F_OPTION, i)] = x->chosen[i] != 0;
    for (size_t i = 0; i < d->ndecisions; i++)
        s->hit[ex_feature(d, EX_F_DECISION, i)] = x->opened[i] != 0;
    if (x->status == EX_ENDED && x->ending >= 0)
        s->hit[ex_feature(d, EX_F_ENDING, (size_t)x->ending)] = 1;
    for (size_t i = 0; i < d->nmeters; i++) {
        double lo, hi;
        memcpy(&lo, &x->lo[i], sizeof lo);
        memcpy(&hi, &x->hi[i], sizeof hi);
        s->lo[i] = bucket(&d->meters[i], lo);
        s->hi[i] = bucket(&d->meters[i], hi);
        double fin;
        memcpy(&fin, &x->meters[i], sizeof fin);
        s->fin[i] = bucket(&d->meters[i], fin);
    }
    free(s->journal);
    s->journal = x->status == EX_ENDED ? strdup(x->journal) : NULL;
    return x->status == EX_ENDED && !s->journal ? -3 : 0;
}

/* Parse an entry's journal lines into steps (once). */
static int parse_entry(search *S, entry *e)
{
    if (!e->parsed) {
        e->parsed = 1;
        if (ex_steps_parse(S->d, e->journal, EX_MAX_STEPS, &e->steps, &e->nsteps) != 0)
            e->nsteps = 0;
    }
    return e->steps ? 0 : -1;
}

static entry *pick_parent(search *S);

/* A splice's other run: a kept run's steps (NULL when there is none). */
static const ex_step *donor(void *ud, int *n)
{
    search *S = ud;
    if (S->ncorpus < 2)
        return NULL;
    entry *o = pick_parent(S);
    if (parse_entry(S, o) != 0 || !o->nsteps)
        return NULL;
    *n = o->nsteps;
    return o->steps;
}

/* How common the rarest thing an entry reached is, now: the fewer runs
 * have reached it, the closer the entry is to what is still unseen. */
static unsigned rarity(const search *S, const entry *e)
{
    unsigned r = UINT32_MAX;
    for (size_t f = 0; f < S->nfeat; f++)
        if (e->hit[f] && S->hits[f] < r)
            r = S->hits[f];
    for (size_t m = 0; e->ends_at && m < S->nends_key; m++)
        if (e->ends_at[m] != SIZE_MAX && S->ends_at[e->ends_at[m]] < r)
            r = S->ends_at[e->ends_at[m]];
    return r;
}

/* Pick a parent: the rarest of three most often (a tournament), a recent
 * find or any find sometimes, so nothing is starved. */
static entry *pick_parent(search *S)
{
    size_t n = S->ncorpus, recent = n < 32 ? n : 32;
    double u = rng_unit(&S->rng);
    if (u < 0.25)
        return &S->corpus[n - 1 - (size_t)rng_range(&S->rng, 0, (int64_t)recent - 1)];
    size_t best = (size_t)rng_range(&S->rng, 0, (int64_t)n - 1);
    if (u < 0.5)
        return &S->corpus[best];
    unsigned br = rarity(S, &S->corpus[best]);
    for (int k = 0; k < 2; k++) {
        size_t i = (size_t)rng_range(&S->rng, 0, (int64_t)n - 1);
        unsigned ri = rarity(S, &S->corpus[i]);
        if (ri < br) {
            best = i;
            br = ri;
        }
    }
    return &S->corpus[best];
}

static void make_cand(search *S, int i)
{
    ex_cand *c = &S->cands[i];
    ex_step *v = S->steps + (size_t)i * EX_MAX_STEPS;
    static const ex_policy fresh[] = {EX_RANDOM, EX_RANDOM, EX_GREEDY,
                                      EX_GREEDY, EX_GREEDY, EX_CAUTIOUS};
    const bh_defs *d = S->d;
    /* seeds short enough to type: the session's draws need no more */
    *c = (ex_cand){.seed = (uint64_t)rng_range(&S->rng, 1, 999999), .pseed = rng_next(&S->rng),
                   .steps = v,
                   .cut = S->cut};
    entry *e = S->ncorpus && rng_unit(&S->rng) >= EX_FRESH ? pick_parent(S) : NULL;
    if (!e || parse_entry(S, e) != 0) {
        c->policy = fresh[rng_range(&S->rng, 0, 5)];
        /* most experts forget something: a few recommended actions never
         * occur to them, which is how the "good but one thing" endings
         * are met */
        if (c->policy == EX_GREEDY && rng_unit(&S->rng) < 0.8)
            c->forget = 0.1 + 0.3 * rng_unit(&S->rng);
        /* the whole scenario mostly; its cuts too, which end their own ways */
        if (S->cut < 0 && d->ncuts && rng_unit(&S->rng) < 0.25)
            c->cut = (int)rng_range(&S->rng, 0, (int64_t)d->ncuts - 1);
        return;
    }
    c->cut = e->cut;
    S->span = c->cut >= 0 ? d->cuts[c->cut].length : d->scenario.length;
    S->span = S->span < 1 ? 1 : S->span;
    memcpy(v, e->steps, (size_t)e->nsteps * sizeof *v);
    int n = e->nsteps, tail = rng_unit(&S->rng) < 0.3;
    if (rng_unit(&S->rng) < 0.8)
        c->seed = e->seed; /* most mutations keep the world's draws */
    ex_mutator mu = {.rng = &S->rng, .d = d, .span = S->span, .donor = donor, .ud = S};
    for (int m = 1 + (int)rng_range(&S->rng, 0, 2); m > 0; m--)
        n = ex_mutate(&mu, v, n, EX_MAX_STEPS, &tail);
    c->nsteps = n;
    c->policy = !tail ? EX_IDLE : rng_unit(&S->rng) < 0.6 ? EX_RANDOM : EX_GREEDY;
    if (c->policy == EX_GREEDY && rng_unit(&S->rng) < 0.8)
        c->forget = 0.1 + 0.3 * rng_unit(&S->rng);
}

/* Judge the generation in run order: keep what found something new. */
static int judge(search *S, int *news)
{
    const bh_defs *d = S->d;
    for (int i = 0; i < S->nbatch; i++) {
        seen_run *s = &S->batch[i];
        /* fresh: something the report counts (coverage); guide: a step
         * towards what is still unseen, kept to build on but no reason to
         * search on, so the budget bounds the search */
        int run = S->base + i, fresh = 0, guide = 0;
        for (size_t f = 0; f < S->nfeat; f++)
            if (s->hit[f] && S->hits[f]++ == 0)
                fresh = 1;
        for (size_t m = 0; m < S->nends_key && s->status == EX_ENDED && s->ending >= 0; m++) {
            size_t k = ends_key(S, s, m);
            guide |= k != SIZE_MAX && !S->ends_at[k]++;
        }
        if (s->status == EX_ENDED && s->ending >= 0)
            guide |= ending_extreme(S, s);
        for (size_t m = 0; m < d->nmeters && s->status != EX_CRASHED; m++) {
            if (s->lo[m] < S->best_lo[m] || s->hi[m] > S->best_hi[m])
                fresh |= run > 0; /* the first run sets the marks */
            S->best_lo[m] = s->lo[m] < S->best_lo[m] ? s->lo[m] : S->best_lo[m];
            S->best_hi[m] = s->hi[m] > S->best_hi[m] ? s->hi[m] : S->best_hi[m];
        }
        if (ex_target_seen(S->r, run, s->status, s->hit, s->journal, s->seed, s->cut,
                           s->inputs, ex_mono_s()) != 0)
            return -1;
        *news = fresh ? 0 : *news + 1;
        if (!fresh && !guide)
            continue;
        if (!s->journal)
            continue; /* a new failure: listed, but nothing to build on */
        if (S->ncorpus == S->cap) {
            size_t cap = S->cap ? 2 * S->cap : 256;
            entry *v = realloc(S->corpus, cap * sizeof *v);
            if (!v)
                return -1;
            S->corpus = v;
            S->cap = cap;
        }
        entry *e = &S->corpus[S->ncorpus];
        *e = (entry){.journal = s->journal, .seed = s->seed, .cut = s->cut};
        if (!(e->hit = malloc(S->nfeat + 1)) ||
            (s->ending >= 0 && !(e->ends_at = calloc(S->nends_key + 1, sizeof *e->ends_at)))) {
            free(e->hit);
            return -1;
        }
        memcpy(e->hit, s->hit, S->nfeat);
        for (size_t m = 0; e->ends_at && m < S->nends_key; m++)
            e->ends_at[m] = ends_key(S, s, m);
        S->ncorpus++;
        s->journal = NULL;
    }
    return 0;
}

static int alloc_batch(search *S)
{
    size_t nm = S->d->nmeters + 1;
    S->batch = calloc(EX_BATCH, sizeof *S->batch);
    S->cands = calloc(EX_BATCH, sizeof *S->cands);
    S->steps = calloc((size_t)EX_BATCH * EX_MAX_STEPS, sizeof *S->steps);
    S->hits = calloc(S->nfeat + 1, sizeof *S->hits);
    S->best_lo = calloc(nm, sizeof *S->best_lo);
    S->best_hi = calloc(nm, sizeof *S->best_hi);
    S->nends_key = S->d->ninjects;
    S->ends_at = calloc((S->d->nendings + 1) * (S->nends_key + 1), sizeof *S->ends_at);
    size_t em = (S->d->nendings + 1) * nm;
    S->end_lo = malloc(em * sizeof *S->end_lo);
    S->end_hi = malloc(em * sizeof *S->end_hi);
    if (!S->end_lo || !S->end_hi)
        return -1;
    for (size_t k = 0; k < em; k++) {
        S->end_lo[k] = 1000000;
        S->end_hi[k] = -1000000;
    }
    if (!S->batch || !S->cands || !S->steps || !S->hits || !S->best_lo || !S->best_hi ||
        !S->ends_at)
        return -1;
    for (size_t m = 0; m < nm; m++) {
        S->best_lo[m] = 1000000;
        S->best_hi[m] = -1000000;
    }
    for (int i = 0; i < EX_BATCH; i++) {
        seen_run *s = &S->batch[i];
        s->hit = calloc(S->nfeat + 1, 1);
        s->lo = calloc(nm, sizeof *s->lo);
        s->hi = calloc(nm, sizeof *s->hi);
        s->fin = calloc(nm, sizeof *s->fin);
        if (!s->hit || !s->lo || !s->hi || !s->fin)
            return -1;
    }
    return 0;
}

static void search_free(search *S)
{
    for (int i = 0; S->batch && i < EX_BATCH; i++) {
        free(S->batch[i].hit);
        free(S->batch[i].lo);
        free(S->batch[i].hi);
        free(S->batch[i].fin);
        free(S->batch[i].journal);
    }
    for (size_t i = 0; i < S->ncorpus; i++) {
        free(S->corpus[i].journal);
        free(S->corpus[i].steps);
        free(S->corpus[i].hit);
        free(S->corpus[i].ends_at);
    }
    free(S->corpus);
    free(S->batch);
    free(S->cands);
    free(S->steps);
    free(S->hits);
    free(S->best_lo);
    free(S->best_hi);
    free(S->ends_at);
    free(S->end_lo);
    free(S->end_hi);
}

bh_status ex_search(const ex_opts *o, ex_result **out, lh_diags *diags, bh_err *err)
{
    search S = {.o = o};
    bh_status st = ex_begin(o, &S.g, diags, err);
    if (st != BH_OK)
        return st;
    S.r = S.g.r;
    S.d = S.r->defs;
    const bh_defs *d = S.d;
    S.nfeat = ex_nfeatures(d);
    S.r->opts.progress = NULL; /* the search reports per generation, not per run */
    /* the players a search uses, and its varied runs (never idle ones) */
    S.r->opts.policies = 1u << EX_RANDOM | 1u << EX_GREEDY | 1u << EX_CAUTIOUS | 1u << EX_VARIED;
    S.cut = o->cut ? defs_cut(d, o->cut) : -1;
    rng_seed(&S.rng, o->seed ^ EX_SEARCH_SALT);
    double t0 = ex_mono_s();
    st = BH_ENOMEM;
    if (alloc_batch(&S) != 0 || ex_targets_init(S.r, t0) != 0)
        goto fail;
    int budget = o->budget > 0 ? o->budget : EX_DEFAULT_BUDGET, news = 0;
    while (S.base < S.r->nruns && news < budget) {
        S.nbatch = S.r->nruns - S.base < EX_BATCH ? S.r->nruns - S.base : EX_BATCH;
        for (int i = 0; i < S.nbatch; i++)
            make_cand(&S, i);
        if ((st = ex_run_cands(S.r, S.cands, S.nbatch, take, &S, err)) != BH_OK)
            goto fail;
        st = BH_ENOMEM;
        if (judge(&S, &news) != 0)
            goto fail;
        S.base += S.nbatch;
        S.r->generations++;
        if (o->progress)
            o->progress(o->progress_ud, S.base, -1);
        /* Nothing kept and no run of a whole generation ended: every way
         * in fails, and the failures are listed; searching on would only
         * replay them (a scenario whose every run crashes at once, or hangs
         * until its budget stops it, would take minutes). */
        int ended = 0;
        for (int i = 0; i < S.nbatch; i++)
            ended += S.batch[i].status == EX_ENDED;
        if (!S.ncorpus && !ended) {
            S.r->all_failed = 1;
            break;
        }
    }
    S.r->seconds = ex_mono_s() - t0;
    S.r->corpus = (int)S.ncorpus;
    S.r->quiet = news;
    if (o->witness && (st = ex_minimize(S.r, err)) != BH_OK)
        goto fail;
    search_free(&S);
    return ex_end(&S.g, S.base, out, err);
fail:
    if (st == BH_ENOMEM)
        err_set(err, BH_ENOMEM, "", 0, "out of memory searching %s", o->scenario);
    search_free(&S);
    ex_gather_free(&S.g);
    return st;
}
