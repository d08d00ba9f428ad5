/* ex_model.c: the statistics of an exploration as one JSON document.
 *
 * Shape (version 1):
 *
 *   { "bulkhead_explore": 1,
 *     "scenario": { file, id, title, length_s },
 *     "runs", "seed" (string: 64-bit), "last_seed",
 *     "policies": [ { name, runs } ],
 *     "endings":  [ { id, title, tone, runs, share, by_length, by_policy: { name: runs } } ],
 *     "failed":   { runs, share, by_policy },
 *     "meters":   [ { id, label, better: higher|lower, start, min, median, max (final values
 *                   of the runs that ended), low, high (at any time in any run) } ],
 *     "never":    { injects, actions (never available; null when no policy looked), started
 *                   (actions), decisions, options ("decision.option", chosen or by default),
 *                   endings, meters (that never moved): [ids] },
 *     "length":   { min_s, median_s, max_s } | null,
 *     "impact":   { measure: ending_tone|meter, meter?, better, outcome (in words), runs,
 *                   min_group, actions: [ { id, label, delta, with, without,
 *                   by_policy: [ { policy, with, mean_with, without, mean_without } ] } ] },
 *     "failures": [ { error, trace, kind: script|crash, runs, seeds: [..], policy, journal|null } ],
 *     "graph":    { nodes: [ { key, kind: inject|decision|ending, id, title, tone?, runs } ],
 *                   edges: [ { from, to, same_instant, runs } ] },
 *     "clock":    [ { kind: inject|decision|ending, id, file, line, per_run } ]: `when`
 *                 conditions that waited on the clock (their calls that read w.time,
 *                 per run, at least 1), most first,
 *     "stale"?:   [ { kind: inject|decision|ending|action, id, file, line, times } ]: with
 *                 verification (opts.verify), the conditions whose remembered answer a
 *                 fresh call contradicted, and how often in all runs,
 *     "timing"?:  { seconds, per_second, workers, isolation: rewind|reload|fork } }
 *
 * Every share is of all runs. Everything but "timing" depends only on the
 * scenario, the number of runs, the seed and the policies: not on the
 * workers, the isolation or the timing. */
#include "explore/ex_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"

#define EX_IMPACT_TOP 5

static json_t *seed_str(uint64_t v)
{
    char b[32];
    snprintf(b, sizeof b, "%llu", (unsigned long long)v);
    return json_string(b);
}

static const char *str0(const char *s)
{
    return s ? s : "";
}

/* Scenario errors and tracebacks may be cut inside a UTF-8 character, and
 * Jansson refuses invalid UTF-8: sanitize them first. */
static json_t *text_value(const char *s)
{
    size_t n = strlen(s);
    char *t = malloc(n + 1);
    if (!t)
        return NULL;
    text_sanitize(s, n, t, n + 1);
    json_t *v = json_string(t);
    free(t);
    return v;
}

static const char *tone_word(bh_tone t)
{
    return t == TONE_GOOD ? "good" : t == TONE_MIXED ? "mixed" : t == TONE_BAD ? "bad" : "none";
}

static json_t *by_policy(const ex_result *r, int ending, int failed)
{
    json_t *o = json_object();
    for (int p = 0; p < EX_NKINDS; p++) {
        if (!(r->opts.policies & (1u << p)))
            continue;
        int n = 0;
        for (int i = 0; i < r->nruns; i++) {
            const ex_run *x = &r->runs[i];
            n += x->policy == (ex_policy)p &&
                 (failed ? x->status != EX_ENDED : x->status == EX_ENDED && x->ending == ending);
        }
        json_object_set_new(o, ex_policy_name((ex_policy)p), json_integer(n));
    }
    return o;
}

