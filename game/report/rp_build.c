/* rp_build: the session as the report's JSON model (see rp_report.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "report/rp_report.h"

static json_t *str(const char *s) { return json_string(s ? s : ""); }
/* For text this file composed in a fixed buffer. */
static json_t *composed(char *s) { return json_string(rp_whole(s)); }

/* A strength or an area for improvement as the summary ranks it (see
 * rp_summary.c): its kind, a weight within the kind (higher first) and,
 * for a decision, its id. rp_build flattens them to their texts. */
static void lesson(json_t *a, const char *kind, double weight, char *text, const char *decision)
{
    json_t *o = json_object();
    json_object_set_new(o, "kind", json_string(kind));
    json_object_set_new(o, "text", composed(text));
    json_object_set_new(o, "weight", json_real(weight));
    if (decision)
        json_object_set_new(o, "decision", json_string(decision));
    json_array_append_new(a, o);
}

static json_t *texts(const bh_texts *t)
{
    json_t *a = json_array();
    for (size_t i = 0; i < t->n; i++)
        json_array_append_new(a, str(t->v[i]));
    return a;
}

static json_t *overview(const bh_sim *s, const rp_meta *m)
{
    const bh_scenario_def *sc = &sim_defs(s)->scenario;
    char start[64], len[32], el[32];
    cal_format(sc->start_epoch, start, sizeof start);
    dur_format(sc->length, len, sizeof len);
    dur_stamp(sim_now(s), el, sizeof el);
    json_t *o = json_object();
    json_object_set_new(o, "file", str(m->scenario_path));
    json_object_set_new(o, "id", str(sc->id));
    json_object_set_new(o, "title", str(sc->title));
    json_object_set_new(o, "summary", str(sc->summary));
    json_object_set_new(o, "based_on", str(sc->based_on));
    json_object_set_new(o, "organisation", str(sc->organisation));
    json_object_set_new(o, "stakes", str(sc->stakes));
    json_object_set_new(o, "start", str(start));
    json_object_set_new(o, "length_s", json_integer(sc->length));
    json_object_set_new(o, "length", str(len));
    if (sim_cut(s) >= 0) { /* only then: reports of whole sessions stay as they were */
        const bh_cut_def *c = &sim_defs(s)->cuts[sim_cut(s)];
        json_t *k = json_object();
        json_object_set_new(k, "id", str(c->id));
        json_object_set_new(k, "label", str(c->label));
        json_object_set_new(k, "length_s", json_integer(c->length));
        json_object_set_new(k, "length", str(dur_format(c->length, len, sizeof len)));
        json_object_set_new(k, "agenda_min", json_integer(c->agenda));
        json_object_set_new(o, "cut", k);
    }
    return o;
}

static json_t *session(const bh_sim *s, const rp_meta *m)
{
    json_t *o = json_object();
    char el[32], seed[32];
    dur_stamp(sim_now(s), el, sizeof el);
    /* as a string: JSON numbers lose precision past 2^53 */
    snprintf(seed, sizeof seed, "%llu", (unsigned long long)sim_seed(s));
    json_object_set_new(o, "journal", m->journal_path ? str(m->journal_path) : json_null());
    json_object_set_new(o, "seed", str(seed));
    json_object_set_new(o, "status", str(sim_failed(s) ? "failed" : sim_ended(s) ? "ended" : "running"));
    json_object_set_new(o, "elapsed_s", json_integer(sim_now(s)));
    json_object_set_new(o, "elapsed", str(el));
    if (sim_failed(s)) {
        char buf[1200];
        json_object_set_new(o, "error", str(err_format(sim_error(s), buf, sizeof buf)));
    }
    return o;
}

