/* test_ui_recover: what Continue repairs, and what it keeps.
 *
 * A kill can leave the journal's last line half written: Continue drops
 * it, tells the player, and cuts it off the file before appending, while a
 * journal that fails to replay for any other reason is left untouched. An
 * empty journal is a session that never started, not a broken one. The
 * messages the player had read are still read after Continue, from
 * JOURNAL.read, and a damaged JOURNAL.read means none were. A journal that
 * cannot be written refuses the input and pauses the game. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "core/mem.h"
#include "core/text.h"
#include "ui/play.h"

#define SCENARIO "scenarios/tutorial.lua"

static char tmpdir[256];

static void write_file(const char *path, const char *text, const char *mode)
{
    FILE *f = fopen(path, mode);
    if (!f)
        return;
    fputs(text, f);
    fclose(f);
}

static void fresh_dir(char *out, size_t n, const char *name)
{
    snprintf(out, n, "%s/%s", tmpdir, name);
    mkdir(out, 0755);
}

static bh_status resume(play *p, const char *journal, const char *data, bh_err *e)
{
    lh_diags d = {0};
    err_clear(e);
    bh_status st = play_resume(p, journal, data, &d, e);
    lh_diags_free(&d);
    return st;
}

static bh_status act(play *p, const char *action, bh_err *e)
{
    bh_input in = {.kind = IN_START, .a = defs_action(sim_defs(p->sim), action)};
    return play_input(p, &in, e);
}

/* A session with two inputs, closed as a kill would leave it. */
static int recorded(const char *data, char *journal, size_t n)
{
    play p;
    lh_diags d = {0};
    bh_err e;
    bh_status st = play_start(&p, SCENARIO, data, 3, &d, &e);
    lh_diags_free(&d);
    if (st != BH_OK)
        return -1;
    act(&p, "isolate_switch", &e);
    act(&p, "cut_external", &e);
    snprintf(journal, n, "%s", p.journal_path);
    play_close(&p);
    return 0;
}

static void test_torn_line_dropped_on_continue(void)
{
    char data[300], journal[PLAY_PATH_MAX], found[PLAY_PATH_MAX];
    fresh_dir(data, sizeof data, "torn");
    if (recorded(data, journal, sizeof journal) != 0) {
        CHECK(0);
        return;
    }
    char *whole = check_slurp(journal);
    write_file(journal, "0s start repo", "a"); /* the kill, mid-write */

    /* Continue is offered, and probing does not touch the file */
    CHECK_INT(play_find_unfinished(data, found, sizeof found), 1);
    char *probed = check_slurp(journal);
    CHECK(probed && whole && strlen(probed) == strlen(whole) + 13);
    free(probed);

    play q;
    bh_err e;
    CHECK_INT(resume(&q, journal, data, &e), BH_OK);
    CHECK_HAS(q.notice, "line 6");
    CHECK_HAS(q.notice, "\"0s start repo\"");
    CHECK_HAS(q.notice, "never took effect");
    char *now = check_slurp(journal);
    CHECK(now && whole && strcmp(now, whole) == 0); /* cut back to the last whole line */
    free(now);
    /* the next input starts a line of its own */
    if (q.sim)
        CHECK_INT(act(&q, "report_police", &e), BH_OK);
    play_close(&q);
    now = check_slurp(journal);
    size_t n = whole ? strlen(whole) : 0;
    CHECK(now && whole && strncmp(now, whole, n) == 0);
    CHECK_STR(now ? now + n : NULL, "0s start report_police\n");
    free(now);

    /* a complete line that is garbage goes the same way */
    write_file(journal, "0s \xff\xfe\n", "a");
    CHECK_INT(resume(&q, journal, data, &e), BH_OK);
    CHECK_HAS(q.notice, "line 7");
    play_close(&q);

    /* a clean journal: no notice, nothing cut */
    char *before = check_slurp(journal);
    CHECK_INT(resume(&q, journal, data, &e), BH_OK);
    CHECK_STR(q.notice, "");
    play_close(&q);
    now = check_slurp(journal);
    CHECK(now && before && strcmp(now, before) == 0);
    free(now);
    free(before);
    free(whole);
}

/* A journal that fails to replay for another reason is not repaired: the
 * torn line stays until the real problem is fixed. */
