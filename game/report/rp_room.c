/* rp_room: what the room said, for the report (issue 14): each decision's
 * votes as the journal's `vote` annotations left them (sim_tally), and
 * the actions the phones proposed with what became of them. By role,
 * never by name: the log holds no person.
 *
 * A decision with votes gains "room":
 *   t, stamp, clock      when the tally was taken (just before the choice)
 *   joined, voters       phones in the room, votes cast; participation_pct (0..100)
 *   options              [{id, letter "A".., label, votes, confidence {low, medium, high}}]
 *   roles                [{role (team id or "observer"), label, joined, voters,
 *                          votes [per option, in the options' order]}]
 *   alignment            {share_pct (the top option's share of the votes, 0..100),
 *                          unified (share >= 60%)}
 *   confidence           {low, medium, high (votes), score (the mean, 0 every vote low
 *                          .. 100 every vote high; 0 without votes),
 *                          mostly ("low"|"medium"|"high", or null on a tie or no votes)}
 *   majority             the top option's id, or null (no votes, or a tie)
 *   committed            the option the session took (id), or null while open;
 *                        by_default: the deadline took it
 *   committed_majority   whether that was the majority; null without one or while open
 *   summary, split       two sentences for people (the debrief shows them)
 * The report gains a top-level "room" when the journal has votes or
 * proposals:
 *   decisions  [{id, prompt, t, stamp, clock, joined, voters, participation_pct}]
 *   proposals  [{action, label, t, stamp, clock (the first request), people,
 *                roles [{role, label, people}], started {t, stamp, clock} or null}]
 * Shares are whole percents (Jansson writes reals with 17 digits). */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/rp_report.h"

/* A share as a whole percent: Jansson writes reals with 17 digits. */
static json_t *pct(double x) { return json_integer((json_int_t)lround(x * 100)); }

static const char *role_key(const bh_defs *d, const bh_tally *t, int r)
{
    return r == TALLY_OBSERVER(t) ? "observer" : d->teams[r].id;
}

static const char *role_label(const bh_defs *d, int team)
{
    return team < 0 ? "Observer" : d->teams[team].label;
}

/* Append to buf[*o..n), never past its end. */
__attribute__((format(printf, 4, 5))) static void add(char *buf, size_t n, size_t *o,
                                                      const char *fmt, ...)
{
    if (*o >= n - 1)
        return;
    va_list ap;
    va_start(ap, fmt);
    int w = vsnprintf(buf + *o, n - *o, fmt, ap);
    va_end(ap);
    *o = w < 0 ? *o : *o + (size_t)w < n ? *o + (size_t)w : n - 1;
}

static json_t *conf_counts(const int c[TALLY_CONF])
{
    json_t *o = json_object();
    for (int k = 0; k < TALLY_CONF; k++)
        json_object_set_new(o, tally_conf_name(k), json_integer(c[k]));
    return o;
}

/* "A. Refuse: 5 (IT 3, Legal 2) · B. Pay: 2 (Ops 2)": options with votes, each
 * with its roles, most votes first. */
static void split_text(const bh_defs *d, const bh_decision_def *dd, const bh_tally *t,
                       const tally_sum *all, char *buf, size_t n)
{
    size_t o = 0;
    buf[0] = '\0';
    for (int k = 0; k < t->noptions; k++) {
        if (!all->by_option[k])
            continue;
        add(buf, n, &o, "%s%c. %s: %d (", o ? " · " : "", 'A' + k, dd->options[k].label,
            all->by_option[k]);
        int per[256 + 1], nr = 0; /* roles with votes for it, most first */
        for (int r = 0; r < t->nroles && nr < 256; r++) {
            tally_sum rs;
            tally_sum_of(t, r, &rs);
            if (!rs.by_option[k])
                continue;
            int j = nr++;
            for (; j > 0; j--) {
                tally_sum ps;
                tally_sum_of(t, per[j - 1], &ps);
                if (ps.by_option[k] >= rs.by_option[k])
                    break;
                per[j] = per[j - 1];
            }
            per[j] = r;
        }
        for (int j = 0; j < nr; j++) {
            tally_sum rs;
            tally_sum_of(t, per[j], &rs);
            int team = per[j] == TALLY_OBSERVER(t) ? -1 : per[j];
            add(buf, n, &o, "%s%s %d", j ? ", " : "", role_label(d, team), rs.by_option[k]);
        }
        add(buf, n, &o, ")");
    }
    rp_whole(buf);
}

static const char *mostly(const tally_sum *all)
{
    int best = -1, tie = 0;
    for (int c = 0; c < TALLY_CONF; c++) {
        if (best < 0 || all->by_conf[c] > all->by_conf[best]) {
            best = c;
            tie = 0;
        } else if (all->by_conf[c] == all->by_conf[best]) {
            tie = 1;
        }
    }
    return all->voters && !tie ? tally_conf_name(best) : NULL;
}

