/* ex_write.c: the exploration's model (ex_model.c) as text for people and
 * as a Graphviz graph. Both only read the model, so they say the same. */
#include "explore/ex_internal.h"

#include <math.h>
#include <string.h>

#include "core/text.h"
#include "report/rp_report.h"

#define EX_WRAP 78

static const char *dur(double secs, char *b, size_t n)
{
    return dur_format(secs < 0 ? 0 : (bh_time)secs, b, n);
}

/* 37.5, 100, 0.33: as few digits as say it. */
static const char *num(double v, char *b, size_t n)
{
    if (v == floor(v) && fabs(v) < 1e15)
        snprintf(b, n, "%.0f", v);
    else
        snprintf(b, n, "%.2f", v);
    return b;
}

static int count(const json_t *o, const char *key)
{
    return (int)json_integer_value(json_object_get(o, key));
}

/* A comma-separated list of strings, wrapped under `indent` columns. */
static void id_list(FILE *f, const json_t *a, int col, int indent)
{
    if (!json_is_array(a) || !json_array_size(a)) {
        fprintf(f, "(none)\n");
        return;
    }
    size_t i;
    json_t *v;
    json_array_foreach(a, i, v) {
        const char *s = json_string_value(v) ? json_string_value(v) : "";
        int len = (int)strlen(s) + 1; /* and its comma */
        if (i && col + 1 + len > EX_WRAP)
            col = fprintf(f, ",\n%*s", indent, "") - 2;
        else if (i)
            col += fprintf(f, ", ");
        col += fprintf(f, "%s", s);
    }
    fprintf(f, "\n");
}

/* Words of `text` folded at EX_WRAP columns, each line indented. */
static void paragraph(FILE *f, const char *text, int indent)
{
    int col = fprintf(f, "%*s", indent, "");
    while (*text) {
        while (*text == ' ')
            text++;
        int n = (int)strcspn(text, " ");
        if (!n)
            break;
        if (col > indent && col + 1 + n > EX_WRAP)
            col = fprintf(f, "\n%*s", indent, "") - 1;
        col += fprintf(f, "%s%.*s", col > indent ? " " : "", n, text);
        text += n;
    }
    fprintf(f, "\n");
}

static void head(FILE *f, const json_t *m)
{
    const json_t *sc = json_object_get(m, "scenario");
    const json_t *cut = json_object_get(sc, "cut");
    fprintf(f, "Explored %s: \"%s\" (%s)%s%s\n", rp_str(sc, "file"), rp_str(sc, "title"),
            rp_str(sc, "id"), cut ? ", in cut " : "", cut ? rp_str(cut, "id") : "");
    if (json_object_get(m, "search"))
        fprintf(f, "%d runs of a search (seed %s); policies:", count(m, "runs"),
                rp_str(m, "seed"));
    else
        fprintf(f, "%d runs, seeds %s to %s; policies:", count(m, "runs"), rp_str(m, "seed"),
                rp_str(m, "last_seed"));
    size_t i;
    json_t *p;
    json_array_foreach(json_object_get(m, "policies"), i, p)
        fprintf(f, "%s %s %d", i ? "," : "", rp_str(p, "name"), count(p, "runs"));
    fprintf(f, "\n");
}

static void policy_cells(FILE *f, const json_t *m, const json_t *by)
{
    size_t i;
    json_t *p;
    json_array_foreach(json_object_get(m, "policies"), i, p) {
        int w = (int)strlen(rp_str(p, "name"));
        fprintf(f, "  %*d", w < 6 ? 6 : w, count(by, rp_str(p, "name")));
    }
    fprintf(f, "\n");
}

static void endings(FILE *f, const json_t *m)
{
    fprintf(f, "\nEndings\n  %-24s %-6s %6s %7s", "ending", "tone", "runs", "share");
    size_t i;
    json_t *e;
    json_array_foreach(json_object_get(m, "policies"), i, e)
        fprintf(f, "  %6s", rp_str(e, "name"));
    fprintf(f, "\n");
    json_array_foreach(json_object_get(m, "endings"), i, e) {
        fprintf(f, "  %-24s %-6s %6d %6.1f%%", rp_str(e, "id"), rp_str(e, "tone"),
                count(e, "runs"), 100 * rp_num(e, "share"));
        policy_cells(f, m, json_object_get(e, "by_policy"));
    }
    const json_t *fl = json_object_get(m, "failed");
    fprintf(f, "  %-24s %-6s %6d %6.1f%%", "(script error)", "", count(fl, "runs"),
            100 * rp_num(fl, "share"));
    policy_cells(f, m, json_object_get(fl, "by_policy"));
    json_array_foreach(json_object_get(m, "endings"), i, e)
        if (count(e, "by_length"))
            fprintf(f, "  %s: %d of its runs ended because the scenario's length ran out\n",
                    rp_str(e, "id"), count(e, "by_length"));
}

