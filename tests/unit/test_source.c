/* test_source: the three source kinds, fact, analogy and fiction (issue 15).
 *
 * An analogy is an event the real victim never reported, taken from
 * another incident; it must name that incident's reference. The loader
 * reads the kind, `check` refuses an analogy without a ref or with a ref
 * to no reference (at the scenario's file:line, with "did you mean") and
 * still only warns about facts; the report shows an analogy as its own
 * kind in JSON, Markdown and HTML and in the room's hot wash; and the carrier's injects that only
 * another incident stands behind are tagged analogy. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "check_session.h"
#include "core/sim.h"
#include "report/rp_report.h"
#include "room/rv_model.h"
#include "script/lh_host.h"

static char tmpdir[256];

#define HEAD                                                                          \
    "scenario { id = 't', title = 'T', start = '2020-09-27 22:00', length = '10h' }\n" \
    "ending { id = 'timeout', title = 'Time', fallback = true }\n"                     \
    "team { id = 'it', label = 'IT', staff = 2 }\n"                                    \
    "reference { id = 'toll', title = 'Toll Group, 2020', cite = 'thedcn.com.au' }\n"

/* HEAD is four lines: the first declaration of a case is on line 5. */
static lh_host *load(const char *src, char *diag, size_t n)
{
    char *full = malloc(strlen(src) + sizeof HEAD);
    sprintf(full, "%s%s", HEAD, src);
    lh_host *h = check_load_text(tmpdir, full, diag, n);
    free(full);
    return h;
}

/* `src` loaded with no finding at all, or NULL (a failed check). */
static lh_host *load_clean(const char *src)
{
    char diag[2048];
    lh_host *h = load(src, diag, sizeof diag);
    CHECK(h != NULL);
    CHECK_STR(diag, "");
    return h;
}

static void test_analogy_with_ref_loads(void)
{
    lh_host *h = load_clean("inject { id = 'i', at = '1h', channel = 'news', title = 'x', "
                            "source = 'analogy', ref = 'toll' }\n"
                            "action { id = 'a', kind = 'restore', label = 'A', team = 'it', "
                            "takes = '1h', source = 'analogy', ref = 'toll' }\n");
    if (!h)
        return;
    const bh_defs *d = lh_defs(h);
    CHECK_INT(d->injects[0].source, SRC_ANALOGY);
    CHECK_STR(d->injects[0].ref, "toll");
    CHECK_INT(d->actions[0].source, SRC_ANALOGY);
    lh_free(h);
}

static void test_check_refuses_bad_analogies(void)
{
    static const struct {
        const char *src, *expect;
        int loads; /* a warning does not stop a load; an error does */
    } cases[] = {
        {"inject { id = 'i', channel = 'email', title = 'x', source = 'analogy' }\n",
         "5:error:inject 'i': source = \"analogy\" needs a 'ref' naming the reference { } of the "
         "incident it comes from", 0},
        {"inject { id = 'i', channel = 'email', title = 'x', source = 'analogy', ref = 'tol' }\n",
         "5:error:inject 'i': ref 'tol' names no reference { } declaration (did you mean "
         "'toll'?)", 0},
        {"action { id = 'a', kind = 'restore', label = 'A', team = 'it', takes = '1h',\n"
         "         source = 'analogy' }\n",
         "5:error:action 'a': source = \"analogy\" needs a 'ref'", 0},
        {"inject { id = 'i', channel = 'email', title = 'x', source = 'rumour' }\n",
         "5:error:inject 'i': field 'source' must be \"fact\", \"analogy\" or \"fiction\"", 0},
        /* facts are checked as they always were: warnings */
        {"inject { id = 'i', channel = 'email', title = 'x', source = 'fact', ref = 'tol' }\n",
         "5:warning:inject 'i': ref 'tol' names no reference { } declaration (did you mean "
         "'toll'?)", 1},
        {"inject { id = 'i', channel = 'email', title = 'x', source = 'fact' }\n",
         "5:warning:inject 'i': source = \"fact\" needs a 'ref'", 1},
        {"inject { id = 'i', channel = 'email', title = 'x' }\n",
         "5:warning:inject 'i': no 'source': add source = \"fact\" with a ref, source = "
         "\"analogy\" with a ref to the other incident, or source = \"fiction\"", 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char diag[2048];
        lh_host *h = load(cases[i].src, diag, sizeof diag);
        CHECK_HAS(diag, cases[i].expect);
        CHECK_INT(h != NULL, cases[i].loads);
        lh_free(h);
    }
}

/* ---- the report ---- */

static char *written(const json_t *r, rp_format fmt)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    bh_err e;
    CHECK_INT(rp_write(f, "memory", r, fmt, &e), BH_OK);
    fclose(f);
    return buf;
}

