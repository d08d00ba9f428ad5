/* lh_matcher: the backtracking interpreter behind lh_pattern.c's string
 * functions, which charges every step to the call's work budget.
 *
 * The matcher walks the pattern text. Its recursion points (captures and
 * the quantifiers * + - ?) and its depth cap of 200 deliberately line up
 * with stock Lua, so even the "pattern too complex" depth error appears
 * for exactly the same inputs. Malformed patterns are diagnosed lazily,
 * only when the matcher reaches the bad item, because that is what decides
 * whether stock Lua raises an error at all (e.g. ("abc"):match("x%")
 * returns nil). It calls nothing else in the script layer. */
#include "script/lh_matcher.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include <lauxlib.h>

int lhp_overrun(lua_State *L, lh_budget *b, const char *fname)
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

void lhp_flush(lhp_state *m)
{
    int64_t n = m->pending;
    m->pending = 0;
    if (lh_budget_charge(m->budget, n))
        lhp_overrun(m->L, m->budget, m->fname);
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
const char *lhp_match(lhp_state *m, const char *s, const char *p)
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
ptrdiff_t lhp_get_capture(lhp_state *m, int i, const char *s, const char *e, const char **out)
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

void lhp_push_capture(lhp_state *m, int i, const char *s, const char *e)
{
    const char *text;
    ptrdiff_t len = lhp_get_capture(m, i, s, e, &text);
    if (len != LHP_POSITION) {
        lhp_spend(m, len / 16); /* up to 32 copies of a long capture per match */
        lua_pushlstring(m->L, text, (size_t)len);
    }
}

/* Pushes every capture; s == NULL means "no whole-match fallback" (find). */
int lhp_push_captures(lhp_state *m, const char *s, const char *e)
{
    int n = (m->level == 0 && s) ? 1 : m->level;
    luaL_checkstack(m->L, n, "too many captures");
    for (int i = 0; i < n; i++)
        lhp_push_capture(m, i, s, e);
    return n;
}
