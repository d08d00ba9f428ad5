/* cli_game: `bulkhead` and `bulkhead play FILE.lua`, the desktop game
 * (`bulkhead workshop`, cli_workshop.c, shares its flags and launch).
 * Parses the game's flags into app_opts (ui/ui_opts.h), adds the folders
 * cli_paths found, and hands them to the game module, which it loads only
 * now so that headless commands never load SDL. */
#include <dlfcn.h>
#include <unistd.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_details.h"
#include "cli/cli_game.h"
#include "cli/cli_paths.h"

static int parse_size(const char *s, int *w, int *h)
{
    char x;
    if (sscanf(s, "%d%c%d", w, &x, h) != 3 || (x != 'x' && x != 'X') || *w < 320 || *h < 240 ||
        *w > 16384 || *h > 16384)
        return -1;
    return 0;
}

/* Load the game module (see ui_opts.h for why it is a module at all) and
 * run it. */
static int run_game_module(const char *path, const app_opts *o)
{
    void *mod = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!mod) {
        fprintf(stderr,
                "bulkhead: error: the game module could not be loaded: %s\n"
                "Build it with scripts/build (or run scripts/play, which sets up and builds "
                "everything).\n",
                dlerror());
        return EXIT_PROBLEMS;
    }
    ui_game_main_fn entry;
    *(void **)&entry = dlsym(mod, UI_GAME_ENTRY);
    if (!entry) {
        fprintf(stderr, "bulkhead: error: %s has no %s: rebuild with scripts/build\n", path,
                UI_GAME_ENTRY);
        dlclose(mod);
        return EXIT_PROBLEMS;
    }
    int rc = entry(o);
    /* the module stays loaded: SDL may have left handlers that point into it */
    return rc;
}

int cli_game_opts(int argc, char **argv, app_opts *out)
{
    enum { O_SEED = 1, O_RESUME, O_FULL, O_FONT, O_DATA, O_SIZE, O_THEME, O_SCALE, O_SOFT, O_DEV,
           O_CUT, O_ROOM, O_PORT, O_BIND, O_DATE, O_VENUE, O_ORG, O_FACIL, O_PARTICIPANT };
    static const struct option opts[] = {
        {"seed", required_argument, 0, O_SEED},   {"resume", required_argument, 0, O_RESUME},
        {"fullscreen", no_argument, 0, O_FULL},   {"font", required_argument, 0, O_FONT},
        {"data-dir", required_argument, 0, O_DATA}, {"size", required_argument, 0, O_SIZE},
        {"theme", required_argument, 0, O_THEME}, {"text-scale", required_argument, 0, O_SCALE},
        {"software", no_argument, 0, O_SOFT},     {"dev", no_argument, 0, O_DEV},
        {"cut", required_argument, 0, O_CUT},     {"room", no_argument, 0, O_ROOM},
        {"port", required_argument, 0, O_PORT},   {"bind", required_argument, 0, O_BIND},
        {"date", required_argument, 0, O_DATE},   {"venue", required_argument, 0, O_VENUE},
        {"org", required_argument, 0, O_ORG},     {"facilitator", required_argument, 0, O_FACIL},
        {"participant", required_argument, 0, O_PARTICIPANT},
        {0, 0, 0, 0}};
    app_opts o = {0};
    o.room_port = -1;
    *out = o;
    opterr = 0;
    optind = 1;
    int ch;
    uint64_t v;
    while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        switch (ch) {
        case O_SEED:
            if (parse_u64(optarg, &o.seed) != 0)
                return usage_error("--seed wants a whole number from 0 to 2^64-1, not '%s'", optarg);
            o.has_seed = 1;
            break;
        case O_RESUME: o.resume = optarg; break;
        case O_FULL: o.fullscreen = 1; break;
        case O_FONT: o.font = optarg; break;
        case O_DATA: o.data_dir = optarg; break;
        case O_SIZE:
            if (parse_size(optarg, &o.width, &o.height) != 0)
                return usage_error("--size wants WIDTHxHEIGHT such as 1920x1080, not '%s'", optarg);
            break;
        case O_THEME:
            if (strcmp(optarg, "dark") && strcmp(optarg, "light") && strcmp(optarg, "high_contrast"))
                return usage_error("--theme wants dark, light or high_contrast, not '%s'", optarg);
            o.theme = optarg;
            break;
        case O_SCALE:
            if (parse_u64(optarg, &v) != 0 || v < 100 || v > 200)
                return usage_error("--text-scale wants a percentage from 100 to 200, not '%s'", optarg);
            o.text_scale = (int)v;
            break;
        case O_SOFT: o.software = 1; break;
        case O_DEV: o.dev = 1; break;
        case O_CUT: o.cut = optarg; break;
        case O_ROOM: o.room = 1; break;
        case O_PORT:
            if (parse_u64(optarg, &v) != 0 || v > 65535)
                return usage_error("--port wants a port from 1 to 65535, or 0 for any free "
                                   "one, not '%s'", optarg);
            o.room_port = (int)v;
            break;
        case O_BIND: o.room_bind = optarg; break;
        case O_DATE: case O_VENUE: case O_ORG: case O_FACIL: /* checked by cli_details_check */
            o.detail[ch - O_DATE] = optarg;
            break;
        case O_PARTICIPANT:
            if (o.nparticipants == APP_MAX_PARTICIPANTS)
                return usage_error("at most %s --participant flags", "32");
            o.participant[o.nparticipants++] = optarg;
            break;
        default:
            if (optopt)
                return usage_error("option '%s' needs a value", argv[optind - 1]);
            return usage_error("unknown option '%s'", argv[optind - 1]);
        }
    }
    *out = o;
    return 0;
}

/* The desktop game: `bulkhead` (title screen) or `bulkhead play FILE`. */
int cmd_game(int argc, char **argv, int with_file)
{
    app_opts o;
    int rc = cli_game_opts(argc, argv, &o);
    if (rc)
        return rc;
    if (with_file) {
        if (optind >= argc && !o.resume)
            return usage_error("%s", "play needs a scenario file: bulkhead play FILE.lua");
        if (optind < argc)
            o.scenario = argv[optind++];
    }
    if (optind < argc)
        return usage_error("unexpected argument '%s'", argv[optind]);
    if (o.room || o.room_port >= 0 || o.room_bind)
        return usage_error("%s", "--room, --port and --bind are for workshops: bulkhead "
                                 "workshop FILE.lua --room [--port N] [--bind ADDR]");
    if (cli_details_given(&o))
        return usage_error("%s", "--date, --venue, --org, --facilitator and --participant are "
                                 "the details of a workshop: bulkhead workshop FILE.lua --date D "
                                 "...");
    if (o.cut && !o.scenario)
        return usage_error("%s", "--cut plays a scenario in one of its cuts: bulkhead play "
                                 "FILE.lua --cut ID (a journal's own cut line comes with --resume)");
    return cli_game_launch(&o);
}

int cli_game_launch(app_opts *o)
{
    if (o->scenario && access(o->scenario, R_OK) != 0) {
        fprintf(stderr, "%s: error: cannot read this scenario: %s\n", o->scenario,
                strerror(errno));
        return EXIT_PROBLEMS;
    }
    cli_paths paths;
    char user[PATH_MAX];
    if (cli_find_paths(&paths) != 0)
        return EXIT_PROBLEMS;
    o->assets_dir = paths.assets;
    o->scenario_dir = paths.scenarios;
    if (cli_user_scenarios(user, sizeof user) == 0)
        o->user_scenario_dir = user;
    return run_game_module(paths.module, o);
}
