/* sim_judge: the exercise objectives, judged once when the session ends.
 *
 * Each objective's `met` runs like a `when` condition (read-only: in_cond
 * refuses writes and w.random; charged to the session's budget), but its
 * failure belongs to that objective alone: the session has already ended
 * and must not be turned into a failed one by a debrief question. The
 * results are kept beside the session, not in its log, so transcripts and
 * reports read them while the simulation never does.
 *
 * The same call, a read-only condition judged at the end with its error
 * kept per item, is what an ending's conditional text would use: a
 * `text_if` list judged here too (see notes/objective.md). */
#include "core/sim_internal.h"

#include <stdlib.h>

#include "core/mem.h"

static char *error_text(const bh_err *e)
{
    char buf[1600];
    return mem_strdup(err_format(e, buf, (int)sizeof buf));
}

int sim_judge(bh_sim *s)
{
    const bh_defs *d = s->d;
    if (!d->nobjectives || s->obj)
        return 0;
    s->obj = mem_calloc(d->nobjectives, 1);
    s->obj_err = mem_calloc(d->nobjectives, sizeof *s->obj_err);
    if (!s->obj || !s->obj_err) {
        free(s->obj);
        free(s->obj_err);
        s->obj = NULL;
        s->obj_err = NULL;
        return -1;
    }
    for (size_t i = 0; i < d->nobjectives; i++) {
        const bh_objective_def *o = &d->objectives[i];
        if (!o->met)
            continue;
        bh_what what = {.fmt = "'met' of objective '%s'", .a = o->id};
        bh_hook_result out = {0};
        bh_err e;
        err_clear(&e);
        s->in_cond = 1;
        bh_status st = s->hooks.call(s->hooks.ud, s, o->met, HOOK_COND, &what, &out, &e);
        s->in_cond = 0;
        if (st == BH_OK) {
            s->obj[i] = out.truth ? OBJ_MET : OBJ_NOT_MET;
        } else {
            if (!e.file[0] && s->hooks.where)
                s->hooks.where(s->hooks.ud, o->met, e.file, sizeof e.file, &e.line);
            if (!(s->obj_err[i] = error_text(&e)))
                return -1;
        }
    }
    s->version++;
    return 0;
}

void sim_judge_free(bh_sim *s)
{
    if (s->obj_err)
        for (size_t i = 0; i < s->d->nobjectives; i++)
            free(s->obj_err[i]);
    free(s->obj_err);
    free(s->obj);
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

const char *sim_obj_result_name(bh_obj_result r)
{
    return r == OBJ_MET ? "met" : r == OBJ_NOT_MET ? "not met" : "not judged";
}
