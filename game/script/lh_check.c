/* lh_check.c: the checks that need the whole scenario, run once its file
 * has loaded: cross-references (an action's team, a ref's reference),
 * fact/fiction tags, times past the end, endings, and the bounds on
 * periodic work and standing commitments. Each finding names its
 * declaration's file:line. */
#include "script/lh_internal.h"

#include <stddef.h>
#include <stdio.h>

#include "core/text.h"

/* " (did you mean 'x'?)" for `word` among the ids of base[0..n), or "". */
static const char *suggest(lh_host *h, const char *word, const void *base, size_t n,
                           size_t stride, size_t offset, char *hint, size_t hn)
{
    text_suggest_within(word, base, n, stride, offset, hint, hn, &h->suggest_work);
    return hint;
}

/* A fact without its reference is a warning, as it always was. An analogy
 * without one is an error: the analogy's whole claim is "this happened,
 * elsewhere", and the report must be able to say where. */
static void check_ref(lh_host *h, const bh_loc *loc, const char *kind, const char *id,
                      bh_source src, const char *ref)
{
    lh_severity sev = src == SRC_ANALOGY ? LH_ERROR : LH_WARNING;
    if (src == SRC_NONE)
        lh_diag_add(h, LH_WARNING, loc->file, loc->line, NULL,
                    "%s '%s': no 'source': add source = \"fact\" with a ref, "
                    "source = \"analogy\" with a ref to the other incident, or "
                    "source = \"fiction\"", kind, id);
    else if (src == SRC_FACT && !ref)
        lh_diag_add(h, LH_WARNING, loc->file, loc->line, NULL,
                    "%s '%s': source = \"fact\" needs a 'ref' naming a reference", kind, id);
    else if (src == SRC_ANALOGY && !ref)
        lh_diag_add(h, LH_ERROR, loc->file, loc->line, NULL,
                    "%s '%s': source = \"analogy\" needs a 'ref' naming the reference { } "
                    "of the incident it comes from", kind, id);
    char hint[160];
    if (ref && defs_reference(&h->defs, ref) < 0)
        lh_diag_add(h, sev, loc->file, loc->line, NULL,
                    "%s '%s': ref '%s' names no reference { } declaration%s", kind, id, ref,
                    suggest(h, ref, h->defs.references, h->defs.nreferences,
                            sizeof *h->defs.references, offsetof(bh_reference_def, id), hint,
                            sizeof hint));
}

/* The shortest interval of a standing commitment (`every` on an action). */
#define LH_MIN_STANDING ((bh_time)600)

/* Cuts: the ending each names, and a length within the scenario's. */
static void check_cuts(lh_host *h, int fallbacks)
{
    bh_defs *d = &h->defs;
    char a[32], b[32];
    for (size_t i = 0; i < d->ncuts; i++) {
        bh_cut_def *x = &d->cuts[i];
        if (!x->id)
            continue;
        if (x->length > d->scenario.length)
            lh_diag_add(h, LH_ERROR, x->loc.file, x->loc.line, NULL,
                        "cut '%s' lasts %s, longer than the scenario (%s): a cut is a part of "
                        "it", x->id, dur_format(x->length, a, 32),
                        dur_format(d->scenario.length, b, 32));
        char hint[160];
        if (x->ending_id && (x->ending = defs_ending(d, x->ending_id)) < 0)
            lh_diag_add(h, LH_ERROR, x->loc.file, x->loc.line, NULL,
                        "cut '%s': ending '%s' is not declared%s", x->id, x->ending_id,
                        suggest(h, x->ending_id, d->endings, d->nendings, sizeof *d->endings,
                                offsetof(bh_ending_def, id), hint, sizeof hint));
        else if (!x->ending_id && !fallbacks)
            lh_diag_add(h, LH_WARNING, x->loc.file, x->loc.line, NULL,
                        "cut '%s' has no 'ending' and no ending has fallback = true: when its "
                        "time runs out the session just stops", x->id);
    }
}

