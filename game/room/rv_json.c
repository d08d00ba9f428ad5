/* rv_json: see rv_json.h. Every value is built through put()/str(), which
 * remember a failed allocation, so one check at the end covers them all
 * and a half-built object is never returned. */
#include "room/rv_json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/defs.h"
#include "core/text.h"

typedef struct jb {
    int failed;
} jb;

/* A JSON string of s ("" for NULL); invalid UTF-8 bytes become '?' rather
 * than losing the field (Jansson refuses invalid UTF-8). */
static json_t *str(jb *b, const char *s)
{
    if (!s)
        s = "";
    json_t *v = json_string(s);
    if (!v) {
        size_t n = strlen(s), bad;
        char *c = malloc(n + 1);
        if (c) {
            memcpy(c, s, n + 1);
            while (!text_valid_utf8(c, n, &bad))
                c[bad] = '?';
            v = json_string(c);
            free(c);
        }
    }
    if (!v)
        b->failed = 1;
    return v;
}

static json_t *num(jb *b, json_t *v)
{
    if (!v)
        b->failed = 1;
    return v;
}

/* Sets key on o to v (stolen even on failure: Jansson drops it); a NULL
 * o or v (out of memory) marks the build failed. */
static void put(jb *b, json_t *o, const char *key, json_t *v)
{
    if (json_object_set_new(o, key, v) != 0)
        b->failed = 1;
}

static void add(jb *b, json_t *a, json_t *v)
{
    if (json_array_append_new(a, v) != 0)
        b->failed = 1;
}

static json_t *obj(jb *b)
{
    return num(b, json_object());
}

static json_t *arr(jb *b)
{
    return num(b, json_array());
}

static json_t *rows(jb *b, const rv_row *r, size_t n)
{
    json_t *a = arr(b);
    for (size_t i = 0; a && i < n; i++) {
        json_t *o = obj(b);
        put(b, o, "meta", str(b, r[i].meta));
        put(b, o, "text", str(b, r[i].text));
        put(b, o, "recommended", json_boolean(r[i].recommended));
        add(b, a, o);
    }
    return a;
}

/* An object that starts with its "label". */
static json_t *labelled(jb *b, const char *label)
{
    json_t *x = obj(b);
    put(b, x, "label", str(b, label));
    return x;
}

static const char *phase_name(rv_phase p)
{
    return p == RV_PLAYING ? "playing" : p == RV_ENDED ? "ended" : "before";
}

/* The array of n items made by item(b, m, i). */
typedef json_t *(*item_fn)(jb *b, const rv_model *m, size_t i);

static json_t *list(jb *b, const rv_model *m, size_t n, item_fn item)
{
    json_t *a = arr(b);
    for (size_t i = 0; a && i < n; i++)
        add(b, a, item(b, m, i));
    return a;
}

static json_t *meter(jb *b, const rv_model *m, size_t i)
{
    const rv_meter *mt = &m->meters[i];
    json_t *x = labelled(b, mt->label);
    put(b, x, "value", num(b, json_real(mt->value)));
    put(b, x, "min", num(b, json_real(mt->min)));
    put(b, x, "max", num(b, json_real(mt->max)));
    put(b, x, "start", num(b, json_real(mt->start)));
    put(b, x, "good_low", json_boolean(mt->good_low));
    put(b, x, "trend", num(b, json_integer(mt->trend)));
    return x;
}

static json_t *system_item(jb *b, const rv_model *m, size_t i)
{
    json_t *x = labelled(b, m->systems[i].label);
    put(b, x, "status", str(b, defs_status_name(m->systems[i].status)));
    return x;
}

static json_t *team(jb *b, const rv_model *m, size_t i)
{
    json_t *x = labelled(b, m->teams[i].label);
    put(b, x, "staff", num(b, json_integer(m->teams[i].staff)));
    put(b, x, "free", num(b, json_integer(m->teams[i].free)));
    return x;
}

static json_t *running(jb *b, const rv_model *m, size_t i)
{
    const rv_running *r = &m->running[i];
    json_t *x = labelled(b, r->label);
    put(b, x, "team", str(b, r->team));
    put(b, x, "done", num(b, json_real(r->done)));
    put(b, x, "left_s", num(b, json_integer(r->left)));
    if (r->standing) /* left_s is then the time to its next run */
        put(b, x, "standing", str(b, r->standing));
    return x;
}

static void world(jb *b, json_t *o, const rv_model *m)
{
    put(b, o, "meters", list(b, m, m->nmeters, meter));
    put(b, o, "systems", list(b, m, m->nsystems, system_item));
    put(b, o, "teams", list(b, m, m->nteams, team));
    put(b, o, "running", list(b, m, m->nrunning, running));
}

