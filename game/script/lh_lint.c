/* lh_lint: what reading the source (not running it) can find.
 *
 * Hooks name injects, decisions, endings, actions, meters, systems and
 * teams by string: w.fire("ransom_note"), w.meter.trust, w.system["email"].
 * A typo there is only met at run time, perhaps an hour into a workshop, or
 * never, on a branch nobody took. So every literal id passed to the world
 * handle is checked against the declarations, with the column of the id,
 * for `bulkhead check` to show under a caret. The handle is recognised by
 * name (w, or w followed by digits, as hooks conventionally call it); ids
 * built at run time cannot be checked and are not. The field after a
 * system or a team is checked too, even after an id computed at run time
 * (w.system[id].stauts), and so is a literal status word set or compared. */
#include <ctype.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "script/lh_internal.h"

typedef enum { K_INJECT, K_DECISION, K_ENDING, K_ACTION, K_METER, K_SYSTEM, K_TEAM } kind;

static const char *kind_word[] = {"inject", "decision", "ending", "action", "meter", "system",
                                  "team"};

/* Calls taking an id as their first argument, and fields indexed by id. */
static const struct {
    const char *name;
    kind k;
    int call;
} names[] = {
    {"fire", K_INJECT, 1},     {"fired", K_INJECT, 1},   {"open", K_DECISION, 1},
    {"chosen", K_DECISION, 1}, {"finish", K_ENDING, 1},  {"done", K_ACTION, 1},
    {"running", K_ACTION, 1},  {"meter", K_METER, 0},    {"system", K_SYSTEM, 0},
    {"team", K_TEAM, 0},
};

static int exists(const bh_defs *d, kind k, const char *id)
{
    switch (k) {
    case K_INJECT: return defs_inject(d, id) >= 0;
    case K_DECISION: return defs_decision(d, id) >= 0;
    case K_ENDING: return defs_ending(d, id) >= 0;
    case K_ACTION: return defs_action(d, id) >= 0;
    case K_METER: return defs_meter(d, id) >= 0;
    case K_SYSTEM: return defs_system(d, id) >= 0;
    default: return defs_team(d, id) >= 0;
    }
}

static void suggest(lh_host *h, kind k, const char *id, char *out, size_t n)
{
    const bh_defs *d = &h->defs;
    int64_t *w = &h->suggest_work;
    out[0] = 0;
    switch (k) {
    case K_INJECT: text_suggest_within(id, d->injects, d->ninjects, sizeof *d->injects, offsetof(bh_inject_def, id), out, n, w); break;
    case K_DECISION: text_suggest_within(id, d->decisions, d->ndecisions, sizeof *d->decisions, offsetof(bh_decision_def, id), out, n, w); break;
    case K_ENDING: text_suggest_within(id, d->endings, d->nendings, sizeof *d->endings, offsetof(bh_ending_def, id), out, n, w); break;
    case K_ACTION: text_suggest_within(id, d->actions, d->nactions, sizeof *d->actions, offsetof(bh_action_def, id), out, n, w); break;
    case K_METER: text_suggest_within(id, d->meters, d->nmeters, sizeof *d->meters, offsetof(bh_meter_def, id), out, n, w); break;
    case K_SYSTEM: text_suggest_within(id, d->systems, d->nsystems, sizeof *d->systems, offsetof(bh_system_def, id), out, n, w); break;
    default: text_suggest_within(id, d->teams, d->nteams, sizeof *d->teams, offsetof(bh_team_def, id), out, n, w); break;
    }
}

static int ident_char(char c) { return isalnum((unsigned char)c) || c == '_'; }

/* A string literal at p ('...' or "..." without escapes): its text in out,
 * and the length consumed; 0 when there is none. */
static size_t literal(const char *p, char *out, size_t n)
{
    char q = *p;
    if (q != '"' && q != '\'')
        return 0;
    size_t i = 1;
    while (p[i] && p[i] != q && p[i] != '\n' && p[i] != '\\')
        i++;
    if (p[i] != q || i - 1 >= n)
        return 0;
    memcpy(out, p + 1, i - 1);
    out[i - 1] = 0;
    return i + 1;
}

static size_t spaces(const char *p)
{
    size_t i = 0;
    while (p[i] == ' ' || p[i] == '\t')
        i++;
    return i;
}

/* A finding with a caret at `col` (1-based). */
static void at_col(lh_host *h, lh_severity sev, const char *file, int line, int col,
                   const char *msg)
{
    size_t before = h->diags->n;
    lh_diag_add(h, sev, file, line, NULL, "%s", msg);
    if (h->diags->n > before)
        h->diags->v[h->diags->n - 1].col = col;
}

