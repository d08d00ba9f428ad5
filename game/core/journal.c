#include "core/journal.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/journal_verbs.h"
#include "core/mem.h"
#include "core/text.h"
#include "core/vec.h"

void journal_plan_free(bh_plan *p)
{
    for (size_t i = 0; i < p->n; i++)
        jline_free(&p->v[i]);
    for (size_t i = 0; i < p->nexpect_obj; i++)
        free(p->expect_obj[i].id);
    free(p->expect_obj);
    free(p->expect_ending);
    free(p->v);
    free(p->name);
    free(p->scenario);
    free(p->cut);
    memset(p, 0, sizeof *p);
}

int journal_plan_warning(const bh_plan *p, char *buf, size_t n)
{
    if (!p->skipped)
        return 0;
    snprintf(buf, n, "%s:%d: warning: skipped %zu line%s of an annotation kind this build does "
             "not know ('%s'%s), from a newer Bulkhead; annotations never change the session",
             p->name ? p->name : "", p->first_skipped_line, p->skipped,
             p->skipped == 1 ? "" : "s", p->skipped_kind, p->skipped == 1 ? "" : " first");
    return 1;
}

/* Every verb, for the errors that list them. */
#define VERB_LIST \
    "start, cancel, choose, note, fire, extend, freeze, unfreeze, adjust, message or end"

/* The header lines that say what kind of session this is: `cut ID` (the
 * session cut; checked against the scenario by journal_plan_cut) and
 * `mode workshop`. Like `scenario` and `seed`, before the first input. */
static bh_status parse_session_line(bh_plan *p, const char *key, char *rest, int lineno,
                                    const char *hint, bh_err *err)
{
    if (p->n > 0)
        return err_set(err, BH_EJOURNAL, p->name, lineno, "'%s' must come before the first input",
                       key);
    char *arg = jverb_word(&rest);
    if (!arg || jverb_word(&rest))
        return err_set(err, BH_EJOURNAL, p->name, lineno, "'%s' takes one value%s", key, hint);
    if (strcmp(key, "mode") == 0) {
        if (strcmp(arg, "workshop") != 0)
            return err_set(err, BH_EJOURNAL, p->name, lineno,
                           "unknown mode '%.64s' (the only mode is 'workshop')%s", arg, hint);
        p->workshop = 1;
        return BH_OK;
    }
    if (p->cut)
        return err_set(err, BH_EJOURNAL, p->name, lineno,
                       "a second 'cut' line (the first is line %d): a session has one cut",
                       p->cut_line);
    if (!(p->cut = mem_strdup(arg)))
        return err_set(err, BH_ENOMEM, "", 0, "out of memory");
    p->cut_line = lineno;
    return BH_OK;
}

bh_status journal_plan_cut(const bh_plan *p, const bh_defs *d, int *cut, bh_err *err)
{
    *cut = p->cut ? defs_cut(d, p->cut) : -1;
    if (!p->cut || *cut >= 0)
        return BH_OK;
    char hint[160];
    text_suggest(p->cut, d->cuts, d->ncuts, sizeof *d->cuts, offsetof(bh_cut_def, id), hint,
                 sizeof hint);
    if (!d->ncuts)
        snprintf(hint, sizeof hint, " (this scenario declares no cuts)");
    return err_set(err, BH_EJOURNAL, p->name, p->cut_line, "no cut '%s' in this scenario%s",
                   p->cut, hint);
}

