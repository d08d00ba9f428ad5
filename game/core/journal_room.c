/* journal_room: the room's annotations in the journal, read and written
 * (issue 14; the grammar is in journal_verbs.h).
 *
 *     vote DECISION ROLE JOINED [OPTION=LOW/MEDIUM/HIGH ...]
 *     proposal ACTION ROLE COUNT
 *
 * A ROLE is a team's id or the word `observer`; counts are whole numbers
 * from 0 to SIM_MAX_ROOM (a proposal's from 1). Parsing checks the shape
 * of a line, which needs no scenario; resolving checks its ids against the
 * scenario, with a "did you mean"; the simulation checks the rest (an open
 * decision, no more votes than phones). A vote's option words stay in the
 * line's `text` as written, and are read again when it is resolved. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/journal_verbs.h"
#include "core/mem.h"
#include "core/text.h"

#define VOTE_TAKES "a decision id, a role (a team id or 'observer'), the phones of that role " \
                   "in the room, then OPTION=LOW/MEDIUM/HIGH for each option with votes"
#define PROPOSAL_TAKES "an action id, a role (a team id), and how many people asked"

/* A count: digits only, 0 to SIM_MAX_ROOM; -1 when it is not one. */
static int count_of(const char *s, size_t n)
{
    if (n == 0 || n > 6)
        return -1;
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v <= SIM_MAX_ROOM ? v : -1;
}

/* One OPTION=L/M/H word: its id (in id[0..idn)) and three counts. NULL
 * when it reads, else what is wrong with it. */
static const char *opt_word(const char *w, char *id, size_t idn, int v[TALLY_CONF])
{
    const char *eq = strchr(w, '=');
    if (!eq || eq == w)
        return "is not OPTION=LOW/MEDIUM/HIGH (such as refuse=1/0/2)";
    if ((size_t)(eq - w) >= idn)
        return "has an option id that is too long";
    memcpy(id, w, (size_t)(eq - w));
    id[eq - w] = '\0';
    const char *s = eq + 1;
    for (int c = 0; c < TALLY_CONF; c++) {
        size_t n = strcspn(s, "/");
        if ((v[c] = count_of(s, n)) < 0)
            return "needs three whole numbers from 0 to 100000, low/medium/high (such as "
                   "refuse=1/0/2)";
        s += n;
        if (c + 1 < TALLY_CONF && *s++ != '/')
            return "needs three counts, low/medium/high (such as refuse=1/0/2)";
    }
    return *s ? "needs three counts, low/medium/high (such as refuse=1/0/2)" : NULL;
}

/* Every OPTION word of `s` (a copy is split): checked, and when `out` is
 * given, added to it for decision `dd`. */
static bh_status opt_words(const bh_plan *p, const bh_jline *l, const bh_decision_def *dd,
                           int (*out)[TALLY_CONF], const char *hint, bh_err *err)
{
    char buf[JOURNAL_MAX_LINE + 1], ids[TALLY_MAX_OPTIONS][256];
    snprintf(buf, sizeof buf, "%s", l->text ? l->text : "");
    char *s = buf, *w;
    int k = 0;
    while ((w = jverb_word(&s))) {
        int v[TALLY_CONF];
        if (k == TALLY_MAX_OPTIONS)
            return err_set(err, BH_EJOURNAL, p->name, l->line,
                           "'vote' lists more than %d options%s", TALLY_MAX_OPTIONS, hint);
        const char *bad = opt_word(w, ids[k], sizeof ids[0], v);
        if (bad)
            return err_set(err, BH_EJOURNAL, p->name, l->line, "'vote': '%.64s' %s%s", w, bad,
                           hint);
        for (int j = 0; j < k; j++)
            if (strcmp(ids[j], ids[k]) == 0)
                return err_set(err, BH_EJOURNAL, p->name, l->line,
                               "'vote' lists option '%.64s' twice", ids[k]);
        if (dd) {
            int o = defs_option(dd, ids[k]);
            if (o < 0) {
                char h[160];
                text_suggest(ids[k], dd->options, dd->noptions, sizeof *dd->options,
                             offsetof(bh_option_def, id), h, sizeof h);
                return err_set(err, BH_EJOURNAL, p->name, l->line,
                               "decision '%s' has no option '%.64s'%s", dd->id, ids[k], h);
            }
            memcpy(out[o], v, sizeof v);
        }
        k++;
    }
    return BH_OK;
}

