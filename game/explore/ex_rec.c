/* ex_rec.c: the byte buffer, and a run's record as it crosses a pipe.
 *
 * Writer and reader are the same binary on the same machine, so the record
 * is plain memory: a fixed header, then the arrays, then the strings (each
 * NUL-terminated, so the reader can point into the bytes), padded so the
 * next record starts aligned. The header repeats the scenario's counts, so
 * a record that does not belong to these defs is refused, not misread. */
#include "explore/ex_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EX_REC_MAGIC 0x42484558u /* "BHEX" */

int ex_buf_add(ex_buf *b, const void *data, size_t n)
{
    if (b->oom)
        return -1;
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->n + n + 1)
            cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p) {
            b->oom = 1;
            return -1;
        }
        b->p = p;
        b->cap = cap;
    }
    if (n)
        memcpy(b->p + b->n, data, n);
    b->n += n;
    b->p[b->n] = '\0'; /* text stays a C string */
    return 0;
}

int ex_buf_printf(ex_buf *b, const char *fmt, ...)
{
    char small[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return -1;
    if ((size_t)n < sizeof small)
        return ex_buf_add(b, small, (size_t)n);
    char *big = malloc((size_t)n + 1);
    if (!big) {
        b->oom = 1;
        return -1;
    }
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    int rc = ex_buf_add(b, big, (size_t)n);
    free(big);
    return rc;
}

void ex_buf_free(ex_buf *b)
{
    free(b->p);
    memset(b, 0, sizeof *b);
}

typedef struct rec_head {
    uint32_t magic, size;
    int32_t run, policy, status, ending, by_length, inputs;
    int64_t end_time;
    uint64_t seed;
    int32_t err_line, err_flen, cut, pad_;
    uint32_t nmeters, ninjects, ndecisions, nactions, noptions;
    uint32_t nedges, error_len, trace_len, journal_len, nendings;
} rec_head;

_Static_assert(sizeof(rec_head) % EX_REC_ALIGN == 0, "records must stay aligned");
_Static_assert(sizeof(ex_edge) % 4 == 0, "edges follow the meters");

/* Conditions are counted injects, decisions, endings, actions in turn. */
static size_t nconds(const rec_head *h)
{
    return (size_t)h->ninjects + h->ndecisions + h->nendings + h->nactions;
}

static size_t body_size(const rec_head *h)
{
    return sizeof *h + 3 * (size_t)h->nmeters * sizeof(double) + h->nedges * sizeof(ex_edge) +
           2 * nconds(h) * sizeof(uint32_t) +
           h->ninjects + h->ndecisions + 2 * (size_t)h->nactions + h->noptions + h->error_len + 1 +
           h->trace_len + 1 + h->journal_len + 1;
}

int ex_edge_cmp(const void *x, const void *y)
{
    const ex_edge *a = x, *b = y;
    if (a->a != b->a)
        return a->a < b->a ? -1 : 1;
    if (a->b != b->b)
        return a->b < b->b ? -1 : 1;
    return (a->same > b->same) - (a->same < b->same);
}

size_t ex_ncond(const bh_defs *d)
{
    return d->ninjects + d->ndecisions + d->nendings + d->nactions;
}

bh_cond_kind ex_cond_kind(const bh_defs *d, size_t i, int *index)
{
    bh_cond_kind k = COND_INJECT;
    size_t bounds[] = {d->ninjects, d->ndecisions, d->nendings, d->nactions};
    for (int c = 0; c < 4 && i >= bounds[c]; c++) {
        i -= bounds[c];
        k = (bh_cond_kind)(c + 1);
    }
    *index = (int)i;
    return k;
}

const bh_loc *ex_cond_where(const bh_defs *d, size_t i, const char **kind, const char **id)
{
    static const char *const kinds[] = {"inject", "decision", "ending", "action"};
    int j;
    bh_cond_kind k = ex_cond_kind(d, i, &j);
    *kind = kinds[k];
    switch (k) {
    case COND_INJECT: *id = d->injects[j].id; return &d->injects[j].loc;
    case COND_DECISION: *id = d->decisions[j].id; return &d->decisions[j].loc;
    case COND_ENDING: *id = d->endings[j].id; return &d->endings[j].loc;
    default: *id = d->actions[j].id; return &d->actions[j].loc;
    }
}

size_t ex_noptions(const bh_defs *d)
{
    size_t n = 0;
    for (size_t i = 0; i < d->ndecisions; i++)
        n += d->decisions[i].noptions;
    return n;
}

int ex_rec_encode(const ex_rec *r, const bh_defs *d, ex_buf *out)
{
    rec_head h = {EX_REC_MAGIC, 0, r->run, r->policy, r->status, r->ending, r->by_length,
                  r->inputs, r->end_time, r->seed, r->err_line, r->err_flen, r->cut, 0, (uint32_t)d->nmeters, (uint32_t)d->ninjects,
                  (uint32_t)d->ndecisions, (uint32_t)d->nactions, (uint32_t)ex_noptions(d),
                  (uint32_t)r->nedges, (uint32_t)strlen(r->error), (uint32_t)strlen(r->trace),
                  (uint32_t)strlen(r->journal), (uint32_t)d->nendings};
    size_t body = body_size(&h);
    size_t pad = (EX_REC_ALIGN - body % EX_REC_ALIGN) % EX_REC_ALIGN;
    h.size = (uint32_t)(body + pad);
    static const char zeros[EX_REC_ALIGN];
    ex_buf_add(out, &h, sizeof h);
    ex_buf_add(out, r->meters, d->nmeters * sizeof(double));
    ex_buf_add(out, r->lo, d->nmeters * sizeof(double));
    ex_buf_add(out, r->hi, d->nmeters * sizeof(double));
    ex_buf_add(out, r->edges, r->nedges * sizeof(ex_edge));
    ex_buf_add(out, r->clock_calls, nconds(&h) * sizeof(uint32_t));
    ex_buf_add(out, r->stale, nconds(&h) * sizeof(uint32_t));
    ex_buf_add(out, r->fired, d->ninjects);
    ex_buf_add(out, r->opened, d->ndecisions);
    ex_buf_add(out, r->avail, d->nactions);
    ex_buf_add(out, r->started, d->nactions);
    ex_buf_add(out, r->chosen, h.noptions);
    ex_buf_add(out, r->error, h.error_len + 1);
    ex_buf_add(out, r->trace, h.trace_len + 1);
    ex_buf_add(out, r->journal, h.journal_len + 1);
    return ex_buf_add(out, zeros, pad);
}

size_t ex_rec_size(const char *p, size_t n)
{
    rec_head h;
    if (n < sizeof h)
        return 0;
    memcpy(&h, p, sizeof h);
    return h.size;
}

int ex_rec_decode(const char *p, size_t n, const bh_defs *d, ex_rec *out)
{
    rec_head h;
    if (n < sizeof h || ((uintptr_t)p % EX_REC_ALIGN) != 0)
        return -1;
    memcpy(&h, p, sizeof h);
    if (h.magic != EX_REC_MAGIC || h.size > n || h.size < sizeof h || h.size % EX_REC_ALIGN ||
        h.nmeters != d->nmeters || h.ninjects != d->ninjects ||
        h.ndecisions != d->ndecisions || h.nactions != d->nactions || h.nendings != d->nendings ||
        h.noptions != ex_noptions(d) || body_size(&h) > h.size)
        return -1;
    const char *q = p + sizeof h;
    *out = (ex_rec){.run = h.run, .policy = h.policy, .status = h.status, .ending = h.ending,
                    .by_length = h.by_length, .inputs = h.inputs, .end_time = h.end_time,
                    .seed = h.seed, .err_line = h.err_line, .err_flen = h.err_flen,
                    .cut = h.cut};
    out->meters = (const double *)(const void *)q;
    q += h.nmeters * sizeof(double);
    out->lo = (const double *)(const void *)q;
    q += h.nmeters * sizeof(double);
    out->hi = (const double *)(const void *)q;
    q += h.nmeters * sizeof(double);
    out->edges = (const ex_edge *)(const void *)q;
    out->nedges = h.nedges;
    q += h.nedges * sizeof(ex_edge);
    out->clock_calls = (const uint32_t *)(const void *)q;
    q += nconds(&h) * sizeof(uint32_t);
    out->stale = (const uint32_t *)(const void *)q;
    q += nconds(&h) * sizeof(uint32_t);
    out->fired = (const unsigned char *)q;
    q += h.ninjects;
    out->opened = (const unsigned char *)q;
    q += h.ndecisions;
    out->avail = (const unsigned char *)q;
    q += h.nactions;
    out->started = (const unsigned char *)q;
    q += h.nactions;
    out->chosen = (const unsigned char *)q;
    q += h.noptions;
    out->error = q;
    q += h.error_len + 1;
    out->trace = q;
    q += h.trace_len + 1;
    out->journal = q;
    /* the strings must end where the header says */
    if (out->error[h.error_len] || out->trace[h.trace_len] || out->journal[h.journal_len] ||
        h.err_flen < 0 || (uint32_t)h.err_flen > h.error_len || h.cut < -1 ||
        h.cut >= (int32_t)d->ncuts)
        return -1;
    return 0;
}
