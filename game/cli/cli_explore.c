/* cli_explore: `bulkhead explore`, the auto-playtester's command line.
 *
 * Parses the flags, runs ex_explore (game/explore/ex_explore.h), writes the
 * failure journals, and prints the statistics as text or JSON on standard
 * output; progress goes to standard error. Exit 0 when every run ended, 1
 * when the scenario does not load or any run failed, 2 on bad usage. */
#include "cli/cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "explore/ex_explore.h"

#define EX_MAX_FAIL_FILES 10 /* journals written for distinct errors */

static const char *usage_text =
    "Usage:\n"
    "  bulkhead explore FILE.lua [--runs N] [--seed N] [--policy NAME] [--workers N]\n"
    "                   [--json] [--dot OUT.dot] [--out DIR] [--meter ID] [--each]\n"
    "                   [--journals DIR] [--isolation rewind|reload|fork] [--mem-limit MIB]\n"
    "                   [--verify] [--cut ID]\n"
    "  bulkhead explore FILE.lua --search [--budget N] [--witness DIR] [--runs CAP] ...\n"
    "\n"
    "Plays N headless sessions (default 100) with simple player policies and prints the\n"
    "endings reached, the final meters, what never happened, the session length, the\n"
    "actions that most change the outcome, and every run that stopped on an error.\n"
    "Run i (from 0) uses seed S+i, S from --seed (default 1): each replays alone.\n"
    "\n"
    "  --search         search instead of playing at random: keep the runs that reached\n"
    "                   something new (an inject, an action, an option, an ending, a\n"
    "                   meter further out) and vary them (another option, an input\n"
    "                   earlier or later, a cancel, an input dropped or added); --runs\n"
    "                   is then a cap (default 200000) and --seed seeds the search\n"
    "  --budget N       search: stop after N runs in a row found nothing new (default\n"
    "                   3000); counted in runs, so any build finds the same things\n"
    "  --witness DIR    search: write a minimal plan for every ending, inject and option\n"
    "                   reached, as DIR/ending-ID.plan (it starts `# expect-ending: ID`),\n"
    "                   DIR/inject-ID.plan and DIR/option-DECISION-OPTION.plan; each\n"
    "                   uses only the players' inputs: bulkhead run FILE.lua --plan IT\n"
    "  --policy NAME    random, greedy, cautious, idle, all (default), or a list such\n"
    "                   as random,greedy; runs take the chosen policies in turn\n"
    "                     random    rules out a random half of the actions for the run,\n"
    "                               starts random available ones among the rest (or\n"
    "                               nothing), answers decisions with random options\n"
    "                     greedy    follows the advice: recommended actions and options\n"
    "                     cautious  lets decisions default; one action at a time, never\n"
    "                               a restore, never a team's last free person\n"
    "                     idle      does nothing\n"
    "  --workers N      processes to share the runs (default: one per CPU)\n"
    "  --json           the statistics as JSON instead of text\n"
    "  --dot OUT.dot    write the story graph for Graphviz (dot -Tsvg OUT.dot)\n"
    "  --out DIR        where the journals of failed runs go, named\n"
    "                   explore-FAIL-<scenario>-<seed>.journal (default: beside the other\n"
    "                   output: --witness DIR, else --journals DIR, else the folder of\n"
    "                   --dot, else explore-<scenario>/ here, made when a run fails);\n"
    "                   replay one with bulkhead run FILE.lua --plan THAT.journal\n"
    "  --meter ID       rank actions by this meter's final value instead of by the\n"
    "                   tone of the ending\n"
    "  --each           also print one line per run (seed, policy, ending, meters)\n"
    "  --journals DIR   also write every run's journal to DIR\n"
    "  --isolation      how each session gets a Lua state of its own: rewind (default:\n"
    "                   the state as loaded, copied back before each session), reload\n"
    "                   (a fresh load per session) or fork (a process per session);\n"
    "                   the results are the same, only the speed differs\n"
    "  --cut ID         play every run in the scenario's session cut ID (its length, rate\n"
    "                   and ending); the runs' journals carry its `cut ID` line\n"
    "  --verify         whenever a condition is answered from memory, ask it again, and\n"
    "                   list the conditions whose answers differed: they read something\n"
    "                   other than w (slower; check --explore always does this)\n"
    "\n"
    "Exit codes: 0 every run ended, 1 a run failed or the scenario does not load,\n"
    "2 bad usage.\n";

