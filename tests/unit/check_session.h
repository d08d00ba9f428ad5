/* check_session.h: helpers the engine's unit tests share for sessions of
 * real scenarios: a scenario loaded with a session of it (check_run), a
 * scenario loaded from text with its diagnostics as one string, a journal
 * file replayed into a session, and a session's whole transcript as one
 * string (to compare two sessions).
 * Header-only like check.h; include after it. */
#ifndef CHECK_SESSION_H
#define CHECK_SESSION_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/journal.h"
#include "core/session.h"
#include "core/transcript.h"
#include "script/lh_host.h"

/* A scenario's host and a session of it. */
typedef struct check_run {
    lh_host *h;
    bh_sim *s;
    const bh_defs *d;
    bh_err err;
} check_run;

/* Load `scenario` and start a session with `seed`: 0, or -1. */
__attribute__((unused)) static int check_run_start(check_run *r, const char *scenario,
                                                   uint64_t seed)
{
    memset(r, 0, sizeof *r);
    lh_diags diags = {0};
    lh_load(scenario, NULL, &r->h, &diags);
    lh_diags_free(&diags);
    if (!r->h)
        return -1;
    r->d = lh_defs(r->h);
    return sim_create(&r->s, r->d, lh_hooks(r->h), seed, &r->err) == BH_OK ? 0 : -1;
}

__attribute__((unused)) static void check_run_stop(check_run *r)
{
    sim_destroy(r->s);
    lh_free(r->h);
}

/* Write `src` to DIR/s.lua and load it: the host, or NULL; every
 * diagnostic goes into diag as "line:error|warning:message\n". */
__attribute__((unused)) static lh_host *check_load_text(const char *dir, const char *src,
                                                        char *diag, size_t n)
{
    char path[512];
    snprintf(path, sizeof path, "%s/s.lua", dir);
    FILE *f = fopen(path, "wb");
    if (f) {
        fputs(src, f);
        fclose(f);
    }
    lh_diags d = {0};
    lh_host *h = NULL;
    lh_load(path, NULL, &h, &d);
    size_t used = 0;
    diag[0] = '\0';
    for (size_t i = 0; i < d.n && used < n; i++)
        used += (size_t)snprintf(diag + used, n - used, "%d:%s:%s\n", d.v[i].line,
                                 d.v[i].sev == LH_ERROR ? "error" : "warning", d.v[i].msg);
    lh_diags_free(&d);
    return h;
}

/* `src` must fail to load with an error at `line` whose message has
 * `want` (include check.h first: it CHECKs). */
__attribute__((unused)) static void check_load_fails(const char *dir, const char *src, int line,
                                                     const char *want)
{
    char diag[4096], at[32];
    lh_host *h = check_load_text(dir, src, diag, sizeof diag);
    snprintf(at, sizeof at, "%d:error:", line);
    CHECK_HAS(diag, want);
    CHECK_HAS(diag, at);
    CHECK(h == NULL);
    lh_free(h);
}

/* Replay the journal (or plan) file at `path` into session s, as a
 * resumed game does: BH_OK, or the status of the read, parse or replay. */
__attribute__((unused)) static bh_status check_replay_file(bh_sim *s, const char *path)
{
    char *text = check_slurp(path);
    if (!text)
        return BH_EIO;
    bh_plan p;
    bh_err e;
    bh_status st = journal_parse(path, text, strlen(text), &p, &e);
    if (st == BH_OK) {
        bh_replay_result res;
        st = session_replay(s, NULL, &p, &res, &e);
        journal_plan_free(&p);
    }
    free(text);
    return st;
}

/* The session's transcript (header, entries, footer) as a string the
 * caller frees; `scenario` is the path the header names. */
__attribute__((unused)) static char *check_transcript(const bh_sim *s, const char *scenario)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    transcript_header(f, s, scenario);
    transcript_entries(f, s, 0);
    transcript_footer(f, s);
    fclose(f);
    return buf;
}

#endif
