/* rv_model: the room view model, what the room may see of a workshop.
 *
 * The projector window and (issue 14) the phones draw only from this. It
 * is a pure function of the session and of what the facilitator chose to
 * show (rv_show): rv_build copies player-safe content out of the sim and
 * the defs into strings the model owns, and nothing else. Facilitator-only
 * content (facilitator notes, hints, the recommended options before the
 * ending, what comes next, what-if) is never copied in, so a screen that
 * draws the model cannot leak it through a bug: the leak test
 * (tests/unit/test_ui_leak.c) proves it with marker strings.
 *
 * The model is a plain value: built, drawn (or served), freed. It holds no
 * pointer into the session, so a copy can be handed to another thread.
 * Includes neither SDL nor Lua (game/room rules). */
#ifndef RV_MODEL_H
#define RV_MODEL_H

#include <jansson.h>
#include <stddef.h>

#include "core/err.h"
#include "core/sim.h"
#include "core/tally.h"
#include "room/rv_qr.h"

/* The join page shows a code for the first LAN address and for up to
 * this many more. */
#define RV_JOIN_ALSO 2

/* The debrief's tabs, in the desktop debrief's order. The facilitator
 * picks which the room sees during a hot wash (rv_show.hotwash_tabs). */
enum {
    RV_TAB_TIMELINE, RV_TAB_METERS, RV_TAB_DECISIONS, RV_TAB_FUNCTIONS, RV_TAB_HOTWASH,
    RV_TAB_FACTS, RV_TAB_NOTES, RV_TABS
};

typedef enum { RV_SLIDE_NONE, RV_SLIDE_INJECT, RV_SLIDE_DECISION } rv_slide_kind;

/* What the facilitator chose to show the room. Set from the console; not
 * session state (never journaled): a projector choice changes nothing in
 * the simulation. */
typedef struct rv_show {
    int blank;              /* the holding slide ('.'): nothing of the session shows */
    rv_slide_kind slide;    /* a discussion slide is up, or RV_SLIDE_NONE */
    int slide_index;        /* the inject or decision (index in the defs) it is for */
    int hotwash;            /* the room looks at the debrief (the hot wash) */
    unsigned hotwash_tabs;  /* bit RV_TAB_x: the room may see that tab */
    int hotwash_tab;        /* the tab up now (one of those shown) */
    int hotwash_first;      /* the first row shown: the console pages through a long tab */
    int reveal;             /* the room's tally of the open decision is shown (issue 14) */
} rv_show;

/* What rv_build reads: the session, and the little the controller knows
 * that the sim does not. */
typedef struct rv_source {
    const bh_sim *sim;
    int speed;              /* 0 paused, else 1, 2, 4, 8 */
    int started;            /* the facilitator has started the clock once */
    const char *join;       /* the URL a phone opens to join (issue 14); NULL or "" for none */
    const char *join_code;  /* the room code to type if the QR cannot be scanned; NULL or "" */
    /* the URLs of the laptop's other networks (wired and Wi-Fi, say), each
     * with its own QR code; NULL ends the list */
    const char *join_also[RV_JOIN_ALSO];
    const json_t *report;   /* the report model (rp_build) while a hot wash is up, or NULL */
    /* issue 14: where each action stands ([nactions], from sim_action_status,
     * which runs scripts and so needs the live sim), for the phones'
     * proposals; NULL leaves the actions out (the projector shows none) */
    const bh_action_status *acts;
    /* the phones' votes on the open decision, shown when show->reveal;
     * NULL for none */
    const bh_tally *tally;
    /* which session this is, as an opaque word (a hash of its journal's
     * path): a phone that kept a vote to send again sends it only to the
     * same session; NULL for none */
    const char *session;
} rv_source;

typedef enum { RV_BEFORE, RV_PLAYING, RV_ENDED } rv_phase;

typedef struct rv_meter {
    char *label;
    double value, min, max, start;
    int good_low;           /* lower is better */
    int trend;              /* +1 rose, -1 fell, 0 flat over the last half hour */
} rv_meter;

typedef struct rv_system {
    char *label;
    bh_status_word status;
} rv_system;

typedef struct rv_team {
    char *label;
    int staff, free;
} rv_team;

typedef struct rv_running {
    char *label, *team;
    double done;            /* 0..1 (0 for a standing one: it has no finish) */
    bh_time left;           /* simulated seconds to completion, or to the next run */
    char *standing;         /* a standing commitment: "every day at 18:00"; else NULL */
} rv_running;

typedef struct rv_option {
    char letter;            /* 'A', 'B', ... as the console's keys */
    char *label, *text;
    int is_default;         /* taken when the deadline passes */
    int recommended;        /* only ever set once the session has ended */
} rv_option;

typedef struct rv_decision {
    int open;               /* 0: no decision is open (the rest is empty) */
    char *prompt, *from;
    rv_option *options;
    size_t noptions;
    bh_time left;           /* simulated seconds to the deadline */
    double left_real;       /* real seconds to it at the current speed; -1 when paused or frozen */
    int frozen;             /* the facilitator stopped its clock: `left` stays */
    bh_time total;          /* deadline - opened when it opened (for a bar) */
    char *default_label;    /* the default option's label */
    int others;             /* more decisions open, waiting behind this one */
    int index;              /* in the defs; the phones' key is "d<index>" */
} rv_decision;

