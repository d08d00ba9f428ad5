/* rv_model: building the room view model (see rv_model.h). Each part of
 * the model is copied field by field from the sim and the defs: only
 * fields named here reach the room, so a field added to the defs later
 * (another facilitator note, a hint) stays out until someone decides it
 * is player-safe. The discussion slide and the hot wash are built in
 * rv_hotwash.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "room/rv_model.h"

/* 1 when any of the strings could not be copied. */
static int missing(char *const *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!v[i])
            return 1;
    return 0;
}

static void format_clock(bh_time t, char *buf, size_t n)
{
    long long h = (long long)(t / 3600), mi = (long long)(t % 3600 / 60);
    snprintf(buf, n, "T+%02lld:%02lld", h, mi);
}

/* The real-minute length of play: the cut's agenda when it plans one, else
 * the simulated length at 1x. */
static int play_minutes(const bh_sim *s, int agenda_min)
{
    if (agenda_min > 0)
        return agenda_min;
    double rate = sim_rate(s) > 0 ? sim_rate(s) : 1;
    return (int)((double)sim_length(s) / rate / 60 + 0.5);
}

/* Before play, the room sees what the session will be: the briefing, the
 * play (how much simulated time, in how many real minutes) and the hot
 * wash. The facilitator's own agenda is theirs; these three steps are
 * what every workshop of a scenario shares. */
static bh_status build_agenda(rv_model *m, const bh_sim *s)
{
    m->agenda = mem_calloc(3, sizeof *m->agenda);
    if (!m->agenda)
        return BH_ENOMEM;
    m->nagenda = 3;
    char len[32], play[300];
    dur_format(sim_length(s), len, sizeof len);
    snprintf(play, sizeof play, "%s%s%s of simulated time in about %d minutes",
             m->cut_label[0] ? m->cut_label : "", m->cut_label[0] ? ": " : "", len,
             play_minutes(s, m->agenda_min));
    const char *meta[3] = {"1  Briefing", "2  Play", "3  Hot wash"};
    const char *text[3] = {"The situation, the teams, and how the room decides", play,
                           "What happened, what we chose, and what we learn from it"};
    for (int i = 0; i < 3; i++) {
        m->agenda[i].meta = rv_dup(meta[i]);
        m->agenda[i].text = rv_dup(text[i]);
        if (!m->agenda[i].meta || !m->agenda[i].text)
            return BH_ENOMEM;
    }
    return BH_OK;
}

static int meter_trend(const bh_sim *s, int i, double v)
{
    size_t n;
    const bh_point *p = sim_meter_history(s, i, &n);
    double before = sim_defs(s)->meters[i].start;
    for (size_t k = 0; k < n && p[k].time <= sim_now(s) - 1800; k++)
        before = p[k].value;
    return v > before + 1e-9 ? 1 : v < before - 1e-9 ? -1 : 0;
}

