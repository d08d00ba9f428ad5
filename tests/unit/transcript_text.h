/* transcript_text.h: a session's transcript (its entries and footer) as
 * one string, for the unit tests that compare two sessions byte for byte.
 * The caller frees it; NULL when out of memory. */
#ifndef TRANSCRIPT_TEXT_H
#define TRANSCRIPT_TEXT_H

#include <stdio.h>

#include "core/transcript.h"

static char *transcript_of(const bh_sim *s)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f)
        return NULL;
    transcript_entries(f, s, 0);
    transcript_footer(f, s);
    fclose(f);
    return buf;
}

#endif
