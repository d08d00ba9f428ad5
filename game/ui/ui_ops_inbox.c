/* ui_ops_inbox: the inbox: messages newest first, unread ones marked,
 * and the chosen message in full below them. Reading one marks it read. */
#include <stdio.h>

#include "ui/ui_ops.h"

/* ---- inbox ---- */

static void inbox(app *a, SDL_Rect list, SDL_Rect msg)
{
    ui *u = &a->u;
    const bh_sim *s = a->game.sim;
    size_t n;
    const bh_inbox_item *it = sim_inbox(s, &n);
    size_t unread = 0;
    for (size_t i = 0; i < n; i++)
        unread += !play_is_read(&a->game, i);
    char head[64];
    snprintf(head, sizeof head, unread ? "Inbox: %zu unread" : "Inbox", unread);
    int hh = ui_label(u, (SDL_Rect){list.x + u->pad, list.y, list.w - 2 * u->pad, u->line * 2},
                      u->px_head, TC_ACCENT, 0, head);
    SDL_Rect view = {list.x, list.y + hh + u->gap, list.w, list.h - hh - u->gap};
    ui_scroll_begin(u, &a->sc_inbox, view);
    int y = view.y, icon = u->px_small;
    for (size_t k = n; k-- > 0;) { /* newest first */
        const bh_inject_def *in = sim_inbox_def(s, &it[k]);
        int is_read = play_is_read(&a->game, k);
        char meta[96], tm[32];
        ops_stamp(&a->game, it[k].time, tm, sizeof tm);
        snprintf(meta, sizeof meta, "%s  %s%s", tm, ops_channel_tag(in->channel),
                 is_read ? "" : "  ·  NEW");
        int tx = list.x + u->pad + icon + u->gap, tw = list.w - 2 * u->pad - icon - 2 * u->gap;
        int h1 = ui_text_h(u, u->px_small, tw, TC_TEXT_DIM, meta);
        int h2 = ui_text_h(u, u->px_body, tw, is_read ? TC_TEXT_DIM : TC_TEXT, in->title);
        SDL_Rect r = {list.x + u->gap, y, list.w - 3 * u->gap, h1 + h2 + 2 * u->gap};
        int hot = 0;
        uint32_t id = ui_idn(u, "msg", (int)k);
        if (ui_area(u, id, r, in->title, NULL, &hot) || (ui_focused(u, id) && a->inbox_sel != (int)k)) {
            a->inbox_sel = (int)k;
            a->sc_msg.y = 0;
        }
        SDL_Rect sr = r;
        sr.y -= u->oy;
        u->bg = a->inbox_sel == (int)k ? TC_BAR_TRACK : TC_PANEL;
        if (a->inbox_sel == (int)k)
            ui_fill(u, sr, TC_BAR_TRACK);
        if (hot)
            ui_frame(u, sr, ui_focused(u, id) && u->focus_visible ? TC_FOCUS : TC_ACCENT, 2);
        if (!is_read)
            ui_icon(u, (SDL_Rect){list.x + u->pad, y + u->gap, icon, icon}, ICON_DOT, TC_ACCENT);
        ui_label(u, (SDL_Rect){tx, y + u->gap, tw, h1}, u->px_small, TC_TEXT_DIM, UI_WRAP, meta);
        ui_label(u, (SDL_Rect){tx, y + u->gap + h1, tw, h2}, u->px_body,
                 is_read ? TC_TEXT_DIM : TC_TEXT, UI_WRAP, in->title);
        y += r.h + u->gap / 2;
        u->bg = TC_PANEL;
    }
    if (n == 0)
        y += ui_label(u, (SDL_Rect){list.x + u->pad, y, list.w - 2 * u->pad, u->line * 3},
                      u->px_body, TC_TEXT_DIM, UI_WRAP, "Nothing yet. Messages arrive here.");
    ui_scroll_end(u, y - view.y);

    ui_fill(u, (SDL_Rect){msg.x, msg.y - u->gap, msg.w, 1}, TC_PANEL_BORDER);
    if (a->inbox_sel < 0 || (size_t)a->inbox_sel >= n) {
        ui_label(u, (SDL_Rect){msg.x + u->pad, msg.y, msg.w - 2 * u->pad, msg.h}, u->px_body,
                 TC_TEXT_DIM, UI_WRAP, "Choose a message to read it in full.");
        return;
    }
    play_mark_read(&a->game, (size_t)a->inbox_sel);
    const bh_inject_def *in = sim_inbox_def(s, &it[a->inbox_sel]);
    ui_scroll_begin(u, &a->sc_msg, msg);
    int x = msg.x + u->pad, w = msg.w - 2 * u->pad - u->gap, my = msg.y;
    char from[600], tm[32];
    ops_stamp(&a->game, it[a->inbox_sel].time, tm, sizeof tm);
    snprintf(from, sizeof from, "%s from %s, %s%s", ops_channel_tag(in->channel),
             in->from && in->from[0] ? in->from : "unknown", tm,
             in->source == SRC_FACT      ? "  ·  based on public reporting"
             : in->source == SRC_ANALOGY ? "  ·  based on another incident"
                                         : "");
    my += ui_label(u, (SDL_Rect){x, my, w, 0}, u->px_small, TC_TEXT_DIM, UI_WRAP, from);
    my += ui_label(u, (SDL_Rect){x, my, w, 0}, u->px_head, TC_TEXT, UI_WRAP, in->title) + u->gap;
    my += ui_label(u, (SDL_Rect){x, my, w, 0}, u->px_body, TC_TEXT, UI_WRAP, in->body);
    ui_text_area(u, ui_id(u, "msgbody"), (SDL_Rect){x, msg.y, 1, my - msg.y}, "Message text", NULL);
    ui_scroll_end(u, my - msg.y + u->pad);
}

void ops_inbox_panel(app *a, SDL_Rect r)
{
    ui *u = &a->u;
    int listh = (r.h - 2 * u->pad) * 42 / 100;
    inbox(a, (SDL_Rect){r.x, r.y + u->pad, r.w, listh},
          (SDL_Rect){r.x, r.y + 2 * u->pad + listh, r.w, r.h - listh - 3 * u->pad});
}