static json_t *ending(const bh_sim *s)
{
    size_t n;
    const bh_log_entry *log = sim_log(s, &n);
    if (!sim_ended(s))
        return json_null();
    json_t *o = json_object();
    const bh_ending_def *en = defs_ending_at(sim_defs(s), sim_ending(s));
    json_object_set_new(o, "id", str(en ? en->id : ""));
    json_object_set_new(o, "title", str(en ? en->title : "Time ran out"));
    json_object_set_new(o, "text", str(en ? en->text : "The exercise reached its length without reaching an ending."));
    if (sim_end_reason(s)) { /* the facilitator's `end` */
        char buf[1400];
        snprintf(buf, sizeof buf, "%s The facilitator's reason: %s", en->text, sim_end_reason(s));
        json_object_set_new(o, "text", composed(buf));
        json_object_set_new(o, "reason", str(sim_end_reason(s)));
    }
    json_object_set_new(o, "tone", str(en && en->tone ? defs_tone_name(en->tone) : "none"));
    json_t *found = rp_findings(s);
    if (found)
        json_object_set_new(o, "findings", found);
    int by_length = 0;
    for (size_t i = 0; i < n; i++)
        if (log[i].kind == LOG_ENDING)
            by_length = log[i].b;
    json_object_set_new(o, "by_length", json_boolean(by_length));
    return o;
}

static json_t *meters(const bh_sim *s)
{
    const bh_defs *d = sim_defs(s);
    json_t *a = json_array();
    for (size_t i = 0; i < d->nmeters; i++) {
        const bh_meter_def *m = &d->meters[i];
        json_t *o = json_object(), *pts = json_array();
        json_object_set_new(o, "id", str(m->id));
        json_object_set_new(o, "label", str(m->label));
        json_object_set_new(o, "min", json_real(m->min));
        json_object_set_new(o, "max", json_real(m->max));
        json_object_set_new(o, "start", json_real(m->start));
        json_object_set_new(o, "final", json_real(sim_meter(s, (int)i)));
        json_object_set_new(o, "better", str(m->good_low ? "lower" : "higher"));
        json_t *p0 = json_array();
        json_array_append_new(p0, json_integer(0));
        json_array_append_new(p0, json_real(m->start));
        json_array_append_new(pts, p0);
        size_t n;
        const bh_point *p = sim_meter_history(s, (int)i, &n);
        for (size_t k = 0; k < n; k++) {
            json_t *pt = json_array();
            json_array_append_new(pt, json_integer(p[k].time));
            json_array_append_new(pt, json_real(p[k].value));
            json_array_append_new(pts, pt);
        }
        json_object_set_new(o, "points", pts);
        json_array_append_new(a, o);
    }
    return a;
}


static int option_recommended(const bh_decision_def *dd, int k) { return dd->options[k].recommended; }

/* A label in quotes, unless it already is quoted (options that are things
 * to say often are: "We are dealing with a cyberattack"). */
static const char *quoted(const char *s, char *buf, size_t n)
{
    if (s[0] == '"' || !strncmp(s, "\xe2\x80\x9c", 3))
        snprintf(buf, n, "%s", s);
    else
        snprintf(buf, n, "\"%s\"", s);
    return buf;
}

