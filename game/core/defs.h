/* defs: what a scenario declares.
 *
 * The script layer fills a bh_defs from a .lua file; the core only reads it.
 * Hooks are opaque integers that the hook interface (sim.h) knows how to
 * call, so the core never sees Lua. Every declaration keeps the file:line it
 * came from, because every later error about it must name that place.
 * Strings are owned by the defs and freed with defs_free. */
#ifndef BH_DEFS_H
#define BH_DEFS_H

#include <stddef.h>

#include "core/dur.h"

typedef int bh_hook; /* 0 = no hook */

typedef struct bh_loc {
    const char *file; /* interned in bh_defs.files */
    int line;
} bh_loc;

/* Where an inject or action comes from: public reporting of the incident
 * the scenario is based on (fact), another real incident standing in for
 * something the victim never reported (analogy, always with a ref), or
 * the author's invention (fiction). */
typedef enum { SRC_NONE = 0, SRC_FACT, SRC_FICTION, SRC_ANALOGY } bh_source;

typedef enum {
    CH_EMAIL, CH_PHONE, CH_NEWS, CH_SOCIAL, CH_REGULATOR, CH_INTERNAL, CH__COUNT
} bh_channel;

typedef enum {
    KIND_CONTAIN, KIND_COMMUNICATE, KIND_RESTORE, KIND_INVESTIGATE, KIND__COUNT
} bh_kind;

typedef enum {
    FUNC_NONE = 0, FUNC_IDENTIFY, FUNC_PROTECT, FUNC_DETECT, FUNC_RESPOND, FUNC_RECOVER,
    FUNC__COUNT
} bh_func;

typedef enum {
    ST_ONLINE, ST_DEGRADED, ST_COMPROMISED, ST_ENCRYPTED, ST_ISOLATED, ST_OFFLINE,
    ST_RESTORING, ST__COUNT
} bh_status_word;

typedef enum { TONE_NONE = 0, TONE_GOOD, TONE_MIXED, TONE_BAD } bh_tone;

typedef struct bh_scenario_def {
    char *id, *title, *summary, *based_on, *briefing, *organisation, *stakes;
    char *difficulty;
    int64_t start_epoch;  /* calendar seconds of T+0 */
    bh_time length;
    double rate;          /* sim seconds per real second at 1x */
    bh_time check_every;  /* condition check interval */
    bh_loc loc;
} bh_scenario_def;

typedef struct bh_meter_def {
    char *id, *label, *description;
    double start, min, max;
    int good_low; /* 1 when lower is better (cost, fatigue) */
    bh_loc loc;
} bh_meter_def;

typedef struct bh_system_def {
    char *id, *label, *description;
    bh_status_word status;
    bh_loc loc;
} bh_system_def;

typedef struct bh_team_def {
    char *id, *label;
    int staff;
    bh_loc loc;
} bh_team_def;

typedef struct bh_reference_def {
    char *id, *title, *cite;
    bh_loc loc;
} bh_reference_def;

typedef struct bh_texts {
    char **v;
    size_t n;
} bh_texts;

/* Facilitator-only guidance on an inject, action or decision: never shown
 * to players (not in the transcript, the room or the phones). Written as a
 * text (`text`) or as a table { good = ..., expected = ..., hint = ... };
 * each part may be NULL. */
typedef struct bh_fnote {
    char *text, *good, *expected, *hint;
} bh_fnote;

typedef struct bh_inject_def {
    char *id, *from, *title, *body, *ref;
    bh_channel channel;
    bh_source source;
    int has_at;
    bh_time at;
    bh_hook when, effect;
    bh_time after; /* `when` is first checked at this time (0: from the start) */
    int repeatable;
    bh_texts discuss;
    bh_fnote facilitator;
    bh_loc loc;
} bh_inject_def;

#define DEFS_MAX_DAILY 8 /* times of the day a standing action may name */

typedef struct bh_defs bh_defs;

typedef struct bh_action_def {
    char *id, *label, *text, *ref;
    char *team_id; /* resolved into `team` after loading */
    int team;
    bh_kind kind;
    bh_func func;
    int staff;
    bh_time takes;
    bh_source source;
    bh_hook available, on_start, on_cancel, effect;
    int repeatable, recommended;
    /* A standing commitment (the field `every`): once started it holds its
     * staff until cancelled, and its effect runs at each of its times
     * (defs_standing_next), each run a completion. Either an interval
     * (every > 0) or times of the day (ndaily > 0: seconds after midnight
     * on the scenario's calendar, ascending); both 0 for an ordinary
     * action. */
    bh_time every;
    int ndaily;
    int daily[DEFS_MAX_DAILY];
    bh_fnote facilitator;
    bh_loc loc;
} bh_action_def;

/* 1 when action x is a standing commitment. */
static inline int defs_standing(const bh_action_def *x)
{
    return x->every > 0 || x->ndaily > 0;
}
/* When standing action x runs next: its first run when `first` (`t` is
 * then when `takes` has elapsed: the interval's first run is at t, the
 * daily times' at the first one at or after t), else the run after the
 * one at t. Uses the scenario's calendar for times of the day. */
bh_time defs_standing_next(const bh_defs *d, const bh_action_def *x, bh_time t, int first);
/* "every 1d" or "every day at 09:00 and 17:00", for people. */
char *defs_standing_text(const bh_action_def *x, char *buf, size_t n);

