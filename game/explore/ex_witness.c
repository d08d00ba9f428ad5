/* ex_witness.c: what the search looks for, and the plans that prove it.
 *
 * A target is an ending, an inject or a decision's option. For each one
 * the search keeps the run with the fewest inputs that reached it. With
 * opts.witness that run is cut down to a witness: inputs are dropped, in
 * halves, then quarters, down to one at a time, and a drop is kept when a
 * replay of what is left (the same seed, nobody else acting) still reaches
 * the target. What remains is 1-minimal: dropping any one input more
 * loses it. The replays of all targets go out together, one attempt per
 * target per round, so cutting down costs rounds of the longest plan, not
 * their sum. The witness is the journal of the last replay that reached
 * the target: only inputs the session took, only the players' own (start,
 * cancel, choose), so `bulkhead run` reproduces it line for line. */
#include "explore/ex_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/journal.h"

size_t ex_nfeatures(const bh_defs *d)
{
    return d->ninjects + d->nactions + ex_noptions(d) + d->ndecisions + d->nendings;
}

size_t ex_feature(const bh_defs *d, ex_feat kind, size_t i)
{
    size_t at[] = {0, d->ninjects, d->ninjects + d->nactions,
                   d->ninjects + d->nactions + ex_noptions(d),
                   d->ninjects + d->nactions + ex_noptions(d) + d->ndecisions};
    return at[kind] + i;
}

int ex_targets_init(ex_result *r, double t0)
{
    const bh_defs *d = r->defs;
    size_t n = d->nendings + d->ninjects + ex_noptions(d);
    r->search_t0 = t0;
    r->targets = calloc(n + 1, sizeof *r->targets);
    if (!r->targets)
        return -1;
    ex_target *t = r->targets;
    for (size_t i = 0; i < d->nendings; i++)
        *t++ = (ex_target){.kind = EX_T_ENDING, .index = (int)i, .decision = -1, .option = -1,
                           .feature = ex_feature(d, EX_F_ENDING, i), .run = -1, .cut = -1};
    for (size_t i = 0; i < d->ninjects; i++)
        *t++ = (ex_target){.kind = EX_T_INJECT, .index = (int)i, .decision = -1, .option = -1,
                           .feature = ex_feature(d, EX_F_INJECT, i), .run = -1, .cut = -1};
    for (size_t i = 0, k = 0; i < d->ndecisions; i++)
        for (size_t o = 0; o < d->decisions[i].noptions; o++, k++)
            *t++ = (ex_target){.kind = EX_T_OPTION, .index = (int)k, .decision = (int)i,
                               .option = (int)o, .feature = ex_feature(d, EX_F_OPTION, k),
                               .run = -1, .cut = -1};
    r->ntargets = (int)n;
    return 0;
}

int ex_target_seen(ex_result *r, int run, int status, const unsigned char *hit,
                   const char *journal, uint64_t seed, int cut, int inputs, double now)
{
    for (int i = 0; i < r->ntargets; i++) {
        ex_target *t = &r->targets[i];
        if (!hit[t->feature] || status != EX_ENDED || !journal)
            continue;
        t->runs++;
        if (t->run < 0) {
            t->run = run;
            t->at = now - r->search_t0;
        }
        if (t->best && inputs >= t->best_inputs)
            continue;
        char *copy = strdup(journal);
        if (!copy)
            return -1;
        free(t->best);
        t->best = copy;
        t->best_inputs = inputs;
        t->seed = seed;
        t->cut = cut;
    }
    return 0;
}

/* One target being cut down. */
typedef struct cutting {
    const ex_result *r;
    ex_target *t;
    ex_step *v;          /* what is left */
    int n, chunk, pos;   /* try without v[pos .. pos+chunk) */
    int first;           /* the first attempt replays it whole: is it reproducible? */
    int done;
} cutting;

typedef struct round {
    cutting **who;       /* per candidate of this round */
    int n;
    int *ok;             /* per candidate: the target was reached */
    char **journal;      /* per candidate: its journal, when ok */
    const ex_result *r;
} round;

