/* ui_debrief_tabs: the pieces the debrief's tabs are drawn from (a
 * selectable row, a paragraph, a journal's name without ".journal") and
 * the tabs that are lists: the timeline with the selected event in full
 * beside it, and the functions, hot-wash questions (after the exercise
 * objectives and how the room did on each), fact check and notes;
 * and the room's votes on a decision, for the decisions tab. */
#include <stdio.h>
#include <string.h>

#include "report/rp_report.h"
#include "ui/ui_debrief.h"

/* ---- helpers ---- */

int debrief_row(app *a, uint32_t id, int x, int y, int w, const char *meta, const char *text,
                ui_theme_color c, int selected)
{
    ui *u = &a->u;
    int h1 = meta[0] ? ui_text_h(u, u->px_small, w - 2 * u->gap, TC_TEXT_DIM, meta) : 0;
    int h2 = ui_text_h(u, u->px_body, w - 2 * u->gap, c, text);
    SDL_Rect r = {x, y, w, h1 + h2 + 2 * u->gap};
    int hot = 0;
    int hit = ui_area(u, id, r, text, NULL, &hot);
    SDL_Rect s = r;
    s.y -= u->oy;
    u->bg = selected ? TC_BAR_TRACK : TC_PANEL;
    if (selected)
        ui_fill(u, s, TC_BAR_TRACK);
    if (hot)
        ui_frame(u, s, ui_focused(u, id) && u->focus_visible ? TC_FOCUS : TC_ACCENT, 2);
    if (h1)
        ui_label(u, (SDL_Rect){x + u->gap, y + u->gap, w - 2 * u->gap, h1}, u->px_small,
                 TC_TEXT_DIM, UI_WRAP, meta);
    ui_label(u, (SDL_Rect){x + u->gap, y + u->gap + h1, w - 2 * u->gap, h2}, u->px_body, c,
             UI_WRAP, text);
    u->bg = TC_PANEL;
    return hit ? -(r.h + u->gap / 2) : r.h + u->gap / 2; /* negative: activated */
}

int debrief_para(ui *u, int x, int y, int w, int px, ui_theme_color c, const char *s)
{
    return s && s[0] ? ui_label(u, (SDL_Rect){x, y, w, 0}, px, c, UI_WRAP, s) + u->gap : 0;
}

/* Length of `s` without a trailing ".journal". */
int debrief_stem_len(const char *s)
{
    size_t n = strlen(s);
    return (int)(n > 8 && strcmp(s + n - 8, ".journal") == 0 ? n - 8 : n);
}

/* The decisions tab's lines about the room's votes (issue 14): the report
 * model wrote them, by role and never by name. */
int debrief_room(ui *u, const json_t *d, int x, int y, int w)
{
    const json_t *rm = json_object_get(d, "room");
    if (!rm)
        return 0;
    char line[1200];
    snprintf(line, sizeof line, "Room: %s.", rp_str(rm, "summary"));
    int h = debrief_para(u, x, y, w, u->px_body,
                         json_is_false(json_object_get(rm, "committed_majority")) ? TC_WARNING
                                                                                   : TC_TEXT,
                         line);
    return h + debrief_para(u, x, y + h, w, u->px_body, TC_TEXT_DIM, rp_str(rm, "split"));
}

/* ---- tabs ---- */