static void report(lh_host *h, const char *file, int line, int col, const char *how, kind k,
                   const char *id)
{
    char hint[200], msg[600];
    suggest(h, k, id, hint, sizeof hint);
    snprintf(msg, sizeof msg, "%s names %s '%s', which is not declared%s", how, kind_word[k], id,
             hint);
    at_col(h, LH_ERROR, file, line, col, msg);
}

/* ---- the fields of a system or a team, and the status words ----
 *
 * w.system.pcs.stauts and w.team.it.staf fail when the hook runs, and so
 * does w.system[id].status = "ofline"; a comparison with a word that is
 * not a status is quietly never true. Both are typos the source shows, as
 * long as the field and the word are literal. The fields are those
 * lh_world_state.c answers to. */
static const char *const system_fields[] = {"status", "label", "id"};
static const char *const team_fields[] = {"staff", "free", "label", "id"};

static void suggest_word(lh_host *h, const char *word, const char *const *words, size_t n,
                         char *out, size_t outn)
{
    text_suggest_within(word, words, n, sizeof *words, 0, out, outn, &h->suggest_work);
}

/* `w.system.X.status` then `= "word"`, `== "word"` or `~= "word"` at p. */
static void check_status(lh_host *h, const char *file, int line, const char *lstart,
                         const char *how, const char *p)
{
    p += spaces(p);
    int assign = p[0] == '=' && p[1] != '=';
    int compare = (p[0] == '=' || p[0] == '~') && p[1] == '=';
    if (!assign && !compare)
        return;
    const char *op = assign ? "=" : p[0] == '=' ? "==" : "~=";
    p += assign ? 1 : 2;
    p += spaces(p);
    char word[64];
    size_t used = literal(p, word, sizeof word);
    const char *rest = p + used;
    rest += spaces(rest);
    if (!used || (rest[0] == '.' && rest[1] == '.') || defs_parse_status(word) >= 0)
        return; /* not a literal, built at run time, or a status */
    const char *statuses[ST__COUNT];
    for (int i = 0; i < ST__COUNT; i++)
        statuses[i] = defs_status_name((bh_status_word)i);
    char hint[200], msg[700];
    suggest_word(h, word, statuses, ST__COUNT, hint, sizeof hint);
    if (assign)
        snprintf(msg, sizeof msg, "%s = \"%s\": '%s' is not a status%s; a status is one of: %s",
                 how, word, word, hint, defs_status_list());
    else
        snprintf(msg, sizeof msg, "%s %s \"%s\" is %s true: '%s' is not a status%s", how, op,
                 word, op[0] == '=' ? "never" : "always", word, hint);
    at_col(h, assign ? LH_ERROR : LH_WARNING, file, line, (int)(p - lstart) + 1, msg);
}

/* The field after an item of w.system or w.team at p: `.name` or
 * `["name"]`. `item` is the item as written ("w.system.pcs"). */
static void check_field(lh_host *h, const char *file, int line, const char *lstart, kind k,
                        const char *item, const char *p)
{
    p += spaces(p);
    char field[64];
    size_t used = 0;
    const char *at = p;
    if (*p == '.' && p[1] != '.') {
        at = ++p;
        while (ident_char(p[used]) && used + 1 < sizeof field) {
            field[used] = p[used];
            used++;
        }
        field[used] = 0;
        p += used;
    } else if (*p == '[') {
        at = p + 1 + spaces(p + 1);
        used = literal(at, field, sizeof field);
        if (used && at[used + spaces(at + used)] == ']')
            p = at + used + spaces(at + used) + 1;
        else
            used = 0;
    }
    if (!used)
        return;
    const char *const *fields = k == K_SYSTEM ? system_fields : team_fields;
    size_t n = k == K_SYSTEM ? sizeof system_fields / sizeof *fields
                             : sizeof team_fields / sizeof *fields;
    char how[300];
    snprintf(how, sizeof how, *at == '"' || *at == '\'' ? "%s[\"%s\"]" : "%s.%s", item, field);
    for (size_t i = 0; i < n; i++)
        if (strcmp(field, fields[i]) == 0) {
            const char *w = p + spaces(p);
            char msg[500];
            if (i == 0 && k == K_SYSTEM) {
                check_status(h, file, line, lstart, how, p);
            } else if (i > 0 && w[0] == '=' && w[1] != '=') { /* only the first can be set */
                snprintf(msg, sizeof msg, "%s cannot be set: of a %s, only '%s' can", how,
                         kind_word[k], fields[0]);
                at_col(h, LH_ERROR, file, line, (int)(at - lstart) + 1, msg);
            }
            return;
        }
    char hint[200], msg[700];
    suggest_word(h, field, fields, n, hint, sizeof hint);
    snprintf(msg, sizeof msg, "%s: a %s has no field '%s'%s; it has %s", how, kind_word[k], field,
             hint, k == K_SYSTEM ? "status, label and id" : "staff, free, label and id");
    at_col(h, LH_ERROR, file, line, (int)(at - lstart) + 1, msg);
}

