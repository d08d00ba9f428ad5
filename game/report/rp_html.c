/* rp_html: the report as one self-contained HTML file.
 *
 * Inline CSS, charts as inline SVG written here, no scripts and no network
 * requests, so it can be mailed, archived and opened offline. Print rules
 * keep charts and tables whole on A4. Same sections as the Markdown. */
#include <string.h>

#include "report/rp_report.h"

static void esc(FILE *f, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        case '\'': fputs("&#39;", f); break;
        default: fputc(*s, f);
        }
    }
}

/* Paragraphs split at blank lines. */
static void paras(FILE *f, const char *s)
{
    if (!s[0])
        return;
    fputs("<p>", f);
    for (; *s; s++) {
        if (s[0] == '\n' && s[1] == '\n') {
            fputs("</p>\n<p>", f);
            while (s[1] == '\n')
                s++;
        } else {
            char c[2] = {*s, 0};
            esc(f, c);
        }
    }
    fputs("</p>\n", f);
}

static const char *css =
    "body{font-family:'DejaVu Sans',Arial,sans-serif;color:#17202a;max-width:60em;margin:2em auto;"
    "padding:0 1em;line-height:1.45;overflow-wrap:anywhere}\n"
    "h1{font-size:1.8em;border-bottom:3px solid #1f6fb2;padding-bottom:.2em}\n"
    "h2{font-size:1.3em;color:#1f6fb2;margin-top:1.6em;border-bottom:1px solid #c5ced8}\n"
    "h3{font-size:1.05em;margin-bottom:.3em}\n"
    "table{border-collapse:collapse;width:100%;margin:.5em 0 1em;font-size:.92em}\n"
    "th,td{border:1px solid #c5ced8;padding:.3em .5em;text-align:left;vertical-align:top}\n"
    "th{background:#eef2f6}\n"
    "td.t{white-space:nowrap;font-variant-numeric:tabular-nums}\n"
    "tr.bg td{background:#f6f8fa;color:#33414f}table.tl td.t{width:1%}table.tl td:nth-child(4){width:30%}\n"
    ".exec h3{margin:.6em 0 .2em}.exec ul{margin:.2em 0 .6em}.exec th:has(+td){width:30%}\n"
    ".tone{font-weight:bold}.good{color:#1d7a46}.bad{color:#b3261e}.mixed{color:#8a5a00}\n"
    ".fact{font-size:.8em;border:1px solid #1d7a46;color:#1d7a46;padding:0 .3em;border-radius:3px}\n"
    ".analogy{font-size:.8em;border:1px dashed #8a5a00;color:#8a5a00;padding:0 .3em;"
    "border-radius:3px}\n"
    ".blank{height:2.2em}\n"
    "figure{margin:1em 0}figcaption{font-size:.85em;color:#4a5866}\n"
    "svg text{font-family:'DejaVu Sans',Arial,sans-serif}\n"
    "@media print{body{margin:0;max-width:none;font-size:10pt}.after-exec{break-before:page}"
    "h2{break-after:avoid}table.small,figure,.decision{break-inside:avoid}"
    "thead{display:table-header-group}"
    "tr{break-inside:avoid}a{color:inherit;text-decoration:none}}\n"
    "@page{size:A4;margin:16mm}\n";

static const rp_markup markup; /* below, with the writers it needs */

