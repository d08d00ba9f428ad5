/* play_details: the exercise's details (issue 18) for the console's form
 * and the command line's flags, with no SDL so tests drive it headless.
 *
 * A form has one slot per field: the date, the venue, the organisation,
 * the facilitator, then the participants of each team in the scenario's
 * order, then the Observers. Saving a slot journals a `details` line
 * through play_input (fsynced before it applies, like every input) only
 * when its value differs from the session's, so a correction is one new
 * line and an unchanged form writes nothing. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "ui/play.h"

int play_details_slots(const bh_defs *d)
{
    return DETAIL_PARTICIPANTS + (int)d->nteams + 1;
}

bh_detail play_details_field(const bh_defs *d, int slot, int *role)
{
    *role = -1;
    if (slot < DETAIL_PARTICIPANTS)
        return (bh_detail)slot;
    int r = slot - DETAIL_PARTICIPANTS;
    *role = r < (int)d->nteams ? r : -1;
    return DETAIL_PARTICIPANTS;
}

const char *play_details_label(const bh_defs *d, int slot)
{
    static const char *const names[DETAIL_PARTICIPANTS] = {"Date", "Venue", "Organisation",
                                                           "Facilitator"};
    int role;
    if (play_details_field(d, slot, &role) != DETAIL_PARTICIPANTS)
        return names[slot];
    return role < 0 ? "Observer" : d->teams[role].label;
}

int play_details_slot_of(const bh_defs *d, const char *role)
{
    if (strcmp(role, "observer") == 0)
        return play_details_slots(d) - 1;
    int t = defs_team(d, role);
    return t < 0 ? -1 : DETAIL_PARTICIPANTS + t;
}

const char *play_details_value(const play *p, int slot)
{
    int role;
    bh_detail k = play_details_field(sim_defs(p->sim), slot, &role);
    return sim_detail(p->sim, k, role);
}

bh_status play_details_set(play *p, int slot, const char *value, bh_err *err)
{
    if (!p->sim)
        return err_set(err, BH_EUSAGE, "", 0, "no session is open");
    const char *now = play_details_value(p, slot);
    if (!value)
        value = "";
    if (strcmp(now ? now : "", value) == 0)
        return BH_OK; /* unchanged: nothing to journal */
    int role;
    bh_input in = {.kind = IN_DETAILS, .text = value};
    in.a = (int)play_details_field(sim_defs(p->sim), slot, &role);
    in.b = role;
    return play_input(p, &in, err);
}

void play_details_org(const bh_defs *d, char *out, size_t n)
{
    /* The scenario's organisation text starts with its name ("Alcyon
     * Lines (fictional) is a container carrier..."): up to the first " (",
     * " is " or comma, when that is short enough to be a name. */
    const char *s = d->scenario.organisation ? d->scenario.organisation : "";
    size_t k = strcspn(s, ",.\n(");
    const char *is = strstr(s, " is ");
    if (is && (size_t)(is - s) < k)
        k = (size_t)(is - s);
    while (k > 0 && s[k - 1] == ' ')
        k--;
    if (k == 0 || k > 60)
        k = 0;
    snprintf(out, n, "%.*s", (int)k, s);
}

void play_details_today(char *out, size_t n)
{
    time_t now = time(NULL);
    struct tm tm;
    if (!n || !localtime_r(&now, &tm) || !strftime(out, n, "%Y-%m-%d", &tm))
        snprintf(out, n, "%s", "");
}
