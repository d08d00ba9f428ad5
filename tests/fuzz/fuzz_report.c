/* fuzz_report: libFuzzer harness for the report builder on a journal.
 *
 * The scenario is fixed (scenarios/tutorial.lua, loaded once into a
 * rewindable heap and put back before every input, as explore does); the
 * input is journal text. It is replayed the way `bulkhead report` does
 * (session_replay, then run on to the ending), and the report is built and
 * written as JSON, Markdown and HTML. Besides "no crash, no leak, no UB",
 * two properties are checked: every output is valid UTF-8 (a writer that
 * cuts text must not cut a character in half), and the JSON export parses
 * back as JSON. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/session.h"
#include "core/text.h"
#include "report/rp_report.h"
#include "script/lh_host.h"

static lh_host *host;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    lh_opts o;
    lh_opts_default(&o);
    o.rewindable = 1;
    lh_diags d = {0};
    if (lh_load(BH_SOURCE_DIR "/scenarios/tutorial.lua", &o, &host, &d) != BH_OK ||
        lh_save(host) != BH_OK) {
        fprintf(stderr, "fuzz_report: cannot load the tutorial\n");
        abort();
    }
    lh_diags_free(&d);
    return 0;
}

/* Write the report in one format to memory and check what came out. */
static void write_checked(const json_t *rep, rp_format fmt)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f)
        abort();
    bh_err err;
    err_clear(&err);
    bh_status st = rp_write(f, "memory", rep, fmt, &err);
    if (fclose(f) != 0)
        abort();
    size_t bad = 0;
    if (st == BH_OK && !text_valid_utf8(buf, len, &bad)) {
        fprintf(stderr, "fuzz_report: format %d: invalid UTF-8 at byte %zu\n", (int)fmt, bad);
        abort();
    }
    if (st == BH_OK && fmt == RP_JSON) {
        json_error_t je;
        json_t *back = json_loadb(buf, len, 0, &je);
        if (!back) {
            fprintf(stderr, "fuzz_report: the JSON export does not parse: %s (line %d)\n",
                    je.text, je.line);
            abort();
        }
        json_decref(back);
    }
    free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    bh_plan p;
    bh_err err;
    err_clear(&err);
    if (journal_parse("fuzz.journal", (const char *)data, size, &p, &err) != BH_OK) {
        journal_plan_free(&p);
        return 0;
    }
    lh_rewind(host);
    bh_sim *sim = NULL;
    if (sim_create(&sim, lh_defs(host), lh_hooks(host), p.has_seed ? p.seed : 1, &err) != BH_OK) {
        journal_plan_free(&p);
        return 0;
    }
    bh_replay_result res;
    /* As `bulkhead report`: a refused line ends the replay, but a script
     * error is part of the story and is reported up to where it happened. */
    if (session_replay(sim, NULL, &p, &res, &err) == BH_OK || sim_failed(sim)) {
        if (!sim_failed(sim))
            session_finish(sim, &err);
        rp_meta meta = {"scenarios/tutorial.lua", "fuzz.journal", NULL};
        json_t *rep = rp_build(sim, &meta);
        if (rep) {
            write_checked(rep, RP_JSON);
            write_checked(rep, RP_MARKDOWN);
            write_checked(rep, RP_HTML);
            json_decref(rep);
        }
    }
    sim_destroy(sim);
    journal_plan_free(&p);
    return 0;
}
