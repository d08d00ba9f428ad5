#include "core/transcript.h"

#include <math.h>
#include <string.h>

#include "core/text.h"

char *transcript_number(double v, char *buf, size_t n)
{
    return text_meter_number(v, 2, 0, buf, n);
}

/* A meter's change: two decimals at least, as the transcript always had,
 * and more when the meter's scale or a smaller change needs them, so that
 * a change never reads "0 -> 0". */
static void meter_change(const bh_meter_def *m, double from, double to, char *a, char *b,
                         size_t n)
{
    int dec = text_meter_decimals(m->max - m->min, from, to);
    dec = dec < 2 ? 2 : dec;
    text_meter_number(from, dec, 0, a, n);
    text_meter_number(to, dec, 0, b, n);
}

/* Free text typed in the room (notes, reasons, titles) may hold newlines.
 * Each line after the first is indented, so that no line of it can pass
 * for another entry of the transcript (or its ending line, which tools
 * read). Then `end`. */
static void put_text(FILE *f, const char *text, const char *end)
{
    for (const char *p = text ? text : ""; *p; p++) {
        fputc(*p, f);
        if (*p == '\n')
            fputs("          ", f);
    }
    fputs(end, f);
}

static const char *source_tag(bh_source s)
{
    return s == SRC_FACT      ? "fact"
           : s == SRC_FICTION ? "fiction"
           : s == SRC_ANALOGY ? "analogy"
                              : "untagged";
}

void transcript_header(FILE *f, const bh_sim *s, const char *scenario_path)
{
    const bh_scenario_def *sc = &sim_defs(s)->scenario;
    char when[64], len[32];
    fprintf(f, "Bulkhead transcript\n");
    fprintf(f, "Scenario: %s (%s, %s)\n", sc->title, sc->id, scenario_path);
    if (sc->based_on && sc->based_on[0])
        fprintf(f, "Based on %s\n", sc->based_on);
    fprintf(f, "Seed: %llu\n", (unsigned long long)sim_seed(s));
    fprintf(f, "T+0 is %s; the scenario lasts %s\n", cal_format(sc->start_epoch, when, sizeof when),
            dur_format(sc->length, len, sizeof len));
    if (sim_cut(s) >= 0) {
        const bh_cut_def *c = &sim_defs(s)->cuts[sim_cut(s)];
        fprintf(f, "Cut: %s (%s): the session lasts %s\n", c->id, c->label,
                dur_format(c->length, len, sizeof len));
    }
    fprintf(f, "\n");
}

/* One of the facilitator's interventions (what it caused follows it). */
static void facil(FILE *f, const bh_sim *s, const bh_defs *d, const bh_log_entry *e)
{
    char a[40], b[40];
    switch ((bh_input_kind)e->a) {
    case IN_FIRE:
        fprintf(f, "FACILITATOR fire %s now\n", d->injects[e->b].id);
        break;
    case IN_EXTEND:
        if (e->to < 0)
            fprintf(f, "FACILITATOR extend %s by %s (its clock is frozen)\n",
                    d->decisions[e->b].id, dur_format((bh_time)e->from, a, sizeof a));
        else
            fprintf(f, "FACILITATOR extend %s by %s: deadline %s\n", d->decisions[e->b].id,
                    dur_format((bh_time)e->from, a, sizeof a), dur_stamp((bh_time)e->to, b, sizeof b));
        break;
    case IN_FREEZE:
        fprintf(f, "FACILITATOR freeze %s: its clock stops with %s left\n", d->decisions[e->b].id,
                dur_format((bh_time)e->from, a, sizeof a));
        break;
    case IN_UNFREEZE:
        fprintf(f, "FACILITATOR unfreeze %s: deadline %s\n", d->decisions[e->b].id,
                dur_stamp((bh_time)e->to, b, sizeof b));
        break;
    case IN_ADJUST:
        fprintf(f, "FACILITATOR adjust %s %s: ", d->meters[e->b].label,
                text_decimal_format(e->from, a, sizeof a));
        put_text(f, e->text, "\n");
        break;
    case IN_MESSAGE:
        fprintf(f, "FACILITATOR message [%s] %s: ",
                defs_channel_name(sim_facil_message(s, e->b)->channel),
                sim_facil_message(s, e->b)->from);
        put_text(f, e->text, "");
        fprintf(f, " (%s)\n", sim_facil_message(s, e->b)->id);
        break;
    case IN_END:
        fputs("FACILITATOR end: ", f);
        put_text(f, e->text, "\n");
        break;
    default:
        break;
    }
}

