/* lh_pattern: Lua 5.4 pattern matching with a work budget.
 *
 * The matcher is a backtracking interpreter over the pattern text. Its
 * recursion points (captures and the quantifiers * + - ?) and its depth cap
 * of 200 deliberately line up with stock Lua, so even the "pattern too
 * complex" depth error appears for exactly the same inputs. Malformed
 * patterns are diagnosed lazily, only when the matcher reaches the bad item,
 * because that is what decides whether stock Lua raises an error at all
 * (e.g. ("abc"):match("x%") returns nil). */
#include "script/lh_pattern.h"

#include <ctype.h>
#include <stdio.h>
#include <stddef.h>
#include <string.h>

#include <lauxlib.h>

#define LHP_MAXCAPS 32   /* LUA_MAXCAPTURES in stock Lua */
#define LHP_MAXDEPTH 200 /* MAXCCALLS in stock lstrlib */
#define LHP_BATCH 64     /* steps gathered before touching the budget */
#define LHP_ESC '%'
#define LHP_SPECIALS "^$*+?.([%-"

enum { LHP_OPEN = -1, LHP_POSITION = -2 }; /* capture lengths with a meaning */

typedef struct lhp_capture {
    const char *start;
    ptrdiff_t len; /* >= 0, LHP_OPEN or LHP_POSITION */
} lhp_capture;

typedef struct lhp_state {
    lua_State *L;
    lh_budget *budget;
    const char *fname;
    const char *src, *src_end;
    const char *pat_end;
    int64_t pending; /* steps not yet charged */
    int depth;       /* recursion levels left */
    int level;       /* captures in use */
    lhp_capture cap[LHP_MAXCAPS];
} lhp_state;

static int lhp_overrun(lua_State *L, lh_budget *b, const char *fname)
{
    /* Located at the innermost Lua line: luaL_where(L, 1) names nothing
     * when the caller is C (pcall(string.find, ...)). */
    lua_Debug ar;
    int located = 0;
    for (int level = 1; !located && lua_getstack(L, level, &ar); level++)
        if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
            lua_pushfstring(L, "%s:%d: ", ar.short_src, ar.currentline);
            located = 1;
        }
    if (!located)
        lua_pushliteral(L, "");
    lua_pushfstring(L, "%s: pattern too complex (work limit exceeded)", fname);
    lua_concat(L, 2);
    /* Kept in the budget too: if the script's pcall swallows this error
     * and the call returns, the host still reports it, with its line. */
    if (!b->msg[0])
        snprintf(b->msg, sizeof b->msg, "%s", lua_tostring(L, -1));
    return lua_error(L);
}

static void lhp_flush(lhp_state *m)
{
    int64_t n = m->pending;
    m->pending = 0;
    if (lh_budget_charge(m->budget, n))
        lhp_overrun(m->L, m->budget, m->fname);
}

static inline void lhp_spend(lhp_state *m, int64_t n)
{
    m->pending += n;
    if (m->pending >= LHP_BATCH)
        lhp_flush(m);
}

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

