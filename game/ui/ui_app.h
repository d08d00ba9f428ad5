/* ui_app: the desktop game's shell. Owns the window, the screens and the
 * session.
 *
 * The app is a state machine of screens (title, briefing, operations room,
 * settings, ending, error, debrief) with overlays on the operations room
 * (decision dialog, pause menu, script-error panel). app_frame runs one
 * frame: it takes the pending SDL events, feeds real time to the session,
 * draws the current screen, and acts on what the screen asked for (a->req).
 * Tests and the benchmark call app_frame with a fixed dt after pushing
 * SDL events, so a whole playthrough runs headless and deterministically. */
#ifndef UI_APP_H
#define UI_APP_H

#include <jansson.h>
#include <stdint.h>

#include "room/rv_model.h"
#include "room/srv.h"
#include "ui/play.h"
#include "ui/ui_facil_state.h"
#include "ui/ui_opts.h"
#include "ui/ui_gui.h"
#include "ui/ui_settings.h"

typedef enum {
    SCR_TITLE, SCR_BRIEFING, SCR_OPS, SCR_SETTINGS, SCR_ENDING, SCR_LOAD_ERROR, SCR_DEBRIEF
} app_screen;

#define DB_TABS 7 /* timeline, meters, decisions, functions, hot wash, facts, notes */

/* OV_FACIL: the facilitator typing an intervention (ui_facil_dialog.c);
 * OV_DETAILS: the exercise's details form (ui_details.c), over a
 * workshop's briefing or its console */
typedef enum { OV_NONE, OV_PAUSE, OV_ERROR, OV_NOTE, OV_DEV, OV_FACIL, OV_DETAILS } app_overlay;

/* The exercise's details form (ui_details.c, issue 18): one text per slot
 * (play_details.h: date, venue, organisation, facilitator, then each
 * team's participants and the Observers'). On a briefing it is a draft,
 * journaled when the workshop starts; over a session it shows the
 * session's values, and saving journals the ones changed. */
typedef struct app_details {
    char v[APP_DETAIL_SLOTS][SIM_MAX_DETAIL_NAMES + 1];
    int n;            /* the slots in use (the scenario's, at most APP_DETAIL_SLOTS) */
    int given;        /* the flags or the briefing's form gave them: journal at the start */
    int filled;       /* the pre-fills (today, the organisation) were offered */
    char said[600];   /* why saving was refused; "" */
    ui_scroll sc;
} app_details;

/* What the player asked a screen for that only the shell can do: open or
 * close a session, or leave for a screen that needs one set up. Screens
 * never call the shell; they set a->req (screen_ask) and return, and
 * app_frame acts on it once the screen has drawn, in the same frame. */
typedef enum {
    REQ_NONE,
    REQ_TITLE,    /* close any session; the scenario list */
    REQ_BRIEFING, /* close any session; read the briefing of req.path */
    REQ_BEGIN,    /* start a new session from the briefing being read */
    REQ_RESUME,   /* replay the journal req.path and play on from it */
    REQ_DEBRIEF,  /* the session's debrief so far; Esc returns to req.back */
    REQ_PROJECTOR /* a workshop's projector: to the next display, or open again */
} app_req_kind;

typedef struct app_request {
    app_req_kind kind;
    app_screen back;  /* the screen that asked */
    char path[PLAY_PATH_MAX + 256];
} app_request;

/* The room server while the app runs (ui_room.c): on or off, what it
 * says on the console, and what was published last (to publish again
 * only when the room's view changed). */
#define APP_ROOM_URLS 4
/* A proposal in the console's queue: an action some of the room asked
 * for, by how many of which roles (the first APP_PROP_ROLES roles). */
#define APP_ROOM_PROPS 24
#define APP_PROP_ROLES 6
typedef struct app_room_prop {
    int action;
    int people;
    int nroles;
    int role[APP_PROP_ROLES], count[APP_PROP_ROLES];
    bh_time first;
} app_room_prop;
typedef struct app_room {
    srv *srv;                 /* NULL: off */
    char code[SRV_ROOM_CODE_LEN + 1];
    char urls[APP_ROOM_URLS][SRV_URL_MAX];
    int nurls;
    char error[700];          /* why it could not start, with the fix; "" */
    /* the last publish: the session's serial and version, and what the
     * facilitator showed, at what speed */
    int published;
    uint64_t serial, version;
    rv_show show;
    int speed, started;
    long builds;              /* room view models built for it (tests: not twice a frame) */
    bh_tally tally;           /* the phones' votes on the open decision (votes NULL: none) */
    /* the phones as last copied from the server (ui_room_sync.c) */
    srv_room *roster;         /* NULL until the first copy */
    uint64_t roster_changes;
    uint64_t members_saved;   /* roster->members when JOURNAL.phones was last written;
                               * UINT64_MAX: not yet for this session */
    int roster_taken;
    const void *waiting_for;  /* the briefing whose roles the phones have (ui_room_sync.c) */
    int roster_pending;       /* JOURNAL.phones is to be read once the state is published */
    /* the console's queue of proposals, oldest first */
    app_room_prop props[APP_ROOM_PROPS];
    int nprops;
} app_room;