int jroom_parse(const bh_plan *p, const char *word, char *args, bh_jline *l, const char *hint,
                bh_status *st, bh_err *err)
{
    int vote = strcmp(word, "vote") == 0;
    if (!vote && strcmp(word, "proposal") != 0)
        return 0;
    l->verb = vote ? JV_VOTE : JV_PROPOSAL;
    char *a = jverb_word(&args), *role = jverb_word(&args), *n = jverb_word(&args);
    if (!n || (!vote && jverb_word(&args))) {
        *st = err_set(err, BH_EJOURNAL, p->name, l->line, "'%s' takes %s%s", word,
                      vote ? VOTE_TAKES : PROPOSAL_TAKES, hint);
        return 1;
    }
    l->count = count_of(n, strlen(n));
    if (l->count < (vote ? 0 : 1)) {
        *st = err_set(err, BH_EJOURNAL, p->name, l->line,
                      vote ? "'vote' needs the phones in the room as a whole number from 0 to "
                             "100000, not '%.64s'%s"
                           : "'proposal' needs how many people asked as a whole number from 1 "
                             "to 100000, not '%.64s'%s", n, hint);
        return 1;
    }
    if (vote) {
        while (*args == ' ' || *args == '\t')
            args++;
        size_t len = strlen(args);
        while (len > 0 && (args[len - 1] == ' ' || args[len - 1] == '\t'))
            args[--len] = '\0';
        if (!(l->text = mem_strdup(args))) {
            *st = err_set(err, BH_ENOMEM, "", 0, "out of memory");
            return 1;
        }
        if ((*st = opt_words(p, l, NULL, NULL, hint, err)) != BH_OK) {
            free(l->text);
            l->text = NULL;
            return 1;
        }
    }
    l->a = mem_strdup(a);
    l->b = mem_strdup(role);
    if (!l->a || !l->b)
        return jverb_oom(l, st, err);
    *st = BH_OK;
    return 1;
}

int jroom_role(const bh_plan *p, const bh_jline *l, const bh_defs *d, int *role, bh_err *err)
{
    if (strcmp(l->b, "observer") == 0) {
        *role = -1;
        return 0;
    }
    if ((*role = defs_team(d, l->b)) >= 0)
        return 0;
    char hint[160];
    static const char *const observer[] = {"observer"};
    text_suggest(l->b, d->teams, d->nteams, sizeof *d->teams, offsetof(bh_team_def, id), hint,
                 sizeof hint);
    if (!hint[0])
        text_suggest(l->b, observer, 1, sizeof *observer, 0, hint, sizeof hint);
    err_set(err, BH_EJOURNAL, p->name, l->line,
            "no role '%s' in this scenario (a role is a team's id or 'observer')%s", l->b, hint);
    return -1;
}

bh_status jroom_resolve(const bh_plan *p, const bh_jline *l, const bh_defs *d, bh_input *out,
                        bh_err *err)
{
    if (l->verb == JV_PROPOSAL) {
        out->kind = IN_PROPOSAL;
        out->count = l->count;
        if ((out->a = defs_action(d, l->a)) < 0)
            return jverb_no_such(p, l, "action", d->actions, d->nactions, sizeof *d->actions,
                                 offsetof(bh_action_def, id), err);
        return jroom_role(p, l, d, &out->b, err) ? err->status : BH_OK;
    }
    out->kind = IN_VOTE;
    out->joined = l->count;
    if ((out->a = defs_decision(d, l->a)) < 0)
        return jverb_no_such(p, l, "decision", d->decisions, d->ndecisions, sizeof *d->decisions,
                             offsetof(bh_decision_def, id), err);
    if (jroom_role(p, l, d, &out->b, err))
        return err->status;
    return opt_words(p, l, &d->decisions[out->a], out->votes, "", err);
}

int jroom_format(const bh_defs *d, const bh_input *in, char *buf, size_t n)
{
    char t[32];
    dur_format(in->time, t, sizeof t);
    const char *role = in->b < 0 ? "observer" : d->teams[in->b].id;
    if (in->kind == IN_PROPOSAL)
        return snprintf(buf, n, "%s proposal %s %s %d", t, d->actions[in->a].id, role,
                        in->count);
    const bh_decision_def *dd = &d->decisions[in->a];
    int len = snprintf(buf, n, "%s vote %s %s %d", t, dd->id, role, in->joined);
    for (size_t o = 0; o < dd->noptions && o < TALLY_MAX_OPTIONS; o++) {
        const int *v = in->votes[o];
        if (len < 0 || (size_t)len >= n)
            return -1;
        if (v[0] || v[1] || v[2])
            len += snprintf(buf + len, n - (size_t)len, " %s=%d/%d/%d", dd->options[o].id, v[0],
                            v[1], v[2]);
    }
    return len >= 0 && (size_t)len < n ? len : -1;
}
