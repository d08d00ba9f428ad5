/* journal_expect: a plan as a test. Two comment lines say what the plan
 * shows, so that `bulkhead run` can fail (exit 1) when it no longer does:
 *
 *     # expect-ending: clean_handover
 *     # expect-objective: notify_dpa met        (or: not-met, not-judged)
 *
 * They are comments, so a build that does not know them still replays the
 * plan. Read here while the plan is parsed (a malformed one is an error at
 * its line: a test that silently checks nothing is worse than none), then
 * checked against the scenario's ids before the session, and against the
 * session once it has ended. Any other comment is ignored. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/journal_verbs.h"
#include "core/mem.h"
#include "core/text.h"
#include "core/vec.h"

#define EXPECT_ENDING "expect-ending"
#define EXPECT_OBJECTIVE "expect-objective"
/* Objectives a plan may expect: far above any scenario's, and a bound on
 * the check for a repeated id (each new one is compared with the others). */
#define EXPECT_MAX_OBJECTIVES 1000

/* The word after '#' up to a colon or a blank: which comment this is. */
static int comment_is(const char *s, const char *key)
{
    size_t n = strlen(key);
    return strncmp(s, key, n) == 0 && (s[n] == ':' || s[n] == ' ' || s[n] == '\t' || !s[n]);
}

static bh_status read_ending(bh_plan *p, char *s, int lineno, const char *hint, bh_err *err)
{
    char *id = jverb_word(&s);
    if (!id || jverb_word(&s))
        return err_set(err, BH_EJOURNAL, p->name, lineno,
                       "'# " EXPECT_ENDING ":' takes one ending id, e.g. "
                       "'# " EXPECT_ENDING ": recovered'%s", hint);
    if (p->expect_ending)
        return err_set(err, BH_EJOURNAL, p->name, lineno,
                       "a second '" EXPECT_ENDING "' line (the first is line %d): a session "
                       "has one ending", p->expect_ending_line);
    if (!(p->expect_ending = mem_strdup(id)))
        return err_set(err, BH_ENOMEM, "", 0, "out of memory");
    p->expect_ending_line = lineno;
    return BH_OK;
}

static bh_status read_objective(bh_plan *p, char *s, int lineno, const char *hint,
                                bh_err *err)
{
    char *id = jverb_word(&s), *how = jverb_word(&s);
    int met = !how ? -2 : strcmp(how, "met") == 0 ? 1 : strcmp(how, "not-met") == 0 ? 0
            : strcmp(how, "not-judged") == 0 ? -1 : -2;
    if (!id || met == -2 || jverb_word(&s))
        return err_set(err, BH_EJOURNAL, p->name, lineno,
                       "'# " EXPECT_OBJECTIVE ":' takes an objective id and 'met', 'not-met' "
                       "or 'not-judged', e.g. '# " EXPECT_OBJECTIVE ": notify_dpa met'%s", hint);
    if (p->nexpect_obj >= EXPECT_MAX_OBJECTIVES)
        return err_set(err, BH_EJOURNAL, p->name, lineno, "more than %d '# " EXPECT_OBJECTIVE
                       ":' lines", EXPECT_MAX_OBJECTIVES);
    for (size_t i = 0; i < p->nexpect_obj; i++)
        if (strcmp(p->expect_obj[i].id, id) == 0)
            return err_set(err, BH_EJOURNAL, p->name, lineno,
                           "objective '%s' is already expected on line %d", id,
                           p->expect_obj[i].line);
    char *copy = mem_strdup(id);
    if (!copy || VEC_PUSH(p->expect_obj, p->nexpect_obj, p->cap_expect_obj) != 0) {
        free(copy);
        return err_set(err, BH_ENOMEM, "", 0, "out of memory");
    }
    p->expect_obj[p->nexpect_obj++] = (bh_jexpect){.id = copy, .met = met, .line = lineno};
    return BH_OK;
}

/* The first word of a comment (n bytes), lower-cased and with '_' as '-':
 * does it look like an expectation, misspelt? */
static int near_expectation(const char *w, size_t n)
{
    char b[48];
    if (n >= sizeof b)
        return 0;
    for (size_t i = 0; i < n; i++)
        b[i] = w[i] == '_' ? '-' : (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] + 32 : w[i]);
    b[n] = '\0';
    return strncmp(b, "expect-", 7) == 0 ||
           (strncmp(b, "expect", 6) == 0 && (strstr(b, "end") || strstr(b, "obj")));
}

