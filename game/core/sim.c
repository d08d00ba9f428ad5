/* sim.c: the event loop and condition settling, and the end a hook asks
 * for with w.finish. Creating and freeing a session is sim_life.c; inputs
 * and the world API live in sim_world.c, hooks in sim_hook.c, and the
 * history, log and ending in sim_record.c. */
#include "core/sim_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "core/vec.h"

bh_status sim_deliver(bh_sim *s, int i, bh_err *err)
{
    const bh_inject_def *x = &s->d->injects[i];
    s->fired[i]++;
    sim_touch(s, &s->st_inj[i]);
    if (VEC_PUSH(s->inbox, s->ninbox, s->cap_inbox) != 0 ||
        sim_log_push(s, LOG_INJECT, i, 0, 0, 0, NULL) != 0)
        return sim_oom(s, err);
    s->inbox[s->ninbox++] = (bh_inbox_item){s->now, i, -1};
    return sim_effect(s, x->effect, &(bh_what){.fmt = "effect of inject '%s'", .a = x->id}, err);
}

bh_status sim_open_now(bh_sim *s, int i, bh_err *err)
{
    const bh_decision_def *x = &s->d->decisions[i];
    sim_dec *dc = &s->dec[i];
    if (dc->state != DEC_CLOSED || dc->was_opened)
        return BH_OK; /* a decision opens once */
    dc->state = DEC_OPEN;
    dc->was_opened = 1;
    dc->opened = s->now;
    dc->deadline = s->now + x->deadline;
    dc->gen++;
    sim_touch(s, &s->st_dec[i]);
    if (sched_push(&s->q, dc->deadline, 0, EV_DEADLINE, i, dc->gen, 0) != 0 ||
        sim_log_push(s, LOG_OPEN, i, 0, 0, (double)dc->deadline, NULL) != 0)
        return sim_oom(s, err);
    return BH_OK;
}

/* While a condition that is still waiting read the clock, the clock is
 * checked every `check` interval, on the grid 0, check, 2*check, ...; the
 * check comes after the other events due at that second, so it only finds
 * work when nothing else happened then. Otherwise no checks are queued. */
static int want_check(bh_sim *s)
{
    const bh_defs *d = s->d;
    bh_time every = d->scenario.check_every;
    if (every <= 0 || s->next_check > s->now)
        return 0;
    bh_time t = (s->now / every + 1) * every;
    if (t >= s->length)
        return 0;
    s->next_check = t;
    return sched_push(&s->q, t, 1, EV_CHECK, 0, 0, 0);
}

/* Ask the `when` condition of inject, decision or ending i (through its
 * memo). A no from one that read the clock lists it for clock_only. */
static bh_status ask_when(bh_sim *s, bh_cond_kind k, size_t i, bh_hook_result *r, bh_err *err)
{
    static const char *const what[] = {"condition of inject '%s'", "condition of decision '%s'",
                                       "condition of ending '%s'"};
    const bh_defs *d = s->d;
    bh_hook h = k == COND_INJECT ? d->injects[i].when
                : k == COND_DECISION ? d->decisions[i].when : d->endings[i].when;
    const char *id = k == COND_INJECT ? d->injects[i].id
                     : k == COND_DECISION ? d->decisions[i].id : d->endings[i].id;
    bh_status st = sim_cond(s, h, HOOK_COND, sim_memo_of(s, k, i), NULL, what[k], id, r, err);
    if (st == BH_OK && !r->truth && sim_memo_of(s, k, i)->read_time)
        s->clock_conds[s->nclock++] = RD_ITEM(k, i);
    return st;
}

/* When nothing in the world changed since the last full settle, only the
 * conditions that read the clock can answer differently, and only if the
 * clock moved. 1 when one of them now holds (a full settle must act on it
 * in declaration order), 0 when none does, -1 on a script error. */
static int clock_only(bh_sim *s, bh_err *err)
{
    int n = s->nclock;
    s->nclock = 0; /* ask_when lists the ones still waiting again */
    for (int k = 0; k < n; k++) {
        bh_hook_result r;
        uint32_t c = s->clock_conds[k];
        if (ask_when(s, (bh_cond_kind)(c >> 24), c & 0xffffff, &r, err) != BH_OK)
            return -1;
        if (r.truth)
            return 1;
    }
    return 0;
}

static bh_status finish_pending(bh_sim *s, bh_err *err);

/* Stop settling: the session ended, or a hook asked it to (w.finish). */
static int halted(const bh_sim *s)
{
    return s->ended || s->pending_finish;
}

