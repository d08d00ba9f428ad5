/* tally: see tally.h. Counts are ints in one flat array so that a tally
 * copies and clears as one block; every index is checked, because the
 * counts come from phones and from journals a person may have edited. */
#include "core/tally.h"

#include <stdlib.h>
#include <string.h>

/* A vote count past this in one cell is not a room (250 phones). */
#define TALLY_MAX_COUNT 1000000

bh_status tally_init(bh_tally *t, int decision, int nteams, int noptions, bh_err *err)
{
    memset(t, 0, sizeof *t);
    t->decision = -1;
    if (nteams < 0 || nteams > 100000 || noptions < 1 || noptions > TALLY_MAX_OPTIONS)
        return err_set(err, BH_EUSAGE, "", 0, "a tally of %d teams and %d options", nteams,
                       noptions);
    t->nroles = nteams + 1;
    t->noptions = noptions;
    t->joined = calloc((size_t)t->nroles, sizeof *t->joined);
    t->votes = calloc((size_t)t->nroles * (size_t)noptions * TALLY_CONF, sizeof *t->votes);
    if (!t->joined || !t->votes) {
        tally_free(t);
        return err_set(err, BH_ENOMEM, "", 0, "out of memory for a tally");
    }
    t->decision = decision;
    return BH_OK;
}

void tally_free(bh_tally *t)
{
    free(t->joined);
    free(t->votes);
    memset(t, 0, sizeof *t);
    t->decision = -1;
}

void tally_clear(bh_tally *t)
{
    if (t->joined)
        memset(t->joined, 0, (size_t)t->nroles * sizeof *t->joined);
    if (t->votes)
        memset(t->votes, 0,
               (size_t)t->nroles * (size_t)t->noptions * TALLY_CONF * sizeof *t->votes);
}

int *tally_cell(const bh_tally *t, int r, int o, int c)
{
    if (!t->votes || r < 0 || r >= t->nroles || o < 0 || o >= t->noptions || c < 0 ||
        c >= TALLY_CONF)
        return NULL;
    return &t->votes[((size_t)r * (size_t)t->noptions + (size_t)o) * TALLY_CONF + (size_t)c];
}

int tally_add(bh_tally *t, int r, int o, int c, int n)
{
    int *p = tally_cell(t, r, o, c);
    if (!p || n < 0 || *p > TALLY_MAX_COUNT - n)
        return 0;
    *p += n;
    return 1;
}

void tally_sum_of(const bh_tally *t, int role, tally_sum *out)
{
    memset(out, 0, sizeof *out);
    out->top = -1;
    long long conf = 0;
    for (int r = 0; r < t->nroles; r++) {
        if (role >= 0 && r != role)
            continue;
        out->joined += t->joined ? t->joined[r] : 0;
        for (int o = 0; o < t->noptions; o++)
            for (int c = 0; c < TALLY_CONF; c++) {
                int n = *tally_cell(t, r, o, c);
                out->by_option[o] += n;
                out->by_conf[c] += n;
                out->voters += n;
                conf += (long long)n * (c + 1);
            }
    }
    for (int o = 0; o < t->noptions; o++) {
        if (out->by_option[o] > out->top_votes) {
            out->top_votes = out->by_option[o];
            out->top = o;
        } else if (out->by_option[o] == out->top_votes && out->top_votes > 0) {
            out->top = -1; /* a tie for first: no majority */
        }
    }
    if (out->voters > 0) {
        out->share = (double)out->top_votes / out->voters;
        out->unified = out->share >= TALLY_UNIFIED;
        out->confidence = (double)conf / out->voters;
    }
}

int tally_majority_is(const bh_tally *t, int o)
{
    tally_sum s;
    tally_sum_of(t, -1, &s);
    return s.top >= 0 && s.top == o;
}

static const char *const conf_names[TALLY_CONF] = {"low", "medium", "high"};

const char *tally_conf_name(int c)
{
    return c >= 0 && c < TALLY_CONF ? conf_names[c] : "?";
}

int tally_conf_parse(const char *word)
{
    for (int c = 0; word && c < TALLY_CONF; c++)
        if (strcmp(word, conf_names[c]) == 0)
            return c;
    return -1;
}
