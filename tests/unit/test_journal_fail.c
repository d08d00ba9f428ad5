/* test_journal_fail: the journal's writes and fsyncs fail, as SQLite's
 * I/O-error tests make them.
 *
 * Through journal_set_io the system calls fail on purpose: a write that
 * stops part way (a full disk), an fsync that fails, and a truncate that
 * fails too. In every case the input is refused with a message that says
 * so, the session is exactly as before (nothing unjournaled takes effect),
 * and the file holds no line that could later be read as an input that was
 * not applied. Recovery of what a kill leaves (a torn last line, an empty
 * file) is tested here at the journal's level; test_ui_play tests it
 * through Continue. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "core/session.h"
#include "core/text.h"
#include "script/lh_host.h"

#define SCENARIO "scenarios/tutorial.lua"

static char tmpdir[64];

/* ---- failing system calls ---- */

static long write_budget = -1; /* bytes let through before writes fail; -1: all */
static int fsync_fails, truncate_fails; /* how many calls fail from now */
static int calls_write, calls_fsync, calls_truncate;

static ssize_t fake_write(int fd, const void *buf, size_t n)
{
    calls_write++;
    if (write_budget < 0)
        return write(fd, buf, n);
    if (write_budget == 0) {
        errno = ENOSPC;
        return -1;
    }
    size_t k = n < (size_t)write_budget ? n : (size_t)write_budget;
    write_budget -= (long)k;
    return write(fd, buf, k); /* a short write: the rest fails next time */
}

static int fake_fsync(int fd)
{
    calls_fsync++;
    if (fsync_fails > 0) {
        fsync_fails--;
        errno = EIO;
        return -1;
    }
    return fsync(fd);
}

static int fake_ftruncate(int fd, off_t size)
{
    calls_truncate++;
    if (truncate_fails > 0) {
        truncate_fails--;
        errno = EIO;
        return -1;
    }
    return ftruncate(fd, size);
}

static const journal_io fake_io = {fake_write, fake_fsync, fake_ftruncate};

static void io_reset(void)
{
    write_budget = -1;
    fsync_fails = truncate_fails = 0;
    calls_write = calls_fsync = calls_truncate = 0;
}

/* ---- a live tutorial session ---- */

typedef struct live {
    lh_host *h;
    bh_sim *s;
    bh_journal j;
    char path[128];
} live;

static int live_open(live *l, const char *name)
{
    memset(l, 0, sizeof *l);
    l->j.fd = -1;
    lh_diags d = {0};
    bh_err e;
    lh_load(SCENARIO, NULL, &l->h, &d);
    lh_diags_free(&d);
    snprintf(l->path, sizeof l->path, "%s/%s", tmpdir, name);
    unlink(l->path);
    return l->h && sim_create(&l->s, lh_defs(l->h), lh_hooks(l->h), 1, &e) == BH_OK &&
                   journal_create(&l->j, l->path, SCENARIO, 1, &e) == BH_OK
               ? 0
               : -1;
}

static void live_close(live *l)
{
    journal_close(&l->j);
    sim_destroy(l->s);
    lh_free(l->h);
}

static bh_input start(const live *l, bh_time t, const char *action)
{
    return (bh_input){.time = t, .kind = IN_START, .a = defs_action(lh_defs(l->h), action)};
}

