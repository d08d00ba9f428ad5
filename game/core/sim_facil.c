/* sim_facil: the facilitator's interventions, which are inputs like any
 * other (checked, journaled, then applied, and replayed the same way):
 * fire an inject now, extend, freeze or unfreeze a decision's deadline,
 * adjust a meter, send a message to the inbox, end the session.
 *
 * A decision's deadline is one queued event carrying the decision's
 * generation number; the event is ignored when the number has moved on.
 * So every change to the deadline bumps the generation and queues at
 * most one new event: freezing queues none (the frozen time left is kept
 * instead), unfreezing queues one at now + left, extending queues one at
 * the later time. The old event still pops at its time and finds itself
 * stale: a deadline can neither fire late nor twice, however the
 * interventions interleave. */
#include "core/sim_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "core/text.h"
#include "core/vec.h"

/* Free text of every input (notes too). A space at either end has no
 * escape in the journal, whose reader skips the blanks between words: it
 * would not read back, so the session and its replay would differ. A
 * caller trims before asking (text_trim). */
bh_status sim_text_check(const char *what, const char *text, size_t max, bh_err *err)
{
    size_t n = text ? strlen(text) : 0;
    if (n > max || !text_valid_utf8(text ? text : "", n, NULL))
        return err_set(err, BH_EINPUT, "", 0, "%s must be valid UTF-8 of at most %zu bytes", what,
                       max);
    if (n && (text_find_control(text, n) >= 0 || strchr(text, '\r')))
        return err_set(err, BH_EINPUT, "", 0, "%s may not contain control characters", what);
    if (n && (text[0] == ' ' || text[n - 1] == ' '))
        return err_set(err, BH_EINPUT, "", 0, "%s may not begin or end with a space", what);
    return BH_OK;
}

static bh_status needs_text(const char *what, const char *text, bh_err *err)
{
    if (!text || !text[strspn(text, " \t\n")])
        return err_set(err, BH_EINPUT, "", 0, "%s is missing", what);
    return sim_text_check(what, text, SIM_MAX_FACIL_TEXT, err);
}

static const char *verb(bh_input_kind k)
{
    switch (k) {
    case IN_FIRE: return "fire";
    case IN_EXTEND: return "extend";
    case IN_FREEZE: return "freeze";
    case IN_UNFREEZE: return "unfreeze";
    case IN_ADJUST: return "adjust";
    case IN_MESSAGE: return "message";
    case IN_END: return "end";
    default: return "?";
    }
}

/* Can the decision's deadline be changed now? */
static bh_status deadline_check(bh_sim *s, const bh_input *in, bh_err *err)
{
    const bh_defs *d = s->d;
    if (in->a < 0 || (size_t)in->a >= d->ndecisions)
        return err_set(err, BH_EINPUT, "", 0, "no such decision");
    const sim_dec *dc = &s->dec[in->a];
    const char *id = d->decisions[in->a].id, *v = verb(in->kind);
    char t[40];
    if (dc->state == DEC_CLOSED)
        return err_set(err, BH_EINPUT, "", 0, "cannot %s '%s': it has not opened", v, id);
    if (dc->state == DEC_DECIDED && dc->by_default)
        return err_set(err, BH_EINPUT, "", 0,
                       "cannot %s '%s': its deadline passed at %s and the clock chose '%s'", v,
                       id, dur_stamp(dc->deadline, t, sizeof t),
                       d->decisions[in->a].options[dc->chosen].id);
    if (dc->state == DEC_DECIDED)
        return err_set(err, BH_EINPUT, "", 0, "cannot %s '%s': the room already chose '%s'", v,
                       id, d->decisions[in->a].options[dc->chosen].id);
    if (in->kind == IN_FREEZE && dc->frozen)
        return err_set(err, BH_EINPUT, "", 0, "cannot freeze '%s': it is already frozen", id);
    if (in->kind == IN_UNFREEZE && !dc->frozen)
        return err_set(err, BH_EINPUT, "", 0, "cannot unfreeze '%s': it is not frozen", id);
    if (in->kind == IN_EXTEND) {
        bh_time due = dc->frozen ? s->now + dc->left : dc->deadline;
        if (in->dur <= 0)
            return err_set(err, BH_EINPUT, "", 0, "cannot extend '%s': the extension must be "
                           "longer than 0", id);
        if (in->dur > DUR_MAX - due)
            return err_set(err, BH_EINPUT, "", 0, "cannot extend '%s' that far", id);
    }
    return BH_OK;
}

