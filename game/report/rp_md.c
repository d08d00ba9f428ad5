/* rp_md: the report as Markdown, for wikis and tickets. Sections follow the
 * after-action report and improvement plan (AAR/IP) used by exercise
 * programmes: overview, objectives, outcome, timeline, analysis, strengths,
 * areas for improvement and an improvement plan for the room to fill in. */
#include <string.h>

#include "report/rp_report.h"

/* Scenario text is the author's, not Markdown: angle brackets are escaped
 * (no raw HTML reaches a wiki), and so is anything that would start a
 * heading, list or quote at the start of a line. */
static void text_esc(FILE *f, const char *s, int one_line, int in_table)
{
    int line_start = 1;
    for (; *s; s++) {
        char c = *s;
        if (c == '\r' || c == '\t' || (c == '\n' && one_line))
            c = ' ';
        if (line_start && !one_line && strchr("#>-*+|=", c))
            fputc('\\', f);
        if (c == '<' || c == '>' || (c == '|' && in_table))
            fputc('\\', f);
        fputc(c, f);
        line_start = c == '\n';
    }
}

/* Text inside a table cell: one line, pipes escaped. */
static void cell(FILE *f, const char *s) { text_esc(f, s, 1, 1); }
/* A heading or a list item: one line. */
static void inline_text(FILE *f, const char *s) { text_esc(f, s, 1, 0); }

/* A paragraph: kept as written, with blank lines between paragraphs. */
static void para(FILE *f, const char *s)
{
    if (!s[0])
        return;
    text_esc(f, s, 0, 0);
    fputs("\n\n", f);
}

/* "- TEXT\n" */
static void bullet(FILE *f, const char *s)
{
    fputs("- ", f);
    inline_text(f, s);
    fputs("\n", f);
}

static void stamp_of(FILE *f, const json_t *o) { fprintf(f, "%s", rp_str(o, "stamp")); }

static void changes(FILE *f, const json_t *r, const json_t *ev)
{
    char a[64], b[64];
    const json_t *ch = json_object_get(ev, "changes");
    size_t i;
    const json_t *c;
    json_array_foreach(ch, i, c)
    {
        fputs(i ? "; " : "", f);
        cell(f, rp_str(c, "label"));
        rp_change_ends(r, c, a, b, sizeof a);
        fprintf(f, " %s → %s", a, b);
    }
}

/* A day's background consequences: each one's net change. */
static void net_changes(FILE *f, const json_t *r, const json_t *ev)
{
    size_t i;
    const json_t *c;
    char buf[400];
    json_array_foreach(json_object_get(ev, "changes"), i, c)
    {
        rp_net_text(r, c, buf, sizeof buf);
        fputs(i ? "; " : "", f);
        cell(f, buf);
    }
}

/* A day's background row of the timeline story. */
static void background(FILE *f, const json_t *r, const json_t *ev)
{
    if (rp_num(ev, "bucket_s") >= 86400)
        fprintf(f, "| Day %d", (int)rp_num(ev, "day"));
    else
        fprintf(f, "| %s", rp_str(ev, "stamp"));
    fprintf(f, " | %s–%s | **Background** ", rp_str(ev, "clock"), rp_str(ev, "until_clock"));
    cell(f, rp_str(ev, "title"));
    fputs(" | ", f);
    net_changes(f, r, ev);
    fputs(" |\n", f);
}

/* One event of the timeline. */
static void event_row(FILE *f, const json_t *r, const json_t *ev)
{
    fputs("| ", f);
    stamp_of(f, ev);
    fprintf(f, " | %s | **%s** ", rp_str(ev, "clock"), rp_event_word(rp_str(ev, "kind")));
    cell(f, rp_str(ev, "title")[0] ? rp_str(ev, "title") : rp_str(ev, "text"));
    if (rp_str(ev, "option")[0]) {
        fputs(": ", f);
        cell(f, rp_str(ev, "text"));
    }
    if (strcmp(rp_str(ev, "source"), "fact") == 0)
        fputs(" (fact)", f);
    else if (strcmp(rp_str(ev, "source"), "analogy") == 0)
        fputs(" (analogy)", f);
    fputs(" | ", f);
    changes(f, r, ev);
    fputs(" |\n", f);
}

static const rp_markup markup; /* below, with the writers it needs */

