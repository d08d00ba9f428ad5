/* rp_timeline: the session's log as the report's "timeline" (every event,
 * with what it changed), and "timeline_story", what the story told for
 * people puts in place of the background consequences (the timeline's
 * "change" items: effects of every() hooks and after() callbacks, logged
 * with no event of the players' before them): one row per day of the
 * session (per hour or few for a session of two days or less), with each meter's net change by the background ("delta": the
 * sum of those effects alone, "from": the value before the first, "to":
 * after the last) and each system's first and last status that day, and
 * "after": the index in "timeline" of the item it follows. The story is
 * the timeline without its "change" items, each story row after its item
 * (-1: before the first). The
 * full detail stays in "timeline", which the writers print as an appendix. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/text.h"
#include "report/rp_report.h"

static json_t *str(const char *s) { return json_string(s ? s : ""); }

const char *rp_source_name(bh_source s)
{
    return s == SRC_FACT      ? "fact"
           : s == SRC_FICTION ? "fiction"
           : s == SRC_ANALOGY ? "analogy"
                              : "unmarked";
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
        json_object_set_new(o, "source", str(rp_source_name(in->source)));
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
        json_object_set_new(o, "source", str(rp_source_name(ad->source)));
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

json_t *rp_timeline(const bh_sim *s)
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

/* The key of a change: which meter, system or team it moved. */
static const char *change_key(const json_t *c, const char **field)
{
    static const char *fields[] = {"meter", "system", "team"};
    for (size_t i = 0; i < 3; i++)
        if (json_is_string(json_object_get(c, fields[i]))) {
            *field = fields[i];
            return rp_str(c, fields[i]);
        }
    *field = "";
    return "";
}

/* Fold one background change into the day's net changes: the first
 * "from" stays, the last "to" wins. */
static void fold(json_t *net, const json_t *c)
{
    const char *field, *key = change_key(c, &field);
    size_t i;
    json_t *x;
    json_array_foreach(net, i, x)
    {
        const char *f2;
        if (strcmp(change_key(x, &f2), key) == 0 && strcmp(f2, field) == 0) {
            json_object_set(x, "to", json_object_get(c, "to"));
            if (json_is_number(json_object_get(c, "from")))
                json_object_set_new(x, "delta", json_real(rp_num(x, "delta") + rp_num(c, "to") -
                                                          rp_num(c, "from")));
            return;
        }
    }
    json_t *y = json_deep_copy(c);
    if (json_is_number(json_object_get(c, "from")))
        json_object_set_new(y, "delta", json_real(rp_num(c, "to") - rp_num(c, "from")));
    json_array_append_new(net, y);
}

/* Numbers: the sum of the background's own changes (the players' actions
 * in between move the meter too, so "to" minus "from" would mix them),
 * kept when it shows at the meter's scale: half a unit for a meter of 100
 * or more, half a tenth for a meter of 10 (text_meter_decimals). */
static int moved(const json_t *report, const json_t *c)
{
    if (json_is_number(json_object_get(c, "delta"))) {
        double span = rp_meter_span(report, rp_str(c, "meter"));
        double half = 0.5 / pow(10, text_meter_decimals(span, 0, 0));
        return rp_num(c, "delta") <= -half || rp_num(c, "delta") >= half;
    }
    return !json_equal(json_object_get(c, "from"), json_object_get(c, "to"));
}

/* The day's background row, appended to `out`, and the day reset. */
static void flush(const json_t *report, json_t *out, json_t **day, int *rows, long d, long after,
                  long bucket)
{
    if (!*day)
        return;
    json_t *net = json_object_get(*day, "changes"), *kept = json_array();
    size_t i;
    json_t *c;
    json_array_foreach(net, i, c) if (moved(report, c)) json_array_append(kept, c);
    char title[160], day_n[32] = "";
    long dn = d * bucket / 86400 + 1;
    if (bucket == 86400)
        snprintf(day_n, sizeof day_n, "Day %ld: ", dn);
    snprintf(title, sizeof title, "%s%d background effect%s of earlier choices%s", day_n, *rows,
             *rows == 1 ? "" : "s", json_array_size(kept) ? "" : " (no net change)");
    json_object_set_new(*day, "title", str(title));
    json_object_set_new(*day, "day", json_integer(dn));
    json_object_set_new(*day, "bucket_s", json_integer(bucket));
    json_object_set_new(*day, "effects", json_integer(*rows));
    json_object_set_new(*day, "changes", kept);
    json_object_set_new(*day, "after", json_integer(after));
    json_array_append_new(out, *day);
    *day = NULL;
    *rows = 0;
}

/* How long a stretch one row folds: a day for sessions of more than two
 * days, else about a twelfth of the session (1, 2, 3, 6 or 12 hours), so
 * a ten-hour session tells its story by the hour, not in one row. */
static long bucket_for(long elapsed)
{
    static const long h[] = {1, 2, 3, 6, 12};
    if (elapsed > 2 * 86400)
        return 86400;
    for (size_t i = 0; i < sizeof h / sizeof h[0]; i++)
        if (h[i] * 3600 * 12 >= elapsed)
            return h[i] * 3600;
    return 86400;
}

json_t *rp_story(const json_t *report, const json_t *timeline, long elapsed)
{
    long bucket = bucket_for(elapsed);
    json_t *out = json_array(), *day = NULL;
    int rows = 0;
    long cur = -1;
    size_t i;
    const json_t *ev;
    json_array_foreach(timeline, i, ev)
    {
        long d = (long)rp_num(ev, "t") / bucket;
        if (d != cur) {
            flush(report, out, &day, &rows, cur, (long)i - 1, bucket);
            cur = d;
        }
        if (strcmp(rp_str(ev, "kind"), "change") != 0)
            continue;
        if (!day) {
            day = json_object();
            json_object_set(day, "t", json_object_get(ev, "t"));
            json_object_set(day, "stamp", json_object_get(ev, "stamp"));
            json_object_set(day, "clock", json_object_get(ev, "clock"));
            json_object_set_new(day, "kind", str("background"));
            json_object_set_new(day, "changes", json_array());
        }
        json_object_set(day, "until_t", json_object_get(ev, "t"));
        json_object_set(day, "until_stamp", json_object_get(ev, "stamp"));
        json_object_set(day, "until_clock", json_object_get(ev, "clock"));
        json_t *c;
        size_t k;
        json_array_foreach(json_object_get(ev, "changes"), k, c) fold(json_object_get(day, "changes"), c);
        rows++;
    }
    flush(report, out, &day, &rows, cur, (long)json_array_size(timeline) - 1, bucket);
    return out;
}
