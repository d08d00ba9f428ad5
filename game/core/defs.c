#include "core/defs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "core/vec.h"

void defs_init(bh_defs *d)
{
    memset(d, 0, sizeof *d);
}

static void texts_free(bh_texts *t)
{
    for (size_t i = 0; i < t->n; i++)
        free(t->v[i]);
    free(t->v);
}

static void fnote_free(bh_fnote *f)
{
    free(f->text); free(f->good); free(f->expected); free(f->hint);
}

void defs_free(bh_defs *d)
{
    bh_scenario_def *s = &d->scenario;
    free(s->id); free(s->title); free(s->summary); free(s->based_on);
    free(s->briefing); free(s->organisation); free(s->stakes); free(s->difficulty);
    for (size_t i = 0; i < d->nmeters; i++) {
        free(d->meters[i].id); free(d->meters[i].label); free(d->meters[i].description);
    }
    for (size_t i = 0; i < d->nsystems; i++) {
        free(d->systems[i].id); free(d->systems[i].label); free(d->systems[i].description);
    }
    for (size_t i = 0; i < d->nteams; i++) {
        free(d->teams[i].id); free(d->teams[i].label);
    }
    for (size_t i = 0; i < d->nreferences; i++) {
        free(d->references[i].id); free(d->references[i].title); free(d->references[i].cite);
    }
    for (size_t i = 0; i < d->ninjects; i++) {
        bh_inject_def *x = &d->injects[i];
        free(x->id); free(x->from); free(x->title); free(x->body); free(x->ref);
        texts_free(&x->discuss);
        fnote_free(&x->facilitator);
    }
    for (size_t i = 0; i < d->nactions; i++) {
        bh_action_def *a = &d->actions[i];
        free(a->id); free(a->label); free(a->text); free(a->ref); free(a->team_id);
        fnote_free(&a->facilitator);
    }
    for (size_t i = 0; i < d->ndecisions; i++) {
        bh_decision_def *x = &d->decisions[i];
        free(x->id); free(x->prompt); free(x->from);
        for (size_t k = 0; k < x->noptions; k++) {
            free(x->options[k].id); free(x->options[k].label); free(x->options[k].text);
        }
        free(x->options);
        texts_free(&x->discuss);
        fnote_free(&x->facilitator);
    }
    for (size_t i = 0; i < d->nendings; i++) {
        free(d->endings[i].id); free(d->endings[i].title); free(d->endings[i].text);
        for (size_t k = 0; k < d->endings[i].nfindings; k++)
            free(d->endings[i].findings[k].text);
        free(d->endings[i].findings);
    }
    for (size_t i = 0; i < d->ncuts; i++) {
        free(d->cuts[i].id); free(d->cuts[i].label); free(d->cuts[i].ending_id);
    }
    for (size_t i = 0; i < d->nobjectives; i++) {
        free(d->objectives[i].id); free(d->objectives[i].text);
    }
    for (size_t i = 0; i < d->nfiles; i++)
        free(d->files[i]);
    free(d->meters); free(d->systems); free(d->teams); free(d->references);
    free(d->injects); free(d->actions); free(d->decisions); free(d->endings);
    free(d->everys); free(d->cuts); free(d->objectives); free(d->files);
    memset(d, 0, sizeof *d);
}

const char *defs_intern_file(bh_defs *d, const char *file)
{
    for (size_t i = 0; i < d->nfiles; i++)
        if (strcmp(d->files[i], file) == 0)
            return d->files[i];
    if (VEC_PUSH(d->files, d->nfiles, d->cap_files) != 0)
        return NULL;
    char *copy = mem_strdup(file);
    if (!copy)
        return NULL;
    d->files[d->nfiles++] = copy;
    return copy;
}