static void overview(FILE *f, const json_t *r)
{
    const json_t *sc = json_object_get(r, "scenario"), *se = json_object_get(r, "session"),
                 *en = json_object_get(r, "ending");
    fputs("<h1>After-action report: ", f);
    esc(f, rp_str(sc, "title"));
    fputs("</h1>\n<section class=\"exec\">\n", f);
    rp_exec_part(f, r, &markup);
    /* the executive part ends here: the rest starts on a new page */
    fputs("</section>\n<h2 class=\"after-exec\">Overview</h2>\n<table class=\"small\">\n", f);
    char cut[300] = "";
    const json_t *c = json_object_get(sc, "cut");
    if (json_is_object(c))
        snprintf(cut, sizeof cut, "%s (%s, %s)", rp_str(c, "label"), rp_str(c, "id"),
                 rp_str(c, "length"));
    struct { const char *k, *v; } rows[] = {
        {"Scenario", rp_str(sc, "title")},
        {"File", rp_base_name(rp_str(sc, "file"))},
        {"Based on", rp_str(sc, "based_on")[0] ? rp_str(sc, "based_on") : "fiction"},
        {"Organisation", rp_str(sc, "organisation")},
        {"Exercise start", rp_str(sc, "start")},
        {"Scenario length", rp_str(sc, "length")},
        {"Session cut", cut},
        {"Played", rp_str(se, "elapsed")},
        {"Status", rp_str(se, "status")},
        {"Outcome", json_is_object(en) ? rp_str(en, "title") : "not reached yet"},
        {"Seed", rp_str(se, "seed")},
        {"Journal", rp_base_name(rp_str(se, "journal"))}};
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        if (!rows[i].v[0])
            continue;
        fprintf(f, "<tr><th>%s</th><td>", rows[i].k);
        esc(f, rows[i].v);
        fputs("</td></tr>\n", f);
    }
    fputs("</table>\n", f);
    const char *stakes = rp_stakes_heading(json_is_array(json_object_get(r, "objectives")), r);
    if (stakes)
        fprintf(f, "<h2>%s</h2>\n", stakes), paras(f, rp_str(sc, "stakes"));
    if (rp_str(se, "error")[0]) {
        fputs("<p><strong>The scenario stopped with an error:</strong> ", f);
        esc(f, rp_str(se, "error"));
        fputs("</p>\n", f);
    }
}

/* Every meter on one time axis, scaled to its own range, with the moments
 * decisions were taken. Lines differ by dash pattern as well as colour. */
static void chart(FILE *f, const json_t *r)
{
    static const char *colors[] = {"#1f6fb2", "#b3261e", "#1d7a46", "#8a5a00", "#6a3d9a", "#17202a",
                                   "#c2185b", "#00838f"};
    static const char *dashes[] = {"", "8 4", "2 3", "10 3 2 3", "4 4", "1 2", "12 6", "6 2 2 2"};
    const int W = 900, H = 340, L = 50, R = 20, T = 40, B = 40;
    double end = rp_num(json_object_get(r, "session"), "elapsed_s");
    if (end <= 0)
        end = 1;
    fprintf(f, "<figure><svg viewBox=\"0 0 %d %d\" "
               "width=\"100%%\" role=\"img\" aria-label=\"Meters over the session\">\n", W, H);
    fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#fff\" stroke=\"#c5ced8\"/>\n",
            L, T, W - L - R, H - T - B);
    for (int k = 0; k <= 4; k++) {
        int y = T + (H - T - B) * k / 4;
        fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#eef2f6\"/>"
                   "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">%d%%</text>\n",
                L, y, W - R, y, L - 6, y + 4, 100 - 25 * k);
    }
    for (int k = 0; k <= 4; k++) {
        double t = end * k / 4;
        char st[32];
        dur_stamp((bh_time)t, st, sizeof st);
        fprintf(f, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"%s\">%s</text>\n",
                L + (W - L - R) * t / end, H - B + 16,
                k == 0 ? "start" : k == 4 ? "end" : "middle", st + 2);
    }
    size_t i;
    double last_x = -100;
    int row = 0;
    const json_t *d;
    json_array_foreach(json_object_get(r, "decisions"), i, d)
    {
        if (!rp_str(d, "chosen")[0])
            continue;
        const json_t *ev;
        size_t k;
        double at = -1;
        json_array_foreach(json_object_get(r, "timeline"), k, ev) if (
            (strcmp(rp_str(ev, "kind"), "decision_chosen") == 0 ||
             strcmp(rp_str(ev, "kind"), "decision_defaulted") == 0) &&
            strcmp(rp_str(ev, "id"), rp_str(d, "id")) == 0) at = rp_num(ev, "t");
        if (at < 0)
            continue;
        double x = L + (W - L - R) * at / end;
        /* labels of decisions close together go on alternate rows */
        row = x - last_x < 28 ? !row : 0;
        last_x = x;
        fprintf(f, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#4a5866\" "
                   "stroke-dasharray=\"3 3\"/><text x=\"%.1f\" y=\"%d\" font-size=\"11\" "
                   "text-anchor=\"middle\">D%zu</text>\n",
                x, T - (row ? 16 : 0), x, H - B, x, T - 4 - (row ? 16 : 0), i + 1);
    }
    const json_t *m;
    json_array_foreach(json_object_get(r, "meters"), i, m)
    {
        double lo = rp_num(m, "min"), hi = rp_num(m, "max");
        if (hi <= lo)
            hi = lo + 1;
        fprintf(f, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" stroke-dasharray=\"%s\" points=\"",
                colors[i % 8], dashes[i % 8]);
        size_t k;
        const json_t *p;
        double py = -1;
        json_array_foreach(json_object_get(m, "points"), k, p)
        {
            double t = json_number_value(json_array_get(p, 0)), v = json_number_value(json_array_get(p, 1));
            double x = L + (W - L - R) * (t < end ? t : end) / end;
            double y = T + (H - T - B) * (1 - (v - lo) / (hi - lo));
            if (py >= 0)
                fprintf(f, "%.1f,%.1f ", x, py); /* steps: a value holds until it changes */
            fprintf(f, "%.1f,%.1f ", x, y);
            py = y;
        }
        fprintf(f, "%d,%.1f\"/>\n", W - R, py);
    }
    fputs("</svg>\n<figcaption>", f);
    json_array_foreach(json_object_get(r, "meters"), i, m)
    {
        fprintf(f, "%s<svg width=\"28\" height=\"10\"><line x1=\"0\" y1=\"5\" x2=\"28\" y2=\"5\" "
                   "stroke=\"%s\" stroke-width=\"2\" stroke-dasharray=\"%s\"/></svg> ",
                i ? " &nbsp; " : "", colors[i % 8], dashes[i % 8]);
        esc(f, rp_str(m, "label"));
        fprintf(f, " (%s is better)", rp_str(m, "better"));
    }
    fputs(". Each meter is drawn on its own range, 0% to 100%. D1, D2, ...: decisions, in "
          "the order of the decisions review.</figcaption></figure>\n", f);
}