/* "7 of 9 voted · unified 71% · confidence mostly high · the room's
 * majority was committed" */
static void summary_text(const tally_sum *all, const bh_decision_status *ds, char *buf, size_t n)
{
    size_t o = 0;
    buf[0] = '\0';
    add(buf, n, &o, "%d of %d voted", all->voters, all->joined);
    if (!all->voters)
        return;
    if (all->unified)
        add(buf, n, &o, " · unified %d%%", (int)lround(all->share * 100));
    else
        add(buf, n, &o, " · divided (the top option has %d%%)", (int)lround(all->share * 100));
    const char *m = mostly(all);
    if (m)
        add(buf, n, &o, " · confidence mostly %s", m);
    else
        add(buf, n, &o, " · confidence mixed");
    int decided = ds->state == DEC_DECIDED && ds->chosen >= 0;
    const char *end = !decided ? " · still open"
        : all->top < 0 ? " · no majority (a tie)"
        : ds->by_default ? (ds->chosen == all->top ? " · the deadline took the room's majority"
                                                   : " · the deadline took another option than "
                                                     "the room's majority")
        : ds->chosen == all->top ? " · the room's majority was committed"
                                 : " · the committed choice was not the room's majority";
    add(buf, n, &o, "%s", end);
}

static bh_time vote_time(const bh_sim *s, int i)
{
    size_t n;
    const bh_log_entry *log = sim_log(s, &n);
    while (n > 0 && !(log[n - 1].kind == LOG_VOTE && log[n - 1].a == i))
        n--;
    return n ? log[n - 1].time : 0;
}

json_t *rp_room_decision(const bh_sim *s, int i)
{
    bh_tally t;
    bh_err e;
    if (sim_tally(s, i, &t, &e) != BH_OK)
        return NULL;
    if (t.decision < 0) {
        tally_free(&t);
        return NULL;
    }
    const bh_defs *d = sim_defs(s);
    const bh_decision_def *dd = &d->decisions[i];
    tally_sum all;
    tally_sum_of(&t, -1, &all);
    bh_decision_status ds;
    sim_decision_status(s, i, &ds);
    json_t *o = json_object(), *opts = json_array(), *roles = json_array();
    rp_set_stamp(o, s, vote_time(s, i));
    json_object_set_new(o, "joined", json_integer(all.joined));
    json_object_set_new(o, "voters", json_integer(all.voters));
    json_object_set_new(o, "participation_pct",
                        pct(all.joined ? (double)all.voters / all.joined : 0));
    for (int k = 0; k < t.noptions; k++) {
        json_t *x = json_object();
        char letter[2] = {(char)('A' + k), 0};
        int c[TALLY_CONF] = {0};
        for (int r = 0; r < t.nroles; r++)
            for (int q = 0; q < TALLY_CONF; q++)
                c[q] += *tally_cell(&t, r, k, q);
        json_object_set_new(x, "id", json_string(dd->options[k].id));
        json_object_set_new(x, "letter", json_string(letter));
        json_object_set_new(x, "label", json_string(dd->options[k].label));
        json_object_set_new(x, "votes", json_integer(all.by_option[k]));
        json_object_set_new(x, "confidence", conf_counts(c));
        json_array_append_new(opts, x);
    }
    for (int r = 0; r < t.nroles; r++) {
        tally_sum rs;
        tally_sum_of(&t, r, &rs);
        if (!rs.joined && !rs.voters)
            continue;
        json_t *x = json_object(), *v = json_array();
        json_object_set_new(x, "role", json_string(role_key(d, &t, r)));
        json_object_set_new(x, "label",
                            json_string(role_label(d, r == TALLY_OBSERVER(&t) ? -1 : r)));
        json_object_set_new(x, "joined", json_integer(rs.joined));
        json_object_set_new(x, "voters", json_integer(rs.voters));
        for (int k = 0; k < t.noptions; k++)
            json_array_append_new(v, json_integer(rs.by_option[k]));
        json_object_set_new(x, "votes", v);
        json_array_append_new(roles, x);
    }
    json_object_set_new(o, "options", opts);
    json_object_set_new(o, "roles", roles);
    json_t *al = json_object(), *cf = conf_counts(all.by_conf);
    json_object_set_new(al, "share_pct", pct(all.share));
    json_object_set_new(al, "unified", json_boolean(all.unified));
    json_object_set_new(o, "alignment", al);
    /* the mean on a scale of 0 (every vote low) to 100 (every vote high) */
    json_object_set_new(cf, "score", pct(all.voters ? (all.confidence - 1) / 2 : 0));
    json_object_set_new(cf, "mostly", mostly(&all) ? json_string(mostly(&all)) : json_null());
    json_object_set_new(o, "confidence", cf);
    json_object_set_new(o, "majority",
                        all.top >= 0 ? json_string(dd->options[all.top].id) : json_null());
    int decided = ds.state == DEC_DECIDED && ds.chosen >= 0;
    json_object_set_new(o, "committed",
                        decided ? json_string(dd->options[ds.chosen].id) : json_null());
    json_object_set_new(o, "by_default", json_boolean(decided && ds.by_default));
    json_object_set_new(o, "committed_majority", decided && all.top >= 0
                                                     ? json_boolean(ds.chosen == all.top)
                                                     : json_null());
    char buf[4096];
    summary_text(&all, &ds, buf, sizeof buf);
    json_object_set_new(o, "summary", json_string(rp_whole(buf)));
    split_text(d, dd, &t, &all, buf, sizeof buf);
    json_object_set_new(o, "split", json_string(buf));
    tally_free(&t);
    return o;
}

