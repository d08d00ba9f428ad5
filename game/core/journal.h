/* journal: the session's inputs as a line-oriented text file.
 *
 *     # comments and blank lines are ignored
 *     scenario scenarios/tutorial.lua
 *     seed 42
 *     0s     start isolate_switch
 *     1h30m  choose ransom refuse
 *     2h     cancel restore_backups
 *     2h5m   note The room wants to call the regulator first
 *
 * A plan is a journal written by hand. Reading never changes the file;
 * writing only ever appends, and every appended line is flushed with fsync
 * before the input it records takes effect, so a crash loses nothing. */
#ifndef BH_JOURNAL_H
#define BH_JOURNAL_H

#include <stddef.h>
#include <stdint.h>

#include "core/defs.h"
#include "core/err.h"
#include "core/sim.h"

typedef enum { JV_START, JV_CANCEL, JV_CHOOSE, JV_NOTE } bh_jverb;

typedef struct bh_jline {
    int line;     /* 1-based line in the file */
    bh_time time;
    bh_jverb verb;
    char *a, *b;  /* ids: action, or decision and option */
    char *text;   /* note text, unescaped */
} bh_jline;

typedef struct bh_plan {
    char *name;      /* file name for messages */
    int has_seed;
    uint64_t seed;
    char *scenario;  /* from a "scenario" line, or NULL */
    bh_jline *v;
    size_t n, cap;
} bh_plan;

/* Read and parse a journal or plan. Errors name file:line. */
bh_status journal_read(const char *path, bh_plan *out, bh_err *err);
bh_status journal_parse(const char *name, const char *text, size_t len, bh_plan *out,
                        bh_err *err);
void journal_plan_free(bh_plan *p);

/* Turn a parsed line into an input for these defs; errors name file:line. */
bh_status journal_resolve(const bh_plan *p, const bh_jline *l, const bh_defs *d,
                          bh_input *out, bh_err *err);

typedef struct bh_journal {
    int fd;
    char *path;
} bh_journal;

/* Create a new journal; refuses to replace an existing file. */
bh_status journal_create(bh_journal *j, const char *path, const char *scenario,
                         uint64_t seed, bh_err *err);
/* Open an existing journal to append to it (resume). */
bh_status journal_open_append(bh_journal *j, const char *path, bh_err *err);
/* Append one input and fsync it. */
bh_status journal_append(bh_journal *j, const bh_defs *d, const bh_input *in, bh_err *err);
void journal_close(bh_journal *j);

/* Format one input as a journal line (without the newline). */
int journal_format(const bh_defs *d, const bh_input *in, char *buf, size_t n);

#endif