/* w.system[expr] with an id computed at run time: the end of the
 * bracket's expression on this line, or NULL. */
static const char *bracket_end(const char *p)
{
    int depth = 0;
    for (; *p && *p != '\n'; p++) {
        if (*p == '[' || *p == '(')
            depth++;
        else if ((*p == ']' || *p == ')') && --depth == 0)
            return *p == ']' ? p + 1 : NULL;
        else if (*p == '"' || *p == '\'')
            return NULL; /* a string inside: keep it simple */
    }
    return NULL;
}

/* One use of the handle `hn` (its name: "w", "w2") at `p`, just after the dot. */
static void check_use(lh_host *h, const char *file, int line, const char *lstart, const char *hn,
                      int hlen, const char *p)
{
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        size_t n = strlen(names[i].name);
        if (strncmp(p, names[i].name, n) != 0 || ident_char(p[n]))
            continue;
        const char *q = p + n;
        char id[128], how[160];
        size_t used;
        q += spaces(q);
        const char *after = NULL; /* just past the item: w.system.pcs| */
        int fields = names[i].k == K_SYSTEM || names[i].k == K_TEAM;
        if (names[i].call) {
            if (*q != '(')
                return;
            q++;
            q += spaces(q);
            /* only a whole literal argument: "no" .. "pe" is built at run time */
            if (!(used = literal(q, id, sizeof id)) || q[used + spaces(q + used)] != ')')
                return;
            snprintf(how, sizeof how, "%.*s.%s(\"%s\")", hlen, hn, names[i].name, id);
        } else if (*q == '.') { /* w.meter.trust */
            q++;
            size_t k = 0;
            while (ident_char(q[k]) && k + 1 < sizeof id) {
                id[k] = q[k];
                k++;
            }
            id[k] = 0;
            if (!k)
                return;
            after = q + k;
            snprintf(how, sizeof how, "%.*s.%s.%s", hlen, hn, names[i].name, id);
        } else if (*q == '[') { /* w.meter["trust"] */
            const char *open = q;
            q++;
            q += spaces(q);
            if (!(used = literal(q, id, sizeof id)) || q[used + spaces(q + used)] != ']') {
                /* w.system[id]: the id is not known, the field still is */
                const char *end = fields ? bracket_end(open) : NULL;
                if (end && end - open < 80) {
                    snprintf(how, sizeof how, "%.*s.%s%.*s", hlen, hn, names[i].name,
                             (int)(end - open), open);
                    check_field(h, file, line, lstart, names[i].k, how, end);
                }
                return;
            }
            after = q + used + spaces(q + used) + 1;
            snprintf(how, sizeof how, "%.*s.%s[\"%s\"]", hlen, hn, names[i].name, id);
        } else {
            return;
        }
        if (!exists(&h->defs, names[i].k, id))
            report(h, file, line, (int)(q - lstart) + 1, how, names[i].k, id);
        else if (fields && after)
            check_field(h, file, line, lstart, names[i].k, how, after);
        return;
    }
}

/* The level of a long bracket opening at p ("[[" 0, "[==[" 2), or -1. */
static int long_open(const char *p)
{
    if (*p != '[')
        return -1;
    int level = 0;
    while (p[1 + level] == '=')
        level++;
    return p[1 + level] == '[' ? level : -1;
}

/* Past the long bracket of `level` opening at p, counting its lines; at
 * the end of the text when it never closes. */
static const char *skip_long(const char *p, int level, int *line, const char **lstart)
{
    for (p += level + 2; *p; p++) {
        if (*p == '\n') {
            (*line)++;
            *lstart = p + 1;
        } else if (*p == ']') {
            int k = 0;
            while (k < level && p[1 + k] == '=')
                k++;
            if (k == level && p[1 + k] == ']')
                return p + level + 1; /* at the closing ']' */
        }
    }
    return p - 1;
}

/* Past a short string opening at p (its closing quote, or the end of its
 * line when it has none), escapes included. */
static const char *skip_short(const char *p)
{
    char q = *p;
    for (p++; *p && *p != '\n'; p++) {
        if (*p == '\\' && p[1] && p[1] != '\n')
            p++;
        else if (*p == q)
            return p;
    }
    return p - 1;
}

/* Scan the code for uses of `w`, never the text of comments and strings:
 * a message body may quote `w.system.pcs.status = "down for now"` to
 * teach, and that is no finding. (A use's own string argument or value is
 * read by check_use from the use itself.) */