bh_status sim_settle(bh_sim *s, bh_err *err)
{
    const bh_defs *d = s->d;
    bh_hook_result r;
    if (s->ended || s->failed)
        return BH_OK;
    if (s->pending_finish)
        return finish_pending(s, err);
    /* Nothing changed: nothing to ask, except the clock readers if the
     * clock moved. Verification wants every remembered answer checked, so
     * it takes the full way. */
    if (s->epoch == s->settled_epoch && !s->verify) {
        if (s->now == s->settled_now || !s->nclock)
            return BH_OK;
        int c = clock_only(s, err);
        if (c < 0)
            return err->status;
        if (c == 0) {
            s->settled_now = s->now;
            return s->nclock && want_check(s) != 0 ? sim_oom(s, err) : BH_OK;
        }
    }
    /* Each pass can only fire or open something new, and each fires or
     * opens at most once, so this terminates. An inject's effect that
     * calls w.finish stops it: no condition is asked after that. */
    for (int changed = 1; changed && !halted(s) && !s->failed;) {
        changed = 0;
        s->nclock = 0;
        for (size_t i = 0; i < d->ninjects && !halted(s); i++) {
            if (!d->injects[i].when || s->fired[i] || d->injects[i].after > s->now)
                continue;
            if (ask_when(s, COND_INJECT, i, &r, err) != BH_OK)
                return err->status;
            if (r.truth) {
                if (sim_deliver(s, (int)i, err) != BH_OK)
                    return err->status;
                changed = 1;
            }
        }
        for (size_t i = 0; i < d->ndecisions && !halted(s); i++) {
            if (!d->decisions[i].when || s->dec[i].was_opened || d->decisions[i].after > s->now)
                continue;
            if (ask_when(s, COND_DECISION, i, &r, err) != BH_OK)
                return err->status;
            if (r.truth) {
                if (sim_open_now(s, (int)i, err) != BH_OK)
                    return err->status;
                changed = 1;
            }
        }
        for (size_t i = 0; i < d->nendings && !halted(s); i++) {
            if (!d->endings[i].when || d->endings[i].after > s->now)
                continue;
            if (ask_when(s, COND_ENDING, i, &r, err) != BH_OK)
                return err->status;
            if (r.truth)
                return sim_end(s, (int)i, 0, err);
        }
    }
    if (s->pending_finish && !s->failed)
        return finish_pending(s, err);
    s->settled_epoch = s->epoch;
    s->settled_now = s->now;
    if (s->nclock && !s->ended && !s->failed && want_check(s) != 0)
        return sim_oom(s, err);
    return BH_OK;
}

static int fallback_ending(const bh_defs *d)
{
    for (size_t i = 0; i < d->nendings; i++)
        if (d->endings[i].fallback)
            return (int)i;
    return -1;
}

bh_status sim_set_cut(bh_sim *s, int cut, bh_err *err)
{
    const bh_defs *d = s->d;
    if (cut < -1 || cut >= (int)d->ncuts)
        return err_set(err, BH_EUSAGE, "", 0, "no cut number %d in this scenario", cut);
    if (s->nevents > 0 || s->now > 0 || s->ended || s->failed)
        return err_set(err, BH_EUSAGE, "", 0, "a session's cut is chosen before it begins");
    bh_time len = cut >= 0 ? d->cuts[cut].length : d->scenario.length;
    if (len <= 0)
        return err_set(err, BH_EUSAGE, "", 0, "cut '%s' has no length", d->cuts[cut].id);
    /* The queued length event of the scenario (or of an earlier choice)
     * stays in the queue; handle() skips any that is not this length. */
    if (len != s->length && sched_push(&s->q, len, 1, EV_LENGTH, 0, 0, 0) != 0)
        return err_set(err, BH_ENOMEM, "", 0, "out of memory");
    s->cut = cut;
    s->length = len;
    s->version++;
    return BH_OK;
}

int sim_cut(const bh_sim *s) { return s->cut; }
bh_time sim_length(const bh_sim *s) { return s->length; }

double sim_rate(const bh_sim *s)
{
    const bh_defs *d = s->d;
    return s->cut >= 0 && d->cuts[s->cut].rate > 0 ? d->cuts[s->cut].rate : d->scenario.rate;
}

/* The cut's time ran out. The conditions are asked first at this very
 * instant (the clock checks stop short of the length), so an ending that
 * holds now wins; then the cut's own ending; then the fallback. */
static bh_status cut_out(bh_sim *s, bh_err *err)
{
    s->epoch++; /* a full settle: every waiting condition is asked now */
    bh_status st = sim_settle(s, err);
    if (st != BH_OK || s->ended)
        return st;
    int e = s->d->cuts[s->cut].ending;
    return sim_end(s, e >= 0 ? e : fallback_ending(s->d), 1, err);
}

