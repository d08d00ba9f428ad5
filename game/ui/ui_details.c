/* ui_details: the exercise's details form (issue 18): the date, the
 * venue, the organisation, the facilitator and the participants by role,
 * all optional, for the report's cover.
 *
 * A workshop's briefing offers it ("Exercise details…", key D) before
 * play: there it edits a draft (today's date and the organisation's name
 * offered), journaled as `details` lines when the workshop starts; the
 * command line's --date, --venue, ... fill the same draft. Skipping is one
 * click (Esc), or not opening it at all. The console's Intervene tab opens
 * it again over the session: Save journals each field changed as a new
 * line (a correction replaces the earlier value; emptied, it is cleared).
 * The fields take typing as the note does (ops_type); Tab moves between
 * them; the boxes grow with their text, in a scroll area. */
#include <stdio.h>
#include <string.h>

#include "core/text.h"
#include "ui/ui_ops.h"

static const bh_defs *defs_of(app *a)
{
    return a->playing && a->game.sim ? sim_defs(a->game.sim) : a->brief ? lh_defs(a->brief) : NULL;
}

static int slots(const bh_defs *d)
{
    int n = d ? play_details_slots(d) : 0;
    return n < APP_DETAIL_SLOTS ? n : APP_DETAIL_SLOTS;
}

void details_briefing(app *a)
{
    app_details *f = &a->details;
    memset(f->v, 0, sizeof f->v);
    f->given = f->filled = 0;
    f->said[0] = 0;
    const bh_defs *d = a->brief ? lh_defs(a->brief) : NULL;
    f->n = slots(d);
    const app_opts *o = &a->opts;
    if (!d || !o->scenario || strcmp(o->scenario, a->brief_path) != 0)
        return; /* the flags belong to the scenario named with them */
    for (int k = 0; k < DETAIL_PARTICIPANTS; k++)
        if (o->detail[k]) {
            snprintf(f->v[k], sizeof f->v[k], "%s", o->detail[k]);
            f->given = 1;
        }
    for (int i = 0; i < o->nparticipants; i++) {
        char role[128];
        const char *eq = strchr(o->participant[i], '=');
        if (!eq)
            continue;
        snprintf(role, sizeof role, "%.*s", (int)(eq - o->participant[i]), o->participant[i]);
        int s = play_details_slot_of(d, role);
        if (s >= 0 && s < f->n) {
            snprintf(f->v[s], sizeof f->v[s], "%s", eq + 1);
            f->given = 1;
        }
    }
}

void details_begin(app *a)
{
    app_details *f = &a->details;
    if (!f->given || !a->game.sim)
        return;
    int n = slots(sim_defs(a->game.sim));
    for (int s = 0; s < n && s < f->n; s++) {
        bh_err e;
        text_trim(f->v[s]);
        if (f->v[s][0] && play_details_set(&a->game, s, f->v[s], &e) != BH_OK) {
            char why[600];
            snprintf(a->toast, sizeof a->toast, "The exercise details were not all saved: %s",
                     err_format(&e, why, (int)sizeof why));
            a->toast_left = 8;
            break;
        }
    }
    f->given = 0;
}

void details_open(app *a)
{
    app_details *f = &a->details;
    const bh_defs *d = defs_of(a);
    if (!d)
        return;
    f->n = slots(d);
    f->said[0] = 0;
    if (a->playing && a->game.sim) {
        for (int s = 0; s < f->n; s++) {
            const char *v = play_details_value(&a->game, s);
            snprintf(f->v[s], sizeof f->v[s], "%s", v ? v : "");
        }
    } else if (!f->filled) { /* offered once: an emptied field stays empty */
        if (!f->v[DETAIL_DATE][0])
            play_details_today(f->v[DETAIL_DATE], sizeof f->v[DETAIL_DATE]);
        if (!f->v[DETAIL_ORGANISATION][0])
            play_details_org(d, f->v[DETAIL_ORGANISATION], sizeof f->v[DETAIL_ORGANISATION]);
    }
    f->filled = 1;
    memset(&f->sc, 0, sizeof f->sc);
    a->overlay = OV_DETAILS;
    a->u.focus = ui_idn(&a->u, "dfield", 0);
    SDL_StartTextInput();
}

static void close_form(app *a)
{
    SDL_StopTextInput();
    a->overlay = OV_NONE;
    a->u.focus = 0;
}

/* Over a session: journal every slot changed; the first refusal stops
 * and stays on the form with its reason. */
static void save(app *a)
{
    app_details *f = &a->details;
    for (int s = 0; s < f->n; s++)
        text_trim(f->v[s]);
    if (!a->playing || !a->game.sim) {
        f->given = 1;
        close_form(a);
        return;
    }
    for (int s = 0; s < f->n; s++) {
        bh_err e;
        err_clear(&e);
        if (play_details_set(&a->game, s, f->v[s], &e) != BH_OK) {
            char why[500];
            snprintf(f->said, sizeof f->said, "Refused (%s): %s",
                     play_details_label(sim_defs(a->game.sim), s),
                     err_format(&e, why, (int)sizeof why));
            return;
        }
    }
    close_form(a);
}

/* One field: its caption, and a box that grows with its text and takes
 * what is typed while it has the focus. */