static int reached(const ex_target *t, const ex_rec *x)
{
    if (x->status != EX_ENDED)
        return 0;
    switch (t->kind) {
    case EX_T_ENDING: return x->ending == t->index;
    case EX_T_INJECT: return x->fired[t->index] != 0;
    default: return x->chosen[t->index] != 0;
    }
}

static int take(void *ud, const ex_rec *x)
{
    round *R = ud;
    if (x->run < 0 || x->run >= R->n)
        return -2;
    R->ok[x->run] = reached(R->who[x->run]->t, x);
    if (R->ok[x->run] && !(R->journal[x->run] = strdup(x->journal)))
        return -3;
    return 0;
}

int ex_steps_parse(const bh_defs *d, const char *journal, int max, ex_step **out, int *n)
{
    bh_plan p = {0};
    bh_err err;
    err_clear(&err);
    *out = NULL;
    *n = 0;
    if (journal_parse("(search)", journal, strlen(journal), &p, &err) != BH_OK) {
        journal_plan_free(&p);
        return -1;
    }
    ex_step *v = calloc(p.n + 1, sizeof *v);
    for (size_t i = 0; v && i < p.n && *n < max; i++) {
        bh_input in;
        if (journal_resolve(&p, &p.v[i], d, &in, &err) == BH_OK &&
            (in.kind == IN_START || in.kind == IN_CANCEL || in.kind == IN_CHOOSE))
            v[(*n)++] = (ex_step){in.time, in.kind, in.a, in.b};
    }
    journal_plan_free(&p);
    *out = v;
    return v ? 0 : -1;
}

/* The attempt of c: v without [pos, pos+chunk), or all of v the first time. */
static int attempt(const cutting *c, ex_step *dst)
{
    if (c->first) {
        memcpy(dst, c->v, (size_t)c->n * sizeof *dst);
        return c->n;
    }
    int end = c->pos + c->chunk > c->n ? c->n : c->pos + c->chunk;
    memcpy(dst, c->v, (size_t)c->pos * sizeof *dst);
    memcpy(dst + c->pos, c->v + end, (size_t)(c->n - end) * sizeof *dst);
    return c->n - (end - c->pos);
}

/* After an attempt: keep the drop or move on; halve the chunk at the end. */
static int advance(cutting *c, int ok, char **journal)
{
    if (ok) {
        free(c->t->witness);
        c->t->witness = *journal;
        *journal = NULL;
        c->t->reproduced = 1;
        free(c->v);
        if (ex_steps_parse(c->r->defs, c->t->witness, INT_MAX, &c->v, &c->n) != 0)
            return -1;
    }
    if (c->first) {
        c->first = 0;
        if (!ok) {
            c->done = 1; /* it does not replay alone: said in the report */
            return 0;
        }
        c->chunk = c->n; /* nothing at all, first: many things need no input */
        c->pos = 0;
    } else if (!ok) {
        c->pos += c->chunk;
    }
    if (c->pos >= c->n) {
        if (c->chunk <= 1)
            c->done = 1;
        c->chunk = c->chunk > 1 ? c->chunk / 2 : 1;
        c->pos = 0;
    }
    if (!c->n)
        c->done = 1;
    return 0;
}

