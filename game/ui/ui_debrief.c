/* ui_debrief: the debrief in the game. It draws the same JSON model the
 * exported reports are made from (rp_build), so the screen and the files
 * never disagree, and it runs what-if branches through rp_whatif. Reached
 * from the ending screen and, for the story so far, from the pause menu. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "report/rp_report.h"
#include "report/rp_whatif.h"
#include "ui/ui_screens.h"

static const char *tab_names[DB_TABS] = {"1 Timeline", "2 Meters",   "3 Decisions", "4 Functions",
                                         "5 Hot wash", "6 Fact check", "7 Notes, export"};

void app_open_debrief(app *a, app_screen back)
{
    json_decref(a->debrief);
    rp_meta m = {a->game.scenario, a->game.journal_path};
    a->debrief = rp_build(a->game.sim, &m);
    if (!a->debrief) {
        app_toast(a, "Out of memory for the debrief.");
        return;
    }
    a->debrief_return = back;
    a->screen = SCR_DEBRIEF;
    a->dtab = 0;
    a->dsel = 0;
    a->wi_decision = -1;
    memset(&a->sc_d1, 0, sizeof a->sc_d1);
    memset(&a->sc_d2, 0, sizeof a->sc_d2);
    a->u.focus = 0;
}

void app_close_debrief(app *a)
{
    json_decref(a->debrief);
    a->debrief = NULL;
    json_decref(a->wi_result);
    a->wi_result = NULL;
}

/* ---- helpers ---- */

static int row(app *a, uint32_t id, int x, int y, int w, const char *meta, const char *text,
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

static int para(ui *u, int x, int y, int w, int px, ui_theme_color c, const char *s)
{
    return s && s[0] ? ui_label(u, (SDL_Rect){x, y, w, 0}, px, c, UI_WRAP, s) + u->gap : 0;
}

/* ---- tabs ---- */

static void tab_timeline(app *a, SDL_Rect r)
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
        int h = row(a, id, r.x, y, lw - 2 * u->gap, meta, text, TC_TEXT, a->dsel == (int)i);
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
    y += para(u, x, y, w, u->px_small, TC_TEXT_DIM, head);
    y += para(u, x, y, w, u->px_head, TC_TEXT, rp_str(sel, "title"));
    if (rp_str(sel, "option")[0]) {
        char ch[500];
        snprintf(ch, sizeof ch, "Chosen: %s", rp_str(sel, "text"));
        y += para(u, x, y, w, u->px_body, TC_TEXT, ch);
    } else {
        y += para(u, x, y, w, u->px_body, TC_TEXT, rp_str(sel, "text"));
    }
    const json_t *chs = json_object_get(sel, "changes");
    if (json_array_size(chs)) {
        y += para(u, x, y, w, u->px_body, TC_ACCENT, "What it changed");
        const json_t *c;
        json_array_foreach(chs, i, c)
        {
            char line[300];
            if (json_is_number(json_object_get(c, "from")))
                snprintf(line, sizeof line, "%s: %.0f → %.0f", rp_str(c, "label"),
                         rp_num(c, "from"), rp_num(c, "to"));
            else
                snprintf(line, sizeof line, "%s: %s → %s", rp_str(c, "label"), rp_str(c, "from"),
                         rp_str(c, "to"));
            y += para(u, x, y, w, u->px_body, TC_TEXT, line);
        }
    }
    const char *src = rp_str(sel, "source");
    if (src[0]) {
        char line[700];
        snprintf(line, sizeof line, "Source: %s%s%s",
                 strcmp(src, "fact") == 0 ? "fact, from public reporting" : src,
                 rp_str(sel, "cite")[0] ? ". " : "", rp_str(sel, "cite"));
        y += para(u, x, y, w, u->px_small, TC_TEXT_DIM, line);
    }
    ui_text_area(u, ui_id(u, "evtext"), (SDL_Rect){x, dv.y, 1, y - dv.y}, "Details", NULL);
    ui_scroll_end(u, y - dv.y);
}

