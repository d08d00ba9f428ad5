/* ex_play.c: one playthrough: the session loop and the player policies.
 *
 * The loop advances the session event by event. The policy "looks" at
 * moments of its own choosing: a short, random reaction time after the
 * world changed, and otherwise every so often (a patrol), because some
 * actions become available with time alone. At a look it reads which
 * actions can start and which decisions are open, and emits inputs through
 * session_input, exactly as a player would; refused inputs are dropped.
 * The inputs that took effect are kept as journal lines, so the run replays
 * under `bulkhead run`. Policy choices draw from their own generator, never
 * the session's, so looking cannot change what the scenario draws. */
#include "explore/ex_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/journal.h"
#include "core/session.h"

/* Reaction times and patrol, in real seconds at 1x, turned into simulated
 * time with the scenario's rate: what a player at the table would take. */
typedef struct ex_style {
    double react_lo, react_hi;
} ex_style;
static const ex_style styles[EX_NPOLICIES] = {
    [EX_RANDOM] = {3, 30}, [EX_GREEDY] = {1, 10}, [EX_CAUTIOUS] = {10, 60}, [EX_IDLE] = {0, 0}};
#define EX_PATROL_S 30.0
#define EX_MAX_INPUTS 20000 /* a policy stops acting after this many; keeps runs finite */
#define EX_POLICY_SALT 0x6a09e667f3bcc909ull /* keeps the policy's draws apart from the session's */

typedef struct player {
    const bh_defs *d;
    bh_sim *sim;
    ex_policy policy;
    bh_rng rng;
    unsigned char *allowed;  /* random: the actions this run may start */
    bh_time *ready;          /* a forgetful greedy player: when each action occurs to it */
    unsigned char *avail;    /* startable at this look */
    unsigned char *avail_ever, *started, *fired, *opened;
    int *pick;               /* scratch list of action indices */
    ex_edge *edges;
    size_t nedges, cap_edges;
    ex_buf journal;
    int inputs;
    const ex_cand *cand;     /* a search's candidate, or NULL */
    int cut;                 /* the session cut played in, or -1 */
    int next_step;           /* its first step not yet applied */
    bh_err err;
} player;

bh_time ex_log_span(bh_rng *r, bh_time span)
{
    double lo = log(60.0), hi = log(span > 240 ? (double)span / 2 : 120.0);
    return (bh_time)exp(lo + (hi - lo) * rng_unit(r));
}

uint64_t ex_run_seed(const ex_opts *o, int run)
{
    return o->seed + (uint64_t)run; /* wraps past 2^64-1, as documented */
}

ex_policy ex_run_policy(const ex_opts *o, int run)
{
    int n = 0, order[EX_NPOLICIES];
    for (int p = 0; p < EX_NPOLICIES; p++)
        if (o->policies & (1u << p))
            order[n++] = p;
    return n ? (ex_policy)order[run % n] : EX_IDLE;
}

static bh_time sim_span(const player *p, double real_s)
{
    double rate = p->sim ? sim_rate(p->sim) : p->d->scenario.rate; /* a cut may set its own */
    rate = rate > 0 ? rate : 1;
    double t = real_s * rate;
    return t < 1 ? 1 : t > (double)DUR_MAX ? DUR_MAX : (bh_time)t;
}

static bh_time reaction(player *p)
{
    const ex_style *s = &styles[p->policy];
    return (bh_time)rng_range(&p->rng, sim_span(p, s->react_lo), sim_span(p, s->react_hi));
}

/* Keep an input as a journal line. */
static int journal_add(player *p, const bh_input *in)
{
    char line[512];
    int n = journal_format(p->d, in, line, sizeof line);
    if (n < 0 || (size_t)n >= sizeof line)
        return -1;
    return ex_buf_printf(&p->journal, "%s\n", line);
}

/* Emit one input. A refused one (the team filled up since the look, say) is
 * simply not taken, as a player's click would not be. Anything else is
 * journaled: applied, or the input that failed, so the journal reproduces. */
static bh_status act(player *p, bh_input_kind kind, int a, int b)
{
    bh_input in = {.time = sim_now(p->sim), .kind = kind, .a = a, .b = b};
    bh_status st = session_input(p->sim, NULL, &in, &p->err);
    if (st == BH_EINPUT)
        return BH_OK;
    if (journal_add(p, &in) != 0)
        return err_set(&p->err, BH_ENOMEM, "", 0, "out of memory keeping the journal");
    if (st == BH_OK) {
        p->inputs++;
        if (kind == IN_START)
            p->started[a] = p->avail_ever[a] = 1; /* a search's step starts it unlooked */
    }
    return st;
}