static void overview(FILE *f, const json_t *r)
{
    const json_t *sc = json_object_get(r, "scenario"), *se = json_object_get(r, "session"),
                 *en = json_object_get(r, "ending");
    fputs("# After-action report: ", f);
    inline_text(f, rp_str(sc, "title"));
    fputs("\n\n", f);
    rp_exec_part(f, r, &markup);
    fputs("## Overview\n\n| | |\n|---|---|\n", f);
    fputs("| Scenario | ", f);
    cell(f, rp_str(sc, "title"));
    fputs(" (", f);
    cell(f, rp_base_name(rp_str(sc, "file")));
    fputs(") |\n| Based on | ", f);
    cell(f, rp_str(sc, "based_on")[0] ? rp_str(sc, "based_on") : "fiction");
    fprintf(f, " |\n| Exercise start | %s |\n| Scenario length | %s |\n", rp_str(sc, "start"),
            rp_str(sc, "length"));
    const json_t *cut = json_object_get(sc, "cut");
    if (json_is_object(cut)) {
        fputs("| Session cut | ", f);
        cell(f, rp_str(cut, "label"));
        fprintf(f, " (%s, %s) |\n", rp_str(cut, "id"), rp_str(cut, "length"));
    }
    fprintf(f, "| Played | %s (%s) |\n", rp_str(se, "elapsed"), rp_str(se, "status"));
    fputs("| Outcome | ", f);
    cell(f, json_is_object(en) ? rp_str(en, "title") : "not reached yet");
    fprintf(f, " |\n| Seed | %s |\n", rp_str(se, "seed"));
    if (json_is_string(json_object_get(se, "journal"))) {
        fputs("| Journal | ", f);
        cell(f, rp_base_name(rp_str(se, "journal")));
        fputs(" |\n", f);
    }
    fputs("\n", f);
    const char *stakes = rp_stakes_heading(json_is_array(json_object_get(r, "objectives")), r);
    if (stakes) {
        fprintf(f, "## %s\n\n", stakes);
        para(f, rp_str(sc, "stakes"));
    }
    if (rp_str(se, "error")[0])
        fprintf(f, "**The scenario stopped with an error:** %s\n\n", rp_str(se, "error"));
}

static void timeline(FILE *f, const json_t *r)
{
    fputs("## Timeline\n\nBackground consequences of earlier choices are folded into one row "
          "a day (an hour or a few in a short session); the appendix lists each one.\n\n| Time | Clock | Event | What it changed |\n"
          "|---|---|---|---|\n", f);
    rp_story_rows(f, r, event_row, background);
    size_t i;
    fputs("\n## Meters\n\n| Meter | Start | Final | Better |\n|---|---|---|---|\n", f);
    const json_t *m;
    json_array_foreach(json_object_get(r, "meters"), i, m)
    {
        fputs("| ", f);
        cell(f, rp_str(m, "label"));
        char a[64], b[64];
        rp_meter_ends(rp_num(m, "max") - rp_num(m, "min"), rp_num(m, "start"), rp_num(m, "final"),
                      a, b, sizeof a);
        fprintf(f, " | %s | %s | %s |\n", a, b, rp_str(m, "better"));
    }
    fputs("\n", f);
}

static void stamp_s(char *buf, size_t n, double t)
{
    dur_stamp((bh_time)t, buf, n);
}

/* The line under a table's header row. */
static void rule(FILE *f, int n)
{
    fputs("|", f);
    for (int i = 0; i < n; i++)
        fputs("---|", f);
    fputs("\n", f);
}

static const rp_markup markup = {
    .text = cell, .h2 = "## ", .h2_end = "\n\n", .h3 = "### ", .h3_end = "\n\n", .p = "",
    .p_end = "\n\n", .strong = "**", .strong_end = "**", .table = "", .table_end = "\n",
    .tr = "|", .tr_end = "\n", .hd = " ", .hd_end = " |", .td = " ", .td_end = " |",
    .em = " **", .em_end = "** |", .tm = " ", .tm_end = " |", .ul = "", .ul_end = "\n",
    .li = "- ", .li_end = "\n", .long_table = "", .head_end = rule,
};

