/* ui_title: the title screen: continue the last session, or choose a
 * scenario from the shipped folder or the player's own (each with its
 * length and difficulty, or why it cannot be played), settings and quit. */
#include <stdio.h>
#include <string.h>

#include "ui/ui_screens.h"

void title_refresh(app *a)
{
    play_catalogue_free(&a->cat);
    bh_err e;
    if (play_catalogue_scan(&a->cat, a->scenario_dir, a->opts.user_scenario_dir, &e) != BH_OK) {
        char buf[1200];
        screen_toast(a, err_format(&e, buf, sizeof buf));
    }
    a->can_continue =
        play_find_unfinished(a->data_dir, a->continue_path, sizeof a->continue_path);
    a->last_broken = !a->can_continue &&
                     play_last_journal(a->data_dir, a->continue_path, sizeof a->continue_path);
}


/* ---- title ---- */

/* The heading of the player's own scenarios, in the list: where the folder
 * is, so an author knows where to put a file; with `empty`, how to start.
 * Returns the height used. */
static int user_heading(app *a, int x, int y, int colw, int empty)
{
    ui *u = &a->u;
    char text[PLAY_PATH_MAX + 200];
    int h = u->pad;
    h += ui_label(u, (SDL_Rect){x, y + h, colw, u->line * 2}, u->px_head, TC_TEXT, 0,
                  "Your scenarios");
    if (empty)
        snprintf(text, sizeof text,
                 "None yet. Put your own .lua scenarios in %s (bulkhead new NAME writes one "
                 "to start from).", a->cat.user_shown);
    else
        snprintf(text, sizeof text, "From %s", a->cat.user_shown);
    h += ui_label(u, (SDL_Rect){x, y + h, colw - 2 * u->gap, 0}, u->px_body, TC_TEXT_DIM,
                  UI_WRAP, text);
    return h + u->gap;
}

