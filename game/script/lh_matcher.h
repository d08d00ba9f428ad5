/* lh_matcher: Lua 5.4 pattern matching over a work budget, for the
 * string functions of lh_pattern.c (the only user: not for other files).
 *
 * A match runs on an lhp_state: the subject, the pattern, the captures so
 * far and the steps not yet charged. Steps are gathered LHP_BATCH at a time
 * before they touch the budget; once it is spent, the call raises
 *   "<fname>: pattern too complex (work limit exceeded)". */
#ifndef LH_MATCHER_H
#define LH_MATCHER_H

#include <stddef.h>
#include <stdint.h>

#include <lua.h>

#include "script/lh_budget.h"

#define LHP_MAXCAPS 32   /* LUA_MAXCAPTURES in stock Lua */
#define LHP_MAXDEPTH 200 /* MAXCCALLS in stock lstrlib */
#define LHP_BATCH 64     /* steps gathered before touching the budget */
#define LHP_ESC '%'

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

/* Raise the work-limit error for `fname`, located at the innermost Lua
 * line, and keep it in the budget. */
int lhp_overrun(lua_State *L, lh_budget *b, const char *fname);
/* Charge the pending steps; raises when the budget is spent. */
void lhp_flush(lhp_state *m);

static inline void lhp_spend(lhp_state *m, int64_t n)
{
    m->pending += n;
    if (m->pending >= LHP_BATCH)
        lhp_flush(m);
}

static inline void lhp_init(lhp_state *m, lua_State *L, lh_budget *b, const char *fname,
                               const char *s, size_t ls, const char *p, size_t lp)
{
    *m = (lhp_state){.L = L, .budget = b, .fname = fname, .src = s, .src_end = s + ls,
                     .pat_end = p + lp, .depth = LHP_MAXDEPTH};
}

/* Matches pattern p (up to pat_end) at s; returns the match end or NULL.
 * Set m->level = 0 and m->depth = LHP_MAXDEPTH before each try. */
const char *lhp_match(lhp_state *m, const char *s, const char *p);
/* Capture i of the match [s, e) (index 0 is the whole match when there
 * are no captures). */
ptrdiff_t lhp_get_capture(lhp_state *m, int i, const char *s, const char *e, const char **out);
/* Push capture i of the match [s, e). */
void lhp_push_capture(lhp_state *m, int i, const char *s, const char *e);
/* Push every capture of the match [s, e); returns how many. */
int lhp_push_captures(lhp_state *m, const char *s, const char *e);

#endif
