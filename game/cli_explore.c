/* cli_explore: placeholder until the explorer lands. */
#include "cli_explore.h"

#include <stdio.h>

int cmd_explore(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "bulkhead: 'bulkhead explore' is not part of this build yet.\n");
    return 1;
}