static bh_status build_world(rv_model *m, const bh_sim *s)
{
    const bh_defs *d = sim_defs(s);
    m->meters = mem_calloc(d->nmeters + 1, sizeof *m->meters);
    m->systems = mem_calloc(d->nsystems + 1, sizeof *m->systems);
    m->teams = mem_calloc(d->nteams + 1, sizeof *m->teams);
    m->running = mem_calloc(d->nactions + 1, sizeof *m->running);
    if (!m->meters || !m->systems || !m->teams || !m->running)
        return BH_ENOMEM;
    for (size_t i = 0; i < d->nmeters; i++, m->nmeters++) {
        const bh_meter_def *md = &d->meters[i];
        rv_meter *r = &m->meters[i];
        r->value = sim_meter(s, (int)i);
        r->min = md->min;
        r->max = md->max;
        r->start = md->start;
        r->good_low = md->good_low;
        r->trend = meter_trend(s, (int)i, r->value);
        if (!(r->label = rv_dup(md->label)))
            return BH_ENOMEM;
    }
    for (size_t i = 0; i < d->nsystems; i++, m->nsystems++) {
        m->systems[i].status = sim_system(s, (int)i);
        if (!(m->systems[i].label = rv_dup(d->systems[i].label)))
            return BH_ENOMEM;
    }
    for (size_t i = 0; i < d->nteams; i++, m->nteams++) {
        m->teams[i].staff = sim_team_staff(s, (int)i);
        m->teams[i].free = sim_team_free(s, (int)i);
        if (!(m->teams[i].label = rv_dup(d->teams[i].label)))
            return BH_ENOMEM;
    }
    for (size_t i = 0; i < d->nactions; i++) {
        bh_time started, ends;
        if (!sim_action_times(s, (int)i, &started, &ends))
            continue;
        rv_running *r = &m->running[m->nrunning++];
        bh_time span = ends - started;
        r->done = span > 0 ? (double)(m->now - started) / (double)span : 1.0;
        r->left = ends > m->now ? ends - m->now : 0;
        r->label = rv_dup(d->actions[i].label);
        r->team = rv_dup(d->teams[d->actions[i].team].label);
        if (!r->label || !r->team)
            return BH_ENOMEM;
        if (defs_standing(&d->actions[i])) { /* no finish: its next run instead */
            char every[80];
            r->done = 0;
            if (!(r->standing = rv_dup(defs_standing_text(&d->actions[i], every, sizeof every))))
                return BH_ENOMEM;
        }
    }
    return BH_OK;
}

static bh_status build_message(rv_model *m, const bh_sim *s)
{
    size_t n;
    const bh_inbox_item *in = sim_inbox(s, &n);
    if (!n)
        return BH_OK;
    /* a facilitator's `message` arrives here too: it was sent to the room */
    const bh_inject_def *it = sim_inbox_def(s, &in[n - 1]);
    if (!it)
        return BH_OK;
    m->latest.has = 1;
    m->latest.channel = it->channel;
    m->latest.at = in[n - 1].time;
    m->latest.from = rv_dup(it->from);
    m->latest.title = rv_dup(it->title);
    m->latest.body = rv_dup(it->body);
    char *v[] = {m->latest.from, m->latest.title, m->latest.body};
    return missing(v, 3) ? BH_ENOMEM : BH_OK;
}

/* The open decision the room must answer first: the least time left (a
 * frozen one counts with the time it kept). */
static int first_open(const bh_sim *s, bh_decision_status *out, int *open)
{
    const bh_defs *d = sim_defs(s);
    int best = -1;
    *open = 0;
    for (size_t i = 0; i < d->ndecisions; i++) {
        bh_decision_status ds;
        sim_decision_status(s, (int)i, &ds);
        *open += ds.state == DEC_OPEN;
        if (ds.state == DEC_OPEN && (best < 0 || ds.left < out->left)) {
            best = (int)i;
            *out = ds;
        }
    }
    return best;
}

int rv_open_decision(const bh_sim *s)
{
    bh_decision_status ds;
    int open;
    return sim_ended(s) ? -1 : first_open(s, &ds, &open);
}

