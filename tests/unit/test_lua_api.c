/* test_lua_api: the scenario API as authors use it, through real Lua.
 *
 * Each test writes a small scenario into a temporary folder, loads it with
 * the real host (sandbox and all), drives a session, and checks the core's
 * state or the diagnostics an author would see. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "check_session.h"
#include "core/session.h"
#include "script/lh_host.h"

static char tmpdir[256];

static const char *write_file(const char *name, const char *text)
{
    static char path[512];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    FILE *f = fopen(path, "wb");
    fputs(text, f);
    fclose(f);
    return path;
}

#define HEAD                                                                              \
    "scenario { id = 't', title = 'T', start = '2020-09-27 22:00', length = '10h' }\n"     \
    "ending { id = 'timeout', title = 'Time', fallback = true }\n"

/* Load `src` (prefixed with a valid scenario header) and return the host, or
 * NULL with the diagnostics joined into `diag`. */
static lh_host *load(const char *src, char *diag, size_t n)
{
    char *full = malloc(strlen(src) + 512);
    sprintf(full, "%s%s", HEAD, src);
    lh_host *h = check_load_text(tmpdir, full, diag, n);
    free(full);
    return h;
}

typedef struct run {
    lh_host *h;
    bh_sim *s;
    bh_err err;
} run;

static int start(run *r, const char *src)
{
    char diag[4096];
    memset(r, 0, sizeof *r);
    r->h = load(src, diag, sizeof diag);
    if (!r->h) {
        fprintf(stderr, "load failed:\n%s", diag);
        return -1;
    }
    return sim_create(&r->s, lh_defs(r->h), lh_hooks(r->h), 7, &r->err) == BH_OK ? 0 : -1;
}

static void stop(run *r)
{
    sim_destroy(r->s);
    lh_free(r->h);
}

static bh_status input(run *r, bh_time t, bh_input_kind k, const char *a, const char *b)
{
    const bh_defs *d = lh_defs(r->h);
    bh_input in = {.time = t, .kind = k, .a = -1, .b = -1};
    if (k == IN_START || k == IN_CANCEL)
        in.a = defs_action(d, a);
    else if (k == IN_CHOOSE) {
        in.a = defs_decision(d, a);
        in.b = defs_option(&d->decisions[in.a], b);
    }
    return session_input(r->s, NULL, &in, &r->err);
}

static double meter(run *r, const char *id)
{
    return sim_meter(r->s, defs_meter(lh_defs(r->h), id));
}

/* ---- declarations and their validation ---- */

static void test_declarations_load(void)
{
    char diag[4096];
    lh_host *h = load("meter { id = 'trust', label = 'Trust', start = 80, min = 0, max = 100 }\n"
                      "system { id = 'mail', label = 'Mail', status = 'degraded' }\n"
                      "team { id = 'it', label = 'IT', staff = 3 }\n"
                      "reference { id = 'r1', title = 'R', cite = 'somewhere' }\n"
                      "inject { id = 'i', at = '1h30m', channel = 'news', title = 'x', "
                      "source = 'fact', ref = 'r1', discuss = { 'q1', 'q2' } }\n"
                      "action { id = 'a', kind = 'restore', label = 'A', team = 'it', staff = 2, "
                      "takes = 5400, source = 'fiction', func = 'recover', recommended = true }\n"
                      "decision { id = 'd', prompt = 'p', deadline = '2h', default = 'n', at = '1h', "
                      "options = { { id = 'y', label = 'Y', recommended = true }, { id = 'n', label = 'N' } } }\n",
                      diag, sizeof diag);
    CHECK(h != NULL);
    CHECK_STR(diag, "");
    if (!h)
        return;
    const bh_defs *d = lh_defs(h);
    CHECK_INT(d->nmeters, 1);
    CHECK_INT(d->systems[0].status, ST_DEGRADED);
    CHECK_INT(d->teams[0].staff, 3);
    CHECK_INT(d->injects[0].at, 5400);
    CHECK_INT(d->injects[0].channel, CH_NEWS);
    CHECK_INT(d->injects[0].discuss.n, 2);
    CHECK_INT(d->actions[0].takes, 5400);
    CHECK_INT(d->actions[0].team, 0);
    CHECK_INT(d->actions[0].func, FUNC_RECOVER);
    CHECK_INT(d->decisions[0].default_opt, 1);
    CHECK_INT(d->decisions[0].options[0].recommended, 1);
    CHECK_INT(d->scenario.length, 36000);
    CHECK_INT(d->scenario.rate, 60);
    lh_free(h);
}