bh_status ex_minimize(ex_result *r, bh_err *err)
{
    double t0 = ex_mono_s();
    int n = 0, total = 0;
    cutting *cs = calloc((size_t)r->ntargets + 1, sizeof *cs);
    if (!cs)
        return err_set(err, BH_ENOMEM, "", 0, "out of memory");
    bh_status st = BH_ENOMEM;
    for (int i = 0; i < r->ntargets; i++) {
        ex_target *t = &r->targets[i];
        if (!t->best)
            continue;
        cutting *c = &cs[n++];
        *c = (cutting){.r = r, .t = t, .first = 1};
        if (ex_steps_parse(r->defs, t->best, INT_MAX, &c->v, &c->n) != 0)
            goto done;
        total += c->n;
    }
    round R = {.r = r};
    R.who = calloc((size_t)n + 1, sizeof *R.who);
    R.ok = calloc((size_t)n + 1, sizeof *R.ok);
    R.journal = calloc((size_t)n + 1, sizeof *R.journal);
    ex_cand *cands = calloc((size_t)n + 1, sizeof *cands);
    ex_step *steps = calloc((size_t)total + 1, sizeof *steps); /* attempts only shrink */
    if (!R.who || !R.ok || !R.journal || !cands || !steps)
        goto free_round;
    for (;;) {
        int k = 0;
        ex_step *at = steps;
        for (int i = 0; i < n; i++) {
            cutting *c = &cs[i];
            if (c->done)
                continue;
            int m = attempt(c, at);
            cands[k] = (ex_cand){.seed = c->t->seed, .policy = EX_IDLE, .cut = c->t->cut,
                                 .steps = at, .nsteps = m};
            R.who[k++] = c;
            at += m;
        }
        /* a budget for cutting down too: what is left of each is still a
         * witness (its last replay reached the target), just a longer one */
        if (!k || r->minimize_runs + k > r->opts.runs)
            break;
        R.n = k;
        memset(R.ok, 0, (size_t)k * sizeof *R.ok);
        if ((st = ex_run_cands(r, cands, k, take, &R, err)) != BH_OK)
            goto free_round;
        r->minimize_runs += k;
        st = BH_ENOMEM;
        for (int i = 0; i < k; i++) {
            int rc = advance(R.who[i], R.ok[i], &R.journal[i]);
            free(R.journal[i]);
            R.journal[i] = NULL;
            if (rc != 0)
                goto free_round;
        }
    }
    for (int i = 0; i < n; i++)
        cs[i].t->witness_inputs = cs[i].n;
    st = BH_OK;
free_round:
    for (int i = 0; R.journal && i < n; i++)
        free(R.journal[i]);
    free(R.who);
    free(R.ok);
    free(R.journal);
    free(cands);
    free(steps);
done:
    for (int i = 0; i < n; i++)
        free(cs[i].v);
    free(cs);
    r->minimize_seconds = ex_mono_s() - t0;
    if (st == BH_ENOMEM)
        err_set(err, BH_ENOMEM, "", 0, "out of memory cutting witnesses down");
    return st;
}

/* ---- writing them ---- */

/* An id as a file name part: letters, digits and '_' kept, any other byte
 * as %XX, so two ids never share a file ("x.y" and "x_y"; "a-b" and the
 * '-' between a decision and its option). */
static void name_part(char *dst, size_t n, const char *id)
{
    size_t k = 0;
    for (; *id && k + 4 < n; id++) {
        unsigned char c = (unsigned char)*id;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')
            dst[k++] = (char)c;
        else
            k += (size_t)snprintf(dst + k, n - k, "%%%02X", c);
    }
    dst[k] = '\0';
}

static void describe(const ex_result *r, const ex_target *t, char *what, size_t wn, char *file,
                     size_t fn)
{
    const bh_defs *d = r->defs;
    char a[200], b[200];
    switch (t->kind) {
    case EX_T_ENDING:
        snprintf(what, wn, "ending '%s'", d->endings[t->index].id);
        name_part(a, sizeof a, d->endings[t->index].id);
        snprintf(file, fn, "ending-%s.plan", a);
        break;
    case EX_T_INJECT:
        snprintf(what, wn, "inject '%s' fires", d->injects[t->index].id);
        name_part(a, sizeof a, d->injects[t->index].id);
        snprintf(file, fn, "inject-%s.plan", a);
        break;
    default: {
        const bh_decision_def *x = &d->decisions[t->decision];
        snprintf(what, wn, "option '%s' of decision '%s' takes effect", x->options[t->option].id,
                 x->id);
        name_part(a, sizeof a, x->id);
        name_part(b, sizeof b, x->options[t->option].id);
        snprintf(file, fn, "option-%s-%s.plan", a, b);
    }
    }
}