static void test_broken_journal_left_alone(void)
{
    char data[300], journal[PLAY_PATH_MAX];
    fresh_dir(data, sizeof data, "broken");
    if (recorded(data, journal, sizeof journal) != 0) {
        CHECK(0);
        return;
    }
    char *text = check_slurp(journal);
    char *at = text ? strstr(text, "start cut_external") : NULL;
    if (at)
        memcpy(at, "start cut_externaX", 18); /* no such action */
    write_file(journal, text ? text : "", "w");
    write_file(journal, "0s sta", "a");
    char *before = check_slurp(journal);
    play q;
    bh_err e;
    CHECK_INT(resume(&q, journal, data, &e), BH_EJOURNAL);
    CHECK_HAS(e.msg, "cut_externaX");
    CHECK_INT(e.line, 5);
    char *after = check_slurp(journal);
    CHECK(before && after && strcmp(before, after) == 0);
    free(before);
    free(after);
    free(text);
}

static void test_empty_journal_is_an_empty_session(void)
{
    char data[300], journal[400], last[400], found[PLAY_PATH_MAX];
    fresh_dir(data, sizeof data, "empty");
    snprintf(journal, sizeof journal, "%s/zero.journal", data);
    snprintf(last, sizeof last, "%s/last", data);
    write_file(journal, "", "w");
    char line[420];
    snprintf(line, sizeof line, "%s\n", journal);
    write_file(last, line, "w");
    CHECK_INT(play_find_unfinished(data, found, sizeof found), 0); /* nothing to continue */
    CHECK_INT(play_last_journal(data, found, sizeof found), 0);    /* and nothing broken */
    bh_plan p;
    bh_err e;
    CHECK_INT(journal_read(journal, &p, &e), BH_OK);
    CHECK(p.n == 0 && !p.scenario && !p.has_seed);
    journal_plan_free(&p);
    play q;
    CHECK_INT(resume(&q, journal, data, &e), BH_EJOURNAL);
    CHECK_HAS(e.msg, "never started");
}

/* Skip ahead until the inbox holds at least `want` messages. */
static size_t inbox_of(play *p, size_t want)
{
    size_t n = 0;
    bh_err e;
    for (int guard = 0; guard < 1000 && !sim_ended(p->sim); guard++) {
        sim_inbox(p->sim, &n);
        if (n >= want)
            break;
        play_skip(p, &e);
    }
    sim_inbox(p->sim, &n);
    return n;
}

static void test_read_messages_survive_continue(void)
{
    char data[300], journal[PLAY_PATH_MAX], side[PLAY_PATH_MAX + 8];
    fresh_dir(data, sizeof data, "read");
    play p, q;
    lh_diags d = {0};
    bh_err e;
    CHECK_INT(play_start(&p, SCENARIO, data, 3, &d, &e), BH_OK);
    lh_diags_free(&d);
    if (!p.sim)
        return;
    CHECK(inbox_of(&p, 3) >= 3);
    CHECK(!play_is_read(&p, 0));
    play_mark_read(&p, 0);
    play_mark_read(&p, 2);
    play_mark_read(&p, 100000); /* not in the inbox: ignored */
    CHECK(play_is_read(&p, 0) && !play_is_read(&p, 1) && play_is_read(&p, 2));
    snprintf(journal, sizeof journal, "%s", p.journal_path);
    snprintf(side, sizeof side, "%s.read", journal);
    play_close(&p);
    char *text = check_slurp(side);
    CHECK_HAS(text, "\n0 ");
    CHECK_HAS(text, "\n2 ");
    CHECK(text && !strstr(text, "\n1 "));
    char *journal_text = check_slurp(journal);
    CHECK(journal_text && !strstr(journal_text, "read")); /* state, not input: not in the journal */
    free(journal_text);

    CHECK_INT(resume(&q, journal, data, &e), BH_OK);
    CHECK(play_is_read(&q, 0) && !play_is_read(&q, 1) && play_is_read(&q, 2));
    play_close(&q);

    /* an entry naming another message at that position is dropped alone */
    char *nl = text ? strstr(text, "\n2 ") : NULL;
    if (nl) {
        char edited[2048];
        snprintf(edited, sizeof edited, "%.*s\n2 not_this_inject\n", (int)(nl - text), text);
        write_file(side, edited, "w");
    }
    CHECK_INT(resume(&q, journal, data, &e), BH_OK);
    CHECK(play_is_read(&q, 0) && !play_is_read(&q, 2));
    play_close(&q);

    /* damaged, or missing: none read, and Continue still works */
    static const char *const bad[] = {"garbage\n", "0 a b\n", "-1 x\n", "0 x", "\n"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        write_file(side, bad[i], "w");
        CHECK_INT(resume(&q, journal, data, &e), BH_OK);
        CHECK(!play_is_read(&q, 0) && !play_is_read(&q, 2));
        play_close(&q);
    }
    unlink(side);
    CHECK_INT(resume(&q, journal, data, &e), BH_OK);
    CHECK(!play_is_read(&q, 0));
    play_close(&q);
    free(text);
}