bh_status jexpect_comment(bh_plan *p, const char *rest, int lineno, const char *hint,
                          bh_err *err)
{
    while (*rest == ' ' || *rest == '\t')
        rest++;
    int ending = comment_is(rest, EXPECT_ENDING);
    if (!ending && !comment_is(rest, EXPECT_OBJECTIVE)) {
        /* "# expect-endng: x", "# Expect_ending: x" or "# expected-ending: x"
         * would check nothing, silently; prose ("# Expect the room to...")
         * is left alone */
        size_t n = strcspn(rest, ": \t");
        if (!near_expectation(rest, n))
            return BH_OK;
        return err_set(err, BH_EJOURNAL, p->name, lineno,
                       "unknown expectation '%.*s' (a plan may say '# " EXPECT_ENDING ": ID' "
                       "and '# " EXPECT_OBJECTIVE ": ID met')%s", (int)(n > 40 ? 40 : n), rest,
                       hint);
    }
    const char *key = ending ? EXPECT_ENDING : EXPECT_OBJECTIVE;
    const char *s = rest + strlen(key);
    if (*s != ':')
        return err_set(err, BH_EJOURNAL, p->name, lineno,
                       "'%s' wants a colon: '# %s: ...'%s", key, key, hint);
    char line[JOURNAL_MAX_LINE + 1];
    snprintf(line, sizeof line, "%s", s + 1);
    return ending ? read_ending(p, line, lineno, hint, err)
                  : read_objective(p, line, lineno, hint, err);
}

bh_status journal_expect_check(const bh_plan *p, const bh_defs *d, bh_err *err)
{
    char hint[160];
    if (p->expect_ending && defs_ending(d, p->expect_ending) < 0 &&
        strcmp(p->expect_ending, DEFS_ENDING_FACILITATOR) != 0) {
        text_suggest(p->expect_ending, d->endings, d->nendings, sizeof *d->endings,
                     offsetof(bh_ending_def, id), hint, sizeof hint);
        return err_set(err, BH_EJOURNAL, p->name, p->expect_ending_line,
                       "expected ending '%s': no ending '%s' in this scenario%s",
                       p->expect_ending, p->expect_ending, hint);
    }
    for (size_t i = 0; i < p->nexpect_obj; i++) {
        const bh_jexpect *x = &p->expect_obj[i];
        if (defs_objective(d, x->id) >= 0)
            continue;
        text_suggest(x->id, d->objectives, d->nobjectives, sizeof *d->objectives,
                     offsetof(bh_objective_def, id), hint, sizeof hint);
        if (!d->nobjectives)
            snprintf(hint, sizeof hint, " (this scenario declares no objectives)");
        return err_set(err, BH_EJOURNAL, p->name, x->line,
                       "no objective '%s' in this scenario%s", x->id, hint);
    }
    return BH_OK;
}

/* One missed expectation, `msg`, appended to buf[*at..n) as its own line. */
static void missed(char *buf, size_t n, size_t *at, const bh_plan *p, int line, const char *msg)
{
    if (*at >= n)
        return;
    int w = snprintf(buf + *at, n - *at, "%s%s:%d: error: %s", *at ? "\n" : "", p->name, line,
                     msg);
    *at = w < 0 ? n : *at + (size_t)w;
}

int journal_expect_verdict(const bh_plan *p, const bh_sim *s, char *buf, size_t n)
{
    size_t at = 0;
    int count = 0;
    char msg[400];
    if (n)
        buf[0] = '\0';
    const bh_defs *d = sim_defs(s);
    if (p->expect_ending) {
        const bh_ending_def *e = sim_ended(s) ? defs_ending_at(d, sim_ending(s)) : NULL;
        if (!e || strcmp(e->id, p->expect_ending) != 0) {
            count++;
            if (e)
                snprintf(msg, sizeof msg, "expected ending '%s', the session ended with '%s'",
                         p->expect_ending, e->id);
            else
                snprintf(msg, sizeof msg, "expected ending '%s', the session did not end",
                         p->expect_ending);
            missed(buf, n, &at, p, p->expect_ending_line, msg);
        }
    }
    for (size_t i = 0; i < p->nexpect_obj; i++) {
        const bh_jexpect *x = &p->expect_obj[i];
        int k = defs_objective(d, x->id);
        bh_obj_result r = k >= 0 ? sim_objective(s, k, NULL) : OBJ_NOT_JUDGED;
        bh_obj_result want = x->met > 0 ? OBJ_MET : x->met == 0 ? OBJ_NOT_MET : OBJ_NOT_JUDGED;
        if (r == want)
            continue;
        count++;
        snprintf(msg, sizeof msg, "expected objective '%s' %s, the session %s", x->id,
                 sim_obj_result_name(want),
                 r == OBJ_NOT_JUDGED ? "did not judge it (see the transcript's Objectives)"
                 : r == OBJ_MET      ? "judged it met"
                                     : "judged it not met");
        missed(buf, n, &at, p, x->line, msg);
    }
    return count;
}
