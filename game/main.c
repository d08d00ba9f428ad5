/* main.c: the command line. Parses flags with getopt_long, runs one
 * subcommand, and maps outcomes to exit codes: 0 success, 1 problems found
 * (bad scenario, bad plan, script error), 2 bad usage. The only place that
 * prints errors or exits. */
#include <dlfcn.h>
#include <getopt.h>
#include <limits.h>
#include <inttypes.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "cli_ack.h"
#include "cli_explore.h"
#include "cli_new.h"
#include "core/journal.h"
#include "core/session.h"
#include "core/text.h"
#include "core/vec.h"
#include "core/transcript.h"
#include "report/ex_explore.h"
#include "report/rp_report.h"
#include "script/lh_host.h"
#include "ui/ui_opts.h"


static const char *usage_text =
    "Usage:\n"
    "  bulkhead                          the desktop game: title screen, scenarios, continue\n"
    "  bulkhead play FILE.lua [--seed N] [--resume JOURNAL] [--fullscreen]\n"
    "                                    open a scenario's briefing (or resume its journal)\n"
    "  bulkhead check FILE.lua... [--format text|json] [--explore N]\n"
    "                                    validate scenarios; file:line: error|warning: message\n"
    "  bulkhead run FILE.lua --plan PLAN [--seed N] [--journal OUT [--ack-fd N]]\n"
    "                                    replay a plan headless and print the transcript\n"
    "  bulkhead report JOURNAL [--format html|md|json] [-o OUT] [--scenario FILE.lua]\n"
    "                                    the after-action report of a session or plan\n"
    "  bulkhead explore FILE.lua [--runs N] [--seed N] [--policy NAME] [--json] [--dot OUT]\n"
    "                                    play N sessions with simple players: endings, meters,\n"
    "                                    content never seen, failures (see explore --help)\n"
    "  bulkhead new NAME                 write NAME.lua, a small working scenario to start from\n"
    "  bulkhead --help | --version\n"
    "\n"
    "Options for check and run:\n"
    "  --mem-limit MIB     memory a scenario may use (default 64)\n"
    "  --ack-fd N          run --journal only: after the header and each input line is\n"
    "                      written and fsynced, write its line number and a newline to\n"
    "                      descriptor N (open it for the run, e.g. 3>ACKS --ack-fd 3)\n"
    "\n"
    "Options for the game (bulkhead and bulkhead play):\n"
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
    "Exit codes: 0 success, 1 problems found, 2 bad usage.\n";

typedef struct cli {
    const char *plan, *journal;
    int has_seed;
    uint64_t seed;
    int ack_fd; /* -1 without --ack-fd */
    lh_opts lua;
} cli;

