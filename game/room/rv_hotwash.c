/* rv_hotwash: the two things the facilitator puts up on purpose, a
 * discussion slide and the hot wash, as rows of the room view model.
 *
 * A slide is for an inject the room has already seen or a decision that
 * has opened: a slide for anything later would show what comes next. The
 * hot wash reads the report model (rp_build) through an allow-list: each
 * tab copies the named fields of the named items, never an object whole,
 * so what the report gains later (it carries the discussion questions and
 * the advice on every decision) reaches the room only when added here.
 * The notes tab never reaches the room (the facilitator's own notes), the
 * advice only after the ending, and the timeline leaves out the
 * facilitator's interventions apart from the messages the room received. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/rp_report.h"
#include "core/mem.h"
#include "room/rv_model.h"

typedef struct rows {
    rv_row *v;
    size_t n, cap;
    int oom;
} rows;

static void add(rows *r, const char *meta, const char *text, int recommended)
{
    if (r->oom)
        return;
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 16;
        rv_row *v = mem_realloc(r->v, cap * sizeof *v);
        if (!v) {
            r->oom = 1;
            return;
        }
        r->v = v;
        r->cap = cap;
    }
    rv_row *x = &r->v[r->n++];
    x->meta = rv_dup(meta);
    x->text = rv_dup(text);
    x->recommended = recommended;
    r->oom = !x->meta || !x->text;
}

bh_status rv_build_slide(rv_model *m, const bh_sim *s, const rv_show *show)
{
    const bh_defs *d = sim_defs(s);
    const bh_texts *q = NULL;
    const char *title = NULL;
    int i = show->slide_index;
    if (show->slide == RV_SLIDE_INJECT && i >= 0 && (size_t)i < d->ninjects &&
        sim_inject_fired(s, i)) {
        q = &d->injects[i].discuss;
        title = d->injects[i].title;
    } else if (show->slide == RV_SLIDE_DECISION && i >= 0 && (size_t)i < d->ndecisions) {
        bh_decision_status ds;
        sim_decision_status(s, i, &ds);
        if (ds.state != DEC_CLOSED) {
            q = &d->decisions[i].discuss;
            title = d->decisions[i].prompt;
        }
    }
    if (!q)
        return BH_OK;
    m->slide = 1;
    rows r = {0};
    for (size_t k = 0; k < q->n; k++)
        add(&r, "", q->v[k], 0);
    m->questions = r.v;
    m->nquestions = r.n;
    m->slide_title = rv_dup(title);
    return r.oom || !m->slide_title ? BH_ENOMEM : BH_OK;
}

/* ---- the hot wash's tabs ---- */

static int shown_kind(const char *k)
{
    static const char *const allow[] = {"inject", "decision_opened", "action_started",
                                        "action_cancelled", "action_done", "decision_chosen",
                                        "decision_defaulted", "change", "note", "ending",
                                        "facilitator_message"};
    for (size_t i = 0; i < sizeof allow / sizeof allow[0]; i++)
        if (strcmp(k, allow[i]) == 0)
            return 1;
    return 0;
}

static void timeline(rows *r, const json_t *report, const json_t *tl)
{
    size_t i, k;
    const json_t *ev, *c;
    json_array_foreach(tl, i, ev)
    {
        const char *kind = rp_str(ev, "kind");
        if (!shown_kind(kind))
            continue;
        char meta[96], text[1600];
        snprintf(meta, sizeof meta, "%s  %s", rp_str(ev, "stamp"), rp_str(ev, "clock"));
        if (strcmp(kind, "change") == 0) {
            size_t o = 0;
            text[0] = 0;
            json_array_foreach(json_object_get(ev, "changes"), k, c)
            {
                char line[300], from[64], to[64];
                rp_change_ends(report, c, from, to, sizeof from);
                snprintf(line, sizeof line, "%s: %s → %s", rp_str(c, "label"), from, to);
                if (o < sizeof text - 1)
                    o += (size_t)snprintf(text + o, sizeof text - o, "%s%s", k ? "; " : "", line);
            }
        } else if (strcmp(kind, "decision_chosen") == 0 || strcmp(kind, "decision_defaulted") == 0) {
            snprintf(text, sizeof text, "%s: %s (%s)", rp_event_word(kind), rp_str(ev, "text"),
                     rp_str(ev, "title"));
        } else {
            const char *t = rp_str(ev, "title")[0] ? rp_str(ev, "title") : rp_str(ev, "text");
            snprintf(text, sizeof text, "%s: %s", rp_event_word(kind), t);
        }
        add(r, meta, rp_whole(text), 0);
    }
}

