#include "ui/play.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/session.h"
#include "core/text.h"
#include "ui/play_internal.h"

/* Real frame times are not exact binary fractions: 600 frames of 1/600 s
 * must still add up to ten whole simulated seconds, not nine. */
#define CARRY_EPS 1e-6
/* A frame that stalled (a dragged window, a laptop lid) must not jump hours. */
#define TICK_MAX_REAL 1.0
#define CLOCK_EVERY_REAL 1.0
/* The agenda's file: losing up to this much of it to a crash is harmless. */
#define AGENDA_EVERY_REAL 10.0

/* ---- the session in progress ---- */

static void play_reset(play *p, const char *data_dir)
{
    memset(p, 0, sizeof *p); /* the app sets before_close again after a start */
    p->journal.fd = -1;
    p->live = 1;
    p->cut_index = -1;
    p->last_speed = 1;
    if (data_dir)
        snprintf(p->data_dir, sizeof p->data_dir, "%s", data_dir);
}

/* Close without saving the clock: for sessions that never fully opened. */
static void play_release(play *p)
{
    if (!p->live)
        return;
    free(p->read);
    p->read = NULL;
    p->nread = 0;
    journal_close(&p->journal);
    sim_destroy(p->sim);
    lh_free(p->host);
    p->sim = NULL;
    p->host = NULL;
    p->live = 0;
}

void play_close(play *p)
{
    if (!p->live)
        return;
    bh_err e;
    if (p->sim && p->journal.fd >= 0) {
        play_save_clock(p, &e); /* best effort: the journal already holds every input */
        play_agenda_save(p, &e);
    }
    play_release(p);
}

static bh_status point_last(const play *p, bh_err *err)
{
    char last[PLAY_PATH_MAX + 8], text[PLAY_PATH_MAX + 2];
    if (!p->data_dir[0])
        return BH_OK;
    if (play_join(last, sizeof last, p->data_dir, "last") != 0)
        return err_set(err, BH_EIO, p->data_dir, 0, "the path is too long");
    snprintf(text, sizeof text, "%s\n", p->journal_path);
    return play_write_atomic(last, text, err);
}

/* The session ended: "Continue" must not offer it again, unless `last`
 * already names some other session. */
static void forget_last(const play *p)
{
    char last[PLAY_PATH_MAX + 8], named[PLAY_PATH_MAX];
    if (!p->data_dir[0] || play_join(last, sizeof last, p->data_dir, "last") != 0)
        return;
    if (play_read_line(last, named, sizeof named) == 0 && strcmp(named, p->journal_path) == 0 &&
        unlink(last) == 0)
        play_sync_dir_of(last);
}

/* Notice what the last call did to the session: a script error or an ending. */
static void note_state(play *p)
{
    if (!p->sim)
        return;
    if (!p->failed && sim_failed(p->sim)) {
        p->failed = 1;
        p->error = *sim_error(p->sim);
    }
    if (!p->ended_seen && sim_ended(p->sim)) {
        p->ended_seen = 1;
        /* the ending's time, so that replaying journal + clock reaches the
         * ending too (the debrief and reports replay it) */
        play_save_clock(p, &(bh_err){0});
        forget_last(p);
    }
}

static bh_status stopped(const play *p, bh_err *err)
{
    *err = p->error;
    return p->error.status != BH_OK ? p->error.status : BH_ESCRIPT;
}

/* Journal name: the scenario's id and the local time, then -2, -3, ... if
 * that is taken. journal_create refuses to replace a file, which is what
 * makes this safe against two games starting in the same second. */