static int pick_one(player *p, int n)
{
    return p->pick[rng_range(&p->rng, 0, n - 1)];
}

static int dec_open(const player *p, int i)
{
    bh_decision_status ds;
    sim_decision_status(p->sim, i, &ds);
    return ds.state == DEC_OPEN;
}

static bh_status look_random(player *p)
{
    bh_status st = BH_OK;
    /* each open decision: a random option now, or wait (perhaps for the default) */
    for (size_t i = 0; i < p->d->ndecisions && st == BH_OK; i++)
        if (dec_open(p, (int)i) && rng_unit(&p->rng) < 0.6)
            st = act(p, IN_CHOOSE, (int)i,
                     (int)rng_range(&p->rng, 0, (int64_t)p->d->decisions[i].noptions - 1));
    /* now and then, call something off: exercises the cancel hooks */
    int n = 0;
    for (size_t i = 0; i < p->d->nactions; i++)
        if (sim_action_running(p->sim, (int)i))
            p->pick[n++] = (int)i;
    if (st == BH_OK && n && rng_unit(&p->rng) < 0.03)
        st = act(p, IN_CANCEL, pick_one(p, n), 0);
    for (int k = 0; k < 2 && st == BH_OK && rng_unit(&p->rng) < 0.5; k++) {
        n = 0;
        for (size_t i = 0; i < p->d->nactions; i++)
            if (p->avail[i] && p->allowed[i])
                p->pick[n++] = (int)i;
        if (!n)
            break;
        int a = pick_one(p, n);
        p->avail[a] = 0;
        st = act(p, IN_START, a, 0);
    }
    return st;
}

static bh_status look_greedy(player *p)
{
    bh_status st = BH_OK;
    for (size_t i = 0; i < p->d->ndecisions && st == BH_OK; i++) {
        const bh_decision_def *x = &p->d->decisions[i];
        int n = 0;
        for (size_t k = 0; k < x->noptions && dec_open(p, (int)i); k++)
            if (x->options[k].recommended)
                p->pick[n++] = (int)k;
        if (n) /* no advice: leave it to the clock */
            st = act(p, IN_CHOOSE, (int)i, pick_one(p, n));
    }
    int n = 0;
    for (size_t i = 0; i < p->d->nactions; i++)
        if (p->avail[i] && p->d->actions[i].recommended && p->allowed[i] &&
            p->ready[i] <= sim_now(p->sim))
            p->pick[n++] = (int)i;
    for (int k = n - 1; k > 0; k--) { /* in a random order: staff may not stretch to all */
        int j = (int)rng_range(&p->rng, 0, k), t = p->pick[k];
        p->pick[k] = p->pick[j];
        p->pick[j] = t;
    }
    for (int k = 0; k < n && st == BH_OK; k++)
        st = act(p, IN_START, p->pick[k], 0);
    if (st != BH_OK || n || rng_unit(&p->rng) >= 0.3)
        return st;
    for (size_t i = 0; i < p->d->nactions; i++)
        if (p->avail[i])
            p->pick[n++] = (int)i;
    return n ? act(p, IN_START, pick_one(p, n), 0) : BH_OK;
}

/* Lets every decision run to its default, and takes one step at a time:
 * nothing new while an action it started still runs, never a restore (the
 * classic mistake is restoring too early), and never a team's last person. */
static bh_status look_cautious(player *p)
{
    for (size_t i = 0; i < p->d->nactions; i++)
        if (p->started[i] && sim_action_running(p->sim, (int)i))
            return BH_OK;
    if (rng_unit(&p->rng) < 0.5)
        return BH_OK;
    int n = 0;
    for (size_t i = 0; i < p->d->nactions; i++) {
        const bh_action_def *x = &p->d->actions[i];
        if (p->avail[i] && x->kind != KIND_RESTORE &&
            sim_team_free(p->sim, x->team) - x->staff >= 1)
            p->pick[n++] = (int)i;
    }
    return n ? act(p, IN_START, pick_one(p, n), 0) : BH_OK;
}

static bh_status look(player *p)
{
    for (size_t i = 0; i < p->d->nactions; i++) {
        bh_action_status as;
        if (sim_action_status(p->sim, (int)i, &as, &p->err) != BH_OK) {
            /* An availability hook failed. Starting the action now runs it
             * again, so a journal ending with that start reproduces it. */
            bh_input in = {.time = sim_now(p->sim), .kind = IN_START, .a = (int)i};
            bh_status st = p->err.status ? p->err.status : BH_ESCRIPT;
            if (journal_add(p, &in) != 0)
                return err_set(&p->err, BH_ENOMEM, "", 0, "out of memory keeping the journal");
            return st;
        }
        p->avail[i] = as.state == ACT_AVAILABLE;
        p->avail_ever[i] |= p->avail[i];
    }
    switch (p->policy) {
    case EX_RANDOM: return look_random(p);
    case EX_GREEDY: return look_greedy(p);
    case EX_CAUTIOUS: return look_cautious(p);
    default: return BH_OK;
    }
}

