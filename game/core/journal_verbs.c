/* journal_verbs: free text with its escapes, and the facilitator's lines
 * (fire, extend, freeze, unfreeze, adjust, message, end), read and
 * written; see journal_verbs.h. journal.c keeps the headers and the
 * players' lines, and hands these over. */
#include "core/journal_verbs.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "core/text.h"

char *jverb_unescape(const char *s, size_t n)
{
    char *out = mem_malloc(n + 1), *o = out;
    if (!out)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        char c = i + 1 < n && s[i] == '\\' ? s[i + 1] : 0;
        const char *to = c == 'n' ? "\n" : c == 't' ? "\t" : c == '\\' ? "\\" : c == '|' ? "|" : NULL;
        if (to) {
            *o++ = *to;
            i++;
        } else {
            *o++ = s[i];
        }
    }
    *o = '\0';
    return out;
}

int jverb_escape(char *buf, int len, size_t n, const char *text)
{
    if (len < 0)
        return -1;
    for (const char *s = text ? text : ""; *s; s++) {
        const char *esc = *s == '\n' ? "\\n" : *s == '\t' ? "\\t" : *s == '\\' ? "\\\\"
                        : *s == '|' ? "\\|" : NULL;
        if ((size_t)len + 3 >= n || ((unsigned char)*s < 0x20 && !esc))
            return -1; /* too long, or a control character that would not read back */
        if (esc) {
            buf[len++] = esc[0];
            buf[len++] = esc[1];
        } else {
            buf[len++] = *s;
        }
    }
    buf[len] = '\0';
    return len;
}

char *jverb_word(char **s)
{
    char *p = *s;
    while (*p == ' ' || *p == '\t')
        p++;
    if (!*p) {
        *s = p;
        return NULL;
    }
    char *w = p;
    while (*p && *p != ' ' && *p != '\t')
        p++;
    if (*p)
        *p++ = '\0';
    *s = p;
    return w;
}

int jverb_annotation(const char *word)
{
    /* The annotation kinds DESIGN.md names before this build implements
     * them, ending with NULL. `details` was the last one (issue 18); a
     * kind a later issue plans goes here until it is built. */
    static const char *const later[] = {NULL};
    for (size_t i = 0; later[i]; i++)
        if (strcmp(word, later[i]) == 0)
            return 1;
    return 0;
}

void jline_free(bh_jline *l)
{
    free(l->a);
    free(l->b);
    free(l->text);
    free(l->body);
    l->a = l->b = l->text = l->body = NULL;
}

int jverb_oom(bh_jline *l, bh_status *st, bh_err *err)
{
    jline_free(l);
    *st = err_set(err, BH_ENOMEM, "", 0, "out of memory");
    return 1;
}

static char *skip_blank(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    return s;
}

static size_t trimmed(const char *s, size_t n)
{
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    return n;
}

/* The first '|' that no backslash escapes, or NULL. */
static char *bar(char *s)
{
    for (; *s; s++) {
        if (*s == '\\' && s[1])
            s++;
        else if (*s == '|')
            return s;
    }
    return NULL;
}

static const struct {
    const char *word;
    bh_jverb verb;
    const char *takes;
} verbs[] = {
    {"fire", JV_FIRE, "an inject id"},
    {"extend", JV_EXTEND, "a decision id and a duration such as 30m"},
    {"freeze", JV_FREEZE, "a decision id"},
    {"unfreeze", JV_UNFREEZE, "a decision id"},
    {"adjust", JV_ADJUST, "a meter id, an amount such as +5 or -2.5, and a reason"},
    {"message", JV_MESSAGE, "a title, then '|', then the body"},
    {"end", JV_END, "a reason"},
};

static bh_status parse_args(const bh_plan *p, int k, char *s, bh_jline *l, const char *hint,
                            bh_err *err)
{
    char *a = NULL, *arg = NULL, *rest;
    int bad = 0;
    switch (verbs[k].verb) {
    case JV_FIRE: case JV_FREEZE: case JV_UNFREEZE:
        bad = !(a = jverb_word(&s)) || jverb_word(&s);
        break;
    case JV_EXTEND:
        bad = !(a = jverb_word(&s)) || !(arg = jverb_word(&s)) || jverb_word(&s);
        if (!bad && (dur_parse(arg, &l->dur) != 0 || l->dur <= 0))
            return err_set(err, BH_EJOURNAL, p->name, l->line,
                           "'extend' needs a duration longer than 0 such as 30m or 1h30m, not "
                           "'%s'%s", arg, hint);
        break;
    case JV_ADJUST:
        bad = !(a = jverb_word(&s)) || !(arg = jverb_word(&s));
        if (!bad && text_decimal_parse(arg, &l->amount) != 0)
            return err_set(err, BH_EJOURNAL, p->name, l->line,
                           "'adjust' needs an amount such as +5 or -2.5 (at most three decimals, "
                           "after a '.'), not '%s'%s", arg, hint);
        rest = skip_blank(s);
        bad = bad || !*rest;
        if (!bad && !(l->text = jverb_unescape(rest, trimmed(rest, strlen(rest)))))
            return err_set(err, BH_ENOMEM, "", 0, "out of memory");
        break;
    case JV_MESSAGE: {
        rest = skip_blank(s);
        char *b = bar(rest);
        size_t tn = trimmed(rest, b ? (size_t)(b - rest) : strlen(rest));
        char *body = b ? skip_blank(b + 1) : rest + strlen(rest);
        bad = tn == 0;
        if (!bad && (!(l->text = jverb_unescape(rest, tn)) ||
                     !(l->body = jverb_unescape(body, trimmed(body, strlen(body))))))
            return err_set(err, BH_ENOMEM, "", 0, "out of memory");
        break;
    }
    default: /* JV_END */
        rest = skip_blank(s);
        bad = !*rest;
        if (!bad && !(l->text = jverb_unescape(rest, trimmed(rest, strlen(rest)))))
            return err_set(err, BH_ENOMEM, "", 0, "out of memory");
        break;
    }
    if (bad)
        return err_set(err, BH_EJOURNAL, p->name, l->line, "'%s' takes %s%s", verbs[k].word,
                       verbs[k].takes, hint);
    if (a && !(l->a = mem_strdup(a)))
        return err_set(err, BH_ENOMEM, "", 0, "out of memory");
    return BH_OK;
}

