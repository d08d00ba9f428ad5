/* cli: the command line's shared printing and parsing (see cli.c). */
#ifndef CLI_H
#define CLI_H

#include <stdint.h>

#include "core/err.h"
#include "core/journal.h"
#include "script/lh_host.h"

#define EXIT_PROBLEMS 1
#define EXIT_USAGE 2

/* "bulkhead: <fmt with arg>" and a pointer to --help; returns EXIT_USAGE. */
int usage_error(const char *fmt, const char *arg);
void print_trace(const char *trace);
void print_source(const char *file, int line, int col);
void print_diags(const lh_diags *d);
void print_err(const bh_err *e, const char *severity);
/* journal_read, printing its error, or the warning about lines of an
 * annotation kind this build does not know (they are skipped). */
bh_status read_plan(const char *path, bh_plan *plan);
/* A whole decimal number from 0 to 2^64-1; -1 when `s` is not one. */
int parse_u64(const char *s, uint64_t *out);

/* --cut ID names a cut the scenario declares: 0; else -1 after printing
 * "PATH: error: --cut ID: the scenario declares no such cut" with a "did
 * you mean". */
int cli_check_cut(const bh_defs *d, const char *cut, const char *path);

/* The flags check and run share (cli_args.c). */
typedef struct cli_args {
    const char *plan, *journal;
    const char *cut; /* --cut ID: the session cut (run) */
    int has_seed;
    uint64_t seed;
    int ack_fd; /* -1 without --ack-fd */
    lh_opts lua;
} cli_args;
/* Parse them; leaves optind at the first operand. 0, or EXIT_USAGE after
 * printing why. */
int cli_parse_args(int argc, char **argv, cli_args *c);

/* The subcommands, one file each (cli_<name>.c). argv[0] is the
 * subcommand's name; each returns the process exit code. */
int cmd_check(int argc, char **argv);
int cmd_run(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_explore(int argc, char **argv);
/* `bulkhead pack FILE.lua`: the workshop's pack to print (cli_pack.c). */
int cmd_pack(int argc, char **argv);
int cmd_new(int argc, char **argv);
/* `bulkhead workshop FILE`: a facilitated workshop (cli_workshop.c). */
int cmd_workshop(int argc, char **argv);
/* `bulkhead` (with_file 0: the title screen) or `bulkhead play FILE`. */
int cmd_game(int argc, char **argv, int with_file);

#endif
