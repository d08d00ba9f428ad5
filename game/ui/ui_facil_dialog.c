/* ui_facil_dialog: the interventions the facilitator types: a message to
 * the room (title and body), a meter adjustment (which meter, the amount,
 * the reason), and ending the session (the reason, then a confirm step:
 * an ending cannot be taken back). Drawn as an overlay over the console
 * (OV_FACIL), so keys typed here never reach the room's hotkeys or the
 * decision's option letters. The fields follow the note's rules
 * (ops_type); Tab moves between them, Enter sends, Esc closes. The clock
 * is not stopped: the facilitator decides that with the pacing buttons.
 * On a refusal the dialog stays open with the text and the reason. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "ui/ui_facil.h"

static const char *field_key[3] = {"ffield0", "ffield1", "ffield2"};

void facil_open_dialog(app *a, int which)
{
    facil_state *f = &a->facil;
    f->dialog = which;
    f->confirm = 0;
    f->said[0] = 0;
    memset(f->sc_field, 0, sizeof f->sc_field);
    a->overlay = OV_FACIL;
    a->u.focus = ui_id(&a->u, field_key[which == FD_ADJUST ? 1 : 0]);
    SDL_StartTextInput();
}

static void close_dialog(app *a)
{
    SDL_StopTextInput();
    a->overlay = OV_NONE;
    a->facil.dialog = FD_NONE;
    a->facil.confirm = 0;
    a->u.focus = 0;
}

/* A text field: a caption, a box that takes what is typed while it has
 * the focus, and a caret. `lines` tall; longer text scrolls in it. */
static int field(app *a, int k, int x, int y, int w, int lines, const char *caption, char *buf,
                 size_t cap)
{
    ui *u = &a->u;
    int y0 = y;
    y += ui_label(u, (SDL_Rect){x, y, w, 0}, u->px_small, TC_TEXT_DIM, UI_WRAP, caption);
    uint32_t id = ui_id(u, field_key[k]);
    SDL_Rect box = {x, y, w, lines * u->line + 2 * u->gap};
    /* the label tests find it by: the caption's first word */
    char name[32];
    snprintf(name, sizeof name, "%.*s", (int)strcspn(caption, " ("), caption);
    ui_text_area(u, id, box, name, NULL);
    int on = ui_focused(u, id);
    if (on)
        ops_type(u, buf, cap);
    ui_fill(u, box, TC_BACKGROUND);
    ui_frame(u, box, on ? TC_FOCUS : TC_PANEL_BORDER, on ? 2 : 1);
    u->bg = TC_BACKGROUND;
    char *shown = malloc(cap + 2);
    if (shown) {
        snprintf(shown, cap + 2, "%s%s", buf, on ? "|" : "");
        SDL_Rect tv = {box.x + u->gap, box.y + u->gap, box.w - 2 * u->gap, box.h - 2 * u->gap};
        ui_scroll *sc = &a->facil.sc_field[k];
        ui_scroll_begin(u, sc, tv);
        int h = ui_label(u, (SDL_Rect){tv.x, tv.y, tv.w - u->gap, 0}, u->px_body, TC_TEXT, UI_WRAP,
                         shown);
        sc->y = h > tv.h ? h - tv.h : 0; /* keep the caret in view */
        ui_scroll_end(u, h);
        free(shown);
    }
    u->bg = TC_PANEL;
    return box.y + box.h + u->gap - y0;
}

/* Sent: the fields empty and the dialog closes (a script error too: it
 * has its own panel). Refused: it stays, with the text and the reason. */
static void send_and_close(app *a, bh_input *in, char *f1, char *f2)
{
    if (facil_send(a, in) == BH_OK || a->game.failed) {
        f1[0] = 0;
        if (f2)
            f2[0] = 0;
        close_dialog(a);
    }
}

static void send_message(app *a)
{
    facil_state *f = &a->facil;
    text_trim(f->title);
    text_trim(f->body);
    bh_input in = {.kind = IN_MESSAGE, .text = f->title, .body = f->body};
    send_and_close(a, &in, f->title, f->body);
}

static void send_adjust(app *a)
{
    facil_state *f = &a->facil;
    text_trim(f->reason);
    char *end = NULL;
    double v = strtod(f->amount, &end);
    if (!f->amount[0] || end == f->amount || *end) {
        facil_say(a, 1, "Refused: the amount must be a number, such as -5 or 2.5");
        return;
    }
    bh_input in = {.kind = IN_ADJUST, .a = f->meter, .amount = v, .text = f->reason};
    send_and_close(a, &in, f->amount, f->reason);
}

