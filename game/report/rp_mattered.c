/* rp_mattered: the decisions that mattered most, by what-if replays.
 *
 * For each decision the session took (by the room or by the clock), each
 * other option is played through rp_whatif: the journal up to the moment
 * of the choice (or, when the clock chose, the moment the decision opened),
 * the other option there, then the room's later inputs where the new story
 * still allows them, to the end. The branch's ending and final meters are
 * set beside the session's. A branch scores 100 when its ending differs,
 * plus, for each meter, how far its final value moved, as a percentage of
 * the meter's range; a decision's score is its highest-scoring option, and
 * the option it shows is that one, or, when the session did not take the
 * responders' advice, the advised option (what following it would have
 * done).
 * The result says "choosing X instead would have ended in Y" only when the
 * replay says so, and "made little difference" when no meter moved 5% of
 * its range and the ending is the same. Cost: at most RP_WHATIF_LIMIT
 * replays per report (each the length of one `bulkhead run`), only for an
 * ended session whose journal is at hand (rp_meta.plan); decisions beyond
 * the limit are listed as not replayed. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/text.h"
#include "report/rp_report.h"
#include "report/rp_whatif.h"

static json_t *str(const char *s) { return json_string(s ? s : ""); }

static const char *quoted(const char *s, char *buf, size_t n)
{
    snprintf(buf, n, s[0] == '"' || !strncmp(s, "\xe2\x80\x9c", 3) ? "%s" : "\"%s\"", s);
    return rp_whole(buf);
}

static const char *tone_words(const char *tone)
{
    return strcmp(tone, "good") == 0 ? "a good outcome"
           : strcmp(tone, "bad") == 0 ? "a bad outcome"
           : strcmp(tone, "mixed") == 0 ? "a mixed outcome" : "an ending";
}

/* One branch against the session: its score and the object that says so. */
static json_t *compare(const bh_sim *s, const bh_sim *b, double *score)
{
    const bh_defs *d = sim_defs(s);
    const bh_ending_def *e0 = defs_ending_at(d, sim_ending(s)),
                        *e1 = defs_ending_at(sim_defs(b), sim_ending(b));
    json_t *o = json_object(), *ms = json_array();
    int same = e0 && e1 ? strcmp(e0->id, e1->id) == 0 : e0 == e1;
    json_object_set_new(o, "ending", str(e1 ? e1->id : ""));
    json_object_set_new(o, "ending_title", str(e1 ? e1->title : "Time ran out"));
    json_object_set_new(o, "tone", str(e1 && e1->tone ? defs_tone_name(e1->tone) : "none"));
    json_object_set_new(o, "same_ending", json_boolean(same));
    if (sim_failed(b))
        json_object_set_new(o, "failed", json_true());
    *score = same ? 0 : 100;
    for (size_t i = 0; i < d->nmeters; i++) {
        const bh_meter_def *m = &d->meters[i];
        double delta = sim_meter(b, (int)i) - sim_meter(s, (int)i), span = m->max - m->min;
        if (span <= 0 || fabs(delta) < span * 0.05)
            continue; /* too little to call */
        json_t *x = json_object();
        json_object_set_new(x, "meter", str(m->id));
        json_object_set_new(x, "label", str(m->label));
        /* rounded as the meter's scale reads (whole numbers from a span of 100) */
        double unit = pow(10, text_meter_decimals(span, delta, delta));
        json_object_set_new(x, "delta", json_real(round(delta * unit) / unit));
        json_object_set_new(x, "better", json_boolean(m->good_low ? delta < 0 : delta > 0));
        json_array_append_new(ms, x);
        *score += 100 * fabs(delta) / span;
    }
    json_object_set_new(o, "meters", ms);
    return o;
}

/* The sentence: what choosing the alternative would have done. */
/* Append to buf (of size RP_SAY) at *n, never past its end. */
#define RP_SAY 3000
static void put(char *buf, int *n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (*n < RP_SAY - 1) {
        int k = vsnprintf(buf + *n, (size_t)(RP_SAY - *n), fmt, ap);
        *n = k < 0 ? *n : *n + k < RP_SAY ? *n + k : RP_SAY - 1;
    }
    va_end(ap);
}