bh_status sim_facil_check(bh_sim *s, const bh_input *in, bh_err *err)
{
    const bh_defs *d = s->d;
    switch (in->kind) {
    case IN_FIRE: {
        if (in->a < 0 || (size_t)in->a >= d->ninjects)
            return err_set(err, BH_EINPUT, "", 0, "no such inject");
        const bh_inject_def *x = &d->injects[in->a];
        if (s->fired[in->a] && !x->repeatable)
            return err_set(err, BH_EINPUT, "", 0,
                           "cannot fire '%s': it has already arrived (it is not repeatable)",
                           x->id);
        return BH_OK;
    }
    case IN_EXTEND:
    case IN_FREEZE:
    case IN_UNFREEZE:
        return deadline_check(s, in, err);
    case IN_ADJUST:
        if (in->a < 0 || (size_t)in->a >= d->nmeters)
            return err_set(err, BH_EINPUT, "", 0, "no such meter");
        if (!text_decimal_exact(in->amount) || fabs(in->amount) > SIM_MAX_ADJUST)
            return err_set(err, BH_EINPUT, "", 0,
                           "cannot adjust '%s': the amount must be a number with at most three "
                           "decimals, up to %g either way", d->meters[in->a].id, SIM_MAX_ADJUST);
        if (in->amount == 0)
            return err_set(err, BH_EINPUT, "", 0, "cannot adjust '%s' by 0: that changes nothing",
                           d->meters[in->a].id);
        return needs_text("the reason for an adjustment", in->text, err);
    case IN_MESSAGE:
        if (needs_text("a message's title", in->text, err) != BH_OK)
            return err->status;
        return sim_text_check("a message's body", in->body, SIM_MAX_FACIL_TEXT, err);
    case IN_END:
        return needs_text("the reason for ending the session", in->text, err);
    default:
        return err_set(err, BH_EUSAGE, "", 0, "not an intervention");
    }
}

static bh_status logged(bh_sim *s, const bh_input *in, int b, double from, double to,
                        bh_err *err)
{
    if (sim_log_push(s, LOG_FACIL, (int)in->kind, b, from, to, in->text) != 0)
        return sim_oom(s, err);
    return BH_OK;
}

static bh_status fire(bh_sim *s, const bh_input *in, bh_err *err)
{
    const bh_inject_def *x = &s->d->injects[in->a];
    if (x->has_at && x->at > s->now) {
        if (!s->fac_took && !(s->fac_took = mem_calloc(s->d->ninjects, 1)))
            return sim_oom(s, err);
        s->fac_took[in->a] = 1; /* it does not come again at its time */
    }
    if (logged(s, in, in->a, 0, 0, err) != BH_OK)
        return err->status;
    return sim_deliver(s, in->a, err);
}

/* Queue the deadline event of an open, running decision, after bumping
 * its generation: whatever was queued before is stale from here on. */
static int requeue(bh_sim *s, int i)
{
    sim_dec *dc = &s->dec[i];
    dc->gen++;
    sim_touch(s, &s->st_dec[i]);
    return dc->frozen ? 0 : sched_push(&s->q, dc->deadline, 0, EV_DEADLINE, i, dc->gen, 0);
}

