/* ex_mutate.c: the search's mutations of a run's inputs.
 *
 * A run is its players' inputs at their times (ex_step, sorted by time).
 * A mutation makes another run from it the way a player might have played
 * differently: another option of a decision it answered, an input earlier
 * or later (by a minute, an hour or a day, all as likely: log-uniform), a
 * running action called off a while after, an input or a run of them
 * dropped, a start or an answer added sometime, the first part of it
 * spliced to the rest of another kept run, or the same start played on by
 * a policy. All draws come from the search's generator (ex_search.c). */
#include "explore/ex_internal.h"

#include <stdlib.h>
#include <string.h>

static bh_time rand_time(const ex_mutator *m, bh_time lo, bh_time hi)
{
    if (hi <= lo)
        return lo;
    return (bh_time)rng_range(m->rng, lo, hi);
}

static int step_cmp(const void *x, const void *y)
{
    const ex_step *a = x, *b = y;
    return (a->time > b->time) - (a->time < b->time);
}

int ex_mutate(const ex_mutator *m, ex_step *v, int n, int max, int *tail)
{
    const bh_defs *d = m->d;
    int op = (int)rng_range(m->rng, 0, 8);
    int k = n ? (int)rng_range(m->rng, 0, n - 1) : 0;
    switch (op) {
    case 0: /* the same start, played on differently */
        n = n ? (int)rng_range(m->rng, 0, n) : 0;
        *tail = 1;
        return n;
    case 1: /* another option of a decision it answered */
        for (int t = 0; t < n; t++) {
            ex_step *x = &v[(k + t) % n];
            if (x->kind == IN_CHOOSE && d->decisions[x->a].noptions > 1) {
                int no = (int)d->decisions[x->a].noptions;
                x->b = (x->b + 1 + (int)rng_range(m->rng, 0, no - 2)) % no;
                return n;
            }
        }
        break;
    case 2: /* earlier or later */
        if (n) {
            bh_time t = v[k].time, by = ex_log_span(m->rng, m->span);
            v[k].time = rng_unit(m->rng) < 0.5 ? (t > by ? t - by : 0)
                                                : (t + by < m->span ? t + by : m->span);
            qsort(v, (size_t)n, sizeof *v, step_cmp);
            return n;
        }
        break;
    case 3: /* call off something it started, a while after */
        for (int t = 0; t < n && n < max; t++) {
            ex_step *x = &v[(k + t) % n];
            if (x->kind == IN_START) {
                v[n++] = (ex_step){x->time + ex_log_span(m->rng, m->span), IN_CANCEL, x->a, 0};
                qsort(v, (size_t)n, sizeof *v, step_cmp);
                return n;
            }
        }
        break;
    case 4: /* drop an input, or a run of them */
        if (n) {
            int len = rng_unit(m->rng) < 0.7 ? 1 : (int)rng_range(m->rng, 1, n - k);
            memmove(v + k, v + k + len, (size_t)(n - k - len) * sizeof *v);
            return n - len;
        }
        break;
    case 5: /* start something, sometime */
        if (d->nactions && n < max) {
            bh_time end = n ? v[n - 1].time + m->span / 8 : m->span / 4;
            v[n++] = (ex_step){rand_time(m, 0, end), IN_START,
                               (int)rng_range(m->rng, 0, (int64_t)d->nactions - 1), 0};
            qsort(v, (size_t)n, sizeof *v, step_cmp);
            return n;
        }
        break;
    case 6: /* answer a decision, sometime */
        if (d->ndecisions && n < max) {
            int dec = (int)rng_range(m->rng, 0, (int64_t)d->ndecisions - 1);
            bh_time end = n ? v[n - 1].time + m->span / 8 : m->span / 4;
            v[n++] = (ex_step){rand_time(m, 0, end), IN_CHOOSE, dec,
                               (int)rng_range(m->rng, 0,
                                              (int64_t)d->decisions[dec].noptions - 1)};
            qsort(v, (size_t)n, sizeof *v, step_cmp);
            return n;
        }
        break;
    case 7: /* up to a moment as here, from then on as another run: splice */
        {
            int no = 0;
            const ex_step *o = m->donor ? m->donor(m->ud, &no) : NULL;
            if (!o)
                break;
            bh_time t = o[rng_range(m->rng, 0, no - 1)].time;
            int keep = 0;
            while (keep < n && v[keep].time < t)
                keep++;
            n = keep;
            for (int j = 0; j < no && n < max; j++)
                if (o[j].time >= t)
                    v[n++] = o[j];
            return n;
        }
    default:
        break;
    }
    return n; /* op 8, or nothing to change: the session's own draws differ */
}

