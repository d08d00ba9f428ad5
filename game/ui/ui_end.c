/* ui_end: the ending screen. The ending's title and text, the final meters
 * and a short summary of what the team did. The full debrief (timeline,
 * what-if, reports) is its own screen (ui_debrief.c): the Debrief button
 * asks the shell for it (REQ_DEBRIEF), as Play again and the title do. */
#include <stdio.h>
#include <string.h>

#include <stdlib.h>

#include "core/text.h"
#include "ui/ui_facil.h"

static const char *tone_word(bh_tone t, ui_icon_kind *k, ui_theme_color *c)
{
    switch (t) {
    case TONE_GOOD: *k = ICON_CHECK; *c = TC_GOOD; return "A good outcome";
    case TONE_BAD: *k = ICON_CROSS; *c = TC_BAD; return "A bad outcome";
    case TONE_MIXED: *k = ICON_WARN; *c = TC_WARNING; return "A mixed outcome";
    default: *k = ICON_DOT; *c = TC_ACCENT; return "The end";
    }
}

static int meters(app *a, int x, int y, int w)
{
    ui *u = &a->u;
    const bh_sim *s = a->game.sim;
    const bh_defs *d = sim_defs(s);
    int y0 = y;
    y += ui_label(u, (SDL_Rect){x, y, w, u->line * 2}, u->px_head, TC_ACCENT, 0, "Final meters");
    for (size_t i = 0; i < d->nmeters; i++) {
        const bh_meter_def *m = &d->meters[i];
        double v = sim_meter(s, (int)i);
        char line[300], now[64], was[64];
        int dec = text_meter_decimals(m->max - m->min, v, m->start);
        snprintf(line, sizeof line, "%s: %s (started at %s; %s is better)", m->label,
                 text_meter_number(v, dec, 0, now, sizeof now),
                 text_meter_number(m->start, dec, 0, was, sizeof was),
                 m->good_low ? "lower" : "higher");
        y += ui_label(u, (SDL_Rect){x, y, w, 0}, u->px_body, TC_TEXT, UI_WRAP, line);
        double frac = m->max > m->min ? (v - m->min) / (m->max - m->min) : 0;
        ui_bar(u, (SDL_Rect){x, y + 2, w, u->gap + 2}, frac, TC_ACCENT);
        y += 2 * u->gap + 4;
    }
    return y - y0;
}

/* What the team did, in numbers and in choices. */
static int summary_panel(app *a, int x, int y, int w)
{
    ui *u = &a->u;
    const bh_sim *s = a->game.sim;
    const bh_defs *d = sim_defs(s);
    size_t n;
    const bh_log_entry *log = sim_log(s, &n);
    int started = 0, done = 0, chosen = 0, defaulted = 0, injects = 0;
    char choices[2400] = "";
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        const bh_log_entry *e = &log[i];
        started += e->kind == LOG_START;
        done += e->kind == LOG_DONE;
        injects += e->kind == LOG_INJECT;
        if ((e->kind == LOG_CHOOSE || e->kind == LOG_DEFAULT) && o < sizeof choices) {
            chosen += e->kind == LOG_CHOOSE;
            defaulted += e->kind == LOG_DEFAULT;
            char t[32];
            dur_stamp(e->time, t, sizeof t);
            o += (size_t)snprintf(choices + o, sizeof choices - o, "%s%s  %s: %s%s",
                                  o ? "\n" : "", t, d->decisions[e->a].prompt,
                                  d->decisions[e->a].options[e->b].label,
                                  e->kind == LOG_DEFAULT ? " (time ran out)" : "");
        }
    }
    char len[64], line[600];
    dur_format(sim_now(s), len, sizeof len);
    snprintf(line, sizeof line,
             "%s of simulated time. %d message%s arrived. You started %d action%s and finished "
             "%d. You made %d decision%s; %d more were made by the clock.",
             len, injects, injects == 1 ? "" : "s", started, started == 1 ? "" : "s", done,
             chosen, chosen == 1 ? "" : "s", defaulted);
    int y0 = y;
    y += ui_label(u, (SDL_Rect){x, y, w, u->line * 2}, u->px_head, TC_ACCENT, 0, "Summary");
    y += ui_label(u, (SDL_Rect){x, y, w, 0}, u->px_body, TC_TEXT, UI_WRAP, line) + u->pad;
    if (choices[0]) {
        y += ui_label(u, (SDL_Rect){x, y, w, u->line * 2}, u->px_head, TC_ACCENT, 0, "Decisions");
        y += ui_label(u, (SDL_Rect){x, y, w, 0}, u->px_body, TC_TEXT, UI_WRAP, choices) + u->pad;
    }
    char where[PLAY_PATH_MAX + 200];
    snprintf(where, sizeof where, "The session's journal, for the debrief and for replays: %s",
             a->game.journal_path);
    y += ui_label(u, (SDL_Rect){x, y, w, 0}, u->px_small, TC_TEXT_DIM, UI_WRAP, where);
    return y - y0;
}

