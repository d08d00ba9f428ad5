/* rp_room_write: the room's votes and proposals (the model's "room"
 * objects, rp_room.c) written once for both formats that people read:
 * the Markdown and HTML writers hand over their markup (rp_markup: the
 * tags, and their own escaping of text) and get the same sections, so
 * the two can never disagree. By role, never by name. */
#include <stdio.h>

#include "report/rp_report.h"

static void text(FILE *f, const rp_markup *m, const char *s) { m->text(f, s); }

/* One cell: `kind` 0 plain, 1 header, 2 emphasised (the totals), 3 a time. */
static void cell(FILE *f, const rp_markup *m, int kind, const char *s)
{
    const char *open[] = {m->td, m->hd, m->em, m->tm}, *close[] = {m->td_end, m->hd_end,
                                                                   m->em_end, m->tm_end};
    fputs(open[kind], f);
    text(f, m, s);
    fputs(close[kind], f);
}

static void num_cell(FILE *f, const rp_markup *m, int kind, double v)
{
    char b[32];
    snprintf(b, sizeof b, "%.0f", v);
    cell(f, m, kind, b);
}

static void of_cell(FILE *f, const rp_markup *m, int kind, const json_t *o, const char *pct)
{
    char b[64];
    if (pct)
        snprintf(b, sizeof b, "%.0f of %.0f (%.0f%%)", rp_num(o, "voters"), rp_num(o, "joined"),
                 rp_num(o, pct));
    else
        snprintf(b, sizeof b, "%.0f of %.0f", rp_num(o, "voters"), rp_num(o, "joined"));
    cell(f, m, kind, b);
}

/* A table's header row: its cells, in `heads` (NULL-terminated). */
static void head(FILE *f, const rp_markup *m, const char *const *heads)
{
    int n = 0;
    fputs(m->table, f);
    fputs(m->tr, f);
    for (; heads[n]; n++)
        cell(f, m, 1, heads[n]);
    fputs(m->tr_end, f);
    m->head_end(f, n);
}

void rp_room_votes(FILE *f, const json_t *rm, const rp_markup *m)
{
    if (!rm)
        return;
    fputs(m->p, f);
    fputs(m->strong, f);
    text(f, m, "The room:");
    fputs(m->strong_end, f);
    fputs(" ", f);
    text(f, m, rp_str(rm, "summary"));
    fputs(".", f);
    fputs(m->p_end, f);
    size_t k, i;
    const json_t *o, *x;
    const json_t *opts = json_object_get(rm, "options");
    fputs(m->table, f);
    fputs(m->tr, f);
    cell(f, m, 1, "Role");
    cell(f, m, 1, "Voted");
    json_array_foreach(opts, k, o)
    {
        char h[1200];
        snprintf(h, sizeof h, "%s. %s", rp_str(o, "letter"), rp_str(o, "label"));
        cell(f, m, 1, rp_whole(h));
    }
    fputs(m->tr_end, f);
    m->head_end(f, 2 + (int)json_array_size(opts));
    json_array_foreach(json_object_get(rm, "roles"), i, x)
    {
        fputs(m->tr, f);
        cell(f, m, 0, rp_str(x, "label"));
        of_cell(f, m, 0, x, NULL);
        json_array_foreach(json_object_get(x, "votes"), k, o)
            num_cell(f, m, 0, (double)json_integer_value(o));
        fputs(m->tr_end, f);
    }
    fputs(m->tr, f);
    cell(f, m, 2, "All");
    of_cell(f, m, 2, rm, NULL);
    json_array_foreach(opts, k, o) num_cell(f, m, 2, rp_num(o, "votes"));
    fputs(m->tr_end, f);
    fputs(m->table_end, f);
    const json_t *c = json_object_get(rm, "confidence");
    char b[160];
    snprintf(b, sizeof b, "Confidence: %.0f high, %.0f medium, %.0f low (score %.0f of 100).",
             rp_num(c, "high"), rp_num(c, "medium"), rp_num(c, "low"), rp_num(c, "score"));
    fputs(m->p, f);
    text(f, m, b);
    fputs(m->p_end, f);
}

static void proposals(FILE *f, const json_t *ps, const rp_markup *m)
{
    static const char *const heads[] = {"First asked", "Action", "Asked by", "Started", NULL};
    size_t i, k;
    const json_t *x, *y;
    head(f, m, heads);
    json_array_foreach(ps, i, x)
    {
        fputs(m->tr, f);
        cell(f, m, 3, rp_str(x, "stamp"));
        cell(f, m, 0, rp_str(x, "label"));
        char by[2000];
        size_t o = 0;
        by[0] = '\0';
        json_array_foreach(json_object_get(x, "roles"), k, y) if (o < sizeof by - 1)
        {
            int w = snprintf(by + o, sizeof by - o, "%s%s: %.0f", k ? ", " : "",
                             rp_str(y, "label"), rp_num(y, "people"));
            o = w < 0 ? o : o + (size_t)w;
        }
        cell(f, m, 0, rp_whole(by));
        const json_t *st = json_object_get(x, "started");
        cell(f, m, 3, json_is_object(st) ? rp_str(st, "stamp") : "Never");
        fputs(m->tr_end, f);
    }
    fputs(m->table_end, f);
}

void rp_room_section(FILE *f, const json_t *r, const rp_markup *m)
{
    const json_t *rm = json_object_get(r, "room");
    if (!rm)
        return;
    fputs(m->h2, f);
    text(f, m, "The room");
    fputs(m->h2_end, f);
    fputs(m->p, f);
    text(f, m, "What the room said from its phones, by role and never by name. The room is "
               "unified when at least 60% of the votes go to one option; the confidence score "
               "runs from 0 (every vote low) to 100 (every vote high).");
    fputs(m->p_end, f);
    fputs(m->h3, f);
    text(f, m, "Participation");
    fputs(m->h3_end, f);
    const json_t *ds = json_object_get(rm, "decisions"), *x;
    size_t i;
    if (json_array_size(ds)) {
        static const char *const heads[] = {"Decision", "Voted", "When", NULL};
        head(f, m, heads);
        json_array_foreach(ds, i, x)
        {
            fputs(m->tr, f);
            cell(f, m, 0, rp_str(x, "prompt"));
            of_cell(f, m, 0, x, "participation_pct");
            cell(f, m, 3, rp_str(x, "stamp"));
            fputs(m->tr_end, f);
        }
        fputs(m->table_end, f);
    } else {
        fputs(m->p, f);
        text(f, m, "No votes.");
        fputs(m->p_end, f);
    }
    fputs(m->h3, f);
    text(f, m, "Proposals");
    fputs(m->h3_end, f);
    const json_t *ps = json_object_get(rm, "proposals");
    if (json_array_size(ps)) {
        proposals(f, ps, m);
    } else {
        fputs(m->p, f);
        text(f, m, "No proposals.");
        fputs(m->p_end, f);
    }
}
