/* err: errors as values.
 *
 * Every fallible function in core and script returns a bh_status and fills a
 * caller-owned bh_err with the file:line the problem belongs to (a scenario
 * line, a journal line) and a message. A runtime script error also carries
 * its Lua traceback. Nothing in these layers prints or exits: the command
 * line and the UI decide how to show an error. */
#ifndef BH_ERR_H
#define BH_ERR_H

#include <stdarg.h>

typedef enum bh_status {
    BH_OK = 0,
    BH_EUSAGE,   /* the caller asked for something meaningless */
    BH_EIO,      /* a file could not be read or written */
    BH_ESCRIPT,  /* the scenario failed to load or a hook failed */
    BH_EJOURNAL, /* a journal or plan line is malformed or no longer applies */
    BH_EINPUT,   /* an input is not possible in the current state */
    BH_ENOMEM
} bh_status;

typedef struct bh_err {
    bh_status status;
    char file[512];   /* "" when the error belongs to no file */
    int line;         /* 0 when unknown */
    char msg[1024];
    char trace[4096]; /* Lua traceback for runtime errors, else "" */
} bh_err;

void err_clear(bh_err *e);
/* Set status, location and a printf-style message; returns status. */
bh_status err_set(bh_err *e, bh_status st, const char *file, int line,
                  const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
bh_status err_vset(bh_err *e, bh_status st, const char *file, int line,
                   const char *fmt, va_list ap);
/* "file:line: msg" (or just "msg" without a location) into buf. */
const char *err_format(const bh_err *e, char *buf, int size);

#endif