/* Continue itself may run out of memory at any allocation (sticky: all
 * after the n-th fail too). Each time it must say so, and a Continue that
 * failed must leave the journal exactly as it found it, torn line and
 * all, so that the next try can still recover it. */
static void test_continue_out_of_memory(void)
{
    char data[300], journal[PLAY_PATH_MAX];
    fresh_dir(data, sizeof data, "oom");
    if (recorded(data, journal, sizeof journal) != 0) {
        CHECK(0);
        return;
    }
    write_file(journal, "0s start repo", "a");
    char *torn = check_slurp(journal);
    long n = 1, bad = 0;
    for (; torn && n < 100000; n++) {
        write_file(journal, torn, "w");
        play q;
        bh_err e;
        mem_fail_at(n, 1);
        bh_status st = resume(&q, journal, data, &e);
        long failures = mem_failures();
        mem_fail_at(0, 0);
        if (st == BH_OK) {
            play_close(&q);
            if (failures == 0)
                break; /* got through without reaching the n-th: all tried */
            continue;
        }
        char *now = check_slurp(journal);
        int ok = strstr(e.msg, "memory") && now && strcmp(now, torn) == 0;
        if (!ok && bad++ < 3)
            fprintf(stderr, "n=%ld: status %d, \"%s\"\n", n, (int)st, e.msg);
        free(now);
    }
    CHECK_INT(bad, 0);
    CHECK(n > 1000); /* loading the tutorial alone takes thousands */
    fprintf(stderr, "continue: %ld allocation points tried\n", n);
    free(torn);
}

/* ---- a journal that cannot be written ---- */

static ssize_t full_disk(int fd, const void *buf, size_t n)
{
    (void)fd, (void)buf, (void)n;
    errno = ENOSPC;
    return -1;
}

static void test_unwritable_journal_refuses_and_pauses(void)
{
    char data[300];
    fresh_dir(data, sizeof data, "full");
    play p;
    lh_diags d = {0};
    bh_err e;
    CHECK_INT(play_start(&p, SCENARIO, data, 3, &d, &e), BH_OK);
    lh_diags_free(&d);
    if (!p.sim)
        return;
    play_set_speed(&p, 4);
    char *before = check_slurp(p.journal_path);
    static const journal_io io = {full_disk, fsync, ftruncate};
    journal_set_io(&io);
    CHECK_INT(act(&p, "isolate_switch", &e), BH_EIO);
    journal_set_io(NULL);
    CHECK_HAS(e.msg, "No space left on device");
    CHECK_HAS(e.msg, "was not applied");
    CHECK(!sim_action_running(p.sim, defs_action(sim_defs(p.sim), "isolate_switch")));
    CHECK_INT(p.speed, 0);
    CHECK_INT(p.failed, 0); /* the session goes on once the disk has room */
    char *after = check_slurp(p.journal_path);
    CHECK(before && after && strcmp(before, after) == 0);
    CHECK_INT(act(&p, "isolate_switch", &e), BH_OK);
    play_close(&p);
    free(before);
    free(after);
}

int main(int argc, char **argv)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/bh-recover-XXXXXX");
    if (!mkdtemp(tmpdir))
        return 1;
    static const check_case cases[] = {
        {"torn_line_dropped_on_continue", test_torn_line_dropped_on_continue},
        {"broken_journal_left_alone", test_broken_journal_left_alone},
        {"empty_journal_is_an_empty_session", test_empty_journal_is_an_empty_session},
        {"read_messages_survive_continue", test_read_messages_survive_continue},
        {"continue_out_of_memory", test_continue_out_of_memory},
        {"unwritable_journal_refuses_and_pauses", test_unwritable_journal_refuses_and_pauses},
        {NULL, NULL}};
    int rc = check_main(argc, argv, cases);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    if (system(cmd) != 0)
        rc = 1;
    return rc;
}