static void meters(FILE *f, const json_t *m)
{
    int ended = count(m, "runs") - count(json_object_get(m, "failed"), "runs");
    fprintf(f, "\nFinal meters (min / median / max over the %d runs that ended)\n", ended);
    size_t i;
    json_t *x;
    char a[40], b[40], c[40], s[40];
    int wid = 16, wlab = 24; /* as wide as the longest: a label is never cut */
    json_array_foreach(json_object_get(m, "meters"), i, x) {
        int n = (int)text_chars(rp_str(x, "id")), l = (int)text_chars(rp_str(x, "label"));
        wid = n > wid ? n : wid;
        wlab = l > wlab ? l : wlab;
    }
    json_array_foreach(json_object_get(m, "meters"), i, x) {
        fprintf(f, "  %s%*s %s%*s ", rp_str(x, "id"), wid - (int)text_chars(rp_str(x, "id")), "",
                rp_str(x, "label"), wlab - (int)text_chars(rp_str(x, "label")), "");
        if (json_object_get(x, "median"))
            fprintf(f, "%6s / %6s / %6s", num(rp_num(x, "min"), a, sizeof a),
                    num(rp_num(x, "median"), b, sizeof b), num(rp_num(x, "max"), c, sizeof c));
        else
            fprintf(f, "%22s", "-");
        fprintf(f, "   start %s, %s better", num(rp_num(x, "start"), s, sizeof s),
                rp_str(x, "better"));
        if (json_object_get(x, "low"))
            fprintf(f, "; seen %s to %s", num(rp_num(x, "low"), a, sizeof a),
                    num(rp_num(x, "high"), b, sizeof b));
        fprintf(f, "\n");
    }
}

static void never(FILE *f, const json_t *m)
{
    const json_t *n = json_object_get(m, "never");
    fprintf(f, "\nNever seen in %d runs\n", count(m, "runs"));
    fprintf(f, "  injects never fired:     ");
    id_list(f, json_object_get(n, "injects"), 27, 27);
    fprintf(f, "  actions never available: ");
    if (json_is_null(json_object_get(n, "actions")))
        fprintf(f, "(not measured: the idle policy never looks)\n");
    else
        id_list(f, json_object_get(n, "actions"), 27, 27);
    fprintf(f, "  actions never started:   ");
    id_list(f, json_object_get(n, "started"), 27, 27);
    fprintf(f, "  decisions never opened:  ");
    id_list(f, json_object_get(n, "decisions"), 27, 27);
    fprintf(f, "  options never taken:     ");
    id_list(f, json_object_get(n, "options"), 27, 27);
    fprintf(f, "  endings never reached:   ");
    id_list(f, json_object_get(n, "endings"), 27, 27);
    fprintf(f, "  meters that never moved: ");
    id_list(f, json_object_get(n, "meters"), 27, 27);
}

static void length(FILE *f, const json_t *m)
{
    const json_t *l = json_object_get(m, "length");
    char a[40], b[40], c[40];
    if (!json_is_object(l)) {
        fprintf(f, "\nSession length: no run ended\n");
        return;
    }
    fprintf(f, "\nSession length (simulated time at the end): median %s (min %s, max %s)\n",
            dur(rp_num(l, "median_s"), b, sizeof b), dur(rp_num(l, "min_s"), a, sizeof a),
            dur(rp_num(l, "max_s"), c, sizeof c));
}

static void impact(FILE *f, const json_t *m)
{
    const json_t *im = json_object_get(m, "impact");
    fprintf(f, "\nActions that most change the outcome\n");
    char text[1200];
    snprintf(text, sizeof text,
             "Outcome: %s. Within each policy, the outcome of its runs that started the action "
             "minus that of its runs that did not; then the average over the policies, weighted "
             "by how many runs each comparison rests on. Over the %d runs that acted and ended; "
             "an action needs %d runs with it and %d without. A correlation, not proof of cause: "
             "an action that only becomes available late can look good just because the runs "
             "that reached it lasted.",
             rp_str(im, "outcome"), count(im, "runs"), count(im, "min_group"),
             count(im, "min_group"));
    paragraph(f, text, 2);
    const json_t *list = json_object_get(im, "actions");
    if (!json_array_size(list))
        fprintf(f, "    (none: no action's runs differ from the others')\n");
    size_t i, k;
    json_t *x, *p;
    json_array_foreach(list, i, x) {
        fprintf(f, "  %d. %+.2f  %-20s %s\n     started in %d runs, not in %d;", (int)i + 1,
                rp_num(x, "delta"), rp_str(x, "id"), rp_str(x, "label"), count(x, "with"),
                count(x, "without"));
        json_array_foreach(json_object_get(x, "by_policy"), k, p)
            fprintf(f, "%s %s %+.2f", k ? "," : "", rp_str(p, "policy"),
                    rp_num(p, "mean_with") - rp_num(p, "mean_without"));
        fprintf(f, "\n");
    }
}

