/* ui_facil_next: two of the facilitator panel's tabs, both read-only.
 *
 * What comes next: the messages and decisions not yet in that have a
 * time, the open decisions' deadlines (frozen ones say so), the running
 * actions' completions and the session's end, sorted by time, each with
 * its T+ time and how far ahead; then those that wait on a condition,
 * which have no time to give.
 *
 * Guidance: for the open decision and the selected message, the
 * scenario's facilitator note, its discussion questions (with the button
 * that puts them on the projector) and the recommended options; then the
 * facilitator's own notes, which the room's screens never show. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/ui_facil.h"

typedef struct next_item {
    bh_time at;
    char text[300];
} next_item;

static int by_time(const void *x, const void *y)
{
    const next_item *a = x, *b = y;
    return a->at < b->at ? -1 : a->at > b->at;
}

/* Room for what a scenario schedules: tens of items, a few running. */
#define NEXT_MAX 256

static int add(next_item *v, int n, bh_time at, const char *fmt, const char *what)
{
    if (n >= NEXT_MAX)
        return n;
    v[n].at = at;
    snprintf(v[n].text, sizeof v[n].text, fmt, what);
    return n + 1;
}

/* Everything timed that is still to come, sorted. */
static int gather(app *a, next_item *v)
{
    bh_sim *s = a->game.sim;
    const bh_defs *d = sim_defs(s);
    bh_time now = sim_now(s), end = sim_length(s);
    int n = 0;
    for (size_t i = 0; i < d->ninjects; i++)
        if (d->injects[i].has_at && !sim_inject_fired(s, (int)i) && d->injects[i].at >= now &&
            d->injects[i].at <= end)
            n = add(v, n, d->injects[i].at, "Message: %s", d->injects[i].title);
    for (size_t i = 0; i < d->ndecisions; i++) {
        bh_decision_status ds;
        sim_decision_status(s, (int)i, &ds);
        const bh_decision_def *dd = &d->decisions[i];
        if (ds.state == DEC_CLOSED && dd->has_at && dd->at >= now && dd->at <= end)
            n = add(v, n, dd->at, "Decision opens: %s", dd->prompt);
        else if (ds.state == DEC_OPEN && !ds.frozen)
            n = add(v, n, ds.deadline, "Deadline: %s", dd->prompt);
    }
    for (size_t i = 0; i < d->nactions; i++) {
        bh_action_status as;
        bh_err e;
        if (sim_action_running(s, (int)i) && sim_action_status(s, (int)i, &as, &e) == BH_OK)
            n = add(v, n, as.ends, as.standing ? "Standing, runs: %s" : "Done: %s",
                    d->actions[i].label);
    }
    n = add(v, n, end, "%s", "The session ends");
    qsort(v, (size_t)n, sizeof *v, by_time);
    return n;
}

int facil_next(app *a, int x, int y, int w)
{
    ui *u = &a->u;
    bh_sim *s = a->game.sim;
    const bh_defs *d = sim_defs(s);
    bh_time now = sim_now(s);
    int y0 = y;
    next_item *v = calloc(NEXT_MAX, sizeof *v);
    if (!v)
        return facil_para(a, x, y, w, u->px_body, TC_BAD, "Out of memory.");
    int n = gather(a, v);
    for (int i = 0; i < n; i++) {
        char t[32], ahead[48], meta[100];
        dur_stamp(v[i].at, t, sizeof t);
        dur_format(v[i].at - now, ahead, sizeof ahead);
        snprintf(meta, sizeof meta, "%s  (in %s)", t, ahead);
        y += facil_para(a, x, y, w, u->px_small, TC_ACCENT, meta);
        y += facil_line(a, x, y, w, u->px_body, TC_TEXT, v[i].text) + u->gap;
    }
    free(v);
    /* frozen deadlines have no time while frozen */
    for (size_t i = 0; i < d->ndecisions; i++) {
        bh_decision_status ds;
        sim_decision_status(s, (int)i, &ds);
        if (ds.state == DEC_OPEN && ds.frozen) {
            char left[48], line[400];
            dur_format(ds.left, left, sizeof left);
            snprintf(line, sizeof line, "Deadline frozen (%s left): %s", left,
                     d->decisions[i].prompt);
            y += facil_line(a, x, y, w, u->px_body, TC_WARNING, line) + u->gap;
        }
    }
    /* waiting on a condition: no time to give */
    int head = 0;
    for (size_t i = 0; i < d->ninjects + d->ndecisions; i++) {
        int inj = i < d->ninjects;
        size_t k = inj ? i : i - d->ninjects;
        const char *what;
        if (inj) {
            if (d->injects[k].has_at || sim_inject_fired(s, (int)k))
                continue;
            what = d->injects[k].title;
        } else {
            bh_decision_status ds;
            sim_decision_status(s, (int)k, &ds);
            if (d->decisions[k].has_at || ds.state != DEC_CLOSED)
                continue;
            what = d->decisions[k].prompt;
        }
        if (!head++)
            y += facil_para(a, x, y + u->gap, w, u->px_small, TC_ACCENT,
                            "When its condition holds (no fixed time)") + u->gap;
        char line[400];
        snprintf(line, sizeof line, "%s: %s", inj ? "Message" : "Decision opens", what);
        y += facil_line(a, x, y, w, u->px_body, TC_TEXT_DIM, line) + u->gap / 2;
    }
    return y - y0;
}

/* ---- guidance ---- */