static bh_status create_journal(play *p, const char *id, const char *scenario, bh_err *err)
{
    char dir[PLAY_PATH_MAX], real[PLAY_PATH_MAX], safe[64], stamp[32];
    if (play_join(dir, sizeof dir, p->data_dir, "journals") != 0)
        return err_set(err, BH_EIO, p->data_dir, 0, "the path is too long");
    bh_status st = play_mkdir_p(dir, err);
    if (st != BH_OK || (st = play_absolute(dir, real, sizeof real, err)) != BH_OK)
        return st;
    size_t i = 0;
    for (; id && id[i] && i < sizeof safe - 1; i++)
        safe[i] = strchr("/\\. \t", id[i]) ? '_' : id[i];
    safe[i] = '\0';
    time_t now = time(NULL);
    struct tm tm;
    if (!localtime_r(&now, &tm) || !strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm))
        snprintf(stamp, sizeof stamp, "%lld", (long long)now);
    for (int n = 1; n < 1000; n++) {
        char suffix[16] = "";
        if (n > 1)
            snprintf(suffix, sizeof suffix, "-%d", n);
        int len = snprintf(p->journal_path, sizeof p->journal_path, "%s/%s-%s%s.journal", real,
                           safe[0] ? safe : "session", stamp, suffix);
        if (len < 0 || (size_t)len >= sizeof p->journal_path)
            return err_set(err, BH_EIO, real, 0, "the path is too long");
        /* Named from the journal's folder (absolute when they share only
         * the root): Continue may be chosen from a game started anywhere. */
        char ref[PLAY_PATH_MAX];
        if (journal_scenario_ref(scenario, p->journal_path, ref, sizeof ref) != 0)
            return err_set(err, BH_EIO, scenario, 0, "cannot name the scenario from %s", real);
        bh_jhead head = {.scenario = ref, .seed = p->seed,
                         .cut = p->cut[0] ? p->cut : NULL, .workshop = p->workshop};
        st = journal_create_head(&p->journal, p->journal_path, &head, err);
        if (st == BH_OK || p->journal.fd >= 0 || access(p->journal_path, F_OK) != 0)
            return st;
    }
    return err_set(err, BH_EIO, real, 0, "too many journals named %s-%s", safe, stamp);
}

/* The cut `how` names, into the new session and p->cut, p->cut_index. */
static bh_status choose_cut(play *p, const play_how *how, const char *scenario, bh_err *err)
{
    const bh_defs *d = lh_defs(p->host);
    p->workshop = how && how->workshop;
    if (!how || !how->cut)
        return BH_OK;
    int k = defs_cut(d, how->cut);
    if (k < 0) {
        char hint[160];
        text_suggest(how->cut, d->cuts, d->ncuts, sizeof *d->cuts, offsetof(bh_cut_def, id),
                     hint, sizeof hint);
        return err_set(err, BH_EUSAGE, scenario, 0, "no cut '%.64s' in this scenario%s",
                       how->cut, d->ncuts ? hint : " (it declares no cuts)");
    }
    if (strlen(how->cut) >= sizeof p->cut)
        return err_set(err, BH_EUSAGE, scenario, 0, "the cut id '%.64s' is too long", how->cut);
    snprintf(p->cut, sizeof p->cut, "%s", how->cut);
    p->cut_index = k;
    return sim_set_cut(p->sim, k, err);
}

bh_status play_start(play *p, const char *scenario, const char *data_dir, uint64_t seed,
                     lh_diags *diags, bh_err *err)
{
    return play_start_how(p, scenario, data_dir, seed, NULL, diags, err);
}

bh_status play_start_how(play *p, const char *scenario, const char *data_dir, uint64_t seed,
                         const play_how *how, lh_diags *diags, bh_err *err)
{
    play_reset(p, data_dir);
    p->cut_index = -1;
    p->seed = seed;
    bh_status st = BH_OK;
    if (snprintf(p->scenario, sizeof p->scenario, "%s", scenario) >= (int)sizeof p->scenario)
        st = err_set(err, BH_EUSAGE, scenario, 0, "the path is too long");
    if (st == BH_OK && !p->data_dir[0])
        st = err_set(err, BH_EUSAGE, "", 0, "no data folder to keep the journal in");
    if (st == BH_OK) {
        st = lh_load(scenario, NULL, &p->host, diags);
        if (!p->host)
            st = play_load_error(diags, st, scenario, err);
    }
    if (st == BH_OK)
        st = sim_create(&p->sim, lh_defs(p->host), lh_hooks(p->host), seed, err);
    if (st == BH_OK)
        st = choose_cut(p, how, scenario, err);
    if (st == BH_OK)
        st = create_journal(p, lh_defs(p->host)->scenario.id, scenario, err);
    if (st == BH_OK)
        st = point_last(p, err);
    if (st != BH_OK) {
        play_release(p);
        return st;
    }
    p->speed = p->workshop ? 0 : 1; /* a workshop starts paused */
    p->files_stamp = play_files_stamp(p);
    /* Deliver what happens at T+0 now, so the first screen shows it even
     * before the clock runs. A replay does the same on its first input. */
    bh_err e;
    sim_advance(p->sim, 0, &e);
    note_state(p);
    return BH_OK;
}

