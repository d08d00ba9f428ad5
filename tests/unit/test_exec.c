/* test_exec: the executive part's cover, from a JSON fixture.
 *
 * The report model's "details" (the journal's `details` line: date, venue,
 * organisation, facilitator, participants by role) is built by another
 * module; the writers only read it. So this test takes a golden report
 * model, adds tests/fixtures/report/details.json as its "details", and
 * checks that Markdown and HTML show each field on the cover, escaped, in
 * the executive part (before the Overview); and that a report without
 * "details" has no cover at all. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "report/rp_report.h"

static char *render(const json_t *r, rp_format fmt)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    bh_err err;
    err_clear(&err);
    CHECK_INT(rp_write(f, "memory", r, fmt, &err), BH_OK);
    fclose(f);
    return buf;
}

static json_t *model(int with_details)
{
    json_error_t je;
    json_t *r = json_load_file("tests/reports/carrier_ransomware_expert.json", 0, &je);
    CHECK(r != NULL);
    if (r && with_details) {
        json_t *d = json_load_file("tests/fixtures/report/details.json", 0, &je);
        CHECK(d != NULL);
        json_object_set_new(r, "details", d);
    }
    return r;
}

/* `needle` occurs in `hay`, before `before`. */
static int before(const char *hay, const char *needle, const char *before_this)
{
    const char *a = strstr(hay, needle), *b = strstr(hay, before_this);
    return a && b && a < b;
}

static void test_cover_html(void)
{
    json_t *r = model(1);
    char *h = render(r, RP_HTML);
    const char *end = "<h2 class=\"after-exec\">Overview</h2>";
    CHECK(before(h, "<h2>The exercise</h2>", "<h2>Executive summary</h2>"));
    CHECK(before(h, "<tr><th>Date</th><td>Tuesday 12 January 2027</td></tr>", end));
    CHECK(before(h, "<tr><th>Venue</th><td>Board room &lt;3rd floor&gt; | east wing</td></tr>", end));
    CHECK(before(h, "<tr><th>Organisation</th><td>Alcyon Lines &amp; Partners</td></tr>", end));
    CHECK(before(h, "<tr><th>Facilitator</th><td>Dana Okafor</td></tr>", end));
    CHECK(before(h, "<tr><th>Participants: Crisis cell</th><td>M. Laurent, J. Ortiz</td></tr>", end));
    CHECK(before(h, "<tr><th>IT &amp; security</th><td>A. Chen &lt;lead&gt;, R. Haddad</td></tr>", end));
    CHECK(before(h, "<tr><th>Observer</th><td>The auditor</td></tr>", end));
    CHECK(strstr(h, "<lead>") == NULL);
    /* for people to look at (and the README's screenshot) */
    const char *keep = getenv("BH_EXEC_HTML");
    FILE *k = keep ? fopen(keep, "w") : NULL;
    if (k) {
        fputs(h, k);
        fclose(k);
    }
    free(h);
    json_decref(r);
}

static void test_cover_md(void)
{
    json_t *r = model(1);
    char *m = render(r, RP_MARKDOWN);
    CHECK(before(m, "## The exercise\n", "## Executive summary\n"));
    CHECK(before(m, "| Venue | Board room \\<3rd floor\\> \\| east wing |\n", "## Overview"));
    CHECK(before(m, "| Participants: Crisis cell | M. Laurent, J. Ortiz |\n", "## Overview"));
    CHECK(before(m, "| IT & security | A. Chen \\<lead\\>, R. Haddad |\n", "## Overview"));
    CHECK(before(m, "| Observer | The auditor |\n", "## Overview"));
    free(m);
    json_decref(r);
}

static void test_no_details_no_cover(void)
{
    json_t *r = model(0);
    char *h = render(r, RP_HTML), *m = render(r, RP_MARKDOWN);
    CHECK(strstr(h, "The exercise</h2>") == NULL);
    CHECK(strstr(m, "## The exercise") == NULL);
    CHECK(strncmp(m, "# After-action report: Dead in the Water\n\n## Executive summary\n", 62) == 0);
    free(h);
    free(m);
    json_decref(r);
}

/* Some fields only: the others leave no empty rows. */
static void test_partial(void)
{
    json_t *r = model(0);
    json_object_set_new(r, "details", json_pack("{s:s}", "facilitator", "Sam"));
    char *m = render(r, RP_MARKDOWN);
    CHECK(before(m, "| Facilitator | Sam |\n", "## Executive summary"));
    CHECK(strstr(m, "| Date |") == NULL && strstr(m, "| Venue |") == NULL);
    free(m);
    json_decref(r);
}

int main(int argc, char **argv)
{
    static const check_case cases[] = {{"cover_html", test_cover_html},
                                       {"cover_md", test_cover_md},
                                       {"no_details_no_cover", test_no_details_no_cover},
                                       {"partial", test_partial},
                                       {NULL, NULL}};
    return check_main(argc, argv, cases);
}
