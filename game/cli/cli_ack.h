/* cli_ack: `bulkhead run --journal OUT --ack-fd N`, which tells another
 * process which journal lines are on disk. After the journal's header and
 * after each input line has been written and fsynced, the run writes that
 * line's number in the journal (1-based) and a newline to descriptor N,
 * unbuffered. Whoever kills the run (tests/kill9.sh does, with SIGKILL) then
 * knows which lines must survive: every line up to the last number read. */
#ifndef CLI_ACK_H
#define CLI_ACK_H

#include "core/err.h"
#include "core/session.h"

/* Check an --ack-fd value: a descriptor number that is open for writing
 * and is not 0 or 1 (standard input, and the transcript). Returns 0 and
 * sets *fd, or prints a usage error and returns EXIT_USAGE. */
int ack_parse_fd(const char *s, int *fd);

/* Acknowledge the lines the journal holds so far (its header, just after
 * journal_create): counts them from the file. */
bh_status ack_header(int fd, const char *journal, long *line, bh_err *err);

/* session_replay, one line of the plan at a time, acknowledging each line
 * it journals on `fd` (counting on from *line). With fd < 0 it is exactly
 * session_replay. */
bh_status ack_replay(bh_sim *s, bh_journal *j, const bh_plan *p, int fd, long *line,
                     bh_replay_result *res, bh_err *err);

#endif
