/* cli_paths: where the desktop game's files are, found from where the
 * executable itself is (/proc/self/exe), so that a build tree, an install
 * under any prefix and a copy of either moved elsewhere all work, and no
 * path of the source or build tree is compiled in.
 *
 * Two layouts are tried, in this order:
 *   - a build tree: libbhgame.so beside the executable, assets/ and
 *     scenarios/ in the parent of the build folder (the checkout);
 *   - an install: the module at BH_REL_MODULE_DIR and assets/ and
 *     scenarios/ under BH_REL_DATA_DIR, both relative to the executable's
 *     folder and worked out by CMake from GNUInstallDirs (../lib/bulkhead
 *     and ../share/bulkhead by default).
 * The first layout whose three parts all exist wins. The user's own
 * scenarios folder comes from the XDG base directory rules instead. */
#ifndef CLI_PATHS_H
#define CLI_PATHS_H

#include <limits.h>
#include <stddef.h>

typedef struct cli_paths {
    char module[PATH_MAX];    /* the game module, libbhgame.so */
    char assets[PATH_MAX];    /* assets/: themes */
    char scenarios[PATH_MAX]; /* the shipped scenarios */
} cli_paths;

/* Find the game's files: 0, or -1 after printing where it looked and what
 * to do about it. The folders come back without any "..". */
int cli_find_paths(cli_paths *p);

/* The user's scenarios folder: $XDG_DATA_HOME/bulkhead/scenarios, or
 * ~/.local/share/bulkhead/scenarios when XDG_DATA_HOME is unset or not an
 * absolute path (as the XDG rules say). 0, or -1 when there is no home to
 * put it in (then the title lists only the shipped scenarios). It may not
 * exist yet: the scenario list creates it. */
int cli_user_scenarios(char *out, size_t n);

#endif