bh_status play_resume(play *p, const char *journal, const char *data_dir, lh_diags *diags,
                      bh_err *err)
{
    play_reset(p, data_dir);
    p->cut_index = -1;
    bh_plan plan = {0};
    bh_jtail tail;
    bh_status st = play_load_session(journal, &plan, &p->host, &p->sim, diags, &tail, err);
    if (st == BH_OK) {
        snprintf(p->scenario, sizeof p->scenario, "%s", plan.scenario);
        /* the header says what the session is: Continue reopens it so */
        p->cut_index = sim_cut(p->sim);
        if (p->cut_index >= 0)
            snprintf(p->cut, sizeof p->cut, "%s", lh_defs(p->host)->cuts[p->cut_index].id);
        p->workshop = plan.workshop;
    }
    if (st == BH_OK)
        st = play_absolute(journal, p->journal_path, sizeof p->journal_path, err);
    /* The torn line goes before anything is appended, or the next input
     * would glue onto it. Only now: a journal that does not replay is
     * left exactly as it was. */
    if (st == BH_OK)
        st = journal_open_recover(&p->journal, p->journal_path, &tail, err);
    if (st == BH_OK && tail.line > 0)
        snprintf(p->notice, sizeof p->notice,
                 "The last line of the journal (line %d, \"%s\") was only partly written when "
                 "the game stopped, so that input never took effect. It has been removed; "
                 "everything before it is restored.",
                 tail.line, tail.text);
    journal_plan_free(&plan);
    if (st != BH_OK) {
        play_release(p);
        return st;
    }
    p->seed = sim_seed(p->sim);
    p->clock_saved = sim_now(p->sim);
    play_read_load(p);
    play_agenda_load(p);
    p->files_stamp = play_files_stamp(p);
    note_state(p);
    if (!p->failed && !sim_ended(p->sim))
        st = point_last(p, err); /* resumed by name: it is the session in progress now */
    return st;
}

bh_status play_reload(play *p, lh_diags *diags, bh_err *err)
{
    if (!p->sim || !p->journal_path[0])
        return err_set(err, BH_EUSAGE, "", 0, "no session is open");
    bh_plan plan = {0};
    lh_host *h = NULL;
    bh_sim *s = NULL;
    bh_time now = sim_now(p->sim);
    bh_jtail tail;
    bh_status st = play_load_session(p->journal_path, &plan, &h, &s, diags, &tail, err);
    if (st == BH_OK)
        st = sim_advance(s, now, err);
    if (st == BH_OK && sim_failed(s)) {
        *err = *sim_error(s);
        st = err->status != BH_OK ? err->status : BH_ESCRIPT;
    }
    journal_plan_free(&plan);
    if (st != BH_OK) {
        sim_destroy(s);
        lh_free(h);
        return st;
    }
    sim_destroy(p->sim);
    lh_free(p->host);
    p->sim = s;
    p->host = h;
    p->failed = 0;
    err_clear(&p->error);
    p->files_stamp = play_files_stamp(p);
    note_state(p);
    return BH_OK;
}

bh_status play_save_clock(play *p, bh_err *err)
{
    char path[PLAY_PATH_MAX + 8], text[32];
    if (!p->sim || !p->journal_path[0])
        return BH_OK;
    p->real_since_save = 0; /* a failed write is retried a second later, not every frame */
    if (snprintf(path, sizeof path, "%s.clock", p->journal_path) >= (int)sizeof path)
        return err_set(err, BH_EIO, p->journal_path, 0, "the path is too long");
    bh_time now = sim_now(p->sim);
    snprintf(text, sizeof text, "%lld\n", (long long)now);
    bh_status st = play_write_atomic(path, text, err);
    if (st == BH_OK)
        p->clock_saved = now;
    return st;
}

