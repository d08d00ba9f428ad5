/* journal_path: the one place that says what a journal's `scenario` line
 * means. It is read relative to the journal's own folder (or is absolute),
 * so `bulkhead report`, `run` and the game's Continue find the scenario
 * from any current folder, and a folder holding a journal and its scenario
 * can be moved as one. Writers record such a path (journal_scenario_ref).
 * Journals from before named the scenario from the folder they were run
 * in: when nothing is at the journal-relative path but something is at the
 * path as written, that is used, and the caller warns. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/journal.h"

int journal_same_file(const char *a, const char *b)
{
    struct stat x, y;
    return a && b && stat(a, &x) == 0 && stat(b, &y) == 0 && x.st_dev == y.st_dev &&
           x.st_ino == y.st_ino;
}

/* The folder part of `path` with its slash ("a/b/" of "a/b/j"; "" for "j";
 * "/" for "/j"), as a length. */
static size_t folder_len(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? (size_t)(slash - path) + 1 : 0;
}

int journal_scenario_ref(const char *scenario, const char *journal, char *out, size_t n)
{
    char real[PATH_MAX], dir[PATH_MAX], tmp[PATH_MAX];
    size_t fl = folder_len(journal);
    if (!realpath(scenario, real) || fl >= sizeof tmp)
        return -1;
    memcpy(tmp, journal, fl);
    tmp[fl] = '\0';
    if (!realpath(fl ? tmp : ".", dir))
        return -1;
    /* The longest common folder, by whole names: dir[0..common) with
     * real[common] a slash (0: they share only the root). */
    size_t common = 0, i = 0;
    for (; dir[i] && dir[i] == real[i]; i++)
        if (dir[i] == '/')
            common = i;
    if (!dir[i] && real[i] == '/')
        common = i; /* the scenario is in the journal's folder or below it */
    /* Sharing only the root (/home and /usr) says nothing about moving
     * together: the absolute path is the one that keeps working. */
    if (common == 0) {
        if (strlen(real) >= n)
            return -1;
        memcpy(out, real, strlen(real) + 1);
        return 0;
    }
    size_t at = 0;
    for (const char *p = dir + common; *p; p++)
        if (*p == '/') {
            if (at + 3 >= n)
                return -1;
            memcpy(out + at, "../", 3);
            at += 3;
        }
    int w = snprintf(out + at, n - at, "%s", real + common + 1);
    return w < 0 || (size_t)w >= n - at ? -1 : 0;
}

int journal_scenario_path(const bh_plan *p, const char *plan_path, char *out, size_t n,
                          int *fallback)
{
    *fallback = 0;
    if (n)
        out[0] = '\0';
    if (!p->scenario)
        return -1;
    /* A plan reached through a symlink is read from the folder of the file
     * it links to: that is where its scenario line was written for. */
    struct stat sb;
    char real[PATH_MAX];
    if (lstat(plan_path, &sb) == 0 && S_ISLNK(sb.st_mode) && realpath(plan_path, real))
        plan_path = real;
    size_t fl = p->scenario[0] == '/' ? 0 : folder_len(plan_path);
    int w = snprintf(out, n, "%.*s%s", (int)fl, plan_path, p->scenario);
    if (w < 0 || (size_t)w >= n) {
        if (n)
            out[0] = '\0'; /* journal_scenario_find: "too long", not a cut-off name */
        return -1;
    }
    if (stat(out, &sb) == 0)
        return 0;
    /* An old journal: its path worked from the folder it was run in. */
    if (fl && stat(p->scenario, &sb) == 0 && strlen(p->scenario) < n) {
        snprintf(out, n, "%s", p->scenario);
        *fallback = 1;
        return 0;
    }
    return -1;
}

void journal_scenario_warning(const bh_plan *p, const char *plan_path, const char *found,
                              char *buf, size_t n)
{
    char ref[PATH_MAX];
    if (journal_scenario_ref(found, plan_path, ref, sizeof ref) != 0)
        snprintf(ref, sizeof ref, "%s", found);
    size_t fl = folder_len(plan_path);
    snprintf(buf, n, "%s:%d: warning: no '%.*s%s' beside the journal, so '%s' was read "
             "relative to the current folder; this old journal works only from there: make the "
             "line 'scenario %s' (%s) to replay it from anywhere",
             p->name ? p->name : plan_path, p->scenario_line, (int)fl, plan_path, p->scenario,
             found, ref, ref[0] == '/' ? "absolute" : "relative to the journal's folder");
}

bh_status journal_scenario_find(const bh_plan *p, const char *plan_path, const char *fix,
                                char *out, size_t n, int *fallback, bh_err *err)
{
    const char *name = p->name ? p->name : plan_path;
    if (!p->scenario)
        return err_set(err, BH_EJOURNAL, name, 0, "no 'scenario' line, so it does not say "
                       "which scenario it belongs to: %s", fix);
    if (journal_scenario_path(p, plan_path, out, n, fallback) != 0) {
        if (!out[0])
            return err_set(err, BH_EJOURNAL, name, p->scenario_line,
                           "the scenario's path is too long: %s", fix);
        struct stat sb;
        int e = stat(out, &sb) != 0 ? errno : ENOENT;
        if (p->scenario[0] == '/')
            return err_set(err, BH_EIO, name, p->scenario_line,
                           "cannot open scenario '%s': %s; %s", out, strerror(e), fix);
        return err_set(err, BH_EIO, name, p->scenario_line,
                       "cannot open scenario '%s': %s (the line is read relative to the "
                       "journal's folder, and '%s' is not in the current folder either); %s",
                       out, strerror(e), p->scenario, fix);
    }
    /* It exists; it must also open as a file. A FIFO must not block. */
    int fd = open(out, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    struct stat sb;
    const char *why = NULL;
    if (fd < 0)
        why = strerror(errno);
    else if (fstat(fd, &sb) != 0)
        why = strerror(errno);
    else if (S_ISDIR(sb.st_mode))
        why = "it is a folder, not a scenario file";
    else if (!S_ISREG(sb.st_mode))
        why = "not a regular file";
    if (fd >= 0)
        close(fd);
    if (why)
        return err_set(err, BH_EIO, name, p->scenario_line, "cannot open scenario '%s': %s; %s",
                       out, why, fix);
    return BH_OK;
}