void screen_title(app *a)
{
    ui *u = &a->u;
    u->scope = 1;
    int colw = u->w * 3 / 5;
    if (colw < 40 * u->px_body)
        colw = u->w - 4 * u->pad;
    int x = (u->w - colw) / 2, y = u->pad * 3;
    y += ui_label(u, (SDL_Rect){x, y, colw, u->px_huge * 2}, u->px_huge, TC_TEXT, 0,
                  "BULKHEAD");
    y += ui_label(u, (SDL_Rect){x, y, colw, u->line * 4}, u->px_head, TC_TEXT_DIM, UI_WRAP,
                  "A tabletop incident-response game. A bulkhead keeps a breach in one "
                  "compartment of a ship: keep this one contained.");
    y += 2 * u->pad;
    int bh = u->line + 2 * u->gap;
    int bottom = u->h - bh - 3 * u->pad;
    if (a->can_continue) {
        const char *slash = strrchr(a->continue_path, '/');
        char lab[400];
        snprintf(lab, sizeof lab, "Continue last session (%s)", slash ? slash + 1 : "");
        if (ui_button(u, ui_id(u, "continue"), (SDL_Rect){x, y, colw, bh}, lab, SDLK_c,
                      "Replays the saved journal and returns to where the clock was. [C]")) {
            screen_ask(a, REQ_RESUME, a->continue_path);
            return;
        }
        y += bh + u->pad;
    } else if (a->last_broken) {
        /* Without this the Continue button would vanish without a word
         * after an author's fix that does not load. */
        if (ui_button(u, ui_id(u, "broken"), (SDL_Rect){x, y, colw, bh},
                      "Last session: it stops with an error. See why [C]", SDLK_c,
                      "Replays the saved journal and shows the error it meets.")) {
            screen_ask(a, REQ_RESUME, a->continue_path);
            return;
        }
        y += bh + u->pad;
    }
    y += ui_label(u, (SDL_Rect){x, y, colw, u->line * 2}, u->px_head, TC_TEXT, 0,
                  a->want_workshop ? "Scenarios: choose one to run as a workshop"
                                   : "Scenarios");
    SDL_Rect view = {x, y, colw, bottom - y - u->pad};
    ui_scroll_begin(u, &a->sc_title, view);
    int cy = view.y;
    int user_seen = 0;
    for (size_t i = 0; i < a->cat.n; i++) {
        const play_entry *en = &a->cat.v[i];
        if (en->source == PLAY_USER && !user_seen) {
            user_seen = 1;
            cy += user_heading(a, x, cy, colw, 0);
        }
        int inner = colw - 4 * u->pad;
        char meta[256], len[64];
        dur_format(en->length, len, sizeof len);
        if (en->ok)
            snprintf(meta, sizeof meta, "%s  ·  Length %s  ·  Difficulty: %s", en->summary, len,
                     en->difficulty && en->difficulty[0] ? en->difficulty : "not rated");
        else
            snprintf(meta, sizeof meta, "Cannot be played: %s", en->problem);
        int h1 = ui_text_h(u, u->px_head, inner, TC_TEXT, en->ok ? en->title : en->shown);
        int h2 = ui_text_h(u, u->px_body, inner, en->ok ? TC_TEXT_DIM : TC_WARNING, meta);
        SDL_Rect r = {x, cy, colw - 2 * u->gap, h1 + h2 + 3 * u->gap};
        int hot = 0;
        char tip[300];
        snprintf(tip, sizeof tip, "%s: Enter or click to read the briefing.", en->shown);
        int hit = ui_area(u, ui_idn(u, "scn", (int)i), r, en->ok ? en->title : en->shown, tip,
                          &hot);
        SDL_Rect s = r;
        s.y -= u->oy;
        ui_fill(u, s, TC_PANEL);
        ui_frame(u, s, hot ? TC_ACCENT : TC_PANEL_BORDER, hot ? 2 : 1);
        if (ui_focused(u, ui_idn(u, "scn", (int)i)) && u->focus_visible)
            ui_frame(u, (SDL_Rect){s.x - 3, s.y - 3, s.w + 6, s.h + 6}, TC_FOCUS, 3);
        u->bg = TC_PANEL;
        ui_label(u, (SDL_Rect){x + 2 * u->pad, cy + u->gap, inner, h1}, u->px_head, TC_TEXT,
                 UI_WRAP, en->ok ? en->title : en->shown);
        ui_label(u, (SDL_Rect){x + 2 * u->pad, cy + u->gap + h1 + u->gap, inner, h2},
                 u->px_body, en->ok ? TC_TEXT_DIM : TC_WARNING, UI_WRAP, meta);
        u->bg = TC_BACKGROUND;
        cy += r.h + u->gap;
        if (hit) { /* a broken one opens the screen that says what is wrong */
            ui_scroll_end(u, cy - view.y);
            screen_ask(a, REQ_BRIEFING, en->path);
            return;
        }
    }
    if (!user_seen && a->cat.user_shown[0])
        cy += user_heading(a, x, cy, colw, 1);
    if (a->cat.n == 0)
        cy += ui_label(u, (SDL_Rect){x, cy, colw, u->line * 3}, u->px_body, TC_TEXT_DIM,
                       UI_WRAP, "No scenarios found. Put .lua scenarios in the scenarios/ "
                                "folder, or run: bulkhead play FILE.lua");
    ui_scroll_end(u, cy - view.y);
    int bw = screen_button_w(a, "Settings [S]");
    if (ui_button(u, ui_id(u, "settings"), (SDL_Rect){x, bottom, bw, bh}, "Settings [S]",
                  SDLK_s, "Text size, colours, default speed and full screen.")) {
        a->settings_return = SCR_TITLE;
        a->screen = SCR_SETTINGS;
        u->focus = 0;
    }
    int ww = screen_button_w(a, "Run a workshop [W]");
    brief_workshop_toggle(a, (SDL_Rect){x + bw + u->pad, bottom, ww, bh});
    int qw = screen_button_w(a, "Quit [Q]");
    if (ui_button(u, ui_id(u, "quit"), (SDL_Rect){x + colw - 2 * u->gap - qw, bottom, qw, bh}, "Quit [Q]",
                  SDLK_q, "Close Bulkhead."))
        a->quit = 1;
}