static bh_status parse_line(bh_plan *p, char *line, int lineno, int last_unterminated,
                            bh_err *err)
{
    const char *hint = last_unterminated
        ? " (this last line has no newline: the file may have been cut off while being written)"
        : "";
    char *s = line;
    while (*s == ' ' || *s == '\t')
        s++;
    if (*s == '#')
        return jexpect_comment(p, s + 1, lineno, hint, err);
    char *first = jverb_word(&s);
    if (!first)
        return BH_OK;
    if (strcmp(first, "cut") == 0 || strcmp(first, "mode") == 0)
        return parse_session_line(p, first, s, lineno, hint, err);
    if (strcmp(first, "seed") == 0 || strcmp(first, "scenario") == 0) {
        if (p->n > 0)
            return err_set(err, BH_EJOURNAL, p->name, lineno,
                           "'%s' must come before the first input", first);
        char *arg;
        int is_seed = strcmp(first, "seed") == 0;
        if (!is_seed) {
            /* A scenario path may contain spaces: it is the rest of the line. */
            while (*s == ' ' || *s == '\t')
                s++;
            arg = s;
            size_t n = strlen(arg);
            while (n > 0 && (arg[n - 1] == ' ' || arg[n - 1] == '\t'))
                arg[--n] = '\0';
            if (!*arg)
                arg = NULL;
        } else {
            arg = jverb_word(&s);
            if (arg && jverb_word(&s))
                arg = NULL;
        }
        if (!arg)
            return err_set(err, BH_EJOURNAL, p->name, lineno, "'%s' takes one value%s", first,
                           hint);
        if (is_seed) {
            char *end;
            errno = 0;
            unsigned long long v = strtoull(arg, &end, 10);
            if (errno || *end || arg[0] == '-')
                return err_set(err, BH_EJOURNAL, p->name, lineno,
                               "seed must be a whole number from 0 to 2^64-1, not '%s'%s", arg,
                               hint);
            p->has_seed = 1;
            p->seed = v;
        } else {
            free(p->scenario);
            if (!(p->scenario = mem_strdup(arg)))
                return err_set(err, BH_ENOMEM, "", 0, "out of memory");
            p->scenario_line = lineno;
        }
        return BH_OK;
    }
    bh_time t, step = 0;
    size_t count = 0; /* a repeat line's inputs; 0 for a plain line */
    if (strstr(first, "..")) {
        bh_status st = jrepeat_range(p, first, &s, lineno, hint, &t, &step, &count, err);
        if (st != BH_OK)
            return st;
    } else if (dur_parse(first, &t) != 0) {
        return err_set(err, BH_EJOURNAL, p->name, lineno,
                       "expected a time such as 45m or 1h30m at the start of the line, "
                       "not '%s'%s", first, hint);
    }
    char *verb = jverb_word(&s);
    if (!verb)
        return err_set(err, BH_EJOURNAL, p->name, lineno, "expected %s after the time%s",
                       VERB_LIST, hint);
    bh_jline l = {.line = lineno, .time = t};
    /* A repeat line is placed by its first time; its later inputs fall in
     * among the lines after it (journal_parse sorts them in). */
    if (p->last_line > 0 && t < p->last_time) {
        char a[32], b[32];
        return err_set(err, BH_EJOURNAL, p->name, lineno,
                       "time goes backwards: %s comes after %s on line %d", dur_format(t, a, 32),
                       dur_format(p->last_time, b, 32), p->last_line);
    }
    int want = 0;
    if (strcmp(verb, "start") == 0) {
        l.verb = JV_START;
        want = 1;
    } else if (strcmp(verb, "cancel") == 0) {
        l.verb = JV_CANCEL;
        want = 1;
    } else if (strcmp(verb, "choose") == 0) {
        l.verb = JV_CHOOSE;
        want = 2;
    } else if (strcmp(verb, "note") == 0) {
        l.verb = JV_NOTE;
        while (*s == ' ' || *s == '\t')
            s++;
        if (!(l.text = jverb_unescape(s, strlen(s))))
            return err_set(err, BH_ENOMEM, "", 0, "out of memory");
    } else if (jverb_annotation(verb)) {
        if (!p->skipped++) {
            p->first_skipped_line = lineno;
            snprintf(p->skipped_kind, sizeof p->skipped_kind, "%s", verb);
        }
        return BH_OK;
    } else {
        bh_status st = BH_OK;
        if (!jverb_parse(p, verb, s, &l, hint, &st, err) &&
            !jroom_parse(p, verb, s, &l, hint, &st, err) &&
            !jdet_parse(p, verb, s, &l, hint, &st, err))
            return err_set(err, BH_EJOURNAL, p->name, lineno, "unknown input '%s' (expected %s)%s",
                           verb, VERB_LIST, hint);
        if (st != BH_OK) {
            jline_free(&l);
            return st;
        }
    }
    if (want) {
        char *a = jverb_word(&s), *b = want == 2 ? jverb_word(&s) : NULL;
        if (!a || (want == 2 && !b) || jverb_word(&s))
            return err_set(err, BH_EJOURNAL, p->name, lineno, "'%s' takes %s%s", verb,
                           want == 2 ? "a decision id and an option id" : "one action id",
                           hint);
        l.a = mem_strdup(a);
        l.b = b ? mem_strdup(b) : NULL;
        if (!l.a || (b && !l.b)) {
            jline_free(&l);
            return err_set(err, BH_ENOMEM, "", 0, "out of memory");
        }
    }
    p->last_time = t;
    p->last_line = lineno;
    if (count)
        return jrepeat_push(p, &l, step, count, err);
    if (VEC_PUSH(p->v, p->n, p->cap) != 0) {
        jline_free(&l);
        return err_set(err, BH_ENOMEM, "", 0, "out of memory");
    }
    p->v[p->n++] = l;
    return BH_OK;
}

