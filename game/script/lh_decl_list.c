/* lh_decl_list.c: the lists nested inside a declaration's table: a
 * decision's options, an action's `every` (an interval or times of the
 * day) and an ending's findings. Each reads its list through lh_field.c,
 * reports every bad item at the declaration's file:line and carries on, as
 * the declarations themselves do (lh_decl.c). They live apart from the
 * declarations because each is a small parser of its own. */
#include "script/lh_field.h"

#include <stdlib.h>
#include <string.h>

#include "core/mem.h"

/* "HH:MM" as seconds after midnight, or -1. */
static int time_of_day(const char *s)
{
    if (strlen(s) != 5 || s[2] != ':')
        return -1;
    for (int i = 0; i < 5; i++)
        if (i != 2 && (s[i] < '0' || s[i] > '9'))
            return -1;
    int h = (s[0] - '0') * 10 + (s[1] - '0'), m = (s[3] - '0') * 10 + (s[4] - '0');
    return h > 23 || m > 59 ? -1 : h * 3600 + m * 60;
}

/* An action's `every`: a duration (a standing commitment that runs at that
 * interval) or a list of times of the day { "09:00", "17:00" }. Its bounds
 * against the scenario's length are checked once it has loaded
 * (lh_check.c); here, its form, and that it is not also `repeatable`. */
void lhd_read_every(lhd_ctx *c, bh_action_def *a)
{
    lua_State *L = c->L;
    int t = lhd_field(c, "every");
    if (t == LUA_TTABLE) {
        int list = lua_gettop(L);
        size_t n = lua_rawlen(L, list);
        if (n == 0 || n > DEFS_MAX_DAILY)
            LHD_ERR(c, "field 'every' lists %zu times of the day; give 1 to %d, e.g. "
                    "every = { \"09:00\", \"17:00\" }", n, DEFS_MAX_DAILY);
        for (size_t i = 1; i <= n && i <= DEFS_MAX_DAILY; i++) {
            int tod = lua_rawgeti(L, list, (lua_Integer)i) == LUA_TSTRING
                          ? time_of_day(lua_tostring(L, -1)) : -1;
            lua_pop(L, 1);
            if (tod < 0) {
                LHD_ERR(c, "field 'every': item %zu is not a time of the day like \"18:00\"", i);
                a->ndaily = 0;
                break;
            }
            if (a->ndaily > 0 && tod <= a->daily[a->ndaily - 1]) {
                LHD_ERR(c, "field 'every': times of the day must be in order, each once");
                a->ndaily = 0;
                break;
            }
            a->daily[a->ndaily++] = tod;
        }
        lua_pop(L, 1);
    } else {
        lua_pop(L, 1);
        if (t != LUA_TNIL && lhd_dur(c, "every", 0, &a->every) && a->every <= 0)
            LHD_ERR(c, "field 'every' must be longer than 0");
    }
    if (defs_standing(a) && a->repeatable)
        LHD_ERR(c, "a standing commitment ('every') runs until cancelled and may be started "
                "again after a cancel: drop 'repeatable'");
}

void lhd_read_options(lhd_ctx *c, bh_decision_def *x)
{
    lua_State *L = c->L;
    int t = lhd_field(c, "options");
    if (t != LUA_TTABLE) {
        LHD_ERR(c, t == LUA_TNIL ? "missing field 'options'" : "field 'options' must be a list");
        lua_pop(L, 1);
        return;
    }
    int list = lua_gettop(L);
    size_t n = lua_rawlen(L, list);
    if (n < 2 || n > 12)
        LHD_ERR(c, "needs 2 to 12 options, not %zu", n);
    if (n > 12)
        n = 12;
    x->options = mem_calloc(n ? n : 1, sizeof *x->options);
    if (!x->options)
        lh_error(L, "out of memory while reading the declarations");
    for (size_t i = 1; i <= n; i++) {
        if (lua_rawgeti(L, list, (lua_Integer)i) != LUA_TTABLE) {
            LHD_ERR(c, "option %zu must be a table { id = ..., label = ... }", i);
            lua_pop(L, 1);
            continue;
        }
        lhd_ctx oc = *c;
        oc.t = lua_gettop(L);
        static const char *const f[] = {"id", "label", "text", "effect", "recommended", NULL};
        lhd_check_fields(&oc, oc.t, f, "option");
        bh_option_def *o = &x->options[x->noptions++];
        o->id = lhd_str(&oc, "id", 1);
        if (o->id && !lhd_valid_id(o->id))
            LHD_ERR(c, "option id '%.64s' must be letters, digits, '_', '-' or '.'", o->id);
        for (size_t k = 0; o->id && k + 1 < x->noptions; k++)
            if (x->options[k].id && strcmp(x->options[k].id, o->id) == 0)
                LHD_ERR(c, "duplicate option id '%s'", o->id);
        o->label = lhd_str(&oc, "label", 1);
        o->text = lhd_str(&oc, "text", 0);
        o->effect = lhd_fn(&oc, "effect");
        lhd_bool(&oc, "recommended", &o->recommended);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

/* An ending's findings: { { text = "...", when = function(w) ... end }, ... },
 * judged when the session ends (sim_judge.c) as read-only conditions. */
void lhd_read_findings(lhd_ctx *c, bh_ending_def *x)
{
    lua_State *L = c->L;
    int t = lhd_field(c, "findings");
    if (t == LUA_TNIL) {
        lua_pop(L, 1);
        return;
    }
    if (t != LUA_TTABLE) {
        LHD_ERR(c, "field 'findings' must be a list of { text = ..., when = function(w) ... end }");
        lua_pop(L, 1);
        return;
    }
    int list = lua_gettop(L);
    size_t n = lua_rawlen(L, list);
    if (n > 24) {
        LHD_ERR(c, "at most 24 findings, not %zu", n);
        n = 24;
    }
    x->findings = mem_calloc(n ? n : 1, sizeof *x->findings);
    if (!x->findings)
        lh_error(L, "out of memory while reading the declarations");
    for (size_t i = 1; i <= n; i++) {
        if (lua_rawgeti(L, list, (lua_Integer)i) != LUA_TTABLE) {
            LHD_ERR(c, "finding %zu must be a table { text = ..., when = function(w) ... end }", i);
            lua_pop(L, 1);
            continue;
        }
        lhd_ctx fc = *c;
        fc.t = lua_gettop(L);
        static const char *const f[] = {"text", "when", NULL};
        lhd_check_fields(&fc, fc.t, f, "finding");
        bh_finding_def *o = &x->findings[x->nfindings++];
        o->text = lhd_str(&fc, "text", 1);
        int wt = lhd_field(&fc, "when");
        lua_pop(L, 1);
        if (wt == LUA_TNIL)
            LHD_ERR(c, "finding %zu: missing field 'when' (a function(w) that returns true when "
                       "the session had it)", i);
        else
            o->when = lhd_fn(&fc, "when");
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}