/* The days' background consequences that follow timeline item `after`
 * ("timeline_story"), folded: each meter's net change. */
static void background(FILE *f, const json_t *r, const json_t *ev)
{
    size_t k;
    const json_t *c;
    char when[32], buf[400];
    if (rp_num(ev, "bucket_s") >= 86400)
        snprintf(when, sizeof when, "Day %d", (int)rp_num(ev, "day"));
    else
        snprintf(when, sizeof when, "%s", rp_str(ev, "stamp"));
    fprintf(f, "<tr class=\"bg\"><td class=\"t\">%s</td><td>%s&ndash; %s</td>"
               "<td><strong>Background</strong>: ", when, rp_str(ev, "clock"),
            rp_str(ev, "until_clock"));
    esc(f, rp_str(ev, "title"));
    fputs("</td><td>", f);
    json_array_foreach(json_object_get(ev, "changes"), k, c)
    {
        rp_net_text(r, c, buf, sizeof buf);
        fputs(k ? "<br>" : "", f);
        esc(f, buf);
    }
    fputs("</td></tr>\n", f);
}

static void event_row(FILE *f, const json_t *r, const json_t *ev)
{
    char a[64], b[64];
    fprintf(f, "<tr><td class=\"t\">%s</td><td class=\"t\">%s</td><td><strong>",
            rp_str(ev, "stamp"), rp_str(ev, "clock"));
    esc(f, rp_event_word(rp_str(ev, "kind")));
    fputs("</strong>: ", f);
    esc(f, rp_str(ev, "title")[0] ? rp_str(ev, "title") : rp_str(ev, "text"));
    if (rp_str(ev, "option")[0]) {
        fputs(" &rarr; ", f);
        esc(f, rp_str(ev, "text"));
    }
    if (strcmp(rp_str(ev, "source"), "fact") == 0)
        fputs(" <span class=\"fact\">fact</span>", f);
    else if (strcmp(rp_str(ev, "source"), "analogy") == 0)
        fputs(" <span class=\"analogy\" title=\"from another incident\">analogy</span>", f);
    fputs("</td><td>", f);
    size_t k;
    const json_t *c;
    json_array_foreach(json_object_get(ev, "changes"), k, c)
    {
        fputs(k ? "<br>" : "", f);
        esc(f, rp_str(c, "label"));
        rp_change_ends(r, c, a, b, sizeof a);
        fprintf(f, " %s &rarr; %s", a, b);
    }
    fputs("</td></tr>\n", f);
}

