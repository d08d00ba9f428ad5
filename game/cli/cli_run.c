/* cli_run: `bulkhead run FILE.lua --plan PLAN`, a headless playthrough
 * that prints the transcript, and with --journal OUT writes the session's
 * journal (fsynced line by line, acknowledged on --ack-fd: cli_ack.h).
 * The session is in the plan's cut (its `cut` line) or in --cut ID, which
 * overrides the plan's with a warning, as --seed does. */
#include <errno.h>
#include <stddef.h>
#include <inttypes.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_ack.h"
#include "core/journal.h"
#include "core/session.h"
#include "core/text.h"
#include "core/transcript.h"
#include "script/lh_host.h"

/* --cut ID: the session's cut, in place of the plan's `cut` line (a
 * warning when that differs). An id the scenario lacks is bad usage. */
static int use_cut(bh_plan *plan, const char *cut, const bh_defs *d, const char *path)
{
    if (cli_check_cut(d, cut, path) != 0)
        return -1;
    if (plan->cut && strcmp(plan->cut, cut) != 0)
        fprintf(stderr, "%s:%d: warning: --cut %s overrides the journal's cut %s; the session "
                        "will differ from the recorded one\n",
                plan->name, plan->cut_line, cut, plan->cut);
    char *copy = strdup(cut);
    if (!copy)
        return -1;
    free(plan->cut);
    plan->cut = copy;
    return 0;
}

int cmd_run(int argc, char **argv)
{
    cli_args c;
    int rc = cli_parse_args(argc, argv, &c);
    if (rc)
        return rc;
    if (optind >= argc)
        return usage_error("%s", "run needs a scenario file: bulkhead run FILE.lua --plan PLAN");
    if (optind + 1 < argc)
        return usage_error("run takes one scenario file; unexpected '%s'", argv[optind + 1]);
    if (!c.plan)
        return usage_error("%s", "run needs --plan PLAN (a journal; an empty file means "
                                 "nobody acts)");
    if (c.ack_fd >= 0 && !c.journal)
        return usage_error("%s", "--ack-fd acknowledges journal lines: it needs --journal OUT");
    const char *path = argv[optind];

    int status = EXIT_PROBLEMS;
    lh_diags d = {0};
    lh_host *h = NULL;
    bh_plan plan = {0};
    bh_sim *sim = NULL;
    bh_journal jout = {.fd = -1};
    bh_err err;
    err_clear(&err);

    lh_load(path, &c.lua, &h, &d);
    print_diags(&d);
    if (!h)
        goto done;
    if (read_plan(c.plan, &plan) != BH_OK)
        goto done;
    if (plan.scenario && strcmp(plan.scenario, path) != 0)
        fprintf(stderr, "%s: warning: this journal was recorded for %s, not %s\n", plan.name,
                plan.scenario, path);
    if (c.has_seed && plan.has_seed && c.seed != plan.seed)
        fprintf(stderr, "%s: warning: --seed %" PRIu64 " overrides the journal's seed %" PRIu64
                        "; the session will differ from the recorded one\n",
                plan.name, c.seed, plan.seed);
    uint64_t seed = c.has_seed ? c.seed : plan.has_seed ? plan.seed : 1;
    if (c.cut && use_cut(&plan, c.cut, lh_defs(h), path) != 0) {
        status = EXIT_USAGE;
        goto done;
    }
    long acked = 0;
    /* The session (and the plan's cut, at its line) before the journal: a
     * journal is never written with a cut that would not replay. */
    if (sim_create(&sim, lh_defs(h), lh_hooks(h), seed, &err) != BH_OK ||
        session_plan_cut(sim, &plan, &err) != BH_OK) {
        print_err(&err, "error");
        goto done;
    }
    bh_jhead head = {.scenario = path, .seed = seed, .cut = plan.cut, .workshop = plan.workshop};
    if (c.journal && (journal_create_head(&jout, c.journal, &head, &err) != BH_OK ||
                      (c.ack_fd >= 0 && ack_header(c.ack_fd, c.journal, &acked, &err) != BH_OK))) {
        print_err(&err, "error");
        goto done;
    }
    transcript_header(stdout, sim, path);
    bh_replay_result res;
    bh_status st = ack_replay(sim, jout.fd >= 0 ? &jout : NULL, &plan, c.ack_fd, &acked, &res,
                              &err);
    if (st == BH_OK)
        st = session_finish(sim, &err);
    transcript_entries(stdout, sim, 0);
    transcript_footer(stdout, sim);
    fflush(stdout);
    if (res.skipped)
        fprintf(stderr, "%s:%d: warning: the session ended before this input; %zu input%s "
                        "from here on were not applied\n",
                plan.name, res.first_skipped_line, res.skipped, res.skipped == 1 ? "" : "s");
    if (st != BH_OK) {
        print_err(&err, "error");
        goto done;
    }
    status = 0;
done:
    fflush(stdout);
    if (jout.fd >= 0)
        journal_close(&jout);
    sim_destroy(sim);
    journal_plan_free(&plan);
    lh_free(h);
    lh_diags_free(&d);
    return status;
}