static void say(json_t *o, const char *lead, const char *cur_title)
{
    char buf[RP_SAY] = "", q[1200], t[1200];
    int n = 0, failed = json_is_true(json_object_get(o, "failed"));
    put(buf, &n, "%s ", lead);
    const json_t *ms = json_object_get(o, "meters");
    if (failed)
        put(buf, &n, "stopped the replay with a script error.");
    else if (!json_is_true(json_object_get(o, "same_ending")))
        put(buf, &n, "would have ended in %s (%s), not %s",
            quoted(rp_str(o, "ending_title"), q, sizeof q), tone_words(rp_str(o, "tone")),
            quoted(cur_title, t, sizeof t));
    else if (!json_array_size(ms))
        put(buf, &n, "would have made little difference: the same ending, and no meter 5%% of "
                     "its range apart.");
    else
        put(buf, &n, "would have ended the same way");
    size_t i;
    const json_t *x;
    json_array_foreach(failed ? NULL : ms, i, x)
    {
        if (i == 3)
            break;
        double dv = rp_num(x, "delta");
        char v[64]; /* already rounded to the scale: no more decimals than it needs */
        text_meter_number(fabs(dv), TEXT_METER_MAX_DECIMALS, 0, v, sizeof v);
        put(buf, &n, "%s %s %s %s%s", i ? "," : ", with", rp_str(x, "label"), v,
            dv > 0 ? "higher" : "lower",
            json_is_true(json_object_get(x, "better")) ? " (better)" : " (worse)");
    }
    if (!failed && (json_array_size(ms) || !json_is_true(json_object_get(o, "same_ending"))))
        put(buf, &n, ".");
    int refused = (int)rp_num(o, "refused");
    if (refused > 0) /* the replay could not play all of the room's game */
        put(buf, &n, " (%d of the room's later moves %s no longer possible there.)", refused,
            refused == 1 ? "was" : "were");
    json_object_set_new(o, "text", json_string(rp_whole(buf)));
}

/* The best-scoring alternative of decision `dj` (the report's entry). */
static json_t *decision(const bh_sim *s, const rp_meta *m, const json_t *dj, int *budget,
                        int *replays)
{
    const bh_defs *d = sim_defs(s);
    int di = defs_decision(d, rp_str(dj, "id"));
    if (di < 0)
        return NULL;
    const bh_decision_def *dd = &d->decisions[di];
    json_t *best = NULL, *rec = NULL;
    double best_score = -1;
    int chosen = defs_option(dd, rp_str(dj, "chosen"));
    int advised = chosen >= 0 && dd->options[chosen].recommended;
    for (size_t k = 0; k < dd->noptions; k++) {
        if (strcmp(dd->options[k].id, rp_str(dj, "chosen")) == 0)
            continue;
        if (*budget <= 0) {
            json_decref(best);
            json_decref(rec);
            return NULL;
        }
        (*budget)--;
        rp_branch b;
        bh_err err;
        err_clear(&err);
        bh_status st = rp_whatif(m->scenario_path, m->plan, dd->id, dd->options[k].id, 1, &b, &err);
        (*replays)++;
        if (st == BH_OK && b.sim && sim_ended(b.sim)) {
            double score;
            json_t *o = compare(s, b.sim, &score);
            json_object_set_new(o, "alternative", str(dd->options[k].id));
            json_object_set_new(o, "alternative_label", str(dd->options[k].label));
            json_object_set_new(o, "refused", json_integer((json_int_t)b.refused));
            json_object_set_new(o, "score", json_real(round(score)));
            if (dd->options[k].recommended && !advised) {
                json_decref(rec);
                rec = json_incref(o);
            }
            if (score > best_score) {
                json_decref(best);
                best = o;
                best_score = score;
            } else {
                json_decref(o);
            }
        }
        rp_branch_free(&b);
    }
    if (rec) { /* what the advice would have done says more than the wildest option */
        json_object_set_new(rec, "score", json_real(round(best_score)));
        json_decref(best);
        best = rec;
    }
    if (!best)
        return NULL;
    json_object_set_new(best, "decision", str(dd->id));
    json_object_set_new(best, "prompt", str(dd->prompt));
    json_object_set(best, "chosen", json_object_get(dj, "chosen"));
    json_object_set(best, "chosen_label", json_object_get(dj, "chosen_label"));
    json_object_set(best, "by_default", json_object_get(dj, "by_default"));
    return best;
}

