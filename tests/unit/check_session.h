/* check_session.h: helpers the engine's unit tests share for sessions of
 * real scenarios: load a scenario from text and see its diagnostics as
 * one string, and a session's whole transcript as one string (to compare
 * two sessions). Header-only like check.h; include after it. */
#ifndef CHECK_SESSION_H
#define CHECK_SESSION_H

#include <stdio.h>
#include <stdlib.h>

#include "core/transcript.h"
#include "script/lh_host.h"

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