static const json_t *fact_item(const json_t *r, const char *id)
{
    size_t i;
    const json_t *x;
    json_array_foreach(json_object_get(r, "fact_check"), i, x) if (strcmp(rp_str(x, "id"), id) == 0)
        return x;
    return NULL;
}

static void test_report_shows_analogy_as_its_own_kind(void)
{
    lh_host *h = load_clean("reference { id = 'cbp', title = 'CSMS notice', cite = 'cbp.gov' }\n"
                            "inject { id = 'f', at = '1m', channel = 'news', title = 'Real', "
                            "source = 'fact', ref = 'cbp' }\n"
                            "inject { id = 'an', at = '2m', channel = 'news', title = 'Elsewhere', "
                            "source = 'analogy', ref = 'toll' }\n"
                            "inject { id = 'fi', at = '3m', channel = 'news', title = 'Made up', "
                            "source = 'fiction' }\n");
    if (!h)
        return;
    bh_sim *s = NULL;
    bh_err e;
    CHECK_INT(sim_create(&s, lh_defs(h), lh_hooks(h), 1, &e), BH_OK);
    CHECK_INT(sim_advance(s, 600, &e), BH_OK);
    rp_meta m = {.scenario_path = "t.lua"};
    json_t *r = rp_build(s, &m);
    CHECK(r != NULL);
    const json_t *an = fact_item(r, "an"), *f = fact_item(r, "f"), *fi = fact_item(r, "fi");
    CHECK(an && f && fi);
    if (an && f && fi) {
        CHECK_STR(rp_str(an, "source"), "analogy");
        CHECK_STR(rp_str(an, "ref_title"), "Toll Group, 2020");
        CHECK_STR(rp_str(f, "source"), "fact");
        CHECK_STR(rp_str(fi, "source"), "fiction");
        char line[300];
        rp_source_line(an, line, sizeof line);
        CHECK_STR(line, "Analogy, from another incident (Toll Group, 2020): thedcn.com.au");
        rp_source_line(f, line, sizeof line);
        CHECK_STR(line, "Fact, from public reporting: cbp.gov");
        rp_source_line(fi, line, sizeof line);
        CHECK_STR(line, "Fiction, written for the exercise");
    }
    char *js = written(r, RP_JSON), *md = written(r, RP_MARKDOWN), *html = written(r, RP_HTML);
    CHECK_HAS(js, "\"source\": \"analogy\"");
    CHECK_HAS(md, "| Elsewhere | analogy: from another incident (Toll Group, 2020) | "
                  "thedcn.com.au |");
    CHECK_HAS(md, "| Real | fact | cbp.gov |");
    CHECK_HAS(md, "Elsewhere (analogy)");
    CHECK_HAS(html, "<td>Elsewhere</td><td>analogy: from another incident (Toll Group, "
                    "2020)</td><td>thedcn.com.au</td>");
    CHECK_HAS(html, "Elsewhere <span class=\"analogy\"");
    /* a fact is never shown as an analogy, nor the other way round */
    CHECK(md && !strstr(md, "Real (analogy)") && !strstr(md, "Elsewhere (fact)"));
    /* the room's hot wash, fact-check tab: the same line as the debrief's */
    rv_source src = {.sim = s, .started = 1, .speed = 1, .report = r};
    rv_show show = {.hotwash = 1, .hotwash_tabs = (1u << RV_TABS) - 1,
                    .hotwash_tab = RV_TAB_FACTS};
    rv_model vm;
    memset(&vm, 0, sizeof vm);
    CHECK_INT(rv_build(&vm, &src, &show, &e), BH_OK);
    int seen = 0;
    for (size_t i = 0; i < vm.nrows; i++)
        if (strcmp(vm.rows[i].text, "Elsewhere") == 0) {
            seen = 1;
            CHECK_STR(vm.rows[i].meta,
                      "Analogy, from another incident (Toll Group, 2020): thedcn.com.au");
        }
    CHECK(seen);
    rv_free(&vm);
    free(js);
    free(md);
    free(html);
    json_decref(r);
    sim_destroy(s);
    lh_free(h);
}

