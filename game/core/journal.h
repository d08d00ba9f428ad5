/* journal: the session's inputs as a line-oriented text file.
 *
 *     # comments and blank lines are ignored
 *     scenario scenarios/tutorial.lua
 *     seed 42
 *     cut first48          (optional: the session cut it was played in)
 *     mode workshop        (optional: a facilitated workshop)
 *     0s     start isolate_switch
 *     1h30m  choose ransom refuse
 *     2h     cancel restore_backups
 *     2h5m   note The room wants to call the regulator first
 *     2h5m   details venue Board room, 3rd floor
 *
 * A plan is a journal written by hand. Reading never changes the file;
 * writing only ever appends, and every appended line is flushed with fsync
 * before the input it records takes effect, so a crash loses nothing.
 *
 * When a write or an fsync fails, the input is refused and the line is cut
 * off again (ftruncate), so the file never holds an input that did not
 * take effect; if even that fails, the journal refuses every later input.
 * A new journal appears whole: its header is written to a temporary file
 * and linked into place, so a kill never leaves a journal without one.
 * What a kill can leave is a last line without its newline, never
 * acknowledged: journal_read_recover finds it and journal_cut removes it
 * (Continue does both, and says so). The writing half is journal_io.c. */
#ifndef BH_JOURNAL_H
#define BH_JOURNAL_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "core/defs.h"
#include "core/err.h"
#include "core/sim.h"

#define JOURNAL_MAX_BYTES (64 * 1024 * 1024)
#define JOURNAL_MAX_LINE 4096
#define JOURNAL_HEADER "# Bulkhead journal"

typedef enum {
    JV_START, JV_CANCEL, JV_CHOOSE, JV_NOTE,
    /* the facilitator's inputs (journal_verbs.c) */
    JV_FIRE, JV_EXTEND, JV_FREEZE, JV_UNFREEZE, JV_ADJUST, JV_MESSAGE, JV_END,
    /* the room's annotations (journal_room.c) */
    JV_VOTE, JV_PROPOSAL,
    /* the exercise's details (journal_details.c) */
    JV_DETAILS
} bh_jverb;

typedef struct bh_jline {
    int line;     /* 1-based line in the file */
    bh_time time;
    bh_jverb verb;
    char *a, *b;  /* ids: action, decision and option, inject, meter; a vote's or a
                   * proposal's role; a detail's field and (participants) role */
    char *text;   /* free text, unescaped: a note, a reason, a message's title; a
                   * vote's OPTION=L/M/H words as written (checked) */
    char *body;   /* a message's body, unescaped */
    bh_time dur;  /* extend */
    double amount; /* adjust */
    int count;    /* vote: the phones joined; proposal: the people who asked;
                   * details: the field (bh_detail) */
    int repeat;   /* 1 when a repeat line ("2h..3d every 8h ...") made this input: the
                   * session may refuse it, and it is then skipped (session_replay) */
} bh_jline;

/* The repeat form's limits: a plan is untrusted input, and a repeat line
 * turns a few bytes into many inputs. Checked before anything is made. */
#define JOURNAL_MAX_REPEAT 10000      /* inputs from one repeat line */
#define JOURNAL_MAX_REPEATED 100000   /* inputs from all the repeat lines of a plan */

/* A `# expect-objective: ID met|not-met|not-judged` comment. */
typedef struct bh_jexpect {
    char *id;
    int met;  /* 1: met; 0: not met; -1: not judged (its `met` fails) */
    int line;
} bh_jexpect;