typedef struct app {
    app_opts opts;
    ui u;
    ui_settings settings;
    char settings_path[PLAY_PATH_MAX];
    char data_dir[PLAY_PATH_MAX];
    char assets_dir[PLAY_PATH_MAX];
    char scenario_dir[PLAY_PATH_MAX];

    app_screen screen, settings_return;
    app_overlay overlay;
    app_request req;   /* set by a screen, acted on by app_frame */
    int quit;

    play_catalogue cat;
    int can_continue;
    int last_broken;   /* a last session exists but does not replay cleanly */
    char continue_path[PLAY_PATH_MAX];

    /* briefing: the scenario loaded for reading before a session starts */
    lh_host *brief;
    char brief_path[PLAY_PATH_MAX];
    lh_diags diags;  /* load problems for SCR_LOAD_ERROR */
    char load_error[2048];

    play game;
    int playing;
    int speed_before_pause; /* what Space returns to */
    int speed_on_menu;      /* what leaving the pause menu returns to */

    /* operations room state that is not simulation state */
    int inbox_sel;            /* index into sim_inbox, -1 for none */
    int dec_collapsed;        /* the open decision was minimised */
    int dec_pick;             /* the option selected (index + 1; 0: none): not yet committed */
    int dec_confirm;          /* ...and its confirm step is showing */
    int tab;                  /* compact layout: 0 inbox, 1 actions, 2 running */
    char note[SIM_MAX_NOTE_BYTES]; /* the facilitator's note being typed */
    int dec_seen;             /* the decision it applies to */
    char toast[400];
    double toast_left;
    ui_scroll sc_title, sc_brief, sc_board, sc_inbox, sc_msg, sc_actions, sc_running,
        sc_error, sc_ending, sc_dialog;

    /* the debrief: the report model of the session, and what-if */
    json_t *debrief;
    app_screen debrief_return;
    int dtab, dsel;
    int wi_decision;          /* the decision the what-if panel is open for, or -1 */
    json_t *wi_result;        /* the branch's report model */
    int wi_refused;
    char wi_option[64];
    char exported[PLAY_PATH_MAX + 128];
    ui_scroll sc_d1, sc_d2;

    /* hot reload */
    double watch_t;           /* real seconds since the files were last looked at */
    bh_err reload_err;        /* why the last reload failed (the developer screen) */
    int reloads;

    /* the workshop (issue 13): a console (this window, `u`) and a projector
     * (`proj`: its own window, renderer, font and text cache) drawn only
     * from the room view model built from the session and `show` */
    int workshop;             /* this session is a facilitated workshop */
    ui proj;
    int has_proj;             /* the projector window is open */
    rv_show show;             /* what the facilitator chose to show the room */
    int started;              /* the facilitator has started the clock once */
    int want_workshop;        /* the title's mode, or `bulkhead workshop`: a briefing
                               * starts a workshop */
    int brief_cut;            /* the cut chosen on a workshop's briefing; -1: whole */
    int proj_request;         /* the display F7 moved the projector to; -1: automatic */
    int proj_display;         /* the display the projector is on */
    char proj_warning[300];   /* what the console must say about the displays (mirrored,
                               * or the projector failed to open); "" when all is well */
    facil_state facil;        /* the console's facilitator panel (ui_facil*.c) */
    app_details details;      /* the exercise's details form (ui_details.c) */
    app_room room;            /* the phones' server (issue 14) */

    double last_frame_ms;
    long frames;
} app;

/* Open the window and load what the first screen needs. Errors name the
 * fix (a package to install, a flag to pass, headless commands). */
bh_status app_init(app *a, const app_opts *o, bh_err *err);
void app_free(app *a);
/* One frame: events, `dt` real seconds of play, drawing, present. */
void app_frame(app *a, double dt);
/* Run frames until the player quits. */
void app_run(app *a);

/* The shell's moves between screens, which the requests above ask for.
 * Tests and the screenshot tour call them directly. */
void app_open_briefing(app *a, const char *scenario);
void app_begin(app *a);               /* briefing -> a new session */
bh_status app_resume(app *a, const char *journal, bh_err *err);
void app_to_title(app *a);

/* ---- a workshop's projector window (ui_workshop.c) ----
 * Open it where ui_place.h says (full-screen on a display the console is
 * not on, else a window to drag); 1 when open. A failure leaves the
 * console running and says why in a->proj_warning. */
int app_projector_open(app *a);
/* Close it (the session and the console carry on); safe when closed. */
void app_projector_close(app *a);
/* The key F7: move it to the next display (open it when closed). */
void app_projector_next_display(app *a);
/* ---- the room server (ui_room.c) ----
 * Start it where a->opts says (--port, --bind): the URLs and the room
 * code are printed to stdout; a failure (the port in use) is kept in
 * a->room.error with the fix, printed to stderr, and the app carries on.
 * 1 when on. */
int app_room_start(app *a);
/* Stop it: the port closes before this returns. Safe when off. */
void app_room_stop(app *a);
/* Whether the room's view changed since the last publish (the server is
 * on and a session is playing). */
int app_room_due(const app *a);
/* Publish m (built this frame for the projector too) to the phones. */
void app_room_publish(app *a, const rv_model *m);
/* The session closed: the phones get the holding slide, not its last state. */
void app_room_idle(app *a);
/* ui_room_sync.c: each frame, the phones' joins, votes and proposals
 * (the tally, the proposals journaled and queued, the tokens saved). */
void app_room_sync(app *a);
/* Journal the room's votes just before any decision closes (once, at start). */
void app_room_hook(app *a);
/* A resumed workshop: the phones of JOURNAL.phones are in the room again. */
void app_room_load_roster(app *a);
/* The facilitator commits option `option` of decision d as the room's
 * choice (the votes are journaled first). 1 when it was accepted. */
int app_room_commit(app *a, int d, int option);

#define APP_PROJECTOR_KEY SDLK_F7
#define APP_PROJECTOR_KEY_NAME "F7"

#endif