static void timeline(FILE *f, const json_t *r)
{
    fputs("<h2>Timeline</h2>\n<p>Background consequences of earlier choices are folded into "
          "one row a day (an hour or a few in a short session); the appendix lists each one.</p>"
          "\n<table class=\"tl\">\n<thead><tr><th>Time</th><th>Clock</th><th>Event</th>"
          "<th>What it changed</th></tr></thead>\n", f);
    rp_story_rows(f, r, event_row, background);
    fputs("</table>\n<h2>Meters</h2>\n", f);
    chart(f, r);
}

static void no_rule(FILE *f, int n)
{
    (void)f;
    (void)n;
}

static const rp_markup markup = {
    .text = esc, .h2 = "<h2>", .h2_end = "</h2>\n", .h3 = "<h3>", .h3_end = "</h3>\n",
    .p = "<p>", .p_end = "</p>\n", .strong = "<strong>", .strong_end = "</strong>",
    .table = "<table class=\"small\">\n", .table_end = "</table>\n", .tr = "<tr>",
    .tr_end = "</tr>\n", .hd = "<th>", .hd_end = "</th>", .td = "<td>", .td_end = "</td>",
    .em = "<th>", .em_end = "</th>", .tm = "<td class=\"t\">", .tm_end = "</td>",
    .ul = "<ul>\n", .ul_end = "</ul>\n", .li = "<li>", .li_end = "</li>\n",
    .long_table = "<table>\n", .head_end = no_rule,
};

static void decisions(FILE *f, const json_t *r)
{
    fputs("<h2>Decisions review</h2>\n", f);
    size_t i;
    const json_t *d;
    json_array_foreach(json_object_get(r, "decisions"), i, d)
    {
        char opened[32], deadline[32];
        dur_stamp((bh_time)rp_num(d, "opened_s"), opened, sizeof opened);
        dur_stamp((bh_time)rp_num(d, "deadline_s"), deadline, sizeof deadline);
        fprintf(f, "<div class=\"decision\"><h3>D%zu. ", i + 1);
        esc(f, rp_str(d, "prompt"));
        fprintf(f, "</h3>\n<ul><li>Opened %s, deadline %s.</li>\n", opened, deadline);
        if (strcmp(rp_str(d, "state"), "decided") == 0) {
            fprintf(f, "<li>%s: <strong>", json_is_true(json_object_get(d, "by_default"))
                                               ? "The clock chose (nobody decided)"
                                               : "The room chose");
            esc(f, rp_str(d, "chosen_label"));
            fputs("</strong></li>\n", f);
        } else {
            fputs("<li>Still open when the report was made.</li>\n", f);
        }
        fputs("<li>The default, if time ran out: ", f);
        esc(f, rp_str(d, "default_label"));
        fputs("</li>\n", f);
        const json_t *fa = json_object_get(d, "followed_advice");
        if (json_is_boolean(fa))
            fprintf(f, "<li>Responders' advice %s.</li>\n", json_is_true(fa) ? "followed" : "not followed");
        fputs("</ul>\n", f);
        rp_room_votes(f, json_object_get(d, "room"), &markup);
        fputs("</div>\n", f);
    }
    rp_room_section(f, r, &markup);
}