static bh_status deadline(bh_sim *s, const bh_input *in, bh_err *err)
{
    sim_dec *dc = &s->dec[in->a];
    double from = 0;
    switch (in->kind) {
    case IN_EXTEND:
        if (dc->frozen)
            dc->left += in->dur;
        else
            dc->deadline += in->dur;
        from = (double)in->dur;
        break;
    case IN_FREEZE:
        dc->frozen = 1;
        dc->left = dc->deadline - s->now;
        from = (double)dc->left;
        break;
    default: /* IN_UNFREEZE */
        dc->frozen = 0;
        dc->deadline = s->now + dc->left;
        break;
    }
    if (dc->frozen)
        dc->deadline = s->now + dc->left; /* as it would be if unfrozen now */
    if (requeue(s, in->a) != 0)
        return sim_oom(s, err);
    return logged(s, in, in->a, from, dc->frozen ? -1 : (double)dc->deadline, err);
}

static bh_status adjust(bh_sim *s, const bh_input *in, bh_err *err)
{
    int i = in->a;
    double was = s->meter[i];
    if (logged(s, in, i, in->amount, 0, err) != BH_OK)
        return err->status;
    const bh_meter_def *m = &s->d->meters[i];
    double v = was + in->amount; /* clamped as every change to a meter is */
    s->meter[i] = v < m->min ? m->min : v > m->max ? m->max : v;
    if (s->meter[i] == was)
        return BH_OK;
    sim_touch(s, &s->st_meter[i]);
    if (sim_log_push(s, LOG_METER, i, 0, was, s->meter[i], NULL) != 0 ||
        sim_hist_push(s, i, s->now, s->meter[i]) != 0)
        return sim_oom(s, err);
    return BH_OK;
}

static bh_status message(bh_sim *s, const bh_input *in, bh_err *err)
{
    char id[32];
    snprintf(id, sizeof id, "facilitator:%zu", s->nfac_msg + 1);
    if (VEC_PUSH(s->fac_msg, s->nfac_msg, s->cap_fac_msg) != 0)
        return sim_oom(s, err);
    bh_inject_def *m = &s->fac_msg[s->nfac_msg];
    memset(m, 0, sizeof *m);
    m->id = mem_strdup(id);
    m->title = mem_strdup(in->text);
    m->body = mem_strdup(in->body ? in->body : "");
    m->from = "Facilitator";
    m->channel = CH_INTERNAL;
    m->source = SRC_NONE;
    if (!m->id || !m->title || !m->body) {
        free(m->id);
        free(m->title);
        free(m->body);
        return sim_oom(s, err);
    }
    int k = (int)s->nfac_msg++;
    if (VEC_PUSH(s->inbox, s->ninbox, s->cap_inbox) != 0)
        return sim_oom(s, err);
    s->inbox[s->ninbox++] = (bh_inbox_item){s->now, -1, k};
    return logged(s, in, k, 0, 0, err);
}

bh_status sim_facil_apply(bh_sim *s, const bh_input *in, bh_err *err)
{
    switch (in->kind) {
    case IN_FIRE:
        return fire(s, in, err);
    case IN_EXTEND:
    case IN_FREEZE:
    case IN_UNFREEZE:
        return deadline(s, in, err);
    case IN_ADJUST:
        return adjust(s, in, err);
    case IN_MESSAGE:
        return message(s, in, err);
    case IN_END:
        free(s->fac_reason);
        if (!(s->fac_reason = mem_strdup(in->text)))
            return sim_oom(s, err);
        if (logged(s, in, 0, 0, 0, err) != BH_OK)
            return err->status;
        return sim_end(s, defs_ending_facilitator(s->d), 0, err);
    default:
        return err_set(err, BH_EUSAGE, "", 0, "not an intervention");
    }
}

const bh_inject_def *sim_facil_message(const bh_sim *s, int k) { return &s->fac_msg[k]; }

const bh_inject_def *sim_inbox_def(const bh_sim *s, const bh_inbox_item *it)
{
    return it->inject >= 0 ? &s->d->injects[it->inject] : sim_facil_message(s, it->message);
}

const char *sim_end_reason(const bh_sim *s)
{
    return s->ended && s->ending == defs_ending_facilitator(s->d) ? s->fac_reason : NULL;
}
