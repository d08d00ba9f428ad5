/* pk_guide: the facilitator's guide, the pack's second part: the day at
 * a glance, the run sheet, the timeline of the cut at the planned pace
 * and every decision with its options, default, recommended answers,
 * notes and questions. The rest of the guide is in pk_guide_more.c.
 *
 * Times are computed from the declarations alone: a message or decision
 * with `at` has a time, in simulated time and in real minutes at 1x from
 * the start of play (the cut's rate, else the scenario's); one that waits
 * on a `when` or on the scenario's code is listed as such, since when (or
 * whether) it comes depends on the room. */
#include <stdlib.h>
#include <string.h>

#include "report/pk_internal.h"

typedef struct row {
    bh_time t;
    int kind; /* 0 message, 1 decision opens, 2 decision's deadline */
    size_t i, order;
} row;

static int by_time(const void *a, const void *b)
{
    const row *x = a, *y = b;
    if (x->t != y->t)
        return x->t < y->t ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

/* D1, D2...: the decisions in the cut, in declaration order; 0 when out. */
static int dnum(const pk_plan *p, size_t i)
{
    if (!pk_decision_in(p, &p->d->decisions[i]))
        return 0;
    int n = 0;
    for (size_t k = 0; k <= i; k++)
        n += pk_decision_in(p, &p->d->decisions[k]);
    return n;
}

static void source_mark(FILE *f, bh_source s)
{
    const char *name[] = {"not marked", "fact", "fiction", "analogy"};
    fprintf(f, " <span class=\"mark\">%s</span>", name[s]);
}

static void head(FILE *f, const pk_plan *p)
{
    const bh_scenario_def *s = &p->d->scenario;
    char len[48];
    fputs("<section class=\"part facilitator\">\n<div class=\"band\">Facilitator's guide: "
          "not for the participants</div>\n<h1>", f);
    pk_text(f, s->title ? s->title : "");
    fputs("</h1>\n<table>\n", f);
    fputs("<tr><th>Session</th><td>", f);
    if (p->file[0])
        pk_text(f, p->file), fputs(", ", f);
    if (p->cut) {
        pk_text(f, p->cut->label ? p->cut->label : p->cut->id);
        fputs(" (cut <code>", f), pk_text(f, p->cut->id), fputs("</code>)", f);
    } else {
        fputs("the whole scenario", f);
    }
    fprintf(f, ": %s of simulated time</td></tr>\n", pk_dur(p->length, len, sizeof len));
    fprintf(f, "<tr><th>Pace</th><td>rate %g: a simulated hour every %.0f real seconds at 1x; "
               "the clock runs %.1f real minutes in all</td></tr>\n",
            p->rate, 3600 / p->rate, p->clock_min);
    fprintf(f, "<tr><th>Agenda</th><td>%d minutes%s: briefing %d, play %d, hot wash %d</td>"
               "</tr>\n", p->agenda, p->agenda_given ? "" : " (suggested: the scenario plans "
               "none; the clock at 1x about a third of it)", p->briefing, p->play, p->hotwash);
    fputs("</table>\n", f);
    if (p->play < p->clock_min)
        fprintf(f, "<p class=\"warn\">The play block (%d minutes) is shorter than the clock "
                   "alone (%.0f minutes at 1x): run the clock at 2x, or jump to the next "
                   "decision.</p>\n", p->play, p->clock_min);
}

static void hm(FILE *f, double min)
{
    int m = (int)(min + 0.5);
    fprintf(f, "<td class=\"t\">%d:%02d</td>", m / 60, m % 60);
}

/* The day, minute by minute from the start of the workshop: the
 * decisions' planned times add the clock at 1x and the discussion planned
 * at each decision before them. */
static void run_sheet(FILE *f, const pk_plan *p, const row *rows, size_t n)
{
    fputs("<h2>Run sheet</h2>\n", f);
    if (p->pauses)
        fprintf(f, "<p>Planned times count from the start of the workshop, with the clock at "
                   "1x and about %.0f minutes of discussion at each of the %d decisions that "
                   "may open in this session (the clock pauses itself when one opens). Write "
                   "the day's clock times in the last column.</p>\n", p->per_pause, p->pauses);
    fputs("<table class=\"sheet\">\n<thead><tr><th>Time</th><th>What happens</th>"
          "<th>Who does what</th><th>Your time</th></tr></thead>\n<tr>", f);
    hm(f, 0);
    fputs("<td><strong>Briefing</strong></td><td>Facilitator: welcome; the objectives, the "
          "background, the roles and the rules from the situation manual. Participants: sit "
          "with their team, read the manual.</td><td class=\"you\"></td></tr>\n<tr>", f);
    hm(f, p->briefing);
    fputs("<td><strong>Play starts</strong></td><td>Facilitator: Start clock; read the first "
          "message aloud. Participants: act as their teams.</td><td class=\"you\"></td></tr>\n",
          f);
    int k = 0;
    char sim[64];
    for (size_t r = 0; r < n; r++) {
        if (rows[r].kind != 1)
            continue;
        const bh_decision_def *x = &p->d->decisions[rows[r].i];
        fputs("<tr>", f);
        hm(f, p->briefing + (double)rows[r].t / p->rate / 60 + k++ * p->per_pause);
        fprintf(f, "<td>Decision D%d opens at %s: <small>", dnum(p, rows[r].i),
                pk_sim(p, rows[r].t, sim, sizeof sim));
        pk_text(f, x->prompt);
        fputs("</small></td><td>Facilitator: the clock pauses; put the questions up; extend or "
              "freeze the deadline if the room needs it. Room: discuss and choose.</td>"
              "<td class=\"you\"></td></tr>\n", f);
    }
    /* the decisions without a time: when the room's play leads to them */
    for (size_t i = 0; i < p->d->ndecisions; i++) {
        const bh_decision_def *x = &p->d->decisions[i];
        if (x->has_at || !pk_decision_in(p, x) || pk_seen(p, 1, i) == 0)
            continue;
        int seen = pk_seen(p, 1, i);
        fprintf(f, "<tr><td class=\"t\">&ndash;</td><td>Decision D%d, no fixed time",
                dnum(p, i));
        if (seen >= 0)
            fprintf(f, " (came in %.0f%% of the explored sessions)", 100.0 * seen / p->runs);
        fputs(": <small>", f);
        pk_text(f, x->prompt);
        fprintf(f, "</small></td><td>As above; allow about %.0f minutes.</td>"
                   "<td class=\"you\"></td></tr>\n", p->per_pause);
    }
    fputs("<tr>", f);
    hm(f, p->briefing + p->play);
    fputs("<td><strong>Hot wash</strong></td><td>Facilitator: the debrief on the projector; "
          "what happened, what the room chose and why, against the objectives; hand out the "
          "feedback forms. Participants: discuss, fill in the form.</td>"
          "<td class=\"you\"></td></tr>\n<tr>", f);
    hm(f, p->agenda);
    fputs("<td><strong>End</strong></td><td>Facilitator: collect the forms; write the report "
          "(<code>bulkhead report JOURNAL</code>).</td><td class=\"you\"></td></tr>\n</table>\n",
          f);
}

static void waits(FILE *f, const pk_plan *p);

static void timeline(FILE *f, const pk_plan *p, const row *rows, size_t n)
{
    const bh_defs *d = p->d;
    char real[24], sim[64], dur[48];
    fputs("<h2 class=\"newpage\">Timeline of the session</h2>\n<p>What arrives when, at the "
          "planned pace. <em>Real</em> is minutes:seconds of running clock at 1x from the start "
          "of play (pauses not counted).</p>\n<table>\n<thead><tr><th>Real</th><th>Simulated"
          "</th><th>What</th></tr></thead>\n", f);
    for (size_t r = 0; r < n; r++) {
        fprintf(f, "<tr><td class=\"t\">%s</td><td class=\"t\">%s</td><td>",
                pk_real(p, rows[r].t, real, sizeof real), pk_sim(p, rows[r].t, sim, sizeof sim));
        if (rows[r].kind == 0) {
            const bh_inject_def *x = &d->injects[rows[r].i];
            fprintf(f, "<em>%s</em> ", defs_channel_name(x->channel));
            if (x->from && x->from[0])
                pk_text(f, x->from), fputs(": ", f);
            fputs("<strong>", f), pk_text(f, x->title), fputs("</strong>", f);
            source_mark(f, x->source);
        } else {
            const bh_decision_def *x = &d->decisions[rows[r].i];
            const char *def = x->options[x->default_opt].label;
            if (rows[r].kind == 1) {
                fprintf(f, "<strong>Decision D%d opens:</strong> ", dnum(p, rows[r].i));
                pk_text(f, x->prompt);
                fprintf(f, " <em>(deadline %s, %s real)</em>", pk_dur(x->deadline, dur, sizeof dur),
                        pk_real(p, x->deadline, real, sizeof real));
            } else {
                fprintf(f, "D%d's deadline: without a choice the clock takes <em>",
                        dnum(p, rows[r].i));
                pk_text(f, def);
                fputs("</em>", f);
            }
        }
        fputs("</td></tr>\n", f);
    }
    fprintf(f, "<tr><td class=\"t\">%s</td><td class=\"t\">%s</td><td><strong>Time is up."
               "</strong> ", pk_real(p, p->length, real, sizeof real),
            pk_sim(p, p->length, sim, sizeof sim));
    int e = p->cut ? p->cut->ending : -1;
    const bh_ending_def *end = NULL;
    for (size_t i = 0; e < 0 && i < d->nendings; i++)
        if (d->endings[i].fallback)
            e = (int)i;
    if (e >= 0)
        end = &d->endings[e];
    fputs(end ? "Unless another ending came first, the session ends with <em>" : "The session "
          "stops.", f);
    if (end)
        pk_text(f, end->title), fputs("</em>.", f);
    fputs("</td></tr>\n</table>\n", f);

    waits(f, p);
}

/* One untimed message or decision of the cut, as a row of "What waits on
 * the room". */
static void wait_row(FILE *f, const pk_plan *p, int is_decision, size_t i)
{
    const bh_defs *d = p->d;
    fputs("<tr><td>", f);
    if (is_decision) {
        fprintf(f, "<strong>Decision D%d:</strong> ", dnum(p, i));
        pk_text(f, d->decisions[i].prompt);
    } else {
        const bh_inject_def *x = &d->injects[i];
        fprintf(f, "<em>%s</em> <strong>", defs_channel_name(x->channel));
        pk_text(f, x->title);
        fputs("</strong>", f);
        if (x->repeatable)
            fputs(" (may come more than once)", f);
        source_mark(f, x->source);
    }
    fputs("</td><td>", f);
    pk_trigger(f, p, is_decision, i, 0);
    if (p->runs)
        fputs("</td><td class=\"t\">", f), pk_share(f, p, is_decision, i);
    fputs("</td></tr>\n", f);
}

/* What has no time: in a table when explored sessions saw it (or nothing
 * was explored), else named in one paragraph, as unlikely in this cut. */
static void waits(FILE *f, const pk_plan *p)
{
    const bh_defs *d = p->d;
    int any = 0, unseen = 0;
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < (pass ? d->ndecisions : d->ninjects); i++) {
            int timed = pass ? d->decisions[i].has_at : d->injects[i].has_at;
            int in = pass ? pk_decision_in(p, &d->decisions[i]) : pk_inject_in(p, &d->injects[i]);
            if (timed || !in)
                continue;
            if (pk_seen(p, pass, i) == 0) {
                unseen++;
                continue;
            }
            if (!any++) {
                fputs("<h3>What waits on the room</h3>\n<p>These have no fixed time. They come "
                      "when their condition holds, or when the scenario's code sends them "
                      "(after something the room does, or another event): when, and whether, "
                      "depends on the room.", f);
                if (p->runs)
                    fprintf(f, " <em>Explored</em>: in how many of %d sessions played by simple "
                               "players (random, following the advice, cautious, idle) it "
                               "came.", p->runs);
                fputs("</p>\n<table>\n<thead><tr><th>What</th><th>Comes</th>", f);
                if (p->runs)
                    fputs("<th>Explored</th>", f);
                fputs("</tr></thead>\n", f);
            }
            wait_row(f, p, pass, i);
        }
    if (any)
        fputs("</table>\n", f);
    if (!unseen)
        return;
    fprintf(f, "<p class=\"lead\">Unlikely in this session</p>\n<p>None of the %d explored "
               "sessions of it (simple players: random, following the advice, cautious, idle) "
               "met these; a room could still get there:", p->runs);
    int k = 0;
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < (pass ? d->ndecisions : d->ninjects); i++) {
            int timed = pass ? d->decisions[i].has_at : d->injects[i].has_at;
            int in = pass ? pk_decision_in(p, &d->decisions[i]) : pk_inject_in(p, &d->injects[i]);
            if (timed || !in || pk_seen(p, pass, i) != 0)
                continue;
            fputs(k++ ? "; " : " ", f);
            if (pass)
                fprintf(f, "decision D%d, ", dnum(p, i));
            pk_text(f, pass ? d->decisions[i].prompt : d->injects[i].title);
        }
    fputs(".</p>\n", f);
}