/* Never replace a file the search did not write. */
static int ours_or_absent(const char *path)
{
    /* Not through a symlink, and never blocking on a FIFO: only a regular
     * file the search wrote counts as ours. */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0)
        return errno == ENOENT;
    struct stat sb;
    if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        close(fd);
        return 0;
    }
    /* A hand-written plan may start with "# expect-ending:" too (plans are
     * tests): ours also carry the search's own second line. */
    char head[1024] = "";
    ssize_t n = read(fd, head, sizeof head - 1);
    close(fd);
    head[n > 0 ? n : 0] = '\0';
    int first = strncmp(head, "# expect-ending: ", 17) == 0 ||
                strncmp(head, "# witness: ", 11) == 0;
    return first && strstr(head, "\n# A witness from bulkhead explore --search: ") != NULL;
}

static bh_status write_file(const char *path, const ex_buf *b, bh_err *err)
{
    char tmp[4300];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    /* A left-over temporary of ours is removed; anything else there (a
     * symlink to elsewhere, someone's file) is never written through. */
    if (!ours_or_absent(tmp))
        return err_set(err, BH_EIO, tmp, 0, "already exists and is not a witness plan; it is "
                       "never replaced: remove it");
    unlink(tmp);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0)
        return err_set(err, BH_EIO, tmp, 0, "cannot create: %s", strerror(errno));
    size_t off = 0;
    while (off < b->n) {
        ssize_t w = write(fd, b->p + off, b->n - off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            break;
        off += (size_t)w;
    }
    int bad = off < b->n || fsync(fd) != 0;
    bad |= close(fd) != 0;
    if (bad || rename(tmp, path) != 0) {
        err_set(err, BH_EIO, path, 0, "cannot write: %s", strerror(errno));
        unlink(tmp);
        return BH_EIO;
    }
    return BH_OK;
}

bh_status ex_write_witnesses(ex_result *r, const char *dir, bh_err *err)
{
    for (int i = 0; i < r->ntargets; i++) {
        ex_target *t = &r->targets[i];
        if (!t->witness || !t->reproduced)
            continue;
        char what[600], file[500], path[4200];
        describe(r, t, what, sizeof what, file, sizeof file);
        snprintf(path, sizeof path, "%s%s%s", dir, dir[0] && dir[strlen(dir) - 1] != '/' ? "/" : "",
                 file);
        if (!ours_or_absent(path))
            return err_set(err, BH_EIO, path, 0, "already exists and is not a witness plan; it "
                           "is never replaced: choose another folder or remove it");
        ex_buf b = {0};
        if (t->kind == EX_T_ENDING)
            ex_buf_printf(&b, "# expect-ending: %s\n", r->defs->endings[t->index].id);
        else
            ex_buf_printf(&b, "# witness: %s\n", what);
        ex_buf_printf(&b, "# A witness from bulkhead explore --search: with %d input%s, only the "
                          "players' own,\n# %s (the search's run %d had %d; each one left is "
                          "needed).\n",
                      t->witness_inputs, t->witness_inputs == 1 ? "" : "s", what, t->run,
                      t->best_inputs);
        char ref[4200]; /* relative to the plan's folder: the folder can move with it */
        if (journal_scenario_ref(r->scenario, path, ref, sizeof ref) != 0)
            snprintf(ref, sizeof ref, "%s", r->scenario);
        if (!strchr(ref, '\n'))
            ex_buf_printf(&b, "scenario %s\n", ref);
        ex_buf_printf(&b, "seed %llu\n", (unsigned long long)t->seed);
        if (t->cut >= 0)
            ex_buf_printf(&b, "cut %s\n", r->defs->cuts[t->cut].id);
        ex_buf_add(&b, t->witness, strlen(t->witness));
        bh_status st = b.oom ? err_set(err, BH_ENOMEM, path, 0, "out of memory")
                             : write_file(path, &b, err);
        ex_buf_free(&b);
        if (st != BH_OK)
            return st;
        if (!(t->path = strdup(path)))
            return err_set(err, BH_ENOMEM, path, 0, "out of memory");
    }
    return BH_OK;
}
