/* rp_report: the after-action report of a session.
 *
 * rp_build reads a session (finished or still running) and returns the
 * whole debrief as one JSON document: overview, timeline with what each
 * event changed, meter series, decisions against their deadlines and the
 * advice the scenario marks, actions by function with gaps, strengths,
 * areas for improvement, the facilitator's questions, the fact check and
 * the facilitator's notes. That document is the single model: the JSON
 * export is it verbatim, and the Markdown and HTML writers render it, so
 * the three formats can never disagree. The shape is documented in the
 * README. Reads only; never changes the session. */
#ifndef RP_REPORT_H
#define RP_REPORT_H

#include <jansson.h>
#include <stdio.h>

#include "core/err.h"
#include "core/journal.h"
#include "core/sim.h"

typedef struct rp_meta {
    const char *scenario_path; /* as recorded in the journal */
    const char *journal_path;  /* NULL when not from a file */
    /* The session's inputs, for the what-if replays of the executive
     * summary's "decisions that mattered" (rp_mattered.c); NULL: none. */
    const bh_plan *plan;
} rp_meta;

/* The report as JSON (a new reference; json_decref it). NULL on no memory. */
json_t *rp_build(const bh_sim *s, const rp_meta *m);

typedef enum { RP_JSON, RP_MARKDOWN, RP_HTML } rp_format;
/* Parse "json", "md"/"markdown", "html"; -1 when unknown. */
int rp_parse_format(const char *s);

/* Write the report in `fmt` to `f` (rp_write.c, which picks the writer).
 * Errors name `name` (the output). */
bh_status rp_write(FILE *f, const char *name, const json_t *report, rp_format fmt, bh_err *err);

/* The writers (rp_md.c, rp_html.c). */
void rp_write_md(FILE *f, const json_t *r);
void rp_write_html(FILE *f, const json_t *r);

/* Small readers the builder and the writers share (rp_read.c): "" or 0
 * when absent. */
const char *rp_str(const json_t *o, const char *key);
double rp_num(const json_t *o, const char *key);
/* The file's name without its folders: a report handed to an executive
 * should not carry the facilitator's home folder. */
const char *rp_base_name(const char *path);
/* A source kind as people read it: "Fact, from public reporting",
 * "Analogy, from another incident", "Fiction, written for the exercise"
 * or "Not marked". */
const char *rp_source_label(const char *source);
/* A fact-check item's source line: the label, for an analogy the title of
 * the incident it comes from in brackets, then ": " and the citation. The
 * debrief and the room's hot wash show the same line. */
void rp_source_line(const json_t *it, char *buf, size_t n);
/* The fact check's Source cell in the Markdown and HTML reports: the kind
 * as the model says it ("fact", "fiction"), or for an analogy "analogy:
 * from another incident (TITLE)"; `text` escapes for the format. */
void rp_source_cell(FILE *f, const json_t *it, void (*text)(FILE *f, const char *s));
/* A timeline kind ("action_started") as a word for people ("Started"). */
const char *rp_event_word(const char *kind);
/* A moment as the model writes it: "t" (seconds), "stamp" (T+0d 00:25:00)
 * and "clock" (the scenario's calendar, Sun 22:25). */
void rp_set_stamp(json_t *o, const bh_sim *s, bh_time t);
/* A background row's change (rp_story) for people: "Customer trust -6"
 * (the background's net effect), or "Portal offline → online"; `r` is the
 * report, whose "meters" give the meter's scale. */
void rp_net_text(const json_t *r, const json_t *c, char *buf, size_t n);
/* Meter values for people, with as many decimals as the meter's scale
 * and the change need, so that values that differ never print alike
 * (text_meter_decimals): rp_meter_span is meter `id`'s max - min in report
 * r (0 when unknown: read as 100); rp_meter_ends writes a and b;
 * rp_change_ends writes both ends of a change of the timeline (a meter's,
 * or a system's or team's as they are). */
double rp_meter_span(const json_t *r, const char *id);
void rp_meter_ends(double span, double a, double b, char *x, char *y, size_t n);
void rp_change_ends(const json_t *r, const json_t *c, char *from, char *to, size_t n);
/* Cut a string that snprintf may have cut inside a UTF-8 character back
 * to its last whole character (Jansson refuses invalid UTF-8). */
char *rp_whole(char *s);

/* The facilitator's interventions in the timeline (rp_facil.c): the kind
 * of a LOG_FACIL entry (a = its bh_input_kind), and its fields. */
const char *rp_facil_kind(int input_kind);
void rp_facil_event(json_t *o, const bh_sim *s, const bh_log_entry *e);