bh_status play_tick(play *p, double real_seconds, bh_err *err)
{
    if (!p->sim)
        return BH_OK;
    double real = real_seconds > 0 ? real_seconds : 0; /* also turns NaN into 0 */
    /* The agenda counts the workshop's wall time, pauses and stalls too. */
    if (isfinite(real)) {
        p->real_used += real;
        p->real_since_agenda += real;
    }
    if (p->real_since_agenda >= AGENDA_EVERY_REAL)
        play_agenda_save(p, &(bh_err){0}); /* best effort, like the clock */
    if (p->failed || sim_ended(p->sim))
        return BH_OK;
    if (real > TICK_MAX_REAL)
        real = TICK_MAX_REAL;
    p->real_since_save += real;
    bh_status st = BH_OK;
    play_paused_by why = PLAY_PAUSED_NOT;
    /* Paused, a tick feeds nothing and owes nothing: no pause, however
     * long, is made up for when the clock runs again. */
    if (p->speed > 0) {
        p->carry += real * play_pace_rate(p) * p->speed;
        double whole = floor(p->carry + CARRY_EPS);
        if (whole >= 1) {
            p->carry -= whole;
            why = play_pace_advance(p, sim_now(p->sim) + (bh_time)whole, p->workshop,
                                    p->pause_on_message, &st, err);
            play_pace_stop(p, why);
        }
    }
    note_state(p);
    if (p->failed)
        return stopped(p, err);
    if (st != BH_OK)
        return st;
    if (why != PLAY_PAUSED_NOT && sim_now(p->sim) != p->clock_saved)
        return play_save_clock(p, err); /* as any pause does */
    if (p->real_since_save >= CLOCK_EVERY_REAL && sim_now(p->sim) != p->clock_saved)
        return play_save_clock(p, err);
    return BH_OK;
}

/* After the clock was moved on purpose (skip, jump): what it ran into, and
 * the clock file, as a paused session's must be. */
static bh_status moved(play *p, bh_status st, bh_err *err)
{
    note_state(p);
    if (p->failed)
        return stopped(p, err);
    if (st != BH_OK)
        return st;
    return play_save_clock(p, err);
}

bh_status play_skip(play *p, bh_err *err)
{
    if (!p->sim || p->failed)
        return BH_OK;
    bh_time t = sim_next_event(p->sim);
    if (t < 0)
        return BH_OK;
    p->carry = 0; /* the fraction owed belonged to the time skipped over */
    bh_status st;
    play_pace_stop(p, play_pace_advance(p, t, p->workshop, p->pause_on_message, &st, err));
    return moved(p, st, err);
}

bh_status play_jump_to_decision(play *p, bh_err *err)
{
    if (!p->sim || !p->journal_path[0])
        return err_set(err, BH_EUSAGE, "", 0, "no session is open");
    if (p->failed)
        return stopped(p, err);
    if (sim_ended(p->sim))
        return err_set(err, BH_EINPUT, "", 0, "the session has ended: no decision will open");
    /* Where the next decision opens is only known by playing on, and the
     * live session cannot go back: a scratch copy (journal and clock)
     * plays ahead to find it. */
    bh_plan plan = {0};
    lh_host *h = NULL;
    bh_sim *s = NULL;
    lh_diags d = {0};
    bh_jtail tail;
    bh_time now = sim_now(p->sim), at = -1;
    bh_status st = play_load_session(p->journal_path, &plan, &h, &s, &d, &tail, err);
    if (st == BH_OK && (st = sim_advance(s, now, err)) == BH_OK)
        at = play_pace_next_opening(s);
    sim_destroy(s);
    lh_free(h);
    lh_diags_free(&d);
    journal_plan_free(&plan);
    if (st != BH_OK)
        return st;
    if (at < 0)
        return err_set(err, BH_EINPUT, "", 0,
                       "no decision opens from now to the end of the session: the clock "
                       "stays where it is");
    /* The live session goes there itself, stopping at the opening (if the
     * files on disk changed since they were loaded, the two can differ:
     * it never goes further than the copy found). */
    p->speed = 0;
    p->carry = 0;
    play_paused_by why = play_pace_advance(p, at, 1, 0, &st, err);
    if (why != PLAY_PAUSED_NOT)
        p->paused_by = why;
    return moved(p, st, err);
}