static int field(app *a, int s, int x, int y, int w, const char *caption, const char *tip)
{
    ui *u = &a->u;
    app_details *f = &a->details;
    int y0 = y;
    y += ui_label(u, (SDL_Rect){x, y, w, 0}, u->px_small, TC_TEXT_DIM, UI_WRAP, caption);
    uint32_t id = ui_idn(u, "dfield", s);
    int on = ui_focused(u, id);
    if (on)
        ops_type(u, f->v[s], s < DETAIL_PARTICIPANTS ? SIM_MAX_DETAIL + 1
                                                      : SIM_MAX_DETAIL_NAMES + 1);
    char shown[SIM_MAX_DETAIL_NAMES + 2];
    snprintf(shown, sizeof shown, "%s%s", f->v[s], on ? "|" : "");
    int th = ui_text_h(u, u->px_body, w - 2 * u->gap, TC_TEXT, shown[0] ? shown : " ");
    SDL_Rect box = {x, y, w, (th > u->line ? th : u->line) + 2 * u->gap};
    ui_text_area(u, id, box, caption, tip);
    SDL_Rect s_ = box;
    s_.y -= u->oy;
    ui_fill(u, s_, TC_BACKGROUND);
    ui_frame(u, s_, on ? TC_FOCUS : TC_PANEL_BORDER, on ? 2 : 1);
    u->bg = TC_BACKGROUND;
    ui_label(u, (SDL_Rect){box.x + u->gap, box.y + u->gap, box.w - 2 * u->gap, 0}, u->px_body,
             TC_TEXT, UI_WRAP, shown);
    u->bg = TC_PANEL;
    return box.y + box.h + u->gap - y0;
}

void details_form(app *a)
{
    ui *u = &a->u;
    app_details *f = &a->details;
    const bh_defs *d = defs_of(a);
    if (!d) {
        close_form(a);
        return;
    }
    u->layer = 2;
    int bh = u->line + 2 * u->gap, session = a->playing && a->game.sim;
    if (!session) /* the briefing's own Enter and Esc must not show beside the form's */
        ui_fill(u, (SDL_Rect){0, 0, u->w, u->h}, TC_BACKGROUND);
    SDL_Rect in = screen_dialog(a, u->px_body * 40, u->h, "Exercise details");
    int y = in.y;
    y += ui_label(u, (SDL_Rect){in.x, y, in.w, 0}, u->px_small, TC_TEXT_DIM, UI_WRAP,
                  session ? "For the report's cover. Saving journals each field you changed; "
                            "an emptied field is cleared."
                          : "All optional, for the report's cover. Saved, they are journaled "
                            "when the workshop starts; you can correct them from the console.");
    y += u->gap;
    int said_h = f->said[0] ? ui_text_h(u, u->px_body, in.w, TC_BAD, f->said) + u->gap : 0;
    SDL_Rect view = {in.x, y, in.w, in.y + in.h - bh - u->gap - said_h - y};
    ui_scroll_begin(u, &f->sc, view);
    int cy = view.y, w = view.w - 2 * u->gap;
    static const char *const tips[DETAIL_PARTICIPANTS] = {
        "When the exercise takes place, as you would write it.", "Where it takes place.",
        "The organisation exercised.", "Who runs the exercise."};
    for (int s = 0; s < f->n; s++) {
        if (s == DETAIL_PARTICIPANTS)
            cy += ui_label(u, (SDL_Rect){view.x, cy, w, 0}, u->px_head, TC_ACCENT, UI_WRAP,
                           "Participants by role") + u->gap;
        cy += field(a, s, view.x, cy, w, play_details_label(d, s),
                    s < DETAIL_PARTICIPANTS ? tips[s] : "Who plays this role: names, "
                                                         "separated as you like.");
    }
    ui_scroll_end(u, cy - view.y);
    if (f->said[0])
        ui_label(u, (SDL_Rect){in.x, view.y + view.h + u->gap / 2, in.w, 0}, u->px_body, TC_BAD,
                 UI_WRAP, f->said);
    int by = in.y + in.h - bh;
    const char *go = "Save [Enter]", *back = session ? "Cancel [Esc]" : "Skip [Esc]";
    int gw = screen_button_w(a, go), cw = screen_button_w(a, back);
    if (ui_button(u, ui_id(u, "dsave"), (SDL_Rect){in.x + in.w - gw, by, gw, bh}, go,
                  SDLK_RETURN, session ? "Journal the fields you changed." :
                                         "Keep them: they are journaled when the workshop "
                                         "starts.")) {
        save(a);
        return;
    }
    if (ui_button(u, ui_id(u, "dskip"), (SDL_Rect){in.x, by, cw, bh}, back, SDLK_ESCAPE,
                  session ? "Close without saving." : "Close; nothing is journaled."))
        close_form(a);
}

int details_brief_section(app *a, int x, int y, int w)
{
    ui *u = &a->u;
    app_details *f = &a->details;
    const bh_defs *d = lh_defs(a->brief);
    int h = ui_label(u, (SDL_Rect){x, y, w, u->line * 2}, u->px_head, TC_ACCENT, 0,
                     "Exercise details");
    h += u->gap;
    char sum[900] = "";
    size_t o = 0;
    for (int s = 0; f->given && s < f->n && o < sizeof sum; s++)
        if (f->v[s][0])
            o += (size_t)snprintf(sum + o, sizeof sum - o, "%s%s: %s", o ? "\n" : "",
                                  play_details_label(d, s), f->v[s]);
    h += ui_label(u, (SDL_Rect){x, y + h, w, 0}, u->px_body, sum[0] ? TC_TEXT : TC_TEXT_DIM,
                  UI_WRAP,
                  sum[0] ? sum : "Optional: the date, venue, organisation, facilitator and "
                                 "participants, for the report's cover.");
    h += u->gap;
    const char *lab = "Exercise details… [D]";
    int bw = screen_button_w(a, lab), bh = u->line + 2 * u->gap;
    if (ui_button(u, ui_id(u, "details"), (SDL_Rect){x, y + h, bw < w ? bw : w, bh}, lab, SDLK_d,
                  "Fill in or correct the exercise's details; they are journaled when the "
                  "workshop starts."))
        details_open(a);
    return h + bh + 2 * u->pad;
}
