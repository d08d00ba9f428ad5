/* journal_details: the exercise's details in the journal, read and written
 * (issue 18; DESIGN.md section 8).
 *
 *     0s details date 8 December 2026
 *     0s details venue Board room, 3rd floor
 *     0s details organisation Northwind Shipping
 *     0s details facilitator Dana Reyes
 *     0s details participants it Ana Lopez, Bo Chen
 *     0s details participants observer Ed Park
 *     25m details venue Board room, 4th floor
 *
 * One line per field, so a correction is one more line: the latest line
 * for a field (for participants, a field and a role) wins, and a line with
 * no value clears it. A ROLE is a team's id or `observer`, as for votes.
 * The value is free text with the journal's escapes (journal_verbs.h).
 * Parsing checks the shape; resolving checks the role against the
 * scenario; the simulation checks the text (sim_details.c). */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/journal_verbs.h"
#include "core/mem.h"
#include "core/text.h"

#define DETAILS_TAKES "a field (date, venue, organisation, facilitator or participants) and " \
                      "its value; participants take a role (a team id or 'observer') first"

int jdet_parse(const bh_plan *p, const char *word, char *args, bh_jline *l, const char *hint,
               bh_status *st, bh_err *err)
{
    if (strcmp(word, "details") != 0)
        return 0;
    l->verb = JV_DETAILS;
    char *key = jverb_word(&args);
    if (!key) {
        *st = err_set(err, BH_EJOURNAL, p->name, l->line, "'details' takes %s%s", DETAILS_TAKES,
                      hint);
        return 1;
    }
    int k = sim_detail_of(key);
    if (k < 0) {
        const char *fields[DETAIL_COUNT];
        for (int i = 0; i < DETAIL_COUNT; i++)
            fields[i] = sim_detail_key((bh_detail)i);
        char h[160];
        text_suggest(key, fields, DETAIL_COUNT, sizeof *fields, 0, h, sizeof h);
        *st = err_set(err, BH_EJOURNAL, p->name, l->line,
                      "no detail '%.64s' (the details are date, venue, organisation, facilitator "
                      "and participants)%s%s", key, h, hint);
        return 1;
    }
    char *role = NULL;
    if (k == DETAIL_PARTICIPANTS && !(role = jverb_word(&args))) {
        *st = err_set(err, BH_EJOURNAL, p->name, l->line,
                      "'details participants' takes a role (a team id or 'observer'), then the "
                      "names%s", hint);
        return 1;
    }
    while (*args == ' ' || *args == '\t')
        args++;
    size_t n = strlen(args);
    while (n > 0 && (args[n - 1] == ' ' || args[n - 1] == '\t'))
        n--;
    l->count = k;
    l->a = mem_strdup(key);
    l->b = role ? mem_strdup(role) : NULL;
    l->text = jverb_unescape(args, n);
    if (!l->a || (role && !l->b) || !l->text)
        return jverb_oom(l, st, err);
    *st = BH_OK;
    return 1;
}

bh_status jdet_resolve(const bh_plan *p, const bh_jline *l, const bh_defs *d, bh_input *out,
                       bh_err *err)
{
    out->kind = IN_DETAILS;
    out->a = l->count;
    out->b = -1;
    out->text = l->text;
    if (l->count == DETAIL_PARTICIPANTS && jroom_role(p, l, d, &out->b, err))
        return err->status;
    return BH_OK;
}

int jdet_format(const bh_defs *d, const bh_input *in, char *buf, size_t n)
{
    char t[32];
    dur_format(in->time, t, sizeof t);
    int len = snprintf(buf, n, "%s details %s", t, sim_detail_key((bh_detail)in->a));
    if (len >= 0 && (size_t)len < n && in->a == DETAIL_PARTICIPANTS)
        len += snprintf(buf + len, n - (size_t)len, " %s",
                        in->b < 0 ? "observer" : d->teams[in->b].id);
    if (len < 0 || (size_t)len >= n)
        return -1;
    if (!in->text || !in->text[0])
        return len; /* it clears the field */
    buf[len++] = ' ';
    return jverb_escape(buf, len, n, in->text);
}
