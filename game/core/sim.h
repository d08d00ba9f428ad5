/* sim: one session of a scenario, the deterministic heart of the game.
 *
 * A bh_sim holds the world (meters, systems, teams, flags), the event queue,
 * the inbox, running actions, open decisions, the event log and the seeded
 * generator. It advances only when told to (sim_advance) and changes only
 * through inputs (sim_apply_input) and the events they and the scenario
 * schedule; wall-clock time never enters. The same defs, seed and inputs
 * therefore always give the same session.
 *
 * Scenario code is reached through bh_hooks: a function pointer and an
 * opaque reference. The script layer supplies Lua-backed hooks; unit tests
 * supply C ones. A hook that fails stops the session: sim_failed() is then
 * true and the error is kept for whoever shows it. */
#ifndef BH_SIM_H
#define BH_SIM_H

#include <stdint.h>

#include "core/defs.h"
#include "core/err.h"
#include "core/rng.h"
#include "core/sched.h"
#include "core/tally.h"

typedef struct bh_sim bh_sim;

/* AVAILABLE is a condition the UI may ask about at any moment, as often as
 * it redraws; the host must not let those calls count toward anything the
 * session's outcome depends on. */
typedef enum { HOOK_EFFECT, HOOK_COND, HOOK_AVAILABLE } bh_hook_kind;

typedef struct bh_hook_result {
    int truth;         /* for HOOK_COND */
    char reason[256];  /* optional: why a condition is false ("" when none) */
} bh_hook_result;

/* Names a hook call for error messages, e.g. "effect of inject
 * 'ransom_note'": `fmt` with `a` and `b`, or for an every() hook its
 * interval and place. Formatting waits until an error needs the text
 * (sim_what_format): hooks run hundreds of times per session. */
typedef struct bh_what {
    const char *fmt;
    const char *a, *b;
    bh_time every;    /* > 0: an every() hook of this interval, at file:line */
    const char *file;
    int line;
} bh_what;
void sim_what_format(const bh_what *w, char *buf, size_t n);

typedef struct bh_hooks {
    void *ud;
    /* Run `hook`. `what` names the caller for error messages. Conditions
     * fill `out`. */
    bh_status (*call)(void *ud, bh_sim *sim, bh_hook hook, bh_hook_kind kind,
                      const bh_what *what, bh_hook_result *out, bh_err *err);
    /* Forget a one-shot hook (a w.after function) that will not run again. */
    void (*release)(void *ud, bh_hook hook);
    /* Where a hook was written, for errors the core finds about it. */
    void (*where)(void *ud, bh_hook hook, char *file, size_t n, int *line);
} bh_hooks;

/* More events than this at one simulated instant is a chain that never
 * ends (w.after(0, ...) rescheduling itself), not a scenario. */
#define SIM_MAX_EVENTS_PER_INSTANT 10000
/* ...and more than this in one session is a chain that never ends either
 * (w.after(1, ...) rescheduling itself for weeks). */
#define SIM_MAX_EVENTS 1000000
/* What a session keeps outside the Lua state is bounded too. */
#define SIM_MAX_FLAGS 1000
#define SIM_MAX_NOTES 2000
#define SIM_MAX_NOTE_BYTES 2000 /* a facilitator's note; fits one journal line escaped */

/* ---- inputs: the only way players change a session ---- */

typedef enum {
    IN_START, IN_CANCEL, IN_CHOOSE, IN_NOTE,
    /* the facilitator's interventions (sim_facil.c) */
    IN_FIRE,     /* a = inject: deliver it now */
    IN_EXTEND,   /* a = decision: its deadline moves `dur` later */
    IN_FREEZE,   /* a = decision: its deadline clock stops */
    IN_UNFREEZE, /* a = decision: its deadline clock runs again */
    IN_ADJUST,   /* a = meter: `amount` is added, then clamped; text = the reason */
    IN_MESSAGE,  /* text = title, body = body: a message from "Facilitator" */
    IN_END,      /* text = the reason: the session ends with ended_by_facilitator */
    /* The room's annotations (sim_room.c): logged, never changing the world */
    IN_VOTE,     /* a = decision (open), b = role (team index, -1 = Observer): `joined`
                  * phones of that role were in the room and cast `votes` */
    IN_PROPOSAL, /* a = action, b = role: `count` more people of that role asked for it */
    /* The exercise's details (sim_details.c): an annotation, kept beside the
     * session, never in its log */
    IN_DETAILS   /* a = the field (bh_detail), b = the role for DETAIL_PARTICIPANTS (team
                  * index, -1 = Observer), text = the value ("" clears it) */
} bh_input_kind;