/* Conditions that waited on the clock, with the way out. */
static void clock(FILE *f, const json_t *m)
{
    const json_t *a = json_object_get(m, "clock"), *c;
    size_t i, shown = 0;
    json_array_foreach(a, i, c) shown += rp_num(c, "per_run") >= EX_CLOCK_NOTE;
    if (!shown)
        return;
    fprintf(f, "\nConditions waiting on the clock (calls that read w.time, per run)\n");
    json_array_foreach(a, i, c) {
        if (i >= 5 || rp_num(c, "per_run") < EX_CLOCK_NOTE)
            break;
        fprintf(f, "  %8.0f  %s '%s' (%s:%d)\n", rp_num(c, "per_run"), rp_str(c, "kind"),
                rp_str(c, "id"), rp_str(c, "file"), count(c, "line"));
    }
    paragraph(f, "Each is called every `check` interval while it waits. If it waits for a fixed "
                 "time, give it `after = ...`; if the time depends on play, set a flag from "
                 "w.after and read the flag (\"Waiting for the clock\" in scenarios/README.md).",
              2);
}

/* Conditions that broke the rule of reading only `w` (verification). */
static void stale(FILE *f, const json_t *m)
{
    const json_t *a = json_object_get(m, "stale"), *c;
    size_t i;
    if (!a)
        return;
    if (!json_array_size(a)) {
        fprintf(f, "\nConditions checked: every remembered answer matched a fresh call\n");
        return;
    }
    fprintf(f, "\nConditions that depend on something other than w\n");
    json_array_foreach(a, i, c)
        fprintf(f, "  %s '%s' (%s:%d): a fresh call contradicted its remembered answer %d "
                   "time%s\n", rp_str(c, "kind"), rp_str(c, "id"), rp_str(c, "file"),
                count(c, "line"), count(c, "times"), count(c, "times") == 1 ? "" : "s");
    paragraph(f, "The engine asks a condition again only when something it read from w has "
                 "changed. These read something else too, most likely a Lua variable that an "
                 "effect changes: keep that state in a flag (\"What a condition may depend "
                 "on\" in scenarios/README.md).",
              2);
}

static void failures(FILE *f, const json_t *m)
{
    const json_t *fl = json_object_get(m, "failures");
    int failed = count(json_object_get(m, "failed"), "runs");
    if (!failed) {
        fprintf(f, "\nFailures: none\n");
        return;
    }
    fprintf(f, "\nFailures: %d of %d runs stopped on an error\n", failed, count(m, "runs"));
    const char *file = rp_str(json_object_get(m, "scenario"), "file");
    size_t i, k;
    json_t *x, *s;
    json_array_foreach(fl, i, x) {
        fprintf(f, "  %s\n    %d run%s; seed%s", rp_str(x, "error"), count(x, "runs"),
                count(x, "runs") == 1 ? "" : "s", count(x, "runs") == 1 ? "" : "s");
        json_array_foreach(json_object_get(x, "seeds"), k, s)
            fprintf(f, "%s %s", k ? "," : "", json_string_value(s));
        fprintf(f, "%s\n", count(x, "runs") > (int)json_array_size(json_object_get(x, "seeds"))
                               ? ", ..." : "");
        const char *j = rp_str(x, "journal");
        const json_t *seeds = json_object_get(x, "seeds");
        if (j[0])
            fprintf(f, "    replay: bulkhead run %s --plan %s\n", file, j);
        else
            fprintf(f, "    replay alone: bulkhead explore %s --runs 1 --seed %s --policy %s\n",
                    file, json_string_value(json_array_get(seeds, 0)), rp_str(x, "policy"));
    }
}

void ex_write_text(FILE *f, const json_t *m)
{
    head(f, m);
    endings(f, m);
    meters(f, m);
    never(f, m);
    length(f, m);
    impact(f, m);
    clock(f, m);
    stale(f, m);
    ex_write_search(f, m);
    failures(f, m);
    const json_t *t = json_object_get(m, "timing");
    if (t)
        fprintf(f, "\n%d playthroughs in %.2f s: %.1f/s (%d worker%s, %s)\n", count(m, "runs"),
                rp_num(t, "seconds"), rp_num(t, "per_second"), count(t, "workers"),
                count(t, "workers") == 1 ? "" : "s",
                !strcmp(rp_str(t, "isolation"), "fork")     ? "a forked process per session"
                : !strcmp(rp_str(t, "isolation"), "reload") ? "a fresh load per session"
                                                            : "the Lua state rewound per session");
}

