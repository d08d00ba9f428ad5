/* rp_whatif: "what if we had chosen differently?"
 *
 * A session is a pure function of (scenario, seed, journal), so a branch
 * is a replay: load the scenario afresh, replay the journal up to the
 * moment the decision was taken (or, if the clock took it, the moment it
 * opened), choose another option there, and then either stop (to play on
 * from that state) or fast-forward with the same later inputs, skipping
 * the ones the new story no longer allows. The original session is never
 * touched. */
#ifndef RP_WHATIF_H
#define RP_WHATIF_H

#include "core/journal.h"
#include "core/sim.h"
#include "script/lh_host.h"

typedef struct rp_branch {
    lh_host *host;
    bh_sim *sim;
    bh_time at;          /* when the branch choice was made */
    size_t prefix;       /* plan lines replayed before it */
    size_t later;        /* later lines applied (fast-forward) */
    size_t refused;      /* later lines the branch no longer allowed */
    int first_refused_line;
} rp_branch;

/* Branch `plan` (for `scenario`) at decision `decision`, choosing option
 * `option`. With `same_later_inputs` the later lines are applied too and
 * the session runs on to its ending (a script error on the way stops it
 * and is not an error here: sim_failed tells); without, the branch stops
 * just after the new choice. Errors name the plan line or the scenario. */
bh_status rp_whatif(const char *scenario, const bh_plan *plan, const char *decision,
                    const char *option, int same_later_inputs, rp_branch *out, bh_err *err);
void rp_branch_free(rp_branch *b);

/* The same session with plan line `line` moved to time `at` (the rest in
 * order, each applied where the new story still allows it), played to its
 * end: "what if the room had decided later?". The original is untouched;
 * `later` and `refused` count the lines applied and refused. */
bh_status rp_whatif_moved(const char *scenario, const bh_plan *plan, size_t line, bh_time at,
                          rp_branch *out, bh_err *err);

/* Write the branch's inputs up to and including the new choice as a new
 * journal at `path` (which must not exist), so the game can resume it and
 * play on. `scenario` opens from the current folder; the journal names it
 * from its own (journal_scenario_ref). */
bh_status rp_branch_journal(const char *scenario, const bh_plan *plan, const rp_branch *b,
                            const char *decision, const char *option, const char *path,
                            bh_err *err);

#endif