typedef struct bh_option_def {
    char *id, *label, *text;
    bh_hook effect;
    int recommended;
} bh_option_def;

typedef struct bh_decision_def {
    char *id, *prompt, *from;
    bh_time deadline;
    int default_opt;
    bh_option_def *options;
    size_t noptions;
    int has_at;
    bh_time at;
    bh_hook when;
    bh_time after; /* `when` is first checked at this time */
    bh_texts discuss;
    bh_fnote facilitator;
    bh_loc loc;
} bh_decision_def;

/* One of an ending's findings: a sentence shown under the ending only
 * when its `when` held at the end of the session (sim_judge.c), so that an
 * ending names the failures (or successes) this session actually had. */
typedef struct bh_finding_def {
    char *text;
    bh_hook when;
} bh_finding_def;

typedef struct bh_ending_def {
    char *id, *title, *text;
    bh_finding_def *findings; /* judged at the end, in order; see sim_finding */
    size_t nfindings;
    bh_hook when;
    bh_time after; /* `when` is first checked at this time */
    int fallback;
    bh_tone tone;
    bh_loc loc;
} bh_ending_def;

/* A session cut: a shorter session of the same scenario, fitted to a
 * workshop's agenda. Its length replaces the scenario's, its rate (when
 * given) the scenario's rate; when its time runs out an ending whose
 * `when` holds comes first, then its own ending, then the fallback. */
typedef struct bh_cut_def {
    char *id, *label;
    bh_time length;
    int agenda;        /* the planned workshop time, in real minutes */
    double rate;       /* simulated seconds per real second at 1x; 0 = the scenario's */
    char *ending_id;   /* NULL when none; resolved into `ending` after loading */
    int ending;        /* -1 when none */
    bh_loc loc;
} bh_cut_def;

/* An exercise objective: what the room set out to do, judged once when
 * the session ends (`met`, a read-only condition over `w`; see sim.h's
 * sim_objective). Never changes the simulation. */
typedef struct bh_objective_def {
    char *id, *text;
    bh_hook met;
    bh_loc loc;
} bh_objective_def;

typedef struct bh_every_def {
    bh_time interval;
    bh_hook fn;
    bh_loc loc;
} bh_every_def;

#define DEFS_ARRAY(type, name) \
    type *name;                \
    size_t n##name, cap_##name

struct bh_defs {
    int has_scenario;
    bh_scenario_def scenario;
    DEFS_ARRAY(bh_meter_def, meters);
    DEFS_ARRAY(bh_system_def, systems);
    DEFS_ARRAY(bh_team_def, teams);
    DEFS_ARRAY(bh_reference_def, references);
    DEFS_ARRAY(bh_inject_def, injects);
    DEFS_ARRAY(bh_action_def, actions);
    DEFS_ARRAY(bh_decision_def, decisions);
    DEFS_ARRAY(bh_ending_def, endings);
    DEFS_ARRAY(bh_every_def, everys);
    DEFS_ARRAY(bh_cut_def, cuts);
    DEFS_ARRAY(bh_objective_def, objectives);
    DEFS_ARRAY(char *, files); /* interned file names for bh_loc */
};

void defs_init(bh_defs *d);
void defs_free(bh_defs *d);
/* Intern a file name; returns a pointer that lives as long as the defs. */
const char *defs_intern_file(bh_defs *d, const char *file);

/* Index lookups by id; -1 when absent. Linear: scenarios hold tens of items. */
int defs_meter(const bh_defs *d, const char *id);
int defs_system(const bh_defs *d, const char *id);
int defs_team(const bh_defs *d, const char *id);
int defs_reference(const bh_defs *d, const char *id);
int defs_inject(const bh_defs *d, const char *id);
int defs_action(const bh_defs *d, const char *id);
int defs_decision(const bh_defs *d, const char *id);
int defs_ending(const bh_defs *d, const char *id);
int defs_cut(const bh_defs *d, const char *id);
int defs_objective(const bh_defs *d, const char *id);
int defs_option(const bh_decision_def *dd, const char *id);

/* ---- the reserved ending ----
 * The facilitator's `end` input ends a session with the ending
 * "ended_by_facilitator". No scenario declares it (the script layer
 * refuses one that tries), so it is not in `endings`: it has the index
 * just past them, and code that shows an ending by index asks
 * defs_ending_at. Lists of the declared endings stay as they were. */
#define DEFS_ENDING_FACILITATOR "ended_by_facilitator"
int defs_ending_facilitator(const bh_defs *d); /* = d->nendings */
/* Ending i: a declared one, the reserved one, or NULL. */
const bh_ending_def *defs_ending_at(const bh_defs *d, int i);

/* Names of enumerations, and parsing them back (-1 when unknown). */
const char *defs_channel_name(bh_channel c);
const char *defs_kind_name(bh_kind k);
const char *defs_func_name(bh_func f);
const char *defs_status_name(bh_status_word s);
const char *defs_tone_name(bh_tone t);
int defs_parse_channel(const char *s);
int defs_parse_kind(const char *s);
int defs_parse_func(const char *s);
int defs_parse_status(const char *s);
int defs_parse_tone(const char *s);
/* Lists like "online, degraded, ..." for error messages. */
const char *defs_channel_list(void);
const char *defs_kind_list(void);
const char *defs_func_list(void);
const char *defs_status_list(void);

#endif