void debrief_tab_timeline(app *a, SDL_Rect r)
{
    ui *u = &a->u;
    const json_t *tl = json_object_get(a->debrief, "timeline");
    int lw = r.w * 45 / 100;
    SDL_Rect lv = {r.x, r.y, lw, r.h};
    ui_scroll_begin(u, &a->sc_d1, lv);
    int y = lv.y;
    size_t i;
    const json_t *ev;
    json_array_foreach(tl, i, ev)
    {
        char meta[96], text[600];
        snprintf(meta, sizeof meta, "%s  %s", rp_str(ev, "stamp"), rp_str(ev, "clock"));
        snprintf(text, sizeof text, "%s: %s", rp_event_word(rp_str(ev, "kind")),
                 rp_str(ev, "title")[0] ? rp_str(ev, "title") : rp_str(ev, "text"));
        uint32_t id = ui_idn(u, "ev", (int)i);
        int h = debrief_row(a, id, r.x, y, lw - 2 * u->gap, meta, text, TC_TEXT, a->dsel == (int)i);
        if (h < 0 || (ui_focused(u, id) && a->dsel != (int)i)) {
            a->dsel = (int)i;
            a->sc_d2.y = 0;
        }
        y += h < 0 ? -h : h;
    }
    ui_scroll_end(u, y - lv.y);
    /* the selected item in full */
    const json_t *sel = json_array_get(tl, (size_t)a->dsel);
    SDL_Rect dv = {r.x + lw + u->pad, r.y, r.w - lw - u->pad, r.h};
    ui_fill(u, (SDL_Rect){dv.x - u->pad / 2, dv.y, 1, dv.h}, TC_PANEL_BORDER);
    if (!sel)
        return;
    ui_scroll_begin(u, &a->sc_d2, dv);
    int x = dv.x, w = dv.w - 2 * u->gap;
    y = dv.y;
    char head[200];
    snprintf(head, sizeof head, "%s at %s (%s)", rp_event_word(rp_str(sel, "kind")),
             rp_str(sel, "stamp"), rp_str(sel, "clock"));
    y += debrief_para(u, x, y, w, u->px_small, TC_TEXT_DIM, head);
    y += debrief_para(u, x, y, w, u->px_head, TC_TEXT, rp_str(sel, "title"));
    if (rp_str(sel, "option")[0]) {
        char ch[500];
        snprintf(ch, sizeof ch, "Chosen: %s", rp_str(sel, "text"));
        y += debrief_para(u, x, y, w, u->px_body, TC_TEXT, ch);
    } else {
        y += debrief_para(u, x, y, w, u->px_body, TC_TEXT, rp_str(sel, "text"));
    }
    const json_t *chs = json_object_get(sel, "changes");
    if (json_array_size(chs)) {
        y += debrief_para(u, x, y, w, u->px_body, TC_ACCENT, "What it changed");
        const json_t *c;
        json_array_foreach(chs, i, c)
        {
            char line[300], from[64], to[64];
            rp_change_ends(a->debrief, c, from, to, sizeof from);
            snprintf(line, sizeof line, "%s: %s → %s", rp_str(c, "label"), from, to);
            y += debrief_para(u, x, y, w, u->px_body, TC_TEXT, line);
        }
    }
    const char *src = rp_str(sel, "source");
    if (src[0]) {
        char line[700];
        snprintf(line, sizeof line, "Source: %s%s%s",
                 strcmp(src, "fact") == 0      ? "fact, from public reporting"
                 : strcmp(src, "analogy") == 0 ? "analogy, from another incident"
                                               : src,
                 rp_str(sel, "cite")[0] ? ". " : "", rp_str(sel, "cite"));
        y += debrief_para(u, x, y, w, u->px_small, TC_TEXT_DIM, line);
    }
    ui_text_area(u, ui_id(u, "evtext"), (SDL_Rect){x, dv.y, 1, y - dv.y}, "Details", NULL);
    ui_scroll_end(u, y - dv.y);
}

/* The exercise objectives (the model's "objectives", absent when the
 * scenario declares none), one row each: met in the good colour, not met
 * in the bad one, not judged dim with why. Returns the height used. */
static int objectives(app *a, int x, int y, int w)
{
    ui *u = &a->u;
    int y0 = y;
    size_t i;
    const json_t *o;
    json_array_foreach(json_object_get(a->debrief, "objectives"), i, o)
    {
        const json_t *v = json_object_get(o, "met");
        char meta[1200];
        snprintf(meta, sizeof meta, "Exercise objective: %s%s%s%s",
                 json_is_true(v) ? "met" : json_is_false(v) ? "not met" : "not judged",
                 rp_str(o, "error")[0] ? " (its check failed: " : "", rp_str(o, "error"),
                 rp_str(o, "error")[0] ? ")" : "");
        ui_theme_color c = json_is_true(v) ? TC_GOOD : json_is_false(v) ? TC_BAD : TC_TEXT_DIM;
        int h = debrief_row(a, ui_idn(u, "objective", (int)i), x, y, w, meta, rp_str(o, "text"),
                            c, 0);
        y += h < 0 ? -h : h;
    }
    return y - y0;
}

