/* play_internal: what the play controller's files (play.c, play_files.c,
 * play_catalogue.c) share, and nothing else may use. The files beside a
 * journal hold state that is neither an input nor
 * an annotation (DESIGN.md section 8): JOURNAL.clock (where the clock
 * stood) and JOURNAL.read (which inbox messages the player has read). Each
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

/* Write JOURNAL.read from p->read. */
bh_status play_read_save(const play *p, bh_err *err);
/* Fill p->read from JOURNAL.read, keeping only entries that name the
 * message the inbox has at that position now; a missing or damaged file
 * means nothing was read. */
void play_read_load(play *p);

#endif
