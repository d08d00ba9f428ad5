/* play_files.c: the small files beside a session's journal (see
 * play_internal.h): DATA_DIR/last, JOURNAL.clock, JOURNAL.read and
 * JOURNAL.agenda, each replaced atomically, and the path helpers they
 * need. */
#include "ui/play_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/text.h"

#define SMALL_FILE_MAX 4096

/* "a/b" into out; -1 when it does not fit. */
int play_join(char *out, size_t n, const char *a, const char *b)
{
    int len = snprintf(out, n, "%s/%s", a, b);
    return len < 0 || (size_t)len >= n ? -1 : 0;
}

/* A renamed or removed name lives in its directory: sync that too, or a
 * crash can undo the rename even though the contents were flushed. */
void play_sync_dir_of(const char *path)
{
    char copy[PLAY_PATH_MAX + 8];
    snprintf(copy, sizeof copy, "%s", path);
    int fd = open(dirname(copy), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
}

/* Replace `path` with `text` so that a crash leaves the old file or the new
 * one, never half of either. */
bh_status play_write_atomic(const char *path, const char *text, bh_err *err)
{
    char tmp[PLAY_PATH_MAX + 8];
    if (snprintf(tmp, sizeof tmp, "%s.tmp", path) >= (int)sizeof tmp)
        return err_set(err, BH_EIO, path, 0, "the path is too long");
    FILE *f = fopen(tmp, "w");
    if (!f)
        return err_set(err, BH_EIO, tmp, 0, "cannot create: %s", strerror(errno));
    int bad = fputs(text, f) < 0 || fflush(f) != 0 || fsync(fileno(f)) != 0;
    bad |= fclose(f) != 0;
    if (bad || rename(tmp, path) != 0) {
        int e = errno;
        unlink(tmp);
        return err_set(err, BH_EIO, path, 0, "cannot save: %s", strerror(e));
    }
    play_sync_dir_of(path);
    return BH_OK;
}

/* The first line of a small file, without its newline; -1 when unreadable. */
int play_read_line(const char *path, char *out, size_t n)
{
    char *text = NULL;
    size_t len = 0;
    bh_err e;
    if (text_read_file(path, SMALL_FILE_MAX, &text, &len, &e) != BH_OK)
        return -1;
    len = strcspn(text, "\n");
    int rc = len > 0 && len < n ? 0 : -1;
    if (rc == 0) {
        memcpy(out, text, len);
        out[len] = '\0';
    }
    free(text);
    return rc;
}

bh_status play_mkdir_p(const char *dir, bh_err *err)
{
    char buf[PLAY_PATH_MAX];
    if (!dir[0] || snprintf(buf, sizeof buf, "%s", dir) >= (int)sizeof buf)
        return err_set(err, BH_EIO, dir, 0, "not a usable folder path");
    for (char *s = strchr(buf + 1, '/');; s = strchr(s + 1, '/')) {
        if (s)
            *s = '\0';
        if (mkdir(buf, 0755) != 0 && errno != EEXIST)
            return err_set(err, BH_EIO, buf, 0, "cannot make the folder: %s", strerror(errno));
        if (!s)
            return BH_OK;
        *s = '/';
    }
}

bh_status play_absolute(const char *path, char *out, size_t n, bh_err *err)
{
    char *real = realpath(path, NULL);
    if (!real)
        return err_set(err, BH_EIO, path, 0, "cannot resolve the path: %s", strerror(errno));
    bh_status st = BH_OK;
    if (strlen(real) >= n)
        st = err_set(err, BH_EIO, path, 0, "the path is too long");
    else
        memcpy(out, real, strlen(real) + 1);
    free(real);
    return st;
}

/* The clock file holds a decimal time; anything else is ignored, because
 * the journal, not this file, is the truth. */
int play_read_clock(const char *journal, bh_time *out)
{
    char path[PLAY_PATH_MAX + 8], line[64];
    if (snprintf(path, sizeof path, "%s.clock", journal) >= (int)sizeof path ||
        play_read_line(path, line, sizeof line) != 0)
        return -1;
    char *end;
    errno = 0;
    long long v = strtoll(line, &end, 10);
    if (errno || *end || end == line || line[0] == '-' || v > DUR_MAX)
        return -1;
    *out = (bh_time)v;
    return 0;
}

/* ---- JOURNAL.agenda ---- */

/* Whole seconds, as an integer: no locale can change how it reads. */
#define AGENDA_MAX_SECONDS 1e12

bh_status play_agenda_save(play *p, bh_err *err)
{
    char path[PLAY_PATH_MAX + 8], text[32];
    p->real_since_agenda = 0; /* a failed write is retried later, not every frame */
    if (!p->journal_path[0])
        return BH_OK;
    if (snprintf(path, sizeof path, "%s.agenda", p->journal_path) >= (int)sizeof path)
        return err_set(err, BH_EIO, p->journal_path, 0, "the path is too long");
    double used = p->real_used < AGENDA_MAX_SECONDS ? p->real_used : AGENDA_MAX_SECONDS;
    snprintf(text, sizeof text, "%lld\n", (long long)used);
    return play_write_atomic(path, text, err);
}

void play_agenda_load(play *p)
{
    char path[PLAY_PATH_MAX + 8], line[64], *end;
    if (snprintf(path, sizeof path, "%s.agenda", p->journal_path) >= (int)sizeof path ||
        play_read_line(path, line, sizeof line) != 0)
        return;
    errno = 0;
    long long v = strtoll(line, &end, 10);
    if (!errno && end != line && !*end && v >= 0 && v <= (long long)AGENDA_MAX_SECONDS)
        p->real_used = (double)v;
}

/* ---- JOURNAL.read ---- */

#define READ_HEADER "# Bulkhead: inbox messages read, as position and inject id\n"
#define READ_MAX_BYTES (1 << 20)

static int read_path(const play *p, char *out, size_t n)
{
    return snprintf(out, n, "%s.read", p->journal_path) >= (int)n ? -1 : 0;
}

bh_status play_read_save(const play *p, bh_err *err)
{
    char path[PLAY_PATH_MAX + 8];
    if (!p->sim || read_path(p, path, sizeof path) != 0)
        return err_set(err, BH_EIO, p->journal_path, 0, "the path is too long");
    size_t n;
    const bh_inbox_item *it = sim_inbox(p->sim, &n);
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    if (!f)
        return err_set(err, BH_ENOMEM, path, 0, "out of memory");
    fputs(READ_HEADER, f);
    for (size_t k = 0; k < p->nread && k < n; k++)
        if (p->read[k])
            fprintf(f, "%zu %s\n", k, sim_inbox_def(p->sim, &it[k])->id);
    bh_status st = fclose(f) == 0 && text ? play_write_atomic(path, text, err)
                                          : err_set(err, BH_ENOMEM, path, 0, "out of memory");
    free(text);
    return st;
}

/* "POSITION ID" with nothing else; 0 when the line is not that. */
static int parse_read_line(char *line, size_t *k, char **id)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(line, &end, 10);
    if (errno || end == line || line[0] == '-' || *end != ' ' || v > 1000000)
        return 0;
    *k = (size_t)v;
    *id = end + 1;
    return **id && !strpbrk(*id, " \t\r");
}

void play_read_load(play *p)
{
    char path[PLAY_PATH_MAX + 8], *text = NULL;
    size_t len = 0, n;
    bh_err e;
    if (!p->sim || read_path(p, path, sizeof path) != 0 ||
        text_read_file(path, READ_MAX_BYTES, &text, &len, &e) != BH_OK)
        return;
    const bh_inbox_item *it = sim_inbox(p->sim, &n);
    unsigned char *read = calloc(n ? n : 1, 1);
    int ok = read != NULL && len > 0 && text[len - 1] == '\n' && !memchr(text, '\0', len);
    for (char *line = text, *nl; ok && (nl = strchr(line, '\n')); line = nl + 1) {
        *nl = '\0';
        size_t k;
        char *id;
        if (line[0] == '#')
            continue;
        if (!parse_read_line(line, &k, &id))
            ok = 0; /* damaged: trust none of it */
        else if (k < n && strcmp(sim_inbox_def(p->sim, &it[k])->id, id) == 0)
            read[k] = 1; /* else that message is not where it was: leave it new */
    }
    free(text);
    if (!ok) {
        free(read);
        return;
    }
    free(p->read);
    p->read = read;
    p->nread = n;
}
