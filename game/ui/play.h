/* play: one interactive session, as the desktop game runs it.
 *
 * This is the game's controller, and it includes no SDL so that it can be
 * tested without a display. It owns the Lua host, the simulation and the
 * journal of one session, and turns real time into simulated time:
 * simulated seconds = real seconds x the scenario's rate x the speed.
 * Pause and speed are not inputs (DESIGN.md section 1): they change only
 * how fast the clock is fed, so they are never journaled.
 *
 * Every player input goes through session_input, which journals it (with
 * fsync) before it takes effect. The clock position is kept beside the
 * journal in JOURNAL.clock, rewritten atomically, so that a session killed
 * at any moment resumes where the clock was and not only where the last
 * input was. A "last" file in the data folder names the journal of the
 * session in progress; it goes away when that session ends.
 *
 * A script error during play does not end the program: the session stops
 * (sim_failed), play_error says what and where, and the UI shows it.
 *
 * Which inbox messages the player has read is kept beside the journal too,
 * in JOURNAL.read, so they do not come back as new after Continue. A kill
 * can leave the journal's last line half written; that input was never
 * acknowledged, so Continue removes the line and says so in p->notice. */
#ifndef UI_PLAY_H
#define UI_PLAY_H

#include <stddef.h>
#include <stdint.h>

#include "core/journal.h"
#include "core/sim.h"
#include "script/lh_host.h"

#define PLAY_PATH_MAX 1024

/* Why the clock stopped by itself (a workshop's pacing, play_pace.c). */
typedef enum play_paused_by {
    PLAY_PAUSED_NOT,      /* it did not: running, or paused by someone */
    PLAY_PAUSED_DECISION, /* a decision opened (workshop mode, or a jump to it) */
    PLAY_PAUSED_MESSAGE   /* a message came in (play_set_pause_on_message) */
} play_paused_by;

typedef struct play {
    lh_host *host;
    bh_sim *sim;
    bh_journal journal;
    char scenario[PLAY_PATH_MAX];  /* the scenario file as given */
    char journal_path[PLAY_PATH_MAX];
    char data_dir[PLAY_PATH_MAX];
    uint64_t seed;
    char cut[64];       /* the session cut's id, or "" for the whole scenario */
    int cut_index;      /* that cut in the defs, or -1 for none */
    int workshop;       /* 1 in workshop mode: starts paused, pauses when a decision opens */
    int speed;          /* 0 = paused, else 1, 2, 4 or 8 */
    double carry;       /* simulated seconds owed but not yet whole */
    bh_time clock_saved; /* last time written to the .clock file */
    int failed;         /* a script error stopped the session */
    bh_err error;       /* that error, with file:line and traceback */
    long long files_stamp; /* the scenario's files' modification times when loaded */
    unsigned char *read; /* per inbox position: 1 once the player has read it */
    size_t nread;
    char notice[600];   /* what resuming had to repair, for the player; "" if nothing */
    /* pacing (play_pace.c) */
    int pause_on_message; /* the facilitator asked: pause on every new inbox message */
    play_paused_by paused_by; /* why the clock last stopped by itself; PLAY_PAUSED_NOT
                               * again once it runs */
    int last_speed;     /* the last running speed (1 before any): projections while paused */
    double real_used;   /* real seconds given to play_tick, paused or not: the agenda
                         * (kept in JOURNAL.agenda, so Continue goes on counting) */
    /* private to play.c and play_pace.c */
    int live;           /* set up by play_start/play_resume: journal.fd is meaningful */
    int ended_seen;     /* the ending was noticed and DATA_DIR/last let go */
    double real_since_save; /* real seconds fed since the clock file was written */
    size_t seen_log, seen_inbox; /* log and inbox sizes before the call in progress */
    double real_since_agenda; /* real seconds counted since JOURNAL.agenda was written */
    /* Called just before a decision closes: before an input chooses in it,
     * and before the clock reaches its deadline (the default). The room's
     * votes are journaled there, ahead of the choice (issue 14). NULL for
     * none; the app sets it after play_start or play_resume, which clear it. */
    void (*before_close)(void *ud, int decision);
    void *before_close_ud;
} play;

/* Start a new session of `scenario` with `seed`. The journal goes to
 * DATA_DIR/journals/SCENARIO-ID-YYYYMMDD-HHMMSS[-N].journal (the folder is
 * made when missing) and DATA_DIR/last is pointed at it. Load problems come
 * back in `diags` (which the caller frees) with BH_ESCRIPT. */
