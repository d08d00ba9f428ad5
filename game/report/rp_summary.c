/* rp_summary: the executive summary's choices. From every strength and
 * area for improvement the builder found (each tagged with a kind and a
 * weight), it picks three of each by one rule, and ranks the decisions that
 * mattered (rp_mattered.c).
 *
 * The rule: kinds are taken in a fixed order of importance, one item from
 * each kind in turn (the heaviest first within a kind), round and round
 * until three are picked; so three items say three different things when
 * the session gives that many. Improvements: a broken standing commitment,
 * a decision the clock took (or nobody answered), a choice against the
 * responders' advice, advised work started then cancelled, a meter that
 * ended worse (the biggest fall first), a function nobody served, advised
 * work never done. Strengths: a choice that followed the advice (the one
 * whose alternatives would have been worst first, when replays tell), a
 * meter that ended better (the biggest gain first), a standing commitment
 * kept to the end, advised work done (the earliest first). Only what
 * happened is a strength: see action_lessons in rp_build.c. A lesson's
 * "short" text, when it has one, stands in the summary for its "text". */
#include <string.h>

#include "report/rp_report.h"

static const char *improve_order[] = {"broken_commitment", "default", "against_advice",
                                      "cancelled", "meter", "gap", "never_done", NULL};
static const char *strength_order[] = {"advice", "meter", "kept_commitment", "done", NULL};

/* The heaviest not yet picked item of `kind`, or NULL. */
static json_t *heaviest(const json_t *items, const char *kind, const json_t *picked)
{
    json_t *best = NULL, *x;
    size_t i, k;
    json_array_foreach(items, i, x)
    {
        if (strcmp(rp_str(x, "kind"), kind) != 0)
            continue;
        int taken = 0;
        const json_t *p;
        json_array_foreach(picked, k, p) taken |= p == x;
        if (!taken && (!best || rp_num(x, "weight") > rp_num(best, "weight")))
            best = x;
    }
    return best;
}

static json_t *pick(const json_t *items, const char **order)
{
    json_t *picked = json_array(), *out = json_array();
    for (int more = 1; more && json_array_size(picked) < 3;) {
        more = 0;
        for (int k = 0; order[k] && json_array_size(picked) < 3; k++) {
            json_t *x = heaviest(items, order[k], picked);
            if (x) {
                json_array_append(picked, x);
                more = 1;
            }
        }
    }
    size_t i;
    json_t *x;
    json_array_foreach(picked, i, x)
    {
        json_t *o = json_object();
        json_object_set(o, "kind", json_object_get(x, "kind"));
        json_object_set(o, "text", json_object_get(x, json_object_get(x, "short") ? "short" : "text"));
        json_array_append_new(out, o);
    }
    json_decref(picked);
    return out;
}

/* A followed advice weighs what its decision's best alternative would
 * have cost: the replay's score when the alternative was worse. */
static void weigh_advice(json_t *strengths, const json_t *mattered)
{
    size_t i, k;
    json_t *x;
    const json_t *m;
    json_array_foreach(strengths, i, x)
    {
        if (strcmp(rp_str(x, "kind"), "advice") != 0)
            continue;
        json_array_foreach(mattered, k, m) if (strcmp(rp_str(m, "decision"), rp_str(x, "decision")) == 0)
            json_object_set_new(x, "weight", json_real(rp_num(m, "score")));
    }
}

json_t *rp_summary(const bh_sim *s, const rp_meta *m, const json_t *decisions,
                   json_t *strengths, json_t *improve)
{
    int replays = 0;
    json_t *mattered = rp_mattered(s, m, decisions, &replays), *o = json_object();
    if (mattered)
        weigh_advice(strengths, mattered);
    json_object_set_new(o, "strengths", pick(strengths, strength_order));
    json_object_set_new(o, "improvements", pick(improve, improve_order));
    if (mattered) {
        while (json_array_size(mattered) > 3)
            json_array_remove(mattered, 3);
        json_object_set_new(o, "mattered", mattered);
        json_t *w = json_object();
        json_object_set_new(w, "replays", json_integer(replays));
        json_object_set_new(w, "limit", json_integer(RP_WHATIF_LIMIT));
        json_object_set_new(o, "whatif", w);
    }
    return o;
}

json_t *rp_texts_of(const json_t *lessons)
{
    json_t *a = json_array(), *x;
    size_t i;
    json_array_foreach(lessons, i, x) json_array_append(a, json_object_get(x, "text"));
    return a;
}