static void line(ui *u, float x0, float y0, float x1, float y1, ui_theme_color c)
{
    SDL_Color k = ui_color(u, c);
    SDL_SetRenderDrawColor(u->r, k.r, k.g, k.b, 255);
    for (int d = -1; d <= 1; d++) { /* three pixels wide, for a projector */
        SDL_RenderDrawLineF(u->r, x0, y0 + d, x1, y1 + d);
        SDL_RenderDrawLineF(u->r, x0 + d, y0, x1 + d, y1);
    }
}

/* Every meter on one axis, each scaled to its own range, with the moments
 * decisions were taken. Each line also carries its own marker shape, so
 * colour is not the only way to tell them apart. */
static void tab_meters(app *a, SDL_Rect r)
{
    ui *u = &a->u;
    static const ui_theme_color colors[] = {TC_ACCENT, TC_BAD, TC_GOOD, TC_WARNING, TC_TEXT,
                                            TC_FOCUS, TC_TEXT_DIM};
    static const ui_icon_kind marks[] = {ICON_DOT, ICON_CROSS, ICON_CHECK, ICON_WARN, ICON_OFF,
                                         ICON_LOCK, ICON_BLOCK};
    const json_t *ms = json_object_get(a->debrief, "meters");
    size_t nm = json_array_size(ms);
    int legend_h = (int)((nm + 1) / 2) * (u->line + u->gap) + u->gap;
    SDL_Rect c = {r.x + 4 * u->px_small, r.y + 2 * u->line, r.w - 4 * u->px_small - u->pad,
                  r.h - legend_h - 3 * u->line};
    ui_fill(u, c, TC_BACKGROUND);
    ui_frame(u, c, TC_PANEL_BORDER, 1);
    double end = rp_num(json_object_get(a->debrief, "session"), "elapsed_s");
    if (end <= 0)
        end = 1;
    for (int k = 0; k <= 4; k++) {
        char lab[16], st[32];
        int y = c.y + c.h * k / 4;
        ui_fill(u, (SDL_Rect){c.x, y, c.w, 1}, TC_PANEL_BORDER);
        snprintf(lab, sizeof lab, "%d%%", 100 - 25 * k);
        ui_label(u, (SDL_Rect){r.x, y - u->px_small / 2, 4 * u->px_small - u->gap, u->line},
                 u->px_small, TC_TEXT_DIM, UI_RIGHT, lab);
        dur_stamp((bh_time)(end * k / 4), st, sizeof st);
        int tx = c.x + c.w * k / 4 - (k == 4 ? 7 * u->px_small : k ? 7 * u->px_small / 2 : 0);
        ui_label(u, (SDL_Rect){tx, c.y + c.h + u->gap, 7 * u->px_small, u->line}, u->px_small,
                 TC_TEXT_DIM, k == 4 ? UI_RIGHT : k ? UI_CENTER : 0, st + 2);
    }
    size_t i;
    const json_t *d;
    int n = 0;
    json_array_foreach(json_object_get(a->debrief, "decisions"), i, d)
    {
        n++;
        const json_t *ev;
        size_t k;
        double at = -1;
        json_array_foreach(json_object_get(a->debrief, "timeline"), k, ev) if (
            (strcmp(rp_str(ev, "kind"), "decision_chosen") == 0 ||
             strcmp(rp_str(ev, "kind"), "decision_defaulted") == 0) &&
            strcmp(rp_str(ev, "id"), rp_str(d, "id")) == 0) at = rp_num(ev, "t");
        if (at < 0)
            continue;
        int x = c.x + (int)(c.w * at / end);
        ui_fill(u, (SDL_Rect){x, c.y, 1, c.h}, TC_TEXT_DIM);
        char lab[16];
        snprintf(lab, sizeof lab, "D%d", n);
        ui_label(u, (SDL_Rect){x - u->px_small, r.y + (n % 2 ? 0 : u->line * 3 / 4), 2 * u->px_small, u->line},
                 u->px_small, TC_TEXT_DIM, UI_CENTER, lab);
    }
    const json_t *m;
    int mk = u->px_small * 3 / 4;
    json_array_foreach(ms, i, m)
    {
        double lo = rp_num(m, "min"), hi = rp_num(m, "max");
        if (hi <= lo)
            hi = lo + 1;
        ui_theme_color col = colors[i % 7];
        float px = -1, py = -1;
        size_t k;
        const json_t *p;
        json_array_foreach(json_object_get(m, "points"), k, p)
        {
            double t = json_number_value(json_array_get(p, 0)), v = json_number_value(json_array_get(p, 1));
            float x = (float)(c.x + c.w * (t < end ? t : end) / end);
            float y = (float)(c.y + c.h * (1 - (v - lo) / (hi - lo)));
            if (px >= 0) {
                line(u, px, py, x, py, col); /* the value holds until it changes */
                line(u, x, py, x, y, col);
            }
            ui_icon(u, (SDL_Rect){(int)x - mk / 2, (int)y - mk / 2, mk, mk}, marks[i % 7], col);
            px = x;
            py = y;
        }
        if (px >= 0)
            line(u, px, py, (float)(c.x + c.w), py, col);
        /* legend, two columns */
        int lx = r.x + (int)(i % 2) * r.w / 2, ly = c.y + c.h + u->line + u->gap + (int)(i / 2) * (u->line + u->gap);
        ui_icon(u, (SDL_Rect){lx, ly + (u->line - mk) / 2, mk, mk}, marks[i % 7], col);
        char lab[200];
        snprintf(lab, sizeof lab, "%s: %.0f → %.0f (%s is better)", rp_str(m, "label"),
                 rp_num(m, "start"), rp_num(m, "final"), rp_str(m, "better"));
        ui_label(u, (SDL_Rect){lx + mk + u->gap, ly, r.w / 2 - mk - 2 * u->gap, u->line},
                 u->px_small, TC_TEXT, UI_ELLIPSIS | UI_VCENTER, lab);
    }
}