/* The same choice a minute before its deadline: did the timing matter?
 * Only for a choice the room made, with at least ten minutes to spare. */
static json_t *timing(const bh_sim *s, const rp_meta *m, const json_t *dj, int *budget,
                      int *replays)
{
    if (json_is_true(json_object_get(dj, "by_default")) || *budget <= 0)
        return NULL;
    size_t line = m->plan->n;
    for (size_t i = 0; i < m->plan->n && line == m->plan->n; i++)
        if (m->plan->v[i].verb == JV_CHOOSE && strcmp(m->plan->v[i].a, rp_str(dj, "id")) == 0)
            line = i;
    bh_time at = (bh_time)rp_num(dj, "deadline_s") - 60;
    if (line == m->plan->n || at - m->plan->v[line].time < 600)
        return NULL;
    (*budget)--;
    (*replays)++;
    rp_branch b;
    bh_err err;
    err_clear(&err);
    json_t *o = NULL;
    if (rp_whatif_moved(m->scenario_path, m->plan, line, at, &b, &err) == BH_OK && b.sim &&
        sim_ended(b.sim)) {
        double score;
        o = compare(s, b.sim, &score);
        json_object_set_new(o, "at_s", json_integer(at));
        json_object_set_new(o, "was_s", json_integer(m->plan->v[line].time));
        json_object_set_new(o, "refused", json_integer((json_int_t)b.refused));
        json_object_set_new(o, "score", json_real(round(score)));
    }
    rp_branch_free(&b);
    return o;
}

json_t *rp_mattered(const bh_sim *s, const rp_meta *m, const json_t *decisions, int *replays)
{
    *replays = 0;
    if (!m || !m->plan || !m->scenario_path || !sim_ended(s) || sim_failed(s))
        return NULL;
    const bh_ending_def *en = defs_ending_at(sim_defs(s), sim_ending(s));
    json_t *all = json_array();
    int budget = RP_WHATIF_LIMIT;
    size_t i;
    const json_t *dj;
    json_array_foreach(decisions, i, dj)
    {
        if (!rp_str(dj, "chosen")[0])
            continue;
        json_t *o = decision(s, m, dj, &budget, replays);
        if (!o)
            continue;
        char lead[1400], q[1200];
        snprintf(lead, sizeof lead, "Choosing %s%s instead",
                 quoted(rp_str(o, "alternative_label"), q, sizeof q),
                 json_is_true(json_object_get(o, "by_default")) ? " when it opened" : "");
        say(o, rp_whole(lead), en ? en->title : "Time ran out");
        json_t *late = timing(s, m, dj, &budget, replays);
        if (late) {
            char at[32], was[32];
            dur_stamp((bh_time)rp_num(late, "at_s"), at, sizeof at);
            dur_stamp((bh_time)rp_num(late, "was_s"), was, sizeof was);
            snprintf(lead, sizeof lead, "Deciding the same just before the deadline (%s) "
                     "instead of at %s", at, was);
            say(late, lead, en ? en->title : "Time ran out");
            if (rp_num(late, "score") > rp_num(o, "score"))
                json_object_set(o, "score", json_object_get(late, "score"));
            json_object_set_new(o, "timing", late);
        }
        /* highest score first; equal scores keep the decisions' order */
        size_t at = json_array_size(all);
        while (at > 0 && rp_num(json_array_get(all, at - 1), "score") < rp_num(o, "score"))
            at--;
        json_array_insert_new(all, at, o);
    }
    return all;
}
