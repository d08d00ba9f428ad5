/* test_sim: the deterministic session, driven through C hooks.
 *
 * The core reaches scenario code only through bh_hooks, so these tests
 * stand in for Lua with a table of C functions indexed by the hook number.
 * Each test builds a small scenario by hand (what lh_decl would produce),
 * runs it, and checks the world, the inbox and the event log against what
 * scenarios/README.md promises authors and players. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "core/journal.h"
#include "core/session.h"
#include "core/sim.h"
#include "core/text.h"
#include "core/vec.h"

#define MIN 60
#define HOUR 3600

/* ---- C hooks ---- */

typedef bh_status (*hook_fn)(bh_sim *s, bh_hook_result *out, bh_err *err);

enum { MAX_HOOKS = 64 };
static hook_fn hook_table[MAX_HOOKS];
static int nhooks;
static int released[MAX_HOOKS]; /* release calls per hook */
static int nreleased;
static char cur_what[160];       /* `what` of the hook running now */
static int bad_kind;             /* a condition called as an effect or back */

/* Register a hook function; its number is what the defs store. */
static bh_hook reg(hook_fn f)
{
    if (nhooks + 1 >= MAX_HOOKS)
        abort();
    hook_table[++nhooks] = f;
    return nhooks;
}

static bh_status call_hook(void *ud, bh_sim *sim, bh_hook h, bh_hook_kind kind,
                           const bh_what *what, bh_hook_result *out, bh_err *err)
{
    (void)ud;
    if (h <= 0 || h > nhooks)
        return err_set(err, BH_ESCRIPT, "", 0, "no hook %d", h);
    if ((kind != HOOK_EFFECT) != (out != NULL))
        bad_kind++;
    sim_what_format(what, cur_what, sizeof cur_what);
    return hook_table[h](sim, out, err);
}

static void release_hook(void *ud, bh_hook h)
{
    (void)ud;
    if (h > 0 && h < MAX_HOOKS)
        released[h]++;
    nreleased++;
}

static const bh_hooks HOOKS = {NULL, call_hook, release_hook, NULL};

/* ---- scenarios built by hand ---- */

static bh_defs D;

static bh_loc loc(int line)
{
    return (bh_loc){defs_intern_file(&D, "test.lua"), line};
}

/* Start a scenario; also resets the hook table and per-test state. */
static void begin(bh_time length)
{
    defs_init(&D);
    nhooks = 0;
    memset(hook_table, 0, sizeof hook_table);
    memset(released, 0, sizeof released);
    nreleased = 0;
    bad_kind = 0;
    D.has_scenario = 1;
    D.scenario.id = strdup("test");
    D.scenario.title = strdup("Test scenario");
    D.scenario.length = length;
    D.scenario.check_every = 60;
    D.scenario.rate = 60;
    D.scenario.loc = loc(1);
}