static void test_declaration_errors(void)
{
    static const struct {
        const char *src, *expect;
    } cases[] = {
        {"meter { id = 'm', label = 'M', start = 5 }\nmeter { id = 'm', label = 'M2', start = 5 }\n",
         "4:error:meter 'm': duplicate meter id (first declared at"},
        {"meter { id = 'm', lable = 'M', start = 5 }\n", "3:error:meter 'm': unknown meter field 'lable' (did you mean 'label'?)"},
        {"meter { id = 'm', label = 7, start = 5 }\n", "field 'label' must be a string, not a number"},
        {"meter { id = 'm', label = 'M', start = 500 }\n", "start 500 is outside min..max"},
        {"team { id = 'it', label = 'IT', staff = 1.5 }\n", "field 'staff' must be a whole number"},
        {"team { id = 'it', label = 'IT', staff = 1 }\naction { id = 'a', kind = 'contain', label = 'A', team = 'ti', takes = '1h' }\n",
         "4:error:action 'a': team 'ti' is not declared (did you mean 'it'?)"},
        {"team { id = 'it', label = 'IT', staff = 1 }\naction { id = 'a', kind = 'contain', label = 'A', team = 'it', takes = '1 hour' }\n",
         "field 'takes': \"1 hour\" is not a duration"},
        {"team { id = 'it', label = 'IT', staff = 1 }\naction { id = 'a', kind = 'fix', label = 'A', team = 'it', takes = '1h' }\n",
         "field 'kind' must be one of: contain, communicate, restore, investigate"},
        {"decision { id = 'd', prompt = 'p', deadline = '1h', default = 'maybe', options = { {id='yes', label='Y'}, {id='no', label='N'} } }\n",
         "3:error:decision 'd': default 'maybe' is not one of its options"},
        {"decision { id = 'd', prompt = 'p', deadline = '1h', default = 'yes', options = { {id='yes', label='Y'} } }\n",
         "needs 2 to 12 options"},
        {"inject { id = 'i', channel = 'pigeon', title = 'x', source = 'fiction' }\n", "field 'channel' must be one of"},
        {"inject { id = 'bad id', channel = 'email', title = 'x', source = 'fiction' }\n", "id 'bad id' must be"},
        {"inject { id = 'i', at = '1h', when = function() return true end, channel = 'email', title = 'x', source = 'fiction' }\n",
         "has both 'at' and 'when'"},
        {"inject { id = 'i', channel = 'email', title = 'x', effect = 5, source = 'fiction' }\n", "field 'effect' must be a function, not a number"},
        {"inject { id = 'i', channel = 'email', title = 'x' }\n", "3:warning:inject 'i': no 'source'"},
        {"inject { id = 'i', channel = 'email', title = 'x', source = 'fact', ref = 'nowhere' }\n", "ref 'nowhere' names no reference"},
        {"inject { id = 'i', channel = 'email', title = '\\xff\\xfe', source = 'fiction' }\n", "field 'title' is not valid UTF-8"},
        {"inject 'oops'\n", "3:error:inject: expects a table"},
        {"ending { id = 'e2', title = 'E', fallback = true }\n", "only one ending may be the fallback"},
        {"every('soon', function() end)\n", "every: expects a duration"},
        {"scenario { id = 'again', title = 'x', start = '2020-01-01 00:00', length = '1h' }\n", "declared twice"},
        {"inject { id = 'i', at = '20h', channel = 'email', title = 'x', source = 'fiction' }\n", "but the scenario ends at 10h"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char diag[4096];
        lh_host *h = load(cases[i].src, diag, sizeof diag);
        CHECK_HAS(diag, cases[i].expect);
        if (strstr(cases[i].expect, ":warning:") || strstr(cases[i].expect, "names no reference") ||
            strstr(cases[i].expect, "scenario ends"))
            CHECK(h != NULL); /* warnings do not stop a load */
        else
            CHECK(h == NULL);
        lh_free(h);
    }
}

static void test_missing_scenario_and_syntax(void)
{
    const char *path = write_file("bare.lua", "meter { id = 'm', label = 'M', start = 1 }\n");
    lh_diags d = {0};
    lh_host *h = NULL;
    CHECK(lh_load(path, NULL, &h, &d) != BH_OK);
    CHECK(d.n >= 1 && strstr(d.v[0].msg, "no scenario"));
    lh_diags_free(&d);
    path = write_file("syntax.lua", HEAD "meter { id = 'm' label = 'M' }\n");
    CHECK(lh_load(path, NULL, &h, &d) != BH_OK);
    CHECK(d.n == 1 && d.v[0].line == 3 && strstr(d.v[0].msg, "'}' expected"));
    lh_diags_free(&d);
    CHECK(lh_load("/nonexistent/dir/x.lua", NULL, &h, &d) != BH_OK);
    CHECK(d.n == 1);
    lh_diags_free(&d);
}

/* ---- the world handle ---- */

static void test_world_meter_system_team_flag(void)
{
    run r;
    if (start(&r, "meter { id = 'trust', label = 'T', start = 50 }\n"
                  "system { id = 'mail', label = 'Mail' }\n"
                  "team { id = 'it', label = 'IT', staff = 3 }\n"
                  "inject { id = 'i', at = '1h', channel = 'email', title = 'x', source = 'fiction',\n"
                  "  effect = function(w)\n"
                  "    w.meter.trust = w.meter.trust + 70   -- clamps at 100\n"
                  "    w.system.mail.status = 'encrypted'\n"
                  "    w.team.it.staff = w.team.it.staff + 2\n"
                  "    w.flag.seen = true; w.flag.count = 3; w.flag.name = 'ragnar'\n"
                  "    w.flag.t = w.time\n"
                  "    assert(w.system.mail.label == 'Mail' and w.team.it.free == 5)\n"
                  "  end }\n") != 0) {
        CHECK(0);
        return;
    }
    CHECK_INT(sim_advance(r.s, 7200, &r.err), BH_OK);
    CHECK(meter(&r, "trust") == 100);
    CHECK_INT(sim_system(r.s, 0), ST_ENCRYPTED);
    CHECK_INT(sim_team_staff(r.s, 0), 5);
    CHECK_INT(sim_flag(r.s, "seen").type, VAL_BOOL);
    CHECK(sim_flag(r.s, "count").n == 3);
    CHECK_STR(sim_flag(r.s, "name").s, "ragnar");
    CHECK(sim_flag(r.s, "t").n == 3600);
    stop(&r);
}

/* Effects read a mirror of the world. It must hold what the core holds
 * after writes through either handle (a `w` kept from a condition can write
 * outside conditions), clamped as the core clamps, and start over with each
 * session on the same host. Any mismatch fails an assert in the hook. */
static void test_effect_mirror_is_exact(void)
{
    run r;
    if (start(&r, "meter { id = 'trust', label = 'T', start = 50 }\n"
                  "system { id = 'mail', label = 'Mail' }\n"
                  "team { id = 'it', label = 'IT', staff = 3 }\n"
                  "local kept\n"
                  "inject { id = 'peek', channel = 'email', title = 'x', source = 'fiction',\n"
                  "  when = function(w) kept = kept or w; return false end }\n"
                  "inject { id = 'i', at = '1h', channel = 'email', title = 'x', source = 'fiction',\n"
                  "  effect = function(w)\n"
                  "    assert(w.meter.trust == 50 and w.flag.n == nil and w.team.it.staff == 3)\n"
                  "    w.meter.trust = 250\n"
                  "    assert(w.meter.trust == 100, 'clamped in the mirror too')\n"
                  "    kept.meter.trust = 7; kept.system.mail.status = 'degraded'\n"
                  "    kept.team.it.staff = 9; kept.flag.n = 2.0\n"
                  "    assert(w.meter.trust == 7, 'a write through the other handle')\n"
                  "    assert(w.system.mail.status == 'degraded' and w.team.it.staff == 9)\n"
                  "    assert(w.flag.n == 2 and math.type(w.flag.n) == 'integer')\n"
                  "    w.flag.n = nil\n"
                  "    assert(w.flag.n == nil and w.time == 3600)\n"
                  "    local ok, err = pcall(function() return w.meter['tr' .. 'st'] end)\n"
                  "    assert(not ok and err:find(\"no meter 'trst'\"), err)\n"
                  "  end }\n") != 0) {
        CHECK(0);
        return;
    }
    for (int session = 0; session < 2; session++) {
        if (session) { /* the same host, a new session: nothing carries over */
            sim_destroy(r.s);
            CHECK_INT(sim_create(&r.s, lh_defs(r.h), lh_hooks(r.h), 7, &r.err), BH_OK);
        }
        CHECK_INT(sim_advance(r.s, 7200, &r.err), BH_OK);
        if (sim_failed(r.s))
            fprintf(stderr, "  %s\n", sim_error(r.s)->msg);
        CHECK_INT(sim_failed(r.s), 0);
        CHECK(meter(&r, "trust") == 7);
        CHECK_INT(sim_system(r.s, 0), ST_DEGRADED);
    }
    stop(&r);
}

static void test_world_fire_open_after_note_finish(void)
{
    run r;
    if (start(&r, "meter { id = 'm', label = 'M', start = 0 }\n"
                  "inject { id = 'first', at = '10m', channel = 'phone', title = 'a', source = 'fiction',\n"
                  "  effect = function(w) w.fire('second'); w.open('d'); w.note('noted')\n"
                  "    w.after('30m', function(w) w.meter.m = w.meter.m + 1 end) end }\n"
                  "inject { id = 'second', channel = 'email', title = 'b', source = 'fiction' }\n"
                  "decision { id = 'd', prompt = 'p', deadline = '1h', default = 'no',\n"
                  "  options = { { id = 'yes', label = 'Y', effect = function(w) w.finish('win') end },\n"
                  "              { id = 'no', label = 'N' } } }\n"
                  "ending { id = 'win', title = 'Won' }\n") != 0) {
        CHECK(0);
        return;
    }
    CHECK_INT(sim_advance(r.s, 600, &r.err), BH_OK);
    size_t n;
    const bh_inbox_item *in = sim_inbox(r.s, &n);
    CHECK_INT(n, 2);
    CHECK_INT(in[1].inject, defs_inject(lh_defs(r.h), "second"));
    bh_decision_status ds;
    sim_decision_status(r.s, 0, &ds);
    CHECK_INT(ds.state, DEC_OPEN);
    CHECK_INT(ds.left, 3600);
    CHECK(meter(&r, "m") == 0);
    CHECK_INT(sim_advance(r.s, 600 + 1800, &r.err), BH_OK);
    CHECK(meter(&r, "m") == 1);
    CHECK_INT(input(&r, 3000, IN_CHOOSE, "d", "yes"), BH_OK);
    CHECK(sim_ended(r.s));
    CHECK_INT(sim_ending(r.s), defs_ending(lh_defs(r.h), "win"));
    const bh_log_entry *log = sim_log(r.s, &n);
    int notes = 0;
    for (size_t i = 0; i < n; i++)
        notes += log[i].kind == LOG_NOTE && strcmp(log[i].text, "noted") == 0;
    CHECK_INT(notes, 1);
    stop(&r);
}

static void test_world_queries_and_available(void)
{
    run r;
    if (start(&r, "team { id = 'it', label = 'IT', staff = 2 }\n"
                  "action { id = 'scan', kind = 'investigate', label = 'Scan', team = 'it', takes = '30m', source = 'fiction' }\n"
                  "action { id = 'fix', kind = 'restore', label = 'Fix', team = 'it', staff = 2, takes = '1h', source = 'fiction',\n"
                  "  available = function(w) if w.done('scan') == 0 then return false, 'Scan first' end return true end }\n"
                  "decision { id = 'd', prompt = 'p', deadline = '1h', default = 'b', at = '0m',\n"
                  "  options = { { id = 'a', label = 'A' }, { id = 'b', label = 'B' } } }\n"
                  "inject { id = 'late', channel = 'email', title = 'x', source = 'fiction',\n"
                  "  when = function(w) return w.running('scan') and w.chosen('d') == 'b' end,\n"
                  "  effect = function(w) w.flag.f = w.fired('late') end }\n") != 0) {
        CHECK(0);
        return;
    }
    bh_action_status st;
    CHECK_INT(sim_advance(r.s, 0, &r.err), BH_OK);
    CHECK_INT(sim_action_status(r.s, 1, &st, &r.err), BH_OK);
    CHECK_INT(st.state, ACT_BLOCKED);
    CHECK_STR(st.reason, "Scan first");
    CHECK_INT(input(&r, 0, IN_START, "scan", NULL), BH_OK);
    CHECK_INT(input(&r, 60, IN_START, "fix", NULL), BH_EINPUT);
    CHECK_HAS(r.err.msg, "Scan first");
    CHECK_INT(sim_advance(r.s, 900, &r.err), BH_OK);
    CHECK_INT(sim_action_status(r.s, 0, &st, &r.err), BH_OK);
    CHECK_INT(st.state, ACT_RUNNING);
    CHECK(st.progress > 0.49 && st.progress < 0.51);
    CHECK_INT(input(&r, 1000, IN_CHOOSE, "d", "b"), BH_OK); /* the when-inject fires now */
    CHECK_INT(sim_inject_fired(r.s, 0), 1);
    CHECK(sim_flag(r.s, "f").n == 1);
    CHECK_INT(sim_advance(r.s, 1800, &r.err), BH_OK);
    CHECK_INT(sim_action_status(r.s, 1, &st, &r.err), BH_OK);
    CHECK_INT(st.state, ACT_AVAILABLE);
    stop(&r);
}

static void test_conditions_are_read_only(void)
{
    static const char *const bodies[] = {
        "w.meter.m = 5", "w.flag.x = true", "w.fire('i')", "w.random()", "math.random(3)",
        "w.note('x')", "w.after(1, function() end)"};
    for (size_t i = 0; i < sizeof bodies / sizeof bodies[0]; i++) {
        char src[1024];
        snprintf(src, sizeof src,
                 "meter { id = 'm', label = 'M', start = 0 }\n"
                 "inject { id = 'i', channel = 'email', title = 'x', source = 'fiction',\n"
                 "  when = function(w) %s; return false end }\n",
                 bodies[i]);
        run r;
        if (start(&r, src) != 0) {
            CHECK(0);
            continue;
        }
        CHECK_INT(sim_advance(r.s, 60, &r.err), BH_ESCRIPT);
        CHECK_INT(r.err.line, 5);
        CHECK(strstr(r.err.msg, "condition") != NULL);
        CHECK_HAS(r.err.trace, "condition of inject 'i'");
        CHECK(sim_failed(r.s));
        stop(&r);
    }
}

static void test_runtime_errors_name_file_line(void)
{
    static const struct {
        const char *body, *expect;
    } cases[] = {
        /* ids built at run time: literal ones are caught by check (tests/lint) */
        {"w.meter['no' .. 'pe'] = 1", "no meter 'nope'"},
        {"w.meter.trust = 'high'", "must be set to a number"},
        {"w.system.mail.status = 'on ' .. 'fire'", "status must be one of"},
        {"w.system['mi' .. 'al'].status = 'offline'", "no system 'mial' (did you mean 'mail'?)"},
        {"w.fire('gh' .. 'ost')", "no inject 'ghost'"},
        {"w.finish('now' .. 'here')", "no ending 'nowhere'"},
        {"w.flag.x = {}", "can hold a boolean, number, string or nil"},
        {"w.time = 5", "w's fields are read-only"},
        {"w.fire = print", "cannot set w.fire"},
        {"local x = w.bogus", "w has no field 'bogus'"},
        {"error('custom failure')", "custom failure"},
        {"error({code = 1})", "error object is a table value"},
        {"error()", "error object is a nil value"},
        {"meter { id = 'late', label = 'L', start = 1 }", "only allowed while the scenario loads"},
        {"math.randomseed(4)", "math.randomseed is not available"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char src[1024];
        snprintf(src, sizeof src,
                 "meter { id = 'trust', label = 'M', start = 0 }\n"
                 "system { id = 'mail', label = 'Mail' }\n"
                 "inject { id = 'i', at = '5m', channel = 'email', title = 'x', source = 'fiction',\n"
                 "  effect = function(w)\n"
                 "    %s\n"
                 "  end }\n",
                 cases[i].body);
        run r;
        if (start(&r, src) != 0) {
            CHECK(0);
            continue;
        }
        CHECK_INT(sim_advance(r.s, 600, &r.err), BH_ESCRIPT);
        CHECK_HAS(r.err.file, "s.lua");
        CHECK_INT(r.err.line, 7);
        CHECK_HAS(r.err.msg, cases[i].expect);
        CHECK_HAS(r.err.trace, "effect of inject 'i'");
        stop(&r);
    }
}

static void test_random_is_seeded(void)
{
    const char *src = "meter { id = 'm', label = 'M', start = 0, max = 1000000 }\n"
                      "every('1h', function(w) w.meter.m = w.meter.m * 7 + math.random(1, 100) + w.random(5) end)\n";
    double v[3];
    for (int k = 0; k < 3; k++) {
        run r;
        if (start(&r, src) != 0) {
            CHECK(0);
            return;
        }
        if (k == 2) { /* another seed */
            sim_destroy(r.s);
            sim_create(&r.s, lh_defs(r.h), lh_hooks(r.h), 8, &r.err);
        }
        CHECK_INT(sim_advance(r.s, 5 * 3600, &r.err), BH_OK);
        v[k] = meter(&r, "m");
        stop(&r);
    }
    CHECK(v[0] == v[1]);
    CHECK(v[0] != v[2]);
}

static void test_pairs_order_is_fixed(void)
{
    run r;
    if (start(&r, "local t = { zeta = 1, alpha = 2, [3] = 'c', [1] = 'a', mid = 3, [true] = 0 }\n"
                  "inject { id = 'i', at = '0m', channel = 'email', title = 'x', source = 'fiction',\n"
                  "  effect = function(w)\n"
                  "    local keys = {}\n"
                  "    for k in pairs(t) do keys[#keys + 1] = tostring(k) end\n"
                  "    w.flag.order = table.concat(keys, ',')\n"
                  "    local ms = {}\n"
                  "    for id, v in pairs(w.meter) do ms[#ms + 1] = id .. '=' .. v end\n"
                  "    w.flag.meters = table.concat(ms, ',')\n"
                  "    w.flag.tbl = tostring({})\n"
                  "    w.flag.fmt = string.format('%5s|%d|%-3s|%%', {}, 4, 'x')\n"
                  "    w.flag.p = pcall(string.format, '%p', {})\n"
                  "  end }\n"
                  "meter { id = 'b', label = 'B', start = 2 }\n"
                  "meter { id = 'a', label = 'A', start = 1 }\n") != 0) {
        CHECK(0);
        return;
    }
    CHECK_INT(sim_advance(r.s, 0, &r.err), BH_OK);
    CHECK_STR(sim_flag(r.s, "order").s, "true,1,3,alpha,mid,zeta");
    CHECK_STR(sim_flag(r.s, "meters").s, "b=2.0,a=1.0");
    CHECK_STR(sim_flag(r.s, "tbl").s, "table");
    CHECK_STR(sim_flag(r.s, "fmt").s, "table|4|x  |%");
    CHECK_INT(sim_flag(r.s, "p").b, 0);
    stop(&r);
}

static void test_sandbox_globals(void)
{
    run r;
    if (start(&r, "inject { id = 'i', at = '0m', channel = 'email', title = 'x', source = 'fiction',\n"
                  "  effect = function(w)\n"
                  "    local absent = {}\n"
                  "    for _, name in ipairs({ 'io', 'os', 'debug', 'require', 'load', 'loadfile',\n"
                  "        'dofile', 'collectgarbage', 'package', 'loadstring', 'warn' }) do\n"
                  "      if _G[name] == nil then absent[#absent + 1] = name end\n"
                  "    end\n"
                  "    w.flag.absent = #absent\n"
                  "    w.flag.dump = string.dump == nil\n"
                  "    w.flag.strmeta = getmetatable('') == false\n"
                  "    w.flag.rep = ('ab'):rep(3, '-')\n"
                  "    w.flag.gsub = (('hello world'):gsub('o', '0'))\n"
                  "    w.flag.co = coroutine.wrap(function() coroutine.yield(42) end)()\n"
                  "  end }\n") != 0) {
        CHECK(0);
        return;
    }
    CHECK_INT(sim_advance(r.s, 0, &r.err), BH_OK);
    CHECK(sim_flag(r.s, "absent").n == 11);
    CHECK(sim_flag(r.s, "dump").b == 1);
    CHECK(sim_flag(r.s, "strmeta").b == 1);
    CHECK_STR(sim_flag(r.s, "rep").s, "ab-ab-ab");
    CHECK_STR(sim_flag(r.s, "gsub").s, "hell0 w0rld");
    CHECK(sim_flag(r.s, "co").n == 42);
    stop(&r);
}

static void test_next_order_and_object_keys(void)
{
    run r;
    if (start(&r, "inject { id = 'i', at = '0m', channel = 'email', title = 'x', source = 'fiction',\n"
                  "  effect = function(w)\n"
                  "    local t = { c = 1, a = 2, b = 3 }\n"
                  "    local k1 = next(t); local k2 = next(t, k1); local k3 = next(t, k2)\n"
                  "    w.flag.next = k1 .. k2 .. k3 .. tostring(next(t, k3))\n"
                  "    w.flag.empty = next({}) == nil\n"
                  "    local ok, msg = pcall(pairs({ [{}] = 1 }), {})\n"
                  "    for _ in pairs({ [{}] = 1 }) do end\n"
                  "  end }\n") != 0) {
        CHECK(0);
        return;
    }
    CHECK_INT(sim_advance(r.s, 0, &r.err), BH_ESCRIPT);
    CHECK_STR(sim_flag(r.s, "next").s, "abcnil");
    CHECK(sim_flag(r.s, "empty").b == 1);
    CHECK_HAS(r.err.msg, "cannot iterate a table with table keys in a repeatable order");
    CHECK_INT(r.err.line, 10);
    stop(&r);
}

static void test_session_budget(void)
{
    /* Each call stays under its own budget; together they pass the session's. */
    const char *path = write_file("sess.lua", HEAD
        "every('1m', function(w) local n = 0 for i = 1, 200000 do n = n + i end end)\n");
    lh_opts o;
    lh_opts_default(&o);
    o.session_budget = 5 * 1000 * 1000;
    lh_diags d = {0};
    lh_host *h = NULL;
    bh_sim *s = NULL;
    bh_err e;
    CHECK_INT(lh_load(path, &o, &h, &d), BH_OK);
    lh_diags_free(&d);
    if (!h)
        return;
    CHECK_INT(sim_create(&s, lh_defs(h), lh_hooks(h), 1, &e), BH_OK);
    CHECK_INT(session_finish(s, &e), BH_ESCRIPT);
    CHECK_HAS(e.msg, "session instruction limit reached");
    CHECK_INT(e.line, 3);
    CHECK(sim_now(s) > 60 && sim_now(s) < 3600); /* several calls ran first */
    sim_destroy(s);
    lh_free(h);
}

static void test_budget_is_sticky(void)
{
    /* pcall catches the first budget error, but the loop must still die. */
    run r;
    if (start(&r, "inject { id = 'i', at = '0m', channel = 'email', title = 'x', source = 'fiction',\n"
                  "  effect = function(w)\n"
                  "    while true do pcall(function() while true do end end) end\n"
                  "  end }\n") != 0) {
        CHECK(0);
        return;
    }
    CHECK_INT(sim_advance(r.s, 0, &r.err), BH_ESCRIPT);
    CHECK_HAS(r.err.msg, "instruction budget exceeded");
    CHECK_INT(r.err.line, 5);
    stop(&r);
}

static void test_include(void)
{
    char sub[300];
    snprintf(sub, sizeof sub, "%s/parts", tmpdir);
    mkdir(sub, 0755);
    write_file("parts/texts.lua", "return { hello = 'Hello from an include' }\n");
    write_file("broken.lua", "local x = = 1\n");
    char diag[4096];
    lh_host *h = load("local T = include('parts/texts.lua')\n"
                      "inject { id = 'i', channel = 'email', title = T.hello, source = 'fiction' }\n",
                      diag, sizeof diag);
    CHECK(h != NULL);
    if (h)
        CHECK_STR(lh_defs(h)->injects[0].title, "Hello from an include");
    lh_free(h);
    h = load("include('../escape.lua')\n", diag, sizeof diag);
    CHECK(h == NULL);
    CHECK_HAS(diag, "3:error:");
    CHECK_HAS(diag, "without '..'");
    h = load("include('/etc/passwd.lua')\n", diag, sizeof diag);
    CHECK(h == NULL);
    CHECK_HAS(diag, "without '..' or a leading '/'");
    h = load("include('broken.lua')\n", diag, sizeof diag);
    CHECK(h == NULL);
    CHECK_HAS(diag, "1:error:unexpected symbol near '=' (included from here)");
    h = load("include('s.lua')\n", diag, sizeof diag); /* includes itself */
    CHECK(h == NULL);
    CHECK_HAS(diag, "a cycle");
}

static void test_memory_cap_is_configurable(void)
{
    const char *path = write_file("mem.lua", HEAD "local t = {}\nfor i = 1, 1e7 do t[i] = {} end\n");
    lh_opts o;
    lh_opts_default(&o);
    o.mem_limit = (size_t)4 << 20;
    lh_diags d = {0};
    lh_host *h = NULL;
    CHECK(lh_load(path, &o, &h, &d) != BH_OK);
    CHECK(d.n == 1 && strstr(d.v[0].msg, "memory limit exceeded") && strstr(d.v[0].msg, "4 MiB"));
    CHECK(d.n == 1 && d.v[0].line == 4);
    lh_diags_free(&d);
}

int main(int argc, char **argv)
{
    static const check_case cases[] = {
        {"declarations_load", test_declarations_load},
        {"declaration_errors", test_declaration_errors},
        {"missing_scenario_and_syntax", test_missing_scenario_and_syntax},
        {"world_meter_system_team_flag", test_world_meter_system_team_flag},
        {"effect_mirror_is_exact", test_effect_mirror_is_exact},
        {"world_fire_open_after_note_finish", test_world_fire_open_after_note_finish},
        {"world_queries_and_available", test_world_queries_and_available},
        {"conditions_are_read_only", test_conditions_are_read_only},
        {"runtime_errors_name_file_line", test_runtime_errors_name_file_line},
        {"random_is_seeded", test_random_is_seeded},
        {"pairs_order_is_fixed", test_pairs_order_is_fixed},
        {"sandbox_globals", test_sandbox_globals},
        {"budget_is_sticky", test_budget_is_sticky},
        {"next_order_and_object_keys", test_next_order_and_object_keys},
        {"session_budget", test_session_budget},
        {"include", test_include},
        {"memory_cap_is_configurable", test_memory_cap_is_configurable},
        {NULL, NULL}};
    return check_main_in_tmpdir(argc, argv, cases, tmpdir, sizeof tmpdir, "lua-api");
}