static void whatif_run(app *a, const json_t *d, const char *option, int play_on);

/* Length of `s` without a trailing ".journal". */
static int stem_len(const char *s)
{
    size_t n = strlen(s);
    return (int)(n > 8 && strcmp(s + n - 8, ".journal") == 0 ? n - 8 : n);
}

void app_whatif(app *a, int decision, const char *option, int play_on)
{
    const json_t *d = json_array_get(json_object_get(a->debrief, "decisions"), (size_t)decision);
    if (!d)
        return;
    a->wi_decision = decision;
    whatif_run(a, d, option, play_on);
}

static void whatif_run(app *a, const json_t *d, const char *option, int play_on)
{
    bh_plan plan = {0};
    bh_err e;
    err_clear(&e);
    rp_branch b = {0};
    char buf[1200];
    const char *dec = rp_str(d, "id");
    if (journal_read(a->game.journal_path, &plan, &e) != BH_OK ||
        rp_whatif(a->game.scenario, &plan, dec, option, !play_on, &b, &e) != BH_OK) {
        app_toast(a, err_format(&e, buf, sizeof buf));
        goto done;
    }
    if (play_on) {
        /* a new journal beside the original, never over it */
        char path[PLAY_PATH_MAX + 256];
        int k = 1, len = 0;
        for (; k < 100; k++) {
            len = snprintf(path, sizeof path, "%.*s-whatif-%s-%s%s%.0d.journal",
                           stem_len(a->game.journal_path), a->game.journal_path, dec, option,
                           k > 1 ? "-" : "", k > 1 ? k : 0);
            if (len >= (int)sizeof path || access(path, F_OK) != 0)
                break;
        }
        if (len >= (int)sizeof path || k == 100) {
            app_toast(a, "Cannot name a new journal for this branch: the path is too long or "
                         "too many branches exist.");
            goto done;
        }
        /* the journal's own (absolute) scenario path, so Continue works anywhere */
        const char *scn = plan.scenario ? plan.scenario : a->game.scenario;
        if (rp_branch_journal(scn, &plan, &b, dec, option, path, &e) != BH_OK) {
            app_toast(a, err_format(&e, buf, sizeof buf));
            goto done;
        }
        rp_branch_free(&b);
        journal_plan_free(&plan);
        app_close_debrief(a);
        app_resume(a, path, &e);
        return;
    }
    json_decref(a->wi_result);
    rp_meta m = {a->game.scenario, NULL};
    a->wi_result = rp_build(b.sim, &m);
    a->wi_refused = (int)b.refused;
    snprintf(a->wi_option, sizeof a->wi_option, "%s", option);
done:
    rp_branch_free(&b);
    journal_plan_free(&plan);
}