static json_t *latest(jb *b, const rv_model *m)
{
    if (!m->latest.has)
        return json_null();
    json_t *x = obj(b);
    put(b, x, "from", str(b, m->latest.from));
    put(b, x, "title", str(b, m->latest.title));
    put(b, x, "body", str(b, m->latest.body));
    put(b, x, "channel", str(b, defs_channel_name(m->latest.channel)));
    put(b, x, "at_s", num(b, json_integer(m->latest.at)));
    return x;
}

static json_t *decision(jb *b, const rv_model *m)
{
    const rv_decision *d = &m->decision;
    if (!d->open)
        return json_null();
    json_t *x = obj(b), *a = arr(b);
    char key[24];
    snprintf(key, sizeof key, "d%d", d->index);
    put(b, x, "key", str(b, key));
    put(b, x, "prompt", str(b, d->prompt));
    put(b, x, "from", str(b, d->from));
    put(b, x, "left_s", num(b, json_integer(d->left)));
    put(b, x, "left_real", num(b, json_real(d->left_real)));
    put(b, x, "frozen", json_boolean(d->frozen));
    put(b, x, "total_s", num(b, json_integer(d->total)));
    put(b, x, "others", num(b, json_integer(d->others)));
    for (size_t i = 0; a && i < d->noptions; i++) {
        const rv_option *op = &d->options[i];
        char letter[2] = {op->letter, 0};
        json_t *y = obj(b);
        put(b, y, "letter", str(b, letter));
        put(b, y, "label", str(b, op->label));
        put(b, y, "text", str(b, op->text));
        put(b, y, "default", json_boolean(op->is_default));
        add(b, a, y);
    }
    put(b, x, "options", a);
    return x;
}

static json_t *slide(jb *b, const rv_model *m)
{
    if (!m->slide)
        return json_null();
    json_t *x = obj(b), *a = arr(b);
    put(b, x, "title", str(b, m->slide_title));
    for (size_t i = 0; a && i < m->nquestions; i++)
        add(b, a, str(b, m->questions[i].text));
    put(b, x, "questions", a);
    return x;
}

static json_t *ending(jb *b, const rv_model *m)
{
    if (!m->ending_title)
        return json_null();
    json_t *x = obj(b);
    const char *tone = m->ending_tone == TONE_NONE ? "none" : defs_tone_name(m->ending_tone);
    put(b, x, "title", str(b, m->ending_title));
    put(b, x, "text", str(b, m->ending_text));
    put(b, x, "tone", str(b, tone));
    return x;
}

static json_t *hotwash(jb *b, const rv_model *m)
{
    if (!m->hotwash)
        return json_null();
    json_t *x = obj(b);
    put(b, x, "tab", str(b, rv_tab_name(m->hotwash_tab)));
    put(b, x, "title", str(b, m->tab_title));
    put(b, x, "first", num(b, json_integer((json_int_t)m->rows_before)));
    put(b, x, "rows", rows(b, m->rows, m->nrows));
    return x;
}

/* ---- issue 14: what the phones act on ---- */

static json_t *role(jb *b, const rv_model *m, size_t i)
{
    json_t *x = obj(b);
    put(b, x, "key", str(b, m->roles[i].key));
    put(b, x, "label", str(b, m->roles[i].label));
    return x;
}

static const char *role_key(const rv_model *m, int r)
{
    return r >= 0 && (size_t)r < m->nroles ? m->roles[r].key : "";
}

static const char *act_state(bh_act_state st)
{
    switch (st) {
    case ACT_AVAILABLE: return "available";
    case ACT_RUNNING: return "running";
    case ACT_DONE: return "done";
    case ACT_BLOCKED: break;
    }
    return "blocked";
}

static json_t *action(jb *b, const rv_model *m, size_t i)
{
    const rv_action *a = &m->actions[i];
    json_t *x = obj(b);
    put(b, x, "key", str(b, a->key));
    put(b, x, "label", str(b, a->label));
    put(b, x, "text", str(b, a->text));
    put(b, x, "role", str(b, role_key(m, a->role)));
    put(b, x, "state", str(b, act_state(a->state)));
    put(b, x, "reason", str(b, a->reason));
    return x;
}

static json_t *ints(jb *b, const int *v, size_t n)
{
    json_t *a = arr(b);
    for (size_t i = 0; a && i < n; i++)
        add(b, a, num(b, json_integer(v[i])));
    return a;
}

