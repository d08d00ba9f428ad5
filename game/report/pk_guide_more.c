/* pk_guide_more: the facilitator's guide's second half: the notes and
 * discussion questions on messages and actions, the interventions the
 * console offers, and where the story comes from (fact, analogy,
 * fiction, with the scenario's references and their citations). */
#include <string.h>

#include "report/pk_internal.h"

static int has_note(const bh_fnote *n)
{
    return (n->text && n->text[0]) || (n->good && n->good[0]) ||
           (n->expected && n->expected[0]) || (n->hint && n->hint[0]);
}

void pk_guide_notes(FILE *f, const pk_plan *p)
{
    const bh_defs *d = p->d;
    char real[24], sim[64];
    int any = 0, unlikely = 0;
    for (size_t i = 0; i < d->ninjects; i++) {
        const bh_inject_def *x = &d->injects[i];
        if (!pk_inject_in(p, x) || (!has_note(&x->facilitator) && !x->discuss.n))
            continue;
        if (pk_seen(p, 0, i) == 0) { /* listed as unlikely in the timeline */
            unlikely++;
            continue;
        }
        if (!any++)
            fputs("<h2 class=\"newpage\">Notes on the messages</h2>\n", f);
        fputs("<div class=\"item\">\n<h3>", f);
        pk_text(f, x->title);
        fputs("</h3>\n<p class=\"sub\">", f);
        if (x->has_at)
            fprintf(f, "Arrives at %s, real %s.", pk_sim(p, x->at, sim, sizeof sim),
                    pk_real(p, x->at, real, sizeof real));
        else
            fputs("Arrives ", f), pk_trigger(f, p, 0, i, 1), fputs(".", f);
        fputs("</p>\n", f);
        pk_fnote(f, &x->facilitator);
        pk_discuss(f, &x->discuss);
        fputs("</div>\n", f);
    }
    if (unlikely)
        fprintf(f, "<p><em>Left out: the notes on %d message%s that no explored session of this "
                   "cut met (see \"Unlikely in this session\"); <code>bulkhead pack --runs 0"
                   "</code> prints every note.</em></p>\n", unlikely, unlikely == 1 ? "" : "s");
    any = 0;
    for (size_t i = 0; i < d->nactions; i++) {
        const bh_action_def *a = &d->actions[i];
        if (!has_note(&a->facilitator) && !a->recommended)
            continue;
        if (!any++)
            fputs("<h2>Notes on the actions</h2>\n", f);
        fputs("<div class=\"item\">\n<h3>", f);
        pk_text(f, a->label);
        if (a->team >= 0 && (size_t)a->team < d->nteams)
            fputs(" <small>(", f), pk_text(f, d->teams[a->team].label), fputs(")</small>", f);
        if (a->recommended)
            fputs(" <span class=\"mark rec\">recommended</span>", f);
        fputs("</h3>\n", f);
        pk_fnote(f, &a->facilitator);
        fputs("</div>\n", f);
    }
}

void pk_guide_interventions(FILE *f)
{
    static const char *const what[][2] = {
        {"Fire", "Delivers a message now. If it was due later it does not come again then "
                 "(nor by its condition). Refused once it has arrived, unless it may come "
                 "more than once."},
        {"Extend", "Moves an open decision's deadline later, counted from the current "
                   "deadline. Refused before it opens, after the room chose, and once the "
                   "deadline has passed."},
        {"Freeze", "Stops an open decision's deadline clock; the time left is kept (extending "
                   "a frozen decision adds to it)."},
        {"Unfreeze", "Restarts a frozen deadline with the time it had left."},
        {"Adjust", "Moves a meter up or down by an amount, with a reason; clamped to the "
                   "meter's range. For good (or poor) play the scenario does not model."},
        {"Message", "Puts a message of your own in the room's inbox, from \"Facilitator\" on "
                    "the internal channel: a call from the chief executive, a nudge."},
        {"End", "Ends the session now with a reason, whatever the clock says; the debrief "
                "and the report follow."},
    };
    fputs("<h2 class=\"newpage\">Interventions</h2>\n<p>From the console's <em>Intervene</em> "
          "tab. Each is journaled like the room's own inputs and shows in the report as the "
          "facilitator's; the room sees what it did, never why.</p>\n<table>\n<thead><tr><th>"
          "Intervention</th><th>What it does</th></tr></thead>\n", f);
    for (size_t i = 0; i < sizeof what / sizeof what[0]; i++)
        fprintf(f, "<tr><td><strong>%s</strong></td><td>%s</td></tr>\n", what[i][0],
                what[i][1]);
    fputs("</table>\n<p>Besides: <em>Start/Pause clock</em>, the speed (1x to 8x), <em>Jump to "
          "next decision</em>, <em>Blank</em> the projector, <em>Put the questions up</em>, and "
          "<em>What-if</em>, which plays each option of the open decision ahead without "
          "moving the session.</p>\n", f);
}