/* "random,greedy" -> bits; 0 when a name is unknown. */
static unsigned parse_policies(const char *s)
{
    char buf[128];
    unsigned bits = 0;
    if (strlen(s) >= sizeof buf)
        return 0;
    snprintf(buf, sizeof buf, "%s", s);
    for (char *save = NULL, *w = strtok_r(buf, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
        unsigned b = ex_parse_policy(w);
        if (!b)
            return 0;
        bits |= b;
    }
    return bits;
}

typedef struct cli {
    ex_opts ex;
    int json, each, has_runs;
    const char *dot, *out, *journals, *witness;
} cli;

static int parse(int argc, char **argv, cli *c)
{
    enum { O_RUNS = 1, O_SEED, O_POLICY, O_WORKERS, O_JSON, O_DOT, O_OUT, O_METER, O_EACH,
           O_JOURNALS, O_ISO, O_MEM, O_VERIFY, O_CUT, O_SEARCH, O_BUDGET, O_WITNESS };
    static const struct option opts[] = {
        {"runs", required_argument, 0, O_RUNS},       {"seed", required_argument, 0, O_SEED},
        {"policy", required_argument, 0, O_POLICY},   {"workers", required_argument, 0, O_WORKERS},
        {"json", no_argument, 0, O_JSON},             {"dot", required_argument, 0, O_DOT},
        {"out", required_argument, 0, O_OUT},         {"meter", required_argument, 0, O_METER},
        {"each", no_argument, 0, O_EACH},             {"journals", required_argument, 0, O_JOURNALS},
        {"isolation", required_argument, 0, O_ISO},   {"mem-limit", required_argument, 0, O_MEM},
        {"verify", no_argument, 0, O_VERIFY},         {"cut", required_argument, 0, O_CUT},
        {"search", no_argument, 0, O_SEARCH},         {"budget", required_argument, 0, O_BUDGET},
        {"witness", required_argument, 0, O_WITNESS}, {0, 0, 0, 0}};
    opterr = 0;
    optind = 1;
    int ch;
    uint64_t v;
    while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        switch (ch) {
        case O_RUNS:
            if (parse_u64(optarg, &v) != 0 || v < 1 || v > EX_MAX_RUNS)
                return usage_error("--runs wants a number of runs from 1 to 1000000, not '%s'",
                                   optarg);
            c->ex.runs = (int)v;
            c->has_runs = 1;
            break;
        case O_SEARCH: c->ex.search = 1; break;
        case O_BUDGET:
            if (parse_u64(optarg, &v) != 0 || v < 1 || v > EX_MAX_RUNS)
                return usage_error("--budget wants a number of runs from 1 to 1000000, not '%s'",
                                   optarg);
            c->ex.budget = (int)v;
            break;
        case O_WITNESS: c->witness = optarg; c->ex.witness = 1; break;
        case O_SEED:
            if (parse_u64(optarg, &c->ex.seed) != 0)
                return usage_error("--seed wants a whole number from 0 to 2^64-1, not '%s'", optarg);
            break;
        case O_POLICY:
            if (!(c->ex.policies = parse_policies(optarg)))
                return usage_error("--policy wants random, greedy, cautious, idle or all (or a "
                                   "list such as random,greedy), not '%s'", optarg);
            break;
        case O_WORKERS:
            if (parse_u64(optarg, &v) != 0 || v < 1 || v > EX_MAX_WORKERS)
                return usage_error("--workers wants a number of processes from 1 to 64, not '%s'",
                                   optarg);
            c->ex.workers = (int)v;
            break;
        case O_JSON: c->json = 1; break;
        case O_DOT: c->dot = optarg; break;
        case O_OUT: c->out = optarg; break;
        case O_METER: c->ex.meter = optarg; break;
        case O_EACH: c->each = 1; break;
        case O_JOURNALS: c->journals = optarg; c->ex.keep_journals = 1; break;
        case O_VERIFY: c->ex.verify = 1; break;
        case O_CUT: c->ex.cut = optarg; break;
        case O_ISO:
            if (ex_isolation_parse(optarg, &c->ex.isolation) != 0)
                return usage_error("--isolation wants rewind, reload or fork, not '%s'", optarg);
            break;
        case O_MEM:
            if (parse_u64(optarg, &v) != 0 || v < 1 || v > 4096)
                return usage_error("--mem-limit wants a size in MiB from 1 to 4096, not '%s'", optarg);
            c->ex.lua.mem_limit = (size_t)v << 20;
            break;
        default:
            if (optopt)
                return usage_error("option '%s' needs a value", argv[optind - 1]);
            return usage_error("unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind >= argc)
        return usage_error("%s", "explore needs a scenario file: bulkhead explore FILE.lua "
                                 "[--runs N]");
    if (optind + 1 < argc)
        return usage_error("explore takes one scenario file; unexpected '%s'", argv[optind + 1]);
    if (c->each && c->json)
        return usage_error("%s", "--each is for the text output; --json has no per-run lines");
    c->ex.scenario = argv[optind];
    struct stat st;
    if (c->out && (stat(c->out, &st) != 0 || !S_ISDIR(st.st_mode)))
        return usage_error("--out wants an existing folder, not '%s'", c->out);
    if (c->journals && (stat(c->journals, &st) != 0 || !S_ISDIR(st.st_mode)))
        return usage_error("--journals wants an existing folder, not '%s'", c->journals);
    if ((c->ex.budget || c->witness) && !c->ex.search)
        return usage_error("%s", "--budget and --witness are for --search");
    if (c->ex.search && c->ex.policies != EX_ALL_POLICIES)
        return usage_error("%s", "--policy is for random exploration: --search chooses its own "
                                 "players");
    if (c->witness && (stat(c->witness, &st) != 0 || !S_ISDIR(st.st_mode)) &&
        mkdir(c->witness, 0777) != 0)
        return usage_error("--witness wants a folder it can make or use, not '%s'", c->witness);
    if (c->ex.search && !c->has_runs)
        c->ex.runs = EX_DEFAULT_CAP;
    return 0;
}

typedef struct progress {
    struct timespec start;
    int shown; /* tenths already reported */
} progress;

/* Every 10%, once the run has taken a second: long runs say they are alive. */
static void on_progress(void *ud, int done, int total)
{
    progress *p = ud;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double s = (double)(now.tv_sec - p->start.tv_sec) + (now.tv_nsec - p->start.tv_nsec) / 1e9;
    if (total < 0) { /* a search: its end is not known; say it is alive every 2 s */
        if (s >= 2.0 * (p->shown + 1)) {
            p->shown = (int)(s / 2.0);
            fprintf(stderr, "explore: searching: %d runs, %.1f s\n", done, s);
        }
        return;
    }
    int tenth = (int)((long long)done * 10 / total);
    if (tenth <= p->shown || s < 1.0)
        return;
    p->shown = tenth;
    fprintf(stderr, "explore: %d%% (%d of %d runs, %.1f s)\n", tenth * 10, done, total, s);
}

static void print_each(const ex_result *r)
{
    const bh_defs *d = r->defs;
    char t[40];
    for (int i = 0; i < r->nruns; i++) {
        const ex_run *x = &r->runs[i];
        printf("run %d seed %llu %s ", i, (unsigned long long)x->seed, ex_policy_name(x->policy));
        if (x->status != EX_ENDED) {
            printf("FAILED %s\n", r->groups[x->group].error);
            continue;
        }
        printf("ending %s at %s inputs %d meters", x->ending >= 0 ? d->endings[x->ending].id
                                                                  : "(none)",
               dur_format(x->end_time, t, sizeof t), x->inputs);
        for (size_t m = 0; m < d->nmeters; m++)
            printf(" %s=%.17g", d->meters[m].id, x->meters[m]);
        printf("\n");
    }
    printf("\n");
}

/* Every run's journal into DIR, as explore-<id>-<seed>.journal. */
static int write_journals(const ex_result *r, const char *dir)
{
    char path[4200];
    bh_err err;
    for (int i = 0; i < r->nruns; i++) {
        err_clear(&err);
        if (r->targets) /* a search's runs share seeds: named by run */
            snprintf(path, sizeof path, "%s/explore-%s-run%d.journal", dir, r->defs->scenario.id, i);
        else
            snprintf(path, sizeof path, "%s/explore-%s-%llu.journal", dir, r->defs->scenario.id,
                     (unsigned long long)r->runs[i].seed);
        if (ex_write_journal(r, i, r->runs[i].journal, path, &err) != BH_OK) {
            print_err(&err, "error");
            return -1;
        }
    }
    return 0;
}

static int write_dot(const json_t *m, const char *path, const char *scenario)
{
    struct stat a, b;
    if (stat(path, &a) == 0 && stat(scenario, &b) == 0 && a.st_dev == b.st_dev &&
        a.st_ino == b.st_ino) {
        fprintf(stderr, "%s: error: that is the scenario itself; choose another name\n", path);
        return -1;
    }
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "%s: error: cannot write the graph: %s\n", path, strerror(errno));
        return -1;
    }
    ex_write_dot(f, m);
    if (fclose(f) != 0) {
        fprintf(stderr, "%s: error: cannot write the graph: %s\n", path, strerror(errno));
        return -1;
    }
    return 0;
}

/* Where failure journals go when --out is not given: beside the other
 * output the command was asked for, else a folder of their own here. */
static const char *failure_dir(const cli *c, const ex_result *r, char *buf, size_t n)
{
    if (c->out)
        return c->out;
    if (c->witness)
        return c->witness;
    if (c->journals)
        return c->journals;
    if (c->dot && strchr(c->dot, '/')) {
        snprintf(buf, n, "%.*s", (int)(strrchr(c->dot, '/') - c->dot), c->dot);
        return buf[0] ? buf : "/";
    }
    return ex_failures_dir(r, buf, n);
}

static int report(cli *c, ex_result *r)
{
    int status = r->failed ? EXIT_PROBLEMS : 0;
    bh_err err;
    err_clear(&err);
    char dir[4200];
    const char *fdir = failure_dir(c, r, dir, sizeof dir);
    if (ex_save_failures(r, fdir, EX_MAX_FAIL_FILES, &err) != BH_OK) {
        print_err(&err, "error");
        status = EXIT_PROBLEMS;
    }
    if (c->witness && ex_write_witnesses(r, c->witness, &err) != BH_OK) {
        print_err(&err, "error");
        status = EXIT_PROBLEMS;
    }
    if (c->journals && write_journals(r, c->journals) != 0)
        status = EXIT_PROBLEMS;
    json_t *m = ex_build(r, 1);
    if (!m) {
        fprintf(stderr, "bulkhead: error: out of memory\n");
        return EXIT_PROBLEMS;
    }
    if (c->each)
        print_each(r);
    if (c->json) {
        json_dumpf(m, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        printf("\n");
    } else {
        ex_write_text(stdout, m);
    }
    fflush(stdout);
    if (c->dot && write_dot(m, c->dot, c->ex.scenario) != 0)
        status = EXIT_PROBLEMS;
    int saved = 0;
    for (int i = 0; i < r->ngroups; i++)
        saved += r->groups[i].path != NULL;
    if (saved) /* on stderr: stdout is the report (and may be JSON) */
        fprintf(stderr, "explore: %d journal%s of failed runs in %s/\n", saved,
                saved == 1 ? "" : "s", fdir);
    json_decref(m);
    return status;
}

int cmd_explore(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            printf("%s", usage_text);
            return 0;
        }
    cli c = {0};
    ex_opts_default(&c.ex);
    int rc = parse(argc, argv, &c);
    if (rc)
        return rc;
    progress p = {.shown = 0};
    clock_gettime(CLOCK_MONOTONIC, &p.start);
    c.ex.progress = on_progress;
    c.ex.progress_ud = &p;
    lh_diags d = {0};
    ex_result *r = NULL;
    bh_err err;
    err_clear(&err);
    bh_status st = ex_explore(&c.ex, &r, &d, &err);
    size_t problems = d.n;
    print_diags(&d);
    lh_diags_free(&d);
    if (st == BH_EUSAGE)
        return usage_error("%s", err.msg);
    if (st != BH_OK) {
        if (!problems) /* the scenario's own problems were shown above */
            print_err(&err, "error");
        return EXIT_PROBLEMS;
    }
    rc = report(&c, r);
    ex_result_free(r);
    return rc;
}
