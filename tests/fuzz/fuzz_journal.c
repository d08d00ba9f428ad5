/* fuzz_journal: libFuzzer harness for the journal and plan parser.
 *
 * The input is the text of a journal or plan. It is parsed with
 * journal_parse, every parsed line is resolved against the tutorial's
 * definitions (loaded once, so resolving is cheap), and every line that
 * resolves is written back with journal_format and read again: the engine
 * relies on a journal it wrote reading back as the same inputs, so a
 * difference is a bug and aborts like a crash. Parse errors are the
 * expected outcome for most inputs; they must carry file:line. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/journal.h"
#include "script/lh_host.h"

static lh_host *host;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    lh_opts o;
    lh_opts_default(&o);
    lh_diags d = {0};
    if (lh_load(BH_SOURCE_DIR "/scenarios/tutorial.lua", &o, &host, &d) != BH_OK) {
        fprintf(stderr, "fuzz_journal: cannot load the tutorial\n");
        abort();
    }
    lh_diags_free(&d);
    return 0;
}

static void fail(const char *what, const bh_jline *l, const char *text)
{
    fprintf(stderr, "fuzz_journal: line %d: %s: %s\n", l->line, what, text);
    abort();
}

/* Format the input, read it back, resolve it again: it must be the same. */
static void round_trip(const bh_defs *d, const bh_input *in, const bh_jline *l)
{
    char buf[4096];
    int n = journal_format(d, in, buf, sizeof buf);
    if (n < 0 || (size_t)n >= sizeof buf)
        return; /* refused: too long, or a control character */
    bh_plan again;
    bh_err err;
    err_clear(&err);
    if (journal_parse("again", buf, (size_t)n, &again, &err) != BH_OK)
        fail("a formatted line does not parse", l, err.msg);
    if (again.n != 1)
        fail("a formatted line does not read back as one input", l, buf);
    bh_input back;
    if (journal_resolve(&again, &again.v[0], d, &back, &err) != BH_OK)
        fail("a formatted line does not resolve", l, err.msg);
    if (back.time != in->time || back.kind != in->kind ||
        (in->kind != IN_NOTE && (back.a != in->a || back.b != in->b)) ||
        strcmp(back.text ? back.text : "", in->text ? in->text : "") != 0 ||
        strcmp(back.body ? back.body : "", in->body ? in->body : "") != 0 ||
        back.dur != in->dur || back.amount != in->amount || back.joined != in->joined ||
        back.count != in->count || memcmp(back.votes, in->votes, sizeof in->votes) != 0)
        fail("a formatted line reads back as another input", l, buf);
    journal_plan_free(&again);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const bh_defs *d = lh_defs(host);
    bh_plan p;
    bh_err err;
    err_clear(&err);
    if (journal_parse("fuzz.plan", (const char *)data, size, &p, &err) != BH_OK) {
        if (err.status == BH_EJOURNAL && (!err.file[0] || err.line <= 0))
            fail("a parse error without file:line", &(bh_jline){.line = err.line}, err.msg);
        journal_plan_free(&p);
        return 0;
    }
    for (size_t i = 0; i < p.n; i++) {
        bh_input in;
        if (journal_resolve(&p, &p.v[i], d, &in, &err) != BH_OK) {
            if (err.line != p.v[i].line)
                fail("a resolve error names another line", &p.v[i], err.msg);
            continue;
        }
        round_trip(d, &in, &p.v[i]);
    }
    journal_plan_free(&p);
    return 0;
}