static int outcome(app *a, int x, int y, int w, const char *head, const json_t *rep)
{
    ui *u = &a->u;
    int y0 = y;
    const json_t *en = json_object_get(rep, "ending");
    y += para(u, x, y, w, u->px_body, TC_ACCENT, head);
    y += para(u, x, y, w, u->px_head, TC_TEXT, json_is_object(en) ? rp_str(en, "title") : "No ending reached");
    size_t i;
    const json_t *m;
    json_array_foreach(json_object_get(rep, "meters"), i, m)
    {
        char l[200];
        snprintf(l, sizeof l, "%s: %.0f", rp_str(m, "label"), rp_num(m, "final"));
        y += para(u, x, y, w, u->px_body, TC_TEXT, l);
    }
    return y - y0;
}

static void tab_decisions(app *a, SDL_Rect r)
{
    ui *u = &a->u;
    const json_t *ds = json_object_get(a->debrief, "decisions");
    int bh = u->line + 2 * u->gap;
    ui_scroll_begin(u, &a->sc_d1, r);
    int x = r.x, w = r.w - 3 * u->gap, y = r.y;
    size_t i;
    const json_t *d;
    json_array_foreach(ds, i, d)
    {
        char head[600], l1[600], l2[400];
        snprintf(head, sizeof head, "D%zu. %s", i + 1, rp_str(d, "prompt"));
        y += para(u, x, y, w, u->px_head, TC_TEXT, head);
        char op[32], dl[32];
        dur_stamp((bh_time)rp_num(d, "opened_s"), op, sizeof op);
        dur_stamp((bh_time)rp_num(d, "deadline_s"), dl, sizeof dl);
        if (strcmp(rp_str(d, "state"), "decided") == 0)
            snprintf(l1, sizeof l1, "%s: %s. Opened %s, deadline %s.",
                     json_is_true(json_object_get(d, "by_default")) ? "The clock chose" : "The room chose",
                     rp_str(d, "chosen_label"), op, dl);
        else
            snprintf(l1, sizeof l1, "Still open. Opened %s, deadline %s.", op, dl);
        y += para(u, x, y, w, u->px_body, TC_TEXT, l1);
        const json_t *fa = json_object_get(d, "followed_advice");
        snprintf(l2, sizeof l2, "Default: %s.%s", rp_str(d, "default_label"),
                 json_is_true(fa) ? " What responders advise: followed."
                 : json_is_false(fa) ? " What responders advise: not followed." : "");
        y += para(u, x, y, w, u->px_body, json_is_false(fa) ? TC_WARNING : TC_TEXT_DIM, l2);
        char wl[64];
        snprintf(wl, sizeof wl, "What if… (D%zu)", i + 1);
        int ww = screen_button_w(a, wl);
        if (ui_button(u, ui_idn(u, "whatif", (int)i), (SDL_Rect){x, y, ww, bh}, wl, 0,
                      "Choose differently here and see where the same later choices lead.")) {
            a->wi_decision = (int)i;
            json_decref(a->wi_result);
            a->wi_result = NULL;
            memset(&a->sc_d2, 0, sizeof a->sc_d2);
            u->focus = 0;
        }
        y += bh + 2 * u->pad;
    }
    if (!json_array_size(ds))
        y += para(u, x, y, w, u->px_body, TC_TEXT_DIM, "No decision opened in this session.");
    ui_scroll_end(u, y - r.y);
}

