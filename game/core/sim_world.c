/* sim_world.c: inputs, state queries and the world API behind `w`. */
#include "core/sim_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "core/text.h"
#include "core/vec.h"

/* ---- queries ---- */

const bh_defs *sim_defs(const bh_sim *s) { return s->d; }
bh_time sim_now(const bh_sim *s)
{
    s->rec->read_time |= s->rec->on;
    return s->now;
}
uint64_t sim_seed(const bh_sim *s) { return s->seed; }
uint64_t sim_version(const bh_sim *s) { return s->version; }
uint64_t sim_serial(const bh_sim *s) { return s->serial; }
int sim_ended(const bh_sim *s) { return s->ended; }
int sim_ending(const bh_sim *s) { return s->ending; }
int sim_failed(const bh_sim *s) { return s->failed; }
const bh_err *sim_error(const bh_sim *s) { return &s->error; }
double sim_meter(const bh_sim *s, int i)
{
    sim_track(s, RD_METER, (size_t)i);
    return s->meter[i];
}
bh_status_word sim_system(const bh_sim *s, int i)
{
    sim_track(s, RD_SYSTEM, (size_t)i);
    return s->sys[i];
}
int sim_team_staff(const bh_sim *s, int i)
{
    sim_track(s, RD_TEAM, (size_t)i);
    return s->staff[i];
}
int sim_team_free(const bh_sim *s, int i)
{
    sim_track(s, RD_TEAM, (size_t)i);
    int f = s->staff[i] - s->busy[i];
    return f > 0 ? f : 0;
}
int sim_action_running(const bh_sim *s, int i)
{
    sim_track(s, RD_ACTION, (size_t)i);
    return s->act[i].running;
}
int sim_action_times(const bh_sim *s, int i, bh_time *started, bh_time *ends)
{
    sim_track(s, RD_ACTION, (size_t)i);
    const sim_act *a = &s->act[i];
    *started = a->running ? a->started : 0;
    *ends = a->running ? a->ends : 0;
    return a->running;
}
int sim_action_done(const bh_sim *s, int i)
{
    sim_track(s, RD_ACTION, (size_t)i);
    return s->act[i].done;
}
int sim_inject_fired(const bh_sim *s, int i)
{
    sim_track(s, RD_INJECT, (size_t)i);
    return s->fired[i];
}
int sim_in_condition(const bh_sim *s) { return s->in_cond; }

const bh_point *sim_meter_history(const bh_sim *s, int i, size_t *n)
{
    *n = s->nhist[i];
    return s->hist[i];
}

const bh_inbox_item *sim_inbox(const bh_sim *s, size_t *n)
{
    *n = s->ninbox;
    return s->inbox;
}

const bh_log_entry *sim_log(const bh_sim *s, size_t *n)
{
    *n = s->nlog;
    return s->log;
}

/* Flags are found through an open-addressing table of indices (hooks read
 * flags constantly, and a session may hold a thousand). */
static uint32_t name_hash(const char *p)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (; *p; p++)
        h = (h ^ (unsigned char)*p) * 16777619u;
    return h;
}

static sim_flagv *find_flag(const bh_sim *s, const char *name)
{
    if (!s->flag_cap)
        return NULL;
    size_t mask = s->flag_cap - 1;
    for (size_t k = name_hash(name) & mask;; k = (k + 1) & mask) {
        int v = s->flag_slot[k];
        if (!v)
            return NULL;
        if (strcmp(s->flags[v - 1].name, name) == 0)
            return &s->flags[v - 1];
    }
}

/* Enter flags[i] into the table, growing it to stay at most half full. */
static int index_flag(bh_sim *s, size_t i)
{
    if ((s->nflags + 1) * 2 > s->flag_cap) {
        size_t cap = s->flag_cap ? s->flag_cap * 2 : 64;
        int *slot = mem_calloc(cap, sizeof *slot);
        if (!slot)
            return -1;
        free(s->flag_slot);
        s->flag_slot = slot;
        s->flag_cap = cap;
        for (size_t j = 0; j < i; j++) /* the flags already there */
            for (size_t k = name_hash(s->flags[j].name) & (cap - 1);; k = (k + 1) & (cap - 1))
                if (!slot[k]) {
                    slot[k] = (int)j + 1;
                    break;
                }
    }
    for (size_t k = name_hash(s->flags[i].name) & (s->flag_cap - 1);; k = (k + 1) & (s->flag_cap - 1))
        if (!s->flag_slot[k]) {
            s->flag_slot[k] = (int)i + 1;
            return 0;
        }
}