/* Advance to the next event or look, whichever comes first, until the end. */
/* A candidate's steps due now, in order; then the policy takes over. */
static bh_status apply_steps(player *p, bh_time *next_look)
{
    const ex_cand *c = p->cand;
    bh_status st = BH_OK;
    while (st == BH_OK && p->next_step < c->nsteps && c->steps[p->next_step].time <= sim_now(p->sim) &&
           !sim_ended(p->sim)) {
        const ex_step *x = &c->steps[p->next_step++];
        st = act(p, (bh_input_kind)x->kind, x->a, x->b);
    }
    if (p->next_step >= c->nsteps && p->policy != EX_IDLE)
        *next_look = sim_now(p->sim);
    return st;
}

static bh_status play_loop(player *p)
{
    bh_sim *s = p->sim;
    bh_time next_look = p->policy == EX_IDLE || (p->cand && p->cand->nsteps) ? -1 : 0,
            patrol = sim_span(p, EX_PATROL_S);
    uint64_t seen = sim_version(s);
    int reacting = 0;
    while (!sim_ended(s) && !sim_failed(s)) {
        bh_time target = sim_next_event(s);
        if (next_look >= 0 && (target < 0 || next_look < target))
            target = next_look;
        int stepping = p->cand && p->next_step < p->cand->nsteps;
        bh_time step_at = stepping ? p->cand->steps[p->next_step].time : -1;
        if (stepping && step_at < sim_now(s))
            step_at = sim_now(s);
        if (stepping && (target < 0 || step_at < target))
            target = step_at;
        if (target < 0)
            break; /* nothing pending: cannot happen while the length event waits */
        bh_status st = sim_advance(s, target, &p->err);
        if (st != BH_OK)
            return st;
        if (stepping && !sim_ended(s) && sim_now(s) >= step_at) {
            if ((st = apply_steps(p, &next_look)) != BH_OK)
                return st;
            seen = sim_version(s);
            continue;
        }
        if (sim_ended(s) || next_look < 0)
            continue;
        if (sim_now(s) >= next_look) {
            if ((st = look(p)) != BH_OK)
                return st;
            seen = sim_version(s);
            reacting = 0;
            next_look = p->inputs >= EX_MAX_INPUTS ? -1 : sim_now(s) + patrol;
        } else if (!reacting && sim_version(s) != seen) {
            bh_time t = sim_now(s) + reaction(p);
            if (t < next_look)
                next_look = t;
            reacting = 1;
        }
    }
    return BH_OK;
}

/* Story nodes: injects, then decisions, then endings; -1 for other entries. */
static int story_node(const bh_defs *d, const bh_log_entry *e)
{
    switch (e->kind) {
    case LOG_INJECT: return e->a;
    case LOG_OPEN: return (int)d->ninjects + e->a;
    case LOG_ENDING: return e->a < 0 ? -1 : (int)(d->ninjects + d->ndecisions) + e->a;
    default: return -1;
    }
}

/* Which story event came right after which, once per pair per run. */
static int collect_edges(player *p)
{
    size_t n;
    const bh_log_entry *log = sim_log(p->sim, &n);
    int prev = -1;
    bh_time prev_t = 0;
    for (size_t i = 0; i < n; i++) {
        int node = story_node(p->d, &log[i]);
        if (node < 0)
            continue;
        if (prev >= 0) {
            if (p->nedges == p->cap_edges) {
                size_t cap = p->cap_edges ? p->cap_edges * 2 : 64;
                ex_edge *v = realloc(p->edges, cap * sizeof *v);
                if (!v)
                    return -1;
                p->edges = v;
                p->cap_edges = cap;
            }
            p->edges[p->nedges++] = (ex_edge){prev, node, log[i].time == prev_t, 1};
        }
        prev = node;
        prev_t = log[i].time;
    }
    if (p->nedges)
        qsort(p->edges, p->nedges, sizeof *p->edges, ex_edge_cmp);
    size_t k = 0;
    for (size_t i = 0; i < p->nedges; i++)
        if (!k || ex_edge_cmp(&p->edges[k - 1], &p->edges[i]) != 0)
            p->edges[k++] = p->edges[i];
    p->nedges = k;
    return 0;
}

