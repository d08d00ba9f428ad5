/* cli_explore: `bulkhead explore`, the auto-playtester's command line. */
#ifndef CLI_EXPLORE_H
#define CLI_EXPLORE_H

/* argv[0] is "explore". Returns the process exit code. */
int cmd_explore(int argc, char **argv);

#endif
