/* test_fnotes: the flagships' facilitator notes, as loaded (issue 15).
 *
 * In each flagship, every decision and every inject whose source is fact
 * or analogy carries a facilitator note with all three parts (good,
 * expected, hint) non-empty; a failure names every declaration that lacks
 * one, so a declaration added without notes fails here. The notes live in
 * scenarios/NAME_notes.lua, keyed by declaration id, and each declaration
 * says `facilitator = N.<id>`: a key misspelt on either side reads as nil
 * in Lua, which is no note and no error, so the keys and the references
 * are matched against the loaded declarations too. The checker is shown
 * to fail on a scenario written to lack notes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "check_session.h"
#include "script/lh_host.h"

static char tmpdir[256];

static const char *const flagships[] = {"carrier_ransomware", "regulator_attack"};
#define NFLAGSHIPS (sizeof flagships / sizeof flagships[0])

static int filled(const char *s)
{
    if (!s)
        return 0;
    for (; *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n')
            return 1;
    return 0;
}

static int complete(const bh_fnote *f)
{
    return filled(f->good) && filled(f->expected) && filled(f->hint);
}

static void add(char *out, size_t n, const char *kind, const char *id)
{
    size_t used = strlen(out);
    if (used < n)
        snprintf(out + used, n - used, " %s %s,", kind, id);
}

/* The declarations that need a complete note and lack one, named into out
 * (" decision ransom, inject leak_sample,"); returns how many. */
static int lacking(const bh_defs *d, char *out, size_t n)
{
    int k = 0;
    out[0] = '\0';
    for (size_t i = 0; i < d->ndecisions; i++)
        if (!complete(&d->decisions[i].facilitator)) {
            add(out, n, "decision", d->decisions[i].id);
            k++;
        }
    for (size_t i = 0; i < d->ninjects; i++) {
        const bh_inject_def *x = &d->injects[i];
        if ((x->source == SRC_FACT || x->source == SRC_ANALOGY) && !complete(&x->facilitator)) {
            add(out, n, "inject", x->id);
            k++;
        }
    }
    return k;
}

/* The note of the inject, action or decision called id, or NULL. */
static const bh_fnote *note_of(const bh_defs *d, const char *id)
{
    int i = defs_inject(d, id);
    if (i >= 0)
        return &d->injects[i].facilitator;
    if ((i = defs_action(d, id)) >= 0)
        return &d->actions[i].facilitator;
    if ((i = defs_decision(d, id)) >= 0)
        return &d->decisions[i].facilitator;
    return NULL;
}

/* The id that starts at p (letters, digits, '_') into buf. */
static const char *id_at(const char *p, char *buf, size_t n)
{
    size_t k = 0;
    while (k + 1 < n && (p[k] == '_' || (p[k] >= 'a' && p[k] <= 'z') ||
                         (p[k] >= 'A' && p[k] <= 'Z') || (p[k] >= '0' && p[k] <= '9'))) {
        buf[k] = p[k];
        k++;
    }
    buf[k] = '\0';
    return buf;
}

static lh_host *load_flagship(const char *name)
{
    char path[256];
    snprintf(path, sizeof path, "scenarios/%s.lua", name);
    lh_diags dg = {0};
    lh_host *h = NULL;
    CHECK_INT(lh_load(path, NULL, &h, &dg), BH_OK);
    CHECK_INT(dg.errors, 0);
    lh_diags_free(&dg);
    CHECK(h != NULL);
    return h;
}

static void test_flagships_have_notes(void)
{
    for (size_t f = 0; f < NFLAGSHIPS; f++) {
        lh_host *h = load_flagship(flagships[f]);
        if (!h)
            continue;
        const bh_defs *d = lh_defs(h);
        char out[4096];
        int k = lacking(d, out, sizeof out);
        if (k)
            fprintf(stderr, "scenarios/%s.lua: %d declaration(s) lack a complete facilitator "
                            "note (good, expected, hint):%s\n", flagships[f], k, out);
        CHECK_INT(k, 0);
        /* there is something to check: decisions and fact injects exist */
        CHECK(d->ndecisions >= 5);
        int facts = 0;
        for (size_t i = 0; i < d->ninjects; i++)
            facts += d->injects[i].source == SRC_FACT;
        CHECK(facts >= 10);
        lh_free(h);
    }
}

/* Every key of NAME_notes.lua names a declaration whose note is complete
 * (so the key reached the declaration it is named for), and every
 * `facilitator = N.<id>` in NAME.lua names a key of the notes file, once. */
