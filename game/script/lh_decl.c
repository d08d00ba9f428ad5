/* lh_decl.c: the declaration functions scenarios call while they load:
 * scenario, meter, system, team, reference, inject, action, decision,
 * ending, cut, objective and every. Each reads its table through lh_field.c
 * (the lists nested in it, options, `every` and findings, through
 * lh_decl_list.c) and appends a definition to the host's bh_defs; the
 * checks that need the whole file come after it has loaded (lh_check.c,
 * lh_lint.c).
 *
 * A declaration never raises for bad content: it records a diagnostic at
 * the declaration's file:line and carries on, so an author sees every
 * problem in one `bulkhead check`. Text copied out of Lua is charged to the
 * same memory cap as the Lua state, since it lives as long as the host. */
#include "script/lh_field.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "core/text.h"
#include "core/vec.h"

#define PUSH_DEF(h, arr)                                                                 \
    (VEC_PUSH((h)->defs.arr, (h)->defs.n##arr, (h)->defs.cap_##arr) == 0                 \
         ? memset(&(h)->defs.arr[(h)->defs.n##arr], 0, sizeof *(h)->defs.arr),           \
           &(h)->defs.arr[(h)->defs.n##arr++] : NULL)

/* The opening every declaration shares: check that it may run now, report
 * unknown fields, read and check the id, and append a zeroed definition
 * carrying the id and the declaration's file:line. */
#define DECL_OPEN(c, kind, arr, slot, type, fields, out)                                 \
    do {                                                                                 \
        if (!lhd_begin(L, &(c), kind))                                                   \
            return 0;                                                                    \
        lhd_check_fields(&(c), 1, fields, kind);                                         \
        char *id_ = lhd_id(&(c), slot, sizeof(type), (c).h->defs.arr, offsetof(type, loc)); \
        if (!((out) = PUSH_DEF((c).h, arr))) {                                           \
            free(id_);                                                                   \
            return lh_error(L, "out of memory while reading the declarations");          \
        }                                                                                \
        (out)->id = id_;                                                                 \
        (out)->loc = (c).loc;                                                            \
        if (id_)                                                                         \
            lhd_enter_id(&(c), slot, id_, (c).h->defs.n##arr - 1);                       \
    } while (0)

static int d_scenario(lua_State *L)
{
    lhd_ctx c;
    if (!lhd_begin(L, &c, "scenario"))
        return 0;
    static const char *const f[] = {"id", "title", "summary", "based_on", "start", "length",
                                    "rate", "difficulty", "briefing", "organisation", "stakes",
                                    "check", NULL};
    lhd_check_fields(&c, 1, f, "scenario");
    lh_host *h = c.h;
    if (h->defs.has_scenario) {
        LHD_ERR(&c, "declared twice (first at %s:%d)", h->defs.scenario.loc.file,
             h->defs.scenario.loc.line);
        return 0;
    }
    bh_scenario_def *s = &h->defs.scenario;
    h->defs.has_scenario = 1;
    s->loc = c.loc;
    s->id = lhd_id(&c, -1, 0, NULL, 0);
    s->title = lhd_str(&c, "title", 1);
    s->summary = lhd_str(&c, "summary", 0);
    s->based_on = lhd_str(&c, "based_on", 0);
    s->briefing = lhd_str(&c, "briefing", 0);
    s->organisation = lhd_str(&c, "organisation", 0);
    s->stakes = lhd_str(&c, "stakes", 0);
    s->difficulty = lhd_str(&c, "difficulty", 0);
    if (s->difficulty && strcmp(s->difficulty, "easy") && strcmp(s->difficulty, "medium") &&
        strcmp(s->difficulty, "hard"))
        LHD_ERR(&c, "field 'difficulty' must be one of: easy, medium, hard");
    char *start = lhd_str(&c, "start", 1);
    if (start && cal_parse(start, &s->start_epoch) != 0)
        LHD_ERR(&c, "field 'start': \"%.40s\" is not a date and time like \"2020-09-27 22:00\"",
             start);
    free(start);
    if (lhd_dur(&c, "length", 1, &s->length) && (s->length <= 0 || s->length > LH_MAX_LENGTH))
        LHD_ERR(&c, "field 'length' must be longer than zero and at most %dd",
             (int)(LH_MAX_LENGTH / 86400));
    s->rate = 60;
    if (lhd_num(&c, "rate", 0, &s->rate) && (s->rate < 1 || s->rate > 86400))
        LHD_ERR(&c, "field 'rate' (simulated seconds per real second) must be 1 to 86400");
    s->check_every = 60;
    if (lhd_dur(&c, "check", 0, &s->check_every) && s->check_every < 1)
        LHD_ERR(&c, "field 'check' must be at least 1s");
    return 0;
}

static int d_meter(lua_State *L)
{
    lhd_ctx c;
    bh_meter_def *m;
    static const char *const f[] = {"id", "label", "start", "min", "max", "good",
                                    "description", NULL};
    DECL_OPEN(c, "meter", meters, LH_IDX_METER, bh_meter_def, f, m);
    m->label = lhd_str(&c, "label", 1);
    m->description = lhd_str(&c, "description", 0);
    m->min = 0;
    m->max = 100;
    lhd_num(&c, "min", 0, &m->min);
    lhd_num(&c, "max", 0, &m->max);
    if (lhd_num(&c, "start", 1, &m->start) && (m->start < m->min || m->start > m->max))
        LHD_ERR(&c, "start %g is outside min..max (%g..%g)", m->start, m->min, m->max);
    if (m->min >= m->max)
        LHD_ERR(&c, "min (%g) must be below max (%g)", m->min, m->max);
    char *good = lhd_str(&c, "good", 0);
    if (good && strcmp(good, "high") && strcmp(good, "low"))
        LHD_ERR(&c, "field 'good' must be \"high\" or \"low\"");
    m->good_low = good && strcmp(good, "low") == 0;
    free(good);
    return 0;
}

static int d_system(lua_State *L)
{
    lhd_ctx c;
    bh_system_def *s;
    static const char *const f[] = {"id", "label", "status", "description", NULL};
    DECL_OPEN(c, "system", systems, LH_IDX_SYSTEM, bh_system_def, f, s);
    s->label = lhd_str(&c, "label", 1);
    s->description = lhd_str(&c, "description", 0);
    s->status = (bh_status_word)lhd_enum(&c, "status", defs_parse_status, defs_status_list(), 0,
                                         ST_ONLINE);
    return 0;
}

static int d_team(lua_State *L)
{
    lhd_ctx c;
    bh_team_def *t;
    static const char *const f[] = {"id", "label", "staff", NULL};
    DECL_OPEN(c, "team", teams, LH_IDX_TEAM, bh_team_def, f, t);
    /* The phones' roles are the teams plus Observer, and the journal's
     * `vote` lines name a role by its id: the word is taken. */
    if (t->id && strcmp(t->id, "observer") == 0)
        LHD_ERR(&c, "the id 'observer' is taken: it is the Observer role of the room's phones "
                "in a workshop (pick another, such as 'observers')");
    t->label = lhd_str(&c, "label", 1);
    lhd_int(&c, "staff", 1, 0, 100000, &t->staff);
    return 0;
}

static int d_reference(lua_State *L)
{
    lhd_ctx c;
    bh_reference_def *r;
    static const char *const f[] = {"id", "title", "cite", NULL};
    DECL_OPEN(c, "reference", references, LH_IDX_REFERENCE, bh_reference_def, f, r);
    r->title = lhd_str(&c, "title", 1);
    r->cite = lhd_str(&c, "cite", 1);
    return 0;
}

static bh_source get_source(lhd_ctx *c, char **ref)
{
    char *src = lhd_str(c, "source", 0);
    bh_source s = SRC_NONE;
    if (src && strcmp(src, "fact") == 0)
        s = SRC_FACT;
    else if (src && strcmp(src, "fiction") == 0)
        s = SRC_FICTION;
    else if (src && strcmp(src, "analogy") == 0)
        s = SRC_ANALOGY;
    else if (src)
        LHD_ERR(c, "field 'source' must be \"fact\", \"analogy\" or \"fiction\"");
    free(src);
    *ref = lhd_str(c, "ref", 0);
    return s;
}

static int d_inject(lua_State *L)
{
    lhd_ctx c;
    bh_inject_def *x;
    static const char *const f[] = {"id", "at", "when", "after", "channel", "from", "title",
                                    "body", "source", "ref", "discuss", "effect", "repeatable",
                                    "facilitator", NULL};
    DECL_OPEN(c, "inject", injects, LH_IDX_INJECT, bh_inject_def, f, x);
    x->has_at = lhd_dur(&c, "at", 0, &x->at);
    x->when = lhd_fn(&c, "when");
    if (x->has_at && x->when)
        LHD_ERR(&c, "has both 'at' and 'when': choose one (or neither, and fire it from an "
                    "effect)");
    lhd_after(&c, x->when, &x->after);
    x->channel = (bh_channel)lhd_enum(&c, "channel", defs_parse_channel, defs_channel_list(), 1,
                                      CH_EMAIL);
    x->from = lhd_str(&c, "from", 0);
    x->title = lhd_str(&c, "title", 1);
    x->body = lhd_str(&c, "body", 0);
    x->source = get_source(&c, &x->ref);
    lhd_texts(&c, "discuss", &x->discuss);
    x->effect = lhd_fn(&c, "effect");
    lhd_bool(&c, "repeatable", &x->repeatable);
    lhd_fnote(&c, &x->facilitator);
    return 0;
}

static int d_action(lua_State *L)
{
    lhd_ctx c;
    bh_action_def *a;
    static const char *const f[] = {"id", "kind", "label", "text", "team", "staff", "takes",
                                    "source", "ref", "func", "recommended", "available",
                                    "start", "cancel", "effect", "repeatable", "every",
                                    "facilitator", NULL};
    DECL_OPEN(c, "action", actions, LH_IDX_ACTION, bh_action_def, f, a);
    a->team = -1;
    a->kind = (bh_kind)lhd_enum(&c, "kind", defs_parse_kind, defs_kind_list(), 1, KIND_CONTAIN);
    a->label = lhd_str(&c, "label", 1);
    a->text = lhd_str(&c, "text", 0);
    a->team_id = lhd_str(&c, "team", 1);
    a->staff = 1;
    lhd_int(&c, "staff", 0, 0, 100000, &a->staff);
    lhd_dur(&c, "takes", 1, &a->takes);
    a->source = get_source(&c, &a->ref);
    a->func = (bh_func)lhd_enum(&c, "func", defs_parse_func, defs_func_list(), 0, FUNC_NONE);
    lhd_bool(&c, "recommended", &a->recommended);
    a->available = lhd_fn(&c, "available");
    a->on_start = lhd_fn(&c, "start");
    a->on_cancel = lhd_fn(&c, "cancel");
    a->effect = lhd_fn(&c, "effect");
    lhd_bool(&c, "repeatable", &a->repeatable);
    lhd_read_every(&c, a);
    lhd_fnote(&c, &a->facilitator);
    return 0;
}

static int d_decision(lua_State *L)
{
    lhd_ctx c;
    bh_decision_def *x;
    static const char *const f[] = {"id", "prompt", "from", "deadline", "default", "options",
                                    "at", "when", "after", "discuss", "facilitator", NULL};
    DECL_OPEN(c, "decision", decisions, LH_IDX_DECISION, bh_decision_def, f, x);
    x->prompt = lhd_str(&c, "prompt", 1);
    x->from = lhd_str(&c, "from", 0);
    if (lhd_dur(&c, "deadline", 1, &x->deadline) && x->deadline <= 0)
        LHD_ERR(&c, "field 'deadline' must be longer than zero");
    x->has_at = lhd_dur(&c, "at", 0, &x->at);
    x->when = lhd_fn(&c, "when");
    if (x->has_at && x->when)
        LHD_ERR(&c, "has both 'at' and 'when': choose one (or neither, and open it with w.open)");
    lhd_after(&c, x->when, &x->after);
    lhd_texts(&c, "discuss", &x->discuss);
    lhd_fnote(&c, &x->facilitator);
    lhd_read_options(&c, x);
    char *def = lhd_str(&c, "default", 1);
    x->default_opt = -1;
    if (def && x->noptions) {
        x->default_opt = defs_option(x, def);
        if (x->default_opt < 0) {
            char hint[160];
            text_suggest(def, x->options, x->noptions, sizeof *x->options,
                         offsetof(bh_option_def, id), hint, sizeof hint);
            LHD_ERR(&c, "default '%s' is not one of its options%s", def, hint);
        }
    }
    free(def);
    return 0;
}

static int d_ending(lua_State *L)
{
    lhd_ctx c;
    bh_ending_def *x;
    static const char *const f[] = {"id", "title", "text", "when", "after", "fallback", "tone",
                                    "findings", NULL};
    DECL_OPEN(c, "ending", endings, LH_IDX_ENDING, bh_ending_def, f, x);
    if (x->id && strcmp(x->id, DEFS_ENDING_FACILITATOR) == 0)
        LHD_ERR(&c, "the id '%s' is reserved: the facilitator's `end` input ends a session "
                    "with it; choose another id", DEFS_ENDING_FACILITATOR);
    x->title = lhd_str(&c, "title", 1);
    x->text = lhd_str(&c, "text", 0);
    x->when = lhd_fn(&c, "when");
    lhd_after(&c, x->when, &x->after);
    lhd_bool(&c, "fallback", &x->fallback);
    x->tone = (bh_tone)lhd_enum(&c, "tone", defs_parse_tone, "good, mixed, bad", 0, TONE_NONE);
    lhd_read_findings(&c, x);
    return 0;
}

/* A session cut; its ending and its length against the scenario's are
 * checked once the whole file has loaded (lh_check.c). */
static int d_cut(lua_State *L)
{
    lhd_ctx c;
    bh_cut_def *x;
    static const char *const f[] = {"id", "label", "length", "agenda", "rate", "ending", NULL};
    DECL_OPEN(c, "cut", cuts, LH_IDX_CUT, bh_cut_def, f, x);
    x->ending = -1;
    if (x->id && strlen(x->id) > 63) /* the game keeps it in 64 bytes (ui/play.h) */
        LHD_ERR(&c, "a cut's id is at most 63 characters");
    x->label = lhd_str(&c, "label", 1);
    if (lhd_dur(&c, "length", 1, &x->length) && x->length <= 0)
        LHD_ERR(&c, "field 'length' must be longer than zero");
    lhd_int(&c, "agenda", 1, 1, 24 * 60, &x->agenda);
    if (lhd_num(&c, "rate", 0, &x->rate) && (x->rate < 1 || x->rate > 86400)) {
        LHD_ERR(&c, "field 'rate' (simulated seconds per real second) must be 1 to 86400");
        x->rate = 0;
    }
    x->ending_id = lhd_str(&c, "ending", 0);
    return 0;
}

/* An exercise objective: `met` is judged once, when the session ends
 * (sim_judge.c), as a read-only condition. */
static int d_objective(lua_State *L)
{
    static const char *const f[] = {"id", "text", "met", NULL};
    lhd_ctx c;
    bh_objective_def *x;
    DECL_OPEN(c, "objective", objectives, LH_IDX_OBJECTIVE, bh_objective_def, f, x);
    int t = lhd_field(&c, "met");
    lua_pop(L, 1);
    if (t == LUA_TNIL)
        LHD_ERR(&c, "missing field 'met' (a function(w) that returns true when the objective "
                    "was met)");
    else
        x->met = lhd_fn(&c, "met");
    x->text = lhd_str(&c, "text", 1);
    return 0;
}

static int d_every(lua_State *L)
{
    lh_host *h = lh_of(L);
    lhd_ctx c;
    memset(&c, 0, sizeof c);
    c.h = h;
    c.L = L;
    c.kind = "every";
    char src[256];
    lh_where(L, src, sizeof src, &c.loc.line);
    c.loc.file = defs_intern_file(&h->defs, src);
    if (!h->loading)
        return lh_error(L, "every() is only allowed while the scenario loads");
    if (++h->ndecls > LH_MAX_DECLS)
        return lh_error(L, "too many declarations (the limit is %d)", LH_MAX_DECLS);
    bh_time iv = 0;
    int ok = 0;
    if (lua_type(L, 1) == LUA_TSTRING)
        ok = dur_parse(lua_tostring(L, 1), &iv) == 0;
    else if (lua_type(L, 1) == LUA_TNUMBER)
        ok = dur_from_number(lua_tonumber(L, 1), &iv) == 0;
    if (!ok || iv < 1) {
        LHD_ERR(&c, "expects a duration of at least 1s first, as in every(\"1h\", "
                    "function(w) ... end)");
        return 0;
    }
    if (lua_type(L, 2) != LUA_TFUNCTION) {
        LHD_ERR(&c, "expects a function second, as in every(\"1h\", function(w) ... end)");
        return 0;
    }
    lua_settop(L, 2);
    bh_every_def *e = PUSH_DEF(h, everys);
    if (!e)
        return lh_error(L, "out of memory while reading the declarations");
    e->interval = iv;
    e->fn = luaL_ref(L, LUA_REGISTRYINDEX);
    e->loc = c.loc;
    return 0;
}

void lh_decl_open(lh_host *h)
{
    for (int k = 0; k < LH_NIDX; k++) {
        lua_newtable(h->L);
        h->idx_ref[k] = luaL_ref(h->L, LUA_REGISTRYINDEX);
    }
    static const luaL_Reg fns[] = {
        {"scenario", d_scenario}, {"meter", d_meter},       {"system", d_system},
        {"team", d_team},         {"reference", d_reference}, {"inject", d_inject},
        {"action", d_action},     {"decision", d_decision}, {"ending", d_ending},
        {"cut", d_cut},           {"every", d_every},       {"objective", d_objective},
        {NULL, NULL}};
    lua_pushglobaltable(h->L);
    luaL_setfuncs(h->L, fns, 0);
    lua_pop(h->L, 1);
}