bh_status play_input(play *p, bh_input *in, bh_err *err)
{
    if (!p->sim || p->journal.fd < 0)
        return err_set(err, BH_EUSAGE, "", 0, "no session is open");
    in->time = sim_now(p->sim);
    /* only a choice the session will take closes the decision's vote: a
     * refused one (no such option, already decided) leaves it open */
    bh_err ce;
    if (in->kind == IN_CHOOSE && p->before_close && !sim_ended(p->sim) &&
        sim_check_input(p->sim, in, &ce) == BH_OK)
        p->before_close(p->before_close_ud, in->a);
    play_pace_mark(p);
    bh_status st = session_input(p->sim, &p->journal, in, err);
    /* An input made while the clock runs can open a decision too. */
    int paused = play_pace_stop(p, play_pace_news(p, p->workshop, p->pause_on_message));
    /* An error in an `available` condition refuses the input with
     * BH_ESCRIPT but leaves the session running (the core's rule), so only
     * sim_failed stops play. */
    note_state(p);
    /* BH_EIO is the journal's: the input was refused because it could not
     * be recorded. The clock stops too, so that the room notices and does
     * not play on with inputs that cannot be kept. */
    if (st == BH_EIO)
        play_set_speed(p, 0);
    else if (paused)
        play_save_clock(p, &(bh_err){0});
    return st;
}

int play_is_read(const play *p, size_t k)
{
    return k < p->nread && p->read[k];
}

void play_mark_read(play *p, size_t k)
{
    if (play_is_read(p, k) || !p->sim)
        return;
    size_t n;
    sim_inbox(p->sim, &n);
    if (k >= n)
        return;
    if (n > p->nread) {
        unsigned char *r = realloc(p->read, n);
        if (!r)
            return;
        memset(r + p->nread, 0, n - p->nread);
        p->read = r;
        p->nread = n;
    }
    p->read[k] = 1;
    bh_err e;
    play_read_save(p, &e);
}

void play_set_speed(play *p, int speed)
{
    if (speed == 0 || speed == 1 || speed == 2 || speed == 4 || speed == 8)
        p->speed = speed;
    if (p->speed > 0) {
        p->last_speed = p->speed;
        p->paused_by = PLAY_PAUSED_NOT;
    }
    /* Pausing is when players walk away from the machine: keep the clock
     * exactly, not a second behind. */
    if (speed == 0 && p->sim && sim_now(p->sim) != p->clock_saved)
        play_save_clock(p, &(bh_err){0});
}

double play_real_seconds_until(const play *p, bh_time t)
{
    if (!p->sim || p->speed <= 0)
        return -1;
    double left = (double)(t - sim_now(p->sim)) / (play_pace_rate(p) * p->speed);
    return left > 0 ? left : 0;
}

int play_last_journal(const char *data_dir, char *out, size_t n)
{
    char last[PLAY_PATH_MAX + 8];
    struct stat sb;
    /* an empty journal is a session that never started, not a broken one */
    return data_dir && play_join(last, sizeof last, data_dir, "last") == 0 &&
           play_read_line(last, out, n) == 0 && access(out, R_OK) == 0 &&
           stat(out, &sb) == 0 && sb.st_size > 0;
}

int play_find_unfinished(const char *data_dir, char *out, size_t n)
{
    char last[PLAY_PATH_MAX + 8], path[PLAY_PATH_MAX];
    if (!data_dir || play_join(last, sizeof last, data_dir, "last") != 0 ||
        play_read_line(last, path, sizeof path) != 0 || access(path, R_OK) != 0)
        return 0;
    bh_plan plan = {0};
    lh_host *h = NULL;
    bh_sim *s = NULL;
    lh_diags d = {0};
    bh_err e;
    bh_jtail tail;
    int open = play_load_session(path, &plan, &h, &s, &d, &tail, &e) == BH_OK && !sim_ended(s) &&
               !sim_failed(s) && strlen(path) < n;
    if (open)
        memcpy(out, path, strlen(path) + 1);
    sim_destroy(s);
    lh_free(h);
    lh_diags_free(&d);
    journal_plan_free(&plan);
    return open;
}
