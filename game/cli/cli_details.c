/* cli_details: the exercise's details as flags (issue 18), for
 * `bulkhead workshop FILE.lua --date D --venue V --org O --facilitator F
 * --participant ROLE=NAMES` (repeatable). Each value is free text, trimmed
 * of blanks at its ends, and refused when empty, too long (the session's
 * own limits, SIM_MAX_DETAIL and SIM_MAX_DETAIL_NAMES bytes), not UTF-8
 * or holding control characters, so a flag never fails later when the
 * game journals it. A participant's ROLE must be one of the scenario's
 * team ids or `observer`; the error names them all. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_details.h"
#include "core/sim.h"
#include "core/text.h"

static const char *const flag[4] = {"--date", "--venue", "--org", "--facilitator"};

/* Trim *v in place (argv is the program's to change) and check it. */
static int check_text(const char *what, char **v, size_t max)
{
    char msg[300];
    char *s = text_trim(*v);
    *v = s;
    size_t n = strlen(s);
    if (!n)
        snprintf(msg, sizeof msg, "%s wants a value (leave the flag out to give none)", what);
    else if (n > max)
        snprintf(msg, sizeof msg, "%s is %zu bytes long; at most %zu are kept in the journal",
                 what, n, max);
    else if (!text_valid_utf8(s, n, NULL) || text_find_control(s, n) >= 0 || strchr(s, '\n') ||
             strchr(s, '\t') || strchr(s, '\r'))
        snprintf(msg, sizeof msg, "%s must be one line of UTF-8 text", what);
    else
        return 0;
    return usage_error("%s", msg);
}

int cli_details_given(const app_opts *o)
{
    for (int k = 0; k < 4; k++)
        if (o->detail[k])
            return 1;
    return o->nparticipants > 0;
}

int cli_details_check(app_opts *o)
{
    for (int k = 0; k < 4; k++)
        if (o->detail[k] && check_text(flag[k], (char **)&o->detail[k], SIM_MAX_DETAIL))
            return EXIT_USAGE;
    for (int i = 0; i < o->nparticipants; i++) {
        char *p = (char *)o->participant[i], *eq = strchr(p, '=');
        if (!eq || eq == p)
            return usage_error("--participant wants ROLE=NAMES (a team id or observer, then "
                               "the names), such as it=Ana Lopez, Bo Chen; not '%s'", p);
        *eq = '\0';
        char *role = text_trim(p), *names = eq + 1;
        if (!*role || strchr(role, ' '))
            return usage_error("--participant wants ROLE=NAMES with one role word before "
                               "the '=', not '%s'", role);
        if (check_text("--participant's names", &names, SIM_MAX_DETAIL_NAMES))
            return EXIT_USAGE;
        /* "ROLE=NAMES" again, trimmed: the game splits it at the '=' */
        size_t r = strlen(role);
        memmove(p, role, r); /* leftwards, and before the names move */
        p[r] = '=';
        memmove(p + r + 1, names, strlen(names) + 1);
        o->participant[i] = p;
    }
    return 0;
}

int cli_details_roles(const app_opts *o, const bh_defs *d, const char *path)
{
    for (int i = 0; i < o->nparticipants; i++) {
        const char *p = o->participant[i];
        size_t n = strcspn(p, "=");
        char role[128];
        snprintf(role, sizeof role, "%.*s", (int)(n < sizeof role - 1 ? n : sizeof role - 1), p);
        int team = strcmp(role, "observer") == 0 ? (int)d->nteams : defs_team(d, role);
        /* the form's row for the role: after the four fields, teams then observers */
        if (team >= 0 && DETAIL_PARTICIPANTS + team >= APP_DETAIL_SLOTS) {
            char msg[600];
            snprintf(msg, sizeof msg, "%s: --participant: this scenario has %zu teams, more than "
                     "the details form holds (the first %d): no row for '%.128s'", path,
                     d->nteams, APP_DETAIL_SLOTS - DETAIL_PARTICIPANTS - 1, role);
            return usage_error("%s", msg);
        }
        if (team >= 0)
            continue;
        char roles[1200] = "";
        size_t o_ = 0;
        for (size_t t = 0; t < d->nteams && o_ < sizeof roles; t++)
            o_ += (size_t)snprintf(roles + o_, sizeof roles - o_, "%s (%s), ", d->teams[t].id,
                                   d->teams[t].label);
        char msg[1600];
        snprintf(msg, sizeof msg, "%s: --participant: no role '%s' in this scenario; the roles "
                 "are %sand observer", path, role, roles);
        return usage_error("%s", msg);
    }
    return 0;
}