static json_t *endings(const ex_result *r)
{
    const bh_defs *d = r->defs;
    json_t *a = json_array();
    for (int e = -1; e < (int)d->nendings; e++) {
        int n = 0, by_len = 0;
        for (int i = 0; i < r->nruns; i++)
            if (r->runs[i].status == EX_ENDED && r->runs[i].ending == e) {
                n++;
                by_len += r->runs[i].by_length;
            }
        if (e < 0 && !n)
            continue; /* "no ending" only when the length ran out without a fallback */
        json_array_append_new(a, json_pack("{s:s, s:s, s:s, s:i, s:f, s:i, s:o}",
            "id", e < 0 ? "(none)" : d->endings[e].id,
            "title", e < 0 ? "the length ran out and no ending is the fallback" : str0(d->endings[e].title),
            "tone", e < 0 ? "none" : tone_word(d->endings[e].tone), "runs", n,
            "share", (double)n / r->nruns, "by_length", by_len, "by_policy", by_policy(r, e, 0)));
    }
    return a;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* min, median and max of v (sorted in place), into o. */
static void spread(json_t *o, double *v, size_t n, const char *suffix)
{
    char k[32];
    qsort(v, n, sizeof *v, cmp_double);
    double med = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    snprintf(k, sizeof k, "min%s", suffix);
    json_object_set_new(o, k, json_real(v[0]));
    snprintf(k, sizeof k, "median%s", suffix);
    json_object_set_new(o, k, json_real(med));
    snprintf(k, sizeof k, "max%s", suffix);
    json_object_set_new(o, k, json_real(v[n - 1]));
}

static json_t *meters(const ex_result *r, double *v)
{
    const bh_defs *d = r->defs;
    json_t *a = json_array();
    for (size_t m = 0; m < d->nmeters; m++) {
        size_t n = 0;
        for (int i = 0; i < r->nruns; i++)
            if (r->runs[i].status == EX_ENDED)
                v[n++] = r->runs[i].meters[m];
        json_t *o = json_pack("{s:s, s:s, s:s, s:f}", "id", d->meters[m].id, "label",
                              str0(d->meters[m].label), "better",
                              d->meters[m].good_low ? "lower" : "higher", "start",
                              d->meters[m].start);
        if (n)
            spread(o, v, n, "");
        if (r->low[m] <= r->high[m]) {
            json_object_set_new(o, "low", json_real(r->low[m]));
            json_object_set_new(o, "high", json_real(r->high[m]));
        }
        json_array_append_new(a, o);
    }
    return a;
}

static json_t *length(const ex_result *r, double *v)
{
    size_t n = 0;
    for (int i = 0; i < r->nruns; i++)
        if (r->runs[i].status == EX_ENDED)
            v[n++] = (double)r->runs[i].end_time;
    if (!n)
        return json_null();
    json_t *o = json_object();
    spread(o, v, n, "_s");
    return o;
}

static const char *inject_id(const bh_defs *d, size_t i) { return d->injects[i].id; }
static const char *action_id(const bh_defs *d, size_t i) { return d->actions[i].id; }
static const char *decision_id(const bh_defs *d, size_t i) { return d->decisions[i].id; }
static const char *ending_id(const bh_defs *d, size_t i) { return d->endings[i].id; }

/* Ids whose count is 0. */
static json_t *never_list(const bh_defs *d, const int *count, size_t n,
                          const char *(*id)(const bh_defs *, size_t))
{
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++)
        if (!count[i])
            json_array_append_new(a, json_string(id(d, i)));
    return a;
}

/* "decision.option" for every option that never took effect. */
static json_t *never_options(const ex_result *r)
{
    const bh_defs *d = r->defs;
    json_t *a = json_array();
    char id[160];
    for (size_t i = 0, k = 0; i < d->ndecisions; i++)
        for (size_t o = 0; o < d->decisions[i].noptions; o++, k++)
            if (!r->chosen[k]) {
                snprintf(id, sizeof id, "%s.%s", d->decisions[i].id, d->decisions[i].options[o].id);
                json_array_append_new(a, json_string(id));
            }
    return a;
}

/* Meters that stayed at their start in every run: often a condition or an
 * effect that never runs. */
static json_t *never_moved(const ex_result *r)
{
    const bh_defs *d = r->defs;
    json_t *a = json_array();
    for (size_t i = 0; i < d->nmeters; i++)
        if (r->low[i] == d->meters[i].start && r->high[i] == d->meters[i].start)
            json_array_append_new(a, json_string(d->meters[i].id));
    return a;
}

static json_t *never(const ex_result *r)
{
    const bh_defs *d = r->defs;
    return json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o}",
        "injects", never_list(d, r->fired, d->ninjects, inject_id),
        "actions", r->looked ? never_list(d, r->available, d->nactions, action_id) : json_null(),
        "started", never_list(d, r->started, d->nactions, action_id),
        "decisions", never_list(d, r->opened, d->ndecisions, decision_id),
        "options", never_options(r),
        "endings", never_list(d, r->reached, d->nendings, ending_id),
        "meters", never_moved(r));
}

/* ---- impact ----
 *
 * For each action, runs that started it are compared with runs that did
 * not, within each policy: a policy's style (greedy follows the advice and
 * mostly wins) must not pass for the effect of the actions it happens to
 * take. The per-policy differences are then averaged, each weighted by
 * with * without / (with + without), the usual weight of a difference of
 * two means, so a comparison that rests on few runs counts for little.
 * Random play carries most of it: its choices are coin flips. */