#define GROW(arr) \
    do { if (VEC_PUSH(D.arr, D.n##arr, D.cap_##arr) != 0) abort(); } while (0)

static int meter(const char *id, double start, double min, double max)
{
    GROW(meters);
    bh_meter_def *m = &D.meters[D.nmeters];
    memset(m, 0, sizeof *m);
    m->id = strdup(id);
    m->label = strdup(id);
    m->start = start;
    m->min = min;
    m->max = max;
    m->loc = loc(10);
    return (int)D.nmeters++;
}

static int system_(const char *id, bh_status_word st)
{
    GROW(systems);
    bh_system_def *x = &D.systems[D.nsystems];
    memset(x, 0, sizeof *x);
    x->id = strdup(id);
    x->label = strdup(id);
    x->status = st;
    x->loc = loc(20);
    return (int)D.nsystems++;
}

static int team(const char *id, const char *label, int staff)
{
    GROW(teams);
    bh_team_def *x = &D.teams[D.nteams];
    memset(x, 0, sizeof *x);
    x->id = strdup(id);
    x->label = strdup(label);
    x->staff = staff;
    x->loc = loc(30);
    return (int)D.nteams++;
}

#define NO_AT (-1)

static int inject(const char *id, bh_time at, bh_hook when, bh_hook effect, int repeatable)
{
    GROW(injects);
    bh_inject_def *x = &D.injects[D.ninjects];
    memset(x, 0, sizeof *x);
    x->id = strdup(id);
    x->title = strdup(id);
    x->body = strdup("body");
    x->from = strdup("someone");
    x->channel = CH_EMAIL;
    x->source = SRC_FICTION;
    x->has_at = at != NO_AT;
    x->at = at != NO_AT ? at : 0;
    x->when = when;
    x->effect = effect;
    x->repeatable = repeatable;
    x->loc = loc(40);
    return (int)D.ninjects++;
}

static int action(const char *id, int team_idx, int staff, bh_time takes, bh_hook available,
                  bh_hook on_start, bh_hook effect, int repeatable)
{
    GROW(actions);
    bh_action_def *x = &D.actions[D.nactions];
    memset(x, 0, sizeof *x);
    x->id = strdup(id);
    x->label = strdup(id);
    x->text = strdup("text");
    x->team_id = strdup(D.teams[team_idx].id);
    x->team = team_idx;
    x->kind = KIND_CONTAIN;
    x->staff = staff;
    x->takes = takes;
    x->source = SRC_FICTION;
    x->available = available;
    x->on_start = on_start;
    x->effect = effect;
    x->repeatable = repeatable;
    x->loc = loc(50);
    return (int)D.nactions++;
}

/* A decision with two options; `def` is the default's index. */
static int decision(const char *id, bh_time deadline, bh_time at, bh_hook when,
                    const char *opt0, bh_hook eff0, const char *opt1, bh_hook eff1, int def)
{
    GROW(decisions);
    bh_decision_def *x = &D.decisions[D.ndecisions];
    memset(x, 0, sizeof *x);
    x->id = strdup(id);
    x->prompt = strdup("What now?");
    x->deadline = deadline;
    x->has_at = at != NO_AT;
    x->at = at != NO_AT ? at : 0;
    x->when = when;
    x->noptions = 2;
    x->options = calloc(2, sizeof *x->options);
    x->options[0] = (bh_option_def){strdup(opt0), strdup(opt0), NULL, eff0, 0};
    x->options[1] = (bh_option_def){strdup(opt1), strdup(opt1), NULL, eff1, 0};
    x->default_opt = def;
    x->loc = loc(60);
    return (int)D.ndecisions++;
}

static int ending(const char *id, bh_hook when, int fallback)
{
    GROW(endings);
    bh_ending_def *x = &D.endings[D.nendings];
    memset(x, 0, sizeof *x);
    x->id = strdup(id);
    x->title = strdup(id);
    x->text = strdup("text");
    x->when = when;
    x->fallback = fallback;
    x->loc = loc(70);
    return (int)D.nendings++;
}

static void every(bh_time interval, bh_hook fn, int line)
{
    GROW(everys);
    D.everys[D.neverys++] = (bh_every_def){interval, fn, loc(line)};
}

/* ---- running ---- */

static bh_err E; /* the last error of the helpers below */

static bh_sim *make(uint64_t seed)
{
    bh_sim *s = NULL;
    err_clear(&E);
    if (sim_create(&s, &D, HOOKS, seed, &E) != BH_OK || !s) {
        fprintf(stderr, "sim_create: %s\n", E.msg);
        abort();
    }
    return s;
}

static bh_status advance(bh_sim *s, bh_time t)
{
    err_clear(&E);
    return sim_advance(s, t, &E);
}

/* An input at time t, the way the game applies it (no journal). */
static bh_status input(bh_sim *s, bh_time t, bh_input_kind kind, int a, int b)
{
    bh_input in = {.time = t, .kind = kind, .a = a, .b = b, .text = "facilitator note"};
    err_clear(&E);
    return session_input(s, NULL, &in, &E);
}

static int count_log(const bh_sim *s, bh_log_kind kind, int a)
{
    size_t n;
    const bh_log_entry *l = sim_log(s, &n);
    int c = 0;
    for (size_t i = 0; i < n; i++)
        c += l[i].kind == kind && (a < 0 || l[i].a == a);
    return c;
}

/* The nth (0-based) entry of that kind for `a` (any when a < 0), or NULL. */
static const bh_log_entry *find_log(const bh_sim *s, bh_log_kind kind, int a, int nth)
{
    size_t n;
    const bh_log_entry *l = sim_log(s, &n);
    for (size_t i = 0; i < n; i++)
        if (l[i].kind == kind && (a < 0 || l[i].a == a) && nth-- == 0)
            return &l[i];
    return NULL;
}

static const bh_log_entry *last_log(const bh_sim *s)
{
    size_t n;
    const bh_log_entry *l = sim_log(s, &n);
    return n ? &l[n - 1] : NULL;
}

static bh_action_status act_status(bh_sim *s, int i)
{
    bh_action_status st;
    err_clear(&E);
    if (sim_action_status(s, i, &st, &E) != BH_OK)
        st.state = (bh_act_state)-1;
    return st;
}

static bh_decision_status dec_status(bh_sim *s, int i)
{
    bh_decision_status st;
    sim_decision_status(s, i, &st);
    return st;
}

/* Per-test state the hooks write to. */
static struct {
    int m0, m1;             /* meter indices */
    int sys0, team0;
    int inj[8], act[8], dec[8], end[8];
    int count[16];          /* generic call counters */
    bh_time at[16][16];     /* call times per counter */
    bh_status st[16];       /* statuses a hook observed */
    char msg[16][1024];
    bh_hook h[16];          /* hooks for hooks to pass on (w.after) */
    int in_cond_effect, in_cond_cond;
} T;

static void note_call(int k, bh_sim *s)
{
    if (T.count[k] < 16)
        T.at[k][T.count[k]] = sim_now(s);
    T.count[k]++;
}

/* ================================================================ meters */

static bh_status m_spike(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    sim_set_meter(s, T.m0, 150, e);  /* clamped to 100 */
    sim_set_meter(s, T.m1, 5, e);
    sim_set_meter(s, T.m1, 7, e);    /* two writes, one log line */
    return BH_OK;
}
static bh_status m_crash(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    sim_set_meter(s, T.m0, -5, e);   /* clamped to 0 */
    bh_err e2;
    err_clear(&e2);
    T.st[0] = sim_set_meter(s, T.m0, NAN, &e2);
    snprintf(T.msg[0], sizeof T.msg[0], "%s", e2.msg);
    return BH_OK;
}
static bh_status m_same(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    sim_set_meter(s, T.m0, -INFINITY, e); /* clamps to 0: no change */
    return BH_OK;
}
static bh_status m_up(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    sim_set_meter(s, T.m0, sim_meter(s, T.m0) + 10, e);
    return BH_OK;
}

static void test_meters_clamp_and_history(void)
{
    begin(12 * HOUR);
    memset(&T, 0, sizeof T);
    T.m0 = meter("trust", 80, 0, 100);
    T.m1 = meter("cost", 0, 0, 1000);
    inject("spike", 10 * MIN, 0, reg(m_spike), 0);
    inject("crash", 20 * MIN, 0, reg(m_crash), 0);
    inject("same", 30 * MIN, 0, reg(m_same), 0);
    inject("up1", 40 * MIN, 0, reg(m_up), 0);
    inject("up2", 40 * MIN, 0, reg(m_up), 0);
    bh_sim *s = make(1);
    CHECK_INT(sim_meter(s, T.m0), 80);
    CHECK_INT(advance(s, HOUR), BH_OK);

    CHECK_INT(sim_meter(s, T.m0), 20);
    CHECK_INT(sim_meter(s, T.m1), 7);
    CHECK_INT(T.st[0], BH_EINPUT);
    CHECK_STR(T.msg[0], "meter 'trust' cannot be set to NaN");

    /* One LOG_METER per meter per effect, with from and to. */
    CHECK_INT(count_log(s, LOG_METER, T.m0), 4);
    CHECK_INT(count_log(s, LOG_METER, T.m1), 1);
    const bh_log_entry *l = find_log(s, LOG_METER, T.m0, 0);
    CHECK(l && l->time == 600 && l->from == 80 && l->to == 100);
    l = find_log(s, LOG_METER, T.m1, 0);
    CHECK(l && l->time == 600 && l->from == 0 && l->to == 7);
    l = find_log(s, LOG_METER, T.m0, 1);
    CHECK(l && l->time == 1200 && l->from == 100 && l->to == 0);
    l = find_log(s, LOG_METER, T.m0, 2);
    CHECK(l && l->time == 2400 && l->from == 0 && l->to == 10);
    l = find_log(s, LOG_METER, T.m0, 3);
    CHECK(l && l->time == 2400 && l->from == 10 && l->to == 20);

    /* History: the start, then one settled point per instant. */
    size_t n;
    const bh_point *h = sim_meter_history(s, T.m0, &n);
    CHECK_INT(n, 4);
    if (n == 4) {
        CHECK(h[0].time == 0 && h[0].value == 80);
        CHECK(h[1].time == 600 && h[1].value == 100);
        CHECK(h[2].time == 1200 && h[2].value == 0);
        CHECK(h[3].time == 2400 && h[3].value == 20);
    }
    h = sim_meter_history(s, T.m1, &n);
    CHECK_INT(n, 2);
    if (n == 2)
        CHECK(h[1].time == 600 && h[1].value == 7);
    sim_destroy(s);
    defs_free(&D);
}

/* ===================================================== systems and teams */

static bh_status st_hit(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    sim_set_system(s, T.sys0, ST_COMPROMISED, e);
    sim_set_team_staff(s, T.team0, 2, e);
    bh_err e2;
    T.st[0] = sim_set_team_staff(s, T.team0, -1, &e2);
    snprintf(T.msg[0], sizeof T.msg[0], "%s", e2.msg);
    T.st[1] = sim_set_team_staff(s, T.team0, 100001, &e2);
    return BH_OK;
}
static bh_status st_again(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    sim_set_system(s, T.sys0, ST_COMPROMISED, e); /* no change, no log */
    sim_set_team_staff(s, T.team0, 2, e);
    return BH_OK;
}

static void test_systems_and_teams_logged(void)
{
    begin(12 * HOUR);
    memset(&T, 0, sizeof T);
    T.sys0 = system_("email", ST_ONLINE);
    T.team0 = team("it", "IT & security", 4);
    int hit = inject("hit", 5 * MIN, 0, reg(st_hit), 0);
    inject("again", 6 * MIN, 0, reg(st_again), 0);
    bh_sim *s = make(1);
    CHECK_INT(sim_system(s, T.sys0), ST_ONLINE);
    CHECK_INT(sim_team_staff(s, T.team0), 4);
    CHECK_INT(advance(s, 10 * MIN), BH_OK);
    CHECK_INT(sim_system(s, T.sys0), ST_COMPROMISED);
    CHECK_INT(sim_team_staff(s, T.team0), 2);
    CHECK_INT(sim_team_free(s, T.team0), 2);
    CHECK_INT(T.st[0], BH_EINPUT);
    CHECK_STR(T.msg[0], "team 'it': staff must be 0..100000, not -1");
    CHECK_INT(T.st[1], BH_EINPUT);

    CHECK_INT(count_log(s, LOG_SYSTEM, -1), 1);
    CHECK_INT(count_log(s, LOG_TEAM, -1), 1);
    size_t n;
    const bh_log_entry *l = sim_log(s, &n);
    /* The inject, then what its effect changed. */
    CHECK(n >= 3);
    if (n >= 3) {
        CHECK(l[0].kind == LOG_INJECT && l[0].a == hit && l[0].time == 300);
        CHECK(l[1].kind == LOG_SYSTEM && l[1].a == T.sys0 && l[1].time == 300 &&
              l[1].from == ST_ONLINE && l[1].to == ST_COMPROMISED);
        CHECK(l[2].kind == LOG_TEAM && l[2].a == T.team0 && l[2].time == 300 &&
              l[2].from == 4 && l[2].to == 2);
    }
    sim_destroy(s);
    defs_free(&D);
}

/* ================================================================ injects */

static bh_status i_a(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    snprintf(T.msg[0], sizeof T.msg[0], "%s", cur_what);
    T.in_cond_effect = sim_in_condition(s);
    sim_set_meter(s, T.m0, 40, e);
    sim_fire(s, T.inj[2], e);
    sim_fire(s, T.inj[2], e); /* twice: still delivered once */
    sim_fire(s, T.inj[3], e);
    return BH_OK;
}
static bh_status i_b_when(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    snprintf(T.msg[1], sizeof T.msg[1], "%s", cur_what);
    T.in_cond_cond = sim_in_condition(s);
    o->truth = sim_meter(s, T.m0) < 50;
    return BH_OK;
}
static bh_status i_t_when(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    o->truth = sim_now(s) >= 450;
    return BH_OK;
}
static bh_status i_late(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    sim_fire(s, T.inj[2], e);
    sim_fire(s, T.inj[3], e);
    return BH_OK;
}
static bh_status i_count(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    note_call(0, s);
    return BH_OK;
}

static void build_injects(void)
{
    begin(12 * HOUR);
    memset(&T, 0, sizeof T);
    T.m0 = meter("m", 100, 0, 100);
    T.inj[0] = inject("a", 5 * MIN, 0, reg(i_a), 0);
    T.inj[1] = inject("b", NO_AT, reg(i_b_when), 0, 0);
    T.inj[2] = inject("c", NO_AT, 0, reg(i_count), 0);
    T.inj[3] = inject("r", NO_AT, 0, 0, 1);
    T.inj[4] = inject("t", NO_AT, reg(i_t_when), 0, 0);
    T.inj[5] = inject("late", 20 * MIN, 0, reg(i_late), 0);
}

static void test_injects(void)
{
    build_injects();
    bh_sim *s = make(1);
    CHECK_INT(advance(s, HOUR), BH_OK);
    size_t n;
    const bh_inbox_item *in = sim_inbox(s, &n);
    /* a at its time; b as soon as a's effect made its condition true; c and
     * r when a's effect fired them; t at the first check after 7m30s; late
     * at its time, and r again (repeatable) but not c. */
    static const struct { int inj; bh_time t; } want[] = {
        {0, 300}, {1, 300}, {2, 300}, {3, 300}, {4, 480}, {5, 1200}, {3, 1200}};
    CHECK_INT(n, 7);
    for (size_t i = 0; i < n && i < 7; i++) {
        CHECK_INT(in[i].inject, T.inj[want[i].inj]);
        CHECK_INT(in[i].time, want[i].t);
    }
    CHECK_INT(sim_inject_fired(s, T.inj[0]), 1);
    CHECK_INT(sim_inject_fired(s, T.inj[1]), 1);
    CHECK_INT(sim_inject_fired(s, T.inj[2]), 1);
    CHECK_INT(sim_inject_fired(s, T.inj[3]), 2);
    CHECK_INT(sim_inject_fired(s, T.inj[4]), 1);
    CHECK_INT(count_log(s, LOG_INJECT, -1), 7);
    /* c's effect ran once, when it was delivered. */
    CHECK_INT(T.count[0], 1);
    CHECK_INT(T.at[0][0], 300);
    /* Hooks are told who calls them, and whether they are conditions. */
    CHECK_STR(T.msg[0], "effect of inject 'a'");
    CHECK_STR(T.msg[1], "condition of inject 'b'");
    CHECK_INT(T.in_cond_effect, 0);
    CHECK_INT(T.in_cond_cond, 1);
    CHECK_INT(bad_kind, 0);
    sim_destroy(s);

    /* A longer check interval: the time-only condition waits for it. */
    D.scenario.check_every = 5 * MIN;
    s = make(1);
    CHECK_INT(advance(s, HOUR), BH_OK);
    in = sim_inbox(s, &n);
    int t_at = -1;
    for (size_t i = 0; i < n; i++)
        if (in[i].inject == T.inj[4])
            t_at = (int)in[i].time;
    CHECK_INT(t_at, 600);
    sim_destroy(s);
    defs_free(&D);
}

/* BUG (sim.c, handle EV_INJECT_AT): an inject with `at` that an earlier
 * effect already delivered through w.fire is delivered again at its `at`
 * time, although it is not repeatable ("delivered to the inbox once"). */
static bh_status i_fire_x(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    return sim_fire(s, T.inj[0], e);
}

static void test_inject_at_after_fire_delivered_once(void)
{
    begin(12 * HOUR);
    memset(&T, 0, sizeof T);
    T.inj[0] = inject("x", HOUR, 0, reg(i_count), 0);
    T.inj[1] = inject("y", 30 * MIN, 0, reg(i_fire_x), 0);
    bh_sim *s = make(1);
    CHECK_INT(advance(s, 2 * HOUR), BH_OK);
    CHECK_INT(sim_inject_fired(s, T.inj[0]), 1);
    CHECK_INT(T.count[0], 1); /* x's effect ran once */
    size_t n;
    sim_inbox(s, &n);
    CHECK_INT(n, 2);
    sim_destroy(s);
    defs_free(&D);
}

/* ================================================================ actions */

static bh_status a_isolate_avail(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    note_call(5, s);
    bh_value v = sim_flag(s, "infected");
    o->truth = v.type == VAL_BOOL && v.b;
    if (!o->truth)
        snprintf(o->reason, sizeof o->reason, "Nothing is infected yet");
    return BH_OK;
}
static bh_status a_isolate_start(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    note_call(1, s);
    return BH_OK;
}
static bh_status a_isolate_done(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    note_call(2, s);
    snprintf(T.msg[2], sizeof T.msg[2], "%s", cur_what);
    return sim_set_meter(s, T.m0, sim_meter(s, T.m0) + 10, e);
}
static bh_status a_patch_done(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    note_call(3, s);
    return BH_OK;
}
static bh_status a_poll_done(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    note_call(4, s);
    return BH_OK;
}
static bh_status a_infect(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    return sim_set_flag(s, "infected", (bh_value){VAL_BOOL, 1, 0, NULL}, e);
}

static void test_actions(void)
{
    begin(12 * HOUR);
    memset(&T, 0, sizeof T);
    T.m0 = meter("m", 0, 0, 100);
    int it = team("it", "IT & security", 3);
    int isolate = action("isolate", it, 2, 45 * MIN, reg(a_isolate_avail),
                         reg(a_isolate_start), reg(a_isolate_done), 0);
    int patch = action("patch", it, 2, 10 * MIN, 0, 0, reg(a_patch_done), 0);
    int poll = action("poll", it, 1, 5 * MIN, 0, 0, reg(a_poll_done), 1);
    inject("infect", MIN, 0, reg(a_infect), 0);
    bh_sim *s = make(1);
    CHECK_INT(advance(s, 0), BH_OK);

    /* The script's reason is shown while `available` says no. */
    bh_action_status st = act_status(s, isolate);
    CHECK_INT(st.state, ACT_BLOCKED);
    CHECK_STR(st.reason, "Nothing is infected yet");
    CHECK_INT(input(s, 0, IN_START, isolate, 0), BH_EINPUT);
    CHECK_STR(E.msg, "cannot start 'isolate': Nothing is infected yet");
    CHECK_INT(act_status(s, patch).state, ACT_AVAILABLE);

    /* Once it is, the action starts, runs and holds its staff. */
    CHECK_INT(input(s, MIN, IN_START, isolate, 0), BH_OK);
    CHECK_INT(T.count[1], 1); /* the start hook ran, once, at 1m */
    CHECK_INT(T.at[1][0], 60);
    st = act_status(s, isolate);
    CHECK_INT(st.state, ACT_RUNNING);
    CHECK_INT(st.started, 60);
    CHECK_INT(st.ends, 60 + 45 * MIN);
    CHECK(st.progress == 0.0);
    CHECK_INT(sim_action_running(s, isolate), 1);
    CHECK_INT(sim_team_free(s, it), 1);
    CHECK_INT(count_log(s, LOG_START, isolate), 1);
    CHECK_INT(input(s, MIN, IN_START, isolate, 0), BH_EINPUT);
    CHECK_STR(E.msg, "cannot start 'isolate': already running");

    /* Not enough free staff: the reason says how many are needed and free. */
    st = act_status(s, patch);
    CHECK_INT(st.state, ACT_BLOCKED);
    CHECK_STR(st.reason, "needs 2 of IT & security; 1 free");
    CHECK_INT(input(s, MIN, IN_START, patch, 0), BH_EINPUT);
    CHECK_STR(E.msg, "cannot start 'patch': needs 2 of IT & security; 1 free");
    CHECK_INT(act_status(s, poll).state, ACT_AVAILABLE);

    /* Progress is the share of the time taken so far. */
    CHECK_INT(advance(s, 60 + 15 * MIN), BH_OK);
    st = act_status(s, isolate);
    CHECK(fabs(st.progress - 1.0 / 3.0) < 1e-9);

    /* The effect runs at exactly started + takes, not a second earlier. */
    CHECK_INT(advance(s, 60 + 45 * MIN - 1), BH_OK);
    CHECK_INT(T.count[2], 0);
    CHECK_INT(sim_action_running(s, isolate), 1);
    CHECK_INT(advance(s, 60 + 45 * MIN), BH_OK);
    CHECK_INT(T.count[2], 1);
    CHECK_INT(T.at[2][0], 60 + 45 * MIN);
    CHECK_STR(T.msg[2], "effect of action 'isolate'");
    CHECK_INT(sim_meter(s, T.m0), 10);
    const bh_log_entry *done = find_log(s, LOG_DONE, isolate, 0);
    CHECK(done && done->time == 60 + 45 * MIN);
    /* LOG_DONE comes before what the effect changed. */
    const bh_log_entry *ml = find_log(s, LOG_METER, T.m0, 0);
    CHECK(done && ml && ml > done && ml->time == done->time);
    CHECK_INT(sim_action_done(s, isolate), 1);
    CHECK_INT(sim_action_running(s, isolate), 0);
    CHECK_INT(sim_team_free(s, it), 3);
    st = act_status(s, isolate);
    CHECK_INT(st.state, ACT_DONE);
    CHECK_STR(st.reason, "already done");
    CHECK_INT(st.done, 1);
    bh_time now = sim_now(s);
    CHECK_INT(input(s, now, IN_START, isolate, 0), BH_EINPUT);
    CHECK_STR(E.msg, "cannot start 'isolate': already done");

    /* A repeatable action can run again once it completed. */
    CHECK_INT(input(s, now, IN_START, poll, 0), BH_OK);
    CHECK_INT(input(s, now + 5 * MIN, IN_START, poll, 0), BH_OK); /* done at that instant */
    CHECK_INT(advance(s, now + 10 * MIN), BH_OK);
    CHECK_INT(T.count[4], 2);
    CHECK_INT(sim_action_done(s, poll), 2);
    st = act_status(s, poll);
    CHECK_INT(st.state, ACT_AVAILABLE);
    CHECK_INT(st.done, 2);

    /* Cancel frees the staff, and the effect never runs. */
    now = sim_now(s);
    CHECK_INT(input(s, now, IN_START, patch, 0), BH_OK);
    CHECK_INT(sim_team_free(s, it), 1);
    CHECK_INT(input(s, now + 5 * MIN, IN_CANCEL, patch, 0), BH_OK);
    CHECK_INT(sim_team_free(s, it), 3);
    CHECK_INT(sim_action_running(s, patch), 0);
    CHECK_INT(count_log(s, LOG_CANCEL, patch), 1);
    CHECK_INT(act_status(s, patch).state, ACT_AVAILABLE);
    CHECK_INT(advance(s, now + 30 * MIN), BH_OK);
    CHECK_INT(T.count[3], 0);
    CHECK_INT(count_log(s, LOG_DONE, patch), 0);
    CHECK_INT(sim_action_done(s, patch), 0);
    CHECK_INT(input(s, now + 30 * MIN, IN_CANCEL, patch, 0), BH_EINPUT);
    CHECK_STR(E.msg, "cannot cancel 'patch': it is not running");

    /* Restart after cancel: the new run ends at its own time. */
    now = sim_now(s);
    CHECK_INT(input(s, now, IN_START, patch, 0), BH_OK);
    CHECK_INT(advance(s, now + 10 * MIN - 1), BH_OK);
    CHECK_INT(T.count[3], 0);
    CHECK_INT(advance(s, now + 10 * MIN), BH_OK);
    CHECK_INT(T.count[3], 1);
    CHECK_INT(T.at[3][0], now + 10 * MIN);

    /* Cancel and restart before the first run would have ended: the stale
     * completion of the first run is ignored. */
    now = sim_now(s);
    CHECK_INT(input(s, now, IN_START, poll, 0), BH_OK);        /* would end now+300 */
    CHECK_INT(input(s, now + 100, IN_CANCEL, poll, 0), BH_OK);
    CHECK_INT(input(s, now + 200, IN_START, poll, 0), BH_OK);  /* ends now+500 */
    CHECK_INT(advance(s, now + 300), BH_OK);
    CHECK_INT(T.count[4], 2);
    CHECK_INT(sim_action_running(s, poll), 1);
    CHECK_INT(advance(s, now + 600), BH_OK);
    CHECK_INT(T.count[4], 3);
    CHECK_INT(T.at[4][2], now + 500);
    CHECK_INT(sim_team_free(s, it), 3);
    CHECK_INT(bad_kind, 0);
    sim_destroy(s);
    defs_free(&D);
}

/* ============================================================== decisions */

static bh_status d_refuse(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    note_call(0, s);
    snprintf(T.msg[0], sizeof T.msg[0], "%s", cur_what);
    return BH_OK;
}
static bh_status d_ignore(bh_sim *s, bh_hook_result *o, bh_err *e) { note_call(1, s); return BH_OK; }
static bh_status d_press_when(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    o->truth = sim_meter(s, T.m0) < 30;
    return BH_OK;
}
static bh_status d_silence(bh_sim *s, bh_hook_result *o, bh_err *e) { note_call(2, s); return BH_OK; }
static bh_status d_board_a(bh_sim *s, bh_hook_result *o, bh_err *e) { note_call(3, s); return BH_OK; }
static bh_status d_board_b(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    note_call(4, s);
    snprintf(T.msg[4], sizeof T.msg[4], "%s", cur_what);
    return BH_OK;
}
static bh_status d_open_board(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    return sim_open(s, T.dec[2], e);
}
static bh_status d_drop(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    return sim_set_meter(s, T.m0, 20, e);
}

static void test_decisions(void)
{
    begin(12 * HOUR);
    memset(&T, 0, sizeof T);
    T.m0 = meter("m", 100, 0, 100);
    int ransom = T.dec[0] = decision("ransom", 2 * HOUR, HOUR, 0, "refuse", reg(d_refuse),
                                     "ignore", reg(d_ignore), 1);
    int press = T.dec[1] = decision("press", 30 * MIN, NO_AT, reg(d_press_when), "statement", 0,
                                    "silence", reg(d_silence), 1);
    int board = T.dec[2] = decision("board", HOUR, NO_AT, 0, "a", reg(d_board_a), "b",
                                    reg(d_board_b), 1);
    inject("escalate", 3 * HOUR, 0, reg(d_open_board), 0);
    inject("drop", 4 * HOUR, 0, reg(d_drop), 0);
    inject("reopen", 5 * HOUR, 0, reg(d_open_board), 0);
    bh_sim *s = make(1);

    /* Closed until its time. */
    CHECK_INT(advance(s, 0), BH_OK);
    bh_decision_status ds = dec_status(s, ransom);
    CHECK_INT(ds.state, DEC_CLOSED);
    CHECK_INT(ds.chosen, -1);
    CHECK_INT(input(s, 0, IN_CHOOSE, ransom, 0), BH_EINPUT);
    CHECK_STR(E.msg, "cannot choose in 'ransom': it is not open");

    /* Opened by `at`, with its deadline and the time left. */
    CHECK_INT(advance(s, HOUR), BH_OK);
    ds = dec_status(s, ransom);
    CHECK_INT(ds.state, DEC_OPEN);
    CHECK_INT(ds.opened, HOUR);
    CHECK_INT(ds.deadline, 3 * HOUR);
    CHECK_INT(ds.left, 2 * HOUR);
    const bh_log_entry *l = find_log(s, LOG_OPEN, ransom, 0);
    CHECK(l && l->time == HOUR && l->to == 3 * HOUR);
    CHECK_INT(advance(s, HOUR + 10 * MIN), BH_OK);
    CHECK_INT(dec_status(s, ransom).left, HOUR + 50 * MIN);

    /* Choosing runs the option's effect, once. */
    CHECK_INT(input(s, 90 * MIN, IN_CHOOSE, ransom, 0), BH_OK);
    CHECK_INT(T.count[0], 1);
    CHECK_INT(T.at[0][0], 90 * MIN);
    CHECK_STR(T.msg[0], "effect of option 'refuse' of decision 'ransom'");
    ds = dec_status(s, ransom);
    CHECK_INT(ds.state, DEC_DECIDED);
    CHECK_INT(ds.chosen, 0);
    CHECK_INT(ds.by_default, 0);
    CHECK_INT(ds.left, 0);
    l = find_log(s, LOG_CHOOSE, ransom, 0);
    CHECK(l && l->time == 90 * MIN && l->b == 0);
    CHECK_INT(input(s, 90 * MIN, IN_CHOOSE, ransom, 1), BH_EINPUT);
    CHECK_STR(E.msg, "cannot choose in 'ransom': it was already decided");
    CHECK_INT(T.count[1], 0);

    /* Opened by w.open at 3h; nobody chooses, so at 4h the default applies. */
    CHECK_INT(advance(s, 3 * HOUR), BH_OK);
    ds = dec_status(s, board);
    CHECK_INT(ds.state, DEC_OPEN);
    CHECK_INT(ds.opened, 3 * HOUR);
    CHECK_INT(ds.deadline, 4 * HOUR);
    /* The chosen decision's deadline (also 3h) did nothing. */
    CHECK_INT(count_log(s, LOG_DEFAULT, ransom), 0);
    CHECK_INT(T.count[1], 0);
    CHECK_INT(dec_status(s, ransom).chosen, 0);

    /* At 4h: the drop opens `press` by its condition; board's deadline. */
    CHECK_INT(advance(s, 4 * HOUR), BH_OK);
    ds = dec_status(s, board);
    CHECK_INT(ds.state, DEC_DECIDED);
    CHECK_INT(ds.chosen, 1);
    CHECK_INT(ds.by_default, 1);
    CHECK_INT(T.count[4], 1);
    CHECK_INT(T.at[4][0], 4 * HOUR);
    CHECK_STR(T.msg[4], "effect of option 'b' of decision 'board'");
    CHECK_INT(T.count[3], 0);
    l = find_log(s, LOG_DEFAULT, board, 0);
    CHECK(l && l->time == 4 * HOUR && l->b == 1);
    CHECK_INT(count_log(s, LOG_CHOOSE, board), 0);
    ds = dec_status(s, press);
    CHECK_INT(ds.state, DEC_OPEN);
    CHECK_INT(ds.opened, 4 * HOUR);
    CHECK_INT(input(s, 4 * HOUR, IN_CHOOSE, press, 2), BH_EINPUT);
    CHECK_STR(E.msg, "decision 'press' has no such option");

    /* A decision opens once: w.open at 5h does not reopen `board`. */
    CHECK_INT(advance(s, 6 * HOUR), BH_OK);
    CHECK_INT(count_log(s, LOG_OPEN, board), 1);
    CHECK_INT(dec_status(s, board).state, DEC_DECIDED);
    CHECK_INT(input(s, 6 * HOUR, IN_CHOOSE, board, 0), BH_EINPUT);
    CHECK_STR(E.msg, "cannot choose in 'board': it was already decided");
    /* press defaulted at 4h30m. */
    l = find_log(s, LOG_DEFAULT, press, 0);
    CHECK(l && l->time == 4 * HOUR + 30 * MIN && l->b == 1);
    CHECK_INT(T.count[2], 1);
    sim_destroy(s);
    defs_free(&D);
}

/* ================================================================ endings */

static bh_status e_contained(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    bh_value v = sim_flag(s, "contained");
    o->truth = v.type == VAL_BOOL && v.b;
    return BH_OK;
}
static bh_status e_fix(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    return sim_set_flag(s, "contained", (bh_value){VAL_BOOL, 1, 0, NULL}, e);
}
static bh_status e_tick(bh_sim *s, bh_hook_result *o, bh_err *e) { note_call(0, s); return BH_OK; }

static void test_ending_when(void)
{
    begin(12 * HOUR);
    memset(&T, 0, sizeof T);
    int it = team("it", "IT", 4);
    int fix = action("fix", it, 1, HOUR, 0, 0, reg(e_fix), 0);
    int other = action("other", it, 1, HOUR, 0, 0, 0, 0);
    bh_hook cont = reg(e_contained);
    int contained = ending("contained", cont, 0);
    ending("also_true", cont, 0); /* also holds, but declared later */
    ending("time_up", 0, 1);
    every(HOUR, reg(e_tick), 80);
    bh_sim *s = make(1);
    CHECK_INT(input(s, 10 * MIN, IN_START, fix, 0), BH_OK);
    CHECK_INT(advance(s, 5 * HOUR), BH_OK);
    /* Ended when fix completed; the clock stays there. */
    CHECK_INT(sim_ended(s), 1);
    CHECK_INT(sim_ending(s), contained);
    CHECK_INT(sim_now(s), 70 * MIN);
    const bh_log_entry *l = last_log(s);
    CHECK(l && l->kind == LOG_ENDING && l->a == contained && l->b == 0 && l->time == 70 * MIN);
    CHECK_INT(count_log(s, LOG_ENDING, -1), 1);
    CHECK_INT(T.count[0], 1); /* every(1h) ran at 1h, never after the end */
    CHECK_INT(sim_next_event(s), -1);

    /* Inputs after the end are refused; facilitator notes are still taken. */
    CHECK_INT(input(s, 5 * HOUR, IN_START, other, 0), BH_EINPUT);
    CHECK_STR(E.msg, "the session has ended");
    bh_input in = {.time = sim_now(s), .kind = IN_START, .a = other};
    err_clear(&E);
    CHECK_INT(sim_check_input(s, &in, &E), BH_EINPUT);
    CHECK_STR(E.msg, "the session has ended");
    CHECK_INT(act_status(s, other).state, ACT_BLOCKED);
    CHECK_STR(act_status(s, other).reason, "the session has ended");
    CHECK_INT(input(s, sim_now(s), IN_NOTE, 0, 0), BH_OK);
    l = last_log(s);
    CHECK(l && l->kind == LOG_FNOTE && l->text && strcmp(l->text, "facilitator note") == 0);
    CHECK_INT(advance(s, 12 * HOUR), BH_OK);
    CHECK_INT(sim_now(s), 70 * MIN);
    CHECK_INT(count_log(s, LOG_ENDING, -1), 1);
    sim_destroy(s);
    defs_free(&D);
}

static bh_status e_walkout(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    sim_finish(s, T.end[1], e);
    sim_finish(s, T.end[0], e); /* the first finish wins */
    sim_set_meter(s, T.m0, 5, e); /* the rest of the effect still counts */
    sim_note(s, "The board walks out", e);
    T.count[1] = sim_ended(s);    /* not yet: it takes effect on return */
    return BH_OK;
}
static bh_status e_never(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    o->truth = 0;
    return BH_OK;
}

static void test_ending_finish(void)
{
    begin(12 * HOUR);
    memset(&T, 0, sizeof T);
    T.m0 = meter("m", 50, 0, 100);
    T.end[0] = ending("never", reg(e_never), 0);
    T.end[1] = ending("walkout", 0, 0);
    T.end[2] = ending("time_up", 0, 1);
    inject("walk", 2 * HOUR, 0, reg(e_walkout), 0);
    inject("later", 3 * HOUR, 0, 0, 0);
    bh_sim *s = make(1);
    CHECK_INT(advance(s, 10 * HOUR), BH_OK);
    CHECK_INT(sim_ended(s), 1);
    CHECK_INT(sim_ending(s), T.end[1]);
    CHECK_INT(sim_now(s), 2 * HOUR);
    CHECK_INT(T.count[1], 0);
    CHECK_INT(sim_meter(s, T.m0), 5);
    size_t n;
    const bh_log_entry *l = sim_log(s, &n);
    CHECK_INT(n, 4);
    if (n == 4) {
        CHECK_INT(l[0].kind, LOG_INJECT);
        CHECK_INT(l[1].kind, LOG_NOTE);
        CHECK_STR(l[1].text, "The board walks out");
        CHECK_INT(l[2].kind, LOG_METER);
        CHECK(l[3].kind == LOG_ENDING && l[3].a == T.end[1] && l[3].b == 0 &&
              l[3].time == 2 * HOUR);
    }
    CHECK_INT(sim_inject_fired(s, 1), 0); /* "later" never came */
    sim_destroy(s);
    defs_free(&D);
}

static void test_ending_fallback(void)
{
    begin(3 * HOUR);
    memset(&T, 0, sizeof T);
    ending("never", reg(e_never), 0);
    int time_up = ending("time_up", 0, 1);
    every(HOUR, reg(e_tick), 80);
    bh_sim *s = make(1);
    err_clear(&E);
    CHECK_INT(session_finish(s, &E), BH_OK);
    CHECK_INT(sim_ended(s), 1);
    CHECK_INT(sim_ending(s), time_up);
    CHECK_INT(sim_now(s), 3 * HOUR);
    const bh_log_entry *l = last_log(s);
    CHECK(l && l->kind == LOG_ENDING && l->a == time_up && l->b == 1 && l->time == 3 * HOUR);
    /* Events due at the very end run before the length runs out. */
    CHECK_INT(T.count[0], 3);
    CHECK_INT(T.at[0][2], 3 * HOUR);
    sim_destroy(s);

    /* Advancing past the length stops at the length. */
    memset(&T, 0, sizeof T);
    s = make(1);
    CHECK_INT(advance(s, 100 * HOUR), BH_OK);
    CHECK_INT(sim_now(s), 3 * HOUR);
    CHECK_INT(sim_ending(s), time_up);
    sim_destroy(s);
    defs_free(&D);
}

/* ================================================================ every */

static bh_status ev_a(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    note_call(0, s);
    snprintf(T.msg[0], sizeof T.msg[0], "%s", cur_what);
    return BH_OK;
}
static bh_status ev_b(bh_sim *s, bh_hook_result *o, bh_err *e) { note_call(1, s); return BH_OK; }

static void test_every(void)
{
    begin(5 * HOUR);
    memset(&T, 0, sizeof T);
    every(HOUR, reg(ev_a), 42);
    every(25 * MIN, reg(ev_b), 43);
    bh_sim *s = make(1);
    CHECK_INT(advance(s, 5 * HOUR), BH_OK);
    CHECK_INT(T.count[0], 5);
    for (int i = 0; i < 5; i++)
        CHECK_INT(T.at[0][i], (i + 1) * HOUR);
    CHECK_INT(T.count[1], 12);
    for (int i = 0; i < 12; i++)
        CHECK_INT(T.at[1][i], (i + 1) * 25 * MIN);
    CHECK_STR(T.msg[0], "every(\"1h\") hook at test.lua:42");
    sim_destroy(s);
    defs_free(&D);
}

/* ============================================================ w.after */

static bh_status af_run(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    note_call(0, s);
    snprintf(T.msg[0], sizeof T.msg[0], "%s", cur_what);
    return BH_OK;
}
static bh_status af_now(bh_sim *s, bh_hook_result *o, bh_err *e) { note_call(1, s); return BH_OK; }
static bh_status af_never(bh_sim *s, bh_hook_result *o, bh_err *e) { note_call(2, s); return BH_OK; }
static bh_status af_schedule(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    bh_err e2;
    T.st[0] = sim_after(s, 15 * MIN, T.h[0], e);
    T.st[1] = sim_after(s, 0, T.h[1], e);
    T.st[2] = sim_after(s, -1, T.h[2], &e2); /* refused: released at once */
    snprintf(T.msg[2], sizeof T.msg[2], "%s", e2.msg);
    T.st[3] = sim_after(s, DUR_MAX + 1, T.h[3], &e2);
    T.st[4] = sim_after(s, 100 * 24 * HOUR, T.h[4], e); /* past the end */
    T.count[5] = released[T.h[2]] + released[T.h[3]];
    return BH_OK;
}

static void test_after(void)
{
    begin(12 * HOUR);
    memset(&T, 0, sizeof T);
    T.h[0] = reg(af_run);
    T.h[1] = reg(af_now);
    T.h[2] = reg(af_never);
    T.h[3] = reg(af_never);
    T.h[4] = reg(af_never);
    inject("go", 10 * MIN, 0, reg(af_schedule), 0);
    bh_sim *s = make(1);
    CHECK_INT(advance(s, 10 * MIN), BH_OK);
    CHECK_INT(T.st[0], BH_OK);
    CHECK_INT(T.st[1], BH_OK);
    CHECK_INT(T.st[2], BH_EINPUT);
    CHECK_STR(T.msg[2], "w.after: the delay must be 0 or more");
    CHECK_INT(T.st[3], BH_EINPUT);
    CHECK_INT(T.st[4], BH_OK);
    CHECK_INT(T.count[5], 2); /* refused hooks were released right away */
    /* Delay 0 runs at the same instant, then is released. */
    CHECK_INT(T.count[1], 1);
    CHECK_INT(T.at[1][0], 10 * MIN);
    CHECK_INT(released[T.h[1]], 1);
    /* The 15m one has not run yet, and is not released yet. */
    CHECK_INT(T.count[0], 0);
    CHECK_INT(released[T.h[0]], 0);
    CHECK_INT(advance(s, 25 * MIN - 1), BH_OK);
    CHECK_INT(T.count[0], 0);
    CHECK_INT(advance(s, HOUR), BH_OK);
    CHECK_INT(T.count[0], 1);
    CHECK_INT(T.at[0][0], 25 * MIN);
    CHECK_STR(T.msg[0], "w.after function");
    CHECK_INT(released[T.h[0]], 1);
    /* Still pending at the end of the session: released on destroy. */
    CHECK_INT(advance(s, 12 * HOUR), BH_OK);
    CHECK_INT(sim_ended(s), 1);
    CHECK_INT(released[T.h[4]], 0);
    sim_destroy(s);
    CHECK_INT(released[T.h[4]], 1);
    CHECK_INT(T.count[2], 0);
    /* Every hook handed over was released exactly once. */
    for (int i = 0; i < 5; i++)
        CHECK_INT(released[T.h[i]], 1);
    CHECK_INT(nreleased, 5);
    defs_free(&D);
}

/* ============================================= conditions may only read */

static bh_status rc_greedy(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    T.count[0]++;
    if (T.count[0] > 1) {
        o->truth = 0;
        return BH_OK;
    }
    T.in_cond_cond = sim_in_condition(s);
    bh_err x;
    int k = 0;
    err_clear(&x);
    T.st[k++] = sim_set_meter(s, T.m0, 1, &x);
    snprintf(T.msg[0], sizeof T.msg[0], "%s", x.msg);
    T.st[k++] = sim_set_system(s, T.sys0, ST_OFFLINE, &x);
    T.st[k++] = sim_set_team_staff(s, T.team0, 1, &x);
    T.st[k++] = sim_set_flag(s, "f", (bh_value){VAL_NUM, 0, 3, NULL}, &x);
    T.st[k++] = sim_fire(s, T.inj[1], &x);
    T.st[k++] = sim_open(s, T.dec[0], &x);
    T.st[k++] = sim_after(s, MIN, T.h[0], &x);
    T.st[k++] = sim_note(s, "no", &x);
    T.st[k++] = sim_finish(s, T.end[0], &x);
    err_clear(&x);
    bh_rng *r = sim_rng(s, &x);
    T.st[k++] = r == NULL ? BH_EINPUT : BH_OK;
    snprintf(T.msg[1], sizeof T.msg[1], "%s", x.msg);
    T.count[1] = k;
    o->truth = 0;
    return BH_OK;
}
static bh_status rc_avail(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    T.count[2]++;
    bh_err x;
    T.st[12] = sim_set_meter(s, T.m0, 1, &x);
    T.st[13] = sim_rng(s, &x) == NULL ? BH_EINPUT : BH_OK;
    o->truth = 1;
    return BH_OK;
}
static bh_status rc_effect(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    T.in_cond_effect = sim_in_condition(s);
    bh_rng *r = sim_rng(s, e);
    T.st[14] = r ? BH_OK : BH_EINPUT;
    return BH_OK;
}

static void test_conditions_read_only(void)
{
    begin(12 * HOUR);
    memset(&T, 0, sizeof T);
    T.m0 = meter("m", 50, 0, 100);
    T.sys0 = system_("email", ST_ONLINE);
    T.team0 = team("it", "IT", 4);
    T.h[0] = reg(af_never);
    T.inj[0] = inject("greedy", NO_AT, reg(rc_greedy), 0, 0);
    T.inj[1] = inject("target", NO_AT, 0, 0, 0);
    T.inj[2] = inject("fx", 5 * MIN, 0, reg(rc_effect), 0);
    T.dec[0] = decision("d", HOUR, NO_AT, 0, "x", 0, "y", 0, 0);
    T.end[0] = ending("end", 0, 1);
    int act = action("act", T.team0, 1, MIN, reg(rc_avail), 0, 0, 0);
    bh_sim *s = make(1);
    bh_rng before = {{0}};
    err_clear(&E);
    before = *sim_rng(s, &E);
    CHECK_INT(sim_in_condition(s), 0);
    CHECK_INT(advance(s, 0), BH_OK); /* the T+0 check runs the condition */
    CHECK(T.count[0] >= 1);
    CHECK_INT(T.in_cond_cond, 1);
    CHECK_INT(T.count[1], 10);
    for (int i = 0; i < 10; i++)
        CHECK_INT(T.st[i], BH_EINPUT);
    CHECK_STR(T.msg[0], "cannot change a meter inside a condition: 'available', 'when' and "
                        "'met' functions may only read the world (do it in an effect instead)");
    CHECK_HAS(T.msg[1], "w.random inside a condition");
    /* The refused w.after hook was released, never run. */
    CHECK_INT(released[T.h[0]], 1);
    CHECK_INT(sim_in_condition(s), 0);

    /* Nothing changed. */
    CHECK_INT(sim_meter(s, T.m0), 50);
    CHECK_INT(sim_system(s, T.sys0), ST_ONLINE);
    CHECK_INT(sim_team_staff(s, T.team0), 4);
    CHECK_INT(sim_flag_count(s), 0);
    size_t n;
    sim_log(s, &n);
    CHECK_INT(n, 0);
    sim_inbox(s, &n);
    CHECK_INT(n, 0);
    CHECK_INT(dec_status(s, T.dec[0]).state, DEC_CLOSED);
    CHECK_INT(sim_ended(s), 0);
    /* The condition did not read the clock, so no check is queued: the
     * next event is the inject due at 5m. */
    CHECK_INT(sim_next_event(s), 5 * MIN);
    err_clear(&E);
    bh_rng *r = sim_rng(s, &E);
    CHECK(r && memcmp(r, &before, sizeof before) == 0);

    /* An availability condition is a condition too. */
    CHECK_INT(act_status(s, act).state, ACT_AVAILABLE);
    CHECK_INT(T.count[2], 1);
    CHECK_INT(T.st[12], BH_EINPUT);
    CHECK_INT(T.st[13], BH_EINPUT);
    CHECK_INT(sim_meter(s, T.m0), 50);

    /* In an effect, the generator is there and writes are allowed. */
    CHECK_INT(advance(s, 5 * MIN), BH_OK);
    CHECK_INT(T.in_cond_effect, 0);
    CHECK_INT(T.st[14], BH_OK);
    CHECK_INT(sim_failed(s), 0);
    sim_destroy(s);
    defs_free(&D);
}

/* ===================================================== hook errors stop */

static bh_status he_boom(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    sim_set_meter(s, T.m0, 1, e);
    return err_set(e, BH_ESCRIPT, "boom.lua", 12, "attempt to index a nil value");
}
static bh_status he_bad_cond(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    return err_set(e, BH_ESCRIPT, "cond.lua", 3, "condition exploded");
}
static bh_status he_silent(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    return BH_ESCRIPT; /* fails without filling in the error */
}

static void test_hook_error_stops_session(void)
{
    begin(12 * HOUR);
    memset(&T, 0, sizeof T);
    T.m0 = meter("m", 50, 0, 100);
    int it = team("it", "IT", 4);
    int act = action("act", it, 1, MIN, 0, 0, 0, 0);
    inject("boom", 10 * MIN, 0, reg(he_boom), 0);
    every(5 * MIN, reg(e_tick), 90);
    bh_sim *s = make(1);
    CHECK_INT(advance(s, HOUR), BH_ESCRIPT);
    CHECK_STR(E.file, "boom.lua");
    CHECK_INT(E.line, 12);
    CHECK_STR(E.msg, "attempt to index a nil value");
    CHECK_INT(sim_failed(s), 1);
    CHECK_INT(sim_ended(s), 0);
    CHECK_INT(sim_error(s)->status, BH_ESCRIPT);
    CHECK_STR(sim_error(s)->msg, "attempt to index a nil value");
    CHECK_INT(sim_error(s)->line, 12);
    CHECK_INT(sim_now(s), 10 * MIN); /* stopped where it failed */
    CHECK_INT(sim_meter(s, T.m0), 1);  /* what it changed before failing is logged */
    CHECK_INT(count_log(s, LOG_METER, T.m0), 1);
    /* every(5m) ran at 5m; at 10m the inject came first (scheduled
     * earlier) and failed, so the tick due then never ran. */
    int ticks = T.count[0];
    CHECK_INT(ticks, 1);

    /* Later calls report the same error and do nothing. */
    CHECK_INT(advance(s, 2 * HOUR), BH_ESCRIPT);
    CHECK_STR(E.msg, "attempt to index a nil value");
    CHECK_INT(sim_now(s), 10 * MIN);
    CHECK_INT(T.count[0], ticks);
    CHECK_INT(sim_next_event(s), -1);
    bh_input in = {.time = 10 * MIN, .kind = IN_START, .a = act};
    err_clear(&E);
    CHECK_INT(sim_check_input(s, &in, &E), BH_EINPUT);
    CHECK_STR(E.msg, "the session stopped on a script error");
    CHECK_INT(act_status(s, act).state, ACT_BLOCKED);
    err_clear(&E);
    CHECK_INT(session_finish(s, &E), BH_ESCRIPT);
    CHECK_STR(E.msg, "attempt to index a nil value");
    sim_destroy(s);
    defs_free(&D);

    /* A failing condition stops the session the same way. */
    begin(12 * HOUR);
    memset(&T, 0, sizeof T);
    inject("bad", NO_AT, reg(he_bad_cond), 0, 0);
    s = make(1);
    CHECK_INT(advance(s, HOUR), BH_ESCRIPT);
    CHECK_STR(E.msg, "condition exploded");
    CHECK_INT(sim_failed(s), 1);
    CHECK_STR(sim_error(s)->file, "cond.lua");
    CHECK_INT(sim_now(s), 0);
    /* Nothing is left to run an effect, yet advancing still fails. */
    CHECK_INT(advance(s, 2 * HOUR), BH_ESCRIPT);
    CHECK_STR(E.msg, "condition exploded");
    CHECK_INT(sim_now(s), 0);
    sim_destroy(s);
    defs_free(&D);

    /* A hook that fails without a message still fails as a script error. */
    begin(12 * HOUR);
    memset(&T, 0, sizeof T);
    inject("silent", MIN, 0, reg(he_silent), 0);
    s = make(1);
    CHECK_INT(advance(s, HOUR), BH_ESCRIPT);
    CHECK_INT(sim_failed(s), 1);
    CHECK_INT(sim_error(s)->status, BH_ESCRIPT);
    sim_destroy(s);
    defs_free(&D);
}

static void test_advance_never_backwards(void)
{
    begin(12 * HOUR);
    memset(&T, 0, sizeof T);
    bh_sim *s = make(1);
    uint64_t v0 = sim_version(s);
    CHECK_INT(advance(s, 100), BH_OK);
    CHECK_INT(sim_now(s), 100);
    uint64_t v1 = sim_version(s);
    CHECK(v1 > v0); /* moving the clock is a change the UI must see */
    CHECK_INT(advance(s, 50), BH_EUSAGE);
    CHECK_STR(E.msg, "cannot move the clock back from 100 to 50");
    CHECK_INT(sim_now(s), 100);
    CHECK_INT(advance(s, 100), BH_OK);
    CHECK_INT(sim_version(s), v1);
    CHECK_INT(sim_failed(s), 0);
    sim_destroy(s);
    defs_free(&D);
}

/* ============================================================ determinism */

static bh_status dt_every(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    bh_rng *r = sim_rng(s, e);
    if (!r)
        return e->status;
    sim_set_meter(s, T.m0, (double)rng_range(r, 0, 100), e);
    if (rng_unit(r) < 0.3)
        sim_fire(s, T.inj[0], e);
    char buf[32];
    snprintf(buf, sizeof buf, "draw %lld", (long long)rng_range(r, 1, 6));
    sim_note(s, buf, e);
    return sim_set_flag(s, "last", (bh_value){VAL_STR, 0, 0, buf}, e);
}
static bh_status dt_after(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    bh_rng *r = sim_rng(s, e);
    return sim_set_meter(s, T.m1, sim_meter(s, T.m1) + (double)rng_range(r, 1, 10), e);
}
static bh_status dt_start(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    return sim_after(s, (bh_time)rng_range(sim_rng(s, e), 1, 600), T.h[0], e);
}

static void build_random_scenario(void)
{
    begin(8 * HOUR);
    memset(&T, 0, sizeof T);
    T.m0 = meter("noise", 50, 0, 100);
    T.m1 = meter("sum", 0, 0, 1e9);
    int it = team("it", "IT", 3);
    T.h[0] = reg(dt_after);
    T.inj[0] = inject("ping", NO_AT, 0, 0, 1);
    action("work", it, 1, 20 * MIN, 0, reg(dt_start), 0, 1);
    decision("d", HOUR, 30 * MIN, 0, "x", 0, "y", reg(dt_after), 1);
    ending("time_up", 0, 1);
    every(10 * MIN, reg(dt_every), 100);
}

static void run_random(bh_sim *s)
{
    for (int k = 0; k < 10; k++)
        input(s, k * 40 * MIN, IN_START, 0, 0);
    input(s, 45 * MIN, IN_NOTE, 0, 0);
    err_clear(&E);
    session_finish(s, &E);
}

static int same_logs(const bh_sim *a, const bh_sim *b)
{
    size_t na, nb;
    const bh_log_entry *la = sim_log(a, &na), *lb = sim_log(b, &nb);
    if (na != nb)
        return 0;
    for (size_t i = 0; i < na; i++) {
        if (la[i].time != lb[i].time || la[i].kind != lb[i].kind || la[i].a != lb[i].a ||
            la[i].b != lb[i].b || la[i].from != lb[i].from || la[i].to != lb[i].to)
            return 0;
        if ((la[i].text == NULL) != (lb[i].text == NULL) ||
            (la[i].text && strcmp(la[i].text, lb[i].text) != 0))
            return 0;
    }
    return 1;
}

static void test_determinism(void)
{
    build_random_scenario();
    bh_sim *a = make(42), *b = make(42), *c = make(43);
    run_random(a);
    run_random(b);
    run_random(c);
    size_t na;
    sim_log(a, &na);
    CHECK(na > 100);
    CHECK_INT(count_log(a, LOG_DONE, 0), 10);
    CHECK(same_logs(a, b));
    CHECK(!same_logs(a, c));
    CHECK(sim_meter(a, T.m1) == sim_meter(b, T.m1));
    CHECK(sim_meter(a, T.m1) > 0);
    CHECK_INT(sim_seed(a), 42);
    size_t ha, hb;
    const bh_point *pa = sim_meter_history(a, T.m0, &ha), *pb = sim_meter_history(b, T.m0, &hb);
    CHECK(ha == hb && ha > 10 && memcmp(pa, pb, ha * sizeof *pa) == 0);
    bh_value fa = sim_flag(a, "last"), fb = sim_flag(b, "last");
    CHECK(fa.type == VAL_STR && fb.type == VAL_STR && strcmp(fa.s, fb.s) == 0);
    CHECK_INT(sim_inject_fired(a, T.inj[0]), sim_inject_fired(b, T.inj[0]));
    /* Every w.after handed over was released, in all three sessions. */
    sim_destroy(a);
    sim_destroy(b);
    sim_destroy(c);
    CHECK_INT(nreleased, 30);
    defs_free(&D);
}

/* ================================================ checking changes nothing */

static bh_status ck_avail(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    T.count[0]++;
    o->truth = 1;
    return BH_OK;
}

static void test_check_input_has_no_side_effects(void)
{
    begin(12 * HOUR);
    memset(&T, 0, sizeof T);
    int it = team("it", "IT", 2);
    int a0 = action("a0", it, 1, HOUR, reg(ck_avail), 0, 0, 0);
    int a1 = action("a1", it, 1, HOUR, 0, 0, 0, 0);
    int d0 = decision("d", HOUR, 0, 0, "x", 0, "y", 0, 0);
    bh_sim *s = make(1);
    CHECK_INT(advance(s, 0), BH_OK);
    CHECK_INT(input(s, 0, IN_START, a1, 0), BH_OK);
    CHECK_INT(advance(s, 10), BH_OK);

    uint64_t v = sim_version(s);
    size_t nlog;
    sim_log(s, &nlog);
    bh_rng rng_before = *sim_rng(s, &E);
    const bh_input ok[] = {
        {.time = 10, .kind = IN_START, .a = a0},
        {.time = 10, .kind = IN_CANCEL, .a = a1},
        {.time = 10, .kind = IN_CHOOSE, .a = d0, .b = 1},
        {.time = 10, .kind = IN_NOTE, .text = "hello"},
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        err_clear(&E);
        CHECK_INT(sim_check_input(s, &ok[i], &E), BH_OK);
    }
    CHECK_INT(T.count[0], 1); /* the availability condition did run */
    /* ... and nothing changed. */
    CHECK_INT(sim_version(s), v);
    size_t n;
    sim_log(s, &n);
    CHECK_INT(n, nlog);
    CHECK_INT(sim_action_running(s, a0), 0);
    CHECK_INT(sim_action_running(s, a1), 1);
    CHECK_INT(sim_team_free(s, it), 1);
    CHECK_INT(dec_status(s, d0).state, DEC_OPEN);
    CHECK(memcmp(sim_rng(s, &E), &rng_before, sizeof rng_before) == 0);

    /* Refusals. */
    bh_input in = {.time = 5, .kind = IN_START, .a = a0};
    err_clear(&E);
    CHECK_INT(sim_check_input(s, &in, &E), BH_EUSAGE);
    CHECK_STR(E.msg, "input stamped 5 but the session is at 10");
    in = (bh_input){.time = 10, .kind = IN_START, .a = 7};
    CHECK_INT(sim_check_input(s, &in, &E), BH_EINPUT);
    CHECK_STR(E.msg, "no such action");
    in = (bh_input){.time = 10, .kind = IN_CANCEL, .a = -1};
    CHECK_INT(sim_check_input(s, &in, &E), BH_EINPUT);
    CHECK_STR(E.msg, "no such action");
    in = (bh_input){.time = 10, .kind = IN_CHOOSE, .a = 3, .b = 0};
    CHECK_INT(sim_check_input(s, &in, &E), BH_EINPUT);
    CHECK_STR(E.msg, "no such decision");
    in = (bh_input){.time = 10, .kind = IN_CHOOSE, .a = d0, .b = -1};
    CHECK_INT(sim_check_input(s, &in, &E), BH_EINPUT);
    CHECK_INT(sim_version(s), v);
    sim_destroy(s);
    defs_free(&D);
}

/* ============================================== session, journal, replay */

static char tmpdir[64];

static char *slurp(const char *path, size_t *n)
{
    char *buf = NULL;
    size_t len = 0;
    bh_err e;
    if (text_read_file(path, 1 << 20, &buf, &len, &e) != BH_OK)
        return NULL;
    if (n)
        *n = len;
    return buf;
}

static bh_status ss_done(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    bh_rng *r = sim_rng(s, e);
    return sim_set_meter(s, T.m0, (double)rng_range(r, 0, 100), e);
}
static bh_status ss_end_when(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    o->truth = sim_action_done(s, T.act[2]) > 0; /* "finish" completed */
    return BH_OK;
}

static void build_session_scenario(void)
{
    begin(10 * HOUR);
    memset(&T, 0, sizeof T);
    T.m0 = meter("m", 50, 0, 100);
    int it = team("it", "IT & security", 2);
    T.act[0] = action("isolate_switch", it, 1, 45 * MIN, 0, 0, reg(ss_done), 0);
    T.act[1] = action("call_ir_firm", it, 1, 30 * MIN, 0, 0, reg(ss_done), 0);
    T.act[2] = action("finish", it, 2, HOUR, 0, 0, 0, 0);
    T.dec[0] = decision("ransom", 2 * HOUR, HOUR, 0, "refuse", reg(ss_done), "ignore", 0, 1);
    T.end[0] = ending("done", reg(ss_end_when), 0);
    T.end[1] = ending("time_up", 0, 1);
    every(HOUR, reg(ss_done), 120);
}

static bh_status replay_text(bh_sim *s, bh_journal *j, const char *text, bh_replay_result *res)
{
    bh_plan p;
    err_clear(&E);
    bh_status st = journal_parse("plan.txt", text, strlen(text), &p, &E);
    if (st == BH_OK)
        st = session_replay(s, j, &p, res, &E);
    journal_plan_free(&p);
    return st;
}

static void test_session_journal_replay(void)
{
    build_session_scenario();
    char path[128], path2[128];
    snprintf(path, sizeof path, "%s/live.journal", tmpdir);
    snprintf(path2, sizeof path2, "%s/replayed.journal", tmpdir);

    /* A live session, journaled as it goes. */
    bh_journal j = {.fd = -1};
    err_clear(&E);
    CHECK_INT(journal_create(&j, path, "scenarios/test.lua", 77, &E), BH_OK);
    bh_sim *live = make(77);
    const bh_input ins[] = {
        {.time = 0, .kind = IN_START, .a = T.act[0]},
        {.time = 5 * MIN, .kind = IN_NOTE, .text = "the room is\nnervous \\ quiet"},
        {.time = 10 * MIN, .kind = IN_START, .a = T.act[1]},
        {.time = 20 * MIN, .kind = IN_CANCEL, .a = T.act[1]},
        {.time = 90 * MIN, .kind = IN_CHOOSE, .a = T.dec[0], .b = 0},
        {.time = 2 * HOUR, .kind = IN_START, .a = T.act[1]},
    };
    size_t nins = sizeof ins / sizeof ins[0];
    for (size_t i = 0; i < nins; i++) {
        err_clear(&E);
        CHECK_INT(session_input(live, &j, &ins[i], &E), BH_OK);
    }
    /* A refused input is not journaled. */
    size_t len_before = 0, len_after = 0;
    free(slurp(path, &len_before));
    bh_input refused = {.time = 2 * HOUR, .kind = IN_START, .a = T.act[1]};
    err_clear(&E);
    CHECK_INT(session_input(live, &j, &refused, &E), BH_EINPUT);
    CHECK_STR(E.msg, "cannot start 'call_ir_firm': already running");
    free(slurp(path, &len_after));
    CHECK_INT(len_after, len_before);
    journal_close(&j);
    err_clear(&E);
    CHECK_INT(session_finish(live, &E), BH_OK);

    /* Read it back and replay it into a fresh session, journaling again. */
    bh_plan p;
    CHECK_INT(journal_read(path, &p, &E), BH_OK);
    CHECK_INT(p.n, nins);
    CHECK(p.has_seed && p.seed == 77);
    CHECK_STR(p.scenario, "scenarios/test.lua");
    bh_sim *again = make(p.seed);
    bh_journal j2 = {.fd = -1};
    CHECK_INT(journal_create(&j2, path2, p.scenario, p.seed, &E), BH_OK);
    bh_replay_result res;
    err_clear(&E);
    CHECK_INT(session_replay(again, &j2, &p, &res, &E), BH_OK);
    journal_close(&j2);
    CHECK_INT(res.applied, nins);
    CHECK_INT(res.skipped, 0);
    err_clear(&E);
    CHECK_INT(session_finish(again, &E), BH_OK);
    CHECK(same_logs(live, again));
    CHECK_INT(sim_ending(again), sim_ending(live));
    CHECK(sim_meter(again, T.m0) == sim_meter(live, T.m0));
    /* The replay journal is the live journal, byte for byte. */
    char *a = slurp(path, NULL), *b = slurp(path2, NULL);
    CHECK(a && b && strcmp(a, b) == 0);
    free(a);
    free(b);
    journal_plan_free(&p);
    sim_destroy(live);
    sim_destroy(again);
    unlink(path);
    unlink(path2);
    defs_free(&D);
}

static void test_replay_errors(void)
{
    build_session_scenario();
    bh_replay_result res;

    /* A refused input names the plan line and the moment. */
    bh_sim *s = make(1);
    CHECK_INT(replay_text(s, NULL, "0s start finish\n# x\n10m start isolate_switch\n", &res),
              BH_EJOURNAL);
    CHECK_STR(E.file, "plan.txt");
    CHECK_INT(E.line, 3);
    CHECK_STR(E.msg, "at T+0d 00:10:00: cannot start 'isolate_switch': needs 1 of IT & "
                     "security; 0 free");
    CHECK_INT(res.applied, 1);
    sim_destroy(s);

    /* An unknown id, with a hint. */
    s = make(1);
    CHECK_INT(replay_text(s, NULL, "0s start isolate_swtch\n", &res), BH_EJOURNAL);
    CHECK_INT(E.line, 1);
    CHECK_STR(E.msg,
              "no action 'isolate_swtch' in this scenario (did you mean 'isolate_switch'?)");
    CHECK_INT(res.applied, 0);
    CHECK_INT(sim_now(s), 0);
    sim_destroy(s);

    /* A plan that starts before where the session already is. */
    s = make(1);
    CHECK_INT(advance(s, 2 * HOUR), BH_OK);
    CHECK_INT(replay_text(s, NULL, "\n1h start isolate_switch\n", &res), BH_EJOURNAL);
    CHECK_INT(E.line, 2);
    CHECK_STR(E.msg, "this input is at T+0d 01:00:00 but the session is already at "
                     "T+0d 02:00:00");
    sim_destroy(s);

    /* Inputs after the ending are counted, not applied. "finish" takes 1h,
     * so the session ends at 1h. */
    s = make(1);
    CHECK_INT(replay_text(s, NULL,
                          "0s start finish\n"
                          "30m note still going\n"
                          "2h start isolate_switch\n"
                          "3h choose ransom refuse\n",
                          &res),
              BH_OK);
    CHECK_INT(res.applied, 2);
    CHECK_INT(res.skipped, 2);
    CHECK_INT(res.first_skipped_line, 3);
    CHECK_INT(sim_ended(s), 1);
    CHECK_INT(sim_ending(s), T.end[0]);
    CHECK_INT(sim_now(s), HOUR);
    CHECK_INT(count_log(s, LOG_START, T.act[0]), 0);
    sim_destroy(s);
    defs_free(&D);
}

/* BUG (sim_check_input / session_input): a facilitator note after the
 * session ended is meant to be taken ("notes are welcome even after the
 * end"; session_replay lets notes through after the end), but its time is
 * later than the frozen clock, so sim_check_input refuses it with
 * BH_EUSAGE "input stamped ... but the session is at ...", and the whole
 * replay fails, without naming the plan line. */
static void test_replay_note_after_end(void)
{
    build_session_scenario();
    bh_replay_result res;
    bh_sim *s = make(1);
    bh_status st = replay_text(s, NULL,
                               "0s start finish\n"
                               "2h start isolate_switch\n"
                               "3h note what we learned\n",
                               &res);
    CHECK_INT(st, BH_OK);
    if (st != BH_OK)
        fprintf(stderr, "  session_replay: %s:%d: %s\n", E.file, E.line, E.msg);
    CHECK_INT(res.applied, 2);
    CHECK_INT(res.skipped, 1);
    CHECK_INT(count_log(s, LOG_FNOTE, -1), 1);
    const bh_log_entry *l = last_log(s);
    CHECK(l && l->kind == LOG_FNOTE && l->text && strcmp(l->text, "what we learned") == 0);
    sim_destroy(s);
    defs_free(&D);
}


/* ================================================================ memos */

/* A condition that reads meter m0 and nothing else. */
static bh_status mc_meter(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    (void)e;
    T.count[0]++;
    o->truth = sim_meter(s, T.m0) >= 80;
    return BH_OK;
}
/* Reads a flag that may not exist yet. */
static bh_status mc_flag(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    (void)e;
    T.count[1]++;
    o->truth = sim_flag(s, "go").type == VAL_BOOL;
    return BH_OK;
}
/* Reads the clock: true from T+1h10m. */
static bh_status mc_clock(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    (void)e;
    T.count[2]++;
    o->truth = sim_now(s) >= HOUR + 10 * MIN;
    return BH_OK;
}
static bh_status mc_m1_up(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    (void)o;
    return sim_set_meter(s, T.m1, sim_meter(s, T.m1) + 1, e);
}
static bh_status mc_m0_up(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    (void)o;
    return sim_set_meter(s, T.m0, sim_meter(s, T.m0) + 10, e);
}
static bh_status mc_set_go(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    (void)o;
    return sim_set_flag(s, "go", (bh_value){VAL_BOOL, 1, 0, NULL}, e);
}
static bh_status mc_set_other(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    (void)o;
    return sim_set_flag(s, "unrelated", (bh_value){VAL_BOOL, 1, 0, NULL}, e);
}

/* A condition is asked again only when something it read has changed:
 * an every hook moving another meter costs no condition calls. */
static void test_memo_reads(void)
{
    begin(12 * HOUR);
    memset(&T, 0, sizeof T);
    T.m0 = meter("watched", 50, 0, 100);
    T.m1 = meter("other", 0, 0, 1000);
    T.inj[0] = inject("high", NO_AT, reg(mc_meter), 0, 0);
    T.inj[1] = inject("flagged", NO_AT, reg(mc_flag), 0, 0);
    every(10 * MIN, reg(mc_m1_up), 80);
    every(3 * HOUR, reg(mc_m0_up), 81);
    T.inj[2] = inject("go", 5 * HOUR, 0, reg(mc_set_go), 0);
    T.inj[3] = inject("other", 4 * HOUR, 0, reg(mc_set_other), 0);
    bh_sim *s = make(1);
    CHECK_INT(advance(s, 2 * HOUR + 59 * MIN), BH_OK);
    /* 17 every calls changed "other": the conditions ran once, at T+0 */
    CHECK_INT((int)sim_meter(s, T.m1), 17);
    CHECK_INT(T.count[0], 1);
    CHECK_INT(T.count[1], 1);
    CHECK_INT(advance(s, 3 * HOUR), BH_OK); /* "watched" 50 -> 60: asked again */
    CHECK_INT(T.count[0], 2);
    CHECK_INT(T.count[1], 1);
    CHECK_INT(advance(s, 4 * HOUR), BH_OK); /* another flag comes into being: not "go" */
    CHECK_INT(T.count[1], 1);
    CHECK_INT(advance(s, 5 * HOUR), BH_OK); /* the flag comes into being */
    CHECK_INT(T.count[1], 2);
    CHECK_INT(sim_inject_fired(s, T.inj[1]), 1);
    CHECK_INT(advance(s, 9 * HOUR), BH_OK); /* 60 -> 70 -> 80 at 6h and 9h */
    CHECK_INT(T.count[0], 4);
    CHECK_INT(sim_inject_fired(s, T.inj[0]), 1);
    const bh_log_entry *l = find_log(s, LOG_INJECT, T.inj[0], 0);
    CHECK(l && l->time == 9 * HOUR);
    sim_destroy(s);
    defs_free(&D);
}

/* A condition that read the clock is checked on the `check` grid until it
 * holds, and only then: with nothing else waiting, no checks are queued. */
static void test_memo_clock(void)
{
    begin(12 * HOUR);
    memset(&T, 0, sizeof T);
    D.scenario.check_every = 15 * MIN;
    T.m0 = meter("watched", 50, 0, 100);
    T.inj[0] = inject("late", NO_AT, reg(mc_clock), 0, 0);
    T.inj[1] = inject("high", NO_AT, reg(mc_meter), 0, 0);
    bh_sim *s = make(1);
    CHECK_INT(advance(s, 0), BH_OK);
    CHECK_INT(sim_next_event(s), 15 * MIN);
    CHECK_INT(advance(s, 2 * HOUR), BH_OK);
    /* T+0, then 15m, 30m, ... 1h15m: the first grid point at or past 1h10m */
    CHECK_INT(T.count[2], 6);
    const bh_log_entry *l = find_log(s, LOG_INJECT, T.inj[0], 0);
    CHECK(l && l->time == HOUR + 15 * MIN);
    /* Nothing left reads the clock: the next event is the end. */
    CHECK_INT(T.count[0], 1);
    CHECK_INT(sim_next_event(s), 12 * HOUR);
    sim_destroy(s);
    defs_free(&D);
}

/* An availability answer, reason and all, is kept until what it read
 * changes; the team's free staff is part of what changes. */
static bh_status ma_avail(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    (void)e;
    T.count[3]++;
    o->truth = sim_meter(s, T.m0) >= 60;
    if (!o->truth)
        snprintf(o->reason, sizeof o->reason, "watched is only %g", sim_meter(s, T.m0));
    return BH_OK;
}
static bh_status ma_free(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    (void)e;
    T.count[4]++;
    o->truth = sim_team_free(s, T.team0) >= 3;
    return BH_OK;
}

static void test_memo_available(void)
{
    begin(12 * HOUR);
    memset(&T, 0, sizeof T);
    T.m0 = meter("watched", 50, 0, 100);
    T.team0 = team("it", "IT", 4);
    every(HOUR, reg(mc_m0_up), 80);
    int gated = action("gated", T.team0, 1, 30 * MIN, reg(ma_avail), 0, 0, 1);
    int roomy = action("roomy", T.team0, 2, 30 * MIN, reg(ma_free), 0, 0, 1);
    bh_sim *s = make(1);
    CHECK_INT(advance(s, 10 * MIN), BH_OK);
    for (int k = 0; k < 5; k++) { /* a screen redrawing */
        bh_action_status st = act_status(s, gated);
        CHECK_INT(st.state, ACT_BLOCKED);
        CHECK_STR(st.reason, "watched is only 50");
    }
    CHECK_INT(T.count[3], 1);
    CHECK_INT(advance(s, HOUR), BH_OK); /* 50 -> 60 */
    CHECK_INT(act_status(s, gated).state, ACT_AVAILABLE);
    CHECK_INT(T.count[3], 2);
    CHECK_INT(act_status(s, roomy).state, ACT_AVAILABLE);
    CHECK_INT(act_status(s, roomy).state, ACT_AVAILABLE);
    CHECK_INT(T.count[4], 1);
    CHECK_INT(input(s, HOUR, IN_START, roomy, 0), BH_OK); /* 2 of 4 busy */
    CHECK_INT(act_status(s, roomy).state, ACT_RUNNING);
    CHECK_INT(input(s, HOUR, IN_START, gated, 0), BH_OK); /* 3 of 4 busy */
    CHECK_INT(T.count[4], 1);
    CHECK_INT(advance(s, HOUR + 30 * MIN), BH_OK); /* both done: 4 free again */
    CHECK_INT(act_status(s, roomy).state, ACT_AVAILABLE);
    CHECK_INT(T.count[4], 2);
    sim_destroy(s);
    defs_free(&D);
}

/* Changes made by every() hooks and w.after functions are marked as
 * background (b = 1), so a report does not credit them to the event
 * logged just before at the same second. */
static bh_status bg_after(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    (void)o;
    return sim_after(s, 0, T.h[0], e);
}

static void test_background_changes_marked(void)
{
    begin(12 * HOUR);
    memset(&T, 0, sizeof T);
    T.m0 = meter("watched", 50, 0, 100);
    T.m1 = meter("other", 0, 0, 1000);
    T.h[0] = reg(mc_m1_up);
    T.inj[0] = inject("news", HOUR, 0, reg(mc_m0_up), 0);     /* +10 watched at 1h */
    T.inj[1] = inject("later", 2 * HOUR, 0, reg(bg_after), 0); /* w.after(0): +1 other */
    every(HOUR, reg(mc_m1_up), 90);                            /* +1 other every hour */
    bh_sim *s = make(1);
    CHECK_INT(advance(s, 2 * HOUR), BH_OK);
    const bh_log_entry *l = find_log(s, LOG_METER, T.m0, 0);
    CHECK(l && l->time == HOUR && l->b == 0);
    for (int k = 0; k < 3; k++) { /* 1h every, 2h every, 2h w.after */
        l = find_log(s, LOG_METER, T.m1, k);
        CHECK(l && l->b == 1);
    }
    CHECK_INT((int)sim_meter(s, T.m1), 3);
    sim_destroy(s);
    defs_free(&D);
}

/* `after`: a condition is not asked before its time, then is asked at that
 * very second (a wake-up, even with nothing else happening), and from then
 * on like any other. */
static void test_after_wakes(void)
{
    begin(12 * HOUR);
    memset(&T, 0, sizeof T);
    T.m0 = meter("watched", 90, 0, 100); /* mc_meter holds from the start */
    T.inj[0] = inject("late", NO_AT, reg(mc_meter), 0, 0);
    D.injects[T.inj[0]].after = 2 * HOUR + 7 * MIN; /* off the check grid */
    T.end[0] = ending("done", reg(mc_flag), 0);
    D.endings[T.end[0]].after = 5 * HOUR;
    T.inj[1] = inject("go", HOUR, 0, reg(mc_set_go), 0); /* the flag holds from 1h */
    bh_sim *s = make(1);
    CHECK_INT(advance(s, 2 * HOUR), BH_OK);
    CHECK_INT(T.count[0], 0);
    CHECK_INT(T.count[1], 0);
    CHECK_INT(sim_next_event(s), 2 * HOUR + 7 * MIN);
    CHECK_INT(advance(s, 3 * HOUR), BH_OK);
    CHECK_INT(T.count[0], 1);
    const bh_log_entry *l = find_log(s, LOG_INJECT, T.inj[0], 0);
    CHECK(l && l->time == 2 * HOUR + 7 * MIN);
    CHECK_INT(advance(s, 6 * HOUR), BH_OK);
    CHECK_INT(T.count[1], 1);
    CHECK_INT(sim_ending(s), T.end[0]);
    CHECK_INT(sim_now(s), 5 * HOUR);
    sim_destroy(s);
    defs_free(&D);
}

/* Verification: a condition that reads state the core cannot see (here a C
 * variable, as a Lua variable would be) is caught each time its memo is
 * used, and the memo's answer is still what the session goes by. */
static int hidden_state;
static bh_status vf_hidden(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    (void)e;
    T.count[5]++;
    o->truth = hidden_state && sim_meter(s, T.m0) > 0;
    return BH_OK;
}
static bh_status vf_flip(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    (void)s;
    (void)o;
    (void)e;
    hidden_state = 1;
    return BH_OK;
}

/* -0.0 equals 0.0 but a condition can tell them apart (1 / x < 0): writing
 * it must count as a change. */
static bh_status nz_write(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    (void)o;
    return sim_set_meter(s, T.m0, -0.0, e);
}
static bh_status nz_when(bh_sim *s, bh_hook_result *o, bh_err *e)
{
    (void)e;
    o->truth = signbit(sim_meter(s, T.m0)) != 0;
    return BH_OK;
}

static void test_memo_negative_zero(void)
{
    begin(2 * HOUR);
    memset(&T, 0, sizeof T);
    T.m0 = meter("x", 0, -10, 10);
    T.inj[0] = inject("neg", NO_AT, reg(nz_when), 0, 0);
    every(10 * MIN, reg(nz_write), 90);
    bh_sim *s = make(1);
    CHECK_INT(advance(s, HOUR), BH_OK);
    const bh_log_entry *l = find_log(s, LOG_INJECT, T.inj[0], 0);
    CHECK(l && l->time == 10 * MIN);
    sim_destroy(s);
    defs_free(&D);
}

static void test_verify_memos(void)
{
    /* an every() hook that changes nothing in the world: the settle that
     * follows it takes the quick path, which verification must not */
    for (int verify = 0; verify < 2; verify++) {
        begin(12 * HOUR);
        memset(&T, 0, sizeof T);
        hidden_state = 0;
        T.m0 = meter("m", 5, 0, 100);
        T.inj[0] = inject("sneaky", NO_AT, reg(vf_hidden), 0, 0);
        every(HOUR, reg(vf_flip), 91);
        bh_sim *s = make(1);
        sim_verify_memos(s, verify);
        CHECK_INT(advance(s, 3 * HOUR + 30 * MIN), BH_OK);
        bh_cond_stats cs;
        sim_cond_stats(s, COND_INJECT, T.inj[0], &cs);
        CHECK_INT(cs.stale, verify ? 3 : 0); /* after each of the three hooks */
        CHECK_INT(sim_inject_fired(s, T.inj[0]), 0);
        sim_destroy(s);
        defs_free(&D);
    }
    for (int verify = 0; verify < 2; verify++) {
        begin(12 * HOUR);
        memset(&T, 0, sizeof T);
        hidden_state = 0;
        T.m0 = meter("m", 5, 0, 100);
        T.inj[0] = inject("sneaky", NO_AT, reg(vf_hidden), 0, 0);
        T.inj[1] = inject("flip", HOUR, 0, reg(vf_flip), 0);
        T.inj[2] = inject("later", 2 * HOUR, 0, 0, 0);
        bh_sim *s = make(1);
        sim_verify_memos(s, verify);
        CHECK_INT(advance(s, 3 * HOUR), BH_OK);
        bh_cond_stats cs;
        sim_cond_stats(s, COND_INJECT, T.inj[0], &cs);
        CHECK_INT(cs.calls, 1);                   /* remembered from T+0 on */
        CHECK_INT(cs.stale, verify ? 2 : 0);      /* after "flip" and "later" */
        CHECK_INT(T.count[5], verify ? 3 : 1);
        CHECK_INT(sim_inject_fired(s, T.inj[0]), 0); /* the same play either way */
        sim_destroy(s);
        defs_free(&D);
    }
}

int main(int argc, char **argv)
{
    static const check_case cases[] = {
        {"meters_clamp_and_history", test_meters_clamp_and_history},
        {"systems_and_teams_logged", test_systems_and_teams_logged},
        {"injects", test_injects},
        {"inject_at_after_fire_delivered_once", test_inject_at_after_fire_delivered_once},
        {"actions", test_actions},
        {"decisions", test_decisions},
        {"ending_when", test_ending_when},
        {"ending_finish", test_ending_finish},
        {"ending_fallback", test_ending_fallback},
        {"every", test_every},
        {"after", test_after},
        {"conditions_read_only", test_conditions_read_only},
        {"hook_error_stops_session", test_hook_error_stops_session},
        {"advance_never_backwards", test_advance_never_backwards},
        {"determinism", test_determinism},
        {"check_input_has_no_side_effects", test_check_input_has_no_side_effects},
        {"session_journal_replay", test_session_journal_replay},
        {"replay_errors", test_replay_errors},
        {"replay_note_after_end", test_replay_note_after_end},
        {"memo_reads", test_memo_reads},
        {"memo_clock", test_memo_clock},
        {"memo_available", test_memo_available},
        {"background_changes_marked", test_background_changes_marked},
        {"after_wakes", test_after_wakes},
        {"verify_memos", test_verify_memos},
        {"memo_negative_zero", test_memo_negative_zero},
        {NULL, NULL},
    };
    snprintf(tmpdir, sizeof tmpdir, "/tmp/bh-test-sim-XXXXXX");
    if (!mkdtemp(tmpdir)) {
        perror("mkdtemp");
        return 1;
    }
    int rc = check_main(argc, argv, cases);
    rmdir(tmpdir);
    return rc;
}
