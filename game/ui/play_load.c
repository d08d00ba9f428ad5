/* play_load: bringing a session back from its journal, for Continue, hot
 * reload and the jump to the next decision (which plays a scratch copy
 * ahead), and noticing when the scenario's files change on disk. Below
 * play.c: it reads journals and loads scenarios, and never touches the
 * session in progress. */
#include <stdlib.h>
#include <sys/stat.h>

#include "core/mem.h"
#include "core/session.h"
#include "ui/play.h"
#include "ui/play_internal.h"

bh_status play_load_error(const lh_diags *d, bh_status st, const char *path, bh_err *err)
{
    for (size_t i = 0; i < d->n; i++)
        if (d->v[i].sev == LH_ERROR)
            return err_set(err, st == BH_OK ? BH_ESCRIPT : st, d->v[i].file ? d->v[i].file : path,
                           d->v[i].line, "%s", d->v[i].msg);
    if (d->lost)
        return err_set(err, BH_ENOMEM, path, 0, "%s", lh_diags_lost_msg(d));
    return err_set(err, st == BH_OK ? BH_ESCRIPT : st, path, 0, "the scenario did not load");
}

/* Rebuild the session a journal records: its scenario, every input, and
 * the clock as far as it was saved. A torn last line is left out, and
 * described in `tail`; the file is not changed. The caller frees plan, host and sim
 * whatever this returns. A script error while catching up with the clock
 * is left in the sim (sim_failed): the session exists, stopped. */
bh_status play_load_session(const char *journal, bh_plan *plan, lh_host **h, bh_sim **s,
                            lh_diags *d, bh_jtail *tail, bh_err *err)
{
    bh_status st = journal_read_recover(journal, plan, tail, err);
    if (st != BH_OK)
        return st;
    if (!plan->scenario && plan->n == 0)
        return err_set(err, BH_EJOURNAL, journal, 0,
                       "is empty: its session never started, so there is nothing to replay");
    if (!plan->scenario)
        return err_set(err, BH_EJOURNAL, journal, 0,
                       "names no scenario (the 'scenario FILE' line is missing)");
    /* Read relative to the journal's folder (an old journal's from the
     * current one); from here on plan->scenario is a path that opens. */
    char scn[PLAY_PATH_MAX];
    int fallback;
    if ((st = journal_scenario_find(plan, journal, "put the scenario back, or correct the "
                                    "journal's 'scenario' line", scn, sizeof scn, &fallback,
                                    err)) != BH_OK)
        return st;
    char *copy = mem_strdup(scn);
    if (!copy)
        return err_set(err, BH_ENOMEM, journal, 0, "out of memory");
    free(plan->scenario);
    plan->scenario = copy;
    st = lh_load(plan->scenario, NULL, h, d);
    if (!*h)
        return play_load_error(d, st, plan->scenario, err);
    uint64_t seed = plan->has_seed ? plan->seed : 1;
    if ((st = sim_create(s, lh_defs(*h), lh_hooks(*h), seed, err)) != BH_OK)
        return st;
    bh_replay_result res;
    /* No journal here: the lines being replayed are already in the file. */
    if ((st = session_replay(*s, NULL, plan, &res, err)) != BH_OK)
        return st;
    bh_time clock, target = sim_now(*s);
    if (play_read_clock(journal, &clock) == 0 && clock > target)
        target = clock;
    bh_err e;
    sim_advance(*s, target, &e);
    return BH_OK;
}

/* The files a scenario was loaded from (includes too), summed as one
 * number: any edit, touch or replacement changes it. */
long long play_files_stamp(const play *p)
{
    long long sum = 0;
    const bh_defs *d = p->host ? lh_defs(p->host) : NULL;
    for (size_t i = 0; d && i < d->nfiles; i++) {
        struct stat st;
        if (stat(d->files[i], &st) == 0)
            sum += (long long)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec +
                   (long long)st.st_size + (long long)st.st_ino;
        else
            sum += 7; /* gone: also a change */
    }
    return sum;
}

int play_files_changed(play *p)
{
    long long now = play_files_stamp(p);
    if (now == p->files_stamp)
        return 0;
    p->files_stamp = now;
    return 1;
}
