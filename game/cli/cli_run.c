/* cli_run: `bulkhead run [FILE.lua] --plan PLAN`, a headless playthrough
 * that prints the transcript, and with --journal OUT writes the session's
 * journal (fsynced line by line, acknowledged on --ack-fd: cli_ack.h).
 * Without FILE.lua the plan's `scenario` line says which (read relative to
 * the plan's folder: journal_path.c). A plan is a test too: its
 * `# expect-ending:` and `# expect-objective:` comments are checked when
 * the session ends, and a miss exits 1 (journal_expect.c).
 * The session is in the plan's cut (its `cut` line) or in --cut ID, which
 * overrides the plan's with a warning, as --seed does. */
#include <errno.h>
#include <stddef.h>
#include <inttypes.h>
#include <getopt.h>
#include <limits.h>
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

#define RUN_FIX "give the scenario file: bulkhead run FILE.lua --plan PLAN"

/* The scenario a plan without FILE.lua names, into out: 0, or -1 after
 * saying why not. An old journal's path from the current folder warns. */
static int plan_scenario(const bh_plan *plan, const char *plan_path, char *out, size_t n)
{
    bh_err err;
    err_clear(&err);
    int fallback = 0;
    if (journal_scenario_find(plan, plan_path, RUN_FIX, out, n, &fallback, &err) != BH_OK) {
        print_err(&err, "error");
        return -1;
    }
    if (fallback) {
        char warn[3 * PATH_MAX];
        journal_scenario_warning(plan, plan_path, out, warn, sizeof warn);
        fprintf(stderr, "%s\n", warn);
    }
    return 0;
}

/* FILE.lua wins over the plan's own scenario; say so only when they are
 * different files (by device and inode, not by how they are spelt). */
static void check_recorded(const bh_plan *plan, const char *plan_path, const char *path)
{
    char mine[PATH_MAX];
    int fallback;
    if (!plan->scenario)
        return;
    if (journal_scenario_path(plan, plan_path, mine, sizeof mine, &fallback) == 0
            ? journal_same_file(mine, path)
            : strcmp(plan->scenario, path) == 0)
        return;
    fprintf(stderr, "%s:%d: warning: this journal was recorded for %s, not %s\n", plan->name,
            plan->scenario_line, plan->scenario, path);
}

int cmd_run(int argc, char **argv)
{
    cli_args c;
    int rc = cli_parse_args(argc, argv, &c);
    if (rc)
        return rc;
    if (optind + 1 < argc)
        return usage_error("run takes one scenario file; unexpected '%s'", argv[optind + 1]);
    if (!c.plan)
        return usage_error("%s", optind >= argc
                                     ? "run needs a plan: bulkhead run [FILE.lua] --plan PLAN "
                                       "(FILE.lua when the plan has no 'scenario' line)"
                                     : "run needs --plan PLAN (a journal; an empty file means "
                                       "nobody acts)");
    if (c.ack_fd >= 0 && !c.journal)
        return usage_error("%s", "--ack-fd acknowledges journal lines: it needs --journal OUT");
    const char *path = optind < argc ? argv[optind] : NULL;

    int status = EXIT_PROBLEMS;
    lh_diags d = {0};
    lh_host *h = NULL;
    bh_plan plan = {0};
    bh_sim *sim = NULL;
    bh_journal jout = {.fd = -1};
    bh_err err;
    err_clear(&err);
    char scn[PATH_MAX], ref[PATH_MAX], verdict[2048];

    /* With FILE.lua its problems come first, as they always have. */
    if (!path && (read_plan(c.plan, &plan) != BH_OK ||
                  plan_scenario(&plan, c.plan, scn, sizeof scn) != 0))
        goto done;
    if (!path)
        path = scn;
    lh_load(path, &c.lua, &h, &d);
    print_diags(&d);
    if (!h)
        goto done;
    if (!plan.name && read_plan(c.plan, &plan) != BH_OK)
        goto done;
    if (path != scn)
        check_recorded(&plan, c.plan, path);
    if (journal_expect_check(&plan, lh_defs(h), &err) != BH_OK) {
        print_err(&err, "error");
        goto done;
    }
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
    /* The journal names the scenario from its own folder, so it replays
     * from anywhere (and moves with it). */
    if (c.journal && journal_scenario_ref(path, c.journal, ref, sizeof ref) != 0)
        snprintf(ref, sizeof ref, "%s", path); /* its folder is missing: create says so */
    bh_jhead head = {.scenario = ref, .seed = seed, .cut = plan.cut, .workshop = plan.workshop};
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
                        "from here on %s not applied\n",
                plan.name, res.first_skipped_line, res.skipped, res.skipped == 1 ? "" : "s",
                res.skipped == 1 ? "was" : "were");
    if (res.refused && !res.repeat_applied && res.first_refused_line)
        /* "whenever it can" that never could is likely a mistake */
        fprintf(stderr, "%s:%d: warning: no input of the plan's repeat lines was applied: the "
                        "session refused all %zu (the first %s)\n",
                plan.name, res.first_refused_line, res.refused, res.first_refused);
    if (st != BH_OK) {
        print_err(&err, "error");
        goto done;
    }
    if (journal_expect_verdict(&plan, sim, verdict, sizeof verdict) > 0) {
        fprintf(stderr, "%s\n", verdict);
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