/* The labels of the options responders advise, from the defs (the report
 * names them by id). */
static void advice(const bh_sim *s, const json_t *dec, char *buf, size_t n)
{
    const bh_defs *d = sim_defs(s);
    int di = defs_decision(d, rp_str(dec, "id"));
    size_t k, o = 0;
    const json_t *id;
    buf[0] = 0;
    if (di < 0)
        return;
    json_array_foreach(json_object_get(dec, "recommended"), k, id)
    {
        int oi = defs_option(&d->decisions[di], json_string_value(id) ? json_string_value(id) : "");
        if (oi >= 0 && o < n - 1)
            o += (size_t)snprintf(buf + o, n - o, "%s%s", o ? "; " : "",
                                  d->decisions[di].options[oi].label);
    }
}

static void decisions(rows *r, const bh_sim *s, const json_t *a)
{
    size_t i;
    const json_t *it;
    json_array_foreach(a, i, it)
    {
        char text[2400], rec[1200];
        if (strcmp(rp_str(it, "state"), "open") == 0)
            snprintf(text, sizeof text, "%s\nStill open", rp_str(it, "prompt"));
        else if (json_is_true(json_object_get(it, "by_default")))
            snprintf(text, sizeof text, "%s\nNobody chose in time: %s", rp_str(it, "prompt"),
                     rp_str(it, "chosen_label"));
        else
            snprintf(text, sizeof text, "%s\nChosen: %s", rp_str(it, "prompt"),
                     rp_str(it, "chosen_label"));
        add(r, rp_str(it, "from"), rp_whole(text), 0);
        /* the advice is the facilitator's until the session has ended */
        if (sim_ended(s)) {
            advice(s, it, rec, sizeof rec);
            if (rec[0])
                add(r, "What responders advise", rp_whole(rec), 1);
        }
    }
}

/* `ended`: the gaps are the report's verdict on a whole session ("nothing
 * in Recover during the whole session"); during play they would judge a
 * session still running, so the room sees them after the ending only. */
static void functions(rows *r, const json_t *a, int ended)
{
    size_t i, k;
    const json_t *it, *ac;
    json_array_foreach(a, i, it)
    {
        const json_t *acts = json_object_get(it, "actions");
        char meta[200], text[1600];
        snprintf(meta, sizeof meta, "%s: %zu action%s started", rp_str(it, "function"),
                 json_array_size(acts), json_array_size(acts) == 1 ? "" : "s");
        if (meta[0] >= 'a' && meta[0] <= 'z')
            meta[0] = (char)(meta[0] - 32);
        size_t o = 0;
        text[0] = 0;
        json_array_foreach(acts, k, ac) if (o < sizeof text - 1) o += (size_t)snprintf(
            text + o, sizeof text - o, "%s%s", k ? "; " : "", rp_str(ac, "label"));
        if (ended && rp_str(it, "gap")[0])
            snprintf(text, sizeof text, "Gap: %s", rp_str(it, "gap"));
        add(r, meta, rp_whole(text), 0);
    }
}

/* The tabs whose rows are one item each: a meta line and a text made from
 * the named fields of the item. */
typedef void (*row_fn)(const json_t *it, char *meta, size_t nm, char *text, size_t nt);