bh_status play_start(play *p, const char *scenario, const char *data_dir, uint64_t seed,
                     lh_diags *diags, bh_err *err);
/* How a new session is played: in a session cut, as a workshop. */
typedef struct play_how {
    const char *cut; /* the cut's id, or NULL for the whole scenario */
    int workshop;    /* a facilitated workshop */
} play_how;
/* play_start in the cut and mode `how` says (NULL: as play_start). The
 * journal's header records both (`cut ID`, `mode workshop`), and p->cut,
 * p->cut_index and p->workshop hold them. A cut the scenario does not
 * declare is BH_EUSAGE, with a "did you mean". */
bh_status play_start_how(play *p, const char *scenario, const char *data_dir, uint64_t seed,
                         const play_how *how, lh_diags *diags, bh_err *err);
/* Resume the session recorded in `journal`: load the scenario it names,
 * replay it (in its cut), advance to the saved clock, and keep appending
 * to it. p->cut, p->cut_index and p->workshop come from its header. The
 * session comes back paused, with the messages read before marked read. A
 * torn last line is cut off first, and p->notice says so. */
bh_status play_resume(play *p, const char *journal, const char *data_dir, lh_diags *diags,
                      bh_err *err);
/* Save the clock and close everything. Safe on a zeroed or closed play. */
void play_close(play *p);

/* Feed `real_seconds` of wall time (since the last call) at the current
 * speed; paused, it only counts toward the agenda. At most 1 s is fed per
 * call (a stalled frame must not jump hours). In workshop mode the clock
 * stops at the second a decision opens (see pacing below). Script errors
 * set p->failed and come back as BH_ESCRIPT; the session then stays
 * stopped. */
bh_status play_tick(play *p, double real_seconds, bh_err *err);
/* Jump the clock to the next pending event (nothing when none). */
bh_status play_skip(play *p, bh_err *err);
/* Apply an input at the current time (in->time is set here). BH_EINPUT
 * means refused, with the reason in err; the session goes on unchanged. */
bh_status play_input(play *p, bh_input *in, bh_err *err);
/* Pausing (speed 0) also writes the clock file, so a paused session
 * resumes exactly where it stood. */
void play_set_speed(play *p, int speed);

/* ---- pacing: a workshop's clock (play_pace.c) ----
 * A workshop session starts paused and stops by itself at the simulated
 * second a decision opens, and, when the facilitator asks, a message comes
 * in: the rest of that tick is not fed, so nothing goes by unseen. Call
 * play_tick every frame, paused or not: a paused tick moves nothing, but
 * its real seconds count toward the agenda. p->paused_by says why the clock
 * stopped by itself, until it runs again. */

/* Workshop mode on or off. Turning it on pauses the clock: a workshop
 * starts paused, and only the facilitator starts it. */
void play_set_workshop(play *p, int on);
/* Pause on every new inbox message too (off by default). */
void play_set_pause_on_message(play *p, int on);
/* Advance to the simulated second the next decision opens, and pause
 * there. When none will open before the session ends, BH_EINPUT and a
 * message for the facilitator in err, and nothing changes. Found by
 * playing a scratch copy of the session (journal and clock) ahead. */
bh_status play_jump_to_decision(play *p, bh_err *err);

/* The agenda clock: what the facilitator's console shows. Minutes are
 * real minutes of the workshop. */
typedef struct play_agenda_info {
    double used_min;   /* real minutes so far, paused time included */
    double agenda_min; /* the cut's planned minutes; 0: no agenda (no cut) */
    double left_min;   /* agenda_min - used_min (negative: over); 0 without an agenda */
    int speed;         /* the speed projected at: the current one, or while paused the
                        * last one it ran at (1 before any) */
    double run_min;    /* real minutes the simulated time left takes at that speed */
    double finish_min; /* used_min + run_min: the finish, if no more pauses */
    double late_min;   /* finish_min - agenda_min: > 0 late, <= 0 in time; 0 without one */
    int fit_speed;     /* the slowest speed (1, 2, 4, 8) finishing within the agenda;
                        * 0 when none does, or without an agenda */
} play_agenda_info;
void play_agenda(const play *p, play_agenda_info *out);
/* The same from the numbers: real seconds used, the agenda in minutes, the
 * simulated seconds left, simulated seconds per real second at 1x, speed. */
void play_agenda_project(double used_s, double agenda_min, double sim_left_s, double rate,
                         int speed, play_agenda_info *out);

