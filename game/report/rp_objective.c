/* rp_objective: the exercise objectives in the report, and the findings of
 * the ending reached (the ending's "findings": [{text, error?}], those whose
 * `when` held, present only when the ending declares findings). The model's
 * top-level "objectives" is [{id, text, met: true | false | null, error?}]
 * (null: not judged, because the session did not end or `met` failed; the
 * error then says why, with the scenario's file:line), present only when
 * the scenario declares objectives so that reports of scenarios without
 * them stay as they were. The section is written once for Markdown and
 * HTML through their rp_markup, like the room's (rp_room_write.c). */
#include <stdio.h>

#include "report/rp_report.h"

json_t *rp_objectives(const bh_sim *s)
{
    const bh_defs *d = sim_defs(s);
    if (!d->nobjectives)
        return NULL;
    json_t *a = json_array();
    for (size_t i = 0; a && i < d->nobjectives; i++) {
        const char *why;
        bh_obj_result r = sim_objective(s, (int)i, &why);
        json_t *o = json_object();
        json_object_set_new(o, "id", json_string(d->objectives[i].id));
        json_object_set_new(o, "text", json_string(d->objectives[i].text));
        json_object_set_new(o, "met", r == OBJ_NOT_JUDGED ? json_null() : json_boolean(r == OBJ_MET));
        if (why)
            json_object_set_new(o, "error", json_string(why));
        json_array_append_new(a, o);
    }
    return a;
}

json_t *rp_findings(const bh_sim *s)
{
    const bh_ending_def *en = defs_ending_at(sim_defs(s), sim_ending(s));
    if (!sim_ended(s) || !en || !en->nfindings)
        return NULL;
    json_t *a = json_array();
    for (size_t i = 0; a && i < en->nfindings; i++) {
        const char *why;
        if (sim_finding(s, (int)i, &why) != OBJ_MET && !why)
            continue;
        json_t *o = json_object();
        json_object_set_new(o, "text", json_string(en->findings[i].text));
        if (why)
            json_object_set_new(o, "error", json_string(why));
        json_array_append_new(a, o);
    }
    return a;
}

int rp_objectives_section(FILE *f, const json_t *r, const rp_markup *m)
{
    const json_t *list = json_object_get(r, "objectives");
    if (!json_is_array(list))
        return 0;
    size_t i, met = 0, judged = 0;
    const json_t *o;
    json_array_foreach(list, i, o)
    {
        const json_t *v = json_object_get(o, "met");
        judged += !json_is_null(v);
        met += json_is_true(v);
    }
    char line[160];
    if (judged)
        snprintf(line, sizeof line, "The room met %zu of the exercise's %zu objectives%s.", met,
                 json_array_size(list), judged < json_array_size(list) ? " (some were not judged)"
                                                                      : "");
    else
        snprintf(line, sizeof line, "The session has not ended, so its objectives are not "
                                    "judged yet.");
    fprintf(f, "%sObjectives%s%s", m->h2, m->h2_end, m->p);
    m->text(f, line);
    fprintf(f, "%s%s%s", m->p_end, m->table, m->tr);
    fprintf(f, "%s", m->hd);
    m->text(f, "Objective");
    fprintf(f, "%s%s", m->hd_end, m->hd);
    m->text(f, "Result");
    fprintf(f, "%s%s", m->hd_end, m->tr_end);
    m->head_end(f, 2);
    json_array_foreach(list, i, o)
    {
        const json_t *v = json_object_get(o, "met");
        fprintf(f, "%s%s", m->tr, m->td);
        m->text(f, rp_str(o, "text"));
        fprintf(f, "%s%s%s", m->td_end, m->td, m->strong);
        m->text(f, json_is_true(v) ? "Met" : json_is_false(v) ? "Not met" : "Not judged");
        fputs(m->strong_end, f);
        if (rp_str(o, "error")[0]) {
            fputs(" ", f);
            m->text(f, "(its check failed: ");
            m->text(f, rp_str(o, "error"));
            m->text(f, ")");
        }
        fprintf(f, "%s%s", m->td_end, m->tr_end);
    }
    fputs(m->table_end, f);
    return 1;
}

const char *rp_stakes_heading(int has_objectives, const json_t *r)
{
    /* no heading over nothing: a scenario with neither has no such section */
    int stakes = rp_str(json_object_get(r, "scenario"), "stakes")[0] != 0;
    if (!has_objectives)
        return stakes ? "Objectives" : NULL;
    return stakes ? "What is at stake" : NULL;
}
