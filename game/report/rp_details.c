/* rp_details: the exercise's details in the report model (issue 18), read
 * back from the session (sim_detail): the top-level
 *
 *     "details": { "date"?, "venue"?, "organisation"?, "facilitator"?,
 *                  "participants"?: [ { "role", "names" } ] }
 *
 * each field present only when set, the participants in the scenario's
 * team order with "Observer" last, a role by its team's label (never its
 * id: the report is for people). The whole object is present only when a
 * `details` line left some field set, so every other report is as it was.
 * The executive report's cover renders it; this file only builds it. */
#include "report/rp_report.h"

json_t *rp_details(const bh_sim *s)
{
    if (!sim_has_details(s))
        return NULL;
    const bh_defs *d = sim_defs(s);
    json_t *o = json_object(), *people = json_array();
    if (!o || !people) {
        json_decref(o);
        json_decref(people);
        return NULL;
    }
    for (int k = 0; k < DETAIL_PARTICIPANTS; k++) {
        const char *v = sim_detail(s, (bh_detail)k, -1);
        if (v)
            json_object_set_new(o, sim_detail_key((bh_detail)k), json_string(v));
    }
    for (int r = 0; r <= (int)d->nteams; r++) {
        int role = r < (int)d->nteams ? r : -1;
        const char *v = sim_detail(s, DETAIL_PARTICIPANTS, role);
        if (!v)
            continue;
        json_t *p = json_object();
        json_object_set_new(p, "role", json_string(role < 0 ? "Observer" : d->teams[role].label));
        json_object_set_new(p, "names", json_string(v));
        json_array_append_new(people, p);
    }
    if (json_array_size(people))
        json_object_set_new(o, "participants", people);
    else
        json_decref(people);
    return o;
}