bh_status journal_parse(const char *name, const char *text, size_t len, bh_plan *out,
                        bh_err *err)
{
    memset(out, 0, sizeof *out);
    if (!(out->name = mem_strdup(name)))
        return err_set(err, BH_ENOMEM, "", 0, "out of memory");
    char buf[JOURNAL_MAX_LINE + 1];
    size_t pos = 0;
    int lineno = 0;
    while (pos < len) {
        lineno++;
        const char *start = text + pos;
        const char *nl = memchr(start, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - start) : len - pos;
        pos += n + (nl ? 1 : 0);
        if (n > 0 && start[n - 1] == '\r')
            n--; /* tolerate files saved on Windows */
        if (n > JOURNAL_MAX_LINE)
            return err_set(err, BH_EJOURNAL, name, lineno, "line is longer than %d bytes",
                           JOURNAL_MAX_LINE);
        if (memchr(start, '\0', n))
            return err_set(err, BH_EJOURNAL, name, lineno,
                           "line contains a NUL byte: this is not a text journal");
        if (!text_valid_utf8(start, n, NULL))
            return err_set(err, BH_EJOURNAL, name, lineno, "line is not valid UTF-8");
        long ctl = text_find_control(start, n);
        if (ctl >= 0)
            return err_set(err, BH_EJOURNAL, name, lineno,
                           "line contains a control character (byte 0x%02X)",
                           (unsigned char)start[ctl]);
        memcpy(buf, start, n);
        buf[n] = '\0';
        bh_status st = parse_line(out, buf, lineno, !nl, err);
        if (st != BH_OK)
            return st;
        /* The engine ends every line it writes; a journal it wrote whose
         * last line has no newline was cut off mid-write. Hand-written
         * plans may omit the final newline. */
        if (!nl && n > 0 && len >= sizeof JOURNAL_HEADER - 1 &&
            memcmp(text, JOURNAL_HEADER, sizeof JOURNAL_HEADER - 1) == 0)
            return err_set(err, BH_EJOURNAL, name, lineno,
                           "the last line is incomplete: the journal was cut off while being "
                           "written, so this input never took effect (Continue in the game removes "
                           "the line; or remove it by hand)");
    }
    jrepeat_sort(out);
    return BH_OK;
}

bh_status journal_read(const char *path, bh_plan *out, bh_err *err)
{
    memset(out, 0, sizeof *out);
    char *text = NULL;
    size_t len = 0;
    bh_status st = text_read_file(path, JOURNAL_MAX_BYTES, &text, &len, err);
    if (st != BH_OK)
        return st;
    st = journal_parse(path, text, len, out, err);
    free(text);
    return st;
}

bh_status journal_resolve(const bh_plan *p, const bh_jline *l, const bh_defs *d,
                          bh_input *out, bh_err *err)
{
    memset(out, 0, sizeof *out);
    out->time = l->time;
    char hint[160];
    switch (l->verb) {
    case JV_START:
    case JV_CANCEL:
        out->kind = l->verb == JV_START ? IN_START : IN_CANCEL;
        out->a = defs_action(d, l->a);
        if (out->a < 0) {
            text_suggest(l->a, d->actions, d->nactions, sizeof *d->actions,
                         offsetof(bh_action_def, id), hint, sizeof hint);
            return err_set(err, BH_EJOURNAL, p->name, l->line, "no action '%s' in this scenario%s",
                           l->a, hint);
        }
        return BH_OK;
    case JV_CHOOSE: {
        out->kind = IN_CHOOSE;
        out->a = defs_decision(d, l->a);
        if (out->a < 0) {
            text_suggest(l->a, d->decisions, d->ndecisions, sizeof *d->decisions,
                         offsetof(bh_decision_def, id), hint, sizeof hint);
            return err_set(err, BH_EJOURNAL, p->name, l->line,
                           "no decision '%s' in this scenario%s", l->a, hint);
        }
        const bh_decision_def *dd = &d->decisions[out->a];
        out->b = defs_option(dd, l->b);
        if (out->b < 0) {
            text_suggest(l->b, dd->options, dd->noptions, sizeof *dd->options,
                         offsetof(bh_option_def, id), hint, sizeof hint);
            return err_set(err, BH_EJOURNAL, p->name, l->line,
                           "decision '%s' has no option '%s'%s", l->a, l->b, hint);
        }
        return BH_OK;
    }
    case JV_NOTE:
        out->kind = IN_NOTE;
        out->text = l->text;
        return BH_OK;
    case JV_VOTE: case JV_PROPOSAL:
        return jroom_resolve(p, l, d, out, err);
    case JV_DETAILS:
        return jdet_resolve(p, l, d, out, err);
    default:
        return jverb_resolve(p, l, d, out, err);
    }
}

int journal_format(const bh_defs *d, const bh_input *in, char *buf, size_t n)
{
    char t[32];
    dur_format(in->time, t, sizeof t);
    switch (in->kind) {
    case IN_START:
        return snprintf(buf, n, "%s start %s", t, d->actions[in->a].id);
    case IN_CANCEL:
        return snprintf(buf, n, "%s cancel %s", t, d->actions[in->a].id);
    case IN_CHOOSE:
        return snprintf(buf, n, "%s choose %s %s", t, d->decisions[in->a].id,
                        d->decisions[in->a].options[in->b].id);
    case IN_NOTE: {
        /* Escapes keep a note on one line and make it read back exactly;
         * a note that does not fit is refused (-1), never cut. */
        int len = snprintf(buf, n, "%s note ", t);
        return (size_t)len < n ? jverb_escape(buf, len, n, in->text) : -1;
    }
    case IN_VOTE: case IN_PROPOSAL:
        return jroom_format(d, in, buf, n);
    case IN_DETAILS:
        return jdet_format(d, in, buf, n);
    default:
        return jverb_format(d, in, buf, n);
    }
}
