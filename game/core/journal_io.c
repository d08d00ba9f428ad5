/* journal_io.c: writing journals, and recovering one a crash cut short
 * (see journal.h). Every write, fsync and ftruncate goes through `io`, which
 * tests replace to make them fail; the indirect call costs nothing next to
 * the fsync it stands beside. */
#include "core/journal.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/mem.h"
#include "core/text.h"

static const journal_io sys_io = {write, fsync, ftruncate};
static const journal_io *io = &sys_io;

void journal_set_io(const journal_io *ops)
{
    io = ops ? ops : &sys_io;
}

/* 0, or the errno of the write that failed (a short write is retried). */
static int write_bytes(int fd, const char *buf, size_t n)
{
    while (n > 0) {
        ssize_t w = io->write(fd, buf, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return w < 0 ? errno : EIO;
        buf += w;
        n -= (size_t)w;
    }
    return 0;
}

/* Take off whatever a failed append left after the last whole line. */
static int cut_back(bh_journal *j)
{
    j->torn = !(io->ftruncate(j->fd, (off_t)j->size) == 0 && io->fsync(j->fd) == 0);
    return j->torn ? -1 : 0;
}

/* A new file's name lives in its directory: sync that too, or a crash can
 * lose the whole journal even though its contents were flushed. */
static void sync_dir_of(const char *path)
{
    char copy[PATH_MAX];
    if (snprintf(copy, sizeof copy, "%s", path) >= (int)sizeof copy)
        return;
    int fd = open(dirname(copy), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
}

static bh_status create_error(const char *path, int e, bh_err *err)
{
    if (e == EEXIST)
        return err_set(err, BH_EIO, path, 0,
                       "already exists; journals are never overwritten: choose another "
                       "name or remove it");
    return err_set(err, BH_EIO, path, 0, "cannot create: %s", strerror(e));
}

/* Where hard links are not to be had (some removable and network file
 * systems), create in place: a kill before the header is written then
 * leaves an empty file, which reads as an empty session. */
static int create_in_place(const char *path, const char *head, size_t n)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0)
        return -1;
    int e = write_bytes(fd, head, n);
    if (!e && io->fsync(fd) != 0)
        e = errno;
    if (e) {
        close(fd);
        unlink(path);
        errno = e;
        return -1;
    }
    return fd;
}

/* The header goes into a temporary file in the same folder, is synced,
 * and only then gets the journal's name: link() refuses to replace an
 * existing file, which rename() would not. */
static int create_whole(const char *path, const char *head, size_t n)
{
    static unsigned serial;
    char tmp[PATH_MAX];
    int fd = -1;
    for (int tries = 0; fd < 0 && tries < 100; tries++) {
        if (snprintf(tmp, sizeof tmp, "%s.new-%ld-%u", path, (long)getpid(), serial++) >=
            (int)sizeof tmp) {
            errno = ENAMETOOLONG;
            return -1;
        }
        fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0644);
        if (fd < 0 && errno != EEXIST)
            return -1;
    }
    if (fd < 0)
        return -1;
    int e = write_bytes(fd, head, n);
    if (!e && io->fsync(fd) != 0)
        e = errno;
    if (!e && link(tmp, path) != 0)
        e = errno;
    unlink(tmp);
    if (e) {
        close(fd);
        if (e == EPERM || e == ENOSYS || e == EOPNOTSUPP || e == ENOTSUP || e == EMLINK)
            return create_in_place(path, head, n);
        errno = e;
        return -1;
    }
    return fd;
}

bh_status journal_create(bh_journal *j, const char *path, const char *scenario,
                         uint64_t seed, bh_err *err)
{
    bh_jhead head = {.scenario = scenario, .seed = seed};
    return journal_create_head(j, path, &head, err);
}

