/* lh_pattern: string.find, string.match, string.gmatch and string.gsub
 * with a work budget (the matcher itself is lh_matcher.c).
 *
 * These keep stock Lua 5.4's arguments, results and error messages; every
 * entry point pays one unit up front, and the plain-text search of find
 * charges per byte it examines. */
#include "script/lh_pattern.h"

#include <ctype.h>
#include <stddef.h>
#include <string.h>

#include <lauxlib.h>

#include "script/lh_matcher.h"

#define LHP_SPECIALS "^$*+?.([%-"

/* Every entry point pays one unit up front; because the budget is sticky,
 * this is also what makes a call after an overrun fail at once. */
static lh_budget *lhp_enter(lua_State *L, int upv, const char *fname)
{
    lh_budget *b = (lh_budget *)lua_touserdata(L, lua_upvalueindex(upv));
    if (b == NULL)
        luaL_error(L, "%s: missing work budget", fname);
    if (lh_budget_charge(b, 1))
        lhp_overrun(L, b, fname);
    return b;
}

/* Turns a possibly negative 1-based position into a 1-based one >= 1,
 * clamping the way stock string.find does. */
static size_t lhp_start_pos(lua_Integer pos, size_t len)
{
    if (pos > 0)
        return (size_t)pos;
    if (pos == 0 || pos < -(lua_Integer)len)
        return 1;
    return len + (size_t)pos + 1;
}

/* Stock find skips matching for patterns without specials; the answer is
 * the same either way, but `)` alone must not raise "invalid pattern capture". */
static int lhp_has_specials(const char *p, size_t lp)
{
    for (size_t i = 0; i < lp; i++)
        if (p[i] != '\0' && strchr(LHP_SPECIALS, p[i]))
            return 1;
    return 0;
}

/* Substring search; charges one unit per byte examined. */
static const char *lhp_memfind(lhp_state *m, const char *h, size_t hl, const char *n, size_t nl)
{
    if (nl == 0)
        return h;
    if (nl > hl)
        return NULL;
    const char *c = h, *last = h + (hl - nl);
    while (c <= last) {
        const char *f = memchr(c, n[0], (size_t)(last - c) + 1);
        if (!f) {
            lhp_spend(m, last - c + 1);
            return NULL;
        }
        size_t k = 1;
        while (k < nl && f[k] == n[k])
            k++;
        lhp_spend(m, (f - c) + (int64_t)k);
        if (k == nl)
            return f;
        c = f + 1;
    }
    return NULL;
}

static int lhp_find_aux(lua_State *L, int find)
{
    const char *fname = find ? "string.find" : "string.match";
    lh_budget *b = lhp_enter(L, 1, fname);
    size_t ls, lp;
    const char *s = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    size_t init = lhp_start_pos(luaL_optinteger(L, 3, 1), ls) - 1;
    lhp_state m;
    if (init > ls) {
        luaL_pushfail(L);
        return 1;
    }
    lhp_init(&m, L, b, fname, s, ls, p, lp);
    lhp_spend(&m, (int64_t)(lp / 16)); /* the specials scan below */
    if (find && (lua_toboolean(L, 4) || !lhp_has_specials(p, lp))) {
        const char *f = lhp_memfind(&m, s + init, ls - init, p, lp);
        lhp_flush(&m);
        if (!f) {
            luaL_pushfail(L);
            return 1;
        }
        lua_pushinteger(L, (lua_Integer)(f - s) + 1);
        lua_pushinteger(L, (lua_Integer)(f - s) + (lua_Integer)lp);
        return 2;
    }
    int anchor = (lp > 0 && *p == '^');
    if (anchor)
        p++;
    const char *at = s + init;
    for (;;) {
        m.level = 0;
        m.depth = LHP_MAXDEPTH;
        const char *e = lhp_match(&m, at, p);
        if (e) {
            lhp_flush(&m);
            if (!find)
                return lhp_push_captures(&m, at, e);
            lua_pushinteger(L, (lua_Integer)(at - s) + 1);
            lua_pushinteger(L, (lua_Integer)(e - s));
            return lhp_push_captures(&m, NULL, NULL) + 2;
        }
        if (anchor || at >= m.src_end)
            break;
        at++;
    }
    lhp_flush(&m);
    luaL_pushfail(L);
    return 1;
}

static int lhp_find(lua_State *L) { return lhp_find_aux(L, 1); }

static int lhp_match_fn(lua_State *L) { return lhp_find_aux(L, 0); }

/* gmatch iterator. Upvalues: 1 subject, 2 pattern (both kept alive here),
 * 3 budget, 4 offset to resume at, 5 end offset of the last match (-1 none),
 * which stops an empty match from repeating right where the last one ended. */
static int lhp_gmatch_step(lua_State *L)
{
    static const char fname[] = "string.gmatch";
    lh_budget *b = lhp_enter(L, 3, fname);
    size_t ls, lp;
    const char *s = lua_tolstring(L, lua_upvalueindex(1), &ls);
    const char *p = lua_tolstring(L, lua_upvalueindex(2), &lp);
    lua_Integer from = lua_tointeger(L, lua_upvalueindex(4));
    lua_Integer last = lua_tointeger(L, lua_upvalueindex(5));
    if (!s || !p || from < 0)
        return luaL_error(L, "%s: corrupted iterator", fname);
    lhp_state m;
    lhp_init(&m, L, b, fname, s, ls, p, lp);
    for (size_t at = (size_t)from; at <= ls; at++) {
        m.level = 0;
        m.depth = LHP_MAXDEPTH;
        const char *e = lhp_match(&m, s + at, p);
        if (e && (lua_Integer)(e - s) != last) {
            lhp_flush(&m);
            lua_pushinteger(L, (lua_Integer)(e - s));
            lua_copy(L, -1, lua_upvalueindex(4));
            lua_replace(L, lua_upvalueindex(5));
            return lhp_push_captures(&m, s + at, e);
        }
    }
    lhp_flush(&m);
    return 0;
}