/* The what-if panel over the decisions tab. */
static void whatif_panel(app *a)
{
    ui *u = &a->u;
    const json_t *d = json_array_get(json_object_get(a->debrief, "decisions"), (size_t)a->wi_decision);
    if (!d) {
        a->wi_decision = -1;
        return;
    }
    u->modal = u->layer = 2;
    int bh = u->line + 2 * u->gap;
    char title[80];
    snprintf(title, sizeof title, "What if… D%d", a->wi_decision + 1);
    SDL_Rect in = screen_dialog(a, u->w * 4 / 5, u->h * 7 / 10, title);
    SDL_Rect v = {in.x, in.y, in.w, in.h - bh - u->pad};
    ui_scroll_begin(u, &a->sc_d2, v);
    int x = in.x, w = in.w - 3 * u->gap, y = in.y;
    y += para(u, x, y, w, u->px_body, TC_TEXT, rp_str(d, "prompt"));
    if (json_is_true(json_object_get(d, "by_default")))
        y += para(u, x, y, w, u->px_small, TC_TEXT_DIM,
                  "Nobody chose before the deadline here, so the branch makes its choice at the "
                  "moment the decision opened.");
    /* the options come from the scenario, through the session */
    const bh_defs *defs = sim_defs(a->game.sim);
    int di = defs_decision(defs, rp_str(d, "id"));
    for (size_t k = 0; di >= 0 && k < defs->decisions[di].noptions; k++) {
        const bh_option_def *o = &defs->decisions[di].options[k];
        const char *meta = strcmp(o->id, rp_str(d, "chosen")) == 0 ? "What happened" : "";
        int sel = strcmp(o->id, a->wi_option) == 0 && a->wi_result;
        int h = row(a, ui_idn(u, "wiopt", (int)k), x, y, w, meta, o->label, TC_TEXT, sel);
        if (h < 0)
            whatif_run(a, d, o->id, 0);
        y += (h < 0 ? -h : h) + u->gap / 2;
    }
    if (a->wi_result) {
        y += u->pad;
        int half = (w - u->pad) / 2;
        const json_t *se = json_object_get(a->debrief, "session");
        char what[120];
        if (json_is_object(json_object_get(a->debrief, "ending")))
            snprintf(what, sizeof what, "What happened");
        else
            snprintf(what, sizeof what, "So far (%s, not finished)", rp_str(se, "elapsed"));
        int h1 = outcome(a, x, y, half, what, a->debrief);
        char head[400];
        int oi = di >= 0 ? defs_option(&defs->decisions[di], a->wi_option) : -1;
        snprintf(head, sizeof head, "With \"%s\"",
                 oi >= 0 ? defs->decisions[di].options[oi].label : a->wi_option);
        int h2 = outcome(a, x + half + u->pad, y, half, head, a->wi_result);
        y += (h1 > h2 ? h1 : h2) + u->gap;
        if (a->wi_refused) {
            char l[200];
            snprintf(l, sizeof l, "%d later input%s no longer possible in this story and skipped.",
                     a->wi_refused, a->wi_refused == 1 ? " was" : "s were");
            y += para(u, x, y, w, u->px_small, TC_TEXT_DIM, l);
        }
    }
    ui_scroll_end(u, y - in.y);
    int by = in.y + in.h - bh;
    const char *back = "Back [Esc]", *playon = "Play on from this choice";
    int bw = screen_button_w(a, back), pw = screen_button_w(a, playon);
    if (a->wi_result &&
        ui_button(u, ui_id(u, "wiplay"), (SDL_Rect){in.x + in.w - pw, by, pw, bh}, playon, 0,
                  "Start a new session from the moment of this decision, with this choice. "
                  "The original journal is kept.")) {
        char opt[64];
        snprintf(opt, sizeof opt, "%s", a->wi_option);
        whatif_run(a, d, opt, 1);
        return;
    }
    if (ui_button(u, ui_id(u, "wiback"), (SDL_Rect){in.x, by, bw, bh}, back, SDLK_ESCAPE, NULL)) {
        a->wi_decision = -1;
        u->focus = 0;
    }
}