static void spit(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

/* One refused input: the error says what and that it was not applied; the
 * session and the file are as they were; then the same input goes through. */
static void refused_then_accepted(live *l, const char *cause)
{
    bh_err e;
    bh_input ok = start(l, 120, "isolate_switch"), in = start(l, 120, "cut_external");
    CHECK_INT(session_input(l->s, &l->j, &ok, &e), BH_OK);
    char *before = check_slurp(l->path);
    uint64_t version = sim_version(l->s);
    size_t nlog_before, nlog_after;
    sim_log(l->s, &nlog_before);

    journal_set_io(&fake_io);
    err_clear(&e);
    CHECK_INT(session_input(l->s, &l->j, &in, &e), BH_EIO);
    journal_set_io(NULL);
    CHECK_HAS(e.file, ".journal");
    CHECK_HAS(e.msg, cause);
    CHECK_HAS(e.msg, "'2m start cut_external' was not applied");
    CHECK(!sim_action_running(l->s, in.a));
    CHECK_INT(sim_version(l->s), version);
    sim_log(l->s, &nlog_after);
    CHECK_INT(nlog_after, nlog_before);
    char *after = check_slurp(l->path);
    CHECK(before && after && strcmp(before, after) == 0);
    free(after);

    /* the disk has room again: the same input goes through, once */
    io_reset();
    CHECK_INT(session_input(l->s, &l->j, &in, &e), BH_OK);
    CHECK(sim_action_running(l->s, in.a));
    after = check_slurp(l->path);
    size_t n = before ? strlen(before) : 0;
    CHECK(before && after && strncmp(before, after, n) == 0);
    CHECK_STR(after ? after + n : NULL, "2m start cut_external\n");
    free(before);
    free(after);
}

static void test_write_fails(void)
{
    live l;
    CHECK_INT(live_open(&l, "write.journal"), 0);
    io_reset();
    write_budget = 0; /* the disk is full */
    if (l.s)
        refused_then_accepted(&l, "cannot write to the journal (No space left on device)");
    live_close(&l);
}

static void test_short_write_is_cut_off(void)
{
    live l;
    CHECK_INT(live_open(&l, "short.journal"), 0);
    io_reset();
    write_budget = 9; /* "2m start " reaches the file, then the disk is full */
    if (l.s)
        refused_then_accepted(&l, "cannot write to the journal (No space left on device)");
    live_close(&l);
}

static void test_fsync_fails(void)
{
    live l;
    CHECK_INT(live_open(&l, "fsync.journal"), 0);
    io_reset();
    fsync_fails = 1; /* the line was written, but may not be on disk: take it back */
    if (l.s)
        refused_then_accepted(&l, "cannot flush the journal to disk (Input/output error)");
    live_close(&l);
}

/* The line cannot even be taken back: every later input is refused until
 * it can, and what stays in the file is never read as an input. */
static void test_cut_fails_too(void)
{
    live l;
    bh_err e;
    CHECK_INT(live_open(&l, "torn.journal"), 0);
    if (!l.s) {
        live_close(&l);
        return;
    }
    io_reset();
    journal_set_io(&fake_io);
    write_budget = 12; /* "2m start cut" */
    truncate_fails = 1;
    bh_input in = start(&l, 120, "cut_external"), next = start(&l, 120, "report_police");
    CHECK_INT(session_input(l.s, &l.j, &in, &e), BH_EIO);
    CHECK_HAS(e.msg, "the journal cannot take more inputs");
    CHECK(l.j.torn);
    write_budget = -1;
    truncate_fails = 1; /* still failing: the next input is refused as well */
    CHECK_INT(session_input(l.s, &l.j, &next, &e), BH_EIO);
    CHECK_HAS(e.msg, "cannot be removed");
    CHECK_HAS(e.msg, "'2m start report_police' was not applied");
    CHECK(!sim_action_running(l.s, in.a) && !sim_action_running(l.s, next.a));

    /* a kill now leaves the half line; reading for Continue drops it */
    bh_plan p;
    bh_jtail tail;
    CHECK_INT(journal_read_recover(l.path, &p, &tail, &e), BH_OK);
    CHECK_INT(p.n, 0);
    CHECK_INT(tail.line, 4);
    CHECK_STR(tail.text, "2m start cut");
    journal_plan_free(&p);

    /* the truncate works again: the half line goes, and inputs are taken */
    CHECK_INT(session_input(l.s, &l.j, &next, &e), BH_OK);
    CHECK(!l.j.torn);
    journal_set_io(NULL);
    CHECK_INT(journal_read(l.path, &p, &e), BH_OK);
    CHECK_INT(p.n, 1);
    if (p.n == 1)
        CHECK_STR(p.v[0].a, "report_police");
    journal_plan_free(&p);
    live_close(&l);
}

/* A note cut short is still a valid note line: only the missing newline
 * tells it was never finished, and that is enough. */
static void test_cut_note_is_not_an_input(void)
{
    live l;
    bh_err e;
    CHECK_INT(live_open(&l, "note.journal"), 0);
    if (!l.s) {
        live_close(&l);
        return;
    }
    io_reset();
    journal_set_io(&fake_io);
    write_budget = 20; /* "0s note The room wan" */
    truncate_fails = 1;
    bh_input in = {.time = 0, .kind = IN_NOTE, .text = "The room wants to call the regulator"};
    CHECK_INT(session_input(l.s, &l.j, &in, &e), BH_EIO);
    journal_set_io(NULL);
    bh_plan p;
    CHECK_INT(journal_read(l.path, &p, &e), BH_EJOURNAL); /* strict reading refuses */
    CHECK_HAS(e.msg, "incomplete");
    journal_plan_free(&p);
    bh_jtail tail;
    CHECK_INT(journal_read_recover(l.path, &p, &tail, &e), BH_OK);
    CHECK_INT(p.n, 0);
    CHECK_STR(tail.text, "0s note The room wan");
    CHECK_INT(journal_cut(l.path, &tail, &e), BH_OK);
    journal_plan_free(&p);
    char *text = check_slurp(l.path);
    CHECK(text && text[strlen(text) - 1] == '\n' && !strstr(text, "note"));
    free(text);
    live_close(&l);
}

static int count_files(void)
{
    DIR *d = opendir(tmpdir);
    int n = 0;
    for (struct dirent *de; d && (de = readdir(d));)
        n += de->d_name[0] != '.';
    if (d)
        closedir(d);
    return n;
}

/* A journal appears with its header or not at all. */
static void test_create_fails(void)
{
    char path[128];
    snprintf(path, sizeof path, "%s/new.journal", tmpdir);
    int before = count_files();
    bh_journal j;
    bh_err e;
    journal_set_io(&fake_io);
    io_reset();
    write_budget = 10;
    CHECK_INT(journal_create(&j, path, SCENARIO, 1, &e), BH_EIO);
    CHECK_HAS(e.msg, "No space left on device");
    CHECK(access(path, F_OK) != 0);
    CHECK_INT(count_files(), before); /* no temporary file left behind */
    io_reset();
    fsync_fails = 1;
    CHECK_INT(journal_create(&j, path, SCENARIO, 1, &e), BH_EIO);
    CHECK(access(path, F_OK) != 0);
    CHECK_INT(count_files(), before);
    io_reset();
    journal_set_io(NULL);
    CHECK_INT(journal_create(&j, path, SCENARIO, 7, &e), BH_OK);
    journal_close(&j);
    CHECK_INT(count_files(), before + 1);
    bh_plan p;
    CHECK_INT(journal_read(path, &p, &e), BH_OK);
    CHECK(p.has_seed && p.seed == 7 && p.scenario && p.n == 0);
    journal_plan_free(&p);
    unlink(path);
}

/* What a kill leaves at the end of a journal, and what recovery keeps. */
static void test_recover(void)
{
    char path[128];
    snprintf(path, sizeof path, "%s/rec.journal", tmpdir);
    const char *head = "# Bulkhead journal: inputs with their simulated times.\n"
                       "scenario x.lua\nseed 3\n2m start a\n";
    char text[512];
    bh_plan p;
    bh_jtail tail;
    bh_err e;

    /* an empty file is an empty session */
    spit(path, "");
    CHECK_INT(journal_read(path, &p, &e), BH_OK);
    CHECK(p.n == 0 && !p.scenario);
    journal_plan_free(&p);
    CHECK_INT(journal_read_recover(path, &p, &tail, &e), BH_OK);
    CHECK(p.n == 0 && tail.line == 0 && tail.size == 0);
    journal_plan_free(&p);

    /* a clean end: nothing to drop, nothing to cut */
    spit(path, head);
    CHECK_INT(journal_read_recover(path, &p, &tail, &e), BH_OK);
    CHECK(p.n == 1 && tail.line == 0 && tail.keep == tail.size);
    CHECK_INT(journal_cut(path, &tail, &e), BH_OK);
    journal_plan_free(&p);

    /* a complete last line that does not parse (a crash's garbage) */
    snprintf(text, sizeof text, "%s3m stort b\n", head);
    spit(path, text);
    CHECK_INT(journal_read_recover(path, &p, &tail, &e), BH_OK);
    CHECK(p.n == 1 && tail.line == 5);
    CHECK_STR(tail.text, "3m stort b");
    CHECK_INT(journal_cut(path, &tail, &e), BH_OK);
    journal_plan_free(&p);
    char *now = check_slurp(path);
    CHECK_STR(now, head);
    free(now);

    /* ... but not one before it: that is damage, not a torn write */
    snprintf(text, sizeof text, "%s3m stort b\n4m start c\n", head);
    spit(path, text);
    CHECK_INT(journal_read_recover(path, &p, &tail, &e), BH_EJOURNAL);
    CHECK_INT(e.line, 5);
    journal_plan_free(&p);

    /* a valid complete last line is never dropped, even one that names an
     * action the scenario lacks: that is for replay to report */
    snprintf(text, sizeof text, "%s3m start nosuch\n", head);
    spit(path, text);
    CHECK_INT(journal_read_recover(path, &p, &tail, &e), BH_OK);
    CHECK(p.n == 2 && tail.line == 0);
    journal_plan_free(&p);

    /* a hand-written plan is not ours to cut: its last line may lack a newline */
    spit(path, "seed 3\n2m start a");
    CHECK_INT(journal_read_recover(path, &p, &tail, &e), BH_OK);
    CHECK(p.n == 1 && tail.line == 0);
    journal_plan_free(&p);

    /* the file changed between reading and cutting: refuse */
    snprintf(text, sizeof text, "%s3m sta", head);
    spit(path, text);
    CHECK_INT(journal_read_recover(path, &p, &tail, &e), BH_OK);
    journal_plan_free(&p);
    spit(path, head);
    CHECK_INT(journal_cut(path, &tail, &e), BH_EIO);
    CHECK_HAS(e.msg, "changed");
    unlink(path);
}

/* A kill can stop a journal at any byte: whatever the cut, recovery reads
 * exactly the inputs whose lines were whole, as they were written. */
static void test_every_prefix_recovers(void)
{
    live l;
    bh_err e;
    CHECK_INT(live_open(&l, "full.journal"), 0);
    bh_plan plan;
    CHECK_INT(journal_read("tests/plans/tutorial_expert.plan", &plan, &e), BH_OK);
    for (size_t i = 0; l.s && i < plan.n; i++) {
        bh_input in;
        if (journal_resolve(&plan, &plan.v[i], lh_defs(l.h), &in, &e) != BH_OK ||
            session_input(l.s, &l.j, &in, &e) != BH_OK)
            CHECK(0);
    }
    char *text = check_slurp(l.path);
    size_t len = text ? strlen(text) : 0;
    char path[160];
    snprintf(path, sizeof path, "%s/prefix.journal", tmpdir);
    int lines_before = 0, bad = 0;
    for (size_t cut = 0; cut <= len; cut++) {
        FILE *f = fopen(path, "w");
        if (!f || fwrite(text, 1, cut, f) != cut) {
            CHECK(0);
            break;
        }
        fclose(f);
        bh_plan p;
        bh_jtail tail;
        int whole = 0; /* input lines that end before the cut */
        for (size_t k = 0; k < cut; k++)
            whole += text[k] == '\n';
        whole = whole > 3 ? whole - 3 : 0; /* the header takes three lines */
        bh_status st = journal_read_recover(path, &p, &tail, &e);
        /* a torn line is reported once the file shows it is ours; before
         * that, a piece of the header is just a comment */
        int torn = cut >= strlen(JOURNAL_HEADER) && text[cut - 1] != '\n';
        int ok = st == BH_OK && (int)p.n == whole && (tail.line > 0) == torn;
        for (size_t i = 0; ok && i < p.n && i < plan.n; i++)
            ok = p.v[i].time == plan.v[i].time && p.v[i].verb == plan.v[i].verb;
        if (!ok && bad++ < 3)
            fprintf(stderr, "cut at byte %zu: status %d, %zu inputs (want %d)\n", cut, (int)st,
                    p.n, whole);
        journal_plan_free(&p);
        lines_before = whole;
    }
    CHECK_INT(bad, 0);
    CHECK_INT(lines_before, (int)plan.n);
    journal_plan_free(&plan);
    free(text);
    live_close(&l);
}

int main(int argc, char **argv)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/bh-jfail-XXXXXX");
    if (!mkdtemp(tmpdir))
        return 1;
    static const check_case cases[] = {
        {"write_fails", test_write_fails},
        {"short_write_is_cut_off", test_short_write_is_cut_off},
        {"fsync_fails", test_fsync_fails},
        {"cut_fails_too", test_cut_fails_too},
        {"cut_note_is_not_an_input", test_cut_note_is_not_an_input},
        {"create_fails", test_create_fails},
        {"recover", test_recover},
        {"every_prefix_recovers", test_every_prefix_recovers},
        {NULL, NULL}};
    int rc = check_main(argc, argv, cases);
    journal_set_io(NULL);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    if (system(cmd) != 0)
        rc = 1;
    return rc;
}