static void list(FILE *f, const char *title, const json_t *a)
{
    fprintf(f, "<h2>%s</h2>\n<ul>\n", title);
    size_t i;
    const json_t *x;
    json_array_foreach(a, i, x)
    {
        fputs("<li>", f);
        esc(f, json_string_value(x));
        fputs("</li>\n", f);
    }
    if (!json_array_size(a))
        fputs("<li>None recorded.</li>\n", f);
    fputs("</ul>\n", f);
}

static void analysis(FILE *f, const json_t *r)
{
    fputs("<h2>Analysis by function</h2>\n<table>\n<tr><th>Function</th><th>Actions started</th>"
          "<th>First</th><th>Gap</th></tr>\n", f);
    size_t i;
    const json_t *fn;
    json_array_foreach(json_object_get(r, "functions"), i, fn)
    {
        const json_t *acts = json_object_get(fn, "actions");
        fprintf(f, "<tr><td>%s</td><td>", rp_str(fn, "function"));
        size_t k;
        const json_t *x;
        json_array_foreach(acts, k, x)
        {
            fputs(k ? "<br>" : "", f);
            esc(f, rp_str(x, "label"));
        }
        fprintf(f, "</td><td class=\"t\">%s</td><td>",
                json_array_size(acts) ? rp_str(json_array_get(acts, 0), "stamp") : "none");
        esc(f, rp_str(fn, "gap"));
        fputs("</td></tr>\n", f);
    }
    fputs("</table>\n", f);
    list(f, "Strengths", json_object_get(r, "strengths"));
    list(f, "Areas for improvement", json_object_get(r, "improvements"));
    fputs("<h2>Improvement plan</h2>\n<p>For the room to complete.</p>\n<table>\n<tr><th>#</th>"
          "<th>Area for improvement</th><th>Corrective action</th><th>Owner</th>"
          "<th>Due date</th></tr>\n", f);
    const json_t *x;
    json_array_foreach(json_object_get(r, "improvements"), i, x)
    {
        fprintf(f, "<tr class=\"blank\"><td>%zu</td><td>", i + 1);
        esc(f, json_string_value(x));
        fputs("</td><td></td><td></td><td></td></tr>\n", f);
    }
    fputs("</table>\n", f);
}

static void extras(FILE *f, const json_t *r)
{
    size_t i;
    const json_t *x;
    fputs("<h2>Questions for the hot wash</h2>\n<ul>\n", f);
    json_array_foreach(json_object_get(r, "questions"), i, x)
    {
        fputs("<li>", f);
        esc(f, rp_str(x, "question"));
        fputs(" <em>(after: ", f);
        esc(f, rp_str(x, "after"));
        fputs(")</em></li>\n", f);
    }
    fputs("</ul>\n<h2>Fact check</h2>\n<table>\n<tr><th>Message</th><th>Source</th>"
          "<th>Reference</th></tr>\n", f);
    json_array_foreach(json_object_get(r, "fact_check"), i, x)
    {
        fputs("<tr><td>", f);
        esc(f, rp_str(x, "title"));
        fputs("</td><td>", f);
        rp_source_cell(f, x, esc);
        fputs("</td><td>", f);
        esc(f, rp_str(x, "cite"));
        fputs("</td></tr>\n", f);
    }
    fputs("</table>\n<h2>Facilitator notes</h2>\n<ul>\n", f);
    json_array_foreach(json_object_get(r, "notes"), i, x)
    {
        fprintf(f, "<li>%s: ", rp_str(x, "stamp"));
        esc(f, rp_str(x, "text"));
        fputs("</li>\n", f);
    }
    if (!json_array_size(json_object_get(r, "notes")))
        fputs("<li>None.</li>\n", f);
    fputs("</ul>\n", f);
}

void rp_write_html(FILE *f, const json_t *r)
{
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>", f);
    fputs("After-action report: ", f);
    esc(f, rp_str(json_object_get(r, "scenario"), "title"));
    fprintf(f, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", css);
    overview(f, r);
    timeline(f, r);
    decisions(f, r);
    analysis(f, r);
    extras(f, r);
    rp_appendix(f, r, &markup);
    fputs("<footer><p><small>Made by Bulkhead from the session's journal.</small></p></footer>\n"
          "</body>\n</html>\n", f);
}
