/* ui_facil: the facilitator panel beside the operations room on the
 * console (the laptop's window). From the top: the agenda clock (the
 * facilitator looks at it most, so it is the largest text), why the clock
 * is stopped, the pacing buttons, what the projector shows now and the
 * buttons that change it, then four tabs (what comes next, guidance, the
 * interventions, what-if) and the session's last answer at the bottom.
 * Nothing here is drawn on the projector: that window draws only the room
 * view model (game/room/rv_model.h), built from the session and a->show. */
#include <stdio.h>
#include <string.h>

#include "ui/ui_facil.h"

static const char *const to_panel = "Facilitator [F6]", *const to_room = "Room [F6]";

/* Too little room for the operations room beside the panel. */
static int narrow(app *a)
{
    return a->u.w < 50 * a->u.px_body;
}

/* The hot wash: the room looks at the debrief, the tabs the facilitator
 * allows, one of them up. a->debrief is the model the projector reads:
 * rebuilt whenever the session moved on. */
static void hotwash_model(app *a)
{
    facil_state *f = &a->facil;
    if (a->show.hotwash) {
        uint64_t v = sim_version(a->game.sim);
        if (!a->debrief || !f->db_ours || f->db_version != v) {
            f->db_ours = debrief_build(a);
            f->db_version = v;
        }
    } else if (f->db_ours) {
        json_decref(a->debrief);
        a->debrief = NULL;
        f->db_ours = 0;
    }
}

int facil_width(app *a)
{
    if (!a->workshop)
        return 0;
    ui *u = &a->u;
    facil_state *f = &a->facil;
    uint64_t serial = sim_serial(a->game.sim);
    if (f->serial != serial) { /* a new session: nothing carries over */
        memset(f, 0, sizeof *f);
        f->serial = serial;
        f->extend_min = 5;
    }
    hotwash_model(a); /* every frame, whichever of room and panel is up */
    if (narrow(a))
        return a->facil.panel_up ? u->w : 0;
    int w = u->w * 32 / 100, least = u->px_body * 22;
    if (w < least)
        w = least;
    if (w > u->w / 2)
        w = u->w / 2;
    return w;
}

int facil_switch_w(app *a)
{
    if (!a->workshop || !narrow(a) || a->facil.panel_up)
        return 0;
    return screen_button_w(a, to_panel) + 2 * a->u.pad;
}

void facil_switch(app *a, SDL_Rect r)
{
    ui *u = &a->u;
    ui_fill(u, r, TC_PANEL);
    u->layer = 1; /* reachable while a decision is open */
    int bh = u->line + 2 * u->gap;
    if (ui_button(u, ui_id(u, "fswitch"),
                  (SDL_Rect){r.x + u->pad, r.y + (r.h - bh) / 2, r.w - 2 * u->pad, bh}, to_panel,
                  SDLK_F6, "The facilitator panel: agenda, projector, guidance, interventions."))
        a->facil.panel_up = 1;
    if (ui_live(u) && ui_key(u, SDLK_PERIOD)) /* the projector's blank works from the room too */
        a->show.blank = !a->show.blank;
    u->layer = 0;
}

/* A button placed on a row that wraps: (*fx, *fy) moves on. */
static int flow(app *a, SDL_Rect area, int *fx, int *fy, uint32_t id, const char *label, int on,
                SDL_Keycode key, const char *tip)
{
    ui *u = &a->u;
    int bh = u->line + 2 * u->gap, bw = screen_button_w(a, label);
    if (bw > area.w)
        bw = area.w;
    if (*fx > area.x && *fx + bw > area.x + area.w) {
        *fx = area.x;
        *fy += bh + u->gap;
    }
    int hit = ui_toggle(u, id, (SDL_Rect){*fx, *fy, bw, bh}, label, on, key, tip);
    *fx += bw + u->gap;
    return hit;
}

/* The agenda clock: real minutes used against the plan, and where the
 * finish falls at the speed the room plays. */
