/* ex_pool.c: the runs, shared among worker processes.
 *
 * The caller has loaded the scenario once (for its definitions) and forks
 * the workers from that state. For every run it owns, a worker gives the
 * session a Lua state nobody has used: with EX_ISO_REWIND it loads the
 * scenario once more into a rewindable heap, keeps that state (lh_save)
 * and puts it back (lh_rewind) after every session; with EX_ISO_RELOAD it
 * loads the scenario afresh; with EX_ISO_FORK it forks again and the
 * session runs in that grandchild, on a copy-on-write snapshot of the
 * pristine loaded state, sending its record back before it exits (a
 * session that crashes then takes only itself down, and is reported as
 * crashed). Every way, no session can see what an earlier one left in Lua
 * locals or upvalues.
 *
 * Runs go to workers in blocks of up to EX_BLOCK, each worker taking the
 * next block when it is free (a counter in memory the workers share), so
 * a worker that drew long sessions does not hold the others up; small
 * batches (a search's replays) get blocks of one. Records come back over
 * one pipe per worker, read as they arrive with poll(); their order does
 * not matter, because the caller files each under its run index. */
#include "explore/ex_internal.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define EX_BLOCK 8

static int write_all(int fd, const char *p, size_t n)
{
    while (n) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* Read until the other end closes; -1 on a read error or no memory. */
static int read_all(int fd, ex_buf *b)
{
    char chunk[16384];
    for (;;) {
        ssize_t r = read(fd, chunk, sizeof chunk);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return -1;
        if (r == 0)
            return 0;
        if (ex_buf_add(b, chunk, (size_t)r) != 0)
            return -1;
    }
}

static pid_t wait_for(pid_t pid, int *status)
{
    pid_t r;
    while ((r = waitpid(pid, status, 0)) < 0 && errno == EINTR)
        ;
    return r;
}

/* One run in a process of its own, forked from the loaded scenario.
 * `results` is the worker's pipe to the caller, which the session's
 * process must not hold open (the caller waits for it to close). */
static int run_forked(const ex_opts *o, lh_host *h, int run, int results, ex_buf *out)
{
    int fds[2];
    if (pipe(fds) != 0)
        return -1;
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return -1;
    }
    if (pid == 0) {
        close(fds[0]);
        close(results);
        ex_buf b = {0};
        int ok = ex_play(o, h, run, &b) == 0 && write_all(fds[1], b.p, b.n) == 0;
        _exit(ok ? 0 : 3); /* no exit handlers: the parent's stdio is not ours to flush */
    }
    close(fds[1]);
    size_t start = out->n;
    int rd = read_all(fds[0], out);
    close(fds[0]);
    int status = 0;
    if (wait_for(pid, &status) < 0)
        return -1;
    size_t got = out->n - start;
    if (rd == 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0 && got &&
        ex_rec_size(out->p + start, got) == got)
        return 0;
    out->n = start;
    char why[160];
    if (WIFSIGNALED(status))
        snprintf(why, sizeof why, "the session's process died of signal %d (%s)",
                 WTERMSIG(status), strsignal(WTERMSIG(status)));
    else
        snprintf(why, sizeof why, "the session's process stopped without a result (exit %d)",
                 WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    return ex_play_crashed(o, lh_defs(h), run, why, out);
}

/* One run on a fresh load of the scenario, in the worker itself. */
static int run_reloaded(const ex_opts *o, const bh_defs *d, int run, ex_buf *out)
{
    lh_diags dg = {0};
    lh_host *h = NULL;
    lh_load(o->scenario, &o->lua, &h, &dg);
    int rc = h && lh_defs(h)->nmeters == d->nmeters && lh_defs(h)->nactions == d->nactions
                 ? ex_play(o, h, run, out)
                 : ex_play_crashed(o, d, run, "the scenario did not load the same way again", out);
    lh_free(h);
    lh_diags_free(&dg);
    return rc;
}

/* The worker's own rewindable load, kept as loaded; NULL when that load
 * did not come out as the caller's did (every run then says so). */
static lh_host *load_rewindable(const ex_opts *o, const bh_defs *d)
{
    lh_diags dg = {0};
    lh_host *h = NULL;
    lh_opts lo = o->lua;
    lo.rewindable = 1;
    lh_load(o->scenario, &lo, &h, &dg);
    lh_diags_free(&dg);
    if (h && (lh_defs(h)->nmeters != d->nmeters || lh_defs(h)->nactions != d->nactions ||
              lh_save(h) != BH_OK)) {
        lh_free(h);
        h = NULL;
    }
    return h;
}

/* One run on the rewound state, which is rewound again after it. */
static int run_rewound(const ex_opts *o, lh_host *rw, const bh_defs *d, int run, ex_buf *out)
{
    if (!rw)
        return ex_play_crashed(o, d, run, "the scenario did not load the same way again", out);
    int rc = ex_play(o, rw, run, out);
    lh_rewind(rw);
    return rc;
}

static int worker_main(const ex_opts *o, lh_host *h, int block, long *next, int fd)
{
    ex_buf b = {0};
    int rc = 0;
    lh_host *rw = o->isolation == EX_ISO_REWIND ? load_rewindable(o, lh_defs(h)) : NULL;
    for (long blk; rc == 0 && (blk = __atomic_fetch_add(next, 1, __ATOMIC_RELAXED)) * block <
                                  o->runs;) {
        int end = (int)(blk * block + block < o->runs ? blk * block + block : o->runs);
        /* a block's records go in one write: a write per run was a tenth
         * of the time with sessions this quick */
        b.n = 0;
        for (int run = (int)(blk * block); rc == 0 && run < end; run++)
            rc = o->isolation == EX_ISO_REWIND   ? run_rewound(o, rw, lh_defs(h), run, &b)
                 : o->isolation == EX_ISO_RELOAD ? run_reloaded(o, lh_defs(h), run, &b)
                                                 : run_forked(o, h, run, fd, &b);
        if (rc == 0)
            rc = write_all(fd, b.p, b.n);
    }
    ex_buf_free(&b);
    lh_free(rw);
    return rc == 0 ? 0 : 1;
}

typedef struct feed {
    int fd;     /* read end, -1 once closed */
    pid_t pid;  /* the worker, 0 once reaped */
    ex_buf buf;
} feed;

/* Hand every complete record in f's buffer to the sink. */
static int drain(feed *f, const bh_defs *d, ex_sink sink, void *ud)
{
    size_t off = 0, size;
    int rc = 0;
    while (rc == 0 && (size = ex_rec_size(f->buf.p + off, f->buf.n - off)) != 0 &&
           size <= f->buf.n - off) {
        ex_rec r;
        rc = ex_rec_decode(f->buf.p + off, size, d, &r) == 0 ? sink(ud, &r) : -2;
        off += size;
    }
    memmove(f->buf.p, f->buf.p + off, f->buf.n - off); /* keeps the next record aligned */
    f->buf.n -= off;
    return rc;
}

static int start_workers(const ex_opts *o, lh_host *h, feed *f, int workers, long *next)
{
    int block = o->runs / (workers * 4);
    block = block < 1 ? 1 : block > EX_BLOCK ? EX_BLOCK : block;
    for (int w = 0; w < workers; w++) {
        int fds[2];
        if (pipe(fds) != 0)
            return -1;
        pid_t pid = fork();
        if (pid < 0) {
            close(fds[0]);
            close(fds[1]);
            return -1;
        }
        if (pid == 0) {
            close(fds[0]);
            for (int k = 0; k < w; k++)
                close(f[k].fd);
            _exit(worker_main(o, h, block, next, fds[1]));
        }
        close(fds[1]);
        f[w].fd = fds[0];
        f[w].pid = pid;
    }
    return 0;
}

/* Read records until every worker has closed its pipe. */
static int collect(feed *f, int workers, const bh_defs *d, ex_sink sink, void *ud)
{
    struct pollfd pfd[EX_MAX_WORKERS];
    for (;;) {
        int n = 0;
        for (int w = 0; w < workers; w++)
            if (f[w].fd >= 0)
                pfd[n++] = (struct pollfd){f[w].fd, POLLIN, 0};
        if (!n)
            return 0;
        if (poll(pfd, (nfds_t)n, -1) < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        for (int w = 0, k = 0; w < workers; w++) {
            if (f[w].fd < 0 || !(pfd[k++].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            char chunk[65536];
            ssize_t r = read(f[w].fd, chunk, sizeof chunk);
            if (r < 0 && errno == EINTR)
                continue;
            if (r <= 0) {
                close(f[w].fd);
                f[w].fd = -1;
                if (r < 0 || f[w].buf.n) /* a half record: the worker died mid-write */
                    return -2;
                continue;
            }
            if (ex_buf_add(&f[w].buf, chunk, (size_t)r) != 0)
                return -1;
            int rc = drain(&f[w], d, sink, ud);
            if (rc != 0)
                return rc;
        }
    }
}

bh_status ex_pool_run(const ex_opts *o, lh_host *h, int workers, ex_sink sink, void *ud,
                      bh_err *err)
{
    feed f[EX_MAX_WORKERS];
    for (int w = 0; w < EX_MAX_WORKERS; w++)
        f[w] = (feed){.fd = -1};
    if (workers < 1 || workers > EX_MAX_WORKERS)
        return err_set(err, BH_EUSAGE, "", 0, "workers must be from 1 to %d", EX_MAX_WORKERS);
    fflush(NULL); /* nothing buffered may be written twice by a child */
    long *next = mmap(NULL, sizeof *next, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
                      -1, 0);
    if (next == MAP_FAILED)
        return err_set(err, BH_EIO, "", 0, "cannot share the run counter: %s", strerror(errno));
    *next = 0;
    int rc = start_workers(o, h, f, workers, next);
    if (rc == 0)
        rc = collect(f, workers, lh_defs(h), sink, ud);
    int died = 0;
    for (int w = 0; w < workers; w++) {
        if (f[w].fd >= 0)
            close(f[w].fd);
        if (rc != 0 && f[w].pid > 0)
            kill(f[w].pid, SIGKILL); /* our own worker, by its id: the results are moot */
        int status = 0;
        if (f[w].pid > 0 && wait_for(f[w].pid, &status) > 0 &&
            !(WIFEXITED(status) && WEXITSTATUS(status) == 0))
            died = 1;
        ex_buf_free(&f[w].buf);
    }
    munmap(next, sizeof *next);
    if (rc == -1)
        return err_set(err, BH_EIO, "", 0, "cannot run the workers: %s", strerror(errno));
    if (rc == -2)
        return err_set(err, BH_EIO, "", 0, "a worker sent a malformed result");
    if (rc != 0)
        return err_set(err, BH_ENOMEM, "", 0, "out of memory gathering the results");
    if (died)
        return err_set(err, BH_EIO, "", 0, "a worker process stopped before finishing its runs");
    return BH_OK;
}

bh_status ex_run_cands(const ex_result *r, const ex_cand *c, int n, ex_sink sink, void *ud,
                       bh_err *err)
{
    ex_opts o = r->opts;
    o.runs = n;
    o.cands = c;
    o.progress = NULL;
    o.keep_journals = 0;
    return ex_pool_run(&o, r->host, r->workers < n ? r->workers : n, sink, ud, err);
}