static void send_end(app *a)
{
    facil_state *f = &a->facil;
    text_trim(f->reason);
    bh_input in = {.kind = IN_END, .text = f->reason};
    f->confirm = 0;
    send_and_close(a, &in, f->reason, NULL);
}

/* The body of each dialog; returns its height. */
static int body(app *a, int x, int y, int w)
{
    ui *u = &a->u;
    facil_state *f = &a->facil;
    const bh_defs *d = sim_defs(a->game.sim);
    int y0 = y, bh = u->line + 2 * u->gap;
    switch (f->dialog) {
    case FD_MESSAGE:
        y += facil_para(a, x, y, w, u->px_small, TC_TEXT_DIM,
                        "From: Facilitator (the room's inbox shows it so)") + u->gap;
        y += field(a, 0, x, y, w, 1, "Title", f->title, sizeof f->title);
        y += field(a, 1, x, y, w, 4, "Body (may be empty)", f->body, sizeof f->body);
        break;
    case FD_ADJUST: {
        y += facil_para(a, x, y, w, u->px_small, TC_TEXT_DIM, "Meter") + u->gap / 2;
        int fx = x;
        for (size_t i = 0; i < d->nmeters; i++) {
            char lab[200];
            snprintf(lab, sizeof lab, "%s (%g)", d->meters[i].label, sim_meter(a->game.sim, (int)i));
            int bw = screen_button_w(a, lab);
            if (bw > w)
                bw = w;
            if (fx > x && fx + bw > x + w) {
                fx = x;
                y += bh + u->gap;
            }
            if (ui_toggle(u, ui_idn(u, "fmeter", (int)i), (SDL_Rect){fx, y, bw, bh}, lab,
                          f->meter == (int)i, 0, NULL))
                f->meter = (int)i;
            fx += bw + u->gap;
        }
        y += bh + u->pad;
        y += field(a, 1, x, y, w, 1, "Amount (added; -5 takes 5 away)", f->amount, sizeof f->amount);
        y += field(a, 2, x, y, w, 2, "Reason (for the journal and the debrief)", f->reason,
                   sizeof f->reason);
        break;
    }
    default:
        y += field(a, 0, x, y, w, 2, "Reason (for the journal and the debrief)", f->reason,
                   sizeof f->reason);
        if (f->confirm)
            y += facil_para(a, x, y, w, u->px_body, TC_WARNING,
                            "End the session now? The room sees the ending. Enter to confirm, "
                            "Esc to go back") + u->gap;
        break;
    }
    if (f->said[0] && f->said_bad)
        y += facil_para(a, x, y, w, u->px_body, TC_BAD, f->said);
    return y - y0;
}

void facil_dialog(app *a)
{
    ui *u = &a->u;
    facil_state *f = &a->facil;
    if (sim_ended(a->game.sim) && f->dialog != FD_NONE) {
        close_dialog(a);
        return;
    }
    u->layer = 2;
    int bh = u->line + 2 * u->gap;
    static const char *titles[] = {"", "Send a message to the room", "Adjust a meter",
                                   "End the session"};
    SDL_Rect in = screen_dialog(a, u->px_body * 34, 13 * u->line + bh + u->pad,
                                titles[f->dialog < 4 ? f->dialog : 0]);
    body(a, in.x, in.y, in.w); /* sized to fit: a field scrolls its own text */
    int y = in.y + in.h - bh;
    const char *go = f->dialog == FD_MESSAGE ? "Send [Enter]"
                     : f->dialog == FD_ADJUST ? "Adjust [Enter]"
                     : f->confirm             ? "Confirm end [Enter]"
                                              : "End the session [Enter]";
    const char *back = f->confirm ? "Back [Esc]" : "Cancel [Esc]";
    int gw = screen_button_w(a, go), cw = screen_button_w(a, back);
    if (ui_button(u, ui_id(u, "fgo"), (SDL_Rect){in.x + in.w - gw, y, gw, bh}, go, SDLK_RETURN,
                  NULL)) {
        if (f->dialog == FD_MESSAGE)
            send_message(a);
        else if (f->dialog == FD_ADJUST)
            send_adjust(a);
        else if (f->confirm)
            send_end(a);
        else
            f->confirm = 1;
        return;
    }
    if (ui_button(u, ui_id(u, "fcancel"), (SDL_Rect){in.x, y, cw, bh}, back, SDLK_ESCAPE, NULL)) {
        if (f->confirm)
            f->confirm = 0;
        else
            close_dialog(a);
    }
}