static int agenda(app *a, int x, int y, int w)
{
    ui *u = &a->u;
    play_agenda_info ag;
    play_agenda(&a->game, &ag);
    char l1[160], l2[200], l3[160] = "";
    ui_theme_color c2 = TC_TEXT_DIM;
    if (sim_ended(a->game.sim)) { /* nothing left to project */
        snprintf(l1, sizeof l1, "Time used: %.0f min", ag.used_min);
        if (ag.agenda_min > 0)
            snprintf(l2, sizeof l2, "of the %.0f min planned", ag.agenda_min);
        else
            snprintf(l2, sizeof l2, "The session has ended");
    } else if (ag.agenda_min > 0) {
        double left = ag.left_min >= 0 ? ag.left_min : -ag.left_min;
        snprintf(l1, sizeof l1, "Agenda: %.0f of %.0f min (%.0f %s)", ag.used_min, ag.agenda_min,
                 left, ag.left_min >= 0 ? "left" : "over");
        if (ag.late_min > 0.5) {
            snprintf(l2, sizeof l2, "Finish at about %.0f min at %d×: %.0f min late",
                     ag.finish_min, ag.speed, ag.late_min);
            c2 = TC_BAD;
        } else {
            snprintf(l2, sizeof l2, "Finish at about %.0f min at %d×: in time", ag.finish_min,
                     ag.speed);
            c2 = TC_GOOD;
        }
        if (ag.fit_speed)
            snprintf(l3, sizeof l3, "Slowest speed that fits: %d×", ag.fit_speed);
        else
            snprintf(l3, sizeof l3, "No speed fits: skip ahead, or end early");
    } else {
        snprintf(l1, sizeof l1, "Time used: %.0f min", ag.used_min);
        snprintf(l2, sizeof l2, "No agenda (the whole scenario). Finish at about %.0f min at %d×",
                 ag.finish_min, ag.speed);
    }
    int y0 = y;
    y += facil_para(a, x, y, w, u->px_head, TC_TEXT, l1);
    y += facil_para(a, x, y, w, u->px_body, c2, l2);
    if (l3[0])
        y += facil_para(a, x, y, w, u->px_small, TC_TEXT_DIM, l3);
    return y - y0;
}

/* Why the clock is where it is. */
static void clock_line(app *a, char *buf, size_t n, ui_theme_color *c)
{
    const play *g = &a->game;
    *c = TC_WARNING;
    if (sim_ended(g->sim))
        snprintf(buf, n, "Clock: the session has ended");
    else if (g->speed) {
        snprintf(buf, n, "Clock: running at %d×", g->speed);
        *c = TC_GOOD;
    } else if (!a->started)
        snprintf(buf, n, "Clock: not started. Start it when the room is ready");
    else if (g->paused_by == PLAY_PAUSED_DECISION)
        snprintf(buf, n, "Clock: paused, because a decision opened");
    else if (g->paused_by == PLAY_PAUSED_MESSAGE)
        snprintf(buf, n, "Clock: paused, because a message came in");
    else
        snprintf(buf, n, "Clock: paused");
}

static int pacing(app *a, SDL_Rect area)
{
    ui *u = &a->u;
    play *g = &a->game;
    int fx = area.x, fy = area.y, bh = u->line + 2 * u->gap;
    int ended = sim_ended(g->sim);
    if (!ended && flow(a, area, &fx, &fy, ui_id(u, "fclock"), g->speed ? "Pause clock" : "Start clock",
                       0, 0, g->speed ? "Stop the clock. [Space]"
                                      : "Run the clock at the speed chosen last. [Space]"))
    {
        ops_set_speed(a, g->speed ? 0 : a->speed_before_pause ? a->speed_before_pause : 1);
        a->started |= g->speed != 0;
    }
    if (!ended && flow(a, area, &fx, &fy, ui_id(u, "fjump"), "Jump to next decision", 0, 0,
                       "Move the clock to the moment the next decision opens, and pause there.")) {
        bh_err e;
        err_clear(&e);
        if (play_jump_to_decision(g, &e) == BH_OK) {
            char t[32], buf[80];
            snprintf(buf, sizeof buf, "Jumped to %s.", dur_stamp(sim_now(g->sim), t, sizeof t));
            facil_say(a, 0, buf);
        } else if (!g->failed) {
            char buf[600], why[500];
            snprintf(buf, sizeof buf, "Cannot jump: %s", err_format(&e, why, (int)sizeof why));
            facil_say(a, 1, buf);
        }
    }
    if (!ended && flow(a, area, &fx, &fy, ui_id(u, "fpausemsg"), "Pause on messages",
                       g->pause_on_message, 0,
                       "When on, the clock stops each time a message comes in."))
        play_set_pause_on_message(g, !g->pause_on_message);
    return fx == area.x ? 0 : fy + bh - area.y;
}