static void lint_file(lh_host *h, const char *file)
{
    char *text = NULL;
    size_t len = 0;
    bh_err e;
    if (text_read_file(file, LH_MAX_SOURCE_BYTES, &text, &len, &e) != BH_OK)
        return; /* it loaded a moment ago; a file that vanished is not a finding */
    int line = 1, level;
    const char *lstart = text;
    for (const char *p = text; *p; p++) {
        if (*p == '\n') {
            line++;
            lstart = p + 1;
            continue;
        }
        if (p[0] == '-' && p[1] == '-') { /* comments say anything */
            if ((level = long_open(p + 2)) >= 0) {
                p = skip_long(p + 2, level, &line, &lstart);
            } else {
                while (p[1] && p[1] != '\n')
                    p++;
            }
            continue;
        }
        if ((level = long_open(p)) >= 0) {
            p = skip_long(p, level, &line, &lstart);
            continue;
        }
        if (*p == '"' || *p == '\'') {
            p = skip_short(p);
            continue;
        }
        if (p[0] == 'w' && (p == text || !ident_char(p[-1]))) {
            const char *q = p + 1;
            while (isdigit((unsigned char)*q))
                q++;
            if (*q == '.')
                check_use(h, file, line, lstart, p, (int)(q - p), q + 1);
        }
    }
    free(text);
}

/* ---- text that will not fit the game's boxes ----
 *
 * Limits in characters for the narrowest box each text meets at 1280x720
 * and 100% text: the board column is about 40 characters wide, the actions
 * column about 45, and labels get two lines before they crowd the panel.
 * Characters stand in for pixels (DejaVu Sans averages about 8.5 px at
 * 16 px), so these are warnings, not errors. A word longer than a line
 * cannot wrap at all. */
static size_t longest_word(const char *s)
{
    size_t best = 0, cur = 0;
    for (; s && *s; s++) {
        if (*s == ' ' || *s == '\n' || *s == '\t' || *s == '-' || *s == '/') {
            cur = 0;
            continue;
        }
        cur += ((unsigned char)*s & 0xC0) != 0x80;
        best = cur > best ? cur : best;
    }
    return best;
}

static void fits(lh_host *h, const bh_loc *loc, const char *what, const char *id,
                 const char *field, const char *text, size_t max)
{
    if (!text)
        return;
    if (max && text_chars(text) > max)
        lh_diag_add(h, LH_WARNING, loc->file, loc->line, NULL,
                    "%s '%s': %s is %zu characters; more than %zu will not fit its box in the "
                    "game at 100%% text (shorten it, and put detail in the longer text)",
                    what, id, field, text_chars(text), max);
    if (longest_word(text) > 36)
        lh_diag_add(h, LH_WARNING, loc->file, loc->line, NULL,
                    "%s '%s': %s has a word of %zu characters, which cannot wrap in a column "
                    "(break it up, or shorten links)", what, id, field, longest_word(text));
}

static void lint_lengths(lh_host *h)
{
    const bh_defs *d = &h->defs;
    fits(h, &d->scenario.loc, "scenario", d->scenario.id, "title", d->scenario.title, 70);
    fits(h, &d->scenario.loc, "scenario", d->scenario.id, "summary", d->scenario.summary, 200);
    for (size_t i = 0; i < d->nmeters; i++)
        fits(h, &d->meters[i].loc, "meter", d->meters[i].id, "label", d->meters[i].label, 32);
    for (size_t i = 0; i < d->nsystems; i++)
        fits(h, &d->systems[i].loc, "system", d->systems[i].id, "label", d->systems[i].label, 60);
    for (size_t i = 0; i < d->nteams; i++)
        fits(h, &d->teams[i].loc, "team", d->teams[i].id, "label", d->teams[i].label, 40);
    for (size_t i = 0; i < d->nactions; i++) {
        fits(h, &d->actions[i].loc, "action", d->actions[i].id, "label", d->actions[i].label, 90);
        fits(h, &d->actions[i].loc, "action", d->actions[i].id, "text", d->actions[i].text, 0);
    }
    for (size_t i = 0; i < d->ninjects; i++) {
        fits(h, &d->injects[i].loc, "inject", d->injects[i].id, "title", d->injects[i].title, 100);
        fits(h, &d->injects[i].loc, "inject", d->injects[i].id, "body", d->injects[i].body, 0);
    }
    for (size_t i = 0; i < d->ndecisions; i++) {
        const bh_decision_def *x = &d->decisions[i];
        fits(h, &x->loc, "decision", x->id, "prompt", x->prompt, 400);
        for (size_t k = 0; k < x->noptions; k++)
            fits(h, &x->loc, "decision", x->id, "an option's label", x->options[k].label, 120);
    }
    for (size_t i = 0; i < d->nendings; i++)
        fits(h, &d->endings[i].loc, "ending", d->endings[i].id, "title", d->endings[i].title, 80);
}

void lh_lint(lh_host *h)
{
    for (size_t i = 0; i < h->defs.nfiles; i++)
        lint_file(h, h->defs.files[i]);
    lint_lengths(h);
}
