/* cli_details: the exercise's details as flags (cli_details.c). */
#ifndef CLI_DETAILS_H
#define CLI_DETAILS_H

#include "core/defs.h"
#include "ui/ui_opts.h"

/* 1 when any of --date, --venue, --org, --facilitator, --participant was given. */
int cli_details_given(const app_opts *o);
/* Trim and check every value in place: 0, or EXIT_USAGE after saying why. */
int cli_details_check(app_opts *o);
/* Every --participant's role is a team of `d` or `observer`: 0, or
 * EXIT_USAGE naming the roles there are. */
int cli_details_roles(const app_opts *o, const bh_defs *d, const char *path);

#endif