#define FIND_BY_ID(fn, arr)                                  \
    int fn(const bh_defs *d, const char *id)                 \
    {                                                        \
        for (size_t i = 0; i < d->n##arr; i++)               \
            if (d->arr[i].id && strcmp(d->arr[i].id, id) == 0) \
                return (int)i;                               \
        return -1;                                           \
    }

FIND_BY_ID(defs_meter, meters)
FIND_BY_ID(defs_system, systems)
FIND_BY_ID(defs_team, teams)
FIND_BY_ID(defs_reference, references)
FIND_BY_ID(defs_inject, injects)
FIND_BY_ID(defs_action, actions)
FIND_BY_ID(defs_decision, decisions)
FIND_BY_ID(defs_ending, endings)
FIND_BY_ID(defs_cut, cuts)
FIND_BY_ID(defs_objective, objectives)

int defs_option(const bh_decision_def *dd, const char *id)
{
    for (size_t i = 0; i < dd->noptions; i++)
        if (dd->options[i].id && strcmp(dd->options[i].id, id) == 0)
            return (int)i;
    return -1;
}

/* ---- the reserved ending (defs.h) ---- */

static const bh_ending_def facilitator_ending = {
    .id = DEFS_ENDING_FACILITATOR,
    .title = "Ended by the facilitator",
    .text = "The facilitator ended the session before the scenario reached an ending.",
};

int defs_ending_facilitator(const bh_defs *d) { return (int)d->nendings; }

const bh_ending_def *defs_ending_at(const bh_defs *d, int i)
{
    if (i >= 0 && (size_t)i < d->nendings)
        return &d->endings[i];
    return (size_t)i == d->nendings && i >= 0 ? &facilitator_ending : NULL;
}

static const char *const channel_names[] = {"email", "phone", "news", "social", "regulator", "internal"};
static const char *const kind_names[] = {"contain", "communicate", "restore", "investigate"};
static const char *const func_names[] = {"", "identify", "protect", "detect", "respond", "recover"};
static const char *const status_names[] = {"online", "degraded", "compromised", "encrypted",
                                           "isolated", "offline", "restoring"};
static const char *const tone_names[] = {"", "good", "mixed", "bad"};

static int parse_name(const char *const *names, int n, const char *s)
{
    for (int i = 0; i < n; i++)
        if (names[i][0] && strcmp(names[i], s) == 0)
            return i;
    return -1;
}

const char *defs_channel_name(bh_channel c) { return channel_names[c]; }
const char *defs_kind_name(bh_kind k) { return kind_names[k]; }
const char *defs_func_name(bh_func f) { return func_names[f]; }
const char *defs_status_name(bh_status_word s) { return status_names[s]; }
const char *defs_tone_name(bh_tone t) { return tone_names[t]; }
int defs_parse_channel(const char *s) { return parse_name(channel_names, CH__COUNT, s); }
int defs_parse_kind(const char *s) { return parse_name(kind_names, KIND__COUNT, s); }
int defs_parse_func(const char *s) { return parse_name(func_names, FUNC__COUNT, s); }
int defs_parse_status(const char *s) { return parse_name(status_names, ST__COUNT, s); }
int defs_parse_tone(const char *s) { return parse_name(tone_names, 4, s); }
const char *defs_channel_list(void) { return "email, phone, news, social, regulator, internal"; }
const char *defs_kind_list(void) { return "contain, communicate, restore, investigate"; }
const char *defs_func_list(void) { return "identify, protect, detect, respond, recover"; }
const char *defs_status_list(void)
{
    return "online, degraded, compromised, encrypted, isolated, offline, restoring";
}

/* ---- standing commitments ---- */

#define DAY_S ((bh_time)86400)

/* Seconds after midnight of T+t on the scenario's calendar (a floor
 * modulo: the calendar is proleptic and starts may precede 1970). */
static bh_time time_of_day(const bh_defs *d, bh_time t)
{
    int64_t c = d->scenario.start_epoch + t;
    int64_t m = c % DAY_S;
    return m < 0 ? m + DAY_S : m;
}

bh_time defs_standing_next(const bh_defs *d, const bh_action_def *x, bh_time t, int first)
{
    if (x->every > 0)
        return first ? t : t + x->every;
    if (!first)
        t++; /* strictly after the run at t */
    bh_time tod = time_of_day(d, t), best = -1;
    for (int i = 0; i < x->ndaily; i++) {
        bh_time wait = x->daily[i] - tod;
        if (wait < 0)
            wait += DAY_S;
        if (best < 0 || wait < best)
            best = wait;
    }
    return t + (best < 0 ? 0 : best);
}

char *defs_standing_text(const bh_action_def *x, char *buf, size_t n)
{
    if (n == 0)
        return buf;
    buf[0] = '\0';
    if (x->every > 0) {
        char a[32];
        snprintf(buf, n, "every %s", dur_format(x->every, a, sizeof a));
        return buf;
    }
    size_t used = (size_t)snprintf(buf, n, "every day at");
    for (int i = 0; i < x->ndaily && used < n; i++) {
        const char *sep = i == 0 ? " " : i == x->ndaily - 1 ? " and " : ", ";
        used += (size_t)snprintf(buf + used, n - used, "%s%02d:%02d", sep,
                                 x->daily[i] / 3600, x->daily[i] / 60 % 60);
    }
    return buf;
}