void lh_decl_finish(lh_host *h)
{
    bh_defs *d = &h->defs;
    if (!d->has_scenario) {
        lh_diag_add(h, LH_ERROR, h->path, 1, NULL,
                    "no scenario { id = ..., title = ..., start = ..., length = ... } declaration");
        return;
    }
    bh_time len = d->scenario.length;
    char a[32], b[32];
    for (size_t i = 0; i < d->nactions; i++) {
        bh_action_def *x = &d->actions[i];
        if (x->team_id) {
            x->team = defs_team(d, x->team_id);
            char hint[160];
            if (x->team < 0)
                lh_diag_add(h, LH_ERROR, x->loc.file, x->loc.line, NULL,
                            "action '%s': team '%s' is not declared%s", x->id, x->team_id,
                            suggest(h, x->team_id, d->teams, d->nteams, sizeof *d->teams,
                                    offsetof(bh_team_def, id), hint, sizeof hint));
            else if (x->staff > d->teams[x->team].staff) {
                lh_diag_add(h, LH_WARNING, x->loc.file, x->loc.line, NULL,
                            "action '%s' needs %d staff but team '%s' has only %d: it can "
                            "never start unless a hook adds staff", x->id, x->staff,
                            x->team_id, d->teams[x->team].staff);
            }
        }
        if (x->id)
            check_ref(h, &x->loc, "action", x->id, x->source, x->ref);
        if (x->every > 0 && (x->every < LH_MIN_STANDING || x->every > len))
            lh_diag_add(h, LH_ERROR, x->loc.file, x->loc.line, NULL,
                        "action '%s': every = \"%s\" must be from %s to the scenario's length "
                        "(%s): a standing commitment is for a rhythm, not a busy loop",
                        x->id, dur_format(x->every, a, 32), dur_format(LH_MIN_STANDING, b, 32),
                        dur_format(len, b + 16, 16));
        if (x->id && defs_standing(x) && !x->effect)
            lh_diag_add(h, LH_WARNING, x->loc.file, x->loc.line, NULL,
                        "action '%s' is a standing commitment ('every') with no 'effect': it "
                        "holds its staff and does nothing at its times", x->id);
    }
    for (size_t i = 0; i < d->ninjects; i++) {
        bh_inject_def *x = &d->injects[i];
        if (x->id)
            check_ref(h, &x->loc, "inject", x->id, x->source, x->ref);
        if (x->has_at && x->at >= len)
            lh_diag_add(h, LH_WARNING, x->loc.file, x->loc.line, NULL,
                        "inject '%s' is at %s, but the scenario ends at %s", x->id,
                        dur_format(x->at, a, 32), dur_format(len, b, 32));
    }
    for (size_t i = 0; i < d->ndecisions; i++) {
        bh_decision_def *x = &d->decisions[i];
        if (x->has_at && x->at >= len)
            lh_diag_add(h, LH_WARNING, x->loc.file, x->loc.line, NULL,
                        "decision '%s' opens at %s, but the scenario ends at %s", x->id,
                        dur_format(x->at, a, 32), dur_format(len, b, 32));
    }
    int fallbacks = 0;
    for (size_t i = 0; i < d->nendings; i++) {
        if (d->endings[i].fallback && ++fallbacks == 2)
            lh_diag_add(h, LH_ERROR, d->endings[i].loc.file, d->endings[i].loc.line, NULL,
                        "ending '%s': only one ending may be the fallback", d->endings[i].id);
    }
    /* Periodic work must stay bounded over the whole session. */
    for (size_t i = 0; i < d->neverys; i++) {
        bh_every_def *e = &d->everys[i];
        if (len / e->interval > LH_MAX_REPEATS)
            lh_diag_add(h, LH_ERROR, e->loc.file, e->loc.line, NULL,
                        "every(\"%s\") would run %lld times in %s; the limit is %d: use a "
                        "longer interval", dur_format(e->interval, a, 32),
                        (long long)(len / e->interval), dur_format(len, b, 32), LH_MAX_REPEATS);
    }
    if (d->scenario.check_every > 0 && len / d->scenario.check_every > LH_MAX_REPEATS)
        lh_diag_add(h, LH_ERROR, d->scenario.loc.file, d->scenario.loc.line, NULL,
                    "conditions would be checked %lld times (every %s for %s); the limit is %d: "
                    "set a longer check interval, e.g. check = \"%s\"",
                    (long long)(len / d->scenario.check_every),
                    dur_format(d->scenario.check_every, a, 32), dur_format(len, b, 32),
                    LH_MAX_REPEATS, dur_format((len / LH_MAX_REPEATS / 60 + 1) * 60, b + 16, 16));
    check_cuts(h, fallbacks);
    if (d->nendings == 0)
        lh_diag_add(h, LH_ERROR, d->scenario.loc.file, d->scenario.loc.line, NULL,
                    "scenario declares no ending { }");
    else if (fallbacks == 0)
        lh_diag_add(h, LH_WARNING, d->scenario.loc.file, d->scenario.loc.line, NULL,
                    "no ending has fallback = true: when time runs out the session just stops");
}
