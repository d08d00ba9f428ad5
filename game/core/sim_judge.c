/* sim_judge: what is judged once, when the session ends: the exercise
 * objectives, and the findings of the ending reached.
 *
 * Each objective's `met` and each finding's `when` runs like a `when`
 * condition (read-only: in_cond refuses writes and w.random; charged to
 * the session's budget), but its failure belongs to that item alone: the
 * session has already ended and must not be turned into a failed one by a
 * debrief question. The results are kept beside the session, not in its
 * log, so transcripts and reports read them while the simulation never
 * does. One loop serves both lists, so an ending's conditional text and
 * the objectives are judged by the same rule against the same final world. */
#include "core/sim_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"

static char *error_text(const bh_err *e)
{
    char buf[1600];
    return mem_strdup(err_format(e, buf, (int)sizeof buf));
}

/* Judge n conditions: item i's hook is at hooks + i * stride (0 = none),
 * its name (for an error) at names + i * stride, or its number when names
 * is NULL. Results go to res[i] (a bh_obj_result), errors to err_out[i]. */
static int judge_list(bh_sim *s, size_t n, const void *hooks, const void *names, size_t stride,
                      const char *fmt, const char *b, unsigned char *res, char **err_out)
{
    for (size_t i = 0; i < n; i++) {
        bh_hook h = *(const bh_hook *)((const char *)hooks + i * stride);
        if (!h)
            continue;
        char num[24];
        snprintf(num, sizeof num, "%zu", i + 1);
        const char *name = names ? *(char *const *)((const char *)names + i * stride) : num;
        bh_what what = {.fmt = fmt, .a = name, .b = b};
        bh_hook_result out = {0};
        bh_err e;
        err_clear(&e);
        s->in_cond = 1;
        bh_status st = s->hooks.call(s->hooks.ud, s, h, HOOK_COND, &what, &out, &e);
        s->in_cond = 0;
        if (st == BH_OK) {
            res[i] = out.truth ? OBJ_MET : OBJ_NOT_MET;
        } else {
            if (!e.file[0] && s->hooks.where)
                s->hooks.where(s->hooks.ud, h, e.file, sizeof e.file, &e.line);
            if (!(err_out[i] = error_text(&e)))
                return -1;
        }
    }
    return 0;
}

/* Room for n results and n errors, or -1. */
static int alloc_results(size_t n, unsigned char **res, char ***errs)
{
    *res = mem_calloc(n ? n : 1, 1);
    *errs = mem_calloc(n ? n : 1, sizeof **errs);
    return *res && *errs ? 0 : -1;
}

int sim_judge(bh_sim *s)
{
    const bh_defs *d = s->d;
    if (s->judged)
        return 0;
    s->judged = 1;
    if (d->nobjectives) {
        if (alloc_results(d->nobjectives, &s->obj, &s->obj_err) != 0)
            return -1;
        if (judge_list(s, d->nobjectives, &d->objectives[0].met, &d->objectives[0].id,
                       sizeof d->objectives[0], "'met' of objective '%s'", NULL, s->obj,
                       s->obj_err) != 0)
            return -1;
    }
    const bh_ending_def *en = defs_ending_at(d, s->ending);
    if (en && en->nfindings) {
        if (alloc_results(en->nfindings, &s->fnd, &s->fnd_err) != 0)
            return -1;
        s->nfnd = en->nfindings;
        if (judge_list(s, en->nfindings, &en->findings[0].when, NULL, sizeof en->findings[0],
                       "'when' of finding %s of ending '%s'", en->id, s->fnd, s->fnd_err) != 0)
            return -1;
    }
    s->version++;
    return 0;
}

void sim_judge_free(bh_sim *s)
{
    if (s->obj_err)
        for (size_t i = 0; i < s->d->nobjectives; i++)
            free(s->obj_err[i]);
    if (s->fnd_err)
        for (size_t i = 0; i < s->nfnd; i++)
            free(s->fnd_err[i]);
    free(s->obj_err);
    free(s->obj);
    free(s->fnd_err);
    free(s->fnd);
}

bh_obj_result sim_objective(const bh_sim *s, int i, const char **error)
{
    if (error)
        *error = NULL;
    if (!s->obj || i < 0 || (size_t)i >= s->d->nobjectives)
        return OBJ_NOT_JUDGED;
    if (error)
        *error = s->obj_err[i];
    return (bh_obj_result)s->obj[i];
}

bh_obj_result sim_finding(const bh_sim *s, int i, const char **error)
{
    if (error)
        *error = NULL;
    if (!s->fnd || i < 0 || (size_t)i >= s->nfnd)
        return OBJ_NOT_JUDGED;
    if (error)
        *error = s->fnd_err[i];
    return (bh_obj_result)s->fnd[i];
}

char *sim_ending_text(const bh_sim *s)
{
    const bh_ending_def *en = defs_ending_at(s->d, s->ending);
    if (!s->ended || !en)
        return NULL;
    size_t n = strlen(en->text ? en->text : "") + 40;
    for (size_t i = 0; i < s->nfnd; i++)
        n += strlen(en->findings[i].text ? en->findings[i].text : "") + 8;
    char *out = mem_malloc(n);
    if (!out)
        return NULL;
    size_t at = (size_t)snprintf(out, n, "%s", en->text ? en->text : "");
    int head = 0;
    for (size_t i = 0; i < s->nfnd; i++) {
        if (s->fnd[i] != OBJ_MET || !en->findings[i].text)
            continue;
        if (!head++)
            at += (size_t)snprintf(out + at, n - at, "%sIn this session:", at ? "\n\n" : "");
        at += (size_t)snprintf(out + at, n - at, "\n\u2022 %s", en->findings[i].text);
    }
    return out;
}

const char *sim_obj_result_name(bh_obj_result r)
{
    return r == OBJ_MET ? "met" : r == OBJ_NOT_MET ? "not met" : "not judged";
}