bh_value sim_flag(const bh_sim *s, const char *name)
{
    sim_flagv *f = find_flag(s, name);
    if (f)
        sim_track(s, RD_FLAG, (size_t)(f - s->flags));
    else
        sim_track(s, RD_FLAGSET, name_hash(name) % SIM_FLAG_BUCKETS);
    return f ? f->v : (bh_value){VAL_NIL, 0, 0, NULL};
}

size_t sim_flag_count(const bh_sim *s) { return s->nflags; }
const char *sim_flag_name(const bh_sim *s, size_t i) { return s->flags[i].name; }

void sim_decision_status(const bh_sim *s, int i, bh_decision_status *out)
{
    const sim_dec *dc = &s->dec[i];
    sim_track(s, RD_DECISION, (size_t)i);
    out->state = dc->state;
    out->opened = dc->opened;
    out->deadline = dc->deadline;
    out->left = dc->state == DEC_OPEN ? dc->deadline - s->now : 0;
    out->chosen = dc->chosen;
    out->by_default = dc->by_default;
    out->frozen = dc->state == DEC_OPEN && dc->frozen;
    if (out->frozen) { /* the clock stands: the deadline moves with now */
        out->left = dc->left;
        out->deadline = s->now + dc->left;
    }
}

/* Players' screens and the explorer ask this for every action, often:
 * fields are set one by one rather than clearing the 280-byte struct. */
static void set_reason(bh_action_status *out, const char *r)
{
    size_t n = strlen(r);
    if (n >= sizeof out->reason)
        n = sizeof out->reason - 1;
    memcpy(out->reason, r, n);
    out->reason[n] = '\0';
}

bh_status sim_action_status(bh_sim *s, int i, bh_action_status *out, bh_err *err)
{
    const bh_action_def *x = &s->d->actions[i];
    const sim_act *a = &s->act[i];
    out->reason[0] = '\0';
    out->started = out->ends = 0;
    out->progress = 0;
    out->done = a->done;
    out->standing = defs_standing(x);
    if (a->running) {
        out->state = ACT_RUNNING;
        out->started = a->started;
        out->ends = a->ends;
        bh_time span = a->ends - a->last;
        out->progress = span > 0 ? (double)(s->now - a->last) / (double)span : 1.0;
        set_reason(out, out->standing ? "already standing" : "already running");
        return BH_OK;
    }
    /* A standing commitment, once cancelled, may be made again. */
    if (a->done && !x->repeatable && !out->standing) {
        out->state = ACT_DONE;
        set_reason(out, "already done");
        return BH_OK;
    }
    if (s->ended || s->failed) {
        out->state = ACT_BLOCKED;
        set_reason(out, "the session has ended");
        return BH_OK;
    }
    if (x->available) {
        bh_hook_result r;
        if (sim_cond(s, x->available, HOOK_AVAILABLE, &s->memo_act[i], s->act_reason[i],
                     "availability of action '%s'", x->id, &r, err) != BH_OK)
            return err->status;
        if (!r.truth) {
            out->state = ACT_BLOCKED;
            set_reason(out, r.reason[0] ? r.reason : "not available now");
            return BH_OK;
        }
    }
    int free_staff = sim_team_free(s, x->team);
    if (free_staff < x->staff) {
        out->state = ACT_BLOCKED;
        snprintf(out->reason, sizeof out->reason, "needs %d of %s; %d free", x->staff,
                 s->d->teams[x->team].label, free_staff);
        return BH_OK;
    }
    out->state = ACT_AVAILABLE;
    return BH_OK;
}

/* ---- inputs ---- */

static bh_status refuse(bh_err *err, const char *fmt, const char *a, const char *b)
{
    return err_set(err, BH_EINPUT, "", 0, fmt, a, b);
}