/* Hot reload: read the scenario's files afresh and replay the journal into
 * them, up to where the clock is now, so the session stays where it was.
 * Nothing changes when that fails: the last good session goes on, and err
 * says why (the script's file:line and traceback, or the journal line that
 * no longer applies). A session a script error had stopped runs again when
 * the new version gets past it. */
bh_status play_reload(play *p, lh_diags *diags, bh_err *err);
/* 1 when any of the scenario's files (includes too) changed on disk since
 * it was loaded or last looked at; a change is reported once. */
int play_files_changed(play *p);

/* Has the player read the message at inbox position k? */
int play_is_read(const play *p, size_t k);
/* The player has read it: remember that beside the journal (best effort:
 * if the file cannot be written, it only shows as new after Continue). */
void play_mark_read(play *p, size_t k);

/* Real seconds until simulated `t` at the current speed; -1 when paused. */
double play_real_seconds_until(const play *p, bh_time t);
/* Write the clock file now (play_tick does so about once a real second). */
bh_status play_save_clock(play *p, bh_err *err);

/* The journal of the session in progress named by DATA_DIR/last, if it
 * exists and its session has not ended; 1 and the path in `out`, else 0. */
int play_find_unfinished(const char *data_dir, char *out, size_t n);
/* The journal DATA_DIR/last names, if it exists, whatever state its session
 * is in (it may no longer replay: the title offers to show why). */
int play_last_journal(const char *data_dir, char *out, size_t n);

/* The first error among load diagnostics as a bh_err (file:line). */
bh_status play_load_error(const lh_diags *d, bh_status st, const char *path, bh_err *err);

/* ---- the scenario list on the title screen ---- */

/* Which folder a scenario came from: the title shows them in two groups. */
typedef enum play_source { PLAY_SHIPPED, PLAY_USER } play_source;

/* The file the shipped tutorial is in: listed first. */
#define PLAY_TUTORIAL "tutorial.lua"

typedef struct play_entry {
    char path[PLAY_PATH_MAX];  /* the file, to open */
    char shown[PLAY_PATH_MAX]; /* where it lives, for the player: "tutorial.lua" for a
                                * shipped one, "~/.local/share/bulkhead/scenarios/x.lua"
                                * for the player's own (the home folder as ~) */
    play_source source;
    char *title, *summary, *difficulty;
    bh_time length;
    int ok;            /* 0 when it failed to load: `problem` says why */
    char *problem;
} play_entry;

typedef struct play_catalogue {
    play_entry *v;
    size_t n;
    char user_shown[PLAY_PATH_MAX]; /* the player's folder as shown ("~/..."), or ""
                                     * when there is none */
} play_catalogue;

/* Every *.lua that declares a scenario in `shipped` and then in `user`
 * (the player's own folder; NULL for none), files that only hold included
 * texts skipped. The shipped ones come first, the tutorial at their head;
 * within each folder, by title, and files that fail to load last, with
 * ok = 0 and the first error, so an author sees why. The user's folder is
 * created when missing, so authors find where to put their scenarios; when
 * it cannot be, it simply lists nothing. A shipped folder that cannot be
 * read is BH_EIO, with the user's scenarios still listed. */
bh_status play_catalogue_scan(play_catalogue *c, const char *shipped, const char *user,
                              bh_err *err);
void play_catalogue_free(play_catalogue *c);

/* ---- the exercise's details (play_details.c, issue 18) ----
 * A form's slots: 0 to 3 the date, venue, organisation and facilitator,
 * then one per team in the scenario's order, then the Observers. */
int play_details_slots(const bh_defs *d);
/* Slot's field; *role its team (-1: Observers, or not a participants slot). */
bh_detail play_details_field(const bh_defs *d, int slot, int *role);
/* "Date", ..., a team's label, "Observer". */
const char *play_details_label(const bh_defs *d, int slot);
/* The slot of a role (a team id or "observer"), or -1. */
int play_details_slot_of(const bh_defs *d, const char *role);
/* The session's value of a slot, or NULL (unset). */
const char *play_details_value(const play *p, int slot);
/* Journal slot's value (NULL or "": clear it) through play_input when it
 * differs from the session's; BH_OK doing nothing when it is the same. */
bh_status play_details_set(play *p, int slot, const char *value, bh_err *err);
/* The form's pre-fills: the organisation's name at the start of the
 * scenario's organisation text ("" when none reads as one), and today's
 * date as YYYY-MM-DD. */
void play_details_org(const bh_defs *d, char *out, size_t n);
void play_details_today(char *out, size_t n);

#endif
