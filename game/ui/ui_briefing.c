/* ui_briefing: the scenario's briefing, read before a session starts
 * (the situation, the organisation, its teams, what is at stake, the clock
 * and how to play), and the screen that says why a scenario cannot be
 * played when it does not load. */
#include <stdio.h>

#include "ui/ui_screens.h"

/* ---- briefing ---- */

static int section(ui *u, int x, int y, int w, const char *head, const char *body)
{
    if (!body || !body[0])
        return 0;
    int h = ui_label(u, (SDL_Rect){x, y, w, u->line * 2}, u->px_head, TC_ACCENT, 0, head);
    h += u->gap;
    h += ui_label(u, (SDL_Rect){x, y + h, w, 0}, u->px_body, TC_TEXT, UI_WRAP, body);
    return h + u->pad * 2;
}

static const char *how_to_play =
    "The clock runs while you think. Start actions from the right-hand panel: each needs free "
    "staff from a team and takes time. Messages arrive in the inbox. When a decision opens, "
    "choose before its countdown runs out, or the default happens. Space pauses; 1 to 4 set "
    "the speed; S skips to the next event; N writes a note; Tab and the arrow keys move between controls and "
    "Enter presses them; Esc opens the menu. Everything you do is saved as you do it.";

const char *briefing_help(void) { return how_to_play; }

void screen_briefing(app *a)
{
    ui *u = &a->u;
    u->scope = 2;
    if (a->overlay == OV_DETAILS && !a->want_workshop)
        a->overlay = OV_NONE;
    u->modal = a->overlay == OV_DETAILS ? 2 : 0; /* the form is over it */
    const bh_defs *d = lh_defs(a->brief);
    const bh_scenario_def *sc = &d->scenario;
    int colw = u->w * 7 / 10;
    if (colw < 44 * u->px_body)
        colw = u->w - 4 * u->pad;
    int x = (u->w - colw) / 2, y = u->pad * 2;
    y += ui_label(u, (SDL_Rect){x, y, colw, u->px_title * 3}, u->px_title, TC_TEXT, UI_WRAP,
                  sc->title);
    char based[600];
    snprintf(based, sizeof based, "Based on %s.", sc->based_on && sc->based_on[0]
                                                      ? sc->based_on
                                                      : "no public reporting (fiction)");
    y += ui_label(u, (SDL_Rect){x, y, colw, u->line * 3}, u->px_body, TC_TEXT_DIM, UI_WRAP,
                  based);
    y += u->pad;
    int bh = u->line + 2 * u->gap;
    int bottom = u->h - bh - 2 * u->pad;
    SDL_Rect view = {x, y, colw, bottom - y - u->pad};
    ui_panel(u, (SDL_Rect){view.x - u->pad, view.y, view.w + 2 * u->pad, view.h});
    view.y += u->gap;
    view.h -= 2 * u->gap;
    ui_scroll_begin(u, &a->sc_brief, view);
    int cy = view.y, w = colw - 2 * u->gap;
    if (a->want_workshop) {
        cy += brief_workshop_cuts(a, x, cy, w);
        cy += details_brief_section(a, x, cy, w);
    }
    cy += section(u, x, cy, w, "The situation", sc->briefing);
    cy += section(u, x, cy, w, "Your organisation", sc->organisation);
    char teams[2000] = "";
    size_t o = 0;
    for (size_t i = 0; i < d->nteams && o < sizeof teams; i++)
        o += (size_t)snprintf(teams + o, sizeof teams - o, "%s%s: %d staff", i ? "\n" : "",
                              d->teams[i].label, d->teams[i].staff);
    cy += section(u, x, cy, w, "Roles and teams", teams);
    cy += section(u, x, cy, w, "What is at stake", sc->stakes);
    char len[64], start[64], clock[300];
    dur_format(sc->length, len, sizeof len);
    cal_format(sc->start_epoch, start, sizeof start);
    snprintf(clock, sizeof clock,
             "It starts %s and runs for at most %s. At 1x, one real second is %g simulated "
             "seconds.",
             start, len, sc->rate);
    cy += section(u, x, cy, w, "Time", clock);
    char cuts[2000] = "";
    o = 0;
    for (size_t i = 0; i < d->ncuts && o < sizeof cuts; i++) {
        char clen[64];
        dur_format(d->cuts[i].length, clen, sizeof clen);
        o += (size_t)snprintf(cuts + o, sizeof cuts - o,
                              "%s%s: %s of the story in about %d minutes with the room "
                              "(--cut %s)",
                              i ? "\n" : "", d->cuts[i].label, clen, d->cuts[i].agenda,
                              d->cuts[i].id);
    }
    if (!a->want_workshop) /* a workshop chooses its cut at the top */
        cy += section(u, x, cy, w, "Session cuts for a workshop", cuts);
    cy += section(u, x, cy, w, "How to play", how_to_play);
    /* The scroll area stays focusable so the keyboard can scroll it too. */
    ui_text_area(u, ui_id(u, "text"), (SDL_Rect){x, view.y, 1, cy - view.y}, "Briefing text", "Page Up and Page Down scroll the briefing.");
    ui_scroll_end(u, cy - view.y);
    const char *begin = a->want_workshop ? "Start the workshop [Enter]"
                                         : "Begin the exercise [Enter]";
    int bw = screen_button_w(a, begin);
    if (ui_button(u, ui_id(u, "begin"), (SDL_Rect){x + colw - bw, bottom, bw, bh}, begin,
                  SDLK_RETURN,
                  a->want_workshop
                      ? "Open the projector for the room; the clock waits for you to start "
                        "it. A new journal records everything."
                      : "Start the clock. A new journal records every choice you make.")) {
        screen_ask(a, REQ_BEGIN, NULL);
        return;
    }
    int b2 = screen_button_w(a, "Back [Esc]");
    if (ui_button(u, ui_id(u, "back"), (SDL_Rect){x, bottom, b2, bh}, "Back [Esc]",
                  SDLK_ESCAPE, "Return to the scenario list."))
        screen_ask(a, REQ_TITLE, NULL);
    if (a->overlay == OV_DETAILS)
        details_form(a);
}

/* ---- a scenario that failed to load ---- */

void screen_load_error(app *a)
{
    ui *u = &a->u;
    u->scope = 4;
    int colw = u->w - 6 * u->pad, x = 3 * u->pad, y = 3 * u->pad;
    y += ui_label(u, (SDL_Rect){x, y, colw, u->px_title * 2}, u->px_title, TC_BAD, 0,
                  "This scenario cannot be played");
    int bh = u->line + 2 * u->gap, bottom = u->h - bh - 2 * u->pad;
    SDL_Rect view = {x, y + u->pad, colw, bottom - y - 2 * u->pad};
    ui_panel(u, view);
    view = (SDL_Rect){view.x + u->pad, view.y + u->pad, view.w - 2 * u->pad,
                      view.h - 2 * u->pad};
    ui_scroll_begin(u, &a->sc_error, view);
    int h = ui_label(u, (SDL_Rect){view.x, view.y, view.w, 0}, u->px_body, TC_TEXT, UI_WRAP,
                     a->load_error);
    ui_text_area(u, ui_id(u, "text"), (SDL_Rect){view.x, view.y, 1, h}, "Problems", NULL);
    ui_scroll_end(u, h);
    int bw = screen_button_w(a, "Back to the title [Esc]");
    if (ui_button(u, ui_id(u, "back"), (SDL_Rect){x, bottom, bw, bh}, "Back to the title [Esc]",
                  SDLK_ESCAPE, "Fix the file and choose it again: it is read afresh."))
        screen_ask(a, REQ_TITLE, NULL);
}

