/* cli: what every subcommand prints its problems with, so that
 * check, run, report and explore speak the same way: "file:line: error:
 * message", the source line with a caret, an indented traceback, and
 * usage errors that point at --help (exit code 2). */
#include "cli/cli.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"

/* The source line of a finding with a caret under it, as compilers show
 * it: at the column when known, else under the line's first character. */
int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "bulkhead: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nRun 'bulkhead --help' for usage.\n");
    return EXIT_USAGE;
}

void print_trace(const char *trace)
{
    if (!trace || !trace[0])
        return;
    for (const char *p = trace; *p;) {
        const char *nl = strchr(p, '\n');
        int n = nl ? (int)(nl - p) : (int)strlen(p);
        int skip = p[0] == '\t'; /* Lua indents frames with a tab; we indent with spaces */
        fprintf(stderr, "    %.*s\n", n - skip, p + skip);
        p += n + (nl ? 1 : 0);
    }
}

void print_source(const char *file, int line, int col)
{
    char *text = NULL;
    size_t len = 0;
    bh_err e;
    if (line <= 0 || text_read_file(file, (size_t)8 << 20, &text, &len, &e) != BH_OK)
        return;
    const char *p = text;
    for (int at = 1; at < line && p; at++) {
        p = strchr(p, '\n');
        p = p ? p + 1 : NULL;
    }
    if (p && *p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        char raw[400], clean[400];
        if (n >= sizeof raw)
            n = sizeof raw - 1;
        memcpy(raw, p, n);
        raw[n] = 0;
        for (char *c = raw; *c; c++)
            if (*c == '\t' || *c == '\r')
                *c = ' ';
        text_sanitize(raw, n, clean, sizeof clean); /* the file may hold anything */
        int at = col > 0 ? col - 1 : 0;
        if (col <= 0)
            while (clean[at] == ' ')
                at++;
        fprintf(stderr, "    %s\n    %*s^\n", clean, at, "");
    }
    free(text);
}

/* A message and its newline. Lines after the first are indented: a
 * scenario's error("x\nother.lua:1: error: ...") must not print a line
 * that looks like a finding of its own to a reader or an editor. */
static void put_message(const char *msg)
{
    for (const char *p = msg; *p; p++) {
        fputc(*p, stderr);
        if (*p == '\n')
            fputs("    ", stderr);
    }
    fputc('\n', stderr);
}

void print_diags(const lh_diags *d)
{
    for (size_t i = 0; i < d->n; i++) {
        const lh_diag *g = &d->v[i];
        if (g->line > 0)
            fprintf(stderr, "%s:%d: %s: ", g->file, g->line,
                    g->sev == LH_ERROR ? "error" : "warning");
        else
            fprintf(stderr, "%s: %s: ", g->file, g->sev == LH_ERROR ? "error" : "warning");
        put_message(g->msg);
        if (!g->trace)
            print_source(g->file, g->line, g->col);
        print_trace(g->trace);
    }
    if (d->lost)
        fprintf(stderr, "bulkhead: error: %s\n", lh_diags_lost_msg(d));
    if ((size_t)(d->errors + d->warnings - d->lost) > d->n)
        fprintf(stderr, "(%zu more problems not shown)\n",
                (size_t)(d->errors + d->warnings - d->lost) - d->n);
}

bh_status read_plan(const char *path, bh_plan *plan)
{
    bh_err err;
    err_clear(&err);
    if (journal_read(path, plan, &err) != BH_OK) {
        print_err(&err, "error");
        return err.status;
    }
    char warn[600];
    if (journal_plan_warning(plan, warn, sizeof warn))
        fprintf(stderr, "%s\n", warn);
    return BH_OK;
}

void print_err(const bh_err *e, const char *severity)
{
    if (e->file[0] && e->line > 0)
        fprintf(stderr, "%s:%d: %s: ", e->file, e->line, severity);
    else if (e->file[0])
        fprintf(stderr, "%s: %s: ", e->file, severity);
    else
        fprintf(stderr, "bulkhead: %s: ", severity);
    put_message(e->msg);
    print_trace(e->trace);
}

int parse_u64(const char *s, uint64_t *out)
{
    char *end;
    errno = 0;
    if (!s[0] || s[0] == '-')
        return -1;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end)
        return -1;
    *out = v;
    return 0;
}

int cli_check_cut(const bh_defs *d, const char *cut, const char *path)
{
    if (defs_cut(d, cut) >= 0)
        return 0;
    char hint[160];
    text_suggest(cut, d->cuts, d->ncuts, sizeof *d->cuts, offsetof(bh_cut_def, id), hint,
                 sizeof hint);
    fprintf(stderr, "%s: error: --cut %s: the scenario declares no such cut%s\n", path, cut,
            d->ncuts ? hint : " (it declares no cuts)");
    return -1;
}