static void lhp_init(lhp_state *m, lua_State *L, lh_budget *b, const char *fname,
                     const char *s, size_t ls, const char *p, size_t lp)
{
    *m = (lhp_state){.L = L, .budget = b, .fname = fname, .src = s, .src_end = s + ls,
                     .pat_end = p + lp, .depth = LHP_MAXDEPTH};
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

static int lhp_class(int c, int cl)
{
    int r;
    switch (tolower(cl)) {
    case 'a': r = isalpha(c); break;
    case 'c': r = iscntrl(c); break;
    case 'd': r = isdigit(c); break;
    case 'g': r = isgraph(c); break;
    case 'l': r = islower(c); break;
    case 'p': r = ispunct(c); break;
    case 's': r = isspace(c); break;
    case 'u': r = isupper(c); break;
    case 'w': r = isalnum(c); break;
    case 'x': r = isxdigit(c); break;
    case 'z': r = (c == 0); break; /* deprecated in the manual, still honoured by 5.4 */
    default: return cl == c; /* an escaped non-class char stands for itself */
    }
    if (isupper(cl))
        r = !r;
    return r != 0;
}

/* One past the single-char item starting at p (a char, %x, or a [set]). */
static const char *lhp_item_end(lhp_state *m, const char *p)
{
    char c = *p++;
    if (c == LHP_ESC) {
        if (p >= m->pat_end)
            luaL_error(m->L, "malformed pattern (ends with '%%')");
        return p + 1;
    }
    if (c != '[')
        return p;
    if (p < m->pat_end && *p == '^')
        p++;
    /* The first member is consumed unconditionally, which is what makes a
     * leading ']' a literal member. */
    const char *open = p;
    do {
        if (p >= m->pat_end)
            luaL_error(m->L, "malformed pattern (missing ']')");
        c = *p++;
        if (c == LHP_ESC && p < m->pat_end)
            p++;
    } while (p == m->pat_end || *p != ']');
    /* Walking a set is work too: a megabyte-long "[aaa...]" is walked at
     * every position tried, even where the subject has ended. */
    lhp_spend(m, (int64_t)(p - open) / 4);
    return p + 1;
}

/* Is c in the set [ ... ] that opens at p and closes at `close`? */
static int lhp_in_set(lhp_state *m, int c, const char *p, const char *close)
{
    int hit = 1;
    lhp_spend(m, close - p);
    p++;
    if (*p == '^') {
        hit = 0;
        p++;
    }
    for (; p < close; p++) {
        if (*p == LHP_ESC) {
            p++;
            if (lhp_class(c, (unsigned char)*p))
                return hit;
        } else if (p[1] == '-' && p + 2 < close) {
            if ((unsigned char)p[0] <= c && c <= (unsigned char)p[2])
                return hit;
            p += 2;
        } else if ((unsigned char)*p == c) {
            return hit;
        }
    }
    return !hit;
}

static int lhp_single(lhp_state *m, const char *s, const char *p, const char *ep)
{
    lhp_spend(m, 1);
    if (s >= m->src_end)
        return 0;
    int c = (unsigned char)*s;
    switch (*p) {
    case '.': return 1;
    case LHP_ESC: return lhp_class(c, (unsigned char)p[1]);
    case '[': return lhp_in_set(m, c, p, ep - 1);
    default: return (unsigned char)*p == c;
    }
}

static const char *lhp_balance(lhp_state *m, const char *s, const char *p)
{
    if (p + 1 >= m->pat_end)
        luaL_error(m->L, "malformed pattern (missing arguments to '%%b')");
    if (s >= m->src_end || *s != p[0])
        return NULL;
    char open = p[0], close = p[1];
    int nest = 1;
    while (++s < m->src_end) {
        lhp_spend(m, 1);
        if (*s == close) {
            if (--nest == 0)
                return s + 1;
        } else if (*s == open) {
            nest++;
        }
    }
    return NULL;
}

static const char *lhp_backref(lhp_state *m, const char *s, int digit)
{
    int i = digit - '1';
    if (i < 0 || i >= m->level || m->cap[i].len == LHP_OPEN)
        luaL_error(m->L, "invalid capture index %%%d", i + 1);
    ptrdiff_t len = m->cap[i].len;
    if (len < 0) /* stock compares a position capture as a huge length: never matches */
        return NULL;
    lhp_spend(m, len + 1);
    if (m->src_end - s >= len && memcmp(m->cap[i].start, s, (size_t)len) == 0)
        return s + len;
    return NULL;
}

static const char *lhp_match(lhp_state *m, const char *s, const char *p);

static const char *lhp_greedy(lhp_state *m, const char *s, const char *p, const char *ep)
{
    ptrdiff_t n = 0;
    while (lhp_single(m, s + n, p, ep))
        n++;
    for (; n >= 0; n--) {
        const char *r = lhp_match(m, s + n, ep + 1);
        if (r)
            return r;
    }
    return NULL;
}

static const char *lhp_lazy(lhp_state *m, const char *s, const char *p, const char *ep)
{
    for (;;) {
        const char *r = lhp_match(m, s, ep + 1);
        if (r)
            return r;
        if (!lhp_single(m, s, p, ep))
            return NULL;
        s++;
    }
}

static const char *lhp_open_capture(lhp_state *m, const char *s, const char *p, ptrdiff_t kind)
{
    if (m->level >= LHP_MAXCAPS)
        luaL_error(m->L, "too many captures");
    m->cap[m->level].start = s;
    m->cap[m->level].len = kind;
    m->level++;
    const char *r = lhp_match(m, s, p);
    if (!r)
        m->level--;
    return r;
}

static const char *lhp_close_capture(lhp_state *m, const char *s, const char *p)
{
    int i = m->level - 1;
    while (i >= 0 && m->cap[i].len != LHP_OPEN)
        i--;
    if (i < 0)
        luaL_error(m->L, "invalid pattern capture");
    m->cap[i].len = s - m->cap[i].start;
    const char *r = lhp_match(m, s, p);
    if (!r)
        m->cap[i].len = LHP_OPEN;
    return r;
}

/* Matches pattern p (up to pat_end) at s; returns the match end or NULL.
 * Plain items loop; only alternatives that need backtracking recurse. */
static const char *lhp_match(lhp_state *m, const char *s, const char *p)
{
    if (m->depth-- == 0)
        luaL_error(m->L, "pattern too complex");
    while (s && p < m->pat_end) {
        lhp_spend(m, 1);
        if (*p == '(') {
            int pos = (p + 1 < m->pat_end && p[1] == ')');
            s = lhp_open_capture(m, s, p + 1 + pos, pos ? LHP_POSITION : LHP_OPEN);
            break;
        }
        if (*p == ')') {
            s = lhp_close_capture(m, s, p + 1);
            break;
        }
        if (*p == '$' && p + 1 == m->pat_end) {
            if (s != m->src_end)
                s = NULL;
            break;
        }
        if (*p == LHP_ESC && p + 1 < m->pat_end) {
            char k = p[1];
            if (k == 'b') {
                s = lhp_balance(m, s, p + 2);
                p += 4;
                continue;
            }
            if (k == 'f') {
                p += 2;
                if (p >= m->pat_end || *p != '[')
                    luaL_error(m->L, "missing '[' after '%%f' in pattern");
                const char *ep = lhp_item_end(m, p);
                int before = (s == m->src) ? 0 : (unsigned char)s[-1];
                int here = (s < m->src_end) ? (unsigned char)*s : 0;
                if (lhp_in_set(m, before, p, ep - 1) || !lhp_in_set(m, here, p, ep - 1))
                    s = NULL;
                p = ep;
                continue;
            }
            if (isdigit((unsigned char)k)) {
                s = lhp_backref(m, s, k);
                p += 2;
                continue;
            }
        }
        const char *ep = lhp_item_end(m, p);
        char q = (ep < m->pat_end) ? *ep : '\0';
        if (!lhp_single(m, s, p, ep)) {
            if (q == '*' || q == '?' || q == '-') {
                p = ep + 1;
                continue;
            }
            s = NULL;
            break;
        }
        if (q == '?') {
            const char *r = lhp_match(m, s + 1, ep + 1);
            if (r) {
                s = r;
                break;
            }
            p = ep + 1;
        } else if (q == '+') {
            s = lhp_greedy(m, s + 1, p, ep);
            break;
        } else if (q == '*') {
            s = lhp_greedy(m, s, p, ep);
            break;
        } else if (q == '-') {
            s = lhp_lazy(m, s, p, ep);
            break;
        } else {
            s++;
            p = ep;
        }
    }
    m->depth++;
    return s;
}

/* Capture i of the match [s, e): its text via *out and length, or
 * LHP_POSITION after pushing the position. With no captures, index 0 is
 * the whole match. */
static ptrdiff_t lhp_get_capture(lhp_state *m, int i, const char *s, const char *e,
                                 const char **out)
{
    if (i >= m->level) {
        if (i != 0)
            luaL_error(m->L, "invalid capture index %%%d", i + 1);
        *out = s;
        return e - s;
    }
    ptrdiff_t len = m->cap[i].len;
    *out = m->cap[i].start;
    if (len == LHP_OPEN)
        luaL_error(m->L, "unfinished capture");
    if (len == LHP_POSITION)
        lua_pushinteger(m->L, (lua_Integer)(m->cap[i].start - m->src) + 1);
    return len;
}

static void lhp_push_capture(lhp_state *m, int i, const char *s, const char *e)
{
    const char *text;
    ptrdiff_t len = lhp_get_capture(m, i, s, e, &text);
    if (len != LHP_POSITION) {
        lhp_spend(m, len / 16); /* up to 32 copies of a long capture per match */
        lua_pushlstring(m->L, text, (size_t)len);
    }
}

/* Pushes every capture; s == NULL means "no whole-match fallback" (find). */
static int lhp_push_captures(lhp_state *m, const char *s, const char *e)
{
    int n = (m->level == 0 && s) ? 1 : m->level;
    luaL_checkstack(m->L, n, "too many captures");
    for (int i = 0; i < n; i++)
        lhp_push_capture(m, i, s, e);
    return n;
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
