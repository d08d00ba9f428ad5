/* ui_debrief: the debrief in the game. It draws the same JSON model the
 * exported reports are made from (rp_build), so the screen and the files
 * never disagree, and it runs what-if branches through rp_whatif. Reached
 * from the ending screen and, for the story so far, from the pause menu.
 * This file builds and frees the model, draws the screen's frame and tab
 * row, and the notes tab with its exports; ui_debrief.h lists the rest. */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "report/rp_report.h"
#include "ui/ui_debrief.h"

static const char *tab_names[DB_TABS] = {"1 Timeline", "2 Meters",   "3 Decisions", "4 Functions",
                                         "5 Hot wash", "6 Fact check", "7 Notes, export"};

int debrief_build(app *a)
{
    json_decref(a->debrief);
    rp_meta m = {a->game.scenario, a->game.journal_path, NULL};
    a->debrief = rp_build(a->game.sim, &m);
    if (!a->debrief)
        screen_toast(a, "Out of memory for the debrief.");
    return a->debrief != NULL;
}

void debrief_open(app *a, app_screen back)
{
    if (!debrief_build(a))
        return;
    a->debrief_return = back;
    a->screen = SCR_DEBRIEF;
    a->dtab = 0;
    a->dsel = 0;
    a->wi_decision = -1;
    memset(&a->sc_d1, 0, sizeof a->sc_d1);
    memset(&a->sc_d2, 0, sizeof a->sc_d2);
    a->u.focus = 0;
}

void debrief_close(app *a)
{
    json_decref(a->debrief);
    a->debrief = NULL;
    json_decref(a->wi_result);
    a->wi_result = NULL;
}

static void export(app *a, rp_format fmt)
{
    char dir[PLAY_PATH_MAX + 16], path[PLAY_PATH_MAX + 128], buf[1200];
    snprintf(dir, sizeof dir, "%s/reports", a->data_dir);
    mkdir(dir, 0755);
    const char *base = strrchr(a->game.journal_path, '/');
    base = base ? base + 1 : a->game.journal_path;
    static const char *ext[] = {"json", "md", "html"};
    if (snprintf(path, sizeof path, "%s/%.*s.%s", dir, debrief_stem_len(base), base, ext[fmt]) >=
        (int)sizeof path) {
        screen_toast(a, "Cannot export: the data folder's path is too long.");
        return;
    }
    bh_err e;
    err_clear(&e);
    FILE *f = fopen(path, "w");
    if (!f) {
        snprintf(buf, sizeof buf, "Cannot write %s", path);
        screen_toast(a, buf);
        return;
    }
    bh_status st = rp_write(f, path, a->debrief, fmt, &e);
    if (fclose(f) != 0 && st == BH_OK)
        st = err_set(&e, BH_EIO, path, 0, "cannot write the report");
    if (st != BH_OK) {
        screen_toast(a, err_format(&e, buf, sizeof buf));
        return;
    }
    snprintf(a->exported, sizeof a->exported, "%s", path);
    snprintf(buf, sizeof buf, "Saved %s", path);
    screen_toast(a, buf);
}

static void tab_notes(app *a, SDL_Rect r)
{
    ui *u = &a->u;
    int bh = u->line + 2 * u->gap;
    SDL_Rect list = {r.x, r.y, r.w, r.h - 2 * bh - 2 * u->pad};
    debrief_tab_list(a, list, "notes", 6);
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
    case 0: debrief_tab_timeline(a, in); break;
    case 1: debrief_tab_meters(a, in); break;
    case 2: debrief_tab_decisions(a, in); break;
    case 3: debrief_tab_list(a, in, "functions", 3); break;
    case 4: debrief_tab_list(a, in, "questions", 4); break;
    case 5: debrief_tab_list(a, in, "fact_check", 5); break;
    default: tab_notes(a, in); break;
    }
    const char *back = a->debrief_return == SCR_ENDING ? "Back to the ending [Esc]"
                                                       : "Back to the game [Esc]";
    int bw = screen_button_w(a, back);
    if (ui_button(u, ui_id(u, "dback"), (SDL_Rect){u->pad, u->h - bh - u->pad, bw, bh}, back,
                  SDLK_ESCAPE, NULL)) {
        debrief_close(a);
        a->screen = a->debrief_return;
        u->focus = 0;
        return;
    }
    if (a->wi_decision >= 0 && a->dtab == 2)
        debrief_whatif_panel(a);
}