/* The exercise's details: where, when, who ran it and who took part. */
typedef enum {
    DETAIL_DATE, DETAIL_VENUE, DETAIL_ORGANISATION, DETAIL_FACILITATOR, DETAIL_PARTICIPANTS,
    DETAIL_COUNT
} bh_detail;
/* Bytes of one detail; a role's participants may be longer (a list of names). */
#define SIM_MAX_DETAIL 200
#define SIM_MAX_DETAIL_NAMES 1000

typedef struct bh_input {
    bh_time time;
    bh_input_kind kind;
    int a;            /* action, decision, inject or meter index */
    int b;            /* option index for IN_CHOOSE */
    const char *text; /* IN_NOTE; the reason or the title of a facilitator's input */
    bh_time dur;      /* IN_EXTEND */
    double amount;    /* IN_ADJUST: a multiple of 1/1000 (it is journaled exactly) */
    const char *body; /* IN_MESSAGE */
    int joined;       /* IN_VOTE: the role's phones in the room */
    int count;        /* IN_PROPOSAL: how many people asked */
    /* IN_VOTE: per option of the decision, votes of low, medium and high
     * confidence (options past the decision's are 0) */
    int votes[TALLY_MAX_OPTIONS][TALLY_CONF];
} bh_input;

/* The facilitator's free texts: reasons, titles and bodies. */
#define SIM_MAX_FACIL_TEXT 1000
/* An adjustment's size, either way. */
#define SIM_MAX_ADJUST 1e9
/* The most phones of one role a vote or a proposal may count: far above a
 * room (the server takes 250), low enough that sums never overflow. */
#define SIM_MAX_ROOM 100000

/* ---- the event log: what happened, for transcripts and the debrief ---- */

typedef enum {
    LOG_INJECT,    /* a = inject */
    LOG_OPEN,      /* a = decision; to = deadline time */
    LOG_START,     /* a = action */
    LOG_CANCEL,    /* a = action */
    LOG_DONE,      /* a = action */
    LOG_CHOOSE,    /* a = decision, b = option */
    LOG_DEFAULT,   /* a = decision, b = option: the deadline passed */
    /* Changes: b = 1 when a background effect (an every() hook or a w.after
     * function) made them, rather than the event logged just before. */
    LOG_METER,     /* a = meter; from -> to */
    LOG_SYSTEM,    /* a = system; from -> to (status words) */
    LOG_TEAM,      /* a = team; from -> to (total staff) */
    LOG_NOTE,      /* text: w.note */
    LOG_FNOTE,     /* text: a facilitator's note (not simulation) */
    LOG_ENDING,    /* a = ending; b = 1 when the session's length (or cut's) ran out */
    /* An intervention of the facilitator, logged before what it caused
     * (the inject, the meter change, the ending): a = its bh_input_kind,
     * b = its inject, decision, meter or message; text = its reason or
     * title. extend: from = by how much, to = the new deadline (-1 while
     * frozen); freeze: from = the time left; unfreeze: to = the new
     * deadline; adjust: from = the amount asked for. */
    LOG_FACIL,
    /* The room's annotations (sim_room.c). LOG_VOTE: a = decision, b = role
     * (-1 = Observer), from = phones of the role in the room, to = its
     * tally's number (1, 2, ... in the session: the vote lines of one
     * tally share it), votes = the counts [option][TALLY_CONF] for the
     * decision's options. LOG_PROPOSAL:
     * a = action, b = role, from = how many more people asked for it. */
    LOG_VOTE,
    LOG_PROPOSAL
} bh_log_kind;

typedef struct bh_log_entry {
    bh_time time;
    bh_log_kind kind;
    int a, b;
    double from, to;
    char *text;
    int *votes; /* LOG_VOTE only (else NULL): see above */
} bh_log_entry;

typedef struct bh_point {
    bh_time time;
    double value;
} bh_point;

typedef struct bh_inbox_item {
    bh_time time;
    int inject;  /* -1: the facilitator's message number `message` */
    int message;
} bh_inbox_item;
/* What an inbox item shows: the inject, or for a facilitator's message a
 * definition made for it (channel internal, from "Facilitator", id
 * "facilitator:N", no hooks), owned by the sim. */
const bh_inject_def *sim_inbox_def(const bh_sim *s, const bh_inbox_item *it);
/* The facilitator's message number k (LOG_FACIL's b for IN_MESSAGE). */
const bh_inject_def *sim_facil_message(const bh_sim *s, int k);

/* Flags hold scenario-defined values. */
typedef enum { VAL_NIL, VAL_BOOL, VAL_NUM, VAL_STR } bh_val_type;
typedef struct bh_value {
    bh_val_type type;
    int b;
    double n;
    const char *s; /* owned by the sim when stored; borrowed when passed in */
} bh_value;

/* ---- life cycle ---- */

bh_status sim_create(bh_sim **out, const bh_defs *defs, bh_hooks hooks, uint64_t seed,
                     bh_err *err);
