/* play_pace: a workshop's clock, for the play controller.
 *
 * A workshop session stops by itself at the simulated second a decision
 * opens (and, when the facilitator asks, a message comes in), so that the
 * room discusses from that moment and not from wherever the rest of a
 * real-time tick would have carried the clock. The simulation only changes
 * at its events, so advancing one event time after another (sim_next_event,
 * sim_advance) and looking at what each step logged finds that second
 * exactly. The agenda clock compares the real minutes a workshop has used
 * with the cut's planned minutes, and projects the finish at the current
 * speed. Nothing here is an input or journaled: pacing only decides how far
 * the clock is fed. play.c calls these; they call nothing in play.c. */
#include <math.h>

#include "ui/play_internal.h"

static const int speeds[] = {1, 2, 4, 8};

void play_pace_mark(play *p)
{
    if (!p->sim)
        return;
    sim_log(p->sim, &p->seen_log);
    sim_inbox(p->sim, &p->seen_inbox);
}

/* Did a decision open in `s` since its log had `from` entries? */
static int opened_since(const bh_sim *s, size_t from)
{
    size_t n;
    const bh_log_entry *log = sim_log(s, &n);
    for (size_t i = from; i < n; i++)
        if (log[i].kind == LOG_OPEN)
            return 1;
    return 0;
}

play_paused_by play_pace_news(const play *p, int decisions, int messages)
{
    if (!p->sim)
        return PLAY_PAUSED_NOT;
    if (decisions && opened_since(p->sim, p->seen_log))
        return PLAY_PAUSED_DECISION;
    size_t n;
    sim_inbox(p->sim, &n);
    if (messages && n > p->seen_inbox)
        return PLAY_PAUSED_MESSAGE;
    return PLAY_PAUSED_NOT;
}

int play_pace_stop(play *p, play_paused_by why)
{
    if (why == PLAY_PAUSED_NOT || p->speed == 0)
        return 0;
    p->speed = 0;
    p->paused_by = why;
    p->carry = 0; /* what was owed belongs to the moment the clock stopped at */
    return 1;
}

/* Each open decision whose deadline falls at `next` or before is about to
 * take its default: the app hears of it first (play.h, before_close). */
static void before_deadlines(play *p, bh_time next)
{
    const bh_defs *d = sim_defs(p->sim);
    for (size_t i = 0; p->before_close && i < d->ndecisions; i++) {
        bh_decision_status ds;
        sim_decision_status(p->sim, (int)i, &ds);
        if (ds.state == DEC_OPEN && !ds.frozen && ds.deadline <= next)
            p->before_close(p->before_close_ud, (int)i);
    }
}

play_paused_by play_pace_advance(play *p, bh_time target, int decisions, int messages,
                                 bh_status *st, bh_err *err)
{
    play_pace_mark(p);
    if (!decisions && !messages && !p->before_close) {
        *st = sim_advance(p->sim, target, err);
        return PLAY_PAUSED_NOT;
    }
    /* Every event time up to the target in turn; sim_advance to one of them
     * handles all that is due at that second, so a stop happens after the
     * whole second, never halfway through it. */
    for (;;) {
        bh_time next = sim_next_event(p->sim);
        if (next < 0 || next > target)
            break;
        before_deadlines(p, next);
        if ((*st = sim_advance(p->sim, next, err)) != BH_OK || sim_failed(p->sim) ||
            sim_ended(p->sim))
            return PLAY_PAUSED_NOT;
        play_paused_by why = play_pace_news(p, decisions, messages);
        if (why != PLAY_PAUSED_NOT)
            return why;
    }
    *st = sim_advance(p->sim, target, err);
    return PLAY_PAUSED_NOT;
}

bh_time play_pace_next_opening(bh_sim *s)
{
    size_t from;
    sim_log(s, &from);
    for (;;) {
        bh_time next = sim_next_event(s);
        if (next < 0)
            return -1; /* ended, failed, or nothing will ever happen again */
        bh_err e;
        if (sim_advance(s, next, &e) != BH_OK || sim_failed(s))
            return sim_now(s); /* the live session stops there too: show it */
        if (opened_since(s, from))
            return next;
    }
}

double play_pace_rate(const play *p)
{
    /* the cut's own rate when it has one (sim_rate knows) */
    double rate = p->sim ? sim_rate(p->sim) : 1;
    return rate > 0 ? rate : 1;
}

/* The cut's planned workshop time in real minutes; 0 without a cut. */
static double agenda_minutes(const play *p)
{
    int k = p->sim ? sim_cut(p->sim) : -1;
    return k >= 0 ? sim_defs(p->sim)->cuts[k].agenda : 0;
}

/* When the session's simulated time runs out: the cut's length, if any. */
static bh_time end_time(const play *p)
{
    return sim_length(p->sim);
}

void play_set_workshop(play *p, int on)
{
    p->workshop = on ? 1 : 0;
    if (on) {
        p->speed = 0; /* a workshop starts paused: the facilitator starts the clock */
        p->carry = 0;
    }
}

void play_set_pause_on_message(play *p, int on)
{
    p->pause_on_message = on ? 1 : 0;
}

void play_agenda_project(double used_s, double agenda_min, double sim_left_s, double rate,
                         int speed, play_agenda_info *out)
{
    rate = rate > 0 ? rate : 1;
    speed = speed > 0 ? speed : 1;
    sim_left_s = sim_left_s > 0 ? sim_left_s : 0;
    out->used_min = used_s / 60;
    out->agenda_min = agenda_min > 0 ? agenda_min : 0;
    out->speed = speed;
    out->run_min = sim_left_s / (rate * speed) / 60;
    out->finish_min = out->used_min + out->run_min;
    out->left_min = out->agenda_min > 0 ? out->agenda_min - out->used_min : 0;
    out->late_min = out->agenda_min > 0 ? out->finish_min - out->agenda_min : 0;
    out->fit_speed = 0;
    for (size_t i = 0; out->agenda_min > 0 && i < sizeof speeds / sizeof *speeds; i++)
        if (out->used_min + sim_left_s / (rate * speeds[i]) / 60 <= out->agenda_min) {
            out->fit_speed = speeds[i];
            break;
        }
}

void play_agenda(const play *p, play_agenda_info *out)
{
    double left = 0;
    if (p->sim && !sim_ended(p->sim))
        left = (double)(end_time(p) - sim_now(p->sim));
    play_agenda_project(p->real_used, agenda_minutes(p), left, play_pace_rate(p),
                        p->speed > 0 ? p->speed : p->last_speed, out);
}
