/* rp_read: small readers of the report model that the builder and every
 * writer share: a field as a string or a number ("" or 0 when absent), a
 * file's base name, a timeline kind as a word for people, a source kind
 * (fact, analogy, fiction) as words for people, a meter's values with
 * the decimals its scale and the change need (core/text.h), and a moment
 * as the model writes it. They sit
 * below both, so the writers never call back into the builder. */
#include <stdio.h>
#include <string.h>

#include "core/text.h"
#include "report/rp_report.h"

const char *rp_str(const json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    return s ? s : "";
}

double rp_num(const json_t *o, const char *key)
{
    return json_number_value(json_object_get(o, key));
}

/* A string cut short by snprintf may end inside a UTF-8 character, and
 * Jansson refuses invalid UTF-8 (returning NULL, which would drop the line
 * silently): trim back to the last whole character. */
char *rp_whole(char *s)
{
    size_t n = strlen(s), k = n;
    while (k > 0 && ((unsigned char)s[k - 1] & 0xC0) == 0x80)
        k--;
    if (k > 0 && (unsigned char)s[k - 1] >= 0xC0) {
        unsigned char c = (unsigned char)s[k - 1];
        size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        if (n - (k - 1) < need)
            s[k - 1] = 0;
    }
    return s;
}

void rp_set_stamp(json_t *o, const bh_sim *s, bh_time t)
{
    char st[32], cl[32];
    dur_stamp(t, st, sizeof st);
    cal_format_short(sim_defs(s)->scenario.start_epoch + t, cl, sizeof cl);
    json_object_set_new(o, "t", json_integer(t));
    json_object_set_new(o, "stamp", json_string(st));
    json_object_set_new(o, "clock", json_string(cl));
}

const char *rp_base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

const char *rp_source_label(const char *source)
{
    return strcmp(source, "fact") == 0      ? "Fact, from public reporting"
           : strcmp(source, "analogy") == 0 ? "Analogy, from another incident"
           : strcmp(source, "fiction") == 0 ? "Fiction, written for the exercise"
                                            : "Not marked";
}

void rp_source_line(const json_t *it, char *buf, size_t n)
{
    const char *src = rp_str(it, "source"), *title = rp_str(it, "ref_title");
    int named = strcmp(src, "analogy") == 0 && title[0];
    snprintf(buf, n, "%s%s%s%s%s%s", rp_source_label(src), named ? " (" : "", named ? title : "",
             named ? ")" : "", rp_str(it, "cite")[0] ? ": " : "", rp_str(it, "cite"));
    rp_whole(buf);
}

void rp_source_cell(FILE *f, const json_t *it, void (*text)(FILE *f, const char *s))
{
    const char *src = rp_str(it, "source");
    if (strcmp(src, "analogy") != 0) {
        text(f, src);
        return;
    }
    fputs("analogy: from another incident (", f);
    text(f, rp_str(it, "ref_title"));
    fputs(")", f);
}

const char *rp_event_word(const char *kind)
{
    static const struct { const char *k, *w; } t[] = {
        {"inject", "Message"}, {"decision_opened", "Decision"}, {"action_started", "Started"},
        {"action_cancelled", "Cancelled"}, {"action_done", "Done"},
        {"decision_chosen", "Chose"}, {"decision_defaulted", "Time ran out"},
        {"note", "Note"}, {"facilitator_note", "Facilitator"}, {"ending", "Ending"},
        {"change", "Effect"}, {"facilitator_fire", "Facilitator fired"},
        {"facilitator_extend", "Facilitator extended"}, {"facilitator_freeze", "Facilitator froze"},
        {"facilitator_unfreeze", "Facilitator unfroze"},
        {"facilitator_adjust", "Facilitator adjusted"},
        {"facilitator_message", "Facilitator's message"},
        {"facilitator_end", "Facilitator ended"}};
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        if (strcmp(kind, t[i].k) == 0)
            return t[i].w;
    return kind;
}

double rp_meter_span(const json_t *r, const char *id)
{
    size_t i;
    const json_t *m;
    json_array_foreach(json_object_get(r, "meters"), i, m)
    {
        if (strcmp(rp_str(m, "id"), id) == 0)
            return rp_num(m, "max") - rp_num(m, "min");
    }
    return 0;
}

void rp_meter_ends(double span, double a, double b, char *x, char *y, size_t n)
{
    int d = text_meter_decimals(span, a, b);
    text_meter_number(a, d, 0, x, n);
    text_meter_number(b, d, 0, y, n);
}

void rp_change_ends(const json_t *r, const json_t *c, char *from, char *to, size_t n)
{
    if (json_is_number(json_object_get(c, "from"))) {
        rp_meter_ends(rp_meter_span(r, rp_str(c, "meter")), rp_num(c, "from"), rp_num(c, "to"),
                      from, to, n);
        return;
    }
    snprintf(from, n, "%s", rp_str(c, "from"));
    snprintf(to, n, "%s", rp_str(c, "to"));
}

void rp_net_text(const json_t *r, const json_t *c, char *buf, size_t n)
{
    if (json_is_number(json_object_get(c, "from"))) {
        double delta = rp_num(c, "delta");
        char v[64];
        int d = text_meter_decimals(rp_meter_span(r, rp_str(c, "meter")), 0, delta);
        snprintf(buf, n, "%s %s", rp_str(c, "label"), text_meter_number(delta, d, 1, v, sizeof v));
    } else
        snprintf(buf, n, "%s %s \xe2\x86\x92 %s", rp_str(c, "label"), rp_str(c, "from"), rp_str(c, "to"));
    rp_whole(buf);
}
