/* rp_build: the session as the report's JSON model (see rp_report.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/rp_report.h"

static json_t *str(const char *s) { return json_string(s ? s : ""); }
/* For text this file composed in a fixed buffer. */
static json_t *composed(char *s) { return json_string(rp_whole(s)); }

static json_t *texts(const bh_texts *t)
{
    json_t *a = json_array();
    for (size_t i = 0; i < t->n; i++)
        json_array_append_new(a, str(t->v[i]));
    return a;
}

static const char *source_name(bh_source s)
{
    return s == SRC_FACT      ? "fact"
           : s == SRC_FICTION ? "fiction"
           : s == SRC_ANALOGY ? "analogy"
                              : "unmarked";
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

static json_t *change(const bh_sim *s, const bh_log_entry *e)
{
    const bh_defs *d = sim_defs(s);
    json_t *c = json_object();
    if (e->kind == LOG_METER) {
        json_object_set_new(c, "meter", str(d->meters[e->a].id));
        json_object_set_new(c, "label", str(d->meters[e->a].label));
        json_object_set_new(c, "from", json_real(e->from));
        json_object_set_new(c, "to", json_real(e->to));
    } else if (e->kind == LOG_SYSTEM) {
        json_object_set_new(c, "system", str(d->systems[e->a].id));
        json_object_set_new(c, "label", str(d->systems[e->a].label));
        json_object_set_new(c, "from", str(defs_status_name((bh_status_word)e->from)));
        json_object_set_new(c, "to", str(defs_status_name((bh_status_word)e->to)));
    } else {
        json_object_set_new(c, "team", str(d->teams[e->a].id));
        json_object_set_new(c, "label", str(d->teams[e->a].label));
        json_object_set_new(c, "from", json_integer((json_int_t)e->from));
        json_object_set_new(c, "to", json_integer((json_int_t)e->to));
    }
    return c;
}

static const char *kind_name(bh_log_kind k)
{
    static const char *n[] = {"inject", "decision_opened", "action_started", "action_cancelled",
                              "action_done", "decision_chosen", "decision_defaulted", "meter",
                              "system", "team", "note", "facilitator_note", "ending"};
    return (size_t)k < sizeof n / sizeof n[0] ? n[k] : "other";
}

/* One timeline item for a log entry; changes are attached afterwards. */
static void cite(json_t *o, const bh_defs *d, const char *ref)
{
    int r = ref ? defs_reference(d, ref) : -1;
    if (r < 0)
        return;
    json_object_set_new(o, "ref", str(ref));
    json_object_set_new(o, "cite", str(d->references[r].cite));
}

static json_t *event(const bh_sim *s, const bh_log_entry *e)
{
    const bh_defs *d = sim_defs(s);
    json_t *o = json_object();
    rp_set_stamp(o, s, e->time);
    json_object_set_new(o, "kind", str(e->kind == LOG_FACIL ? rp_facil_kind(e->a)
                                                             : kind_name(e->kind)));
    switch (e->kind) {
    case LOG_INJECT: {
        const bh_inject_def *in = &d->injects[e->a];
        json_object_set_new(o, "id", str(in->id));
        json_object_set_new(o, "title", str(in->title));
        json_object_set_new(o, "channel", str(defs_channel_name(in->channel)));
        json_object_set_new(o, "from", str(in->from));
        json_object_set_new(o, "text", str(in->body));
        json_object_set_new(o, "source", str(source_name(in->source)));
        cite(o, d, in->ref);
        break;
    }
    case LOG_START: case LOG_CANCEL: case LOG_DONE: {
        const bh_action_def *ad = &d->actions[e->a];
        json_object_set_new(o, "id", str(ad->id));
        json_object_set_new(o, "title", str(ad->label));
        if (e->kind == LOG_START && defs_standing(ad)) {
            /* a commitment, not a task: every reader says so where it starts */
            char every[80], title[600];
            defs_standing_text(ad, every, sizeof every);
            snprintf(title, sizeof title, "%s (standing, %s, until cancelled)", ad->label, every);
            json_object_set_new(o, "title", str(title));
            json_object_set_new(o, "standing", str(every));
        }
        json_object_set_new(o, "text", str(ad->text));
        json_object_set_new(o, "team", str(d->teams[ad->team].label));
        json_object_set_new(o, "function", str(ad->func ? defs_func_name(ad->func) : "none"));
        json_object_set_new(o, "source", str(source_name(ad->source)));
        cite(o, d, ad->ref);
        break;
    }
    case LOG_OPEN: case LOG_CHOOSE: case LOG_DEFAULT: {
        const bh_decision_def *dd = &d->decisions[e->a];
        json_object_set_new(o, "id", str(dd->id));
        json_object_set_new(o, "title", str(dd->prompt));
        if (e->kind != LOG_OPEN) {
            json_object_set_new(o, "option", str(dd->options[e->b].id));
            json_object_set_new(o, "text", str(dd->options[e->b].label));
        }
        break;
    }
    case LOG_NOTE: case LOG_FNOTE:
        json_object_set_new(o, "text", str(e->text));
        break;
    case LOG_ENDING:
        json_object_set_new(o, "id", str(e->a >= 0 ? defs_ending_at(d, e->a)->id : ""));
        json_object_set_new(o, "title", str(e->a >= 0 ? defs_ending_at(d, e->a)->title : "Time ran out"));
        break;
    case LOG_FACIL:
        rp_facil_event(o, s, e);
        break;
    default:
        break;
    }
    return o;
}

static json_t *timeline(const bh_sim *s)
{
    size_t n;
    const bh_log_entry *log = sim_log(s, &n);
    json_t *a = json_array(), *last = NULL;
    bh_time last_t = -1;
    int last_bg = 0; /* `last` gathers what background effects changed */
    for (size_t i = 0; i < n; i++) {
        const bh_log_entry *e = &log[i];
        if (e->kind == LOG_VOTE || e->kind == LOG_PROPOSAL)
            continue; /* the room's annotations: in "room", never the timeline */
        int is_change = e->kind == LOG_METER || e->kind == LOG_SYSTEM || e->kind == LOG_TEAM;
        if (is_change) {
            /* what the event just before (at the same moment) did: the core
             * logs an effect's changes after it returns, so a w.note made
             * during the effect comes first and is not the cause */
            if (!last || last_t != e->time || (e->b && !last_bg)) {
                last = json_object();
                rp_set_stamp(last, s, e->time);
                json_object_set_new(last, "kind", str("change"));
                json_object_set_new(last, "title", str("Consequences of earlier choices"));
                json_array_append_new(a, last);
                last_t = e->time;
                last_bg = 1;
            }
            json_t *ch = json_object_get(last, "changes");
            if (!ch) {
                ch = json_array();
                json_object_set_new(last, "changes", ch);
            }
            json_array_append_new(ch, change(s, e));
            continue;
        }
        json_t *ev = event(s, e);
        json_array_append_new(a, ev);
        if (e->kind != LOG_NOTE && e->kind != LOG_FNOTE) {
            last = ev;
            last_t = e->time;
            last_bg = 0;
        }
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
                json_array_append_new(improve, composed(buf));
            } else if (any_rec && op->recommended) {
                snprintf(buf, sizeof buf, "Chose %s when asked %s: what responders advise.",
                         quoted(op->label, q1, sizeof q1), quoted(dd->prompt, q2, sizeof q2));
                json_array_append_new(strengths, composed(buf));
            } else if (any_rec) {
                snprintf(buf, sizeof buf, "Asked %s, the room chose %s; responders advise "
                         "otherwise (see the decisions review).", quoted(dd->prompt, q2, sizeof q2),
                         quoted(op->label, q1, sizeof q1));
                json_array_append_new(improve, composed(buf));
            }
        }
        json_t *room = rp_room_decision(s, (int)i);
        if (room) /* only with votes: reports without them stay as they were */
            json_object_set_new(o, "room", room);
        json_array_append_new(a, o);
    }
    free(order);
    return a;
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
            json_array_append_new(improve, composed(buf));
        json_array_append_new(a, o);
    }
    /* advised actions taken, or never taken */
    for (size_t i = 0; i < d->nactions; i++) {
        const bh_action_def *ad = &d->actions[i];
        if (!ad->recommended)
            continue;
        int started = 0;
        for (size_t k = 0; k < n; k++)
            started |= log[k].kind == LOG_START && log[k].a == (int)i;
        char q[2000];
        snprintf(buf, sizeof buf, started ? "Did %s: what responders advise."
                                          : "Never did %s, which responders advise.",
                 quoted(ad->label, q, sizeof q));
        json_array_append_new(started ? strengths : improve, composed(buf));
    }
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
        snprintf(buf, sizeof buf, "%s %s from %.0f to %.0f.", m->label,
                 v > m->start ? "rose" : "fell", m->start, v);
        json_array_append_new(gain > 0 ? strengths : improve, composed(buf));
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
        json_object_set_new(f, "source", str(source_name(in->source)));
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
    json_object_set_new(r, "timeline", timeline(s));
    json_object_set_new(r, "decisions", decisions(s, strengths, improve));
    json_object_set_new(r, "functions", functions(s, strengths, improve));
    meter_lessons(s, strengths, improve);
    json_object_set_new(r, "strengths", strengths);
    json_object_set_new(r, "improvements", improve);
    json_object_set_new(r, "questions", questions_and_facts(s, &facts));
    json_object_set_new(r, "fact_check", facts);
    json_object_set_new(r, "notes", notes(s));
    json_t *room = rp_room(s, json_object_get(r, "decisions"));
    if (room)
        json_object_set_new(r, "room", room);
    return r;
}
