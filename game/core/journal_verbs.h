/* journal_verbs: the journal's free text and the facilitator's lines.
 *
 * Free text (notes, reasons, a message's title and body) has one escape
 * set everywhere, so that it stays on one line and reads back exactly:
 * `\n` newline, `\t` tab, `\\` backslash and `\|` bar. A bar must be
 * escaped only where it separates (a message's title from its body);
 * writing escapes it everywhere. A backslash before anything else stays
 * as it is.
 *
 *     1h    fire social_leak
 *     1h    extend ransom 30m
 *     1h    freeze ransom
 *     1h20m unfreeze ransom
 *     1h30m adjust trust +5 The room drafted a good holding statement
 *     2h    message Call from the CEO | She wants a one-page summary by 6am.
 *     3h    end We are out of time for today
 *
 * The room's annotations (journal_room.c, issue 14):
 *
 *     1h30m vote ransom it 3 refuse=1/0/2 pay=0/1/0
 *     1h30m vote ransom observer 1
 *     1h10m proposal isolate_switch comms 2
 *
 * The exercise's details (journal_details.c, issue 18):
 *
 *     0s    details venue Board room, 3rd floor
 *     0s    details participants it Ana Lopez, Bo Chen
 *
 * Lines of annotation kinds that later issues add are skipped with a
 * warning by a build that does not know them (details, by the builds
 * before issue 18). Only the journal*.c files include this header. */
#ifndef BH_JOURNAL_VERBS_H
#define BH_JOURNAL_VERBS_H

#include "core/journal.h"

/* Split off the next word (up to a space or tab) of `*s`; NULL at the end. */
char *jverb_word(char **s);
/* s[0..n) with its escapes undone (malloc'd), or NULL when out of memory. */
char *jverb_unescape(const char *s, size_t n);
/* Append `text`, escaped, to buf[0..len); the new length, or -1 when it
 * does not fit in n bytes or holds a control character that would not
 * read back. */
int jverb_escape(char *buf, int len, size_t n, const char *text);

/* The words of the facilitator's verbs and the annotations a build may not
 * know; for parse_line. jverb_parse returns 0 when `word` is none of the
 * facilitator's verbs; else 1 with *st the status (l filled when BH_OK).
 * `hint` ends every error. */
int jverb_parse(const bh_plan *p, const char *word, char *args, bh_jline *l, const char *hint,
                bh_status *st, bh_err *err);
/* Out of memory while parsing l: its ids and text freed (and NULL), *st
 * BH_ENOMEM; returns 1, as a parser that took the line does. */
int jverb_oom(bh_jline *l, bh_status *st, bh_err *err);
/* 1 when `word` is an annotation kind this build does not know yet. */
int jverb_annotation(const char *word);
/* journal_resolve and journal_format for the facilitator's verbs. */
bh_status jverb_resolve(const bh_plan *p, const bh_jline *l, const bh_defs *d, bh_input *out,
                        bh_err *err);
int jverb_format(const bh_defs *d, const bh_input *in, char *buf, size_t n);

/* "no WHAT 'ID' in this scenario (did you mean ...?)" at the line, for an
 * id l->a not found among n records of `stride` bytes whose id is at
 * `offset` of `base`. */
bh_status jverb_no_such(const bh_plan *p, const bh_jline *l, const char *what, const void *base,
                        size_t n, size_t stride, size_t offset, bh_err *err);

/* The same three for the room's annotations, `vote` and `proposal`
 * (journal_room.c). */
int jroom_parse(const bh_plan *p, const char *word, char *args, bh_jline *l, const char *hint,
                bh_status *st, bh_err *err);
bh_status jroom_resolve(const bh_plan *p, const bh_jline *l, const bh_defs *d, bh_input *out,
                        bh_err *err);
int jroom_format(const bh_defs *d, const bh_input *in, char *buf, size_t n);
/* The role l->b names in *role: a team's index, -1 for `observer`. 0, or
 * -1 with the error at the line when it names none. */
int jroom_role(const bh_plan *p, const bh_jline *l, const bh_defs *d, int *role, bh_err *err);

/* The same three for the exercise's `details` (journal_details.c):
 *
 *     0s details date 8 December 2026
 *     0s details participants it Ana Lopez, Bo Chen
 */
int jdet_parse(const bh_plan *p, const char *word, char *args, bh_jline *l, const char *hint,
               bh_status *st, bh_err *err);
bh_status jdet_resolve(const bh_plan *p, const bh_jline *l, const bh_defs *d, bh_input *out,
                       bh_err *err);
int jdet_format(const bh_defs *d, const bh_input *in, char *buf, size_t n);

/* A parsed line's ids and text freed (and NULL). */
void jline_free(bh_jline *l);

/* The repeat form (journal_repeat.c): `FROM..TO every STEP VERB ...` is the
 * input at FROM, FROM+STEP, ... up to and including TO. jrepeat_range reads
 * `first` (FROM..TO) and `every STEP` from *s, checks them and the caps
 * (JOURNAL_MAX_REPEAT, JOURNAL_MAX_REPEATED) before anything is made, and
 * sets *from, *step and *count. */
bh_status jrepeat_range(const bh_plan *p, const char *first, char **s, int lineno,
                        const char *hint, bh_time *from, bh_time *step, size_t *count,
                        bh_err *err);
/* `count` copies of l (whose time is FROM), STEP apart, appended with
 * repeat set; l's strings are taken (freed, also on failure). */
bh_status jrepeat_push(bh_plan *p, bh_jline *l, bh_time step, size_t count, bh_err *err);
/* Once the whole plan is read: its inputs in time order, lines of the
 * same moment in the file's order. Nothing moves in a plan without repeats. */
void jrepeat_sort(bh_plan *p);

/* A comment line (`rest` is what follows its '#'): the plan's
 * `expect-ending:` and `expect-objective:` lines (journal_expect.c) are
 * kept in p; any other comment is ignored. */
bh_status jexpect_comment(bh_plan *p, const char *rest, int lineno, const char *hint,
                          bh_err *err);

#endif