/* ---- the carrier ---- */

static void test_carrier_analogies(void)
{
    /* CMA CGM never reported these; another incident stands behind each */
    static const struct {
        const char *id, *ref;
    } analogies[] = {
        {"ad_encrypting", "redmondmag"}, {"offline_dc", "redmondmag"},
        {"leak_sample", "toll"},
        {"reextortion", "loadstar2021"}, {"arrival_notices", "expeditors"},
        {"regions_push", "maersk_screens"},{"gate_queues", "landlinemag"},
        {"burnout", "safety4sea"},
    };
    lh_diags dg = {0};
    lh_host *h = NULL;
    CHECK_INT(lh_load("scenarios/carrier_ransomware.lua", NULL, &h, &dg), BH_OK);
    CHECK_INT((int)dg.errors, 0);
    lh_diags_free(&dg);
    if (!h)
        return;
    const bh_defs *d = lh_defs(h);
    for (size_t i = 0; i < sizeof analogies / sizeof analogies[0]; i++) {
        int k = defs_inject(d, analogies[i].id);
        CHECK(k >= 0);
        if (k < 0)
            continue;
        CHECK_INT(d->injects[k].source, SRC_ANALOGY);
        CHECK_STR(d->injects[k].ref ? d->injects[k].ref : "", analogies[i].ref);
        CHECK(defs_reference(d, analogies[i].ref) >= 0);
    }
    /* Toll's second attack was unrelated to its first (the fact sheet): no
     * incident stands behind a restore reinfected by the same attackers */
    int k = defs_inject(d, "reinfection");
    CHECK(k >= 0 && d->injects[k].source == SRC_FICTION && !d->injects[k].ref);
    /* only the FBI's flash alert of November 2020, after the scenario, says
     * Ragnar Locker deletes backups: the backups being hit is fiction */
    k = defs_inject(d, "backups_hit");
    CHECK(k >= 0 && d->injects[k].source == SRC_FICTION && !d->injects[k].ref);
    /* and every analogy in it names a declared reference */
    size_t n = 0;
    for (size_t i = 0; i < d->ninjects; i++)
        if (d->injects[i].source == SRC_ANALOGY) {
            n++;
            CHECK(d->injects[i].ref && defs_reference(d, d->injects[i].ref) >= 0);
        }
    CHECK_INT((int)n, (int)(sizeof analogies / sizeof analogies[0]));
    lh_free(h);
}

int main(int argc, char **argv)
{
    static const check_case cases[] = {
        {"analogy_with_ref_loads", test_analogy_with_ref_loads},
        {"check_refuses_bad_analogies", test_check_refuses_bad_analogies},
        {"report_shows_analogy_as_its_own_kind", test_report_shows_analogy_as_its_own_kind},
        {"carrier_analogies", test_carrier_analogies},
        {NULL, NULL}};
    return check_main_in_tmpdir(argc, argv, cases, tmpdir, sizeof tmpdir, "source");
}
