/* pk_pack: the workshop's pack to print, made from a scenario's
 * declarations alone (no session is played).
 *
 * One self-contained HTML file for A4 (inline CSS, no scripts, images,
 * fonts or links to fetch) in two parts, each starting on a new page so
 * that either can be printed alone: the participants' situation manual
 * (objectives, background, roles and what each can do, rules of play, the
 * agenda, a feedback form) and the facilitator's guide (run sheet, the
 * timeline of the cut at the planned pace, every decision with its
 * default and recommended answers, the facilitator notes and discussion
 * questions, the interventions, the sources). The manual is written from
 * player-safe fields only: nothing a facilitator note, a recommended mark,
 * a discussion question or an ending holds ever reaches it, and
 * tests/pack.sh proves that with marker strings. */
#ifndef PK_PACK_H
#define PK_PACK_H

#include <stdio.h>

#include "core/defs.h"
#include "core/err.h"

typedef enum { PK_ALL = 0, PK_PARTICIPANTS, PK_FACILITATOR } pk_part;

typedef struct pk_opts {
    const char *cut;  /* a cut's id, or NULL for the whole scenario */
    pk_part part;     /* which part(s) to write */
    const char *file; /* the scenario's file name, shown without its folders */
    /* What explored sessions of the cut saw (the caller explores; NULL:
     * not explored): in how many of `runs` each inject fired and each
     * decision opened. Says how likely what waits on the room is. */
    int runs;
    const int *fired, *opened;
} pk_opts;

/* Parse "participants", "facilitator" or "all"; -1 when unknown. */
int pk_parse_part(const char *s);

/* Write the pack to `f`. The cut must be one `d` declares (the caller
 * checks, with its "did you mean"). Errors name `name` (the output). */
bh_status pk_write(FILE *f, const char *name, const bh_defs *d, const pk_opts *o, bh_err *err);

#endif