bh_status sim_check_input(bh_sim *s, const bh_input *in, bh_err *err)
{
    const bh_defs *d = s->d;
    /* Notes and details are welcome even after the end, when the clock has
     * stopped. */
    int note = in->kind == IN_NOTE || in->kind == IN_DETAILS;
    if (note) {
        char what[40] = "a note";
        size_t max = SIM_MAX_NOTE_BYTES;
        if (in->kind == IN_DETAILS) {
            if (sim_details_check(s, in, err) != BH_OK)
                return err->status;
            snprintf(what, sizeof what, "the %s", sim_detail_key((bh_detail)in->a));
            max = in->a == DETAIL_PARTICIPANTS ? SIM_MAX_DETAIL_NAMES : SIM_MAX_DETAIL;
        }
        if (sim_text_check(what, in->text, max, err) != BH_OK)
            return err->status;
        if (s->ended && in->time >= s->now)
            return BH_OK;
    }
    if (in->time != s->now)
        return err_set(err, BH_EUSAGE, "", 0, "input stamped %lld but the session is at %lld",
                       (long long)in->time, (long long)s->now);
    if (note)
        return BH_OK; /* notes are welcome even after the end */
    if (s->failed)
        return err_set(err, BH_EINPUT, "", 0, "the session stopped on a script error");
    if (s->ended)
        return err_set(err, BH_EINPUT, "", 0, "the session has ended");
    switch (in->kind) {
    case IN_START: {
        if (in->a < 0 || (size_t)in->a >= d->nactions)
            return err_set(err, BH_EINPUT, "", 0, "no such action");
        bh_action_status st;
        if (sim_action_status(s, in->a, &st, err) != BH_OK)
            return err->status;
        if (st.state != ACT_AVAILABLE)
            return refuse(err, "cannot start '%s': %s", d->actions[in->a].id, st.reason);
        return BH_OK;
    }
    case IN_CANCEL:
        if (in->a < 0 || (size_t)in->a >= d->nactions)
            return err_set(err, BH_EINPUT, "", 0, "no such action");
        if (!s->act[in->a].running)
            return refuse(err, "cannot cancel '%s': %s", d->actions[in->a].id, "it is not running");
        return BH_OK;
    case IN_CHOOSE:
        if (in->a < 0 || (size_t)in->a >= d->ndecisions)
            return err_set(err, BH_EINPUT, "", 0, "no such decision");
        if (in->b < 0 || (size_t)in->b >= d->decisions[in->a].noptions)
            return refuse(err, "decision '%s' has no such option%s", d->decisions[in->a].id, "");
        if (s->dec[in->a].state != DEC_OPEN)
            return refuse(err, "cannot choose in '%s': %s", d->decisions[in->a].id,
                          s->dec[in->a].state == DEC_DECIDED ? "it was already decided"
                                                             : "it is not open");
        return BH_OK;
    case IN_NOTE: case IN_DETAILS:
        break;
    case IN_FIRE: case IN_EXTEND: case IN_FREEZE: case IN_UNFREEZE: case IN_ADJUST:
    case IN_MESSAGE: case IN_END:
        return sim_facil_check(s, in, err);
    case IN_VOTE: case IN_PROPOSAL:
        return sim_room_check(s, in, err);
    }
    return BH_OK;
}