static json_t *decisions(const bh_sim *s, json_t *strengths, json_t *improve)
{
    const bh_defs *d = sim_defs(s);
    json_t *a = json_array();
    char buf[4400], q1[2000], q2[2000];
    /* in the order they opened (D1, D2, ... on the chart too), not the
     * order the file declares them */
    size_t *order = malloc((d->ndecisions + 1) * sizeof *order), n = 0;
    if (!order)
        return a;
    for (size_t i = 0; i < d->ndecisions; i++) {
        bh_decision_status ds;
        sim_decision_status(s, (int)i, &ds);
        if (ds.state == DEC_CLOSED)
            continue;
        size_t k = n++;
        for (; k > 0; k--) {
            bh_decision_status prev;
            sim_decision_status(s, (int)order[k - 1], &prev);
            if (prev.opened <= ds.opened)
                break;
            order[k] = order[k - 1];
        }
        order[k] = i;
    }
    for (size_t j = 0; j < n; j++) {
        size_t i = order[j];
        const bh_decision_def *dd = &d->decisions[i];
        bh_decision_status ds;
        sim_decision_status(s, (int)i, &ds);
        json_t *o = json_object(), *rec = json_array();
        json_object_set_new(o, "id", str(dd->id));
        json_object_set_new(o, "prompt", str(dd->prompt));
        json_object_set_new(o, "from", str(dd->from));
        json_object_set_new(o, "opened_s", json_integer(ds.opened));
        json_object_set_new(o, "deadline_s", json_integer(ds.deadline));
        json_object_set_new(o, "state", str(ds.state == DEC_OPEN ? "open" : "decided"));
        json_object_set_new(o, "default", str(dd->options[dd->default_opt].id));
        json_object_set_new(o, "default_label", str(dd->options[dd->default_opt].label));
        int any_rec = 0;
        for (size_t k = 0; k < dd->noptions; k++)
            if (option_recommended(dd, (int)k)) {
                json_array_append_new(rec, str(dd->options[k].id));
                any_rec = 1;
            }
        json_object_set_new(o, "recommended", rec);
        json_object_set_new(o, "discuss", texts(&dd->discuss));
        if (ds.state == DEC_DECIDED && ds.chosen >= 0) {
            const bh_option_def *op = &dd->options[ds.chosen];
            json_object_set_new(o, "chosen", str(op->id));
            json_object_set_new(o, "chosen_label", str(op->label));
            json_object_set_new(o, "chosen_text", str(op->text));
            json_object_set_new(o, "by_default", json_boolean(ds.by_default));
            json_object_set_new(o, "followed_advice",
                                any_rec ? json_boolean(op->recommended) : json_null());
            if (ds.by_default) {
                snprintf(buf, sizeof buf,
                         "The clock decided %s: nobody chose before the deadline, so the "
                         "default happened (%s).", quoted(dd->prompt, q1, sizeof q1), op->label);
                lesson(improve, "default", -(double)ds.opened, buf, dd->id);
            } else if (any_rec && op->recommended) {
                snprintf(buf, sizeof buf, "Chose %s when asked %s: what responders advise.",
                         quoted(op->label, q1, sizeof q1), quoted(dd->prompt, q2, sizeof q2));
                lesson(strengths, "advice", 0, buf, dd->id);
                if (dd->from && dd->from[0]) { /* the summary's shorter line */
                    snprintf(buf, sizeof buf, "Chose %s, as responders advise (asked by %s).",
                             quoted(op->label, q1, sizeof q1), dd->from);
                    json_object_set_new(json_array_get(strengths, json_array_size(strengths) - 1),
                                        "short", composed(buf));
                }
            } else if (any_rec) {
                snprintf(buf, sizeof buf, "Asked %s, the room chose %s; responders advise "
                         "otherwise (see the decisions review).", quoted(dd->prompt, q2, sizeof q2),
                         quoted(op->label, q1, sizeof q1));
                lesson(improve, "against_advice", 0, buf, dd->id);
            }
        } else if (ds.state == DEC_OPEN && sim_ended(s)) {
            /* a deadline the session's end overtook: nobody answered */
            snprintf(buf, sizeof buf, "Never answered %s: it was still open when the "
                     "session ended.", quoted(dd->prompt, q1, sizeof q1));
            lesson(improve, "default", -(double)ds.opened, buf, dd->id);
        }
        json_t *room = rp_room_decision(s, (int)i);
        if (room) /* only with votes: reports without them stay as they were */
            json_object_set_new(o, "room", room);
        json_array_append_new(a, o);
    }
    free(order);
    return a;
}

/* What became of an action, from the log: what happened, not what was
 * started. A standing commitment (`every`) cancelled before the end is a
 * promise broken, whether or not responders advise it; one held to the end
 * is a promise kept. An advised action counts as done only when it ran to
 * completion at least once; started and then cancelled before it ever
 * completed, it is an improvement; never started, too. */
