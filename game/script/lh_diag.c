/* lh_diag.c: the findings a load collects (lh_diags in lh_host.h).
 *
 * Every problem found while loading, by the declarations, the checks after
 * them or the lint, is added here with its file:line, so `bulkhead check`
 * shows them all at once. The bottom of the load's side: it calls nothing
 * else in the script layer. */
#include "script/lh_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "core/text.h"
#include "core/vec.h"

void lh_diags_free(lh_diags *d)
{
    for (size_t i = 0; i < d->n; i++) {
        free(d->v[i].file);
        free(d->v[i].msg);
        free(d->v[i].trace);
    }
    free(d->v);
    memset(d, 0, sizeof *d);
}

const char *lh_diags_lost_msg(const lh_diags *d)
{
    return d->lost ? "out of memory: a problem found while loading could not be recorded"
                   : NULL;
}

void lh_diag_add(lh_host *h, lh_severity sev, const char *file, int line, const char *trace,
                 const char *fmt, ...)
{
    lh_diags *d = h->diags;
    char raw[1200], msg[1200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(raw, sizeof raw, fmt, ap);
    va_end(ap);
    /* Messages quote scenario text, which may be anything: keep output clean. */
    text_sanitize(raw, strlen(raw), msg, sizeof msg);
    if (sev == LH_ERROR)
        d->errors++;
    else
        d->warnings++;
    if (d->n >= 1000)
        return; /* a thousand findings are enough to act on */
    if (VEC_PUSH(d->v, d->n, d->cap) != 0) {
        d->lost++; /* counted above, so the load still fails */
        return;
    }
    lh_diag *g = &d->v[d->n];
    g->sev = sev;
    g->file = mem_strdup(file ? file : h->path);
    g->line = line;
    g->col = 0;
    g->msg = mem_strdup(msg);
    g->trace = trace && trace[0] ? mem_strdup(trace) : NULL;
    if (!g->file || !g->msg || (trace && trace[0] && !g->trace)) {
        free(g->file);
        free(g->msg);
        free(g->trace);
        d->lost++;
        return;
    }
    d->n++;
}