void sim_destroy(bh_sim *s);
/* Play the session in cut `cut` (an index into defs->cuts; -1: the whole
 * scenario): its length and, when it gives one, its rate replace the
 * scenario's, and when its time runs out an ending whose `when` holds
 * comes first, then the cut's ending, then the fallback. Only before the
 * session has begun (nothing advanced yet): BH_EUSAGE afterwards. */
bh_status sim_set_cut(bh_sim *s, int cut, bh_err *err);
/* The cut's index or -1; the session's length; its rate at 1x. */
int sim_cut(const bh_sim *s);
bh_time sim_length(const bh_sim *s);
double sim_rate(const bh_sim *s);

/* Process everything due at or before `target`, in order, then set the clock
 * to `target` (unless the session ended earlier). Never moves backwards. */
bh_status sim_advance(bh_sim *s, bh_time target, bh_err *err);
/* Time of the next pending event, or -1 when nothing is pending. */
bh_time sim_next_event(const bh_sim *s);

/* Would `in` be accepted now? BH_OK, or BH_EINPUT with the reason. Runs
 * availability conditions but changes nothing. `in->time` must be now. */
bh_status sim_check_input(bh_sim *s, const bh_input *in, bh_err *err);
/* Apply an input that sim_check_input accepted. */
bh_status sim_apply_input(bh_sim *s, const bh_input *in, bh_err *err);

/* ---- state queries ---- */

const bh_defs *sim_defs(const bh_sim *s);
bh_time sim_now(const bh_sim *s);
uint64_t sim_seed(const bh_sim *s);
/* Bumped by every change; lets the UI cache what it derives from state. */
uint64_t sim_version(const bh_sim *s);
/* Different for every session this process creates (never 0): tells a host
 * whether what it cached belongs to this session. */
uint64_t sim_serial(const bh_sim *s);
int sim_ended(const bh_sim *s);      /* 1 once an ending was reached */
/* The ending's index (defs_ending_at: the reserved ending is one past the
 * declared ones), or -1 */
int sim_ending(const bh_sim *s);
int sim_failed(const bh_sim *s);     /* 1 after a script error stopped it */
/* The facilitator's reason when `end` ended the session, else NULL. The
 * ending is then defs_ending_facilitator(defs). */
const char *sim_end_reason(const bh_sim *s);
const bh_err *sim_error(const bh_sim *s);

/* ---- the exercise's details (sim_details.c) ----
 * What `details` annotations said: the latest line for a field replaces
 * the earlier ones (the facilitator corrects a typo), an empty value
 * clears it. They change nothing else and are not in the log, so a
 * session plays, and its transcript reads, the same with them or without. */
/* "date", "venue", "organisation", "facilitator", "participants". */
const char *sim_detail_key(bh_detail k);
/* The field a key names, or -1. */
int sim_detail_of(const char *key);
/* The field's value (for DETAIL_PARTICIPANTS, role's: a team index or -1
 * for the Observers), or NULL when unset or cleared. */
const char *sim_detail(const bh_sim *s, bh_detail k, int role);
/* 1 when any field holds a value. */
int sim_has_details(const bh_sim *s);

/* ---- exercise objectives (sim_judge.c) ----
 * Each objective's `met` is judged once, when the session ends (by an
 * ending, by its length running out, or by the facilitator's `end`), as a
 * read-only condition charged to the session's budget; never before, and
 * never for a session that stopped on a script error or is not finished.
 * The judgement is part of the session (a replay judges the same) but
 * changes nothing in it. An error in `met` leaves that objective
 * OBJ_NOT_JUDGED with the error ("file:line: message") kept for reports;
 * the session is not failed by it. */
typedef enum { OBJ_NOT_JUDGED = 0, OBJ_MET, OBJ_NOT_MET } bh_obj_result;
/* Objective i's result; *error (when asked) is its error or NULL. */
bh_obj_result sim_objective(const bh_sim *s, int i, const char **error);
const char *sim_obj_result_name(bh_obj_result r); /* "met", "not met", "not judged" */
/* Finding i of the ending reached (defs_ending_at(d, sim_ending(s))->
 * findings[i]), judged with the objectives: OBJ_MET when its `when` held
 * (the ending shows its text), OBJ_NOT_MET when not, OBJ_NOT_JUDGED before
 * the end or when `when` failed (*error says why, as for objectives). */
bh_obj_result sim_finding(const bh_sim *s, int i, const char **error);
/* The ending's text followed by "In this session:" and a bullet per finding
 * that held, as the screens show it; malloc'd (the caller frees), or NULL
 * before the end, for no declared ending, or out of memory. */
char *sim_ending_text(const bh_sim *s);