/* ---- Graphviz ---- */

static void dot_str(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            fputc('\\', f);
        if (*s == '\n')
            fputs("\\n", f);
        else
            fputc(*s, f);
    }
    fputc('"', f);
}

static void dot_nodes(FILE *f, const json_t *m, int runs)
{
    size_t i;
    json_t *n;
    json_array_foreach(json_object_get(json_object_get(m, "graph"), "nodes"), i, n) {
        const char *kind = rp_str(n, "kind"), *tone = rp_str(n, "tone");
        int seen = count(n, "runs");
        char label[200];
        snprintf(label, sizeof label, "%s\n%.0f%%", rp_str(n, "id"), 100.0 * seen / runs);
        fprintf(f, "  ");
        dot_str(f, rp_str(n, "key"));
        fprintf(f, " [shape=%s, label=", kind[0] == 'i' ? "box" : kind[0] == 'd' ? "diamond"
                                                                                 : "doubleoctagon");
        dot_str(f, label);
        fprintf(f, ", tooltip=");
        dot_str(f, rp_str(n, "title"));
        if (!seen)
            fprintf(f, ", style=dashed, color=grey50, fontcolor=grey50");
        else if (kind[0] == 'e')
            fprintf(f, ", style=filled, fillcolor=%s",
                    !strcmp(tone, "good") ? "palegreen" : !strcmp(tone, "bad") ? "lightpink"
                    : !strcmp(tone, "mixed") ? "lightgoldenrod" : "white");
        fprintf(f, "];\n");
    }
}

/* Edges worth drawing: a same-instant succession in at least 1% of the
 * runs, a later one in at least 10% (later ones are mostly coincidences of
 * timing, and drawing them all makes a hairball). */
static int drawn(const json_t *e, int runs)
{
    int n = count(e, "runs"), pct = json_is_true(json_object_get(e, "same_instant")) ? 1 : 10;
    return (long long)n * 100 >= (long long)runs * pct;
}

void ex_write_dot(FILE *f, const json_t *m)
{
    int runs = count(m, "runs");
    char seeds[120];
    if (json_object_get(m, "search")) /* a search draws its seeds */
        snprintf(seeds, sizeof seeds, "a search from seed %s", rp_str(m, "seed"));
    else
        snprintf(seeds, sizeof seeds, "seeds %s to %s", rp_str(m, "seed"), rp_str(m, "last_seed"));
    fprintf(f,
            "// The story graph of `bulkhead explore %s` (%d runs, %s).\n"
            "// Nodes: injects (boxes), decisions (diamonds) and endings (double octagons,\n"
            "// green good, yellow mixed, pink bad), each with the share of runs in which it\n"
            "// fired, opened or was reached; dashed grey ones never happened.\n"
            "// Edges: A -> B when B was the very next inject, decision or ending after A in a\n"
            "// run, labelled with the share of runs in which that happened. Solid: at the\n"
            "// same simulated instant, so A (its effect's w.fire or w.open, or a change it\n"
            "// made that a condition was waiting for) most likely set B off; drawn when seen\n"
            "// in at least 1%% of the runs. Dashed: B came later; drawn when seen in at least\n"
            "// 10%% of the runs (the --json graph has every edge).\n"
            "// Render: dot -Tsvg THIS.dot -o graph.svg\n",
            rp_str(json_object_get(m, "scenario"), "file"), runs, seeds);
    fprintf(f, "digraph explore {\n  rankdir=LR;\n  node [fontname=\"DejaVu Sans\", "
               "fontsize=10];\n  edge [fontname=\"DejaVu Sans\", fontsize=8];\n");
    dot_nodes(f, m, runs);
    size_t i;
    json_t *e;
    json_array_foreach(json_object_get(json_object_get(m, "graph"), "edges"), i, e) {
        int n = count(e, "runs");
        if (!drawn(e, runs))
            continue;
        fprintf(f, "  ");
        dot_str(f, rp_str(e, "from"));
        fprintf(f, " -> ");
        dot_str(f, rp_str(e, "to"));
        fprintf(f, " [label=\"%.0f%%\", penwidth=%.1f%s];\n", 100.0 * n / runs,
                1 + 3.0 * n / runs, json_is_true(json_object_get(e, "same_instant"))
                                        ? "" : ", style=dashed");
    }
    fprintf(f, "}\n");
}
