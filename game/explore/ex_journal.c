/* ex_journal.c: explored runs as journals on disk.
 *
 * A run's journal is what `bulkhead run FILE.lua --plan JOURNAL` replays:
 * a comment saying where it came from (and the error it stopped with), the
 * scenario and the seed, then the inputs the policy applied, one a line.
 * Files are created, never replaced: a name already taken by a file with
 * the same contents is reused (exploring again finds the same failures),
 * and one with other contents gets a numbered sibling. */
#include "explore/ex_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/journal.h"
#include "core/text.h"

/* `where`: the path the journal will have; its scenario line is written
 * relative to that folder (or absolute), so it replays from anywhere. */
static int journal_text(const ex_result *r, int run, const char *journal, const char *where,
                        ex_buf *b)
{
    char ref[4200];
    if (journal_scenario_ref(r->scenario, where, ref, sizeof ref) != 0)
        snprintf(ref, sizeof ref, "%s", r->scenario);
    const ex_run *x = &r->runs[run];
    ex_buf_printf(b, "# Bulkhead journal: inputs with their simulated times.\n"
                     "# bulkhead explore %s: policy %s, seed %llu\n",
                  r->scenario, ex_policy_name(x->policy), (unsigned long long)x->seed);
    if (x->group >= 0) {
        /* one line: the message may hold newlines */
        ex_buf_add(b, "# it stopped with: ", 19);
        for (const char *p = r->groups[x->group].error; *p; p++)
            ex_buf_add(b, *p == '\n' || *p == '\r' ? " " : p, 1);
        ex_buf_add(b, "\n", 1);
    }
    if (!strchr(ref, '\n'))
        ex_buf_printf(b, "scenario %s\n", ref);
    ex_buf_printf(b, "seed %llu\n", (unsigned long long)x->seed);
    if (x->cut >= 0 && (size_t)x->cut < r->defs->ncuts)
        ex_buf_printf(b, "cut %s\n", r->defs->cuts[x->cut].id);
    return ex_buf_add(b, journal ? journal : "", journal ? strlen(journal) : 0);
}

/* 1 when the file at path holds exactly these bytes. */
static int same_contents(const char *path, const ex_buf *b)
{
    char *text = NULL;
    size_t len = 0;
    bh_err e;
    err_clear(&e);
    int same = text_read_file(path, b->n + 1, &text, &len, &e) == BH_OK && len == b->n &&
               memcmp(text, b->p, len) == 0;
    free(text);
    return same;
}

static bh_status write_new(const char *path, const ex_buf *b, bh_err *err)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0)
        return err_set(err, BH_EIO, path, 0, "cannot create: %s", strerror(errno));
    size_t off = 0;
    while (off < b->n) {
        ssize_t w = write(fd, b->p + off, b->n - off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            err_set(err, BH_EIO, path, 0, "cannot write: %s", strerror(errno));
            close(fd);
            unlink(path);
            return BH_EIO;
        }
        off += (size_t)w;
    }
    if (close(fd) != 0)
        return err_set(err, BH_EIO, path, 0, "cannot write: %s", strerror(errno));
    return BH_OK;
}

/* Create the file, or find it already there with exactly these bytes. */
static bh_status write_or_reuse(const char *path, const ex_buf *b, bh_err *err)
{
    if (access(path, F_OK) != 0)
        return write_new(path, b, err);
    if (same_contents(path, b))
        return BH_OK;
    return err_set(err, BH_EIO, path, 0, "already exists with other contents; journals are "
                   "never overwritten: choose another folder or remove it");
}

bh_status ex_write_journal(const ex_result *r, int run, const char *journal, const char *path,
                           bh_err *err)
{
    ex_buf b = {0};
    bh_status st = BH_ENOMEM;
    if (journal_text(r, run, journal, path, &b) == 0)
        st = write_or_reuse(path, &b, err);
    else
        err_set(err, BH_ENOMEM, path, 0, "out of memory");
    ex_buf_free(&b);
    return st;
}

/* Write the journal under `base`.journal, or reuse a file that already holds
 * it; a different file of that name gets a -2, -3... sibling instead. */
static bh_status save_one(ex_result *r, ex_group *grp, const char *base, bh_err *err)
{
    ex_buf b = {0};
    char path[4200];
    bh_status st = BH_ENOMEM;
    snprintf(path, sizeof path, "%s.journal", base);
    if (journal_text(r, grp->first, grp->journal, path, &b) != 0)
        goto done;
    for (int k = 1; k < 100; k++) {
        if (k == 1)
            snprintf(path, sizeof path, "%s.journal", base);
        else
            snprintf(path, sizeof path, "%s-%d.journal", base, k);
        if (access(path, F_OK) == 0 && !same_contents(path, &b))
            continue; /* someone else's file: never replaced */
        st = write_or_reuse(path, &b, err);
        if (st == BH_OK && !(grp->path = strdup(path)))
            st = BH_ENOMEM;
        goto done;
    }
    st = err_set(err, BH_EIO, base, 0, "too many journals of that name already exist");
done:
    if (st == BH_ENOMEM)
        err_set(err, BH_ENOMEM, "", 0, "out of memory");
    ex_buf_free(&b);
    return st;
}

const char *ex_failures_dir(const ex_result *r, char *buf, size_t n)
{
    snprintf(buf, n, "explore-%s", r->defs->scenario.id ? r->defs->scenario.id : "scenario");
    if (r->failed && mkdir(buf, 0777) != 0 && errno != EEXIST)
        return "."; /* cannot make it: here, as before */
    return buf;
}

bh_status ex_save_failures(ex_result *r, const char *dir, int max, bh_err *err)
{
    const char *id = r->defs->scenario.id ? r->defs->scenario.id : "scenario";
    for (int i = 0, saved = 0; i < r->ngroups && saved < max; i++) {
        ex_group *grp = &r->groups[i];
        if (r->runs[grp->first].status != EX_FAILED || grp->path)
            continue; /* a crashed run has no journal: its seed and policy replay it */
        char base[4096];
        snprintf(base, sizeof base, "%s%sexplore-FAIL-%s-%llu", dir ? dir : "",
                 dir && dir[0] && dir[strlen(dir) - 1] != '/' ? "/" : "", id,
                 (unsigned long long)r->runs[grp->first].seed);
        bh_status st = save_one(r, grp, base, err);
        if (st != BH_OK)
            return st;
        saved++;
    }
    return BH_OK;
}