/* The room's annotations, by role, never by name. */
static void room(FILE *f, const bh_defs *d, const bh_log_entry *e)
{
    const char *role = e->b < 0 ? "Observer" : d->teams[e->b].label;
    if (e->kind == LOG_PROPOSAL) {
        fprintf(f, "ROOM      proposal %s: %d more of %s asked for it\n", d->actions[e->a].id,
                (int)e->from, role);
        return;
    }
    const bh_decision_def *x = &d->decisions[e->a];
    int voters = 0;
    for (size_t o = 0; o < x->noptions && e->votes; o++)
        voters += e->votes[o * TALLY_CONF] + e->votes[o * TALLY_CONF + 1] +
                  e->votes[o * TALLY_CONF + 2];
    fprintf(f, "ROOM      vote %s, %s: %d of %d voted", x->id, role, voters, (int)e->from);
    for (size_t o = 0; o < x->noptions && e->votes; o++) {
        const int *v = e->votes + o * TALLY_CONF;
        if (v[0] || v[1] || v[2])
            fprintf(f, ", %s %d/%d/%d", x->options[o].id, v[0], v[1], v[2]);
    }
    fputs(voters ? " (low/medium/high)\n" : "\n", f);
}

size_t transcript_entries(FILE *f, const bh_sim *s, size_t from)
{
    size_t n;
    const bh_log_entry *log = sim_log(s, &n);
    const bh_defs *d = sim_defs(s);
    bh_time last = -1;
    if (from > 0 && from <= n)
        last = log[from - 1].time;
    for (size_t i = from; i < n; i++) {
        const bh_log_entry *e = &log[i];
        char stamp[40], day[32], a[32], b[32];
        if (e->time != last) {
            fprintf(f, "%s  %s  ", dur_stamp(e->time, stamp, sizeof stamp),
                    cal_format_short(d->scenario.start_epoch + e->time, day, sizeof day));
            last = e->time;
        } else {
            fprintf(f, "%26s", "");
        }
        switch (e->kind) {
        case LOG_INJECT: {
            const bh_inject_def *x = &d->injects[e->a];
            fprintf(f, "INJECT    [%s] %s%s%s  (%s%s%s)\n", defs_channel_name(x->channel),
                    x->from ? x->from : "", x->from ? ": " : "", x->title, source_tag(x->source),
                    x->ref ? ": " : "", x->ref ? x->ref : "");
            break;
        }
        case LOG_OPEN: {
            const bh_decision_def *x = &d->decisions[e->a];
            fprintf(f, "DECISION  %s: %s (deadline %s)\n", x->id, x->prompt,
                    dur_stamp((bh_time)e->to, stamp, sizeof stamp));
            break;
        }
        case LOG_START: {
            const bh_action_def *x = &d->actions[e->a];
            char every[96] = "";
            if (defs_standing(x)) { /* it runs until cancelled: say when */
                char t[80];
                snprintf(every, sizeof every, ", standing %s until cancelled",
                         defs_standing_text(x, t, sizeof t));
            }
            fprintf(f, "START     %s: %s (%s, %d staff, %s%s)\n", x->id, x->label,
                    d->teams[x->team].label, x->staff, dur_format(x->takes, a, sizeof a), every);
            break;
        }
        case LOG_CANCEL:
            fprintf(f, "CANCEL    %s: %s\n", d->actions[e->a].id, d->actions[e->a].label);
            break;
        case LOG_DONE:
            fprintf(f, "DONE      %s: %s\n", d->actions[e->a].id, d->actions[e->a].label);
            break;
        case LOG_CHOOSE:
        case LOG_DEFAULT: {
            const bh_decision_def *x = &d->decisions[e->a];
            fprintf(f, "%s %s -> %s: %s%s\n", e->kind == LOG_CHOOSE ? "CHOSE    " : "DEFAULT  ",
                    x->id, x->options[e->b].id, x->options[e->b].label,
                    e->kind == LOG_DEFAULT ? " (the deadline passed)" : "");
            break;
        }
        case LOG_METER:
            meter_change(&d->meters[e->a], e->from, e->to, a, b, sizeof a);
            fprintf(f, "meter     %s %s -> %s\n", d->meters[e->a].label, a, b);
            break;
        case LOG_SYSTEM:
            fprintf(f, "system    %s %s -> %s\n", d->systems[e->a].label,
                    defs_status_name((bh_status_word)e->from), defs_status_name((bh_status_word)e->to));
            break;
        case LOG_TEAM:
            fprintf(f, "team      %s staff %s -> %s\n", d->teams[e->a].label,
                    transcript_number(e->from, a, sizeof a), transcript_number(e->to, b, sizeof b));
            break;
        case LOG_NOTE:
            fputs("note      ", f);
            put_text(f, e->text, "\n");
            break;
        case LOG_FNOTE:
            fputs("FACILITATOR ", f);
            put_text(f, e->text, "\n");
            break;
        case LOG_FACIL:
            facil(f, s, d, e);
            break;
        case LOG_VOTE: case LOG_PROPOSAL:
            room(f, d, e);
            break;
        case LOG_ENDING:
            if (e->a >= 0)
                fprintf(f, "ENDING    %s: %s%s\n", defs_ending_at(d, e->a)->id,
                        defs_ending_at(d, e->a)->title, e->b ? " (time ran out)" : "");
            else
                fprintf(f, "ENDING    time ran out (the scenario declares no fallback ending)\n");
            break;
        }
    }
    return n;
}

