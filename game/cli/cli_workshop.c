/* cli_workshop: `bulkhead workshop FILE.lua [--cut ID] [game flags]`, a
 * facilitated workshop: the scenario's briefing in workshop mode (pick a
 * session cut, then "Start the workshop"), which opens the facilitator's
 * console and the room's projector. The flags are the game's
 * (cli_game.c); a --cut the scenario does not declare is bad usage here,
 * before any window opens, with a "did you mean". */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/cli_details.h"
#include "cli/cli_game.h"

#include "script/lh_host.h"

static const char *workshop_help =
    "Usage: bulkhead workshop FILE.lua [--cut ID] [--room] [--port N] [--bind ADDR]\n"
    "                         [--date D] [--venue V] [--org O] [--facilitator F]\n"
    "                         [--participant ROLE=NAMES]...\n"
    "                         [--data-dir DIR] [--seed N]\n"
    "                         [--size WxH] [--fullscreen] [--theme NAME] [--text-scale PCT]\n"
    "                         [--font FILE] [--software]\n"
    "\n"
    "Run FILE.lua as a facilitated workshop. Its briefing opens in workshop mode: choose\n"
    "a session cut (--cut ID preselects one), then Start the workshop. Two windows open:\n"
    "the console (this window: everything, with the facilitator's controls) and the\n"
    "projector for the room (only what players may see). With two displays the projector\n"
    "goes full-screen on the one the console is not on; with one it is a window to drag.\n"
    "F7 moves it to the next display, or reopens it after it was closed. Set the displays\n"
    "to Extend, not Mirror: mirrored, the room would see the console (the console warns).\n"
    "The session starts paused and pauses when a decision opens. Continue on the title\n"
    "screen (or bulkhead play --resume JOURNAL) reopens both windows where it stood.\n"
    "\n"
    "The room server lets the room follow on their phones, over this computer's network\n"
    "(no internet needed). It is off until the console's Room control switches it on;\n"
    "--room starts with it on and prints the addresses to open and the room code.\n"
    "  --port N     the port it listens on (default 8417; 0: any free port)\n"
    "  --bind ADDR  the address it listens on (default 0.0.0.0: every network;\n"
    "               127.0.0.1: this computer only)\n"
    "\n"
    "The exercise's details, for the report's cover (all optional; the console's\n"
    "Exercise details form asks for them too, and corrects them later):\n"
    "  --date D              when it takes place, as you would write it (2026-12-08)\n"
    "  --venue V             where\n"
    "  --org O               the organisation exercised\n"
    "  --facilitator F       who runs it\n"
    "  --participant ROLE=NAMES\n"
    "                        who plays a role: ROLE is a team id of the scenario or\n"
    "                        observer (repeat the flag for each role)\n"
    "They are journaled as `details` lines when the workshop starts.\n";

/* The cut must be one the scenario declares, and the participants' roles
 * its teams; a scenario that does not load is left to the game, whose
 * error screen shows every problem. */
static int check_scenario(const char *path, const app_opts *o)
{
    lh_opts lo;
    lh_opts_default(&lo);
    lh_host *h = NULL;
    lh_diags d = {0};
    int rc = 0;
    if (lh_load(path, &lo, &h, &d) == BH_OK && h &&
        ((o->cut && cli_check_cut(lh_defs(h), o->cut, path) != 0) ||
         cli_details_roles(o, lh_defs(h), path) != 0))
        rc = EXIT_USAGE;
    lh_free(h);
    lh_diags_free(&d);
    return rc;
}

int cmd_workshop(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(workshop_help, stdout);
            return 0;
        }
    app_opts o;
    int rc = cli_game_opts(argc, argv, &o);
    if (rc)
        return rc;
    if (o.resume)
        return usage_error("%s", "a workshop's journal resumes with: bulkhead play --resume "
                                 "JOURNAL (or Continue on the title screen); it reopens both "
                                 "windows");
    if (optind >= argc)
        return usage_error("%s", "workshop needs a scenario file: bulkhead workshop FILE.lua "
                                 "[--cut ID]");
    o.scenario = argv[optind++];
    if (optind < argc)
        return usage_error("unexpected argument '%s'", argv[optind]);
    if (access(o.scenario, R_OK) != 0)
        return cli_game_launch(&o); /* says it cannot be read, and why */
    if ((rc = cli_details_check(&o)) != 0)
        return rc;
    if ((o.cut || o.nparticipants) && (rc = check_scenario(o.scenario, &o)) != 0)
        return rc;
    o.workshop = 1;
    return cli_game_launch(&o);
}
