/* pk_util: the small writers the pack's parts share: HTML text and
 * paragraphs, times for people (real minutes at the planned pace,
 * simulated time with the scenario's calendar, durations), whether the
 * cut reaches a message or decision and how likely it is, the facilitator
 * notes and the discussion questions. Calls nothing above it. */
#include <math.h>
#include <string.h>

#include "report/pk_internal.h"

/* Span by span: everything up to the next character HTML reserves goes
 * out in one piece, that character as its entity. */
void pk_text(FILE *f, const char *s)
{
    static const char *const ent[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&#39;"};
    static const char reserved[] = "&<>\"'";
    while (*s) {
        size_t run = strcspn(s, reserved);
        fwrite(s, 1, run, f);
        s += run;
        if (*s)
            fputs(ent[strchr(reserved, *s++) - reserved], f);
    }
}

void pk_paras(FILE *f, const char *s)
{
    if (!s || !s[0])
        return;
    fputs("<p>", f);
    while (*s) {
        const char *gap = strstr(s, "\n\n");
        size_t run = gap ? (size_t)(gap - s) : strlen(s);
        char buf[2048];
        while (run > 0) { /* pk_text wants a string: a piece at a time */
            size_t k = run < sizeof buf - 1 ? run : sizeof buf - 1;
            memcpy(buf, s, k);
            buf[k] = 0;
            pk_text(f, buf);
            s += k;
            run -= k;
        }
        if (!gap)
            break;
        while (*s == '\n')
            s++;
        if (*s)
            fputs("</p>\n<p>", f);
    }
    fputs("</p>\n", f);
}

char *pk_real(const pk_plan *p, bh_time t, char *buf, size_t n)
{
    long long s = (long long)llround((double)t / p->rate);
    snprintf(buf, n, "%lld:%02lld", s / 60, s % 60);
    return buf;
}

char *pk_dur(bh_time t, char *buf, size_t n)
{
    long long d = t / 86400, h = t % 86400 / 3600, m = t % 3600 / 60, s = t % 60;
    char *o = buf;
    size_t left = n;
    buf[0] = 0;
#define PART(v, u)                                                              \
    if (v && left > 1) {                                                        \
        int w = snprintf(o, left, "%s%lld%s", o == buf ? "" : " ", v, u);       \
        if (w > 0 && (size_t)w < left) o += w, left -= (size_t)w;              \
    }
    PART(d, "d") PART(h, "h") PART(m, "m") PART(s, "s")
#undef PART
    if (o == buf)
        snprintf(buf, n, "0m");
    return buf;
}

char *pk_sim(const pk_plan *p, bh_time t, char *buf, size_t n)
{
    char cal[40];
    cal_format_short(p->d->scenario.start_epoch + t, cal, sizeof cal);
    snprintf(buf, n, "T+%lldd %02lld:%02lld (%s)", (long long)(t / 86400),
             (long long)(t % 86400 / 3600), (long long)(t % 3600 / 60), cal);
    return buf;
}

int pk_inject_in(const pk_plan *p, const bh_inject_def *x)
{
    return x->has_at ? x->at <= p->length : x->after <= p->length;
}

int pk_decision_in(const pk_plan *p, const bh_decision_def *x)
{
    return x->has_at ? x->at <= p->length : x->after <= p->length;
}

int pk_seen(const pk_plan *p, int is_decision, size_t i)
{
    const int *v = is_decision ? p->opened : p->fired;
    int timed = is_decision ? p->d->decisions[i].has_at : p->d->injects[i].has_at;
    return v && p->runs > 0 && !timed ? v[i] : -1;
}

void pk_trigger(FILE *f, const pk_plan *p, int is_decision, size_t i, int share)
{
    char t[64];
    bh_hook when = is_decision ? p->d->decisions[i].when : p->d->injects[i].when;
    bh_time after = is_decision ? p->d->decisions[i].after : p->d->injects[i].after;
    if (when)
        fputs("when its condition holds", f);
    else
        fprintf(f, "when the scenario's code %s it", is_decision ? "opens" : "sends");
    if (after > 0)
        fprintf(f, ", not before %s, real %s", pk_sim(p, after, t, sizeof t),
                pk_real(p, after, (char[24]){0}, 24));
    int seen = share ? pk_seen(p, is_decision, i) : -1;
    if (seen > 0)
        fprintf(f, " (came in %d of %d explored sessions, %.0f%%)", seen, p->runs,
                100.0 * seen / p->runs);
    else if (seen == 0)
        fprintf(f, " (came in none of %d explored sessions)", p->runs);
}

void pk_share(FILE *f, const pk_plan *p, int is_decision, size_t i)
{
    int seen = pk_seen(p, is_decision, i);
    if (seen >= 0)
        fprintf(f, "%d of %d (%.0f%%)", seen, p->runs, 100.0 * seen / p->runs);
}

void pk_fnote(FILE *f, const bh_fnote *n)
{
    const char *label[] = {"Note", "Good play", "Expected", "Hint"};
    const char *text[] = {n->text, n->good, n->expected, n->hint};
    int any = 0;
    for (int i = 0; i < 4; i++) {
        if (!text[i] || !text[i][0])
            continue;
        if (!any++)
            fputs("<dl class=\"fnote\">\n", f);
        fprintf(f, "<dt>%s</dt><dd>", label[i]);
        pk_text(f, text[i]);
        fputs("</dd>\n", f);
    }
    if (any)
        fputs("</dl>\n", f);
}

void pk_discuss(FILE *f, const bh_texts *q)
{
    if (!q->n)
        return;
    fputs("<p class=\"lead\">Discussion questions</p>\n<ol class=\"discuss\">\n", f);
    for (size_t i = 0; i < q->n; i++) {
        fputs("<li>", f);
        pk_text(f, q->v[i]);
        fputs("</li>\n", f);
    }
    fputs("</ol>\n", f);
}

