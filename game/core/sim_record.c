/* sim_record: what a session remembers as it goes, at the bottom of the
 * simulation so that every other part can write to it: each meter's
 * history (one point per instant), the log the debrief and the reports
 * are made from, the first failure (which stops the session), and the
 * ending; and it lets go of what the facilitator's interventions left
 * (sim_facil.c), as sim_destroy asks. */
#include "core/sim_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "core/vec.h"

int sim_hist_push(bh_sim *s, int i, bh_time t, double v)
{
    size_t n = s->nhist[i];
    if (n && s->hist[i][n - 1].time == t) {
        s->hist[i][n - 1].value = v; /* one point per instant: the settled value */
        return 0;
    }
    if (VEC_PUSH(s->hist[i], s->nhist[i], s->cap_hist[i]) != 0)
        return -1;
    s->hist[i][s->nhist[i]++] = (bh_point){t, v};
    return 0;
}

bh_status sim_fail(bh_sim *s, const bh_err *e, bh_err *err)
{
    if (!s->failed) {
        s->failed = 1;
        s->error = *e;
        if (s->error.status == BH_OK)
            s->error.status = BH_ESCRIPT;
    }
    s->version++;
    if (err)
        *err = s->error;
    return s->error.status;
}

bh_status sim_oom(bh_sim *s, bh_err *err)
{
    bh_err e;
    err_set(&e, BH_ENOMEM, "", 0, "out of memory");
    return sim_fail(s, &e, err);
}

int sim_log_push(bh_sim *s, bh_log_kind kind, int a, int b, double from, double to,
                 const char *text)
{
    if (VEC_PUSH(s->log, s->nlog, s->cap_log) != 0)
        return -1;
    char *copy = NULL;
    if (text && !(copy = mem_strdup(text)))
        return -1;
    s->log[s->nlog++] = (bh_log_entry){s->now, kind, a, b, from, to, copy, NULL};
    s->version++;
    return 0;
}

bh_status sim_end(bh_sim *s, int ending, int time_up, bh_err *err)
{
    if (s->ended)
        return BH_OK;
    s->ended = 1;
    s->ending = ending;
    if (sim_log_push(s, LOG_ENDING, ending, time_up, 0, 0, NULL) != 0 || sim_judge(s) != 0)
        return sim_oom(s, err);
    return BH_OK;
}

void sim_facil_free(bh_sim *s)
{
    for (size_t i = 0; i < s->nfac_msg; i++) {
        free(s->fac_msg[i].id);
        free(s->fac_msg[i].title);
        free(s->fac_msg[i].body);
    }
    free(s->fac_msg);
    free(s->fac_took);
    free(s->fac_reason);
}