/* A standing commitment's run: a completion like any other (logged,
 * counted, its effect run), but it keeps its staff and is queued again for
 * its next time, with the same generation so that a cancel stops it. */
static bh_status standing_run(bh_sim *s, int i, bh_err *err)
{
    const bh_action_def *x = &s->d->actions[i];
    sim_act *a = &s->act[i];
    a->done++;
    a->last = s->now;
    a->ends = defs_standing_next(s->d, x, s->now, 0);
    sim_touch(s, &s->st_act[i]);
    if (sched_push(&s->q, a->ends, 0, EV_ACTION_DONE, i, a->gen, 0) != 0 ||
        sim_log_push(s, LOG_DONE, i, 0, 0, 0, NULL) != 0)
        return sim_oom(s, err);
    return sim_effect(s, x->effect, &(bh_what){.fmt = "effect of action '%s'", .a = x->id}, err);
}

static bh_status handle(bh_sim *s, const bh_event *ev, bh_err *err)
{
    const bh_defs *d = s->d;
    switch (ev->kind) {
    case EV_INJECT_AT: /* an effect may have fired it already: deliver once */
        if (sim_facil_took(s, ev->idx))
            return BH_OK; /* the facilitator delivered it early */
        /* fall through */
    case EV_FIRE:
        if (s->fired[ev->idx] && !d->injects[ev->idx].repeatable)
            return BH_OK;
        return sim_deliver(s, ev->idx, err);
    case EV_DECISION_AT:
    case EV_OPEN:
        return sim_open_now(s, ev->idx, err);
    case EV_ACTION_DONE: {
        sim_act *a = &s->act[ev->idx];
        const bh_action_def *x = &d->actions[ev->idx];
        if (!a->running || a->gen != ev->gen)
            return BH_OK; /* cancelled */
        if (defs_standing(x))
            return standing_run(s, ev->idx, err);
        a->running = 0;
        a->done++;
        s->busy[x->team] -= x->staff;
        sim_touch(s, &s->st_act[ev->idx]);
        sim_touch(s, &s->st_team[x->team]);
        if (sim_log_push(s, LOG_DONE, ev->idx, 0, 0, 0, NULL) != 0)
            return sim_oom(s, err);
        return sim_effect(s, x->effect, &(bh_what){.fmt = "effect of action '%s'", .a = x->id},
                          err);
    }
    case EV_DEADLINE: {
        sim_dec *dc = &s->dec[ev->idx];
        const bh_decision_def *x = &d->decisions[ev->idx];
        if (dc->state != DEC_OPEN || dc->gen != ev->gen)
            return BH_OK;
        dc->state = DEC_DECIDED;
        dc->chosen = x->default_opt;
        dc->by_default = 1;
        sim_touch(s, &s->st_dec[ev->idx]);
        if (sim_log_push(s, LOG_DEFAULT, ev->idx, x->default_opt, 0, 0, NULL) != 0)
            return sim_oom(s, err);
        return sim_effect(s, x->options[x->default_opt].effect,
                          &(bh_what){.fmt = "effect of option '%s' of decision '%s'",
                                     .a = x->options[x->default_opt].id, .b = x->id},
                          err);
    }
    case EV_EVERY: {
        const bh_every_def *x = &d->everys[ev->idx];
        if (sched_push(&s->q, s->now + x->interval, 0, EV_EVERY, ev->idx, 0, 0) != 0)
            return sim_oom(s, err);
        s->background = 1;
        bh_status st = sim_effect(s, x->fn,
                                  &(bh_what){.every = x->interval, .file = x->loc.file,
                                             .line = x->loc.line},
                                  err);
        s->background = 0;
        return st;
    }
    case EV_AFTER: {
        s->background = 1;
        bh_status st = sim_effect(s, ev->hook, &(bh_what){.fmt = "w.after function"}, err);
        s->background = 0;
        if (s->hooks.release)
            s->hooks.release(s->hooks.ud, ev->hook);
        return st;
    }
    case EV_CHECK:
        /* The settle after every event does the checking. A wake-up (a
         * condition's `after` has come) changes nothing in the world, but
         * a condition not checked before must be now: no quick settle. */
        if (ev->idx == 1)
            s->epoch++;
        return BH_OK;
    case EV_LENGTH:
        if (ev->time != s->length)
            return BH_OK; /* the scenario's length, overridden by a cut */
        if (s->cut >= 0)
            return cut_out(s, err);
        return sim_end(s, fallback_ending(d), 1, err);
    }
    return BH_OK;
}

