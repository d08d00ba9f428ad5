/* sim_details: the exercise's details, IN_DETAILS (issue 18).
 *
 * The date, the venue, the organisation, the facilitator and the
 * participants by role, as the facilitator typed them (or gave them as
 * flags). They are an annotation: checked like any input, so a hand-edited
 * journal cannot smuggle in a field that would not read back, then kept
 * beside the session, never in its log. So they touch no meter, flag,
 * queue or the generator, and a transcript is the same with them or
 * without; the report reads them back with sim_detail. A later line for a
 * field replaces the earlier one, which is how a typo is corrected. */
#include "core/sim_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"

static const char *const keys[DETAIL_COUNT] = {"date", "venue", "organisation", "facilitator",
                                               "participants"};

const char *sim_detail_key(bh_detail k)
{
    return k >= 0 && k < DETAIL_COUNT ? keys[k] : "?";
}

int sim_detail_of(const char *key)
{
    for (int k = 0; k < DETAIL_COUNT; k++)
        if (strcmp(key, keys[k]) == 0)
            return k;
    return -1;
}

/* Where field k (and role, for participants) is kept in s->det. */
static size_t slot(const bh_sim *s, int k, int role)
{
    if (k != DETAIL_PARTICIPANTS)
        return (size_t)k;
    return DETAIL_PARTICIPANTS + (role < 0 ? s->d->nteams : (size_t)role);
}

static size_t nslots(const bh_sim *s)
{
    return DETAIL_PARTICIPANTS + s->d->nteams + 1;
}

const char *sim_detail(const bh_sim *s, bh_detail k, int role)
{
    if (!s->det || k < 0 || k >= DETAIL_COUNT ||
        (k == DETAIL_PARTICIPANTS && (role < -1 || role >= (int)s->d->nteams)))
        return NULL;
    return s->det[slot(s, k, role)];
}

int sim_has_details(const bh_sim *s)
{
    for (size_t i = 0; s->det && i < nslots(s); i++)
        if (s->det[i])
            return 1;
    return 0;
}

bh_status sim_details_check(const bh_sim *s, const bh_input *in, bh_err *err)
{
    if (in->a < 0 || in->a >= DETAIL_COUNT)
        return err_set(err, BH_EINPUT, "", 0, "no such detail");
    if (in->a == DETAIL_PARTICIPANTS && (in->b < -1 || in->b >= (int)s->d->nteams))
        return err_set(err, BH_EINPUT, "", 0, "no such role");
    return BH_OK; /* the text is checked by sim_check_input, as a note's is */
}

bh_status sim_details_apply(bh_sim *s, const bh_input *in, bh_err *err)
{
    if (!s->det && !(s->det = mem_calloc(nslots(s), sizeof *s->det)))
        return sim_oom(s, err);
    char *v = NULL;
    if (in->text && in->text[0] && !(v = mem_strdup(in->text)))
        return sim_oom(s, err);
    size_t i = slot(s, in->a, in->b);
    free(s->det[i]);
    s->det[i] = v;
    s->version++; /* the console shows them */
    return BH_OK;
}

void sim_details_free(bh_sim *s)
{
    for (size_t i = 0; s->det && i < nslots(s); i++)
        free(s->det[i]);
    free(s->det);
    s->det = NULL;
}
