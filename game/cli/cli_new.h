/* cli_new: the scenario skeleton that `bulkhead new NAME` writes. */
#ifndef CLI_NEW_H
#define CLI_NEW_H

#include "core/err.h"

/* A scenario id: lower-case letter, then lower-case letters, digits, _. */
int cli_new_valid_id(const char *s);
/* Write the skeleton for `id` to `path`; refuses to replace a file. */
bh_status cli_new_write(const char *id, const char *path, bh_err *err);

#endif