static void tab_list(app *a, SDL_Rect r, const char *key, int which)
{
    ui *u = &a->u;
    ui_scroll_begin(u, &a->sc_d1, r);
    int x = r.x, w = r.w - 3 * u->gap, y = r.y;
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
            snprintf(meta, sizeof meta, "%s%s%s", strcmp(rp_str(it, "source"), "fact") == 0
                                                      ? "Fact, from public reporting"
                                                      : "Fiction, written for the exercise",
                     rp_str(it, "cite")[0] ? ": " : "", rp_str(it, "cite"));
            snprintf(text, sizeof text, "%s", rp_str(it, "title"));
        } else { /* notes */
            snprintf(meta, sizeof meta, "%s", rp_str(it, "stamp"));
            snprintf(text, sizeof text, "%s", rp_str(it, "text"));
        }
        int h = row(a, ui_idn(u, key, (int)i), x, y, w, meta, text, c, 0);
        y += h < 0 ? -h : h;
    }
    if (!json_array_size(json_object_get(a->debrief, key)))
        y += para(u, x, y, w, u->px_body, TC_TEXT_DIM, "Nothing here for this session.");
    ui_scroll_end(u, y - r.y);
}

static void export(app *a, rp_format fmt)
{
    char dir[PLAY_PATH_MAX + 16], path[PLAY_PATH_MAX + 128], buf[1200];
    snprintf(dir, sizeof dir, "%s/reports", a->data_dir);
    mkdir(dir, 0755);
    const char *base = strrchr(a->game.journal_path, '/');
    base = base ? base + 1 : a->game.journal_path;
    static const char *ext[] = {"json", "md", "html"};
    if (snprintf(path, sizeof path, "%s/%.*s.%s", dir, stem_len(base), base, ext[fmt]) >=
        (int)sizeof path) {
        app_toast(a, "Cannot export: the data folder's path is too long.");
        return;
    }
    bh_err e;
    err_clear(&e);
    FILE *f = fopen(path, "w");
    if (!f) {
        snprintf(buf, sizeof buf, "Cannot write %s", path);
        app_toast(a, buf);
        return;
    }
    bh_status st = rp_write(f, path, a->debrief, fmt, &e);
    if (fclose(f) != 0 && st == BH_OK)
        st = err_set(&e, BH_EIO, path, 0, "cannot write the report");
    if (st != BH_OK) {
        app_toast(a, err_format(&e, buf, sizeof buf));
        return;
    }
    snprintf(a->exported, sizeof a->exported, "%s", path);
    snprintf(buf, sizeof buf, "Saved %s", path);
    app_toast(a, buf);
}