static void action_lessons(const bh_sim *s, int a, json_t *strengths, json_t *improve)
{
    const bh_defs *d = sim_defs(s);
    const bh_action_def *ad = &d->actions[a];
    size_t n;
    const bh_log_entry *log = sim_log(s, &n);
    int started = 0, done = 0, cancels = 0;
    bh_time first = -1, cancelled = -1;
    for (size_t k = 0; k < n; k++) {
        if (log[k].a != a)
            continue;
        if (log[k].kind == LOG_START && !started++)
            first = log[k].time;
        done += log[k].kind == LOG_DONE;
        if (log[k].kind == LOG_CANCEL && !cancels++)
            cancelled = log[k].time;
    }
    char buf[2400], q[2000], every[80], t[32];
    quoted(ad->label, q, sizeof q);
    if (defs_standing(ad) && cancels) {
        defs_standing_text(ad, every, sizeof every);
        dur_stamp(cancelled, t, sizeof t);
        snprintf(buf, sizeof buf, "Broke a standing commitment: promised %s (%s), then "
                 "cancelled it at %s%s.", q, every, t, cancels > 1 ? ", more than once" : "");
        lesson(improve, "broken_commitment", -(double)cancelled, buf, NULL);
        return;
    }
    if (!ad->recommended)
        return;
    if (defs_standing(ad) && started) {
        defs_standing_text(ad, every, sizeof every);
        snprintf(buf, sizeof buf, "Kept %s (%s) to the end: what responders advise.", q, every);
        lesson(strengths, "kept_commitment", -(double)first, buf, NULL);
    } else if (done) {
        snprintf(buf, sizeof buf, "Did %s: what responders advise.", q);
        lesson(strengths, "done", -(double)first, buf, NULL);
    } else if (cancels) {
        snprintf(buf, sizeof buf, "Started %s, then cancelled it before it was done, though "
                 "responders advise it.", q);
        lesson(improve, "cancelled", -(double)cancelled, buf, NULL);
    } else if (!started) {
        snprintf(buf, sizeof buf, "Never did %s, which responders advise.", q);
        lesson(improve, "never_done", 0, buf, NULL);
    }
}

static json_t *functions(const bh_sim *s, json_t *strengths, json_t *improve)
{
    const bh_defs *d = sim_defs(s);
    size_t n;
    const bh_log_entry *log = sim_log(s, &n);
    json_t *a = json_array();
    char buf[2400], t[32];
    bh_time now = sim_now(s);
    for (int f = FUNC_IDENTIFY; f < FUNC__COUNT; f++) {
        json_t *o = json_object(), *acts = json_array();
        bh_time first = -1;
        for (size_t i = 0; i < n; i++) {
            if (log[i].kind != LOG_START || d->actions[log[i].a].func != (bh_func)f)
                continue;
            if (first < 0)
                first = log[i].time;
            json_t *x = json_object();
            rp_set_stamp(x, s, log[i].time);
            json_object_set_new(x, "id", str(d->actions[log[i].a].id));
            json_object_set_new(x, "label", str(d->actions[log[i].a].label));
            json_array_append_new(acts, x);
        }
        const char *name = defs_func_name((bh_func)f);
        char cap[32];
        snprintf(cap, sizeof cap, "%s", name);
        cap[0] = (char)(cap[0] >= 'a' && cap[0] <= 'z' ? cap[0] - 32 : cap[0]);
        json_object_set_new(o, "function", str(name));
        json_object_set_new(o, "actions", acts);
        json_object_set_new(o, "first_s", first >= 0 ? json_integer(first) : json_null());
        /* A gap is a function nobody served, or served only late: after a
         * quarter of the session and more than an hour in. */
        int declared = 0;
        for (size_t i = 0; i < d->nactions; i++)
            declared |= d->actions[i].func == (bh_func)f;
        const char *gap = NULL;
        if (declared && first < 0) {
            snprintf(buf, sizeof buf, "Nothing in %s during the whole session.", cap);
            gap = buf;
        } else if (declared && first > 3600 && first * 4 > now) {
            dur_stamp(first, t, sizeof t);
            snprintf(buf, sizeof buf, "Nothing in %s before %s.", cap, t);
            gap = buf;
        }
        json_object_set_new(o, "gap", gap ? composed(buf) : json_null());
        if (gap)
            lesson(improve, "gap", -(double)first, buf, NULL);
        json_array_append_new(a, o);
    }
    for (size_t i = 0; i < d->nactions; i++)
        action_lessons(s, (int)i, strengths, improve);
    return a;
}

static void meter_lessons(const bh_sim *s, json_t *strengths, json_t *improve)
{
    const bh_defs *d = sim_defs(s);
    char buf[1200];
    for (size_t i = 0; i < d->nmeters; i++) {
        const bh_meter_def *m = &d->meters[i];
        double v = sim_meter(s, (int)i), gain = m->good_low ? m->start - v : v - m->start;
        double span = m->max - m->min;
        if (span <= 0 || fabs(gain) < span * 0.05)
            continue; /* moved too little to call */
        char a[64], b[64];
        rp_meter_ends(span, m->start, v, a, b, sizeof a);
        snprintf(buf, sizeof buf, "%s %s from %s to %s.", m->label,
                 v > m->start ? "rose" : "fell", a, b);
        lesson(gain > 0 ? strengths : improve, "meter", fabs(gain) / span, buf, NULL);
    }
}

