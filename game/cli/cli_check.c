/* cli_check: `bulkhead check FILE.lua...`. Loads each scenario, prints
 * every finding as "file:line: error|warning: message" (or all of them as
 * JSON with --format json), and with --explore N also searches play (as
 * explore --search) until N sessions in a row find nothing new, reports
 * every session that crashed as an error at the failing line, and warns
 * about content none of them reached. Exit 0 clean, 1 problems. */
#include <stdarg.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "cli/cli.h"
#include "core/text.h"
#include "core/vec.h"
#include "explore/ex_explore.h"
#include "script/lh_host.h"

/* `check --explore N`: the playtester's search (explore --search) plays
 * until N sessions in a row found nothing new. Every session that stopped
 * on an error is an error at the failing line, with its traceback and the
 * journal that replays it: a scenario is clean only when nothing crashed.
 * What no session met is a warning at its declaration: perhaps
 * unreachable, perhaps only reachable by play the search did not try.
 * Conditions that kept waiting on the clock are pointed out too. */
static void add_finding(lh_diags *d, lh_severity sev, const char *file, int line,
                        const char *trace, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
static void add_finding(lh_diags *d, lh_severity sev, const char *file, int line,
                        const char *trace, const char *fmt, ...)
{
    if (VEC_PUSH(d->v, d->n, d->cap) != 0)
        return;
    char msg[1600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    lh_diag *g = &d->v[d->n++];
    memset(g, 0, sizeof *g);
    g->sev = sev;
    g->file = strdup(file);
    g->line = line;
    g->msg = strdup(msg);
    g->trace = trace && trace[0] ? strdup(trace) : NULL;
    if (sev == LH_ERROR)
        d->errors++;
    else
        d->warnings++;
}

#define add_diag(d, loc, ...) add_finding(d, LH_WARNING, (loc)->file, (loc)->line, NULL, __VA_ARGS__)

/* Is ending i one that a cut other than `cut` (the one explored, NULL for
 * the whole scenario) ends with? */
static int cut_ending(const bh_defs *d, int i, const char *cut)
{
    for (size_t k = 0; k < d->ncuts; k++)
        if (d->cuts[k].ending == i && (!cut || strcmp(d->cuts[k].id, cut) != 0))
            return 1;
    return 0;
}

/* Every distinct error an explored session stopped on, at its line, with
 * the journal that replays it (written to `dir`, made when needed). */
static void failure_findings(ex_result *r, const char *dir, lh_diags *out)
{
    if (!r->failed)
        return;
    char made[300];
    if (!dir)
        dir = ex_failures_dir(r, made, sizeof made);
    bh_err e;
    err_clear(&e);
    if (ex_save_failures(r, dir, 10, &e) != BH_OK)
        add_finding(out, LH_ERROR, e.file, e.line, NULL, "cannot keep the journal of a failed "
                    "session: %s", e.msg);
    for (int i = 0; i < r->ngroups; i++) {
        const ex_group *g = &r->groups[i];
        char replay[4400];
        if (g->path)
            snprintf(replay, sizeof replay, "replay: bulkhead run %s --plan %s", r->scenario,
                     g->path);
        else
            snprintf(replay, sizeof replay, "its process died; replay alone with bulkhead "
                     "explore %s --runs 1 --seed %llu --isolation fork", r->scenario,
                     (unsigned long long)g->seeds[0]);
        add_finding(out, LH_ERROR, g->file && g->file[0] ? g->file : r->scenario, g->line,
                    g->trace, "%s (an explored session stopped on this error: %d of %d "
                    "sessions did; %s)", g->msg ? g->msg : g->error, g->runs, r->nruns, replay);
    }
}

static void explore_findings(const char *path, int budget, const char *cut, const lh_opts *lua,
                             const char *out_dir, lh_diags *out)
{
    ex_opts o;
    ex_opts_default(&o);
    o.scenario = path;
    o.cut = cut; /* --cut: explore sessions of that cut */
    o.search = 1;
    o.budget = budget;
    o.runs = budget > EX_DEFAULT_CAP / 20 ? EX_DEFAULT_CAP : budget * 20;
    o.lua = *lua;
    o.verify = 1; /* a lint: find conditions that read more than `w` */
    ex_result *r = NULL;
    lh_diags d = {0};
    bh_err e;
    err_clear(&e);
    if (ex_explore(&o, &r, &d, &e) != BH_OK || !r) {
        if (!d.n) /* else it loaded for check a moment ago; load errors are reported there */
            add_finding(out, LH_ERROR, path, 0, NULL, "the exploration could not run: %s",
                        e.msg);
        lh_diags_free(&d);
        return;
    }
    failure_findings(r, out_dir, out);
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
     * come first is fine; and an ending a cut names is reached when that
     * cut's time runs out, which a session of another length never sees */
    for (size_t i = 0; i < df->nendings; i++)
        if (!r->reached[i] && !df->endings[i].fallback && !cut_ending(df, (int)i, cut))
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

int cmd_check(int argc, char **argv)
{
    /* --format and --explore are check's own; the rest are the common options */
    int json = 0, explore = 0;
    const char *out_dir = NULL;
    for (int i = 1; i < argc; i++) {
        const char *v = NULL;
        int is_explore = strncmp(argv[i], "--explore", 9) == 0;
        int is_out = strcmp(argv[i], "--out") == 0 || strncmp(argv[i], "--out=", 6) == 0;
        if (is_out && strchr(argv[i], '='))
            v = argv[i] + 6;
        else if (is_out && i + 1 < argc)
            v = argv[i + 1];
        else if (is_out)
            return usage_error("%s", "--out needs a folder");
        else if (!is_explore && strcmp(argv[i], "--format") == 0 && i + 1 < argc)
            v = argv[i + 1];
        else if (!is_explore && strncmp(argv[i], "--format=", 9) == 0)
            v = argv[i] + 9;
        else if (strcmp(argv[i], "--explore") == 0 && i + 1 < argc)
            v = argv[i + 1];
        else if (strncmp(argv[i], "--explore=", 10) == 0)
            v = argv[i] + 10;
        else
            continue;
        if (is_out) {
            struct stat st;
            if (stat(v, &st) != 0 || !S_ISDIR(st.st_mode))
                return usage_error("--out wants an existing folder, not '%s'", v);
            out_dir = v;
        } else if (is_explore) {
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
    cli_args c;
    int rc = cli_parse_args(argc, argv, &c);
    if (rc)
        return rc;
    if (c.plan || c.journal || c.has_seed || c.ack_fd >= 0)
        return usage_error("%s", "check takes only scenario files (and --mem-limit)");
    if (c.cut && !explore)
        return usage_error("%s", "--cut is for check --explore N: explore sessions of that cut");
    if (out_dir && !explore)
        return usage_error("%s", "--out is for check --explore N: where journals of failed "
                                 "sessions go");
    if (optind >= argc)
        return usage_error("%s", "check needs at least one scenario file");
    int problems = 0, errors = 0, warnings = 0;
    json_t *all = json ? json_array() : NULL;
    for (int i = optind; i < argc; i++) {
        lh_diags d = {0};
        lh_host *h = NULL;
        lh_load(argv[i], &c.lua, &h, &d);
        if (h && c.cut && defs_cut(lh_defs(h), c.cut) < 0) {
            bh_loc at = {argv[i], 0};
            size_t before = d.n;
            add_diag(&d, &at, "--cut: this scenario declares no cut '%s'", c.cut);
            if (d.n > before) { /* an error, not the warning add_diag makes */
                d.v[before].sev = LH_ERROR;
                d.warnings--;
            }
            d.errors++;
        } else if (h && explore && d.errors == 0) {
            explore_findings(argv[i], explore, c.cut, &c.lua, out_dir, &d);
        }
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