int jverb_parse(const bh_plan *p, const char *word, char *args, bh_jline *l, const char *hint,
                bh_status *st, bh_err *err)
{
    for (size_t k = 0; k < sizeof verbs / sizeof *verbs; k++)
        if (strcmp(word, verbs[k].word) == 0) {
            l->verb = verbs[k].verb;
            *st = parse_args(p, (int)k, args, l, hint, err);
            return 1;
        }
    return 0;
}

bh_status jverb_no_such(const bh_plan *p, const bh_jline *l, const char *what, const void *base,
                        size_t n, size_t stride, size_t offset, bh_err *err)
{
    char hint[160];
    text_suggest(l->a, base, n, stride, offset, hint, sizeof hint);
    return err_set(err, BH_EJOURNAL, p->name, l->line, "no %s '%s' in this scenario%s", what,
                   l->a, hint);
}

#define NO_SUCH(what, arr, type, field)                                                    \
    return jverb_no_such(p, l, what, d->arr, d->n##arr, sizeof(type), offsetof(type, field), \
                         err)

bh_status jverb_resolve(const bh_plan *p, const bh_jline *l, const bh_defs *d, bh_input *out,
                        bh_err *err)
{
    out->text = l->text;
    out->body = l->body;
    out->dur = l->dur;
    out->amount = l->amount;
    switch (l->verb) {
    case JV_FIRE:
        out->kind = IN_FIRE;
        if ((out->a = defs_inject(d, l->a)) < 0)
            NO_SUCH("inject", injects, bh_inject_def, id);
        return BH_OK;
    case JV_EXTEND: case JV_FREEZE: case JV_UNFREEZE:
        out->kind = l->verb == JV_EXTEND ? IN_EXTEND : l->verb == JV_FREEZE ? IN_FREEZE
                                                                            : IN_UNFREEZE;
        if ((out->a = defs_decision(d, l->a)) < 0)
            NO_SUCH("decision", decisions, bh_decision_def, id);
        return BH_OK;
    case JV_ADJUST:
        out->kind = IN_ADJUST;
        if ((out->a = defs_meter(d, l->a)) < 0)
            NO_SUCH("meter", meters, bh_meter_def, id);
        return BH_OK;
    case JV_MESSAGE:
        out->kind = IN_MESSAGE;
        return BH_OK;
    case JV_END:
        out->kind = IN_END;
        return BH_OK;
    default:
        return err_set(err, BH_EJOURNAL, p->name, l->line, "not a facilitator's line");
    }
}

int jverb_format(const bh_defs *d, const bh_input *in, char *buf, size_t n)
{
    char t[32], v[40];
    dur_format(in->time, t, sizeof t);
    switch (in->kind) {
    case IN_FIRE:
        return snprintf(buf, n, "%s fire %s", t, d->injects[in->a].id);
    case IN_EXTEND:
        return snprintf(buf, n, "%s extend %s %s", t, d->decisions[in->a].id,
                        dur_format(in->dur, v, sizeof v));
    case IN_FREEZE: case IN_UNFREEZE:
        return snprintf(buf, n, "%s %s %s", t, in->kind == IN_FREEZE ? "freeze" : "unfreeze",
                        d->decisions[in->a].id);
    case IN_ADJUST: {
        int len = snprintf(buf, n, "%s adjust %s %s ", t, d->meters[in->a].id,
                           text_decimal_format(in->amount, v, sizeof v));
        return (size_t)len < n ? jverb_escape(buf, len, n, in->text) : -1;
    }
    case IN_MESSAGE: {
        int len = snprintf(buf, n, "%s message ", t);
        len = (size_t)len < n ? jverb_escape(buf, len, n, in->text) : -1;
        const char *sep = in->body && in->body[0] ? " | " : " |";
        if (len < 0 || (size_t)len + strlen(sep) >= n)
            return -1;
        len += snprintf(buf + len, n - (size_t)len, "%s", sep);
        return jverb_escape(buf, len, n, in->body);
    }
    case IN_END: {
        int len = snprintf(buf, n, "%s end ", t);
        return (size_t)len < n ? jverb_escape(buf, len, n, in->text) : -1;
    }
    default:
        return -1;
    }
}