static double outcome(const ex_result *r, const ex_run *x, int meter)
{
    if (meter >= 0)
        return x->meters[meter];
    bh_tone t = x->ending >= 0 ? r->defs->endings[x->ending].tone : TONE_NONE;
    return t == TONE_GOOD ? 1 : t == TONE_BAD ? 0 : 0.5;
}

typedef struct ex_cell {
    int with, without;
    double sum_with, sum_without;
} ex_cell;

typedef struct ex_effect {
    int action, with, without;
    double delta;
    ex_cell by[EX_NKINDS];
} ex_effect;

static int effect_cmp(const void *a, const void *b)
{
    const ex_effect *x = a, *y = b;
    double dx = fabs(x->delta), dy = fabs(y->delta);
    if (dx != dy)
        return dx < dy ? 1 : -1;
    return (x->action > y->action) - (x->action < y->action);
}

/* The effect of action a; 0 when no policy has runs both with and without it. */
static int measure(const ex_result *r, int a, int meter, ex_effect *e)
{
    memset(e, 0, sizeof *e);
    e->action = a;
    for (int i = 0; i < r->nruns; i++) { /* in run order: the sums never depend on workers */
        const ex_run *x = &r->runs[i];
        if (x->status != EX_ENDED || x->policy == EX_IDLE)
            continue; /* failed runs have no outcome; idle never starts anything */
        ex_cell *c = &e->by[x->policy];
        if (x->started[a]) {
            c->with++;
            c->sum_with += outcome(r, x, meter);
        } else {
            c->without++;
            c->sum_without += outcome(r, x, meter);
        }
    }
    double num = 0, den = 0;
    for (int p = 0; p < EX_NKINDS; p++) {
        const ex_cell *c = &e->by[p];
        if (!c->with || !c->without)
            continue;
        double w = (double)c->with * c->without / (c->with + c->without);
        num += w * (c->sum_with / c->with - c->sum_without / c->without);
        den += w;
        e->with += c->with;
        e->without += c->without;
    }
    e->delta = den > 0 ? num / den : 0;
    return den > 0;
}

static json_t *effect_json(const bh_defs *d, const ex_effect *e)
{
    json_t *by = json_array();
    for (int p = 0; p < EX_NKINDS; p++) {
        const ex_cell *c = &e->by[p];
        if (c->with && c->without)
            json_array_append_new(by, json_pack("{s:s, s:i, s:f, s:i, s:f}",
                "policy", ex_policy_name((ex_policy)p), "with", c->with,
                "mean_with", c->sum_with / c->with, "without", c->without,
                "mean_without", c->sum_without / c->without));
    }
    return json_pack("{s:s, s:s, s:f, s:i, s:i, s:o}", "id", d->actions[e->action].id,
                     "label", str0(d->actions[e->action].label), "delta", e->delta,
                     "with", e->with, "without", e->without, "by_policy", by);
}

static json_t *impact_actions(const ex_result *r, int meter, int min_group, ex_effect *fx)
{
    const bh_defs *d = r->defs;
    size_t n = 0;
    for (size_t a = 0; a < d->nactions; a++)
        if (measure(r, (int)a, meter, &fx[n]) && fx[n].with >= min_group &&
            fx[n].without >= min_group && fx[n].delta != 0)
            n++;
    qsort(fx, n, sizeof *fx, effect_cmp);
    json_t *list = json_array();
    for (size_t i = 0; i < n && i < EX_IMPACT_TOP; i++)
        json_array_append_new(list, effect_json(d, &fx[i]));
    return list;
}

static json_t *impact(const ex_result *r)
{
    const bh_defs *d = r->defs;
    int meter = r->opts.meter ? defs_meter(d, r->opts.meter) : -1, n = 0;
    for (int i = 0; i < r->nruns; i++)
        n += r->runs[i].status == EX_ENDED && r->runs[i].policy != EX_IDLE;
    int min_group = n / 20 > 2 ? n / 20 : 2;
    ex_effect *fx = calloc(d->nactions + 1, sizeof *fx);
    if (!fx)
        return NULL;
    char what[300];
    if (meter >= 0)
        snprintf(what, sizeof what, "the mean final '%s' (%s is better)", d->meters[meter].id,
                 d->meters[meter].good_low ? "lower" : "higher");
    else
        snprintf(what, sizeof what, "the mean outcome score (ending tone good 1, mixed or "
                 "none 0.5, bad 0)");
    json_t *o = json_pack("{s:s, s:s, s:s, s:i, s:i, s:o}",
        "measure", meter >= 0 ? "meter" : "ending_tone",
        "better", meter >= 0 && d->meters[meter].good_low ? "lower" : "higher",
        "outcome", what, "runs", n, "min_group", min_group,
        "actions", impact_actions(r, meter, min_group, fx));
    if (o && meter >= 0)
        json_object_set_new(o, "meter", json_string(d->meters[meter].id));
    free(fx);
    return o;
}