static void decisions(FILE *f, const pk_plan *p)
{
    const bh_defs *d = p->d;
    char dur[48], real[24], sim[64];
    fputs("<h2 class=\"newpage\">The decisions</h2>\n", f);
    for (size_t i = 0; i < d->ndecisions; i++) {
        const bh_decision_def *x = &d->decisions[i];
        if (!pk_decision_in(p, x))
            continue;
        fprintf(f, "<div class=\"item\">\n<h3>D%d. ", dnum(p, i));
        pk_text(f, x->prompt);
        fputs("</h3>\n<p>", f);
        if (x->from && x->from[0])
            fputs("From ", f), pk_text(f, x->from), fputs(". ", f);
        if (x->has_at)
            fprintf(f, "Opens at %s, real %s. ", pk_sim(p, x->at, sim, sizeof sim),
                    pk_real(p, x->at, real, sizeof real));
        else
            fputs("Opens ", f), pk_trigger(f, p, 1, i, 1), fputs(". ", f);
        fprintf(f, "Deadline %s after it opens (%s real at 1x).</p>\n",
                pk_dur(x->deadline, dur, sizeof dur), pk_real(p, x->deadline, real, sizeof real));
        fputs("<table>\n<thead><tr><th>Option</th><th>What it means</th></tr></thead>\n", f);
        for (size_t k = 0; k < x->noptions; k++) {
            const bh_option_def *o = &x->options[k];
            fputs("<tr><td>", f);
            pk_text(f, o->label);
            if ((int)k == x->default_opt)
                fputs(" <span class=\"mark def\">default</span>", f);
            if (o->recommended)
                fputs(" <span class=\"mark rec\">recommended</span>", f);
            fputs("</td><td>", f);
            pk_text(f, o->text ? o->text : "");
            fputs("</td></tr>\n", f);
        }
        fputs("</table>\n", f);
        pk_fnote(f, &x->facilitator);
        pk_discuss(f, &x->discuss);
        fputs("</div>\n", f);
    }
    if (!p->pauses)
        fputs("<p>No decision opens in this session.</p>\n", f);
}