bh_status sim_apply_input(bh_sim *s, const bh_input *in, bh_err *err)
{
    const bh_defs *d = s->d;
    switch (in->kind) {
    case IN_START: {
        const bh_action_def *x = &d->actions[in->a];
        sim_act *a = &s->act[in->a];
        a->running = 1;
        a->gen++;
        a->started = a->last = s->now;
        a->ends = defs_standing(x) ? defs_standing_next(d, x, s->now + x->takes, 1)
                                   : s->now + x->takes;
        s->busy[x->team] += x->staff;
        sim_touch(s, &s->st_act[in->a]);
        sim_touch(s, &s->st_team[x->team]);
        if (sched_push(&s->q, a->ends, 0, EV_ACTION_DONE, in->a, a->gen, 0) != 0 ||
            sim_log_push(s, LOG_START, in->a, 0, 0, 0, NULL) != 0)
            return sim_oom(s, err);
        if (sim_effect(s, x->on_start, &(bh_what){.fmt = "start of action '%s'", .a = x->id},
                       err) != BH_OK)
            return err->status;
        break;
    }
    case IN_CANCEL: {
        const bh_action_def *x = &d->actions[in->a];
        sim_act *a = &s->act[in->a];
        a->running = 0;
        a->gen++;
        s->busy[x->team] -= x->staff;
        sim_touch(s, &s->st_act[in->a]);
        sim_touch(s, &s->st_team[x->team]);
        if (sim_log_push(s, LOG_CANCEL, in->a, 0, 0, 0, NULL) != 0)
            return sim_oom(s, err);
        /* undo what `start` set up (a system marked "restoring", say) */
        if (sim_effect(s, x->on_cancel, &(bh_what){.fmt = "cancel of action '%s'", .a = x->id},
                       err) != BH_OK)
            return err->status;
        break;
    }
    case IN_CHOOSE: {
        const bh_decision_def *x = &d->decisions[in->a];
        sim_dec *dc = &s->dec[in->a];
        dc->state = DEC_DECIDED;
        dc->chosen = in->b;
        dc->by_default = 0;
        dc->gen++;
        sim_touch(s, &s->st_dec[in->a]);
        if (sim_log_push(s, LOG_CHOOSE, in->a, in->b, 0, 0, NULL) != 0)
            return sim_oom(s, err);
        if (sim_effect(s, x->options[in->b].effect,
                       &(bh_what){.fmt = "effect of option '%s' of decision '%s'",
                                  .a = x->options[in->b].id, .b = x->id},
                       err) != BH_OK)
            return err->status;
        break;
    }
    case IN_NOTE:
        if (sim_log_push(s, LOG_FNOTE, 0, 0, 0, 0, in->text ? in->text : "") != 0)
            return sim_oom(s, err);
        s->log[s->nlog - 1].time = in->time; /* after the end, keep the note's own time */
        return BH_OK;
    case IN_VOTE: case IN_PROPOSAL:
        return sim_room_apply(s, in, err); /* annotations: nothing to settle */
    case IN_DETAILS:
        return sim_details_apply(s, in, err);
    case IN_FIRE: case IN_EXTEND: case IN_FREEZE: case IN_UNFREEZE: case IN_ADJUST:
    case IN_MESSAGE: case IN_END:
        if (sim_facil_apply(s, in, err) != BH_OK)
            return err->status;
        break;
    }
    return sim_settle(s, err);
}

/* ---- the world API ---- */

static bh_status readonly(bh_sim *s, bh_err *err, const char *what)
{
    if (!s->in_cond)
        return BH_OK;
    return err_set(err, BH_EINPUT, "", 0,
                   "%s inside a condition: 'available', 'when' and 'met' functions may only "
                   "read the world (do it in an effect instead)", what);
}

bh_status sim_set_meter(bh_sim *s, int i, double v, bh_err *err)
{
    if (readonly(s, err, "cannot change a meter") != BH_OK)
        return err->status;
    if (isnan(v))
        return err_set(err, BH_EINPUT, "", 0, "meter '%s' cannot be set to NaN",
                       s->d->meters[i].id);
    const bh_meter_def *m = &s->d->meters[i];
    double was = s->meter[i];
    s->meter[i] = v < m->min ? m->min : v > m->max ? m->max : v;
    /* -0.0 == 0.0, but a condition can tell them apart (1 / x) */
    if (s->meter[i] != was || signbit(s->meter[i]) != signbit(was))
        sim_touch(s, &s->st_meter[i]);
    return BH_OK;
}

bh_status sim_set_system(bh_sim *s, int i, bh_status_word st, bh_err *err)
{
    if (readonly(s, err, "cannot change a system") != BH_OK)
        return err->status;
    if (s->sys[i] != st)
        sim_touch(s, &s->st_sys[i]);
    s->sys[i] = st;
    return BH_OK;
}

bh_status sim_set_team_staff(bh_sim *s, int i, int staff, bh_err *err)
{
    if (readonly(s, err, "cannot change a team") != BH_OK)
        return err->status;
    if (staff < 0 || staff > 100000)
        return err_set(err, BH_EINPUT, "", 0, "team '%s': staff must be 0..100000, not %d",
                       s->d->teams[i].id, staff);
    if (s->staff[i] != staff)
        sim_touch(s, &s->st_team[i]);
    s->staff[i] = staff;
    return BH_OK;
}