static void ending(app *a)
{
    ui *u = &a->u;
    const bh_sim *s = a->game.sim;
    /* A scenario without a fallback ending ends with none when its length
     * runs out (check warns about it); the room still deserves a screen. */
    static const bh_ending_def time_up = {
        .title = "Time ran out",
        .text = "The exercise reached its length without reaching one of the scenario's "
                "endings. Its author may want to add an ending with fallback = true.",
        .tone = TONE_NONE};
    const bh_ending_def *en = sim_ending(s) >= 0 ? defs_ending_at(sim_defs(s), sim_ending(s))
                                                 : &time_up;
    int colw = u->w * 7 / 10;
    if (colw < 44 * u->px_body)
        colw = u->w - 4 * u->pad;
    int x = (u->w - colw) / 2, y = 2 * u->pad;
    ui_icon_kind k;
    ui_theme_color c;
    const char *tw = tone_word(en->tone, &k, &c);
    ui_icon(u, (SDL_Rect){x, y + u->gap, u->px_head, u->px_head}, k, c);
    y += ui_label(u, (SDL_Rect){x + u->px_head + u->pad, y, colw, u->line * 2}, u->px_head, c, 0,
                  tw);
    y += ui_label(u, (SDL_Rect){x, y, colw, u->px_title * 3}, u->px_title, TC_TEXT, UI_WRAP,
                  en->title) + u->pad;
    int bh = u->line + 2 * u->gap, bottom = u->h - bh - 2 * u->pad;
    SDL_Rect view = {x, y, colw, bottom - y - u->pad};
    ui_scroll_begin(u, &a->sc_ending, view);
    int cy = y;
    /* the findings that held in this session follow the ending's text */
    char *full = en->nfindings ? sim_ending_text(s) : NULL;
    cy += ui_label(u, (SDL_Rect){x, cy, colw - 2 * u->gap, 0}, u->px_body, TC_TEXT, UI_WRAP,
                   full ? full : en->text) + 2 * u->pad;
    free(full);
    int half = (colw - 3 * u->pad) / 2;
    if (half > 22 * u->px_body) {
        int h1 = meters(a, x, cy, half);
        int h2 = summary_panel(a, x + half + 2 * u->pad, cy, half);
        cy += (h1 > h2 ? h1 : h2);
    } else {
        cy += meters(a, x, cy, colw - 2 * u->gap) + u->pad;
        cy += summary_panel(a, x, cy, colw - 2 * u->gap);
    }
    ui_text_area(u, ui_id(u, "text"), (SDL_Rect){x, y, 1, cy - y}, "Ending text", NULL);
    ui_scroll_end(u, cy - y + u->pad);
    const char *again = "Play again", *title = "Return to the title [Esc]", *quit = "Quit [Q]";
    const char *deb = "Debrief [D]";
    int w1 = screen_button_w(a, again), w2 = screen_button_w(a, title), w3 = screen_button_w(a, quit);
    int w4 = screen_button_w(a, deb);
    if (ui_button(u, ui_id(u, "debrief"), (SDL_Rect){x + w1 + w2 + 2 * u->pad, bottom, w4, bh}, deb,
                  SDLK_d, "Timeline, meter charts, decisions and what-if, questions for the room, "
                          "and the after-action report to export.")) {
        screen_ask(a, REQ_DEBRIEF, NULL);
        return;
    }
    if (ui_button(u, ui_id(u, "again"), (SDL_Rect){x, bottom, w1, bh}, again, 0,
                  "Read the briefing again and start a new session.")) {
        screen_ask(a, REQ_BRIEFING, a->game.scenario);
        return;
    }
    if (ui_button(u, ui_id(u, "title"), (SDL_Rect){x + w1 + u->pad, bottom, w2, bh}, title,
                  SDLK_ESCAPE, NULL)) {
        screen_ask(a, REQ_TITLE, NULL);
        return;
    }
    if (ui_button(u, ui_id(u, "quit"), (SDL_Rect){x + colw - w3, bottom, w3, bh}, quit, SDLK_q,
                  NULL))
        a->quit = 1;
}

/* In a workshop the console keeps a column for the hot wash at the right:
 * the ending is laid out in the rest of the window. */
void screen_ending(app *a)
{
    ui *u = &a->u;
    u->scope = 20;
    int fw = facil_end_width(a);
    if (fw < u->w) {
        u->w -= fw;
        ending(a);
        u->w += fw;
    }
    if (fw)
        facil_hotwash(a, (SDL_Rect){u->w - fw, 0, fw, u->h});
}
