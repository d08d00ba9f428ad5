/* main: the command line's entry. Picks the subcommand (one file each,
 * cli_<name>.c), prints --help and --version, and maps outcomes to exit
 * codes: 0 success, 1 problems found (bad scenario, bad plan, script
 * error), 2 bad usage. The subcommands print their own errors through
 * cli.c, so that they all speak the same way. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"


static const char *usage_text =
    "Usage:\n"
    "  bulkhead                          the desktop game: title screen, scenarios, continue\n"
    "  bulkhead play FILE.lua [--seed N] [--cut ID] [--resume JOURNAL] [--fullscreen]\n"
    "                                    open a scenario's briefing (or resume its journal)\n"
    "  bulkhead workshop FILE.lua [--cut ID] [game options]\n"
    "                                    run a facilitated workshop: a console for the\n"
    "                                    facilitator, a projector window for the room\n"
    "                                    (see workshop --help)\n"
    "  bulkhead check FILE.lua... [--format text|json] [--explore N [--cut ID] [--out DIR]]\n"
    "                                    validate scenarios; file:line: error|warning: message;\n"
    "                                    --explore N also searches play until N sessions in a\n"
    "                                    row find nothing new: every session that crashed is an\n"
    "                                    error at its line (journal in DIR, default\n"
    "                                    explore-ID/), what none reached a warning\n"
    "  bulkhead run FILE.lua --plan PLAN [--seed N] [--cut ID] [--journal OUT [--ack-fd N]]\n"
    "                                    replay a plan headless and print the transcript\n"
    "                                    (FILE.lua may be left out when the plan names its\n"
    "                                    scenario); exit 1 when `# expect-ending:` misses\n"
    "  bulkhead report JOURNAL [--format html|md|json] [-o OUT] [--scenario FILE.lua]\n"
    "                                    the after-action report of a session or plan\n"
    "  bulkhead pack FILE.lua [--cut ID] [--part all|participants|facilitator] [-o OUT.html]\n"
    "                                    the workshop's pack to print: the participants'\n"
    "                                    situation manual and the facilitator's guide\n"
    "                                    (see pack --help)\n"
    "  bulkhead explore FILE.lua [--runs N] [--seed N] [--policy NAME] [--json] [--dot OUT]\n"
    "                                    play N sessions with simple players: endings, meters,\n"
    "                                    content never seen, failures (see explore --help)\n"
    "  bulkhead explore FILE.lua --search [--budget N] [--witness DIR]\n"
    "                                    search for every ending, inject and option, and write\n"
    "                                    a plan that reaches each one\n"
    "  bulkhead new NAME                 write NAME.lua, a small working scenario to start from\n"
    "  bulkhead --help | --version\n"
    "\n"
    "Options for check and run:\n"
    "  --cut ID            run and play: play the scenario's session cut ID (its length,\n"
    "                      rate and ending); a new journal records it as a `cut ID` line\n"
    "  --mem-limit MIB     memory a scenario may use (default 64)\n"
    "  --ack-fd N          run --journal only: after the header and each input line is\n"
    "                      written and fsynced, write its line number and a newline to\n"
    "                      descriptor N (open it for the run, e.g. 3>ACKS --ack-fd 3)\n"
    "\n"
    "Options for the game (bulkhead, bulkhead play and bulkhead workshop):\n"
    "  --font FILE         use this TrueType font instead of fontconfig's DejaVu Sans\n"
    "  --data-dir DIR      where settings and session journals are kept\n"
    "                      (default: the user's data folder, ~/.local/share/bulkhead)\n"
    "  --size WxH          initial window size (default 1280x720)\n"
    "  --theme NAME        dark, light or high_contrast for this run\n"
    "  --text-scale PCT    100 to 200 for this run\n"
    "  --software          use the software renderer\n"
    "  --dev               for scenario authors: F5 or saving the file reloads the\n"
    "                      scenario; a failed reload shows the developer error screen\n"
    "\n"
    "Your own scenarios go in $XDG_DATA_HOME/bulkhead/scenarios (by default\n"
    "~/.local/share/bulkhead/scenarios): the title screen lists them after the shipped ones.\n"
    "\n"
    "Exit codes: 0 success, 1 problems found, 2 bad usage.\n";

int main(int argc, char **argv)
{
    if (argc < 2 || (argv[1][0] == '-' && argv[1][1] == '-' && strcmp(argv[1], "--help") &&
                     strcmp(argv[1], "--version")))
        return cmd_game(argc, argv, 0);
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        printf("Bulkhead %s: a tabletop incident-response game.\n\n%s", BH_VERSION, usage_text);
        return 0;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
        printf("bulkhead %s\n", BH_VERSION);
        return 0;
    }
    if (strcmp(cmd, "check") == 0)
        return cmd_check(argc - 1, argv + 1);
    if (strcmp(cmd, "run") == 0)
        return cmd_run(argc - 1, argv + 1);
    if (strcmp(cmd, "play") == 0)
        return cmd_game(argc - 1, argv + 1, 1);
    if (strcmp(cmd, "workshop") == 0)
        return cmd_workshop(argc - 1, argv + 1);
    if (strcmp(cmd, "explore") == 0)
        return cmd_explore(argc - 1, argv + 1);
    if (strcmp(cmd, "new") == 0)
        return cmd_new(argc - 1, argv + 1);
    if (strcmp(cmd, "report") == 0)
        return cmd_report(argc - 1, argv + 1);
    if (strcmp(cmd, "pack") == 0)
        return cmd_pack(argc - 1, argv + 1);
    if (cmd[0] == '-')
        return usage_error("unknown option '%s'", cmd);
    return usage_error("unknown command '%s'", cmd);
}
