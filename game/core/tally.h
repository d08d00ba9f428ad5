/* tally: how the room voted on one decision, by role, option and
 * confidence, and what that adds up to (issue 14).
 *
 * One value serves three readers: the console's live tally (built each
 * frame from the phones' current votes), the projector's reveal, and the
 * report (built from the journal's `vote` annotations). Votes are counted
 * by role and never by name: a tally holds no person, only how many of
 * each role chose each option how surely. Roles are the scenario's teams,
 * in the defs' order, then Observer (role index TALLY_OBSERVER(t)).
 *
 * The alignment follows the measure workshop tools use: the room is
 * unified when the option with most votes has at least 60% of them. The
 * room's majority is that option, when no other has as many (a tie for
 * first is no majority). Pure C, no allocation beyond the counts. */
#ifndef BH_TALLY_H
#define BH_TALLY_H

#include "core/err.h"

typedef enum { TALLY_LOW, TALLY_MEDIUM, TALLY_HIGH, TALLY_CONF } tally_conf;

/* Unified at or above this share of the votes for one option. */
#define TALLY_UNIFIED 0.6
/* A decision has at most this many options (the scenario loader's limit). */
#define TALLY_MAX_OPTIONS 12

typedef struct bh_tally {
    int decision;  /* index in the defs; -1 for none */
    int nroles;    /* the teams, then Observer */
    int noptions;
    int *joined;   /* [nroles]: phones of each role in the room */
    int *votes;    /* [nroles][noptions][TALLY_CONF] */
} bh_tally;

#define TALLY_OBSERVER(t) ((t)->nroles - 1)

/* nteams + 1 roles (the last is Observer); every count 0. BH_EUSAGE for
 * counts out of range, BH_ENOMEM. */
bh_status tally_init(bh_tally *t, int decision, int nteams, int noptions, bh_err *err);
void tally_free(bh_tally *t);
/* Every count back to 0 (the shape stays). */
void tally_clear(bh_tally *t);
/* The count of role r, option o, confidence c; NULL out of range. */
int *tally_cell(const bh_tally *t, int r, int o, int c);
/* Adds n votes (0 when out of range, which it refuses). */
int tally_add(bh_tally *t, int r, int o, int c, int n);

/* What a tally (or one role of it) adds up to. */
typedef struct tally_sum {
    int joined;                        /* phones in the room (of the role) */
    int voters;                        /* votes cast: participation */
    int by_option[TALLY_MAX_OPTIONS];  /* votes for each option */
    int by_conf[TALLY_CONF];           /* votes of each confidence */
    int top;                           /* the option with most votes; -1 when none has
                                        * more than every other (no votes, or a tie) */
    int top_votes;                     /* the most votes any option has */
    double share;                      /* top_votes / voters; 0 without votes */
    int unified;                       /* share >= TALLY_UNIFIED */
    double confidence;                 /* mean, low 1 to high 3; 0 without votes */
} tally_sum;

/* The sum over every role (role -1) or one role. */
void tally_sum_of(const bh_tally *t, int role, tally_sum *out);
/* 1 when option o is the room's majority (the top option, no tie). */
int tally_majority_is(const bh_tally *t, int o);
/* "low", "medium", "high"; the journal's and JSON's words. */
const char *tally_conf_name(int c);
/* The confidence of a word ("low", "medium", "high"), or -1. */
int tally_conf_parse(const char *word);

#endif
