/* ui_opts: how the command line starts the desktop game.
 *
 * The game lives in a loadable module (libbhgame.so) so that the headless
 * commands (check, run) never load SDL and the sixty-odd libraries Debian's
 * SDL pulls in: that kept a headless run at 2.6 MiB instead of 9 MiB. This
 * header is what main.c and the module share, and it includes no SDL. */
#ifndef UI_OPTS_H
#define UI_OPTS_H

#include <stdint.h>

#define APP_MAX_PARTICIPANTS 32 /* --participant flags */
/* Rows of the exercise's details form (ui_details.c): the four fields, then
 * each team's participants and the Observers', in play_details.h's order.
 * A scenario with more teams than fit has no row for the rest (nor for the
 * Observers): cli_details_roles refuses their flags. */
#define APP_DETAIL_SLOTS 36

typedef struct app_opts {
    const char *scenario;  /* `bulkhead play FILE`: straight to its briefing */
    const char *resume;    /* --resume JOURNAL: straight into that session */
    const char *cut;       /* --cut ID: `scenario` is played in its session cut ID */
    int workshop;          /* `bulkhead workshop FILE`: its briefing starts a facilitated
                            * workshop (a console and a projector window) */
    const char *font;      /* --font FILE */
    const char *data_dir;  /* --data-dir: default SDL_GetPrefPath */
    /* The game's folders, which the command line finds from where the
     * executable is (cli/cli_paths.h). Left NULL (tests, tools), assets/
     * and scenarios/ are looked for beside the executable's folder and
     * then in the working directory. */
    const char *assets_dir;
    const char *scenario_dir; /* the shipped scenarios */
    const char *user_scenario_dir; /* the player's own, listed beside them; NULL: none */
    const char *theme;     /* overrides the saved setting (screenshots) */
    int text_scale;        /* overrides the saved setting when > 0 */
    int has_seed;
    uint64_t seed;
    int fullscreen;
    int width, height;     /* initial window size; default 1280x720 */
    int software;          /* force the software renderer */
    int no_save_settings;  /* tests: never write the settings file */
    int dev;               /* --dev: show authors the developer error screen */
    /* The room server (issue 14): `bulkhead workshop FILE --room` starts
     * with it on; --port and --bind say where it listens when it is on
     * (the console's "Room" control switches it on and off). */
    int room;
    int room_port;         /* --port N; 0: a free port; -1 (the command line's
                            * default): SRV_DEFAULT_PORT */
    const char *room_bind; /* --bind ADDR; NULL: every network (0.0.0.0) */
    /* The exercise's details (issue 18): `bulkhead workshop FILE --date D
     * --venue V --org O --facilitator F --participant ROLE=NAMES...`,
     * trimmed and checked by the command line (cli_details.c), journaled
     * as `details` lines when the workshop starts. detail[]: the date, the
     * venue, the organisation and the facilitator in that order (NULL: not
     * given); participant[]: "ROLE=NAMES", ROLE a team id or `observer`. */
    const char *detail[4];
    const char *participant[APP_MAX_PARTICIPANTS];
    int nparticipants;
} app_opts;

/* The module's entry point: run the game until the player quits. Prints
 * its own errors; returns the process exit code. */
#define UI_GAME_ENTRY "bh_game_main"
typedef int (*ui_game_main_fn)(const app_opts *o);

#endif