/* The ending's findings that held, one per line under "In this session:";
 * a finding whose `when` failed shows its error instead, so an author
 * sees it rather than a silently shorter list. */
static void put_findings(FILE *f, const bh_sim *s, const bh_ending_def *e)
{
    int head = 0;
    for (size_t i = 0; e && i < e->nfindings; i++) {
        const char *why;
        bh_obj_result r = sim_finding(s, (int)i, &why);
        if (r != OBJ_MET && !why)
            continue;
        if (!head++)
            fputs("\nIn this session:\n", f);
        if (why) {
            fprintf(f, "  ! finding %zu not judged: ", i + 1);
            put_text(f, why, "\n");
        } else {
            fputs("  - ", f);
            put_text(f, e->findings[i].text, "\n");
        }
    }
}

void transcript_footer(FILE *f, const bh_sim *s)
{
    const bh_defs *d = sim_defs(s);
    char num[32], stamp[40];
    fprintf(f, "\n");
    if (sim_failed(s)) {
        fprintf(f, "Stopped at %s by a script error.\n", dur_stamp(sim_now(s), stamp, sizeof stamp));
    } else if (sim_ended(s)) {
        const bh_ending_def *e = defs_ending_at(d, sim_ending(s));
        fprintf(f, "Ending at %s: %s\n", dur_stamp(sim_now(s), stamp, sizeof stamp),
                e ? e->title : "time ran out");
        if (e && e->text)
            fprintf(f, "%s\n", e->text);
        put_findings(f, s, e);
        if (sim_end_reason(s)) {
            fputs("The facilitator's reason: ", f);
            put_text(f, sim_end_reason(s), "\n");
        }
    } else {
        fprintf(f, "Not finished; stopped at %s.\n", dur_stamp(sim_now(s), stamp, sizeof stamp));
    }
    if (d->nobjectives) {
        /* One line each, the result first, so a test can read it: "  met  id: text" */
        fprintf(f, "\nObjectives:\n");
        for (size_t i = 0; i < d->nobjectives; i++) {
            const char *why;
            bh_obj_result r = sim_objective(s, (int)i, &why);
            fprintf(f, "  %-11s %s: ", sim_obj_result_name(r), d->objectives[i].id);
            put_text(f, d->objectives[i].text, "\n");
            if (why) {
                fputs("              error: ", f);
                put_text(f, why, "\n");
            }
        }
    }
    fprintf(f, "\nFinal meters:\n");
    for (size_t i = 0; i < d->nmeters; i++)
        fprintf(f, "  %-28s %s\n", d->meters[i].label,
                transcript_number(sim_meter(s, (int)i), num, sizeof num));
    fprintf(f, "Final systems:\n");
    for (size_t i = 0; i < d->nsystems; i++)
        fprintf(f, "  %-28s %s\n", d->systems[i].label, defs_status_name(sim_system(s, (int)i)));
}
