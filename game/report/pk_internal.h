/* pk_internal: what the pack's files share (pk_pack.c: the document and
 * the plan of the day; pk_util.c: small writers; pk_manual.c: the participants'
 * situation manual; pk_guide.c + pk_guide_more.c: the facilitator's guide). */
#ifndef PK_INTERNAL_H
#define PK_INTERNAL_H

#include <stddef.h>
#include <stdio.h>

#include "core/defs.h"

/* The day as planned: the cut (or the whole scenario), its pace and how
 * the agenda's minutes are shared between briefing, play and hot wash. */
typedef struct pk_plan {
    const bh_defs *d;
    const bh_cut_def *cut; /* NULL: the whole scenario */
    const char *file;      /* the scenario's file name, without folders */
    bh_time length;        /* simulated */
    double rate;           /* simulated seconds per real second at 1x */
    double clock_min;      /* real minutes the clock runs at 1x */
    int agenda, agenda_given; /* planned minutes; 1 when the cut plans them */
    int briefing, play, hotwash; /* the agenda's blocks, in minutes */
    int pauses;            /* decisions that may open in the cut */
    double per_pause;      /* minutes of discussion planned at each */
    int runs;              /* explored sessions, 0 when none */
    const int *fired, *opened; /* per inject, per decision: sessions that saw it */
} pk_plan;

/* Text escaped for HTML; paragraphs split at blank lines. */
void pk_text(FILE *f, const char *s);
void pk_paras(FILE *f, const char *s);
/* Real time at 1x from the start of play for simulated time t: "12:30"
 * (minutes:seconds). */
char *pk_real(const pk_plan *p, bh_time t, char *buf, size_t n);
/* Simulated time t as "T+1d 03:00 (Mon 01:00)". */
char *pk_sim(const pk_plan *p, bh_time t, char *buf, size_t n);
/* A duration for people: "2h", "1d 12h", "45m". */
char *pk_dur(bh_time t, char *buf, size_t n);
/* Does the cut reach this inject or decision: its `at`, or the first
 * check of its `when`, at or before the cut's length (a hook-fired one
 * may come at any time). */
int pk_inject_in(const pk_plan *p, const bh_inject_def *x);
int pk_decision_in(const pk_plan *p, const bh_decision_def *x);
/* In how many explored sessions inject (or decision) i came: -1 when not
 * explored, or when it has a time (it always comes). */
int pk_seen(const pk_plan *p, int is_decision, size_t i);
/* When an inject or decision without `at` arrives, honestly: "when its
 * condition holds, not before T+..." or "when the scenario's code sends
 * it", and (with `share`) how often explored sessions saw it. */
void pk_trigger(FILE *f, const pk_plan *p, int is_decision, size_t i, int share);
/* "65 of 200 (32%)": in how many explored sessions it came (nothing when
 * not explored). */
void pk_share(FILE *f, const pk_plan *p, int is_decision, size_t i);
/* A facilitator note's parts as a definition list (nothing when empty). */
void pk_fnote(FILE *f, const bh_fnote *n);
/* Discussion questions as a list (nothing when none). */
void pk_discuss(FILE *f, const bh_texts *q);

void pk_manual(FILE *f, const pk_plan *p);
void pk_guide(FILE *f, const pk_plan *p);
/* The guide's second half: notes on messages and actions, interventions,
 * sources, the endings (pk_guide_more.c). */
void pk_guide_notes(FILE *f, const pk_plan *p);
void pk_guide_sources(FILE *f, const pk_plan *p);
void pk_guide_interventions(FILE *f);
void pk_guide_endings(FILE *f, const pk_plan *p);

#endif
