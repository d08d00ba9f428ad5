/* lh_budget: the work budget shared by one hook call.
 *
 * The Lua count hook charges interpreted instructions here, and C functions
 * that can do unbounded work out of the hook's sight (the pattern matcher,
 * string.rep) charge their own steps. When `used` passes `limit`, the budget
 * is exceeded and stays exceeded ("sticky") until the host resets it before
 * the next hook call, so a scenario's own pcall cannot swallow the error. */
#ifndef LH_BUDGET_H
#define LH_BUDGET_H

#include <stdint.h>

typedef struct lh_budget {
    int64_t used;     /* work units charged since the last reset */
    int64_t limit;    /* units allowed per hook call */
    int exceeded;     /* sticky: set once used > limit */
    char msg[640];    /* "file:line: ..." of the first error raised for a spent budget
                         (kept: a script's pcall may swallow the error itself) */
} lh_budget;

/* a + b for costs: never negative, never past INT64_MAX. A negative term
 * is a lie (a __len that returns -2^62) or a bug; either way it must not
 * refill the budget, so it counts as nothing. */
static inline int64_t lh_cost_add(int64_t a, int64_t b)
{
    if (a < 0)
        a = 0;
    if (b < 0)
        b = 0;
    return b > INT64_MAX - a ? INT64_MAX : a + b;
}

/* a * b for costs, with the same rules. */
static inline int64_t lh_cost_mul(int64_t a, int64_t b)
{
    if (a <= 0 || b <= 0)
        return 0;
    return a > INT64_MAX / b ? INT64_MAX : a * b;
}

/* Budget units for one element a library loop touches through the API. */
#define LH_ELEM_COST 8

/* Charge n units. Returns 1 when the budget is (now or already) exceeded. */
static inline int lh_budget_charge(lh_budget *b, int64_t n)
{
    b->used = lh_cost_add(b->used, n);
    if (b->used > b->limit)
        b->exceeded = 1;
    return b->exceeded;
}

static inline void lh_budget_reset(lh_budget *b, int64_t limit)
{
    b->used = 0;
    b->limit = limit;
    b->exceeded = 0;
    b->msg[0] = '\0';
}

#endif