/* Locate an event's author code, for errors about the event itself. */
static void event_where(const bh_sim *s, const bh_event *ev, bh_err *e)
{
    const bh_defs *d = s->d;
    const bh_loc *loc = NULL;
    switch (ev->kind) {
    case EV_INJECT_AT: case EV_FIRE: loc = &d->injects[ev->idx].loc; break;
    case EV_DECISION_AT: case EV_OPEN: case EV_DEADLINE: loc = &d->decisions[ev->idx].loc; break;
    case EV_ACTION_DONE: loc = &d->actions[ev->idx].loc; break;
    case EV_EVERY: loc = &d->everys[ev->idx].loc; break;
    default: break;
    }
    if (loc) {
        snprintf(e->file, sizeof e->file, "%s", loc->file);
        e->line = loc->line;
    } else if (ev->kind == EV_AFTER && s->hooks.where) {
        s->hooks.where(s->hooks.ud, ev->hook, e->file, sizeof e->file, &e->line);
    }
}

static const char *d_path(const bh_sim *s)
{
    return s->d->scenario.loc.file ? s->d->scenario.loc.file : "";
}

/* Count one more event at this instant and in the session: 1 when that
 * is past either limit (a chain that never ends). */
static int too_many(bh_sim *s)
{
    if (s->now != s->burst_time) {
        s->burst_time = s->now;
        s->burst = 0;
    }
    return ++s->burst > SIM_MAX_EVENTS_PER_INSTANT || ++s->nevents > SIM_MAX_EVENTS;
}

static bh_status runaway(bh_sim *s, const bh_event *ev, bh_err *err)
{
    bh_err e;
    char stamp[40];
    if (s->nevents > SIM_MAX_EVENTS)
        err_set(&e, BH_ESCRIPT, d_path(s), 0,
                "event limit reached: more than %d events in one session, at %s (does a "
                "w.after or w.fire chain never end?)", SIM_MAX_EVENTS,
                dur_stamp(s->now, stamp, sizeof stamp));
    else
        err_set(&e, BH_ESCRIPT, d_path(s), 0,
                "event limit reached: more than %d events at %s without the clock moving "
                "(does a w.after(0, ...) or w.fire chain never end?)", SIM_MAX_EVENTS_PER_INSTANT,
                dur_stamp(s->now, stamp, sizeof stamp));
    event_where(s, ev, &e);
    if (ev->kind == EV_AFTER && s->hooks.release)
        s->hooks.release(s->hooks.ud, ev->hook);
    return sim_fail(s, &e, err);
}

bh_status sim_advance(bh_sim *s, bh_time target, bh_err *err)
{
    if (s->failed)
        return sim_fail(s, &s->error, err);
    if (target < s->now)
        return err_set(err, BH_EUSAGE, "", 0, "cannot move the clock back from %lld to %lld",
                       (long long)s->now, (long long)target);
    while (!s->ended) {
        const bh_event *top = sched_peek(&s->q);
        if (!top || top->time > target)
            break;
        bh_event ev;
        sched_pop(&s->q, &ev);
        s->now = ev.time;
        if (too_many(s))
            return runaway(s, &ev, err);
        if (handle(s, &ev, err) != BH_OK)
            return err->status;
        if (sim_settle(s, err) != BH_OK)
            return err->status;
    }
    if (!s->ended && s->now != target) {
        s->now = target;
        s->version++;
    }
    return BH_OK;
}

/* A hook called w.finish (it takes effect when the hook returns). The
 * ending waits for what w.fire, w.open and w.after have queued for this
 * second, so that a hook that fires a message and then finishes shows the
 * message (issue 16): those events are handled in the order they were
 * queued, with what they queue for this second in turn, and then the
 * session ends with the first ending asked for (a w.finish among them
 * changes nothing). Conditions are not asked meanwhile: the ending is
 * chosen. Anything else due this second (an `at`, a completion, a
 * deadline) is dropped, as the session is over. A chain that never stops
 * meets the per-instant limit; an effect that fails stops the session on
 * its error, as anywhere else. */
static bh_status finish_pending(bh_sim *s, bh_err *err)
{
    for (;;) {
        const bh_event *top = sched_peek(&s->q);
        if (!top || top->time != s->now || top->prio != 0)
            break;
        bh_event ev;
        sched_pop(&s->q, &ev);
        if (ev.kind != EV_FIRE && ev.kind != EV_OPEN && ev.kind != EV_AFTER)
            continue;
        if (too_many(s))
            return runaway(s, &ev, err);
        if (handle(s, &ev, err) != BH_OK)
            return err->status;
    }
    int ending = s->pending_finish - 1;
    s->pending_finish = 0;
    return sim_end(s, ending, 0, err);
}

bh_time sim_next_event(const bh_sim *s)
{
    const bh_event *top = sched_peek(&s->q);
    return (top && !s->ended && !s->failed) ? top->time : -1;
}
