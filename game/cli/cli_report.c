/* cli_report: `bulkhead report JOURNAL`, the after-action report of a
 * journal or a plan, as HTML, Markdown or JSON (game/report). A journal the
 * game wrote is replayed to where its clock stood (JOURNAL.clock). Its
 * scenario is --scenario FILE.lua, else the journal's `scenario` line, read
 * relative to the journal's folder (journal_path.c). */
#include <sys/stat.h>
#include <unistd.h>
#include <errno.h>
#include <limits.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/journal.h"
#include "core/session.h"
#include "report/rp_report.h"
#include "script/lh_host.h"

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

int cmd_report(int argc, char **argv)
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
    char tmp[4200] = "", found[PATH_MAX];
    int direct = 0; /* out is a device or a pipe, written in place */
    bh_err err;
    err_clear(&err);
    lh_opts lo;
    lh_opts_default(&lo);
    if (read_plan(journal, &plan) != BH_OK)
        goto done;
    /* The journal's own scenario, read relative to its folder. */
    if (!scenario) {
        int fallback = 0;
        if (journal_scenario_find(&plan, journal, "add --scenario FILE.lua", found, sizeof found,
                                  &fallback, &err) != BH_OK) {
            print_err(&err, "error");
            goto done;
        }
        if (fallback) {
            char warn[3 * PATH_MAX];
            journal_scenario_warning(&plan, journal, found, warn, sizeof warn);
            fprintf(stderr, "%s\n", warn);
        }
        scenario = found;
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
    rp_meta meta = {scenario, journal, &plan};
    rep = rp_build(sim, &meta);
    if (!rep) {
        fprintf(stderr, "bulkhead: error: out of memory\n");
        goto done;
    }
    /* Never write a report over the session it came from. */
    if (out && (journal_same_file(out, journal) || journal_same_file(out, scenario) ||
                (snprintf(tmp, sizeof tmp, "%s.clock", journal), journal_same_file(out, tmp)))) {
        fprintf(stderr, "%s: error: that is the session's own journal, clock or scenario; "
                        "choose another name for the report\n", out);
        goto done;
    }
    /* A new file renamed over the old one: a failure leaves the old report.
     * A device or a pipe (/dev/stdout, /dev/full, a FIFO) is written in
     * place: renamed over, it would become a plain file (as root, even
     * /dev/full), and a full device would go unnoticed. */
    struct stat ost;
    direct = out && stat(out, &ost) == 0 && !S_ISREG(ost.st_mode) && !S_ISDIR(ost.st_mode);
    if (out && !direct && snprintf(tmp, sizeof tmp, "%s.tmp", out) >= (int)sizeof tmp) {
        fprintf(stderr, "%s: error: the name is too long\n", out);
        goto done;
    }
    f = direct ? fopen(out, "w") : out ? fopen(tmp, "w") : stdout;
    if (!f) {
        fprintf(stderr, "%s: error: cannot write the report: %s\n", out, strerror(errno));
        goto done;
    }
    if (rp_write(f, out ? out : "standard output", rep, (rp_format)fmt, &err) != BH_OK) {
        print_err(&err, "error");
        goto done;
    }
    if (direct) {
        FILE *g = f;
        f = NULL;
        int bad = fflush(g) != 0 || ferror(g);
        int e = errno;
        if (fclose(g) != 0 && !bad) {
            bad = 1;
            e = errno;
        }
        if (bad) {
            fprintf(stderr, "%s: error: cannot write the report: %s\n", out, strerror(e));
            goto done;
        }
    }
    if (out && !direct && (fflush(f) != 0 || fsync(fileno(f)) != 0 || fclose(f) != 0 ||
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
        if (!direct)
            unlink(tmp);
    }
    json_decref(rep);
    sim_destroy(sim);
    lh_free(h);
    lh_diags_free(&d);
    journal_plan_free(&plan);
    return status;
}