double sim_meter(const bh_sim *s, int i);
const bh_point *sim_meter_history(const bh_sim *s, int i, size_t *n);
bh_status_word sim_system(const bh_sim *s, int i);
int sim_team_staff(const bh_sim *s, int i);
int sim_team_free(const bh_sim *s, int i);
/* The flag's value, or VAL_NIL. The string stays valid until it changes. */
bh_value sim_flag(const bh_sim *s, const char *name);
size_t sim_flag_count(const bh_sim *s);
const char *sim_flag_name(const bh_sim *s, size_t i);

const bh_inbox_item *sim_inbox(const bh_sim *s, size_t *n);
const bh_log_entry *sim_log(const bh_sim *s, size_t *n);
/* The room's tally of `decision` from the log: its latest group of vote
 * lines (the vote lines for it one after another at one instant, one per
 * role, as session_vote writes them; a role seen again starts another
 * group). `out` is always
 * initialised (tally_free it); out->decision is -1 when the decision has
 * no votes. BH_EUSAGE for a decision out of range, BH_ENOMEM. */
bh_status sim_tally(const bh_sim *s, int decision, bh_tally *out, bh_err *err);

typedef enum { ACT_AVAILABLE, ACT_RUNNING, ACT_DONE, ACT_BLOCKED } bh_act_state;
typedef struct bh_action_status {
    bh_act_state state;
    char reason[256];   /* why it is blocked (or done) */
    bh_time started, ends;
    double progress;    /* 0..1 while running (a standing one: to its next run) */
    int done;           /* completions so far */
    int standing;       /* a standing commitment: `ends` is its next run, and it
                           runs until cancelled */
} bh_action_status;
/* Where an action stands now, with the reason it cannot start. Runs its
 * availability condition, so it can fail with a script error. */
bh_status sim_action_status(bh_sim *s, int i, bh_action_status *out, bh_err *err);
int sim_action_running(const bh_sim *s, int i);
/* When a running action started and when it ends (0 and 0 when it is not
 * running): sim_action_status without the availability condition, so
 * read-only views (the room's) need no mutable session. */
int sim_action_times(const bh_sim *s, int i, bh_time *started, bh_time *ends);
int sim_action_done(const bh_sim *s, int i);

typedef enum { DEC_CLOSED, DEC_OPEN, DEC_DECIDED } bh_dec_state;
typedef struct bh_decision_status {
    bh_dec_state state;
    bh_time opened, deadline; /* absolute times */
    bh_time left;             /* deadline - now while open */
    int chosen;               /* option index, or -1 */
    int by_default;           /* 1 when the deadline chose */
    int frozen;               /* the facilitator stopped its clock: `left` stays */
} bh_decision_status;
void sim_decision_status(const bh_sim *s, int i, bh_decision_status *out);

/* What a condition cost and did so far in this session: its calls, those
 * that read w.time (the calls a clock check makes while the condition waits
 * on the clock: `after` or an event spares them), and, with verification on,
 * the times its remembered answer differed from a fresh call (it depends on
 * something other than `w`, such as a Lua variable an effect changes). */
typedef enum { COND_INJECT, COND_DECISION, COND_ENDING, COND_ACTION } bh_cond_kind;
typedef struct bh_cond_stats {
    unsigned calls, clock_calls, stale;
} bh_cond_stats;
void sim_cond_stats(const bh_sim *s, bh_cond_kind kind, int i, bh_cond_stats *out);
/* Verification: every time a condition is answered from memory, call it
 * anyway and count a disagreement (sim_cond_stats' `stale`). The answer
 * used is still the remembered one, and the extra calls count toward no
 * budget, so a verified session plays exactly as an unverified one. */
void sim_verify_memos(bh_sim *s, int on);
int sim_inject_fired(const bh_sim *s, int i);

/* ---- the world API that scenario hooks use (the `w` handle) ----
 * Writes fail with BH_EINPUT while a condition is being evaluated. */

int sim_in_condition(const bh_sim *s);
bh_status sim_set_meter(bh_sim *s, int i, double v, bh_err *err);
bh_status sim_set_system(bh_sim *s, int i, bh_status_word st, bh_err *err);
bh_status sim_set_team_staff(bh_sim *s, int i, int staff, bh_err *err);
bh_status sim_set_flag(bh_sim *s, const char *name, bh_value v, bh_err *err);
/* The session's generator; NULL (with err) inside a condition. */
bh_rng *sim_rng(bh_sim *s, bh_err *err);
bh_status sim_fire(bh_sim *s, int inject, bh_err *err);
bh_status sim_open(bh_sim *s, int decision, bh_err *err);
/* Takes ownership of `hook` (released after it runs or when the sim dies). */
bh_status sim_after(bh_sim *s, bh_time delay, bh_hook hook, bh_err *err);
bh_status sim_note(bh_sim *s, const char *text, bh_err *err);
bh_status sim_finish(bh_sim *s, int ending, bh_err *err);

#endif