static bh_status build_decision(rv_model *m, const bh_sim *s, int speed)
{
    bh_decision_status ds;
    int open = 0, di = sim_ended(s) ? -1 : first_open(s, &ds, &open);
    if (di < 0)
        return BH_OK;
    const bh_decision_def *dd = &sim_defs(s)->decisions[di];
    rv_decision *r = &m->decision;
    r->open = 1;
    r->index = di;
    r->others = open - 1;
    r->left = ds.left > 0 ? ds.left : 0;
    r->frozen = ds.frozen;
    r->total = ds.deadline - ds.opened;
    double rate = sim_rate(s) > 0 ? sim_rate(s) : 1;
    /* as play_real_seconds_until: a stopped clock has no real time left */
    r->left_real = speed > 0 && !ds.frozen ? (double)r->left / (rate * speed) : -1;
    r->prompt = rv_dup(dd->prompt);
    r->from = rv_dup(dd->from);
    r->default_label = rv_dup(dd->options[dd->default_opt].label);
    r->options = mem_calloc(dd->noptions + 1, sizeof *r->options);
    if (!r->prompt || !r->from || !r->default_label || !r->options)
        return BH_ENOMEM;
    for (size_t i = 0; i < dd->noptions; i++) {
        rv_option *o = &r->options[r->noptions++];
        o->letter = (char)('A' + (int)i); /* as the console names it (the loader allows 12) */
        o->is_default = (int)i == dd->default_opt;
        o->recommended = 0; /* the advice stays with the facilitator until the ending */
        o->label = rv_dup(dd->options[i].label);
        o->text = rv_dup(dd->options[i].text);
        if (!o->label || !o->text)
            return BH_ENOMEM;
    }
    return BH_OK;
}

static bh_status build_ending(rv_model *m, const bh_sim *s)
{
    const bh_ending_def *en = defs_ending_at(sim_defs(s), sim_ending(s));
    /* the ending's own text: a facilitator's reason for `end` stays theirs */
    m->ending_title = rv_dup(en ? en->title : "Time ran out");
    if (en && en->nfindings) /* with the findings that held, as the game shows them */
        m->ending_text = sim_ending_text(s);
    else
        m->ending_text =
            rv_dup(en ? en->text : "The exercise reached its length without reaching an ending.");
    m->ending_tone = en ? en->tone : TONE_NONE;
    return m->ending_title && m->ending_text ? BH_OK : BH_ENOMEM;
}

static bh_status build(rv_model *m, const rv_source *src, const rv_show *show)
{
    const bh_sim *s = src->sim;
    const bh_defs *d = sim_defs(s);
    m->phase = sim_ended(s) ? RV_ENDED : src->started ? RV_PLAYING : RV_BEFORE;
    m->blank = show->blank;
    /* the title names the window even behind the holding slide; nothing
     * else of the session is in a blank model */
    if (!(m->title = rv_dup(d->scenario.title)))
        return BH_ENOMEM;
    if (rv_build_roles(m, d) != BH_OK)
        return BH_ENOMEM;
    snprintf(m->session, sizeof m->session, "%s", src->session ? src->session : "");
    if (m->blank)
        return BH_OK;
    m->now = sim_now(s);
    m->length = sim_length(s);
    m->speed = src->speed > 0 ? src->speed : 0;
    format_clock(m->now, m->clock, sizeof m->clock);
    cal_format(d->scenario.start_epoch + m->now, m->calendar, sizeof m->calendar);
    int cut = sim_cut(s);
    m->cut_label = rv_dup(cut >= 0 ? d->cuts[cut].label : "");
    m->agenda_min = cut >= 0 ? d->cuts[cut].agenda : 0;
    m->organisation = rv_dup(d->scenario.organisation);
    m->summary = rv_dup(d->scenario.summary);
    m->join = rv_dup(src->join);
    m->join_code = rv_dup(src->join_code);
    char *v[] = {m->cut_label, m->organisation, m->summary, m->join, m->join_code};
    bh_status st = missing(v, 5) ? BH_ENOMEM : BH_OK;
    /* only the page before play shows the code; a URL too long for one
     * leaves no code (version 0) and the projector shows the URL alone */
    if (st == BH_OK && m->phase == RV_BEFORE && m->join[0]) {
        bh_err qe;
        if (rv_qr_encode(m->join, &m->join_qr, &qe) == BH_ENOMEM)
            st = BH_ENOMEM;
        for (int i = 0; st == BH_OK && i < RV_JOIN_ALSO && src->join_also[i]; i++) {
            int k = m->njoin_also;
            if (!(m->join_also[k] = rv_dup(src->join_also[i])))
                st = BH_ENOMEM;
            else if (rv_qr_encode(m->join_also[k], &m->join_also_qr[k], &qe) == BH_ENOMEM)
                st = BH_ENOMEM;
            m->njoin_also += m->join_also[k] != NULL;
        }
    }
    if (st == BH_OK && m->phase == RV_BEFORE)
        st = build_agenda(m, s);
    if (st == BH_OK)
        st = build_world(m, s);
    if (st == BH_OK)
        st = build_message(m, s);
    if (st == BH_OK)
        st = build_decision(m, s, m->speed);
    if (st == BH_OK && m->phase == RV_ENDED)
        st = build_ending(m, s);
    if (st == BH_OK)
        st = rv_build_slide(m, s, show);
    if (st == BH_OK)
        st = rv_build_hotwash(m, s, src->report, show);
    if (st == BH_OK)
        st = rv_build_room(m, src, show);
    return st;
}