typedef struct bh_plan {
    char *name;      /* file name for messages */
    int has_seed;
    uint64_t seed;
    char *scenario;  /* from a "scenario" line, or NULL: a path relative to the plan's
                      * own folder, or absolute (see journal_scenario_path) */
    int scenario_line;
    char *cut;       /* from a "cut ID" line, or NULL (resolve with journal_plan_cut) */
    int cut_line;    /* that line, for errors */
    int workshop;    /* 1 with a "mode workshop" line */
    bh_jline *v;
    size_t n, cap;
    /* Lines of an annotation kind this build does not know (a newer
     * build's journal): left out, counted for journal_plan_warning. */
    size_t skipped;
    int first_skipped_line;
    char skipped_kind[24];
    /* What the plan says it shows, from its comments (a test's expectations):
     *     # expect-ending: ID
     *     # expect-objective: ID met      (or not-met, not-judged)
     * `bulkhead run` checks them (journal_expect.c); NULL / 0 when absent. */
    char *expect_ending;
    int expect_ending_line;
    bh_jexpect *expect_obj;
    size_t nexpect_obj, cap_expect_obj;
    /* While reading: the first time and line of the last input line (a
     * repeat line counts by its first time), and the inputs repeat lines
     * made so far (capped at JOURNAL_MAX_REPEATED). */
    bh_time last_time;
    int last_line;
    size_t repeated;
} bh_plan;

/* Read and parse a journal or plan. Errors name file:line. */
bh_status journal_read(const char *path, bh_plan *out, bh_err *err);
bh_status journal_parse(const char *name, const char *text, size_t len, bh_plan *out,
                        bh_err *err);
void journal_plan_free(bh_plan *p);
/* "FILE:LINE: warning: ..." about skipped annotations into buf; 0 when
 * there were none. */
int journal_plan_warning(const bh_plan *p, char *buf, size_t n);

/* The index of the plan's cut in these defs: -1 when it names none, or
 * BH_EJOURNAL at the cut line when the scenario declares no such cut. */
bh_status journal_plan_cut(const bh_plan *p, const bh_defs *d, int *cut, bh_err *err);

/* ---- the scenario a journal names (journal_path.c) ----
 * A journal's `scenario` line is read relative to the journal's own folder
 * (or is absolute), so a folder of journal and scenario can move together
 * and a journal replays from any current folder. Journals written before
 * that named the scenario from the current folder: those still open, with
 * a warning (journal_scenario_warning). */

/* The scenario path to write in the header of a journal or plan that will live at
 * `journal`: relative to the journal's folder when that works, else absolute.
 * 0, or -1 when it does not fit in n / the scenario cannot be resolved. */
int journal_scenario_ref(const char *scenario, const char *journal, char *out, size_t n);
/* The scenario a plan read from `plan_path` names, as a path that opens from the current
 * folder: relative to the plan's folder; else, for old journals, the current folder
 * (*fallback set to 1: warn). 0, or -1 when the plan names none or nothing exists. */
int journal_scenario_path(const bh_plan *p, const char *plan_path, char *out, size_t n,
                          int *fallback);
/* journal_scenario_path, and the scenario is a file that opens: BH_OK; else
 * BH_EIO at the plan's scenario line (BH_EJOURNAL at the plan when it names
 * none), saying which path was tried and why, ending with `fix` (what the
 * user can do instead, e.g. "give the scenario with --scenario FILE.lua"). */
bh_status journal_scenario_find(const bh_plan *p, const char *plan_path, const char *fix,
                                char *out, size_t n, int *fallback, bh_err *err);
/* "PLAN:LINE: warning: ... read relative to the current folder; ..." for a
 * fallback that journal_scenario_path took to `found`. */
void journal_scenario_warning(const bh_plan *p, const char *plan_path, const char *found,
                              char *buf, size_t n);
/* 1 when a and b name the same file (device and inode), 0 otherwise. */
int journal_same_file(const char *a, const char *b);

/* ---- a plan's expectations (journal_expect.c) ---- */

/* The plan's expect-ending and expect-objective ids exist in these defs:
 * BH_OK, else BH_EJOURNAL at the line, with "did you mean". */