/* -0.0 as 0.0: min and max over runs that arrive in any order must not
 * depend on which zero came first. */
static double plain_zero(double v)
{
    return v == 0 ? 0.0 : v;
}

/* Final values, and the lowest and highest each meter reached. */
static void meter_values(const player *p, double *final, double *lo, double *hi)
{
    for (size_t i = 0; i < p->d->nmeters; i++) {
        size_t n;
        const bh_point *h = sim_meter_history(p->sim, (int)i, &n);
        final[i] = lo[i] = hi[i] = plain_zero(sim_meter(p->sim, (int)i));
        for (size_t k = 0; k < n; k++) {
            double v = plain_zero(h[k].value);
            lo[i] = v < lo[i] ? v : lo[i];
            hi[i] = v > hi[i] ? v : hi[i];
        }
    }
}

/* Which options took effect, chosen or by default. */
static void options_taken(const player *p, unsigned char *chosen)
{
    for (size_t i = 0, base = 0; i < p->d->ndecisions; i++) {
        bh_decision_status ds;
        sim_decision_status(p->sim, (int)i, &ds);
        p->opened[i] = ds.state != DEC_CLOSED;
        if (ds.chosen >= 0)
            chosen[base + (size_t)ds.chosen] = 1;
        base += p->d->decisions[i].noptions;
    }
}

static int encode(player *p, int run, bh_status st, ex_buf *out)
{
    const bh_defs *d = p->d;
    size_t nm = d->nmeters ? d->nmeters : 1;
    double *meters = calloc(3 * nm, sizeof *meters);
    unsigned char *chosen = calloc(ex_noptions(d) + 1, 1);
    size_t nc = ex_ncond(d);
    uint32_t *clock = calloc(2 * nc + 1, sizeof *clock), *stale = clock ? clock + nc : NULL;
    int rc = -1;
    if (!meters || !chosen || !clock || collect_edges(p) != 0)
        goto done;
    for (size_t i = 0; i < nc; i++) {
        int j;
        bh_cond_stats cs;
        bh_cond_kind k = ex_cond_kind(d, i, &j); /* sets j: not in the call's own arguments */
        sim_cond_stats(p->sim, k, j, &cs);
        clock[i] = cs.clock_calls;
        stale[i] = cs.stale;
    }
    meter_values(p, meters, meters + nm, meters + 2 * nm);
    options_taken(p, chosen);
    for (size_t i = 0; i < d->ninjects; i++)
        p->fired[i] = sim_inject_fired(p->sim, (int)i) > 0;
    int failed = st != BH_OK || sim_failed(p->sim);
    const bh_err *e = sim_failed(p->sim) ? sim_error(p->sim) : &p->err;
    char msg[sizeof e->file + sizeof e->msg + 32] = "";
    if (failed)
        err_format(e, msg, sizeof msg);
    int flen = failed && e->file[0] ? (int)strnlen(e->file, sizeof e->file) : 0;
    if (flen >= (int)strlen(msg))
        flen = 0;
    ex_rec r = {.run = run, .policy = p->cand && p->cand->nsteps ? EX_VARIED : p->policy, .status = failed ? EX_FAILED : EX_ENDED,
                .seed = sim_seed(p->sim), .cut = p->cut, .err_line = failed ? e->line : 0, .err_flen = flen,
                .ending = failed ? -1 : sim_ending(p->sim), .inputs = p->inputs,
                .end_time = sim_now(p->sim), .meters = meters, .lo = meters + nm,
                .hi = meters + 2 * nm, .chosen = chosen, .edges = p->edges, .clock_calls = clock,
                .stale = stale,
                .nedges = p->nedges, .fired = p->fired, .opened = p->opened,
                .avail = p->avail_ever, .started = p->started, .error = msg,
                .trace = failed ? e->trace : "", .journal = p->journal.p ? p->journal.p : ""};
    /* the log's ending entry says whether the clock ran out */
    size_t n;
    const bh_log_entry *log = sim_log(p->sim, &n);
    r.by_length = !failed && n && log[n - 1].kind == LOG_ENDING && log[n - 1].b;
    rc = ex_rec_encode(&r, d, out);
done:
    free(meters);
    free(chosen);
    free(clock);
    return rc;
}

static void player_free(player *p)
{
    free(p->allowed);
    free(p->ready);
    free(p->avail);
    free(p->avail_ever);
    free(p->started);
    free(p->fired);
    free(p->opened);
    free(p->pick);
    free(p->edges);
    ex_buf_free(&p->journal);
    sim_destroy(p->sim);
}

