/* cli_game: what `bulkhead play` and `bulkhead workshop` share
 * (cli_game.c): the game's flags and launching the game module. */
#ifndef CLI_GAME_H
#define CLI_GAME_H

#include "ui/ui_opts.h"

/* Parse the game's flags (--seed, --cut, --resume, --fullscreen, --font,
 * --data-dir, --size, --theme, --text-scale, --software, --dev) into *o;
 * leaves optind at the first operand. 0, or EXIT_USAGE after saying why. */
int cli_game_opts(int argc, char **argv, app_opts *o);
/* Check the scenario can be read, find the game's folders and run the
 * game module with *o; the process exit code. */
int cli_game_launch(app_opts *o);

#endif