static int fnote(app *a, int x, int y, int w, const bh_fnote *f)
{
    ui *u = &a->u;
    const char *heads[4] = {"Note", "Good", "Expected", "Hint"};
    const char *parts[4] = {f->text, f->good, f->expected, f->hint};
    int y0 = y;
    for (int i = 0; i < 4; i++)
        if (parts[i] && parts[i][0]) {
            char line[1200];
            snprintf(line, sizeof line, "%s: %s", heads[i], parts[i]);
            y += facil_para(a, x, y, w, u->px_body, TC_TEXT, line) + u->gap / 2;
        }
    return y - y0;
}

/* The discussion questions, and the button that puts them up. */
static int discuss(app *a, int x, int y, int w, const bh_texts *q, rv_slide_kind kind, int index)
{
    ui *u = &a->u;
    if (!q->n)
        return 0;
    int y0 = y, bh = u->line + 2 * u->gap;
    y += facil_para(a, x, y, w, u->px_small, TC_ACCENT, "Discussion questions") + u->gap / 2;
    for (size_t i = 0; i < q->n; i++) {
        char line[1200];
        snprintf(line, sizeof line, "• %s", q->v[i]);
        y += facil_para(a, x, y, w, u->px_body, TC_TEXT, line) + u->gap / 2;
    }
    int up = a->show.slide == kind && a->show.slide_index == index;
    const char *lab = up ? "Take the questions down" : "Put the questions up";
    int bw = screen_button_w(a, lab);
    if (bw > w)
        bw = w;
    if (ui_button(u, ui_idn(u, kind == RV_SLIDE_DECISION ? "fqdec" : "fqinj", index),
                  (SDL_Rect){x, y, bw, bh}, lab, 0,
                  "Show these questions on the projector as a full-screen slide.")) {
        a->show.slide = up ? RV_SLIDE_NONE : kind;
        a->show.slide_index = index;
        if (!up)
            a->show.blank = a->show.hotwash = 0; /* the slide is what the room sees now */
    }
    return y + bh + u->gap - y0;
}

/* What the guidance is for, on one line. */
static int head(app *a, int x, int y, int w, const char *what, const char *text)
{
    ui *u = &a->u;
    char line[600];
    snprintf(line, sizeof line, "%s: %s", what, text);
    return facil_line(a, x, y, w, u->px_head, TC_ACCENT, line) + u->gap / 2;
}

static int decision_guide(app *a, int x, int y, int w, int di)
{
    ui *u = &a->u;
    const bh_decision_def *dd = &sim_defs(a->game.sim)->decisions[di];
    int y0 = y;
    y += head(a, x, y, w, "Decision", dd->prompt);
    y += fnote(a, x, y, w, &dd->facilitator);
    for (size_t k = 0; k < dd->noptions; k++)
        if (dd->options[k].recommended) {
            char line[600];
            snprintf(line, sizeof line, "Recommended: %c  %s", k < 26 ? 'A' + (int)k : '-',
                     dd->options[k].label);
            y += facil_para(a, x, y, w, u->px_body, TC_GOOD, line) + u->gap / 2;
        }
    y += discuss(a, x, y, w, &dd->discuss, RV_SLIDE_DECISION, di);
    return y - y0;
}

static int message_guide(app *a, int x, int y, int w, int inject)
{
    ui *u = &a->u;
    const bh_inject_def *x_ = &sim_defs(a->game.sim)->injects[inject];
    int y0 = y;
    y += head(a, x, y, w, "Message", x_->title);
    int h = fnote(a, x, y, w, &x_->facilitator);
    y += h;
    int q = discuss(a, x, y, w, &x_->discuss, RV_SLIDE_INJECT, inject);
    y += q;
    if (!h && !q)
        y += facil_para(a, x, y, w, u->px_body, TC_TEXT_DIM,
                        "The scenario gives no guidance for this message.") + u->gap;
    return y - y0;
}

/* The facilitator's own notes: never in the room's strip or projector. */
static int own_notes(app *a, int x, int y, int w)
{
    ui *u = &a->u;
    size_t n;
    const bh_log_entry *log = sim_log(a->game.sim, &n);
    int y0 = y, head = 0;
    for (size_t i = n; i-- > 0;) {
        if (log[i].kind != LOG_FNOTE)
            continue;
        if (!head++)
            y += facil_para(a, x, y + u->gap, w, u->px_small, TC_ACCENT,
                            "Your notes (only here) [N adds one]") + u->gap;
        char t[32], line[SIM_MAX_NOTE_BYTES + 40];
        snprintf(line, sizeof line, "%s  %s", dur_stamp(log[i].time, t, sizeof t),
                 log[i].text ? log[i].text : "");
        y += facil_para(a, x, y, w, u->px_small, TC_TEXT, line) + u->gap / 2;
    }
    return y - y0;
}

int facil_guide(app *a, int x, int y, int w)
{
    ui *u = &a->u;
    int y0 = y, shown = 0;
    int di = ops_open_decision(a->game.sim);
    if (di >= 0) {
        y += decision_guide(a, x, y, w, di) + u->pad;
        shown = 1;
    }
    size_t n;
    const bh_inbox_item *in = sim_inbox(a->game.sim, &n);
    if (a->inbox_sel >= 0 && (size_t)a->inbox_sel < n && in[a->inbox_sel].inject >= 0) {
        y += message_guide(a, x, y, w, in[a->inbox_sel].inject);
        shown = 1;
    }
    if (!shown)
        y += facil_para(a, x, y, w, u->px_body, TC_TEXT_DIM,
                        "Select a message in the inbox, or wait for a decision, to see its "
                        "guidance here.");
    y += own_notes(a, x, y, w);
    return y - y0;
}
