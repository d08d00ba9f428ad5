/* ui_ops: the operations room, where the exercise is played: its layout
 * (three columns, or the board beside tabs when the text is large for the
 * screen), its hotkeys, and which overlay is on top (the decision dialog,
 * the pause menu, the note, the script-error and developer panels). The
 * panels themselves are in the ui_ops_*.c files ui_ops.h lists. When the
 * session ends, the ending is drawn in the same frame. */
#include <stdio.h>
#include <string.h>

#include "ui/ui_facil.h"

/* ---- layouts ---- */

/* Three columns: the board, the inbox, the actions. */
static void wide_room(app *a, SDL_Rect body)
{
    ui *u = &a->u;
    int c1 = body.w * 26 / 100, c2 = body.w * 38 / 100, c3 = body.w - c1 - c2 - 2 * u->pad;
    SDL_Rect left = {body.x, body.y, c1, body.h};
    SDL_Rect mid = {left.x + c1 + u->pad, body.y, c2, body.h};
    SDL_Rect right = {mid.x + c2 + u->pad, body.y, c3, body.h};
    ops_board_panel(a, left);
    ui_panel(u, mid);
    ops_inbox_panel(a, mid);
    ui_panel(u, right);
    int acth = (right.h - 2 * u->pad) * 64 / 100;
    ops_actions(a, (SDL_Rect){right.x, right.y + u->pad, right.w, acth});
    ops_running(a, (SDL_Rect){right.x, right.y + 2 * u->pad + acth, right.w,
                              right.h - acth - 3 * u->pad});
}

/* Large text on a small screen (a projector at 200%): the board, and one of
 * inbox, actions or running beside it at full height, chosen by tabs. */
static void compact_room(app *a, SDL_Rect body)
{
    ui *u = &a->u;
    int c1 = body.w * 30 / 100;
    ops_board_panel(a, (SDL_Rect){body.x, body.y, c1, body.h});
    SDL_Rect r = {body.x + c1 + u->pad, body.y, body.w - c1 - u->pad, body.h};
    size_t n;
    sim_inbox(a->game.sim, &n);
    size_t unread = 0;
    for (size_t i = 0; i < n; i++)
        unread += !play_is_read(&a->game, i);
    int bh = u->line + 2 * u->gap, tw = r.w / 3;
    /* the longest label that fits its tab */
    char inbox_lab[64];
    snprintf(inbox_lab, sizeof inbox_lab, unread ? "Inbox (%zu new) F1" : "Inbox F1", unread);
    if (screen_button_w(a, inbox_lab) > tw - u->gap)
        snprintf(inbox_lab, sizeof inbox_lab, unread ? "Inbox (%zu) F1" : "Inbox F1", unread);
    if (screen_button_w(a, inbox_lab) > tw - u->gap)
        snprintf(inbox_lab, sizeof inbox_lab, "Inbox F1");
    const char *labels[3] = {inbox_lab, "Actions F2", "Running F3"};
    static const SDL_Keycode keys[3] = {SDLK_F1, SDLK_F2, SDLK_F3};
    static const char *const tips[3] = {"Messages, newest first, and the one you chose.",
                                        "What the teams can start now.",
                                        "Actions under way, and each team's free staff."};
    for (int i = 0; i < 3; i++)
        if (ui_toggle(u, ui_idn(u, "tab", i), (SDL_Rect){r.x + i * tw, r.y, tw - u->gap / 2, bh},
                      labels[i], a->tab == i, keys[i], tips[i]))
            a->tab = i;
    SDL_Rect p = {r.x, r.y + bh + u->gap, r.w, r.h - bh - u->gap};
    ui_panel(u, p);
    SDL_Rect in = {p.x, p.y + u->pad, p.w, p.h - 2 * u->pad};
    if (a->tab == 0)
        ops_inbox_panel(a, p);
    else if (a->tab == 1)
        ops_actions(a, in);
    else
        ops_running(a, in);
}

/* ---- the screen ---- */

