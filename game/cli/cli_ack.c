/* cli_ack: acknowledgements of journal lines on a descriptor (see
 * cli_ack.h). The acknowledgement is written only after journal_append has
 * returned, and journal_append returns only after its fsync, so a number
 * read from the descriptor is a promise that the line is on disk; lines
 * after it may or may not be. Nothing here touches the journal itself. */
#include "cli/cli_ack.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"

int ack_parse_fd(const char *s, int *fd)
{
    uint64_t v;
    if (parse_u64(s, &v) != 0 || v > INT_MAX)
        return usage_error("--ack-fd wants a file descriptor number such as 3, not '%s'", s);
    if (v <= 1)
        return usage_error("--ack-fd %s: 0 is standard input and 1 is the transcript; open "
                           "another descriptor, e.g. 3>ACKS with --ack-fd 3", s);
    int fl = fcntl((int)v, F_GETFL);
    if (fl < 0)
        return usage_error("--ack-fd %s: that descriptor is not open; open it for the run, "
                           "e.g. 3>ACKS with --ack-fd 3", s);
    if ((fl & O_ACCMODE) == O_RDONLY)
        return usage_error("--ack-fd %s: that descriptor is open only for reading; open it "
                           "for writing, e.g. 3>ACKS with --ack-fd 3", s);
    *fd = (int)v;
    return 0;
}

/* One number and a newline in a single write where possible; a pipe or a
 * file takes 20 bytes whole, but a signal may still cut a write short. */
static bh_status ack_write(int fd, long line, bh_err *err)
{
    char buf[32];
    int n = snprintf(buf, sizeof buf, "%ld\n", line);
    for (int off = 0; off < n;) {
        ssize_t w = write(fd, buf + off, (size_t)(n - off));
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return err_set(err, BH_EIO, "", 0, "--ack-fd %d: cannot acknowledge journal line "
                           "%ld: %s", fd, line, w < 0 ? strerror(errno) : "nothing written");
        off += (int)w;
    }
    return BH_OK;
}

bh_status ack_header(int fd, const char *journal, long *line, bh_err *err)
{
    /* Counted rather than assumed, so a longer header stays right. */
    FILE *f = fopen(journal, "r");
    if (!f)
        return err_set(err, BH_EIO, journal, 0, "cannot read back the journal's header: %s",
                       strerror(errno));
    long n = 0;
    for (int c; (c = getc(f)) != EOF;)
        n += c == '\n';
    fclose(f);
    *line = n;
    return ack_write(fd, n, err);
}

bh_status ack_replay(bh_sim *s, bh_journal *j, const bh_plan *p, int fd, long *line,
                     bh_replay_result *res, bh_err *err)
{
    if (fd < 0 || !j)
        return session_replay(s, j, p, res, err);
    /* A view of one line at a time: session_replay stays the only replay
     * loop, and an applied line is a journaled line. */
    memset(res, 0, sizeof *res);
    for (size_t i = 0; i < p->n; i++) {
        bh_plan one = *p;
        one.v = p->v + i;
        one.n = one.cap = 1;
        bh_replay_result r;
        bh_status st = session_replay(s, j, &one, &r, err);
        if (r.skipped && !res->skipped)
            res->first_skipped_line = r.first_skipped_line;
        res->skipped += r.skipped;
        res->applied += r.applied;
        res->refused += r.refused;
        if (st != BH_OK)
            return st;
        if (r.applied && (st = ack_write(fd, ++*line, err)) != BH_OK)
            return st;
    }
    return BH_OK;
}
