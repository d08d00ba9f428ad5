/* pk_pack: the pack's document: the plan of the day (how the agenda's
 * minutes divide, what pace the clock keeps), the style sheet, and the two
 * parts in turn (pk_manual.c, pk_guide.c). See pk_pack.h. */
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
    "overflow-wrap:anywhere;"
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
    "td.you{width:5.5em}\ntable.sheet{font-size:.86em}\n"
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