static int parse_common(int argc, char **argv, cli *c)
{
    enum { OPT_PLAN = 1, OPT_SEED, OPT_JOURNAL, OPT_MEM, OPT_ACK };
    static const struct option opts[] = {
        {"plan", required_argument, 0, OPT_PLAN},
        {"seed", required_argument, 0, OPT_SEED},
        {"journal", required_argument, 0, OPT_JOURNAL},
        {"mem-limit", required_argument, 0, OPT_MEM},
        {"ack-fd", required_argument, 0, OPT_ACK},
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

/* `check --explore N`: content no explored session reached. Explore plays
 * N sessions with its simple players; what none of them met is reported
 * as a warning at its declaration: perhaps unreachable, perhaps only
 * reachable by play the players do not try. Conditions that kept waiting
 * on the clock are pointed out too. */
static void add_diag(lh_diags *d, const bh_loc *loc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void add_diag(lh_diags *d, const bh_loc *loc, const char *fmt, ...)
{
    if (VEC_PUSH(d->v, d->n, d->cap) != 0)
        return;
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    lh_diag *g = &d->v[d->n++];
    memset(g, 0, sizeof *g);
    g->sev = LH_WARNING;
    g->file = strdup(loc->file);
    g->line = loc->line;
    g->msg = strdup(msg);
    d->warnings++;
}

static void explore_findings(const char *path, int runs, const lh_opts *lua, lh_diags *out)
{
    ex_opts o;
    ex_opts_default(&o);
    o.scenario = path;
    o.runs = runs;
    o.lua = *lua;
    o.verify = 1; /* a lint: find conditions that read more than `w` */
    ex_result *r = NULL;
    lh_diags d = {0};
    bh_err e;
    if (ex_explore(&o, &r, &d, &e) != BH_OK || !r) {
        lh_diags_free(&d);
        return; /* it loaded for check a moment ago; load errors are reported there */
    }
    const bh_defs *df = r->defs;
    int n = r->nruns;
    for (size_t i = 0; i < df->ninjects; i++)
        if (!r->fired[i])
            add_diag(out, &df->injects[i].loc, "inject '%s' never fired in %d explored sessions: "
                     "can any session reach it?", df->injects[i].id, n);
    for (size_t i = 0; i < df->nactions && r->looked; i++)
        if (!r->available[i])
            add_diag(out, &df->actions[i].loc, "action '%s' was never available in %d explored "
                     "sessions: can any session start it?", df->actions[i].id, n);
    size_t opt = 0;
    for (size_t i = 0; i < df->ndecisions; i++) {
        const bh_decision_def *x = &df->decisions[i];
        if (!r->opened[i])
            add_diag(out, &x->loc, "decision '%s' never opened in %d explored sessions: can any "
                     "session reach it?", x->id, n);
        else if (!r->chosen[opt + (size_t)x->default_opt])
            add_diag(out, &x->loc, "the default of decision '%s' never happened in %d explored "
                     "sessions: can its deadline pass?", x->id, n);
        opt += x->noptions;
    }
    /* the fallback is a safety net: a scenario whose other endings always
     * come first is fine */
    for (size_t i = 0; i < df->nendings; i++)
        if (!r->reached[i] && !df->endings[i].fallback)
            add_diag(out, &df->endings[i].loc, "ending '%s' was never reached in %d explored "
                     "sessions: can any session reach it?", df->endings[i].id, n);
    for (size_t i = 0, nall = ex_ncond(df); i < nall; i++) {
        const char *kind, *id;
        const bh_loc *loc = ex_cond_where(df, i, &kind, &id);
        if (r->stale[i])
            add_diag(out, loc, "the %s of %s '%s' depends on something other than w: asked "
                     "again, it answered differently %llu time%s in %d explored sessions with "
                     "nothing it read from w changed; keep such state in a flag",
                     strcmp(kind, "action") ? "condition" : "availability", kind, id,
                     (unsigned long long)r->stale[i], r->stale[i] == 1 ? "" : "s", n);
    }
    /* conditions that wait on the clock, which is what makes exploring slow */
    for (size_t i = 0, nc = df->ninjects + df->ndecisions + df->nendings; i < nc; i++) {
        const char *kind, *id;
        const bh_loc *loc = ex_cond_where(df, i, &kind, &id);
        double per = (double)r->clock_calls[i] / n;
        if (per >= EX_CLOCK_NOTE)
            add_diag(out, loc, "the condition of %s '%s' waited on the clock: about %.0f calls "
                     "per explored session read w.time; if it waits for a fixed time give it "
                     "`after = ...`, else set a flag from w.after and read that", kind, id, per);
    }
    ex_result_free(r);
    lh_diags_free(&d);
}

/* `check --format json`: every finding of every file, through Jansson. */
static void add_json_diags(json_t *arr, const lh_diags *d)
{
    for (size_t i = 0; i < d->n; i++) {
        const lh_diag *g = &d->v[i];
        json_t *o = json_object();
        json_object_set_new(o, "file", json_string(g->file));
        json_object_set_new(o, "line", json_integer(g->line));
        json_object_set_new(o, "column", json_integer(g->col));
        json_object_set_new(o, "severity", json_string(g->sev == LH_ERROR ? "error" : "warning"));
        json_object_set_new(o, "message", json_string(g->msg));
        json_object_set_new(o, "trace", g->trace ? json_string(g->trace) : json_null());
        json_array_append_new(arr, o);
    }
}

static int cmd_check(int argc, char **argv)
{
    /* --format and --explore are check's own; the rest are the common options */
    int json = 0, explore = 0;
    for (int i = 1; i < argc; i++) {
        const char *v = NULL;
        int is_explore = strncmp(argv[i], "--explore", 9) == 0;
        if (!is_explore && strcmp(argv[i], "--format") == 0 && i + 1 < argc)
            v = argv[i + 1];
        else if (!is_explore && strncmp(argv[i], "--format=", 9) == 0)
            v = argv[i] + 9;
        else if (strcmp(argv[i], "--explore") == 0 && i + 1 < argc)
            v = argv[i + 1];
        else if (strncmp(argv[i], "--explore=", 10) == 0)
            v = argv[i] + 10;
        else
            continue;
        if (is_explore) {
            uint64_t nr;
            if (parse_u64(v, &nr) != 0 || nr < 1 || nr > 100000)
                return usage_error("--explore wants a number of sessions from 1 to 100000, not '%s'", v);
            explore = (int)nr;
        } else if (strcmp(v, "json") != 0 && strcmp(v, "text") != 0) {
            return usage_error("--format wants text or json, not '%s'", v);
        } else {
            json = strcmp(v, "json") == 0;
        }
        int gone = strchr(argv[i], '=') ? 1 : 2;
        for (int k = i; k + gone <= argc; k++)
            argv[k] = argv[k + gone];
        argc -= gone;
        i--;
    }
    cli c;
    int rc = parse_common(argc, argv, &c);
    if (rc)
        return rc;
    if (c.plan || c.journal || c.has_seed || c.ack_fd >= 0)
        return usage_error("%s", "check takes only scenario files (and --mem-limit)");
    if (optind >= argc)
        return usage_error("%s", "check needs at least one scenario file");
    int problems = 0, errors = 0, warnings = 0;
    json_t *all = json ? json_array() : NULL;
    for (int i = optind; i < argc; i++) {
        lh_diags d = {0};
        lh_host *h = NULL;
        lh_load(argv[i], &c.lua, &h, &d);
        if (h && explore && d.errors == 0)
            explore_findings(argv[i], explore, &c.lua, &d);
        if (json)
            add_json_diags(all, &d);
        else
            print_diags(&d);
        problems |= d.errors || d.warnings;
        errors += d.errors;
        warnings += d.warnings;
        lh_diags_free(&d);
        lh_free(h);
    }
    if (json) {
        json_t *o = json_object();
        json_object_set_new(o, "diagnostics", all);
        json_object_set_new(o, "errors", json_integer(errors));
        json_object_set_new(o, "warnings", json_integer(warnings));
        json_dumpf(o, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        fputc('\n', stdout);
        json_decref(o);
    }
    return problems ? EXIT_PROBLEMS : 0;
}

static int same_file(const char *a, const char *b)
{
    struct stat x, y;
    return a && b && stat(a, &x) == 0 && stat(b, &y) == 0 && x.st_dev == y.st_dev &&
           x.st_ino == y.st_ino;
}

/* Where a journal's session stood: the game keeps the clock beside the
 * journal (JOURNAL.clock); a plan written by hand has none, and is run on
 * to its ending as `run` does. */
static bh_status report_replay(bh_sim *sim, const bh_plan *plan, const char *journal, bh_err *err)
{
    bh_replay_result res;
    bh_status st = session_replay(sim, NULL, plan, &res, err);
    if (st != BH_OK)
        return st;
    char path[4096], text[64] = "";
    snprintf(path, sizeof path, "%s.clock", journal);
    FILE *c = fopen(path, "r");
    if (!c)
        return session_finish(sim, err);
    size_t n = fread(text, 1, sizeof text - 1, c);
    fclose(c);
    text[n] = 0;
    char *end;
    errno = 0;
    long long t = strtoll(text, &end, 10);
    while (*end == '\n' || *end == '\r')
        end++;
    if (errno || end == text || *end || t < 0) {
        /* the journal is the truth; the clock only says how far it ran on */
        fprintf(stderr, "%s: warning: not a clock (a number of seconds); reporting the "
                        "session up to its last input\n", path);
        return BH_OK;
    }
    if (t > sim_now(sim))
        return sim_advance(sim, (bh_time)t, err);
    return BH_OK;
}

static int cmd_report(int argc, char **argv)
{
    enum { O_FORMAT = 1, O_OUT, O_SCENARIO };
    static const struct option opts[] = {{"format", required_argument, 0, O_FORMAT},
                                         {"output", required_argument, 0, O_OUT},
                                         {"scenario", required_argument, 0, O_SCENARIO},
                                         {0, 0, 0, 0}};
    const char *out = NULL, *scenario = NULL;
    int fmt = -1, ch;
    opterr = 0;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
        switch (ch) {
        case O_FORMAT:
            if ((fmt = rp_parse_format(optarg)) < 0)
                return usage_error("--format wants html, md or json, not '%s'", optarg);
            break;
        case 'o': case O_OUT: out = optarg; break;
        case O_SCENARIO: scenario = optarg; break;
        default:
            if (optopt)
                return usage_error("option '%s' needs a value", argv[optind - 1]);
            return usage_error("unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind >= argc)
        return usage_error("%s", "report needs a journal: bulkhead report JOURNAL [-o OUT]");
    if (optind + 1 < argc)
        return usage_error("report takes one journal; unexpected '%s'", argv[optind + 1]);
    if (fmt < 0) { /* from the output's name, else Markdown for the terminal */
        const char *dot = out ? strrchr(out, '.') : NULL;
        fmt = dot && (!strcasecmp(dot, ".html") || !strcasecmp(dot, ".htm")) ? RP_HTML
              : dot && !strcasecmp(dot, ".json") ? RP_JSON : RP_MARKDOWN;
    }
    const char *journal = argv[optind];
    int status = EXIT_PROBLEMS;
    bh_plan plan = {0};
    lh_host *h = NULL;
    lh_diags d = {0};
    bh_sim *sim = NULL;
    json_t *rep = NULL;
    FILE *f = NULL;
    char tmp[4200] = "";
    bh_err err;
    err_clear(&err);
    lh_opts lo;
    lh_opts_default(&lo);
    if (journal_read(journal, &plan, &err) != BH_OK) {
        print_err(&err, "error");
        goto done;
    }
    if (!scenario)
        scenario = plan.scenario;
    if (!scenario) {
        fprintf(stderr, "%s: error: no 'scenario' line, so it does not say which scenario it "
                        "belongs to: add --scenario FILE.lua\n", journal);
        goto done;
    }
    lh_load(scenario, &lo, &h, &d);
    print_diags(&d);
    if (!h)
        goto done;
    if (sim_create(&sim, lh_defs(h), lh_hooks(h), plan.has_seed ? plan.seed : 1, &err) != BH_OK) {
        print_err(&err, "error");
        goto done;
    }
    /* A script error is part of the story: report up to it, and say so. */
    if (report_replay(sim, &plan, journal, &err) != BH_OK && !sim_failed(sim)) {
        print_err(&err, "error");
        goto done;
    }
    rp_meta meta = {scenario, journal};
    rep = rp_build(sim, &meta);
    if (!rep) {
        fprintf(stderr, "bulkhead: error: out of memory\n");
        goto done;
    }
    /* Never write a report over the session it came from. */
    if (out && (same_file(out, journal) || same_file(out, scenario) ||
                (snprintf(tmp, sizeof tmp, "%s.clock", journal), same_file(out, tmp)))) {
        fprintf(stderr, "%s: error: that is the session's own journal, clock or scenario; "
                        "choose another name for the report\n", out);
        goto done;
    }
    /* A new file renamed over the old one: a failure leaves the old report. */
    if (out && snprintf(tmp, sizeof tmp, "%s.tmp", out) >= (int)sizeof tmp) {
        fprintf(stderr, "%s: error: the name is too long\n", out);
        goto done;
    }
    f = out ? fopen(tmp, "w") : stdout;
    if (!f) {
        fprintf(stderr, "%s: error: cannot write the report: %s\n", out, strerror(errno));
        goto done;
    }
    if (rp_write(f, out ? out : "standard output", rep, (rp_format)fmt, &err) != BH_OK) {
        print_err(&err, "error");
        goto done;
    }
    if (out && (fflush(f) != 0 || fsync(fileno(f)) != 0 || fclose(f) != 0 ||
                (f = NULL, rename(tmp, out) != 0))) {
        fprintf(stderr, "%s: error: cannot write the report: %s\n", out, strerror(errno));
        f = NULL;
        goto done;
    }
    if (out) {
        f = NULL;
        fprintf(stderr, "wrote %s\n", out);
    }
    status = sim_failed(sim) ? EXIT_PROBLEMS : 0;
    if (sim_failed(sim))
        print_err(sim_error(sim), "error");
done:
    if (f && f != stdout) { /* a failed write: drop the half-written file */
        fclose(f);
        unlink(tmp);
    }
    json_decref(rep);
    sim_destroy(sim);
    lh_free(h);
    lh_diags_free(&d);
    journal_plan_free(&plan);
    return status;
}

static int cmd_new(int argc, char **argv)
{
    if (argc != 2)
        return usage_error("%s", "new takes one name: bulkhead new NAME (writes NAME.lua here)");
    char id[64], path[1100];
    const char *name = argv[1];
    /* NAME, NAME.lua or a path to NAME.lua: the id is the file's base name */
    const char *base = strrchr(name, '/') ? strrchr(name, '/') + 1 : name;
    size_t n = strlen(base);
    if (n > 4 && strcmp(base + n - 4, ".lua") == 0)
        n -= 4;
    snprintf(id, sizeof id, "%.*s", (int)(n < 63 ? n : 63), base);
    if (!cli_new_valid_id(id))
        return usage_error("'%s' is not a scenario name: use lower-case letters, digits and _, "
                           "starting with a letter (e.g. port_outage)", id);
    if (strlen(name) > 1000)
        return usage_error("%s", "the name is too long");
    snprintf(path, sizeof path, "%.*s%s", (int)(base - name), name, id);
    strncat(path, ".lua", sizeof path - strlen(path) - 1);
    bh_err err;
    err_clear(&err);
    if (cli_new_write(id, path, &err) != BH_OK) {
        print_err(&err, "error");
        return EXIT_PROBLEMS;
    }
    printf("wrote %s\nnext:\n  bulkhead check %s\n  bulkhead play %s\n", path, path, path);
    return 0;
}

static int cmd_run(int argc, char **argv)
{
    cli c;
    int rc = parse_common(argc, argv, &c);
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
    if (journal_read(c.plan, &plan, &err) != BH_OK) {
        print_err(&err, "error");
        goto done;
    }
    if (plan.scenario && strcmp(plan.scenario, path) != 0)
        fprintf(stderr, "%s: warning: this journal was recorded for %s, not %s\n", plan.name,
                plan.scenario, path);
    if (c.has_seed && plan.has_seed && c.seed != plan.seed)
        fprintf(stderr, "%s: warning: --seed %" PRIu64 " overrides the journal's seed %" PRIu64
                        "; the session will differ from the recorded one\n",
                plan.name, c.seed, plan.seed);
    uint64_t seed = c.has_seed ? c.seed : plan.has_seed ? plan.seed : 1;
    long acked = 0;
    if (c.journal && (journal_create(&jout, c.journal, path, seed, &err) != BH_OK ||
                      (c.ack_fd >= 0 && ack_header(c.ack_fd, c.journal, &acked, &err) != BH_OK))) {
        print_err(&err, "error");
        goto done;
    }
    if (sim_create(&sim, lh_defs(h), lh_hooks(h), seed, &err) != BH_OK) {
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

static int parse_size(const char *s, int *w, int *h)
{
    char x;
    if (sscanf(s, "%d%c%d", w, &x, h) != 3 || (x != 'x' && x != 'X') || *w < 320 || *h < 240 ||
        *w > 16384 || *h > 16384)
        return -1;
    return 0;
}

/* The game module sits beside the executable (see ui_opts.h for why it is
 * a module at all). */
static int run_game_module(const app_opts *o)
{
    char exe[PATH_MAX], path[PATH_MAX + 32];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) {
        fprintf(stderr, "bulkhead: error: cannot find my own folder: %s\n", strerror(errno));
        return EXIT_PROBLEMS;
    }
    exe[n] = 0;
    char *slash = strrchr(exe, '/');
    if (slash)
        *slash = 0;
    snprintf(path, sizeof path, "%s/libbhgame.so", exe);
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

/* The desktop game: `bulkhead` (title screen) or `bulkhead play FILE`. */
static int cmd_game(int argc, char **argv, int with_file)
{
    enum { O_SEED = 1, O_RESUME, O_FULL, O_FONT, O_DATA, O_SIZE, O_THEME, O_SCALE, O_SOFT, O_DEV };
    static const struct option opts[] = {
        {"seed", required_argument, 0, O_SEED},   {"resume", required_argument, 0, O_RESUME},
        {"fullscreen", no_argument, 0, O_FULL},   {"font", required_argument, 0, O_FONT},
        {"data-dir", required_argument, 0, O_DATA}, {"size", required_argument, 0, O_SIZE},
        {"theme", required_argument, 0, O_THEME}, {"text-scale", required_argument, 0, O_SCALE},
        {"software", no_argument, 0, O_SOFT},     {"dev", no_argument, 0, O_DEV},
        {0, 0, 0, 0}};
    app_opts o = {0};
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
        default:
            if (optopt)
                return usage_error("option '%s' needs a value", argv[optind - 1]);
            return usage_error("unknown option '%s'", argv[optind - 1]);
        }
    }
    if (with_file) {
        if (optind >= argc && !o.resume)
            return usage_error("%s", "play needs a scenario file: bulkhead play FILE.lua");
        if (optind < argc)
            o.scenario = argv[optind++];
    }
    if (optind < argc)
        return usage_error("unexpected argument '%s'", argv[optind]);
    if (o.scenario && access(o.scenario, R_OK) != 0) {
        fprintf(stderr, "%s: error: cannot read this scenario: %s\n", o.scenario, strerror(errno));
        return EXIT_PROBLEMS;
    }
    return run_game_module(&o);
}

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
    if (strcmp(cmd, "explore") == 0)
        return cmd_explore(argc - 1, argv + 1);
    if (strcmp(cmd, "new") == 0)
        return cmd_new(argc - 1, argv + 1);
    if (strcmp(cmd, "report") == 0)
        return cmd_report(argc - 1, argv + 1);
    if (cmd[0] == '-')
        return usage_error("unknown option '%s'", cmd);
    return usage_error("unknown command '%s'", cmd);
}
