/* rv_tour: a session of a scenario taken through every state the
 * projector can show (before play, playing with a decision open, the
 * holding slide, a discussion slide, the ending, the hot wash), calling
 * back with the room view model of each. The projector's screenshots and
 * its layout test draw what it hands them; it includes no SDL. */
#ifndef RV_TOUR_H
#define RV_TOUR_H

#include "room/rv_model.h"

typedef void (*rv_tour_fn)(void *ud, const char *state, const rv_model *m);

typedef struct rv_tour_opts {
    const char *scenario;   /* a .lua file */
    const char *plan;       /* inputs to replay (a plan or journal); NULL for none */
    bh_time busy;           /* when to show play: a decision should be open then */
    bh_time quiet;          /* later, when no decision is open ("message"); 0: none */
    const char *join;       /* the join URL shown before play; NULL for none */
    const char *join_code;  /* and the room code; NULL for none */
    const char *join_also;  /* a second network's URL; NULL for none */
    int all_tabs;           /* the hot wash once per tab, not only the decisions */
} rv_tour_opts;

/* Calls `fn` for each state; the state names are "before", "playing",
 * "paused", "blank", "slide", "tally" (the room's vote revealed, when a decision is open), "message" (with quiet), "ended" and "hotwash" (with all_tabs,
 * "hotwash-timeline", ... per tab). Errors name the scenario or plan. */
bh_status rv_tour(const rv_tour_opts *o, rv_tour_fn fn, void *ud, bh_err *err);

#endif