/* ---- failures and the graph ---- */

static json_t *failures(const ex_result *r)
{
    json_t *a = json_array();
    for (int g = 0; g < r->ngroups; g++) {
        const ex_group *x = &r->groups[g];
        json_t *seeds = json_array();
        for (int k = 0; k < x->nseeds; k++)
            json_array_append_new(seeds, seed_str(x->seeds[k]));
        const ex_run *first = &r->runs[x->first];
        json_array_append_new(a, json_pack("{s:o, s:o, s:s, s:i, s:o, s:s, s:o}",
            "error", text_value(x->error), "trace", text_value(str0(x->trace)),
            "kind", first->status == EX_CRASHED ? "crash" : "script", "runs", x->runs,
            "seeds", seeds, "policy", ex_policy_name(first->policy),
            "journal", x->path ? json_string(x->path) : json_null()));
    }
    return a;
}

static void node_key(const bh_defs *d, int node, char *out, size_t n)
{
    size_t ni = d->ninjects, nd = d->ndecisions;
    if ((size_t)node < ni)
        snprintf(out, n, "inject:%s", d->injects[node].id);
    else if ((size_t)node < ni + nd)
        snprintf(out, n, "decision:%s", d->decisions[node - ni].id);
    else
        snprintf(out, n, "ending:%s", d->endings[node - ni - nd].id);
}

static json_t *graph(const ex_result *r)
{
    const bh_defs *d = r->defs;
    json_t *nodes = json_array(), *edges = json_array();
    size_t total = d->ninjects + d->ndecisions + d->nendings;
    char key[128], to[128];
    for (size_t i = 0; i < total; i++) {
        node_key(d, (int)i, key, sizeof key);
        const char *kind = i < d->ninjects ? "inject"
                           : i < d->ninjects + d->ndecisions ? "decision" : "ending";
        size_t k = i - (i < d->ninjects ? 0 : i < d->ninjects + d->ndecisions ? d->ninjects
                                                   : d->ninjects + d->ndecisions);
        const char *id = kind[0] == 'i' ? d->injects[k].id : kind[0] == 'd'
                         ? d->decisions[k].id : d->endings[k].id;
        const char *title = kind[0] == 'i' ? d->injects[k].title : kind[0] == 'd'
                            ? d->decisions[k].prompt : d->endings[k].title;
        int runs = kind[0] == 'i' ? r->fired[k] : kind[0] == 'd' ? r->opened[k] : r->reached[k];
        json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:i}", "key", key, "kind", kind, "id", id,
                              "title", str0(title), "runs", runs);
        if (kind[0] == 'e')
            json_object_set_new(o, "tone", json_string(tone_word(d->endings[k].tone)));
        json_array_append_new(nodes, o);
    }
    for (size_t i = 0; i < r->nedges; i++) {
        node_key(d, r->edges[i].a, key, sizeof key);
        node_key(d, r->edges[i].b, to, sizeof to);
        json_array_append_new(edges, json_pack("{s:s, s:s, s:b, s:i}", "from", key, "to", to,
                                               "same_instant", r->edges[i].same, "runs",
                                               r->edges[i].runs));
    }
    return json_pack("{s:o, s:o}", "nodes", nodes, "edges", edges);
}

/* Conditions that cost clock checks: each such call read w.time, which is
 * what keeps the engine calling it every `check` interval while it waits. */
typedef struct clock_row {
    double per_run;
    size_t i; /* ex_ncond's order */
} clock_row;

static int clock_cmp(const void *x, const void *y)
{
    const clock_row *a = x, *b = y;
    if (a->per_run != b->per_run)
        return a->per_run < b->per_run ? 1 : -1;
    return (a->i > b->i) - (a->i < b->i);
}

static json_t *cond_json(const bh_defs *d, size_t i, const char *key, json_t *value)
{
    const char *kind, *id;
    const bh_loc *loc = ex_cond_where(d, i, &kind, &id);
    return json_pack("{s:s, s:s, s:s, s:i, s:o}", "kind", kind, "id", id, "file",
                     loc->file ? loc->file : "", "line", loc->line, key, value);
}

/* `when` conditions that cost clock checks: each such call read w.time,
 * which is what keeps the engine calling it every `check` interval while
 * it waits. */
