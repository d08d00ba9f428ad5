/* rp_exec: the report's executive part, written once for Markdown and
 * HTML through their rp_markup (like the room's and the objectives'): the
 * cover with the exercise's details (the model's optional "details": date,
 * venue, organisation, facilitator, participants by role), then the
 * executive summary: the outcome and its findings that held, the
 * objectives and how the room did on each, three strengths and three areas
 * for improvement ("summary", picked by rp_summary.c's rule), and the
 * decisions that mattered most (from what-if replays). Also the appendix:
 * every background consequence, one row each, which the timeline story
 * folds into a row a day. */
#include <string.h>

#include "report/rp_report.h"

static void text(FILE *f, const rp_markup *m, const char *s) { m->text(f, s); }

/* One list item. */
static void item(FILE *f, const rp_markup *m, const char *s)
{
    fputs(m->li, f);
    text(f, m, s);
    fputs(m->li_end, f);
}

static void heading(FILE *f, const rp_markup *m, const char *h)
{
    fputs(m->h2, f);
    text(f, m, h);
    fputs(m->h2_end, f);
}

/* Paragraphs split at blank lines, each on one line. */
static void paras(FILE *f, const rp_markup *m, const char *s)
{
    char buf[4096];
    while (*s) {
        const char *e = strstr(s, "\n\n");
        size_t n = e ? (size_t)(e - s) : strlen(s);
        if (n >= sizeof buf)
            n = sizeof buf - 1;
        memcpy(buf, s, n);
        buf[n] = 0;
        if (buf[0]) {
            fputs(m->p, f);
            text(f, m, rp_whole(buf));
            fputs(m->p_end, f);
        }
        if (!e)
            break;
        s = e;
        while (*s == '\n')
            s++;
    }
}

static void row(FILE *f, const rp_markup *m, const char *k, const char *v)
{
    if (!v || !v[0])
        return;
    fprintf(f, "%s%s", m->tr, m->hd);
    text(f, m, k);
    fprintf(f, "%s%s", m->hd_end, m->td);
    text(f, m, v);
    fprintf(f, "%s%s", m->td_end, m->tr_end);
}

/* The cover: only what the journal's `details` line gave. */
static void cover(FILE *f, const json_t *r, const rp_markup *m)
{
    const json_t *d = json_object_get(r, "details");
    if (!json_is_object(d))
        return;
    heading(f, m, "The exercise");
    fprintf(f, "%s%s%s", m->table, m->tr, m->hd);
    text(f, m, "Exercise");
    fprintf(f, "%s%s", m->hd_end, m->hd);
    text(f, m, rp_str(json_object_get(r, "scenario"), "title"));
    fprintf(f, "%s%s", m->hd_end, m->tr_end);
    m->head_end(f, 2);
    row(f, m, "Date", rp_str(d, "date"));
    row(f, m, "Venue", rp_str(d, "venue"));
    row(f, m, "Organisation", rp_str(d, "organisation"));
    row(f, m, "Facilitator", rp_str(d, "facilitator"));
    size_t i;
    const json_t *p;
    json_array_foreach(json_object_get(d, "participants"), i, p)
    {
        char k[300];
        snprintf(k, sizeof k, "%s%s", i ? "" : "Participants: ", rp_str(p, "role"));
        row(f, m, rp_whole(k), rp_str(p, "names"));
    }
    fputs(m->table_end, f);
}

static const char *tone_words(const char *tone)
{
    return strcmp(tone, "good") == 0    ? "a good outcome"
           : strcmp(tone, "bad") == 0   ? "a bad outcome"
           : strcmp(tone, "mixed") == 0 ? "a mixed outcome"
                                        : "the end";
}

static void outcome(FILE *f, const json_t *r, const rp_markup *m)
{
    const json_t *en = json_object_get(r, "ending"), *se = json_object_get(r, "session");
    heading(f, m, "Executive summary");
    fputs(m->p, f);
    if (!json_is_object(en)) {
        text(f, m, "The session has not reached an ending yet; played ");
        text(f, m, rp_str(se, "elapsed"));
        text(f, m, ".");
        fputs(m->p_end, f);
        return;
    }
    text(f, m, "Outcome: ");
    fputs(m->strong, f);
    text(f, m, rp_str(en, "title"));
    fputs(m->strong_end, f);
    text(f, m, " (");
    text(f, m, tone_words(rp_str(en, "tone")));
    text(f, m, ").");
    fputs(m->p_end, f);
    paras(f, m, rp_str(en, "text"));
    const json_t *found = json_object_get(en, "findings");
    if (!json_array_size(found))
        return;
    fputs(m->p, f);
    text(f, m, "In this session:");
    fprintf(f, "%s%s", m->p_end, m->ul);
    size_t i;
    const json_t *x;
    json_array_foreach(found, i, x)
    {
        fputs(m->li, f);
        if (rp_str(x, "error")[0]) {
            text(f, m, "(a finding could not be judged: ");
            text(f, m, rp_str(x, "error"));
            text(f, m, ")");
        } else {
            text(f, m, rp_str(x, "text"));
        }
        fputs(m->li_end, f);
    }
    fputs(m->ul_end, f);
}

static void three(FILE *f, const rp_markup *m, const char *title, const json_t *list)
{
    fputs(m->h3, f);
    text(f, m, title);
    fprintf(f, "%s%s", m->h3_end, m->ul);
    size_t i;
    const json_t *x;
    json_array_foreach(list, i, x) item(f, m, rp_str(x, "text"));
    if (!json_array_size(list))
        item(f, m, "None recorded.");
    fputs(m->ul_end, f);
}