bh_status rv_build(rv_model *m, const rv_source *src, const rv_show *show, bh_err *err)
{
    memset(m, 0, sizeof *m);
    m->blank = 1; /* what a failed build leaves: the holding slide, safe to draw */
    if (!src || !src->sim || !show)
        return err_set(err, BH_EUSAGE, "", 0, "the room's view needs a session");
    if (build(m, src, show) != BH_OK) {
        rv_free(m);
        m->blank = 1;
        return err_set(err, BH_ENOMEM, "", 0, "out of memory building the room's view");
    }
    return BH_OK;
}

bh_status rv_build_waiting(rv_model *m, const bh_defs *d, bh_err *err)
{
    memset(m, 0, sizeof *m);
    m->phase = RV_BEFORE;
    m->blank = 1;
    if (!(m->title = rv_dup(d->scenario.title)) || rv_build_roles(m, d) != BH_OK) {
        rv_free(m);
        m->blank = 1;
        return err_set(err, BH_ENOMEM, "", 0, "out of memory building the room's view");
    }
    return BH_OK;
}

static void free_rows(rv_row *r, size_t n)
{
    for (size_t i = 0; r && i < n; i++) {
        free(r[i].meta);
        free(r[i].text);
    }
    free(r);
}

void rv_free(rv_model *m)
{
    free(m->title);
    free(m->organisation);
    free(m->summary);
    free(m->cut_label);
    free(m->join);
    free(m->join_code);
    for (int i = 0; i < m->njoin_also; i++)
        free(m->join_also[i]);
    free_rows(m->agenda, m->nagenda);
    for (size_t i = 0; i < m->nmeters; i++)
        free(m->meters[i].label);
    free(m->meters);
    for (size_t i = 0; i < m->nsystems; i++)
        free(m->systems[i].label);
    free(m->systems);
    for (size_t i = 0; i < m->nteams; i++)
        free(m->teams[i].label);
    free(m->teams);
    for (size_t i = 0; i < m->nrunning; i++) {
        free(m->running[i].label);
        free(m->running[i].team);
        free(m->running[i].standing);
    }
    free(m->running);
    free(m->latest.from);
    free(m->latest.title);
    free(m->latest.body);
    rv_decision *dc = &m->decision;
    free(dc->prompt);
    free(dc->from);
    free(dc->default_label);
    for (size_t i = 0; i < dc->noptions; i++) {
        free(dc->options[i].label);
        free(dc->options[i].text);
    }
    free(dc->options);
    free(m->slide_title);
    free_rows(m->questions, m->nquestions);
    free(m->ending_title);
    free(m->ending_text);
    free(m->tab_title);
    free_rows(m->rows, m->nrows);
    rv_free_room(m);
    memset(m, 0, sizeof *m);
}

void rv_window_title(const rv_model *m, char *buf, size_t n)
{
    snprintf(buf, n, "Bulkhead projector — %s", m->title ? m->title : "");
    /* a title is one line in a task bar: a newline or a tab in the
     * scenario's title becomes a space */
    for (char *c = buf; *c; c++)
        if ((unsigned char)*c < 0x20)
            *c = ' ';
}