static void hotwash_tab_click(rv_show *s, int t)
{
    unsigned bit = 1u << t;
    if (!(s->hotwash_tabs & bit)) {
        s->hotwash_tabs |= bit; /* allowed, and up */
        s->hotwash_tab = t;
    } else if (s->hotwash_tab != t) {
        s->hotwash_tab = t;
    } else { /* the one up is taken away: the first still allowed goes up */
        s->hotwash_tabs &= ~bit;
        for (int i = 0; i < RV_TABS; i++)
            if (s->hotwash_tabs & (1u << i)) {
                s->hotwash_tab = i;
                break;
            }
    }
}

static int projector(app *a, SDL_Rect area)
{
    ui *u = &a->u;
    rv_show *s = &a->show;
    int y = area.y, bh = u->line + 2 * u->gap;
    char what[200];
    const char *now = s->blank                   ? "blank (the holding slide)"
                      : s->hotwash               ? "the debrief (hot wash)"
                      : s->slide != RV_SLIDE_NONE ? "discussion questions"
                                                 : "the room (live)";
    snprintf(what, sizeof what, "Projector: %s%s", now, a->has_proj ? "" : ". No projector window");
    y += ui_label(u, (SDL_Rect){area.x, y, area.w, 0}, u->px_body, TC_ACCENT, UI_WRAP, what);
    /* what the displays mean for the room (mirrored: it would see this
     * console), kept here: the toast that said it first fades */
    if (a->proj_warning[0])
        y += ui_label(u, (SDL_Rect){area.x, y, area.w, 0}, u->px_body, TC_WARNING, UI_WRAP,
                      a->proj_warning);
    int fx = area.x, fy = y + u->gap;
    if (a->workshop &&
        flow(a, area, &fx, &fy, ui_id(u, "fprojmove"),
             a->has_proj ? "Next display [" APP_PROJECTOR_KEY_NAME "]"
                         : "Open the projector [" APP_PROJECTOR_KEY_NAME "]",
             0, 0, "Move the projector's window to the next display, or open it again."))
        screen_ask(a, REQ_PROJECTOR, NULL);
    if (flow(a, area, &fx, &fy, ui_id(u, "fblank"), s->blank ? "Unblank [.]" : "Blank [.]", s->blank,
             SDLK_PERIOD, "The room sees a holding slide while you talk. [.]"))
        s->blank = !s->blank;
    if (s->slide != RV_SLIDE_NONE &&
        flow(a, area, &fx, &fy, ui_id(u, "fslidedown"), "Take the questions down", 0, 0,
             "Back to the room's live view."))
        s->slide = RV_SLIDE_NONE;
    const char *hw = s->hotwash ? "Debrief off projector" : "Debrief on projector";
    if (flow(a, area, &fx, &fy, ui_id(u, "fhotwash"), hw, s->hotwash, 0,
             "The hot wash: the room sees the debrief tabs you allow below. What-if and the "
             "recommended answers stay here until the ending.")) {
        s->hotwash = !s->hotwash;
        if (s->hotwash && !s->hotwash_tabs) {
            s->hotwash_tabs = 1u << RV_TAB_TIMELINE | 1u << RV_TAB_METERS;
            s->hotwash_tab = RV_TAB_TIMELINE;
        }
    }
    /* the phones' server (ui_room.c): its addresses and code below */
    if (flow(a, area, &fx, &fy, ui_id(u, "froom"), a->room.srv ? "Room: on" : "Room: off",
             a->room.srv != NULL, 0,
             "The room follows on their phones over this computer's network (no internet "
             "needed). Click to switch the room server on or off.")) {
        if (a->room.srv)
            app_room_stop(a);
        else
            app_room_start(a);
    }
    if (s->hotwash) {
        fx = area.x;
        fy += bh + u->gap;
        for (int t = 0; t < RV_TABS; t++) {
            if (t == RV_TAB_NOTES)
                continue; /* the facilitator's own notes: the room's model never takes them */
            char lab[64];
            snprintf(lab, sizeof lab, "%s%s", rv_tab_name(t), s->hotwash_tab == t ? " (up)" : "");
            if (flow(a, area, &fx, &fy, ui_idn(u, "fhwtab", t), lab,
                     (s->hotwash_tabs >> t) & 1, 0,
                     "Allow this tab on the projector and put it up; again to take it away."))
                hotwash_tab_click(s, t);
        }
    }
    hotwash_model(a); /* at once: the projector draws after the console */
    return fy + bh - area.y;
}

