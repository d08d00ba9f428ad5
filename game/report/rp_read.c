/* rp_read: small readers of the report model that the builder and every
 * writer share: a field as a string or a number ("" or 0 when absent), a
 * file's base name, and a timeline kind as a word for people. They sit
 * below both, so the writers never call back into the builder. */
#include <string.h>

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

const char *rp_base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

const char *rp_event_word(const char *kind)
{
    static const struct { const char *k, *w; } t[] = {
        {"inject", "Message"}, {"decision_opened", "Decision"}, {"action_started", "Started"},
        {"action_cancelled", "Cancelled"}, {"action_done", "Done"},
        {"decision_chosen", "Chose"}, {"decision_defaulted", "Time ran out"},
        {"note", "Note"}, {"facilitator_note", "Facilitator"}, {"ending", "Ending"},
        {"change", "Effect"}};
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        if (strcmp(kind, t[i].k) == 0)
            return t[i].w;
    return kind;
}