static json_t *tally(jb *b, const rv_model *m)
{
    const rv_tally *t = &m->tally;
    size_t no = m->decision.noptions;
    if (!t->shown || !m->decision.open)
        return json_null();
    json_t *x = obj(b), *opts = arr(b), *roles = arr(b), *conf = obj(b);
    char key[24], letter[2] = {0, 0};
    snprintf(key, sizeof key, "d%d", t->decision);
    put(b, x, "decision", str(b, key));
    put(b, x, "voters", num(b, json_integer(t->sum.voters)));
    put(b, x, "joined", num(b, json_integer(t->sum.joined)));
    put(b, x, "share", num(b, json_real(t->sum.share)));
    put(b, x, "unified", json_boolean(t->sum.unified));
    letter[0] = (char)('A' + t->sum.top);
    put(b, x, "top", t->sum.top >= 0 ? str(b, letter) : json_null());
    for (size_t i = 0; opts && i < no; i++) {
        json_t *y = obj(b);
        letter[0] = m->decision.options[i].letter;
        put(b, y, "letter", str(b, letter));
        put(b, y, "votes", num(b, json_integer(t->sum.by_option[i])));
        add(b, opts, y);
    }
    put(b, x, "options", opts);
    for (int c = 0; c < TALLY_CONF; c++)
        put(b, conf, tally_conf_name(c), num(b, json_integer(t->sum.by_conf[c])));
    put(b, x, "confidence", conf);
    for (size_t i = 0; roles && i < t->nroles; i++) {
        const rv_tally_role *r = &t->roles[i];
        json_t *y = obj(b);
        put(b, y, "key", str(b, role_key(m, r->role)));
        put(b, y, "label", str(b, r->role >= 0 && (size_t)r->role < m->nroles
                                      ? m->roles[r->role].label : ""));
        put(b, y, "joined", num(b, json_integer(r->joined)));
        put(b, y, "voters", num(b, json_integer(r->voters)));
        put(b, y, "votes", ints(b, r->votes, no));
        add(b, roles, y);
    }
    put(b, x, "roles", roles);
    return x;
}

int rv_json_open_decisions(const rv_model *m)
{
    return !m->blank && m->decision.open ? 1 + m->decision.others : 0;
}

json_t *rv_json(const rv_model *m)
{
    jb b = {0};
    /* The holding slide shows nothing of the session: read every field
     * from an empty model then (the phase alone is kept, it tells the page
     * which screen it is on, not what the session holds). */
    rv_model empty = {.phase = m->phase, .blank = 1, .roles = m->roles, .nroles = m->nroles};
    memcpy(empty.session, m->session, sizeof empty.session);
    const rv_model *s = m->blank ? &empty : m;
    json_t *o = obj(&b);
    put(&b, o, "v", num(&b, json_integer(RV_JSON_VERSION)));
    put(&b, o, "phase", str(&b, phase_name(s->phase)));
    put(&b, o, "blank", json_boolean(s->blank));
    put(&b, o, "title", str(&b, s->title));
    put(&b, o, "organisation", str(&b, s->organisation));
    put(&b, o, "summary", str(&b, s->summary));
    if (s->cut_label && s->cut_label[0]) {
        json_t *c = obj(&b);
        put(&b, c, "label", str(&b, s->cut_label));
        put(&b, c, "agenda_min", num(&b, json_integer(s->agenda_min)));
        put(&b, o, "cut", c);
    } else {
        put(&b, o, "cut", json_null());
    }
    put(&b, o, "agenda", rows(&b, s->agenda, s->nagenda));
    put(&b, o, "join", str(&b, s->join));
    json_t *also = arr(&b);
    for (int i = 0; also && i < s->njoin_also; i++)
        add(&b, also, str(&b, s->join_also[i]));
    put(&b, o, "join_also", also);
    put(&b, o, "clock", str(&b, s->clock));
    put(&b, o, "calendar", str(&b, s->calendar));
    put(&b, o, "now_s", num(&b, json_integer(s->now)));
    put(&b, o, "length_s", num(&b, json_integer(s->length)));
    put(&b, o, "speed", num(&b, json_integer(s->speed)));
    world(&b, o, s);
    put(&b, o, "latest", latest(&b, s));
    put(&b, o, "decision", decision(&b, s));
    put(&b, o, "open_decisions", num(&b, json_integer(rv_json_open_decisions(s))));
    put(&b, o, "slide", slide(&b, s));
    put(&b, o, "ending", ending(&b, s));
    put(&b, o, "hotwash", hotwash(&b, s));
    /* a phone joins whatever the projector shows: the roles are in every
     * state, the holding slide's too (team names, no session content) */
    put(&b, o, "session", str(&b, s->session));
    put(&b, o, "roles", list(&b, s, s->nroles, role));
    put(&b, o, "actions", list(&b, s, s->nactions, action));
    put(&b, o, "tally", tally(&b, s));
    if (b.failed) {
        json_decref(o);
        return NULL;
    }
    return o;
}

char *rv_json_text(const rv_model *m, size_t *n)
{
    json_t *o = rv_json(m);
    char *t = o ? json_dumps(o, JSON_COMPACT) : NULL;
    json_decref(o);
    if (t && n)
        *n = strlen(t);
    return t;
}