static int tabs(app *a, SDL_Rect area)
{
    ui *u = &a->u;
    static const char *const names[FT__COUNT] = {"Next", "Guide", "Intervene", "What-if"};
    static const char *const tips[FT__COUNT] = {
        "What comes next: scheduled messages, decisions, deadlines, the end.",
        "Guidance for the selected message or the open decision.",
        "Interventions: fire a message, extend or freeze a deadline, adjust, message, end.",
        "Play each option of the open decision ahead to its ending. Never on the projector."};
    int bh = u->line + 2 * u->gap, cols = FT__COUNT, widest = 0;
    for (int i = 0; i < FT__COUNT; i++) {
        int bw = screen_button_w(a, names[i]);
        widest = bw > widest ? bw : widest;
    }
    if (widest > area.w / cols - u->gap / 2)
        cols = 2; /* large text: two rows of two */
    int tw = area.w / cols;
    for (int i = 0; i < FT__COUNT; i++) {
        SDL_Rect r = {area.x + i % cols * tw, area.y + i / cols * (bh + u->gap / 2), tw - u->gap / 2,
                      bh};
        if (ui_toggle(u, ui_idn(u, "ftab", i), r, names[i], a->facil.tab == i, 0, tips[i]) &&
            a->facil.tab != i) {
            a->facil.tab = i; /* the scroll stays: the tabs stay where they were clicked */
        }
    }
    return FT__COUNT / cols * (bh + u->gap / 2);
}