bh_status sim_set_flag(bh_sim *s, const char *name, bh_value v, bh_err *err)
{
    if (readonly(s, err, "cannot change a flag") != BH_OK)
        return err->status;
    sim_flagv *f = find_flag(s, name);
    if (!f) {
        if (v.type == VAL_NIL)
            return BH_OK;
        if (s->nflags >= SIM_MAX_FLAGS)
            return err_set(err, BH_EINPUT, "", 0,
                           "flag limit reached: a session holds at most %d flags", SIM_MAX_FLAGS);
        if (VEC_PUSH(s->flags, s->nflags, s->cap_flags) != 0)
            return sim_oom(s, err);
        f = &s->flags[s->nflags];
        f->name = mem_strdup(name);
        if (!f->name || index_flag(s, s->nflags) != 0) {
            free(f->name);
            return sim_oom(s, err);
        }
        f->v.type = VAL_NIL;
        f->stamp = 0;
        s->nflags++;
        sim_touch(s, &s->st_flagset[name_hash(name) % SIM_FLAG_BUCKETS]);
    }
    char *copy = NULL;
    if (v.type == VAL_STR && !(copy = mem_strdup(v.s)))
        return sim_oom(s, err);
    if (f->v.type == VAL_STR)
        free((char *)f->v.s);
    f->v = v;
    f->v.s = copy;
    sim_touch(s, &f->stamp);
    s->version++;
    return BH_OK;
}

bh_rng *sim_rng(bh_sim *s, bh_err *err)
{
    if (s->in_cond) {
        err_set(err, BH_EINPUT, "", 0,
                "w.random inside a condition: conditions are checked whenever the screen "
                "needs them, so a draw there would make sessions unrepeatable");
        return NULL;
    }
    return &s->rng;
}

bh_status sim_fire(bh_sim *s, int inject, bh_err *err)
{
    if (readonly(s, err, "cannot fire an inject") != BH_OK)
        return err->status;
    if (sched_push(&s->q, s->now, 0, EV_FIRE, inject, 0, 0) != 0)
        return sim_oom(s, err);
    return BH_OK;
}

bh_status sim_open(bh_sim *s, int decision, bh_err *err)
{
    if (readonly(s, err, "cannot open a decision") != BH_OK)
        return err->status;
    if (sched_push(&s->q, s->now, 0, EV_OPEN, decision, 0, 0) != 0)
        return sim_oom(s, err);
    return BH_OK;
}

bh_status sim_after(bh_sim *s, bh_time delay, bh_hook hook, bh_err *err)
{
    bh_status st = readonly(s, err, "cannot schedule w.after");
    if (st == BH_OK && (delay < 0 || delay > DUR_MAX))
        st = err_set(err, BH_EINPUT, "", 0, "w.after: the delay must be 0 or more");
    if (st == BH_OK && sched_push(&s->q, s->now + delay, 0, EV_AFTER, 0, 0, hook) != 0)
        st = sim_oom(s, err);
    /* The sim owns the hook from here: if it will never run, forget it. */
    if (st != BH_OK && s->hooks.release)
        s->hooks.release(s->hooks.ud, hook);
    return st;
}

bh_status sim_note(bh_sim *s, const char *text, bh_err *err)
{
    if (readonly(s, err, "cannot add a note") != BH_OK)
        return err->status;
    if (s->nnotes >= SIM_MAX_NOTES)
        return err_set(err, BH_EINPUT, "", 0,
                       "note limit reached: a session keeps at most %d w.note lines", SIM_MAX_NOTES);
    s->nnotes++;
    if (sim_log_push(s, LOG_NOTE, 0, 0, 0, 0, text) != 0)
        return sim_oom(s, err);
    return BH_OK;
}

bh_status sim_finish(bh_sim *s, int ending, bh_err *err)
{
    if (readonly(s, err, "cannot finish the session") != BH_OK)
        return err->status;
    if (!s->pending_finish)
        s->pending_finish = ending + 1; /* takes effect when the effect returns */
    return BH_OK;
}
