/* cli: the command line's shared printing and parsing (see cli.c). */
#ifndef CLI_H
#define CLI_H

#include <stdint.h>

#include "core/err.h"
#include "script/lh_host.h"

#define EXIT_PROBLEMS 1
#define EXIT_USAGE 2

/* "bulkhead: <fmt with arg>" and a pointer to --help; returns EXIT_USAGE. */
int usage_error(const char *fmt, const char *arg);
void print_trace(const char *trace);
void print_source(const char *file, int line, int col);
void print_diags(const lh_diags *d);
void print_err(const bh_err *e, const char *severity);
/* A whole decimal number from 0 to 2^64-1; -1 when `s` is not one. */
int parse_u64(const char *s, uint64_t *out);

#endif
