/* pk_pack: the pack's document and what its two parts share: the plan of
 * the day (how the agenda's minutes divide, what pace the clock keeps),
 * times for people, and HTML text. See pk_pack.h. */
#include <math.h>
#include <string.h>

#include "report/pk_internal.h"
#include "report/pk_pack.h"
#include "report/rp_report.h"

int pk_parse_part(const char *s)
{
    if (strcmp(s, "all") == 0)
        return PK_ALL;
    if (strcmp(s, "participants") == 0)
        return PK_PARTICIPANTS;
    if (strcmp(s, "facilitator") == 0)
        return PK_FACILITATOR;
    return -1;
}

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

void pk_trigger(FILE *f, const pk_plan *p, int is_decision, size_t i)
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
    int seen = pk_seen(p, is_decision, i);
    if (seen > 0)
        fprintf(f, " (came in %d of %d explored sessions, %.0f%%)", seen, p->runs,
                100.0 * seen / p->runs);
    else if (seen == 0)
        fprintf(f, " (came in none of %d explored sessions)", p->runs);
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

static int round5(double m)
{
    return (int)(floor(m / 5 + 0.5) * 5);
}

static int clampi(int v, int lo, int hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

/* The agenda's blocks. A cut plans its minutes; the whole scenario does
 * not, so it gets what the flagships' cuts plan: the clock at 1x about a
 * third of the workshop. The briefing takes about 15% (5 to 20 minutes),
 * the hot wash about 25% (10 to 45); play is the rest, clock and the
 * discussion at each decision. */
static void plan_make(pk_plan *p, const bh_defs *d, const pk_opts *o)
{
    memset(p, 0, sizeof *p);
    p->d = d;
    p->file = o->file ? rp_base_name(o->file) : "";
    int c = o->cut ? defs_cut(d, o->cut) : -1;
    p->cut = c >= 0 ? &d->cuts[c] : NULL;
    p->length = p->cut ? p->cut->length : d->scenario.length;
    p->rate = p->cut && p->cut->rate > 0 ? p->cut->rate : d->scenario.rate;
    if (p->rate <= 0)
        p->rate = 60;
    p->clock_min = (double)p->length / p->rate / 60;
    p->agenda_given = p->cut && p->cut->agenda > 0;
    p->agenda = p->agenda_given ? p->cut->agenda : clampi(round5(p->clock_min * 3), 30, 100000);
    p->briefing = clampi(round5(p->agenda * 0.15), 5, 20);
    p->hotwash = clampi(round5(p->agenda * 0.25), 10, 45);
    p->play = p->agenda - p->briefing - p->hotwash;
    p->runs = o->runs;
    p->fired = o->fired;
    p->opened = o->opened;
    /* the decisions the room will likely meet: explored sessions saw them */
    for (size_t i = 0; i < d->ndecisions; i++)
        p->pauses += pk_decision_in(p, &d->decisions[i]) && pk_seen(p, 1, i) != 0;
    double spare = p->play - p->clock_min;
    p->per_pause = p->pauses && spare > 0 ? spare / p->pauses : 0;
}

static const char *css =
    "body{font-family:'DejaVu Sans',Arial,Helvetica,sans-serif;color:#17202a;max-width:60em;"
    "margin:2em auto;padding:0 1em;line-height:1.4}\n"
    "h1{font-size:1.7em;margin:.2em 0 .1em}\n"
    "h2{font-size:1.25em;color:#1f6fb2;margin:1.3em 0 .4em;border-bottom:1px solid #c5ced8}\n"
    "h3{font-size:1.05em;margin:1em 0 .3em}\n"
    ".band{font-size:.85em;font-weight:bold;letter-spacing:.12em;text-transform:uppercase;"
    "padding:.35em .6em;color:#fff;background:#1f6fb2}\n"
    ".facilitator .band{background:#8a1c1c}\n"
    ".sub{color:#4a5866;margin:.2em 0 1em}\n"
    "table{border-collapse:collapse;width:100%;margin:.4em 0 .9em;font-size:.92em}\n"
    "th,td{border:1px solid #c5ced8;padding:.25em .45em;text-align:left;vertical-align:top}\n"
    "th{background:#eef2f6}\n"
    "td.t{white-space:nowrap;font-variant-numeric:tabular-nums}\n"
    "td.you{width:5.5em}\n"
    ".lead{font-weight:bold;margin:.6em 0 .2em}\n"
    "dl.fnote{margin:.3em 0 .6em;padding:.3em .6em;border-left:3px solid #8a1c1c;"
    "background:#fbf3f2}\n"
    "dl.fnote dt{font-weight:bold;float:left;clear:left;width:7em}\n"
    "dl.fnote dd{margin:0 0 .2em 7.3em}\n"
    ".mark{font-size:.8em;font-weight:bold;border:1px solid;border-radius:3px;padding:0 .3em;"
    "white-space:nowrap}\n"
    ".rec{color:#1d7a46}.def{color:#8a5a00}\n"
    ".item{break-inside:avoid;margin-bottom:.8em}\n"
    ".box{display:inline-block;width:1.5em;height:1.5em;border:1px solid #4a5866;"
    "text-align:center;line-height:1.5em;font-size:.8em;color:#4a5866;margin-right:.35em}\n"
    ".write{border-bottom:1px solid #8796a5;height:1.9em}\n"
    ".q{break-inside:avoid;margin:.7em 0}\n"
    ".warn{border:1px solid #b3261e;color:#b3261e;padding:.3em .6em}\n"
    "@media print{body{margin:0;max-width:none;font-size:10pt}"
    "h2,h3,.lead{break-after:avoid}thead{display:table-header-group}tr{break-inside:avoid}}\n"
    ".part+.part,.newpage{break-before:page}\n"
    "@page{size:A4;margin:15mm 16mm}\n";

bh_status pk_write(FILE *f, const char *name, const bh_defs *d, const pk_opts *o, bh_err *err)
{
    pk_plan p;
    plan_make(&p, d, o);
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>", f);
    pk_text(f, d->scenario.title ? d->scenario.title : "");
    fputs(o->part == PK_PARTICIPANTS ? ": situation manual"
          : o->part == PK_FACILITATOR ? ": facilitator's guide" : ": workshop pack", f);
    fprintf(f, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", css);
    if (o->part != PK_FACILITATOR)
        pk_manual(f, &p);
    if (o->part != PK_PARTICIPANTS)
        pk_guide(f, &p);
    fputs("</body>\n</html>\n", f);
    if (fflush(f) != 0 || ferror(f))
        return err_set(err, BH_EIO, name, 0, "cannot write the pack");
    return BH_OK;
}
