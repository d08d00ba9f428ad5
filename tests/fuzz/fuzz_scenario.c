/* fuzz_scenario: libFuzzer harness for loading an untrusted scenario and
 * playing a short session of it in the sandboxed host.
 *
 * The input is scenario source. If its last line starts with "--!" (a Lua
 * comment, so the source stays valid), the bytes after it drive the
 * session: each byte is one step (see step()); without one a fixed driver
 * is used. The file is written to a private folder (lh_load reads files,
 * and include() resolves siblings, so this exercises the real path) and
 * loaded with limits smaller than the game's, so one input costs
 * milliseconds rather than seconds; the limits are the same code paths.
 * The session runs for at most SESSION_HORIZON of simulated time, and a
 * report is built and written in all three formats, because the report
 * renders scenario-controlled text.
 *
 * Every stop must come from a limit: run libFuzzer with -timeout so that a
 * hang nothing stops is reported. The wall-clock watchdog stays on as in
 * the game (BH_FUZZ_WATCHDOG_MS changes it, 0 = off); inputs it had to
 * stop are counted and the count printed at exit, because issue 17 wants
 * none; with BH_FUZZ_STRICT=1 such a stop aborts, so libFuzzer keeps the
 * input. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/session.h"
#include "report/rp_report.h"
#include "script/lh_host.h"

#define SESSION_HORIZON ((bh_time)86400) /* one simulated day */
#define MAX_STEPS 32
#define MAX_STATUS_CHECKS 8 /* availability checks per step, as a UI frame makes */

static char dir[64], path[96];
static FILE *devnull;
static lh_opts opts;
static unsigned long watchdog_stops;
static int strict; /* BH_FUZZ_STRICT=1: a watchdog stop aborts, keeping the input */

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void cleanup(void)
{
    unlink(path);
    rmdir(dir);
    if (watchdog_stops)
        fprintf(stderr, "fuzz_scenario: the wall-clock watchdog stopped %lu input(s)\n",
                watchdog_stops);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    snprintf(dir, sizeof dir, "/tmp/bhfuzz-XXXXXX");
    if (!mkdtemp(dir) || !(devnull = fopen("/dev/null", "w"))) {
        perror("fuzz_scenario");
        abort();
    }
    snprintf(path, sizeof path, "%s/s.lua", dir);
    atexit(cleanup);
    lh_opts_default(&opts);
    opts.mem_limit = (size_t)16 << 20;
    opts.load_budget = 5 * 1000 * 1000;
    opts.hook_budget = 1000 * 1000;
    opts.session_budget = 5 * 1000 * 1000;
    const char *wd = getenv("BH_FUZZ_WATCHDOG_MS");
    if (wd)
        opts.watchdog_ms = atoi(wd);
    strict = getenv("BH_FUZZ_STRICT") && atoi(getenv("BH_FUZZ_STRICT")) != 0;
    return 0;
}

static int64_t mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int64_t input_began_ms;

/* The watchdog's message, and the time it needs to have passed: a script
 * can raise the same text with error(), but not in less time. */
static void note_watchdog(const char *msg)
{
    static const char wd[] = "time budget exceeded: one call ran for over";
    if (opts.watchdog_ms <= 0 || mono_ms() - input_began_ms < opts.watchdog_ms ||
        strncmp(msg, wd, sizeof wd - 1) != 0)
        return;
    watchdog_stops++;
    if (strict) {
        fprintf(stderr, "fuzz_scenario: the watchdog, not a limit, stopped this input: %s\n", msg);
        abort();
    }
}

/* One step of the session. Low two bits: what; the rest: which. */
static void step(bh_sim *sim, const bh_defs *d, uint8_t byte)
{
    int arg = byte >> 2;
    bh_input in = {.time = sim_now(sim)};
    bh_err err;
    err_clear(&err);
    switch (byte & 3) {
    case 0: /* let time pass */
        in.time += (bh_time)(arg + 1) * 300;
        if (in.time > SESSION_HORIZON)
            in.time = SESSION_HORIZON;
        if (sim_advance(sim, in.time, &err) != BH_OK)
            note_watchdog(err.msg);
        return;
    case 1:
    case 3:
        if (d->nactions == 0)
            return;
        in.kind = (byte & 3) == 1 ? IN_START : IN_CANCEL;
        in.a = arg % (int)d->nactions;
        break;
    case 2:
        if (d->ndecisions == 0 || arg >= 48) {
            in.kind = IN_NOTE;
            in.text = "a note from the fuzzer";
            break;
        }
        in.kind = IN_CHOOSE;
        in.a = arg % (int)d->ndecisions;
        if (d->decisions[in.a].noptions == 0)
            return;
        in.b = (arg / (int)d->ndecisions) % (int)d->decisions[in.a].noptions;
        break;
    }
    if (session_input(sim, NULL, &in, &err) != BH_OK)
        note_watchdog(err.msg);
    for (size_t i = 0; i < d->nactions && i < MAX_STATUS_CHECKS && !sim_failed(sim); i++) {
        bh_action_status as;
        if (sim_action_status(sim, (int)i, &as, &err) != BH_OK)
            note_watchdog(err.msg);
    }
}

static void report(const bh_sim *sim)
{
    rp_meta meta = {path, NULL, NULL};
    json_t *rep = rp_build(sim, &meta);
    if (!rep)
        return;
    bh_err err;
    err_clear(&err);
    rp_write(devnull, "/dev/null", rep, RP_JSON, &err);
    rp_write(devnull, "/dev/null", rep, RP_MARKDOWN, &err);
    rp_write(devnull, "/dev/null", rep, RP_HTML, &err);
    json_decref(rep);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const uint8_t fixed[] = {1, 5, 9, 0, 2, 13, 4, 6, 17, 8, 3, 10, 44, 21, 0xc2, 60};
    input_began_ms = mono_ms();
    const uint8_t *drive = fixed;
    size_t ndrive = sizeof fixed;
    size_t end = size > 0 && data[size - 1] == '\n' ? size - 1 : size, start = end;
    while (start > 0 && data[start - 1] != '\n')
        start--;
    if (end - start >= 3 && memcmp(data + start, "--!", 3) == 0) {
        drive = data + start + 3;
        ndrive = end - start - 3;
    }
    if (ndrive > MAX_STEPS)
        ndrive = MAX_STEPS;

    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0) {
        perror("fuzz_scenario: cannot write the scenario");
        abort();
    }
    lh_host *h = NULL;
    lh_diags diags = {0};
    lh_load(path, &opts, &h, &diags);
    for (size_t i = 0; i < diags.n; i++)
        note_watchdog(diags.v[i].msg);
    lh_diags_free(&diags);
    if (!h)
        return 0;
    bh_sim *sim = NULL;
    bh_err err;
    err_clear(&err);
    if (sim_create(&sim, lh_defs(h), lh_hooks(h), 42, &err) == BH_OK) {
        const bh_defs *d = lh_defs(h);
        for (size_t i = 0; i < ndrive && !sim_failed(sim) && !sim_ended(sim); i++)
            step(sim, d, drive[i]);
        bh_time stop = d->scenario.length < SESSION_HORIZON ? d->scenario.length
                                                            : SESSION_HORIZON;
        if (!sim_failed(sim) && !sim_ended(sim) && stop > sim_now(sim) &&
            sim_advance(sim, stop, &err) != BH_OK)
            note_watchdog(err.msg);
        report(sim);
        sim_destroy(sim);
    } else {
        note_watchdog(err.msg);
    }
    lh_free(h);
    return 0;
}
