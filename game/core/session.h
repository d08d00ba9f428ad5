/* session: inputs through the journal, and replay.
 *
 * session_input is the one path every input takes, in the game and in
 * headless runs alike: advance the clock to the input's time, check the
 * input, append it to the journal (fsync), and only then apply it.
 * session_replay feeds a plan or a saved journal through that same path,
 * which is how resume, hot reload and what-if all work. */
#ifndef BH_SESSION_H
#define BH_SESSION_H

#include "core/journal.h"
#include "core/sim.h"

/* `j` may be NULL (nothing is recorded). Errors leave the session as it was
 * before the input (a refused input is never journaled). */
bh_status session_input(bh_sim *s, bh_journal *j, const bh_input *in, bh_err *err);

typedef struct bh_replay_result {
    size_t applied;   /* inputs applied */
    size_t skipped;   /* inputs left after the session ended */
    int first_skipped_line;
    size_t refused;   /* inputs of repeat lines the session refused, or that came
                       * after it ended: skipped, not errors (bh_jline.repeat) */
    size_t repeat_applied; /* inputs of repeat lines applied */
    int first_refused_line; /* the first refused repeat input: its line and why */
    char first_refused[160];
} bh_replay_result;

/* Put the session in the plan's cut (its `cut` line), if it names one and
 * the session is not in it yet: BH_EJOURNAL at that line when the
 * scenario has no such cut, or when the session is in another cut or has
 * begun. session_replay does this first. */
bh_status session_plan_cut(bh_sim *s, const bh_plan *p, bh_err *err);

/* Apply every line of `p` in order. Each error names the plan's file:line.
 * Inputs after the session ended are not applied; they are counted in
 * `res` so the caller can warn. An input a repeat line made is skipped
 * when the session refuses it or has ended (counted in res->refused). */
bh_status session_replay(bh_sim *s, bh_journal *j, const bh_plan *p, bh_replay_result *res,
                         bh_err *err);

/* The room's tally of an open decision as `vote` annotations, at
 * sim_now: one IN_VOTE per role that had phones or votes, each checked,
 * journaled and applied as session_input does (all are checked before the
 * first is written). Nothing is written when no role had any. The caller
 * then commits the choice (IN_CHOOSE at the same instant), or lets the
 * deadline choose. BH_EUSAGE when `t` does not fit the decision. */
bh_status session_vote(bh_sim *s, bh_journal *j, const bh_tally *t, bh_err *err);
/* `count` more people of `role` (a team index) asked for `action`: one
 * IN_PROPOSAL at sim_now, through session_input. */
bh_status session_proposal(bh_sim *s, bh_journal *j, int action, int role, int count,
                           bh_err *err);

/* Run on with no more inputs until an ending (or the scenario's length). */
bh_status session_finish(bh_sim *s, bh_err *err);

#endif
