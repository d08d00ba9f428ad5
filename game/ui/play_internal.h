/* play_internal: what the play controller's files (play.c, play_load.c,
 * play_pace.c, play_files.c, play_catalogue.c) share, and nothing else may
 * use. The files beside a journal hold state that is neither an input nor
 * an annotation (DESIGN.md section 8): JOURNAL.clock (where the clock
 * stood), JOURNAL.read (which inbox messages the player has read) and
 * JOURNAL.agenda (the workshop's real time so far). Each
 * is replaced atomically and is only ever a convenience: a missing or
 * damaged one is ignored, because the journal is the truth. */
#ifndef UI_PLAY_INTERNAL_H
#define UI_PLAY_INTERNAL_H

#include "ui/play.h"

/* "a/b" into out; -1 when it does not fit. */
int play_join(char *out, size_t n, const char *a, const char *b);
/* fsync the folder holding `path`, so a rename or unlink in it lasts. */
void play_sync_dir_of(const char *path);
/* Replace `path` with `text`: a crash leaves the old file or the new one. */
bh_status play_write_atomic(const char *path, const char *text, bh_err *err);
/* The first line of a small file, without its newline; -1 when unreadable. */
int play_read_line(const char *path, char *out, size_t n);
bh_status play_mkdir_p(const char *dir, bh_err *err);
bh_status play_absolute(const char *path, char *out, size_t n, bh_err *err);
/* JOURNAL.clock's time; -1 when it is missing or not a time. */
int play_read_clock(const char *journal, bh_time *out);

/* JOURNAL.agenda: the agenda's real seconds (p->real_used), so that a
 * workshop resumed after a crash or a break still knows its minutes. Load
 * leaves p->real_used as it was when the file is missing or damaged. */
bh_status play_agenda_save(play *p, bh_err *err);
void play_agenda_load(play *p);

/* Write JOURNAL.read from p->read. */
bh_status play_read_save(const play *p, bh_err *err);
/* Fill p->read from JOURNAL.read, keeping only entries that name the
 * message the inbox has at that position now; a missing or damaged file
 * means nothing was read. */
void play_read_load(play *p);

/* ---- pacing (play_pace.c) ---- */

/* Remember the log's and the inbox's sizes: play_pace_news looks after them. */
void play_pace_mark(play *p);
/* What happened since play_pace_mark among what pauses: a decision opened
 * (when `decisions`), a message came in (when `messages`). */
play_paused_by play_pace_news(const play *p, int decisions, int messages);
/* Stop a running clock for `why` (nothing for PLAY_PAUSED_NOT or when
 * paused already), dropping the fraction of a second owed; 1 if it did. */
int play_pace_stop(play *p, play_paused_by why);
/* Advance the live session towards `target`, stopping at the first
 * simulated second at which news of the kinds asked for happens; returns
 * that news (the clock then stands at that second) or PLAY_PAUSED_NOT
 * (it reached the target, or stopped on an ending or an error: *st). */
play_paused_by play_pace_advance(play *p, bh_time target, int decisions, int messages,
                                 bh_status *st, bh_err *err);
/* Play `s` on, event by event, until a decision opens: its time, or -1
 * when none will before the session ends. A script error on the way gives
 * the time it happens at. `s` is a scratch copy: it is spent. */
bh_time play_pace_next_opening(bh_sim *s);
/* Simulated seconds per real second at 1x. */
double play_pace_rate(const play *p);

/* Rebuild the session a journal records (play_load.c): its scenario, every
 * input, and the clock as far as it was saved. A torn last line is left
 * out and described in `tail`. The caller frees plan, host and sim
 * whatever this returns; a script error while catching up with the clock
 * is left in the sim (sim_failed). */
bh_status play_load_session(const char *journal, bh_plan *plan, lh_host **h, bh_sim **s,
                            lh_diags *d, bh_jtail *tail, bh_err *err);
/* The scenario's files (includes too) summed as one number: any edit,
 * touch or replacement changes it. */
long long play_files_stamp(const play *p);

#endif