static void decisions(FILE *f, const json_t *r)
{
    fputs("## Decisions review\n\n", f);
    size_t i;
    const json_t *d;
    json_array_foreach(json_object_get(r, "decisions"), i, d)
    {
        char opened[32], deadline[32];
        stamp_s(opened, sizeof opened, rp_num(d, "opened_s"));
        stamp_s(deadline, sizeof deadline, rp_num(d, "deadline_s"));
        fputs("### ", f);
        inline_text(f, rp_str(d, "prompt"));
        fputs("\n\n", f);
        fprintf(f, "- Opened %s%s", opened, rp_str(d, "from")[0] ? " by " : "");
        inline_text(f, rp_str(d, "from"));
        fprintf(f, ", deadline %s.\n", deadline);
        if (strcmp(rp_str(d, "state"), "decided") == 0)
        {
            fprintf(f, "- %s: **", json_is_true(json_object_get(d, "by_default"))
                                      ? "The clock chose (nobody decided)"
                                      : "The room chose");
            inline_text(f, rp_str(d, "chosen_label"));
            fputs("**.\n", f);
        }
        else
            fputs("- Still open when the report was made.\n", f);
        fputs("- The default, if time ran out: ", f);
        inline_text(f, rp_str(d, "default_label"));
        fputs(".\n", f);
        const json_t *rec = json_object_get(d, "recommended");
        if (json_array_size(rec)) {
            fputs("- What responders advise: ", f);
            size_t k;
            const json_t *x;
            json_array_foreach(rec, k, x) fprintf(f, "%s`%s`", k ? ", " : "", json_string_value(x));
            const json_t *fa = json_object_get(d, "followed_advice");
            fprintf(f, "%s\n", json_is_true(fa) ? " (followed)." : json_is_false(fa) ? " (not followed)." : ".");
        }
        fputs("\n", f);
        rp_room_votes(f, json_object_get(d, "room"), &markup);
    }
    rp_room_section(f, r, &markup);
}

static void analysis(FILE *f, const json_t *r)
{
    fputs("## Analysis by function\n\n| Function | Actions started | First | Gap |\n"
          "|---|---|---|---|\n", f);
    size_t i;
    const json_t *fn;
    json_array_foreach(json_object_get(r, "functions"), i, fn)
    {
        const json_t *acts = json_object_get(fn, "actions");
        fprintf(f, "| %s | %zu | ", rp_str(fn, "function"), json_array_size(acts));
        if (json_array_size(acts))
            stamp_of(f, json_array_get(acts, 0));
        else
            fputs("none", f);
        fputs(" | ", f);
        cell(f, rp_str(fn, "gap"));
        fputs(" |\n", f);
    }
    fputs("\n## Strengths\n\n", f);
    const json_t *x;
    json_array_foreach(json_object_get(r, "strengths"), i, x) bullet(f, json_string_value(x));
    if (!json_array_size(json_object_get(r, "strengths")))
        fputs("- None recorded.\n", f);
    fputs("\n## Areas for improvement\n\n", f);
    json_array_foreach(json_object_get(r, "improvements"), i, x) bullet(f, json_string_value(x));
    if (!json_array_size(json_object_get(r, "improvements")))
        fputs("- None recorded.\n", f);
    fputs("\n## Improvement plan\n\nFor the room to complete.\n\n"
          "| # | Area for improvement | Corrective action | Owner | Due date |\n"
          "|---|---|---|---|---|\n", f);
    json_array_foreach(json_object_get(r, "improvements"), i, x)
    {
        fprintf(f, "| %zu | ", i + 1);
        cell(f, json_string_value(x));
        fputs(" | | | |\n", f);
    }
    fputs("\n", f);
}

static void extras(FILE *f, const json_t *r)
{
    size_t i;
    const json_t *x;
    fputs("## Questions for the hot wash\n\n", f);
    json_array_foreach(json_object_get(r, "questions"), i, x)
    {
        fputs("- ", f);
        inline_text(f, rp_str(x, "question"));
        fputs(" *(after: ", f);
        inline_text(f, rp_str(x, "after"));
        fputs(")*\n", f);
    }
    fputs("\n## Fact check\n\n| Message | Source | Reference |\n|---|---|---|\n", f);
    json_array_foreach(json_object_get(r, "fact_check"), i, x)
    {
        fputs("| ", f);
        cell(f, rp_str(x, "title"));
        fputs(" | ", f);
        rp_source_cell(f, x, cell);
        fputs(" | ", f);
        cell(f, rp_str(x, "cite"));
        fputs(" |\n", f);
    }
    fputs("\n## Facilitator notes\n\n", f);
    json_array_foreach(json_object_get(r, "notes"), i, x)
    {
        fputs("- ", f);
        stamp_of(f, x);
        fputs(": ", f);
        inline_text(f, rp_str(x, "text"));
        fputs("\n", f);
    }
    if (!json_array_size(json_object_get(r, "notes")))
        fputs("- None.\n", f);
}

void rp_write_md(FILE *f, const json_t *r)
{
    overview(f, r);
    timeline(f, r);
    decisions(f, r);
    analysis(f, r);
    extras(f, r);
    fputs("\n", f);
    rp_appendix(f, r, &markup);
}
