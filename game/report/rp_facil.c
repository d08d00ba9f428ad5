/* rp_facil: the facilitator's interventions as timeline items of the
 * report model. Each is its own kind ("facilitator_fire", ...) with
 * "by": "facilitator", a title written for people and the numbers for
 * tools; what it caused (the inject, the meter change, the ending)
 * follows it in the timeline as usual. */
#include <stdio.h>
#include <string.h>

#include "core/text.h"
#include "report/rp_report.h"

const char *rp_facil_kind(int input_kind)
{
    switch ((bh_input_kind)input_kind) {
    case IN_FIRE: return "facilitator_fire";
    case IN_EXTEND: return "facilitator_extend";
    case IN_FREEZE: return "facilitator_freeze";
    case IN_UNFREEZE: return "facilitator_unfreeze";
    case IN_ADJUST: return "facilitator_adjust";
    case IN_MESSAGE: return "facilitator_message";
    case IN_END: return "facilitator_end";
    default: return "facilitator";
    }
}

static void set_str(json_t *o, const char *key, const char *s)
{
    json_object_set_new(o, key, json_string(s ? s : ""));
}

static void set_title(json_t *o, char *buf) { set_str(o, "title", rp_whole(buf)); }

void rp_facil_event(json_t *o, const bh_sim *s, const bh_log_entry *e)
{
    const bh_defs *d = sim_defs(s);
    char buf[2400], a[40], b[40];
    set_str(o, "by", "facilitator");
    switch ((bh_input_kind)e->a) {
    case IN_FIRE:
        set_str(o, "id", d->injects[e->b].id);
        snprintf(buf, sizeof buf, "%s (sent now)", d->injects[e->b].title);
        set_title(o, buf);
        break;
    case IN_EXTEND: case IN_FREEZE: case IN_UNFREEZE: {
        const bh_decision_def *dd = &d->decisions[e->b];
        set_str(o, "id", dd->id);
        if (e->a == IN_EXTEND) {
            json_object_set_new(o, "extended_s", json_integer((json_int_t)e->from));
            dur_format((bh_time)e->from, a, sizeof a);
            if (e->to >= 0)
                snprintf(buf, sizeof buf, "%s more (deadline %s) for: %s", a,
                         dur_stamp((bh_time)e->to, b, sizeof b), dd->prompt);
            else
                snprintf(buf, sizeof buf, "%s more, its clock frozen, for: %s", a, dd->prompt);
        } else if (e->a == IN_FREEZE) {
            json_object_set_new(o, "left_s", json_integer((json_int_t)e->from));
            snprintf(buf, sizeof buf, "Clock stopped with %s left for: %s",
                     dur_format((bh_time)e->from, a, sizeof a), dd->prompt);
        } else {
            snprintf(buf, sizeof buf, "Clock restarted (deadline %s) for: %s",
                     dur_stamp((bh_time)e->to, b, sizeof b), dd->prompt);
        }
        if (e->to >= 0)
            json_object_set_new(o, "deadline_s", json_integer((json_int_t)e->to));
        set_title(o, buf);
        break;
    }
    case IN_ADJUST:
        set_str(o, "id", d->meters[e->b].id);
        set_str(o, "amount", text_decimal_format(e->from, a, sizeof a));
        set_str(o, "reason", e->text);
        snprintf(buf, sizeof buf, "%s %s: %s", d->meters[e->b].label, a, e->text);
        set_title(o, buf);
        break;
    case IN_MESSAGE: {
        const bh_inject_def *m = sim_facil_message(s, e->b);
        set_str(o, "id", m->id);
        set_str(o, "title", m->title);
        set_str(o, "text", m->body);
        set_str(o, "channel", defs_channel_name(m->channel));
        set_str(o, "from", m->from);
        break;
    }
    case IN_END:
        set_str(o, "reason", e->text);
        set_str(o, "title", e->text);
        break;
    default:
        break;
    }
}