static int lhp_gmatch(lua_State *L)
{
    lh_budget *b = lhp_enter(L, 1, "string.gmatch");
    size_t ls;
    luaL_checklstring(L, 1, &ls);
    luaL_checklstring(L, 2, NULL);
    size_t init = lhp_start_pos(luaL_optinteger(L, 3, 1), ls) - 1;
    if (init > ls)
        init = ls + 1; /* past the end: the iterator yields nothing */
    lua_settop(L, 2);
    lua_pushlightuserdata(L, b);
    lua_pushinteger(L, (lua_Integer)init);
    lua_pushinteger(L, -1);
    lua_pushcclosure(L, lhp_gmatch_step, 5);
    return 1;
}

/* Appends replacement string (arg 3) for the match [s, e). */
static void lhp_add_string(lhp_state *m, luaL_Buffer *buf, const char *s, const char *e)
{
    lua_State *L = m->L;
    size_t l;
    const char *r = lua_tolstring(L, 3, &l);
    const char *pct;
    lhp_spend(m, (int64_t)l + 1);
    while ((pct = memchr(r, LHP_ESC, l)) != NULL) {
        luaL_addlstring(buf, r, (size_t)(pct - r));
        /* Lua strings are NUL-terminated, so a trailing '%' sees '\0' here */
        char k = pct[1];
        if (k == LHP_ESC) {
            luaL_addchar(buf, LHP_ESC);
        } else if (k == '0') {
            lhp_spend(m, e - s);
            luaL_addlstring(buf, s, (size_t)(e - s));
        } else if (isdigit((unsigned char)k)) {
            const char *text;
            ptrdiff_t len = lhp_get_capture(m, k - '1', s, e, &text);
            if (len == LHP_POSITION) {
                luaL_addvalue(buf);
            } else {
                lhp_spend(m, len);
                luaL_addlstring(buf, text, (size_t)len);
            }
        } else {
            luaL_error(L, "invalid use of '%c' in replacement string", LHP_ESC);
        }
        l -= (size_t)(pct + 2 - r);
        r = pct + 2;
    }
    luaL_addlstring(buf, r, l);
}

/* Appends the replacement for [s, e); returns whether it differs from the
 * matched text (false/nil from a table or function keeps the original). */
static int lhp_add_value(lhp_state *m, luaL_Buffer *buf, const char *s, const char *e, int tr)
{
    lua_State *L = m->L;
    if (tr == LUA_TFUNCTION) {
        lua_pushvalue(L, 3);
        int n = lhp_push_captures(m, s, e);
        lua_call(L, n, 1);
    } else if (tr == LUA_TTABLE) {
        lhp_push_capture(m, 0, s, e);
        lua_gettable(L, 3);
    } else {
        lhp_add_string(m, buf, s, e);
        return 1;
    }
    if (!lua_toboolean(L, -1)) {
        lua_pop(L, 1);
        luaL_addlstring(buf, s, (size_t)(e - s));
        return 0;
    }
    if (!lua_isstring(L, -1))
        return luaL_error(L, "invalid replacement value (a %s)", luaL_typename(L, -1));
    luaL_addvalue(buf);
    return 1;
}

static int lhp_gsub(lua_State *L)
{
    static const char fname[] = "string.gsub";
    lh_budget *b = lhp_enter(L, 1, fname);
    size_t ls, lp;
    const char *src = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    int tr = lua_type(L, 3);
    lua_Integer max_n = luaL_optinteger(L, 4, (lua_Integer)ls + 1);
    luaL_argexpected(L, tr == LUA_TNUMBER || tr == LUA_TSTRING || tr == LUA_TFUNCTION
                            || tr == LUA_TTABLE, 3, "string/function/table");
    int anchor = (lp > 0 && *p == '^');
    if (anchor)
        p++, lp--;
    lhp_state m;
    lhp_init(&m, L, b, fname, src, ls, p, lp);
    luaL_Buffer buf;
    luaL_buffinit(L, &buf);
    const char *at = src, *lastmatch = NULL;
    lua_Integer n = 0;
    int changed = 0;
    while (n < max_n) {
        m.level = 0;
        m.depth = LHP_MAXDEPTH;
        const char *e = lhp_match(&m, at, p);
        if (e && e != lastmatch) {
            n++;
            changed |= lhp_add_value(&m, &buf, at, e, tr);
            at = lastmatch = e;
        } else if (at < m.src_end) {
            luaL_addchar(&buf, *at++);
        } else {
            break;
        }
        if (anchor)
            break;
    }
    lhp_spend(&m, (m.src_end - at) / 16);
    lhp_flush(&m);
    if (!changed) {
        lua_pushvalue(L, 1);
    } else {
        luaL_addlstring(&buf, at, (size_t)(m.src_end - at));
        luaL_pushresult(&buf);
    }
    lua_pushinteger(L, n);
    return 2;
}

void lhp_open(lua_State *L, int strtab, lh_budget *b)
{
    static const luaL_Reg fns[] = {
        {"find", lhp_find},
        {"match", lhp_match_fn},
        {"gmatch", lhp_gmatch},
        {"gsub", lhp_gsub},
        {NULL, NULL},
    };
    strtab = lua_absindex(L, strtab);
    for (const luaL_Reg *r = fns; r->name; r++) {
        lua_pushlightuserdata(L, b);
        lua_pushcclosure(L, r->func, 1);
        lua_setfield(L, strtab, r->name);
    }
}
