/* transcript: the readable record of a session, written from its event log.
 *
 * `bulkhead run` prints it, and the determinism and resume tests compare it
 * byte for byte, so it must depend only on the session (no wall-clock time,
 * no addresses, no locale). */
#ifndef BH_TRANSCRIPT_H
#define BH_TRANSCRIPT_H

#include <stdio.h>

#include "core/sim.h"

/* Format a meter value the way every report shows it: "75", "74.5". */
char *transcript_number(double v, char *buf, size_t n);
void transcript_header(FILE *f, const bh_sim *s, const char *scenario_path);
/* Write log entries [from, to) and return `to`: lets a live run stream. */
size_t transcript_entries(FILE *f, const bh_sim *s, size_t from);
/* The ending and the final state of the world. */
void transcript_footer(FILE *f, const bh_sim *s);

#endif