bh_status journal_expect_check(const bh_plan *p, const bh_defs *d, bh_err *err);
/* The session as it ended against the plan's expectations: 0 when it
 * meets them all (or there are none); else the number missed, each written
 * as "PLAN:LINE: error: expected ending 'x', the session ended with 'y'"
 * into buf (lines separated by newlines; cut short to fit n). */
int journal_expect_verdict(const bh_plan *p, const bh_sim *s, char *buf, size_t n);

/* Turn a parsed line into an input for these defs; errors name file:line. */
bh_status journal_resolve(const bh_plan *p, const bh_jline *l, const bh_defs *d,
                          bh_input *out, bh_err *err);

/* The end of a journal the engine wrote, as journal_read_recover found
 * it. A last line without its newline was cut off while being written; a
 * complete last line that does not parse is what a crash can leave too
 * (blocks of zeros, a half-written page). Neither was ever acknowledged. */
typedef struct bh_jtail {
    long long size;  /* bytes in the file when it was read */
    long long keep;  /* bytes before the torn line (= size when there is none) */
    int line;        /* the torn line's number, 0 when there is none */
    char text[96];   /* the start of it, made printable, for the notice */
} bh_jtail;

/* journal_read, except that a torn last line of a journal the engine wrote
 * (one that starts with its header) is left out of `out` and described in
 * `tail` instead of failing. The file is not changed. Damage anywhere else
 * is an error as with journal_read. */
bh_status journal_read_recover(const char *path, bh_plan *out, bh_jtail *tail, bh_err *err);
/* Cut the torn line off: truncate to tail->keep and fsync. Refuses when the
 * file is no longer tail->size bytes long (someone wrote to it since). */
bh_status journal_cut(const char *path, const bh_jtail *tail, bh_err *err);

typedef struct bh_journal {
    int fd;
    char *path;
    long long size; /* bytes known to be on disk, each line whole */
    int torn;       /* bytes past `size` could not be cut off: refuse inputs */
} bh_journal;

/* What a new journal's header says: the scenario, the seed, and the
 * session cut's id (NULL: none) and workshop mode when there are. */
typedef struct bh_jhead {
    const char *scenario;
    uint64_t seed;
    const char *cut;
    int workshop;
} bh_jhead;

/* Create a new journal; refuses to replace an existing file. The header
 * is written and synced before the name appears. */
bh_status journal_create(bh_journal *j, const char *path, const char *scenario,
                         uint64_t seed, bh_err *err);
/* The same, with a `cut` and a `mode workshop` line when `head` says so. */
bh_status journal_create_head(bh_journal *j, const char *path, const bh_jhead *head,
                              bh_err *err);
/* Open an existing journal to append to it (resume). Refuses a journal the
 * engine wrote whose last line lacks its newline (cut it first with
 * journal_cut); a hand-written plan's last line just gets its newline. */
bh_status journal_open_append(bh_journal *j, const char *path, bh_err *err);
/* journal_open_append after journal_cut, in one: nothing that can fail for
 * want of memory comes after the cut. */
bh_status journal_open_recover(bh_journal *j, const char *path, const bh_jtail *tail,
                               bh_err *err);
/* Append one input and fsync it. On failure the input must not be applied
 * (session_input does not) and the file is as it was before. */
bh_status journal_append(bh_journal *j, const bh_defs *d, const bh_input *in, bh_err *err);
void journal_close(bh_journal *j);

/* Format one input as a journal line (without the newline). */
int journal_format(const bh_defs *d, const bh_input *in, char *buf, size_t n);

/* ---- tests only: make the journal's system calls fail ---- */

typedef struct journal_io {
    ssize_t (*write)(int fd, const void *buf, size_t n);
    int (*fsync)(int fd);
    int (*ftruncate)(int fd, off_t size);
} journal_io;

/* Write, sync and truncate journals through `io`; NULL puts back the real
 * system calls. Not for use while other threads write journals. */
void journal_set_io(const journal_io *io);

#endif