static void tab_notes(app *a, SDL_Rect r)
{
    ui *u = &a->u;
    int bh = u->line + 2 * u->gap;
    SDL_Rect list = {r.x, r.y, r.w, r.h - 2 * bh - 2 * u->pad};
    tab_list(a, list, "notes", 6);
    int y = r.y + r.h - 2 * bh - u->pad;
    ui_label(u, (SDL_Rect){r.x, y, r.w, bh}, u->px_body, TC_TEXT, UI_VCENTER | UI_ELLIPSIS,
             a->exported[0] ? a->exported : "Export the after-action report to the data folder:");
    y += bh + u->pad;
    static const char *labels[3] = {"Export HTML [H]", "Export Markdown [M]", "Export JSON [J]"};
    static const SDL_Keycode keys[3] = {SDLK_h, SDLK_m, SDLK_j};
    static const rp_format fmts[3] = {RP_HTML, RP_MARKDOWN, RP_JSON};
    int x = r.x;
    for (int i = 0; i < 3; i++) {
        int w = screen_button_w(a, labels[i]);
        if (ui_button(u, ui_idn(u, "export", i), (SDL_Rect){x, y, w, bh}, labels[i], keys[i],
                      "Writes the report into the reports folder of your data folder."))
            export(a, fmts[i]);
        x += w + u->pad;
    }
}

void screen_debrief(app *a)
{
    ui *u = &a->u;
    u->scope = 30;
    if (!a->debrief) {
        a->screen = a->debrief_return;
        return;
    }
    if (a->wi_decision >= 0)
        u->modal = 2; /* the what-if panel is on top */
    int bh = u->line + 2 * u->gap;
    const json_t *sc = json_object_get(a->debrief, "scenario");
    char title[300];
    snprintf(title, sizeof title, "Debrief: %s", rp_str(sc, "title"));
    ui_label(u, (SDL_Rect){u->pad, u->pad, u->w - 2 * u->pad, u->px_title * 3 / 2}, u->px_title,
             TC_TEXT, UI_ELLIPSIS, title);
    int y = u->pad + u->px_title * 3 / 2 + u->gap;
    /* tabs, with their number keys: one row, or two when the text is large */
    int cols = DB_TABS, widest = 0;
    for (int i = 0; i < DB_TABS; i++) {
        int w = screen_button_w(a, tab_names[i]);
        widest = w > widest ? w : widest;
    }
    if (widest > (u->w - 2 * u->pad) / DB_TABS)
        cols = (DB_TABS + 1) / 2;
    int tw = (u->w - 2 * u->pad) / cols;
    for (int i = 0; i < DB_TABS; i++) {
        SDL_Rect r = {u->pad + (i % cols) * tw, y + (i / cols) * (bh + u->gap / 2), tw - u->gap / 2, bh};
        if (ui_toggle(u, ui_idn(u, "dtab", i), r, tab_names[i], a->dtab == i, SDLK_1 + i, NULL) &&
            a->dtab != i) {
            a->dtab = i;
            memset(&a->sc_d1, 0, sizeof a->sc_d1);
            memset(&a->sc_d2, 0, sizeof a->sc_d2);
        }
    }
    y += (DB_TABS + cols - 1) / cols * (bh + u->gap / 2) + u->pad;
    SDL_Rect body = {u->pad, y, u->w - 2 * u->pad, u->h - y - bh - 2 * u->pad};
    ui_panel(u, body);
    SDL_Rect in = {body.x + u->pad, body.y + u->pad, body.w - 2 * u->pad, body.h - 2 * u->pad};
    switch (a->dtab) {
    case 0: tab_timeline(a, in); break;
    case 1: tab_meters(a, in); break;
    case 2: tab_decisions(a, in); break;
    case 3: tab_list(a, in, "functions", 3); break;
    case 4: tab_list(a, in, "questions", 4); break;
    case 5: tab_list(a, in, "fact_check", 5); break;
    default: tab_notes(a, in); break;
    }
    const char *back = a->debrief_return == SCR_ENDING ? "Back to the ending [Esc]"
                                                       : "Back to the game [Esc]";
    int bw = screen_button_w(a, back);
    if (ui_button(u, ui_id(u, "dback"), (SDL_Rect){u->pad, u->h - bh - u->pad, bw, bh}, back,
                  SDLK_ESCAPE, NULL)) {
        app_close_debrief(a);
        a->screen = a->debrief_return;
        u->focus = 0;
        return;
    }
    if (a->wi_decision >= 0 && a->dtab == 2)
        whatif_panel(a);
}