/* The room's votes and proposals (rp_room.c, issue 14), read back from
 * the session's log. rp_room_decision: the "room" object of decision i,
 * or NULL when it has no votes. rp_room: the report's top-level "room"
 * (participation per decision, given the built "decisions", and the
 * proposals with what became of them), or NULL when the session has
 * neither votes nor proposals. The shape is in rp_room.c. */
json_t *rp_room_decision(const bh_sim *s, int i);
json_t *rp_room(const bh_sim *s, const json_t *decisions);

/* How a writer marks up what rp_room_write.c writes for both of them:
 * `text` writes text escaped for the format, on one line; the strings
 * open and close a heading, a paragraph, strong text, a table, a row and
 * its cells (hd: the header row's, em: the totals', tm: a time's); head_end follows the
 * header row of a table of n columns (Markdown's |---| line). */
typedef struct rp_markup {
    void (*text)(FILE *f, const char *s);
    const char *h2, *h2_end, *h3, *h3_end, *p, *p_end, *strong, *strong_end;
    const char *table, *table_end, *tr, *tr_end, *hd, *hd_end, *td, *td_end, *em, *em_end;
    const char *tm, *tm_end;
    /* a list and its items; a long table (may break across pages) */
    const char *ul, *ul_end, *li, *li_end, *long_table;
    void (*head_end)(FILE *f, int n);
} rp_markup;
/* The room's votes on one decision (its "room", NULL: nothing), and the
 * section "The room" (nothing when the report has no "room"). */
void rp_room_votes(FILE *f, const json_t *room, const rp_markup *m);
void rp_room_section(FILE *f, const json_t *r, const rp_markup *m);
/* The exercise objectives (rp_objective.c): the model's "objectives", or
 * NULL when the scenario declares none; and the section "Objectives" with
 * how the room did on each: 1 when written, 0 when the report has none
 * (the writer then shows the stakes there, as before). */
json_t *rp_objectives(const bh_sim *s);
/* The ending's findings that held (or failed, with "error"), or NULL when
 * the session has not ended or its ending declares none. */
json_t *rp_findings(const bh_sim *s);
int rp_objectives_section(FILE *f, const json_t *r, const rp_markup *m);
/* The exercise's details (rp_details.c): the model's top-level "details",
 * {date?, venue?, organisation?, facilitator?, participants?: [{role,
 * names}]}, or NULL when no `details` line left any field set. */
json_t *rp_details(const bh_sim *s);
/* The heading the scenario's stakes go under: "Objectives" when there are
 * no objectives (as before), else "What is at stake", or NULL (no stakes). */
const char *rp_stakes_heading(int has_objectives, const json_t *r);

/* The timeline (rp_timeline.c): every event with what it changed, and the
 * story, where background consequences are folded into one row a day
 * (`report` gives the meters' scales: a net change too small to show is
 * left out); a source kind as the model names it ("fact", "analogy", ...). */
json_t *rp_timeline(const bh_sim *s);
json_t *rp_story(const json_t *report, const json_t *timeline, long elapsed);
const char *rp_source_name(bh_source s);

/* The executive summary (rp_summary.c): three strengths and three areas
 * for improvement picked from the builder's lessons ([{kind, text, weight,
 * decision?}]) by the rule documented there, and the decisions that
 * mattered most; rp_texts_of: the lessons' texts, for "strengths" and
 * "improvements". */
json_t *rp_summary(const bh_sim *s, const rp_meta *m, const json_t *decisions,
                   json_t *strengths, json_t *improve);
json_t *rp_texts_of(const json_t *lessons);
/* The decisions that mattered most, by what-if replays (rp_mattered.c),
 * highest score first, or NULL without a plan or an ended session;
 * `replays` says how many replays it made (at most RP_WHATIF_LIMIT). */
#define RP_WHATIF_LIMIT 24
json_t *rp_mattered(const bh_sim *s, const rp_meta *m, const json_t *decisions, int *replays);

/* The executive part for Markdown and HTML alike (rp_exec.c): the cover
 * (the journal's exercise details, when the report has "details"), then
 * the summary: outcome, objectives, strengths and improvements, decisions
 * that mattered. rp_story_rows: the timeline story's rows; rp_appendix:
 * every background consequence, one row each. */
void rp_exec_part(FILE *f, const json_t *r, const rp_markup *m);
void rp_appendix(FILE *f, const json_t *r, const rp_markup *m);
/* The timeline as a story: `event` for each item of "timeline" but its
 * background changes, `bg` for each row of "timeline_story" after the
 * item it follows. */
void rp_story_rows(FILE *f, const json_t *r,
                   void (*event)(FILE *f, const json_t *r, const json_t *ev),
                   void (*bg)(FILE *f, const json_t *r, const json_t *row));

#endif