bh_status journal_create_head(bh_journal *j, const char *path, const bh_jhead *h,
                              bh_err *err)
{
    memset(j, 0, sizeof *j);
    j->fd = -1;
    if (strchr(h->scenario, '\n'))
        return err_set(err, BH_EUSAGE, path, 0, "the scenario's path contains a newline");
    if (h->cut && (!h->cut[0] || strlen(h->cut) > 64 || strpbrk(h->cut, " \t\n\\")))
        return err_set(err, BH_EUSAGE, path, 0, "'%.64s' is not a cut id", h->cut);
    char head[JOURNAL_MAX_LINE + 200];
    int n = snprintf(head, sizeof head,
                     JOURNAL_HEADER ": inputs with their simulated times.\n"
                     "scenario %s\nseed %llu\n%s%.64s%s%s",
                     h->scenario, (unsigned long long)h->seed, h->cut ? "cut " : "",
                     h->cut ? h->cut : "", h->cut ? "\n" : "",
                     h->workshop ? "mode workshop\n" : "");
    if (n < 0 || n >= (int)sizeof head)
        return err_set(err, BH_EUSAGE, path, 0, "the scenario's path is too long");
    if (!(j->path = mem_strdup(path)))
        return err_set(err, BH_ENOMEM, path, 0, "out of memory");
    j->fd = create_whole(path, head, (size_t)n);
    if (j->fd < 0) {
        int e = errno;
        free(j->path);
        j->path = NULL;
        return create_error(path, e, err);
    }
    j->size = n;
    sync_dir_of(path);
    return BH_OK;
}

/* Open to append; with `tail`, first cut off the torn line it describes.
 * The path is copied before the file is touched, so running out of memory
 * leaves the journal as it was. */
bh_status journal_open_recover(bh_journal *j, const char *path, const bh_jtail *tail,
                               bh_err *err)
{
    memset(j, 0, sizeof *j);
    j->fd = -1;
    if (!(j->path = mem_strdup(path)))
        return err_set(err, BH_ENOMEM, path, 0, "out of memory");
    j->fd = open(path, O_RDWR | O_APPEND | O_CLOEXEC);
    struct stat sb;
    char last = '\n';
    bh_status st = BH_OK;
    if (j->fd < 0 || fstat(j->fd, &sb) != 0)
        st = err_set(err, BH_EIO, path, 0, "cannot open for appending: %s", strerror(errno));
    else if (tail && tail->keep < tail->size && sb.st_size != tail->size)
        st = err_set(err, BH_EIO, path, 0,
                     "changed while its torn last line was being removed; try again");
    else if (tail && tail->keep < tail->size &&
             (io->ftruncate(j->fd, (off_t)tail->keep) != 0 || io->fsync(j->fd) != 0))
        st = err_set(err, BH_EIO, path, tail->line, "cannot remove the torn last line: %s",
                     strerror(errno));
    else if (tail && tail->keep < tail->size)
        sb.st_size = (off_t)tail->keep;
    if (st == BH_OK && sb.st_size > 0 && pread(j->fd, &last, 1, sb.st_size - 1) != 1)
        st = err_set(err, BH_EIO, path, 0, "cannot open for appending: %s", strerror(errno));
    if (st != BH_OK) {
        journal_close(j);
        return st;
    }
    j->size = sb.st_size;
    if (last == '\n')
        return BH_OK;
    /* The next input would glue onto a line without its newline. In a
     * journal the engine wrote, that line was cut off and must go; a plan
     * written by hand may just end without one, so finish its line. */
    char head[sizeof JOURNAL_HEADER - 1];
    if (pread(j->fd, head, sizeof head, 0) == (ssize_t)sizeof head &&
        memcmp(head, JOURNAL_HEADER, sizeof head) == 0) {
        journal_close(j);
        return err_set(err, BH_EJOURNAL, path, 0,
                       "the last line is incomplete; it must be removed before anything is "
                       "added (Continue in the game does that)");
    }
    int e = write_bytes(j->fd, "\n", 1);
    if (e || io->fsync(j->fd) != 0) {
        err_set(err, BH_EIO, path, 0, "cannot finish its last line: %s",
                strerror(e ? e : errno));
        journal_close(j);
        return BH_EIO;
    }
    j->size++;
    return BH_OK;
}

bh_status journal_open_append(bh_journal *j, const char *path, bh_err *err)
{
    return journal_open_recover(j, path, NULL, err);
}