static void mattered(FILE *f, const json_t *sum, const rp_markup *m)
{
    const json_t *list = json_object_get(sum, "mattered"), *w = json_object_get(sum, "whatif");
    heading(f, m, "Decisions that mattered most");
    fputs(m->p, f);
    if (!json_is_array(list)) {
        text(f, m, "Not weighed: the what-if replays need an ended session and its journal "
                   "(bulkhead report JOURNAL).");
        fputs(m->p_end, f);
        return;
    }
    char line[400];
    snprintf(line, sizeof line, "Each other option of each decision was played from the moment "
             "of the choice, with the room's later moves, to the end, and so was each choice made "
             "early, at its deadline instead (%d replay%s, at most %d); the decisions whose "
             "alternatives changed the most come first.",
             (int)rp_num(w, "replays"), rp_num(w, "replays") == 1 ? "" : "s",
             (int)rp_num(w, "limit"));
    text(f, m, line);
    fprintf(f, "%s%s", m->p_end, m->ul);
    size_t i;
    const json_t *x;
    json_array_foreach(list, i, x)
    {
        fputs(m->li, f);
        fputs(m->strong, f);
        text(f, m, rp_str(x, "prompt"));
        fputs(m->strong_end, f);
        text(f, m, json_is_true(json_object_get(x, "by_default")) ? " The clock chose: "
                                                                 : " The room chose: ");
        text(f, m, rp_str(x, "chosen_label"));
        text(f, m, ". ");
        text(f, m, rp_str(x, "text"));
        const json_t *late = json_object_get(x, "timing");
        if (json_is_object(late)) {
            text(f, m, " ");
            text(f, m, rp_str(late, "text"));
        }
        fputs(m->li_end, f);
    }
    if (!json_array_size(list))
        item(f, m, "No decision was taken, so none could be weighed.");
    fputs(m->ul_end, f);
}

void rp_exec_part(FILE *f, const json_t *r, const rp_markup *m)
{
    const json_t *sum = json_object_get(r, "summary");
    cover(f, r, m);
    outcome(f, r, m);
    rp_objectives_section(f, r, m);
    heading(f, m, "Strengths and areas for improvement");
    fputs(m->p, f);
    text(f, m, "The three that matter most of each: a broken promise, then a decision left to "
               "the clock, then advice not taken come first among the improvements; the full "
               "lists follow the analysis by function.");
    fputs(m->p_end, f);
    three(f, m, "Strengths", json_object_get(sum, "strengths"));
    three(f, m, "Areas for improvement", json_object_get(sum, "improvements"));
    mattered(f, sum, m);
}

static void cell_change(FILE *f, const rp_markup *m, const json_t *r, const json_t *c)
{
    char buf[400], a[64], b[64];
    rp_change_ends(r, c, a, b, sizeof a);
    snprintf(buf, sizeof buf, "%s %s to %s", rp_str(c, "label"), a, b);
    text(f, m, rp_whole(buf));
}

void rp_appendix(FILE *f, const json_t *r, const rp_markup *m)
{
    heading(f, m, "Appendix: every consequence of earlier choices");
    fputs(m->p, f);
    text(f, m, "The background effects the timeline folds into one row a day, one row each.");
    fprintf(f, "%s%s%s%s", m->p_end, m->long_table, m->tr, m->hd);
    text(f, m, "Time");
    fprintf(f, "%s%s", m->hd_end, m->hd);
    text(f, m, "Clock");
    fprintf(f, "%s%s", m->hd_end, m->hd);
    text(f, m, "What it changed");
    fprintf(f, "%s%s", m->hd_end, m->tr_end);
    m->head_end(f, 3);
    size_t i, k, rows = 0;
    const json_t *ev, *c;
    json_array_foreach(json_object_get(r, "timeline"), i, ev)
    {
        if (strcmp(rp_str(ev, "kind"), "change") != 0)
            continue;
        fprintf(f, "%s%s", m->tr, m->tm);
        text(f, m, rp_str(ev, "stamp"));
        fprintf(f, "%s%s", m->tm_end, m->tm);
        text(f, m, rp_str(ev, "clock"));
        fprintf(f, "%s%s", m->tm_end, m->td);
        json_array_foreach(json_object_get(ev, "changes"), k, c)
        {
            if (k)
                text(f, m, "; ");
            cell_change(f, m, r, c);
        }
        fprintf(f, "%s%s", m->td_end, m->tr_end);
        rows++;
    }
    if (!rows) {
        fprintf(f, "%s%s", m->tr, m->td);
        text(f, m, "None.");
        fprintf(f, "%s%s%s%s%s%s%s", m->td_end, m->td, m->td_end, m->td, m->td_end, m->tr_end, "");
    }
    fputs(m->table_end, f);
}

/* The story rows that follow timeline item `after`. */
static void rows_after(FILE *f, const json_t *r, long after,
                       void (*bg)(FILE *f, const json_t *r, const json_t *row))
{
    size_t j;
    const json_t *row;
    json_array_foreach(json_object_get(r, "timeline_story"), j, row)
    {
        if ((long)rp_num(row, "after") == after)
            bg(f, r, row);
    }
}

void rp_story_rows(FILE *f, const json_t *r,
                   void (*event)(FILE *f, const json_t *r, const json_t *ev),
                   void (*bg)(FILE *f, const json_t *r, const json_t *row))
{
    const json_t *tl = json_object_get(r, "timeline"), *ev;
    size_t i;
    rows_after(f, r, -1, bg);
    json_array_foreach(tl, i, ev)
    {
        if (strcmp(rp_str(ev, "kind"), "change") != 0) /* else folded, in full in the appendix */
            event(f, r, ev);
        rows_after(f, r, (long)i, bg);
    }
}