static void each(rows *r, const json_t *a, row_fn fn)
{
    size_t i;
    const json_t *it;
    json_array_foreach(a, i, it)
    {
        char meta[1200], text[1200];
        fn(it, meta, sizeof meta, text, sizeof text);
        add(r, rp_whole(meta), rp_whole(text), 0);
    }
}

static void meter_row(const json_t *it, char *meta, size_t nm, char *text, size_t nt)
{
    char a[64], b[64];
    snprintf(meta, nm, "%s", rp_str(it, "label"));
    rp_meter_ends(rp_num(it, "max") - rp_num(it, "min"), rp_num(it, "start"), rp_num(it, "final"),
                  a, b, sizeof a);
    snprintf(text, nt, "From %s to %s (%s is better)", a, b, rp_str(it, "better"));
}

static void question_row(const json_t *it, char *meta, size_t nm, char *text, size_t nt)
{
    snprintf(meta, nm, "After: %s", rp_str(it, "after"));
    snprintf(text, nt, "%s", rp_str(it, "question"));
}

/* The exercise's objectives head the hot wash: what the room set out to
 * do, and whether it did, before the questions about why. */
static void objective_row(const json_t *it, char *meta, size_t nm, char *text, size_t nt)
{
    const json_t *met = json_object_get(it, "met");
    snprintf(meta, nm, "Objective: %s", json_is_true(met) ? "met" : json_is_false(met) ? "not met"
                                                                                       : "not judged");
    snprintf(text, nt, "%s", rp_str(it, "text"));
}

static void fact_row(const json_t *it, char *meta, size_t nm, char *text, size_t nt)
{
    rp_source_line(it, meta, nm);
    snprintf(text, nt, "%s", rp_str(it, "title"));
}

bh_status rv_build_hotwash(rv_model *m, const bh_sim *s, const json_t *report,
                           const rv_show *show)
{
    if (!show->hotwash)
        return BH_OK;
    m->hotwash = 1;
    /* the facilitator's own notes never go up, whatever the console asks */
    m->hotwash_tabs = show->hotwash_tabs & ((1u << RV_TABS) - 1) & ~(1u << RV_TAB_NOTES);
    m->hotwash_tab = show->hotwash_tab;
    int tab = show->hotwash_tab;
    int shown = tab >= 0 && tab < RV_TABS && (m->hotwash_tabs >> tab & 1) && report;
    m->tab_title = rv_dup(shown ? rv_tab_name(tab) : "");
    if (!m->tab_title)
        return BH_ENOMEM;
    if (!shown)
        return BH_OK;
    rows r = {0};
    switch (tab) {
    case RV_TAB_TIMELINE: timeline(&r, report, json_object_get(report, "timeline")); break;
    case RV_TAB_METERS: each(&r, json_object_get(report, "meters"), meter_row); break;
    case RV_TAB_DECISIONS: decisions(&r, s, json_object_get(report, "decisions")); break;
    case RV_TAB_FUNCTIONS: functions(&r, json_object_get(report, "functions"), sim_ended(s)); break;
    case RV_TAB_HOTWASH:
        each(&r, json_object_get(report, "objectives"), objective_row);
        each(&r, json_object_get(report, "questions"), question_row);
        break;
    case RV_TAB_FACTS: each(&r, json_object_get(report, "fact_check"), fact_row); break;
    default: break;
    }
    /* a page further down the tab: the rows before it are dropped */
    size_t first = show->hotwash_first > 0 ? (size_t)show->hotwash_first : 0;
    if (first >= r.n)
        first = r.n ? r.n - 1 : 0;
    for (size_t i = 0; i < first; i++) {
        free(r.v[i].meta);
        free(r.v[i].text);
    }
    if (first)
        memmove(r.v, r.v + first, (r.n - first) * sizeof *r.v);
    m->rows = r.v;
    m->nrows = r.n - first;
    m->rows_before = first;
    return r.oom ? BH_ENOMEM : BH_OK;
}