/* Participation on each decision that has votes, from the built model. */
static json_t *participation(const json_t *decisions)
{
    json_t *a = json_array();
    size_t i;
    const json_t *dj;
    json_array_foreach(decisions, i, dj)
    {
        const json_t *room = json_object_get(dj, "room");
        if (!room)
            continue;
        json_t *x = json_object();
        json_object_set_new(x, "id", json_string(rp_str(dj, "id")));
        json_object_set_new(x, "prompt", json_string(rp_str(dj, "prompt")));
        static const char *const keys[] = {"t", "stamp", "clock", "joined", "voters",
                                           "participation_pct"};
        for (size_t k = 0; k < sizeof keys / sizeof *keys; k++)
            json_object_set(x, keys[k], json_object_get(room, keys[k]));
        json_array_append_new(a, x);
    }
    return a;
}

/* The role entry `team` of a proposal, made when it is first seen. */
static json_t *role_entry(const bh_defs *d, json_t *roles, int team)
{
    const char *key = team < 0 ? "observer" : d->teams[team].id;
    size_t i;
    json_t *x;
    json_array_foreach(roles, i, x) if (strcmp(rp_str(x, "role"), key) == 0) return x;
    x = json_object();
    json_object_set_new(x, "role", json_string(key));
    json_object_set_new(x, "label", json_string(role_label(d, team)));
    json_object_set_new(x, "people", json_integer(0));
    json_array_append_new(roles, x);
    return x;
}

static void bump(json_t *o, const char *key, json_int_t by)
{
    json_object_set_new(o, key, json_integer(json_integer_value(json_object_get(o, key)) + by));
}

static json_t *proposals(const bh_sim *s)
{
    const bh_defs *d = sim_defs(s);
    size_t n;
    const bh_log_entry *log = sim_log(s, &n);
    json_t *a = json_array();
    json_t **of = calloc(d->nactions + 1, sizeof *of); /* each action's entry */
    if (!of)
        return a;
    for (size_t i = 0; i < n; i++) {
        const bh_log_entry *e = &log[i];
        if (e->kind == LOG_START && of[e->a] && !json_object_get(of[e->a], "started")) {
            json_t *st = json_object();
            rp_set_stamp(st, s, e->time);
            json_object_set_new(of[e->a], "started", st);
        }
        if (e->kind != LOG_PROPOSAL)
            continue;
        if (!of[e->a]) {
            json_t *x = of[e->a] = json_object();
            json_object_set_new(x, "action", json_string(d->actions[e->a].id));
            json_object_set_new(x, "label", json_string(d->actions[e->a].label));
            rp_set_stamp(x, s, e->time);
            json_object_set_new(x, "people", json_integer(0));
            json_object_set_new(x, "roles", json_array());
            json_array_append_new(a, x);
        }
        bump(of[e->a], "people", (json_int_t)e->from);
        bump(role_entry(d, json_object_get(of[e->a], "roles"), e->b), "people",
             (json_int_t)e->from);
    }
    size_t i;
    json_t *x;
    json_array_foreach(a, i, x) if (!json_object_get(x, "started"))
        json_object_set_new(x, "started", json_null()); /* never started */
    free(of);
    return a;
}

json_t *rp_room(const bh_sim *s, const json_t *decisions)
{
    size_t n;
    const bh_log_entry *log = sim_log(s, &n);
    int any = 0;
    for (size_t i = 0; i < n && !any; i++)
        any = log[i].kind == LOG_VOTE || log[i].kind == LOG_PROPOSAL;
    if (!any)
        return NULL;
    json_t *o = json_object();
    json_object_set_new(o, "decisions", participation(decisions));
    json_object_set_new(o, "proposals", proposals(s));
    return o;
}
