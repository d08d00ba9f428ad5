/* cli_args: the flags that check and run share (--plan, --seed,
 * --journal, --cut, --mem-limit, --ack-fd), parsed with getopt_long into
 * cli_args. A bad value is a usage error naming the flag and the range. */
#include <getopt.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_ack.h"

int cli_parse_args(int argc, char **argv, cli_args *c)
{
    enum { OPT_PLAN = 1, OPT_SEED, OPT_JOURNAL, OPT_MEM, OPT_ACK, OPT_CUT };
    static const struct option opts[] = {
        {"plan", required_argument, 0, OPT_PLAN},
        {"seed", required_argument, 0, OPT_SEED},
        {"journal", required_argument, 0, OPT_JOURNAL},
        {"mem-limit", required_argument, 0, OPT_MEM},
        {"ack-fd", required_argument, 0, OPT_ACK},
        {"cut", required_argument, 0, OPT_CUT},
        {0, 0, 0, 0}};
    memset(c, 0, sizeof *c);
    c->ack_fd = -1;
    lh_opts_default(&c->lua);
    opterr = 0;
    optind = 1;
    int ch;
    while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        uint64_t v;
        switch (ch) {
        case OPT_PLAN: c->plan = optarg; break;
        case OPT_JOURNAL: c->journal = optarg; break;
        case OPT_CUT: c->cut = optarg; break;
        case OPT_SEED:
            if (parse_u64(optarg, &c->seed) != 0)
                return usage_error("--seed wants a whole number from 0 to 2^64-1, not '%s'", optarg);
            c->has_seed = 1;
            break;
        case OPT_MEM:
            if (parse_u64(optarg, &v) != 0 || v < 1 || v > 4096)
                return usage_error("--mem-limit wants a size in MiB from 1 to 4096, not '%s'", optarg);
            c->lua.mem_limit = (size_t)v << 20;
            break;
        case OPT_ACK:
            if (ack_parse_fd(optarg, &c->ack_fd) != 0)
                return EXIT_USAGE;
            break;
        case '?':
        default:
            if (optopt)
                return usage_error("option '%s' needs a value", argv[optind - 1]);
            return usage_error("unknown option '%s'", argv[optind - 1]);
        }
    }
    return 0;
}