static void test_notes_keys_match(void)
{
    for (size_t f = 0; f < NFLAGSHIPS; f++) {
        char path[256], id[128], key[160];
        snprintf(path, sizeof path, "scenarios/%s_notes.lua", flagships[f]);
        char *notes = check_slurp(path);
        snprintf(path, sizeof path, "scenarios/%s.lua", flagships[f]);
        char *scn = check_slurp(path);
        lh_host *h = load_flagship(flagships[f]);
        CHECK(notes && scn);
        if (!notes || !scn || !h)
            goto next;
        const bh_defs *d = lh_defs(h);
        int keys = 0;
        for (const char *p = notes; (p = strstr(p, "\nN.")); p++) {
            id_at(p + 3, id, sizeof id);
            if (strncmp(p + 3 + strlen(id), " = {", 4) != 0)
                continue;
            keys++;
            const bh_fnote *note = note_of(d, id);
            if (!note)
                fprintf(stderr, "%s_notes.lua: N.%s names no inject, action or decision\n",
                        flagships[f], id);
            else if (!complete(note))
                fprintf(stderr, "%s_notes.lua: N.%s did not reach '%s' (is `facilitator = N.%s,` "
                                "on it?)\n", flagships[f], id, id, id);
            CHECK(note && complete(note));
        }
        CHECK(keys >= 20);
        int refs = 0;
        for (const char *p = scn; (p = strstr(p, "facilitator = N.")); p++) {
            id_at(p + 16, id, sizeof id);
            refs++;
            snprintf(key, sizeof key, "\nN.%s = {", id);
            if (!strstr(notes, key))
                fprintf(stderr, "%s.lua: facilitator = N.%s has no such note\n", flagships[f], id);
            CHECK(strstr(notes, key) != NULL);
        }
        CHECK_INT(refs, keys);
    next:
        free(notes);
        free(scn);
        lh_free(h);
    }
}

/* The checker fails, and names what lacks a note: a fact inject without
 * one, an analogy inject with only two parts, a decision without one and
 * a note whose `good` is blank. A fiction inject and an action need none. */
static void test_checker_names_what_lacks(void)
{
    char diag[4096];
    lh_host *h = check_load_text(
        tmpdir,
        "scenario { id = 't', title = 'T', start = '2020-09-27 22:00', length = '10h' }\n"
        "ending { id = 'end', title = 'End', fallback = true }\n"
        "team { id = 'it', label = 'IT', staff = 1 }\n"
        "reference { id = 'r', title = 'R', cite = 'C' }\n"
        "local full = { good = 'G', expected = 'E', hint = 'H' }\n"
        "inject { id = 'bare_fact', at = '1h', channel = 'email', title = 'A', source = 'fact',\n"
        "         ref = 'r' }\n"
        "inject { id = 'half_analogy', at = '1h', channel = 'email', title = 'B',\n"
        "         source = 'analogy', ref = 'r', facilitator = { good = 'G', hint = 'H' } }\n"
        "inject { id = 'blank_good', at = '1h', channel = 'email', title = 'C', source = 'fact',\n"
        "         ref = 'r', facilitator = { good = '  ', expected = 'E', hint = 'H' } }\n"
        "inject { id = 'noted_fact', at = '1h', channel = 'email', title = 'D', source = 'fact',\n"
        "         ref = 'r', facilitator = full }\n"
        "inject { id = 'fiction', at = '1h', channel = 'email', title = 'E', source = 'fiction' }\n"
        "action { id = 'act', kind = 'contain', label = 'A', team = 'it', takes = '1h',\n"
        "         source = 'fact', ref = 'r' }\n"
        "decision { id = 'bare_choice', at = '1h', prompt = 'P', deadline = '1h', default = 'x',\n"
        "           options = { { id = 'x', label = 'X' }, { id = 'y', label = 'Y' } } }\n"
        "decision { id = 'noted_choice', at = '1h', prompt = 'P', deadline = '1h', default = 'x',\n"
        "           facilitator = full,\n"
        "           options = { { id = 'x', label = 'X' }, { id = 'y', label = 'Y' } } }\n",
        diag, sizeof diag);
    CHECK(h != NULL);
    if (!h) {
        fprintf(stderr, "%s", diag);
        return;
    }
    char out[1024];
    CHECK_INT(lacking(lh_defs(h), out, sizeof out), 4);
    CHECK_STR(out, " decision bare_choice, inject bare_fact, inject half_analogy, inject blank_good,");
    lh_free(h);
}

int main(int argc, char **argv)
{
    static const check_case cases[] = {
        {"flagships_have_notes", test_flagships_have_notes},
        {"notes_keys_match", test_notes_keys_match},
        {"checker_names_what_lacks", test_checker_names_what_lacks},
        {NULL, NULL},
    };
    return check_main_in_tmpdir(argc, argv, cases, tmpdir, sizeof tmpdir, "fnotes");
}