int ex_play(const ex_opts *o, lh_host *h, int run, ex_buf *out)
{
    const bh_defs *d = lh_defs(h);
    const ex_cand *cand = o->cands ? &o->cands[run] : NULL;
    uint64_t seed = cand ? cand->seed : ex_run_seed(o, run);
    size_t na = d->nactions + 1, picks = na;
    for (size_t i = 0; i < d->ndecisions; i++)
        picks = d->decisions[i].noptions + 1 > picks ? d->decisions[i].noptions + 1 : picks;
    player p = {.d = d, .policy = cand ? cand->policy : ex_run_policy(o, run), .cand = cand};
    err_clear(&p.err);
    rng_seed(&p.rng, (cand ? cand->pseed : seed) ^ EX_POLICY_SALT);
    p.allowed = calloc(na, 1);
    p.ready = calloc(na, sizeof *p.ready);
    p.avail = calloc(na, 1);
    p.avail_ever = calloc(na, 1);
    p.started = calloc(na, 1);
    p.fired = calloc(d->ninjects + 1, 1);
    p.opened = calloc(d->ndecisions + 1, 1);
    p.pick = calloc(picks, sizeof *p.pick);
    int rc = -1;
    if (!p.allowed || !p.ready || !p.avail || !p.avail_ever || !p.started || !p.fired || !p.opened ||
        !p.pick)
        goto done;
    /* Random play rules out a random half of the actions for the whole run,
     * so every action has runs with it and runs without it to compare. */
    for (size_t i = 0; i < d->nactions; i++)
        p.allowed[i] = p.policy == EX_RANDOM ? rng_unit(&p.rng) < 0.5 : 1;
    /* A search's forgetful expert: some recommended actions occur to it
     * late, some never; so are the "all good but one thing" stories met. */
    /* Delays over the whole scenario's length, in a cut too (where the long
     * ones mean "never"): measured, delays over a cut's own length made the
     * search miss the regulator's data_doubts on 2 of 5 seeds. */
    bh_time span = d->scenario.length > 0 ? d->scenario.length : 1;
    for (size_t i = 0; cand && cand->forget > 0 && i < d->nactions; i++) {
        if (rng_unit(&p.rng) >= cand->forget)
            continue;
        if (rng_unit(&p.rng) < 0.4)
            p.allowed[i] = 0;
        else
            p.ready[i] = ex_log_span(&p.rng, span);
    }
    bh_status st = sim_create(&p.sim, d, lh_hooks(h), seed, &p.err);
    if (st == BH_OK && o->verify)
        sim_verify_memos(p.sim, 1);
    p.cut = cand ? cand->cut : o->cut ? defs_cut(d, o->cut) : -1;
    if (st == BH_OK && p.cut >= 0)
        st = sim_set_cut(p.sim, p.cut, &p.err);
    if (st == BH_OK)
        st = play_loop(&p);
    if (!p.sim) {
        char msg[sizeof p.err.msg + 64];
        snprintf(msg, sizeof msg, "cannot create the session: %s", p.err.msg);
        rc = ex_play_crashed(o, d, run, msg, out);
        goto done;
    }
    rc = p.journal.oom ? -1 : encode(&p, run, st, out);
done:
    player_free(&p);
    return rc;
}

int ex_play_crashed(const ex_opts *o, const bh_defs *d, int run, const char *why, ex_buf *out)
{
    size_t big = d->ninjects + d->ndecisions + d->nactions + ex_noptions(d) +
                 d->nmeters * sizeof(double) +
                 2 * ex_ncond(d) * sizeof(uint32_t) + 8;
    unsigned char *zero = calloc(big, 1);
    if (!zero)
        return -1;
    ex_rec r = {.run = run,
                .policy = !o->cands                ? ex_run_policy(o, run)
                          : o->cands[run].nsteps ? EX_VARIED : o->cands[run].policy,
                .seed = o->cands ? o->cands[run].seed : ex_run_seed(o, run),
                .cut = o->cands ? o->cands[run].cut : o->cut ? defs_cut(d, o->cut) : -1,
                .status = EX_CRASHED, .ending = -1,
                .meters = (const double *)zero, .lo = (const double *)zero,
                .hi = (const double *)zero, .fired = zero, .opened = zero, .avail = zero,
                .started = zero, .chosen = zero, .clock_calls = (const uint32_t *)(void *)zero,
                .stale = (const uint32_t *)(void *)zero,
                .error = why, .trace = "", .journal = ""};
    int rc = ex_rec_encode(&r, d, out);
    free(zero);
    return rc;
}
