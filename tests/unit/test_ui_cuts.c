/* test_ui_cuts: the play controller with session cuts and workshop mode,
 * headless. A new session in a cut, as a workshop, records both in its
 * journal's header; Continue (play_resume) reads them back into p->cut,
 * p->cut_index and p->workshop; hot reload keeps the cut; the clock runs
 * at the cut's rate; an unknown cut is refused before any journal exists. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "ui/play.h"

#define FIXTURE BH_SOURCE_DIR "/tests/fixtures/cuts/cuts.lua"

static char tmpdir[256];

/* How many journals the data folder holds. */
static int journals(const char *data)
{
    char dir[600];
    snprintf(dir, sizeof dir, "%s/journals", data);
    DIR *d = opendir(dir);
    int n = 0;
    for (struct dirent *e; d && (e = readdir(d));)
        n += strstr(e->d_name, ".journal") != NULL && !strstr(e->d_name, ".journal.");
    if (d)
        closedir(d);
    return n;
}

static void test_start_in_a_cut_as_a_workshop(void)
{
    play p;
    lh_diags d = {0};
    bh_err e;
    play_how how = {.cut = "three", .workshop = 1};
    CHECK_INT(play_start_how(&p, FIXTURE, tmpdir, 9, &how, &d, &e), BH_OK);
    lh_diags_free(&d);
    CHECK_STR(p.cut, "three");
    CHECK_INT(p.cut_index, 0);
    CHECK_INT(p.workshop, 1);
    CHECK_INT(sim_cut(p.sim), 0);
    char *text = check_slurp(p.journal_path);
    CHECK_HAS(text, "\nseed 9\ncut three\nmode workshop\n");
    free(text);
    /* the clock runs at the cut's rate: 120 simulated seconds a real one */
    play_set_speed(&p, 1);
    CHECK_INT(play_tick(&p, 1.0, &e), BH_OK);
    CHECK_INT(sim_now(p.sim), 120);
    CHECK(play_real_seconds_until(&p, 360) == 2.0);
    /* hot reload replays the journal, cut line and all */
    CHECK_INT(play_reload(&p, &d, &e), BH_OK);
    lh_diags_free(&d);
    CHECK_INT(sim_cut(p.sim), 0);
    CHECK_INT(sim_now(p.sim), 120);
    char journal[PLAY_PATH_MAX];
    snprintf(journal, sizeof journal, "%s", p.journal_path);
    play_close(&p);

    /* Continue: a workshop again, in its cut, where the clock was */
    memset(&p, 0x5a, sizeof p); /* nothing left over from before */
    CHECK_INT(play_resume(&p, journal, tmpdir, &d, &e), BH_OK);
    lh_diags_free(&d);
    CHECK_STR(p.cut, "three");
    CHECK_INT(p.cut_index, 0);
    CHECK_INT(p.workshop, 1);
    CHECK_INT(sim_cut(p.sim), 0);
    CHECK_INT(sim_now(p.sim), 120);
    CHECK_INT(sim_length(p.sim), 3 * 3600);
    play_close(&p);
}

static void test_start_without_a_cut(void)
{
    play p;
    lh_diags d = {0};
    bh_err e;
    CHECK_INT(play_start(&p, FIXTURE, tmpdir, 9, &d, &e), BH_OK);
    lh_diags_free(&d);
    CHECK_STR(p.cut, "");
    CHECK_INT(p.cut_index, -1);
    CHECK_INT(p.workshop, 0);
    char *text = check_slurp(p.journal_path);
    CHECK(text && !strstr(text, "\ncut ") && !strstr(text, "mode workshop"));
    free(text);
    char journal[PLAY_PATH_MAX];
    snprintf(journal, sizeof journal, "%s", p.journal_path);
    play_close(&p);
    memset(&p, 0x5a, sizeof p);
    CHECK_INT(play_resume(&p, journal, tmpdir, &d, &e), BH_OK);
    lh_diags_free(&d);
    CHECK_STR(p.cut, "");
    CHECK_INT(p.cut_index, -1);
    CHECK_INT(p.workshop, 0);
    play_close(&p);
}

static void test_unknown_cut_is_refused(void)
{
    play p;
    lh_diags d = {0};
    bh_err e;
    int before = journals(tmpdir);
    play_how how = {.cut = "thre"};
    CHECK_INT(play_start_how(&p, FIXTURE, tmpdir, 9, &how, &d, &e), BH_EUSAGE);
    lh_diags_free(&d);
    CHECK_HAS(e.msg, "no cut 'thre' in this scenario (did you mean 'three'?)");
    CHECK_INT(journals(tmpdir), before);
    play_close(&p);
}

int main(int argc, char **argv)
{
    static const check_case cases[] = {
        {"start_in_a_cut_as_a_workshop", test_start_in_a_cut_as_a_workshop},
        {"start_without_a_cut", test_start_without_a_cut},
        {"unknown_cut_is_refused", test_unknown_cut_is_refused},
        {NULL, NULL}};
    return check_main_in_tmpdir(argc, argv, cases, tmpdir, sizeof tmpdir, "ui-cuts");
}