static void hotkeys(app *a)
{
    ui *u = &a->u;
    play *g = &a->game;
    if (a->overlay != OV_NOTE && ui_key(u, SDLK_F5)) { /* reload, for authors */
        reload_scenario(a);
        return;
    }
    if (a->overlay != OV_NONE)
        return;
    if (ui_key(u, SDLK_SPACE))
        ops_set_speed(a, g->speed ? 0 : a->speed_before_pause);
    static const int sp[4] = {1, 2, 4, 8};
    for (int i = 0; i < 4; i++)
        if (ui_key(u, SDLK_1 + i))
            ops_set_speed(a, sp[i]);
    if (ui_key(u, SDLK_s)) {
        bh_err e;
        play_skip(g, &e);
    }
    if (ui_key(u, SDLK_n)) { /* the facilitator's note: the clock waits */
        a->overlay = OV_NOTE;
        a->speed_on_menu = g->speed;
        play_set_speed(g, 0);
        a->note[0] = 0;
        u->focus = 0;
        SDL_StartTextInput();
        ui_drop_key_text(u); /* the "n" of this N is not the note's first letter */
        return;
    }
    if (a->dec_pick && !a->dec_collapsed && ops_open_decision(g->sim) >= 0 &&
        ui_key(u, SDLK_ESCAPE)) { /* back out of a choice before the menu */
        if (a->dec_confirm)
            a->dec_confirm = 0;
        else
            a->dec_pick = 0;
        u->focus = 0;
        return;
    }
    if (ui_key(u, SDLK_ESCAPE)) {
        a->overlay = OV_PAUSE;
        a->speed_on_menu = g->speed;
        play_set_speed(g, 0);
        u->focus = 0;
    }
}

/* The room in the window's width less the facilitator panel's `fw`: the
 * layout, the strip at the bottom, the decision dialog. */
static void room(app *a, int di, int dialog, int top, int strip, int fw)
{
    ui *u = &a->u;
    SDL_Rect body = {u->pad, top + u->pad, u->w - fw - 2 * u->pad, u->h - top - strip - 2 * u->pad};
    if (di >= 0 && a->dec_collapsed) {
        int bh = u->line + 3 * u->gap;
        ops_decision_banner(a, di, (SDL_Rect){body.x, body.y, body.w, bh});
        body.y += bh + u->pad;
        body.h -= bh + u->pad;
    }
    int compact = body.h < 18 * u->line || (fw && body.w < 56 * u->px_body);
    if (compact) {
        compact_room(a, body);
    } else {
        wide_room(a, body);
    }
    int tw = facil_switch_w(a); /* a narrow console's switch to the panel */
    ops_timeline(a, (SDL_Rect){0, u->h - strip, u->w - fw - tw, strip});
    if (tw)
        facil_switch(a, (SDL_Rect){u->w - tw, u->h - strip, tw, strip});
    /* Beside the board when there is room; over it when the text is large
     * for the screen, so the options are not pushed out of sight. */
    if (dialog && !compact) {
        int x = body.x + body.w * 26 / 100 + u->pad;
        ops_decision(a, di, (SDL_Rect){x, body.y, body.x + body.w - x, body.h}, 0);
    } else if (dialog) {
        ops_decision(a, di, body, 1);
    }
}

void screen_ops(app *a)
{
    ui *u = &a->u;
    play *g = &a->game;
    u->scope = 10;
    if (g->failed && a->overlay != OV_ERROR && a->overlay != OV_DEV) {
        a->overlay = OV_ERROR;
        play_set_speed(g, 0);
        u->focus = 0;
    }
    if (sim_ended(g->sim) && !g->failed) {
        a->screen = SCR_ENDING;
        u->focus = 0;
        u->key = 0; /* a key meant for the operations room is not for the ending */
        screen_ending(a);
        return;
    }
    hotkeys(a);
    int di = ops_open_decision(g->sim);
    if (di != a->dec_seen) {
        a->dec_seen = di;
        a->dec_collapsed = 0;
        a->dec_pick = a->dec_confirm = 0; /* a selection is for the decision it was made in */
        memset(&a->sc_dialog, 0, sizeof a->sc_dialog);
        if (di >= 0)
            u->focus = 0;
    }
    int dialog = di >= 0 && !a->dec_collapsed;
    u->modal = a->overlay != OV_NONE ? 2 : dialog ? 1 : 0;
    /* the clock stays usable while a decision is open */
    u->layer = a->overlay != OV_NONE ? 0 : 1;
    int top = ops_top_bar(a);
    u->layer = 0;
    int strip = 2 * u->line + 3 * u->gap + u->line;
    /* a workshop's console: the facilitator panel at the right, or, when
     * the text is large for the screen, over the room (F6 switches) */
    int fw = facil_width(a);
    if (fw < u->w)
        room(a, di, dialog, top, strip, fw);
    if (fw)
        facil_panel(a, (SDL_Rect){u->w - fw, top, fw, u->h - top});
    if (a->overlay == OV_PAUSE)
        ops_pause_menu(a);
    else if (a->overlay == OV_ERROR)
        ops_error_panel(a);
    else if (a->overlay == OV_DEV)
        reload_panel(a);
    else if (a->overlay == OV_NOTE)
        ops_note_box(a);
    else if (a->overlay == OV_FACIL)
        facil_dialog(a);
    else if (a->overlay == OV_DETAILS)
        details_form(a);
}