typedef struct rv_message {
    int has;                /* 0: nothing has come in yet */
    char *from, *title, *body;
    bh_channel channel;
    bh_time at;
} rv_message;

typedef struct rv_row {     /* a line of a slide or a hot-wash tab */
    char *meta;             /* small text above (a time, a label); may be "" */
    char *text;
    int recommended;        /* what responders advise: only ever set after the ending */
} rv_row;

/* A role a phone can join as: one of the scenario's teams, then Observer. */
typedef struct rv_role {
    char key[24];           /* "r<team index>", or "observer" */
    char *label;
} rv_role;

/* An action a phone of its role may propose (issue 14). */
typedef struct rv_action {
    char key[24];           /* "a<action index>" */
    char *label, *text;
    int role;               /* index in rv_model.roles; -1 for any team */
    bh_act_state state;
    char *reason;           /* why it cannot start now (or is done); "" */
} rv_action;

/* The room's votes, as revealed on the projector and the phones. */
typedef struct rv_tally_role {
    int role;               /* index in rv_model.roles */
    int joined, voters;
    int votes[TALLY_MAX_OPTIONS];
} rv_tally_role;

typedef struct rv_tally {
    int shown;              /* 0: not revealed (the rest is empty) */
    int decision;           /* index in the defs */
    tally_sum sum;          /* over every role */
    rv_tally_role *roles;   /* the roles with phones in the room */
    size_t nroles;
} rv_tally;

typedef struct rv_model {
    rv_phase phase;
    int blank;              /* draw only the holding slide */
    char *title, *organisation, *summary;
    char *cut_label;        /* "" for the whole scenario */
    int agenda_min;         /* the cut's planned minutes; 0 without */
    rv_row *agenda;         /* before play: what the session will be */
    size_t nagenda;
    char *join;             /* the join URL; "" when phones cannot join */
    char *join_code;        /* the room code; "" for none */
    rv_qr join_qr;          /* the join URL as a QR code, before play only
                             * (version 0 when there is none or it is too long) */
    char *join_also[RV_JOIN_ALSO]; /* the other networks' URLs, with their codes */
    rv_qr join_also_qr[RV_JOIN_ALSO];
    int njoin_also;
    bh_time now, length;
    char clock[32];         /* "T+01:20" */
    char calendar[48];      /* the scenario's date and time at now */
    int speed;              /* 0 paused */

    rv_meter *meters;     size_t nmeters;
    rv_system *systems;   size_t nsystems;
    rv_team *teams;       size_t nteams;
    rv_running *running;  size_t nrunning;
    rv_message latest;
    rv_decision decision;

    /* a discussion slide the facilitator put up */
    int slide;              /* 1 when up */
    char *slide_title;
    rv_row *questions;    size_t nquestions;

    /* the ending, once reached */
    char *ending_title, *ending_text;
    bh_tone ending_tone;

    /* the hot wash: the tab the facilitator shows, and which they allow */
    int hotwash;
    unsigned hotwash_tabs;
    int hotwash_tab;
    char *tab_title;
    rv_row *rows;         size_t nrows;
    size_t rows_before;     /* rows of the tab before these (show.hotwash_first) */

    /* issue 14: the phones' roles (in every model, the holding slide too:
     * a phone joins whatever the projector shows), the actions they may
     * propose, and the tally when the facilitator reveals it */
    char session[24];       /* rv_source.session, in every state; "" for none */
    rv_role *roles;       size_t nroles;
    rv_action *actions;   size_t nactions;
    rv_tally tally;
} rv_model;

/* Build the room's view of `src` with the facilitator's choices `show`.
 * *m is overwritten (rv_free it first when reusing). BH_ENOMEM on
 * allocation failure (BH_EUSAGE without a session), with *m left as the
 * holding slide: freeable, and safe to draw. */
bh_status rv_build(rv_model *m, const rv_source *src, const rv_show *show, bh_err *err);
void rv_free(rv_model *m);
/* The decision the room sees and votes on: the open one with the least
 * time left; -1 when none is open. */
int rv_open_decision(const bh_sim *s);
/* The tab names, for the console's controls and the projector's heading. */
const char *rv_tab_name(int tab);
/* The projector window's title: "Bulkhead projector — " and the
 * scenario's title (the window title is on show too, in the task bar). */
void rv_window_title(const rv_model *m, char *buf, size_t n);

/* rv_hotwash.c: what rv_build uses for the slide and the hot wash. */
bh_status rv_build_slide(rv_model *m, const bh_sim *s, const rv_show *show);
bh_status rv_build_hotwash(rv_model *m, const bh_sim *s, const json_t *report,
                           const rv_show *show);
/* rv_room.c: the roles, the actions and the tally; and freeing them. */
bh_status rv_build_roles(rv_model *m, const bh_defs *d);
/* Before any session, on a workshop's briefing: the holding slide with
 * the scenario's title and roles, so that phones can join while the
 * facilitator briefs the room. */
bh_status rv_build_waiting(rv_model *m, const bh_defs *d, bh_err *err);
bh_status rv_build_room(rv_model *m, const rv_source *src, const rv_show *show);
void rv_free_room(rv_model *m);
/* A string the model owns ("" for NULL); NULL only when out of memory. */
char *rv_dup(const char *s);

#endif