void pk_guide(FILE *f, const pk_plan *p)
{
    const bh_defs *d = p->d;
    size_t cap = d->ninjects + 2 * d->ndecisions + 1, n = 0;
    row *rows = calloc(cap, sizeof *rows);
    if (!rows) {
        fputs("<p class=\"warn\">Out of memory: the guide is incomplete.</p>\n", f);
        return;
    }
    for (size_t i = 0; i < d->ninjects; i++)
        if (d->injects[i].has_at && pk_inject_in(p, &d->injects[i]))
            rows[n] = (row){d->injects[i].at, 0, i, n}, n++;
    for (size_t i = 0; i < d->ndecisions; i++) {
        const bh_decision_def *x = &d->decisions[i];
        if (!x->has_at || !pk_decision_in(p, x))
            continue;
        rows[n] = (row){x->at, 1, i, n}, n++;
        if (x->at + x->deadline <= p->length)
            rows[n] = (row){x->at + x->deadline, 2, i, n}, n++;
    }
    qsort(rows, n, sizeof *rows, by_time);
    head(f, p);
    run_sheet(f, p, rows, n);
    timeline(f, p, rows, n);
    decisions(f, p);
    free(rows);
    pk_guide_endings(f, p);
    pk_guide_notes(f, p);
    pk_guide_interventions(f);
    pk_guide_sources(f, p);
    fputs("</section>\n", f);
}