/* How the session can end: each ending's title and tone, and when it
 * comes, as far as the declarations say. */
void pk_guide_endings(FILE *f, const pk_plan *p)
{
    const bh_defs *d = p->d;
    if (!d->nendings)
        return;
    fputs("<h2>How it can end</h2>\n<table>\n<thead><tr><th>Ending</th><th>Tone</th><th>When"
          "</th></tr></thead>\n", f);
    for (size_t i = 0; i < d->nendings; i++) {
        const bh_ending_def *e = &d->endings[i];
        int cut_end = p->cut && p->cut->ending == (int)i;
        int fallback = e->fallback && !(p->cut && p->cut->ending >= 0);
        if (!e->when && !fallback && !cut_end)
            continue; /* another cut's, or one a cut's own ending replaces */
        fputs("<tr><td>", f);
        pk_text(f, e->title);
        fprintf(f, "</td><td>%s</td><td>", e->tone ? defs_tone_name(e->tone) : "");
        if (cut_end)
            fputs("when time is up, unless an ending whose condition holds comes first", f);
        else if (e->when)
            fputs("as soon as its condition holds", f);
        else
            fputs("when time is up and no other ending came", f);
        fputs("</td></tr>\n", f);
    }
    fputs("</table>\n", f);
}

static const char *kind_word(bh_source s)
{
    return s == SRC_FACT ? "Fact" : s == SRC_ANALOGY ? "Analogy" : s == SRC_FICTION ? "Fiction"
                                                                                  : "Not marked";
}

/* A reference: its title and citation in the list; in the table its
 * number in that list and its title. */
static void cite(FILE *f, const bh_defs *d, const char *ref, int full)
{
    int r = ref ? defs_reference(d, ref) : -1;
    if (r < 0)
        return;
    if (!full)
        fprintf(f, "[%d] ", r + 1);
    pk_text(f, d->references[r].title);
    if (full && d->references[r].cite && d->references[r].cite[0])
        fputs(" &mdash; ", f), pk_text(f, d->references[r].cite);
}

void pk_guide_sources(FILE *f, const pk_plan *p)
{
    const bh_defs *d = p->d;
    int count[4] = {0};
    for (size_t i = 0; i < d->ninjects; i++)
        if (pk_inject_in(p, &d->injects[i]) && pk_seen(p, 0, i) != 0)
            count[d->injects[i].source]++;
    fputs("<h2 class=\"newpage\">Sources: fact, analogy and fiction</h2>\n", f);
    fprintf(f, "<p>Of the messages this session can bring (the unlikely ones aside), %d are "
               "facts from public reporting "
               "of the incident, %d are analogies from another real incident, and %d are "
               "fiction written for the exercise%s. The table lists each one that cites a source. "
               "Say which is which when the room asks; "
               "the debrief's fact check lists them too.</p>\n", count[SRC_FACT],
            count[SRC_ANALOGY], count[SRC_FICTION], count[SRC_NONE] ? " (some not marked)" : "");
    fputs("<table>\n<thead><tr><th>Message or action</th><th>Kind</th><th>Source (see the "
          "references below)</th></tr>"
          "</thead>\n", f);
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < (pass ? d->nactions : d->ninjects); i++) {
            const char *label = pass ? d->actions[i].label : d->injects[i].title;
            bh_source s = pass ? d->actions[i].source : d->injects[i].source;
            const char *ref = pass ? d->actions[i].ref : d->injects[i].ref;
            int likely = pass || (pk_inject_in(p, &d->injects[i]) && pk_seen(p, 0, i) != 0);
            if (!likely || ((s == SRC_FICTION || s == SRC_NONE) && !ref))
                continue;
            fputs("<tr><td>", f);
            pk_text(f, label);
            fprintf(f, "%s</td><td>%s</td><td>", pass ? " <em>(action)</em>" : "", kind_word(s));
            cite(f, d, ref, 0);
            fputs("</td></tr>\n", f);
        }
    fputs("</table>\n", f);
    if (!d->nreferences)
        return;
    fputs("<h3>References</h3>\n<ol class=\"refs\">\n", f);
    for (size_t i = 0; i < d->nreferences; i++) {
        fputs("<li>", f);
        cite(f, d, d->references[i].id, 1);
        fputs("</li>\n", f);
    }
    fputs("</ol>\n", f);
}
