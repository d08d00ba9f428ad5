#include "core/sched.h"

#include <stdlib.h>
#include <string.h>

#include "core/vec.h"

void sched_init(bh_sched *s)
{
    memset(s, 0, sizeof *s);
}

void sched_free(bh_sched *s)
{
    free(s->heap);
    memset(s, 0, sizeof *s);
}

static int before(const bh_event *a, const bh_event *b)
{
    if (a->time != b->time)
        return a->time < b->time;
    if (a->prio != b->prio)
        return a->prio < b->prio;
    return a->seq < b->seq;
}

int sched_push(bh_sched *s, bh_time t, int prio, bh_ev_kind kind, int idx, unsigned gen,
               bh_hook hook)
{
    if (VEC_PUSH(s->heap, s->n, s->cap) != 0)
        return -1;
    bh_event ev = {t, prio, s->next_seq++, kind, idx, gen, hook};
    size_t i = s->n++;
    while (i > 0) {
        size_t parent = (i - 1) / 2;
        if (!before(&ev, &s->heap[parent]))
            break;
        s->heap[i] = s->heap[parent];
        i = parent;
    }
    s->heap[i] = ev;
    return 0;
}

const bh_event *sched_peek(const bh_sched *s)
{
    return s->n ? &s->heap[0] : NULL;
}

int sched_pop(bh_sched *s, bh_event *out)
{
    if (s->n == 0)
        return -1;
    *out = s->heap[0];
    bh_event last = s->heap[--s->n];
    size_t i = 0;
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i;
        const bh_event *best = &last;
        if (l < s->n && before(&s->heap[l], best)) {
            m = l;
            best = &s->heap[l];
        }
        if (r < s->n && before(&s->heap[r], best))
            m = r;
        if (m == i)
            break;
        s->heap[i] = s->heap[m];
        i = m;
    }
    if (s->n)
        s->heap[i] = last;
    return 0;
}