/* The line an error names, printable (a note may hold anything). */
static const char *shown_as(const char *line, int n, char *out, size_t size)
{
    text_sanitize(line, (size_t)n, out, size);
    return out;
}

bh_status journal_append(bh_journal *j, const bh_defs *d, const bh_input *in, bh_err *err)
{
    char line[JOURNAL_MAX_LINE + 2], shown[80];
    int n = journal_format(d, in, line, JOURNAL_MAX_LINE);
    if (n < 0 || n >= JOURNAL_MAX_LINE)
        return err_set(err, BH_EINPUT, j->path, 0,
                       "this input does not fit on one journal line; it was not applied");
    if (j->torn && cut_back(j) != 0)
        return err_set(err, BH_EIO, j->path, 0,
                       "part of an earlier input that could not be recorded is still in the "
                       "journal and cannot be removed (%s), so '%s' was not applied either. "
                       "Quit and Continue the session: that part is dropped then",
                       strerror(errno), shown_as(line, n, shown, sizeof shown));
    line[n] = '\n';
    const char *what = "write to the journal";
    int e = write_bytes(j->fd, line, (size_t)n + 1);
    if (!e && io->fsync(j->fd) != 0) {
        e = errno;
        what = "flush the journal to disk";
    }
    if (e) {
        cut_back(j);
        return err_set(err, BH_EIO, j->path, 0,
                       "cannot %s (%s): '%s' was not applied%s", what, strerror(e),
                       shown_as(line, n, shown, sizeof shown), j->torn ? "; the journal cannot take more inputs" : "");
    }
    j->size += n + 1;
    return BH_OK;
}

void journal_close(bh_journal *j)
{
    if (j->fd >= 0)
        close(j->fd);
    j->fd = -1;
    free(j->path);
    j->path = NULL;
}

/* ---- recovery ---- */

static int count_lines(const char *s, size_t n)
{
    int k = 0;
    for (const char *p = s; (p = memchr(p, '\n', n - (size_t)(p - s))); p++)
        k++;
    return k;
}

/* Where the last line of text[0..n) starts. */
static size_t last_line_at(const char *text, size_t n)
{
    while (n > 0 && text[n - 1] != '\n')
        n--;
    return n;
}

bh_status journal_read_recover(const char *path, bh_plan *out, bh_jtail *tail, bh_err *err)
{
    memset(out, 0, sizeof *out);
    memset(tail, 0, sizeof *tail);
    char *text = NULL;
    size_t len = 0, keep;
    bh_status st = text_read_file(path, JOURNAL_MAX_BYTES, &text, &len, err);
    if (st != BH_OK)
        return st;
    size_t hl = strlen(JOURNAL_HEADER);
    int ours = len >= hl && memcmp(text, JOURNAL_HEADER, hl) == 0;
    if (ours && text[len - 1] != '\n') {
        keep = last_line_at(text, len); /* never finished, so never acknowledged */
    } else {
        st = journal_parse(path, text, len, out, err);
        keep = len;
        /* Only the last line, only in a file we wrote, only when it does not
         * parse at all: an input that no longer fits the scenario is the
         * scenario's business, and stays an error. */
        if (ours && st == BH_EJOURNAL && err->line == count_lines(text, len)) {
            journal_plan_free(out);
            keep = last_line_at(text, len - 1);
        }
    }
    if (keep < len) {
        tail->keep = (long long)keep;
        tail->line = count_lines(text, keep) + 1;
        size_t n = len - keep - (text[len - 1] == '\n');
        text_sanitize(text + keep, n < 60 ? n : 60, tail->text, sizeof tail->text);
        if (n > 60)
            snprintf(tail->text + strlen(tail->text), sizeof tail->text - strlen(tail->text),
                     "...");
        st = journal_parse(path, text, keep, out, err);
    }
    tail->size = (long long)len;
    if (tail->line == 0)
        tail->keep = tail->size;
    free(text);
    return st;
}

bh_status journal_cut(const char *path, const bh_jtail *tail, bh_err *err)
{
    bh_journal j;
    bh_status st = journal_open_recover(&j, path, tail, err);
    journal_close(&j);
    return st;
}
