/* journal_repeat: the plan's repeat form, one line for an input made again
 * and again (keeping a shift staffed took 36 identical lines):
 *
 *     2h..3d every 8h start paper_gate     (at 2h, 10h, 18h, ... up to 3d)
 *
 * A plan is untrusted input and this form turns a few bytes into many
 * inputs, so the count is worked out and checked against the caps before
 * anything is allocated. The inputs it makes carry `repeat`, which tells
 * session_replay that the session may refuse one (the action is still
 * running) and that it is then skipped. Only the journal*.c files use this. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/journal_verbs.h"
#include "core/mem.h"
#include "core/vec.h"

#define REPEAT_EXAMPLE " (a repeat line reads FROM..TO every STEP, e.g. 2h..3d every 8h start ACTION)"

bh_status jrepeat_range(const bh_plan *p, const char *first, char **s, int lineno,
                        const char *hint, bh_time *from, bh_time *step, size_t *count,
                        bh_err *err)
{
    char a[64], b[64];
    const char *dots = strstr(first, "..");
    size_t na = (size_t)(dots - first);
    const char *to_s = dots + 2;
    if (na == 0 || !*to_s || strstr(to_s, ".."))
        return err_set(err, BH_EJOURNAL, p->name, lineno, "'%.64s' is not a range of times%s%s",
                       first, REPEAT_EXAMPLE, hint);
    if (na >= sizeof a || strlen(to_s) >= sizeof b)
        return err_set(err, BH_EJOURNAL, p->name, lineno, "'%.64s' is not a range of times%s%s",
                       first, REPEAT_EXAMPLE, hint);
    memcpy(a, first, na);
    a[na] = '\0';
    snprintf(b, sizeof b, "%s", to_s);
    bh_time to;
    if (dur_parse(a, from) != 0 || dur_parse(b, &to) != 0)
        return err_set(err, BH_EJOURNAL, p->name, lineno,
                       "'%s' in the range '%.64s' is not a time such as 45m or 1h30m%s",
                       dur_parse(a, from) != 0 ? a : b, first, hint);
    if (to < *from)
        return err_set(err, BH_EJOURNAL, p->name, lineno,
                       "the range '%.64s' ends before it starts%s", first, hint);
    char *every = jverb_word(s);
    if (!every || strcmp(every, "every") != 0)
        return err_set(err, BH_EJOURNAL, p->name, lineno,
                       "expected 'every STEP' after the range '%.64s'%s%s", first, REPEAT_EXAMPLE,
                       hint);
    char *st = jverb_word(s);
    if (!st || dur_parse(st, step) != 0)
        return err_set(err, BH_EJOURNAL, p->name, lineno,
                       "'every' wants a step such as 8h or 30m%s%.64s%s%s", st ? ", not '" : "",
                       st ? st : "", st ? "'" : "", hint);
    if (*step <= 0)
        return err_set(err, BH_EJOURNAL, p->name, lineno,
                       "the step must be more than 0s: 'every %s' would never move on%s", st,
                       hint);
    /* Both ends are within DUR_MAX, so none of this can overflow. */
    long long n = (long long)((to - *from) / *step) + 1;
    if (n > JOURNAL_MAX_REPEAT)
        return err_set(err, BH_EJOURNAL, p->name, lineno,
                       "'%.64s every %s' makes %lld inputs; one line may make at most %d "
                       "(a longer step, or a shorter range)%s",
                       first, st, n, JOURNAL_MAX_REPEAT, hint);
    if ((size_t)n > JOURNAL_MAX_REPEATED - p->repeated)
        return err_set(err, BH_EJOURNAL, p->name, lineno,
                       "this line's %lld inputs would take the plan's repeat lines past %d "
                       "inputs in all (%zu so far)%s",
                       n, JOURNAL_MAX_REPEATED, p->repeated, hint);
    *count = (size_t)n;
    return BH_OK;
}

static char *dup_or_null(const char *s, int *oom)
{
    char *d = s ? mem_strdup(s) : NULL;
    if (s && !d)
        *oom = 1;
    return d;
}

/* The text one repeated input carries: its copies are what a repeat line
 * costs, so it is kept small (ids, a short note) whatever the count. */
#define REPEAT_MAX_TEXT 256

static size_t len0(const char *s)
{
    return s ? strlen(s) : 0;
}

bh_status jrepeat_push(bh_plan *p, bh_jline *l, bh_time step, size_t count, bh_err *err)
{
    size_t text = len0(l->a) + len0(l->b) + len0(l->text) + len0(l->body);
    if (text > REPEAT_MAX_TEXT) {
        int line = l->line;
        jline_free(l);
        return err_set(err, BH_EJOURNAL, p->name, line,
                       "a repeat line's input may carry at most %d bytes of ids and text (this "
                       "one has %zu): repeat short inputs, write long ones out", REPEAT_MAX_TEXT,
                       text);
    }
    size_t cap = p->cap;
    void *v = p->v;
    if (vec_grow(&v, sizeof *p->v, &cap, p->n + count) != 0) {
        jline_free(l);
        return err_set(err, BH_ENOMEM, "", 0, "out of memory");
    }
    p->v = v;
    p->cap = cap;
    bh_time t = l->time;
    for (size_t i = 0; i < count; i++, t += step) {
        int oom = 0;
        bh_jline c = *l;
        c.time = t;
        c.repeat = 1;
        c.a = dup_or_null(l->a, &oom);
        c.b = dup_or_null(l->b, &oom);
        c.text = dup_or_null(l->text, &oom);
        c.body = dup_or_null(l->body, &oom);
        if (oom) {
            jline_free(&c);
            jline_free(l);
            return err_set(err, BH_ENOMEM, "", 0, "out of memory");
        }
        p->v[p->n++] = c;
    }
    p->repeated += count;
    jline_free(l);
    return BH_OK;
}

/* Time, then line: the inputs of one repeat line never share a time, so
 * this is the file's order at each moment, whatever qsort does. */
static int by_time(const void *x, const void *y)
{
    const bh_jline *a = x, *b = y;
    if (a->time != b->time)
        return a->time < b->time ? -1 : 1;
    return (a->line > b->line) - (a->line < b->line);
}

void jrepeat_sort(bh_plan *p)
{
    if (p->repeated && p->n > 1)
        qsort(p->v, p->n, sizeof *p->v, by_time);
}
