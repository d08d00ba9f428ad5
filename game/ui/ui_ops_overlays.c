/* ui_ops_overlays: the boxes over the operations room: the pause menu,
 * the facilitator's note (typed while the clock waits, then journaled),
 * and the panel that says a scenario stopped with a script error. The
 * developer screen for a failed reload is ui_reload.c's. */
#include <stdio.h>
#include <string.h>

#include "core/text.h"
#include "ui/ui_ops.h"

/* ---- overlays ---- */

static void close_note(app *a)
{
    SDL_StopTextInput();
    a->overlay = OV_NONE;
    play_set_speed(&a->game, a->speed_on_menu);
    a->u.focus = 0;
}

/* Backspace removes one character, not one byte of it. */
static void backspace(char *s)
{
    size_t n = strlen(s);
    while (n > 0 && ((unsigned char)s[n - 1] & 0xC0) == 0x80)
        n--;
    if (n > 0)
        n--;
    s[n] = 0;
}

void ops_type(ui *u, char *buf, size_t cap)
{
    size_t len = strlen(buf);
    /* whole characters only, so a full box never ends in half of one */
    for (int i = 0; i < u->ntyped;) {
        unsigned char c = (unsigned char)u->typed[i];
        int n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        if (i + n > u->ntyped || len + (size_t)n + 1 >= cap)
            break;
        if (c >= 0x20) /* tabs and newlines are not typed: Enter saves */
            for (int k = 0; k < n; k++)
                buf[len++] = u->typed[i + k];
        i += n;
    }
    buf[len] = 0;
    if (ui_key(u, SDLK_BACKSPACE))
        backspace(buf);
}

/* A facilitator's note: stamped with the simulated time, journaled as a
 * line that is not simulation, and shown in the debrief and reports. */
void ops_note_box(app *a)
{
    ui *u = &a->u;
    u->layer = 2;
    int bh = u->line + 2 * u->gap;
    char t[32], title[64];
    dur_stamp(sim_now(a->game.sim), t, sizeof t);
    snprintf(title, sizeof title, "Facilitator note at %s", t);
    SDL_Rect in = screen_dialog(a, u->px_body * 34, 6 * u->line + bh + u->pad, title);
    ops_type(u, a->note, sizeof a->note - 8);
    SDL_Rect box = {in.x, in.y, in.w, in.h - bh - u->pad};
    ui_fill(u, box, TC_BACKGROUND);
    ui_frame(u, box, TC_ACCENT, 2);
    u->bg = TC_BACKGROUND;
    char shown[sizeof a->note + 8];
    snprintf(shown, sizeof shown, "%s|", a->note); /* the caret */
    SDL_Rect tv = {box.x + u->gap, box.y + u->gap, box.w - 2 * u->gap, box.h - 2 * u->gap};
    ui_scroll_begin(u, &a->sc_dialog, tv);
    int h = ui_label(u, (SDL_Rect){tv.x, tv.y, tv.w - u->gap, 0}, u->px_body, TC_TEXT, UI_WRAP, shown);
    a->sc_dialog.y = h > tv.h ? h - tv.h : 0; /* keep the caret in view */
    ui_scroll_end(u, h);
    u->bg = TC_PANEL;
    int y = in.y + in.h - bh;
    const char *save = "Save [Enter]", *cancel = "Cancel [Esc]";
    int sw = screen_button_w(a, save), cw = screen_button_w(a, cancel);
    if (ui_button(u, ui_id(u, "notesave"), (SDL_Rect){in.x + in.w - sw, y, sw, bh}, save,
                  SDLK_RETURN, "Write the note into the session's journal.")) {
        /* if it could not be journaled, keep the box and the text; blanks
         * at either end would not survive the journal, so they go now */
        text_trim(a->note);
        if (!a->note[0] || ops_send(a, IN_NOTE, 0, 0) == BH_OK || a->game.failed)
            close_note(a);
        return;
    }
    if (ui_button(u, ui_id(u, "notecancel"), (SDL_Rect){in.x, y, cw, bh}, cancel, SDLK_ESCAPE,
                  NULL))
        close_note(a);
}

void ops_pause_menu(app *a)
{
    ui *u = &a->u;
    u->layer = 2;
    int bh = u->line + 2 * u->gap, n = 6;
    SDL_Rect in = screen_dialog(a, u->px_body * 24, n * (bh + u->gap), "Paused");
    struct { const char *label, *tip; SDL_Keycode key; } items[6] = {
        {"Resume [Esc]", "Back to the operations room at the speed you had.", SDLK_ESCAPE},
        {"Debrief so far", "The timeline, charts and decisions up to now. The clock waits.", 0},
        {"Settings", "Text size, colours, default speed, full screen.", 0},
        {"Save and quit", "Everything is already saved; this closes the game. Continue "
                          "from the title screen.", 0},
        {"Restart this scenario", "Start again from the briefing with a new journal. The old "
                                  "one is kept.", 0},
        {"Return to the title", "Leave this session. It stays saved: choose Continue later.", 0}};
    int pick = -1;
    for (int i = 0; i < n; i++)
        if (ui_button(u, ui_idn(u, "pause", i),
                      (SDL_Rect){in.x, in.y + i * (bh + u->gap), in.w, bh}, items[i].label,
                      items[i].key, items[i].tip))
            pick = i;
    switch (pick) {
    case 0:
        a->overlay = OV_NONE;
        play_set_speed(&a->game, a->speed_on_menu); /* paused stays paused */
        u->focus = 0;
        break;
    case 1:
        screen_ask(a, REQ_DEBRIEF, NULL);
        break;
    case 2:
        a->settings_return = SCR_OPS;
        a->screen = SCR_SETTINGS;
        u->focus = 0;
        break;
    case 3:
        play_save_clock(&a->game, &(bh_err){0});
        a->quit = 1;
        break;
    case 4: screen_ask(a, REQ_BRIEFING, a->game.scenario); break;
    case 5: screen_ask(a, REQ_TITLE, NULL); break;
    default: break;
    }
}

void ops_error_panel(app *a)
{
    ui *u = &a->u;
    u->layer = 2;
    const bh_err *e = &a->game.error;
    int bh = u->line + 2 * u->gap;
    SDL_Rect in = screen_dialog(a, u->w * 4 / 5, u->h * 3 / 5, "The scenario stopped with an error");
    char where[1400], buf[1200];
    snprintf(where, sizeof where, "%s\n\nThe game is paused and nothing is lost: your choices "
                                  "up to here are in %s. Fix the script and press F5 to reload "
                                  "it here, or choose Continue on the title screen later.",
             err_format(e, buf, sizeof buf), a->game.journal_path);
    SDL_Rect view = {in.x, in.y, in.w, in.h - bh - u->pad};
    ui_scroll_begin(u, &a->sc_error, view);
    int h = ui_label(u, (SDL_Rect){in.x, in.y, in.w - 2 * u->gap, 0}, u->px_body, TC_TEXT, UI_WRAP,
                     where);
    h += screen_trace(a, in.x, in.y + h, in.w - 2 * u->gap, e->trace);
    ui_text_area(u, ui_id(u, "errtext"), (SDL_Rect){in.x, in.y, 1, h}, "Error text", NULL);
    ui_scroll_end(u, h);
    const char *t = "Return to the title";
    int bw = screen_button_w(a, t);
    if (ui_button(u, ui_id(u, "errtitle"), (SDL_Rect){in.x, in.y + in.h - bh, bw, bh}, t,
                  SDLK_ESCAPE, NULL))
        screen_ask(a, REQ_TITLE, NULL);
}