static json_t *questions_and_facts(const bh_sim *s, json_t **facts)
{
    const bh_defs *d = sim_defs(s);
    json_t *q = json_array();
    *facts = json_array();
    for (size_t i = 0; i < d->ninjects; i++) {
        const bh_inject_def *in = &d->injects[i];
        if (!sim_inject_fired(s, (int)i))
            continue;
        for (size_t k = 0; k < in->discuss.n; k++) {
            json_t *o = json_object();
            json_object_set_new(o, "after", str(in->title));
            json_object_set_new(o, "question", str(in->discuss.v[k]));
            json_array_append_new(q, o);
        }
        json_t *f = json_object();
        json_object_set_new(f, "id", str(in->id));
        json_object_set_new(f, "title", str(in->title));
        json_object_set_new(f, "source", str(rp_source_name(in->source)));
        int r = in->ref ? defs_reference(d, in->ref) : -1;
        if (r >= 0) {
            json_object_set_new(f, "ref", str(in->ref));
            json_object_set_new(f, "cite", str(d->references[r].cite));
            json_object_set_new(f, "ref_title", str(d->references[r].title));
        }
        json_array_append_new(*facts, f);
    }
    for (size_t i = 0; i < d->ndecisions; i++) {
        bh_decision_status ds;
        sim_decision_status(s, (int)i, &ds);
        if (ds.state == DEC_CLOSED)
            continue;
        for (size_t k = 0; k < d->decisions[i].discuss.n; k++) {
            json_t *o = json_object();
            json_object_set_new(o, "after", str(d->decisions[i].prompt));
            json_object_set_new(o, "question", str(d->decisions[i].discuss.v[k]));
            json_array_append_new(q, o);
        }
    }
    return q;
}

static json_t *notes(const bh_sim *s)
{
    size_t n;
    const bh_log_entry *log = sim_log(s, &n);
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++)
        if (log[i].kind == LOG_FNOTE) {
            json_t *o = json_object();
            rp_set_stamp(o, s, log[i].time);
            json_object_set_new(o, "text", str(log[i].text));
            json_array_append_new(a, o);
        }
    return a;
}

json_t *rp_build(const bh_sim *s, const rp_meta *m)
{
    json_t *r = json_object(), *strengths = json_array(), *improve = json_array(), *facts;
    if (!r || !strengths || !improve) {
        json_decref(r);
        json_decref(strengths);
        json_decref(improve);
        return NULL;
    }
    json_object_set_new(r, "bulkhead_report", json_integer(1));
    json_object_set_new(r, "scenario", overview(s, m));
    json_object_set_new(r, "session", session(s, m));
    json_object_set_new(r, "details", rp_details(s)); /* NULL (no details): left out */
    json_object_set_new(r, "ending", ending(s));
    json_t *objectives = rp_objectives(s);
    if (objectives) /* only then: reports of scenarios without objectives stay as they were */
        json_object_set_new(r, "objectives", objectives);
    json_object_set_new(r, "meters", meters(s));
    json_t *tl = rp_timeline(s);
    json_object_set_new(r, "timeline", tl);
    json_object_set_new(r, "timeline_story", rp_story(r, tl, (long)sim_now(s)));
    json_object_set_new(r, "decisions", decisions(s, strengths, improve));
    json_object_set_new(r, "functions", functions(s, strengths, improve));
    meter_lessons(s, strengths, improve);
    json_object_set_new(r, "summary", rp_summary(s, m, json_object_get(r, "decisions"), strengths,
                                                 improve));
    json_object_set_new(r, "strengths", rp_texts_of(strengths));
    json_object_set_new(r, "improvements", rp_texts_of(improve));
    json_decref(strengths);
    json_decref(improve);
    json_object_set_new(r, "questions", questions_and_facts(s, &facts));
    json_object_set_new(r, "fact_check", facts);
    json_object_set_new(r, "notes", notes(s));
    json_t *room = rp_room(s, json_object_get(r, "decisions"));
    if (room)
        json_object_set_new(r, "room", room);
    return r;
}