/* The exercise's details (the model's "details", issue 18) as one row
 * at the top of the notes; 0 when there are none. */
static int details_row(app *a, int x, int y, int w)
{
    const json_t *d = json_object_get(a->debrief, "details");
    if (!d)
        return 0;
    static const char *const keys[4] = {"date", "venue", "organisation", "facilitator"};
    static const char *const names[4] = {"Date", "Venue", "Organisation", "Facilitator"};
    char text[1600] = "";
    size_t o = 0, i;
    for (int k = 0; k < 4; k++)
        if (rp_str(d, keys[k])[0] && o < sizeof text)
            o += (size_t)snprintf(text + o, sizeof text - o, "%s%s: %s", o ? "\n" : "", names[k],
                                  rp_str(d, keys[k]));
    const json_t *p;
    json_array_foreach(json_object_get(d, "participants"), i, p) if (o < sizeof text) o +=
        (size_t)snprintf(text + o, sizeof text - o, "%s%s: %s", o ? "\n" : "", rp_str(p, "role"),
                         rp_str(p, "names"));
    int h = debrief_row(a, ui_id(&a->u, "details"), x, y, w, "Exercise details", text, TC_TEXT,
                        0);
    return h < 0 ? -h : h;
}

void debrief_tab_list(app *a, SDL_Rect r, const char *key, int which)
{
    ui *u = &a->u;
    ui_scroll_begin(u, &a->sc_d1, r);
    int x = r.x, w = r.w - 3 * u->gap, y = r.y;
    if (which == 4)
        y += objectives(a, x, y, w);
    if (which == 6)
        y += details_row(a, x, y, w);
    size_t i;
    const json_t *it;
    json_array_foreach(json_object_get(a->debrief, key), i, it)
    {
        char meta[600], text[1200];
        ui_theme_color c = TC_TEXT;
        if (which == 3) { /* functions */
            const json_t *acts = json_object_get(it, "actions");
            snprintf(meta, sizeof meta, "%s: %zu action%s started%s%s", rp_str(it, "function"),
                     json_array_size(acts), json_array_size(acts) == 1 ? "" : "s",
                     json_array_size(acts) ? ", first at " : "",
                     json_array_size(acts) ? rp_str(json_array_get(acts, 0), "stamp") : "");
            size_t o = 0, k;
            const json_t *ac;
            text[0] = 0;
            json_array_foreach(acts, k, ac) if (o < sizeof text - 1) o += (size_t)snprintf(
                text + o, sizeof text - o, "%s%s", k ? "; " : "", rp_str(ac, "label"));
            if (o > sizeof text - 1) /* snprintf says how long it wanted to be */
                o = sizeof text - 1;
            if (rp_str(it, "gap")[0]) {
                snprintf(text + o, sizeof text - o, "%sGap: %s", o ? "\n" : "", rp_str(it, "gap"));
                c = TC_WARNING;
            } else if (!o) {
                snprintf(text, sizeof text, "This scenario has no actions for it.");
            }
        } else if (which == 4) { /* hot wash */
            snprintf(meta, sizeof meta, "After: %s", rp_str(it, "after"));
            snprintf(text, sizeof text, "%s", rp_str(it, "question"));
        } else if (which == 5) { /* fact check */
            rp_source_line(it, meta, sizeof meta);
            snprintf(text, sizeof text, "%s", rp_str(it, "title"));
        } else { /* notes */
            snprintf(meta, sizeof meta, "%s", rp_str(it, "stamp"));
            snprintf(text, sizeof text, "%s", rp_str(it, "text"));
        }
        int h = debrief_row(a, ui_idn(u, key, (int)i), x, y, w, meta, text, c, 0);
        y += h < 0 ? -h : h;
    }
    if (!json_array_size(json_object_get(a->debrief, key)) && y == r.y)
        y += debrief_para(u, x, y, w, u->px_body, TC_TEXT_DIM, "Nothing here for this session.");
    ui_scroll_end(u, y - r.y);
}