static json_t *clock(const ex_result *r)
{
    const bh_defs *d = r->defs;
    size_t n = d->ninjects + d->ndecisions + d->nendings, k = 0;
    clock_row *rows = calloc(n + 1, sizeof *rows);
    json_t *a = json_array();
    if (!rows || !a) {
        free(rows);
        json_decref(a);
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        double per = (double)r->clock_calls[i] / r->nruns;
        if (per >= 1)
            rows[k++] = (clock_row){per, i};
    }
    qsort(rows, k, sizeof *rows, clock_cmp);
    for (size_t x = 0; x < k; x++)
        json_array_append_new(a, cond_json(d, rows[x].i, "per_run",
                                           json_real(round(rows[x].per_run * 10) / 10)));
    free(rows);
    return a;
}

/* Conditions that depend on something other than `w` (verification). */
static json_t *stale(const ex_result *r)
{
    json_t *a = json_array();
    for (size_t i = 0, n = ex_ncond(r->defs); a && i < n; i++)
        if (r->stale[i])
            json_array_append_new(a, cond_json(r->defs, i, "times",
                                               json_integer((json_int_t)r->stale[i])));
    return a;
}

static json_t *policies(const ex_result *r)
{
    json_t *a = json_array();
    for (int p = 0; p < EX_NKINDS; p++) {
        if (!(r->opts.policies & (1u << p)))
            continue;
        int n = 0;
        for (int i = 0; i < r->nruns; i++)
            n += r->runs[i].policy == (ex_policy)p;
        json_array_append_new(a, json_pack("{s:s, s:i}", "name", ex_policy_name((ex_policy)p),
                                           "runs", n));
    }
    return a;
}

json_t *ex_build(const ex_result *r, int timing)
{
    const bh_defs *d = r->defs;
    double *v = calloc((size_t)r->nruns + 1, sizeof *v);
    if (!v)
        return NULL;
    json_t *m = json_pack("{s:i, s:{s:s, s:s, s:s, s:I}, s:i, s:o, s:o}",
        "bulkhead_explore", 1,
        "scenario", "file", r->scenario, "id", str0(d->scenario.id),
        "title", str0(d->scenario.title), "length_s",
        (json_int_t)d->scenario.length,
        "runs", r->nruns, "seed", seed_str(r->opts.seed),
        "last_seed", seed_str(ex_run_seed(&r->opts, r->nruns - 1)));
    int cut = r->opts.cut ? defs_cut(d, r->opts.cut) : -1;
    if (m && cut >= 0) /* only then: the model of whole sessions stays as it was */
        json_object_set_new(json_object_get(m, "scenario"), "cut",
                            json_pack("{s:s, s:I}", "id", d->cuts[cut].id, "length_s",
                                      (json_int_t)d->cuts[cut].length));
    if (m) {
        json_object_set_new(m, "policies", policies(r));
        json_object_set_new(m, "endings", endings(r));
        json_object_set_new(m, "failed", json_pack("{s:i, s:f, s:o}", "runs", r->failed,
                                                   "share", (double)r->failed / r->nruns,
                                                   "by_policy", by_policy(r, -1, 1)));
        json_object_set_new(m, "meters", meters(r, v));
        json_object_set_new(m, "never", never(r));
        json_object_set_new(m, "length", length(r, v));
        json_object_set_new(m, "impact", impact(r));
        json_object_set_new(m, "failures", failures(r));
        json_object_set_new(m, "graph", graph(r));
        json_object_set_new(m, "clock", clock(r));
        if (r->opts.verify)
            json_object_set_new(m, "stale", stale(r));
        if (r->targets) {
            json_object_del(m, "last_seed"); /* a search's seeds are drawn, not counted */
            json_object_set_new(m, "search", ex_build_search(r, timing));
            if (!json_object_get(m, "search")) {
                json_decref(m);
                m = NULL;
            }
        }
    }
    if (m && timing)
        json_object_set_new(m, "timing", json_pack("{s:f, s:f, s:i, s:s}", "seconds", r->seconds,
                            "per_second", r->seconds > 0 ? r->nruns / r->seconds : 0.0,
                            "workers", r->workers,
                            "isolation", ex_isolation_name(r->opts.isolation)));
    free(v);
    /* a part that could not be built (no memory) would be missing: refuse */
    static const char *const parts[] = {"policies", "endings", "failed", "meters", "never",
                                        "length", "impact", "failures", "graph", "clock"};
    for (size_t i = 0; m && i < sizeof parts / sizeof *parts; i++)
        if (!json_object_get(m, parts[i])) {
            json_decref(m);
            m = NULL;
        }
    return m;
}