void facil_panel(app *a, SDL_Rect r)
{
    ui *u = &a->u;
    facil_state *f = &a->facil;
    if (a->game.speed)
        a->started = 1;
    u->layer = 1; /* usable while a decision is open, not under an overlay */
    ui_fill(u, r, TC_PANEL);
    ui_fill(u, (SDL_Rect){r.x, r.y, 1, r.h}, TC_PANEL_BORDER);
    u->bg = TC_PANEL;
    int x = r.x + u->pad, w = r.w - 2 * u->pad, y = r.y + u->pad;
    if (narrow(a)) { /* the panel is up over the room: the way back */
        int bw = screen_button_w(a, to_room), bh = u->line + 2 * u->gap;
        if (ui_button(u, ui_id(u, "fswitch"), (SDL_Rect){x + w - bw, y, bw, bh}, to_room, SDLK_F6,
                      "Back to the operations room."))
            f->panel_up = 0;
        w -= bw + u->pad;
    }
    y += agenda(a, x, y, w) + u->gap;
    w = r.w - 2 * u->pad;
    char cl[200];
    ui_theme_color cc;
    clock_line(a, cl, sizeof cl, &cc);
    y += facil_para(a, x, y, w, u->px_body, cc, cl) + u->gap;
    y += pacing(a, (SDL_Rect){x, y, w, 0});
    y += u->pad;
    ui_fill(u, (SDL_Rect){x, y - u->pad / 2, w, 1}, TC_PANEL_BORDER);
    /* the session's last answer, at the bottom */
    int ah = f->said[0] ? ui_text_h(u, u->px_small, w, TC_TEXT, f->said) + u->gap : 0;
    /* below the clock, one scroll area: the projector, the tabs and the
     * tab's content (on a laptop's screen they rarely fit all at once) */
    SDL_Rect view = {r.x + u->gap, y, r.w - 2 * u->gap, r.y + r.h - y - ah - u->pad};
    if (view.h > u->line) {
        ui_scroll_begin(u, &f->sc, view);
        int y0 = y, cw = w - 2 * u->gap;
        y += projector(a, (SDL_Rect){x, y, cw, 0}) + u->pad;
        y += facil_room(a, (SDL_Rect){x, y, cw, 0});
        y += tabs(a, (SDL_Rect){x, y, cw, 0}) + u->gap;
        switch (f->tab) {
        case FT_NEXT: y += facil_next(a, x, y, cw); break;
        case FT_GUIDE: y += facil_guide(a, x, y, cw); break;
        case FT_ACT: y += facil_act(a, x, y, cw); break;
        default: y += facil_whatif(a, x, y, cw); break;
        }
        ui_scroll_end(u, y - y0);
    }
    if (ah) {
        ui_label(u, (SDL_Rect){x, r.y + r.h - ah - u->pad / 2, w, 0}, u->px_small,
                 f->said_bad ? TC_BAD : TC_TEXT_DIM, UI_WRAP, f->said);
    }
    u->layer = 0;
}

/* ---- after the ending: the hot wash ---- */

int facil_end_width(app *a)
{
    if (!a->workshop)
        return 0;
    int w = facil_width(a); /* syncs the state with the session too */
    if (narrow(a))
        return a->facil.panel_up ? a->u.w : screen_button_w(a, to_panel) + 2 * a->u.pad;
    return w;
}

void facil_hotwash(app *a, SDL_Rect r)
{
    ui *u = &a->u;
    facil_state *f = &a->facil;
    u->layer = 0;
    ui_fill(u, r, TC_PANEL);
    ui_fill(u, (SDL_Rect){r.x, r.y, 1, r.h}, TC_PANEL_BORDER);
    u->bg = TC_PANEL;
    int x = r.x + u->pad, w = r.w - 2 * u->pad, y = r.y + u->pad, bh = u->line + 2 * u->gap;
    if (narrow(a)) {
        const char *lab = f->panel_up ? "Ending [F6]" : to_panel;
        int bw = screen_button_w(a, lab);
        if (bw > w)
            bw = w;
        if (ui_button(u, ui_id(u, "fswitch"), (SDL_Rect){x + w - bw, y, bw, bh}, lab, SDLK_F6,
                      f->panel_up ? "Back to the ending." : "The hot wash: what the room sees."))
            f->panel_up = !f->panel_up;
        if (!f->panel_up) {
            if (ui_key(u, SDLK_PERIOD))
                a->show.blank = !a->show.blank;
            return;
        }
        y += bh + u->pad;
    }
    y += agenda(a, x, y, w) + u->pad;
    SDL_Rect view = {r.x + u->gap, y, r.w - 2 * u->gap, r.y + r.h - y - u->pad};
    ui_scroll_begin(u, &f->sc, view);
    int y0 = y, cw = w - 2 * u->gap;
    y += facil_para(a, x, y, cw, u->px_head, TC_ACCENT, "Hot wash") + u->gap;
    y += facil_para(a, x, y, cw, u->px_body, TC_TEXT,
                    "Choose the debrief tabs the room sees. What-if stays on this screen "
                    "(Debrief [D]).") + u->gap;
    y += projector(a, (SDL_Rect){x, y, cw, 0}) + u->pad;
    y += facil_room(a, (SDL_Rect){x, y, cw, 0});
    ui_scroll_end(u, y - y0);
}
