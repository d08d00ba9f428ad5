/* ui_proj: the projector's screen (see ui_proj.h). It picks the page from
 * the room view model: the holding slide first (nothing of the session),
 * then a discussion slide, the hot wash, and otherwise the phase: before
 * play (title, agenda, how to join), play (ui_proj_play.c) or the ending.
 * Everything drawn comes from the model, so nothing here can show what
 * the model does not hold. */
#include <stdio.h>
#include <string.h>

#include "ui/ui_proj_internal.h"

/* The width of the page's text: long lines are hard to follow from the
 * back of a room. */
static SDL_Rect page(ui *u)
{
    int w = u->w - 4 * u->pad;
    int most = u->px_body * 70;
    if (w > most)
        w = most;
    return (SDL_Rect){(u->w - w) / 2, 2 * u->pad, w, u->h - 4 * u->pad};
}

static void blank(ui *u, const rv_model *m)
{
    SDL_Rect p = page(u);
    int lh = proj_line_h(u, u->px_huge);
    ui_label(u, (SDL_Rect){p.x, (u->h - lh) / 2, p.w, lh}, u->px_huge, TC_TEXT, UI_CENTER,
             "Back shortly");
    int sh = proj_line_h(u, u->px_body);
    proj_line(u, (SDL_Rect){p.x, u->h - 2 * u->pad - sh, p.w, sh}, u->px_body, TC_TEXT_DIM,
              UI_CENTER, m->title);
}

/* A list of rows (agenda, questions, hot wash) in `r`, in one or two
 * columns; each row's text is cut to `lines` lines. Rows that do not fit
 * are counted in a last line. */
static void rows(ui *u, const rv_row *v, size_t n, SDL_Rect r, int cols, int px, int lines,
                 int numbered)
{
    int cw = (r.w - (cols - 1) * 2 * u->pad) / cols, lh = proj_line_h(u, px);
    int sl = proj_line_h(u, u->px_small), more_h = proj_line_h(u, u->px_body);
    int col = 0, y = r.y, bottom = r.y + r.h;
    for (size_t i = 0; i < n; i++) {
        const rv_row *row = &v[i];
        char text[2100];
        if (numbered)
            snprintf(text, sizeof text, "%zu.  %s", i + 1, row->text);
        else
            snprintf(text, sizeof text, "%s", row->text);
        int x = r.x + col * (cw + 2 * u->pad);
        int tag = row->recommended ? proj_line_h(u, u->px_body) : 0;
        int mh = row->meta[0] ? sl : 0;
        int th = proj_text_h(u, cw, lines * lh, px, u->px_small, text);
        int after = i + 1 < n ? more_h : 0;
        if (y + mh + tag + th + u->gap + after > bottom) {
            if (col + 1 < cols && y > r.y) {
                col++;
                y = r.y;
                i--;
                continue;
            }
            /* the last that fits is cut to the room left, then a count */
            int room = bottom - y - after - mh - tag - u->gap;
            if (room < sl) {
                char more[96];
                snprintf(more, sizeof more, "and %zu more", n - i);
                if (y + more_h <= bottom)
                    proj_line(u, (SDL_Rect){x, y, cw, more_h}, u->px_body, TC_TEXT_DIM, 0, more);
                return;
            }
            th = room;
        }
        if (mh)
            proj_line(u, (SDL_Rect){x, y, cw, sl}, u->px_small, TC_ACCENT, 0, row->meta);
        y += mh;
        if (tag) {
            int icon = u->px_body * 3 / 4;
            ui_icon(u, (SDL_Rect){x, y + (tag - icon) / 2, icon, icon}, ICON_CHECK, TC_GOOD);
            proj_line(u, (SDL_Rect){x + icon + u->gap, y, cw - icon - u->gap, tag}, u->px_body,
                      TC_GOOD, 0, "Recommended");
            y += tag;
        }
        y += proj_text(u, (SDL_Rect){x, y, cw, th}, px, u->px_small, TC_TEXT, text) + u->gap;
    }
}

static int heading(ui *u, SDL_Rect p, const char *kicker, const char *title, int max_lines)
{
    int y = p.y;
    y += proj_line(u, (SDL_Rect){p.x, y, p.w, proj_line_h(u, u->px_head)}, u->px_head, TC_ACCENT,
                   0, kicker);
    y += proj_text(u, (SDL_Rect){p.x, y, p.w, max_lines * proj_line_h(u, u->px_title)},
                   u->px_title, u->px_head, TC_TEXT, title);
    return y - p.y + u->pad;
}

/* The questions as large as the page holds them all. */
static int question_px(ui *u, const rv_model *m, int w, int avail)
{
    const int cand[4] = {u->px_huge, u->px_huge * 3 / 4, u->px_title, u->px_head};
    for (int c = 0; c < 4; c++) {
        int total = 0;
        for (size_t i = 0; i < m->nquestions; i++) {
            char text[2100];
            snprintf(text, sizeof text, "%zu.  %s", i + 1, m->questions[i].text);
            total += ui_text_h(u, cand[c], w, TC_TEXT, text) + u->gap;
        }
        if (total + proj_line_h(u, u->px_body) <= avail)
            return cand[c];
    }
    return u->px_head;
}

static void slide(ui *u, const rv_model *m)
{
    SDL_Rect p = page(u);
    int y = p.y + heading(u, p, "Discuss", m->slide_title, 2) + u->pad;
    int px = question_px(u, m, p.w, p.y + p.h - y);
    rows(u, m->questions, m->nquestions, (SDL_Rect){p.x, y, p.w, p.y + p.h - y}, 1, px, 6,
         m->nquestions > 1);
}

static void hotwash(ui *u, const rv_model *m)
{
    SDL_Rect p = {2 * u->pad, 2 * u->pad, u->w - 4 * u->pad, u->h - 4 * u->pad};
    char kicker[200];
    snprintf(kicker, sizeof kicker, "Hot wash%s%s%s", m->tab_title[0] ? ": " : "", m->tab_title,
             m->rows_before ? " (continued)" : "");
    int y = p.y + heading(u, p, kicker, m->title, 1);
    SDL_Rect r = {p.x, y, p.w, p.y + p.h - y};
    if (!m->tab_title[0])
        proj_text(u, r, u->px_title, u->px_body, TC_TEXT_DIM, "The debrief will be up shortly.");
    else if (!m->nrows)
        proj_text(u, r, u->px_head, u->px_body, TC_TEXT_DIM, "Nothing here for this session.");
    else
        rows(u, m->rows, m->nrows, r, p.w / u->px_body >= 80 ? 2 : 1, u->px_head, 3, 0);
}

/* The largest size at which `w` holds `chars` characters a line. */
static int size_for(ui *u, int w, int chars)
{
    const int px[3] = {u->px_title, u->px_head, u->px_body};
    for (int i = 0; i < 3; i++)
        if (w / px[i] >= chars)
            return px[i];
    return u->px_body;
}

/* One QR code `q` as large as `side` allows, centred in [x, x + w) at y:
 * black on white whatever the theme, with its light quiet zone (many
 * scanners read only dark modules on a light ground), each module a whole
 * number of pixels so the squares stay sharp. Returns the height used. */
static int qr_code(ui *u, const rv_qr *q, int x, int w, int y, int side)
{
    int modules = rv_qr_side(q), mpx = modules ? side / modules : 0;
    if (mpx <= 0)
        return 0;
    side = mpx * modules;
    int qx = x + (w - side) / 2;
    SDL_SetRenderDrawColor(u->r, 255, 255, 255, 255);
    SDL_RenderFillRect(u->r, &(SDL_Rect){qx, y, side, side});
    SDL_SetRenderDrawColor(u->r, 0, 0, 0, 255);
    for (int j = 0; j < modules; j++)
        for (int i = 0; i < modules; i++)
            if (rv_qr_dark(q, i, j))
                SDL_RenderFillRect(u->r, &(SDL_Rect){qx + i * mpx, y + j * mpx, mpx, mpx});
    return side + u->gap;
}

/* The URL as people type it: no "http://" (a phone's browser adds it),
 * no "?c=CODE" (the QR code carries it, and the room code is shown
 * below), no last '/'. */
static const char *short_url(const char *url, char *buf, size_t n)
{
    snprintf(buf, n, "%s", strncmp(url, "http://", 7) == 0 ? url + 7 : url);
    char *q = strchr(buf, '?');
    if (q)
        *q = 0;
    size_t len = strlen(buf);
    if (len > 1 && buf[len - 1] == '/')
        buf[len - 1] = 0;
    return buf;
}

/* The largest of the projector's sizes (from `from` down) at which each
 * of the n short URLs fits `w` on one line; 0 when none does. */
static int url_px(ui *u, char (*shown)[256], int n, int w, int from)
{
    const int px[3] = {u->px_head, u->px_body, u->px_small};
    for (int k = 0; k < 3; k++) {
        if (px[k] > from)
            continue;
        int ok = 1;
        for (int i = 0; i < n && ok; i++)
            ok = ui_text_w(u, px[k], TC_TEXT, shown[i]) <= w;
        if (ok)
            return px[k];
    }
    return 0;
}

/* How to join, as the room sees it from the back: a QR code for each of
 * the laptop's networks (one, usually) as large as the column allows, its
 * short URL on one line (a URL broken over two is misread), and the room
 * code in large type (for a phone whose camera cannot read the code).
 * Two or three codes stand side by side, or one under another with the
 * URL beside each when their URLs would not fit under them. */
static void join_panel(ui *u, const rv_model *m, SDL_Rect r)
{
    int w = r.w - 2 * u->pad, x = r.x + u->pad, y = r.y;
    int lh = proj_line_h(u, u->px_head), bh = proj_line_h(u, u->px_body);
    int ch = m->join_code[0] ? bh + proj_line_h(u, u->px_huge) : 0;
    int n = 1 + m->njoin_also, cw = (w - (n - 1) * u->pad) / n;
    const rv_qr *qrs[1 + RV_JOIN_ALSO] = {&m->join_qr};
    char shown[1 + RV_JOIN_ALSO][256];
    short_url(m->join, shown[0], sizeof shown[0]);
    for (int i = 0; i < m->njoin_also; i++) {
        short_url(m->join_also[i], shown[i + 1], sizeof shown[i + 1]);
        qrs[i + 1] = &m->join_also_qr[i];
    }
    y += proj_line(u, (SDL_Rect){x, y, w, lh}, u->px_head, TC_ACCENT, 0,
                   "Join from your phone") + u->pad;
    int upx = url_px(u, shown, n, cw, n > 1 ? u->px_body : u->px_head);
    if (upx || n == 1) { /* side by side (or the one), each URL under its code */
        if (!upx)
            upx = u->px_small; /* one URL too long for the column: cut with "…" */
        int uh = proj_line_h(u, upx);
        int room = r.y + r.h - y - uh - ch - 2 * u->gap;
        int side = cw < room ? cw : room, used = 0;
        for (int i = 0; i < n; i++) {
            int qh = qr_code(u, qrs[i], x + i * (cw + u->pad), cw, y, side);
            used = qh > used ? qh : used;
        }
        for (int i = 0; i < n; i++) /* on one baseline, under the tallest code */
            proj_line(u, (SDL_Rect){x + i * (cw + u->pad), y + used, cw, uh}, upx, TC_TEXT, 0,
                      shown[i]);
        y += used + uh + u->gap;
    } else { /* one under another, each URL beside its code */
        int rowh = (r.y + r.h - y - ch - u->gap) / n;
        int side = rowh - u->gap < w / 2 ? rowh - u->gap : w / 2;
        int tw = w - side - u->pad;
        int px = url_px(u, shown, n, tw, u->px_body);
        if (!px)
            px = u->px_small;
        for (int i = 0; i < n; i++) {
            int ry = y + i * rowh;
            qr_code(u, qrs[i], x, side, ry, side);
            proj_line(u, (SDL_Rect){x + side + u->pad, ry + (side - proj_line_h(u, px)) / 2, tw,
                                    proj_line_h(u, px)},
                      px, TC_TEXT, 0, shown[i]);
        }
        y += n * rowh;
    }
    if (ch) {
        /* the code alone in the largest type: it is what people read out */
        y += proj_line(u, (SDL_Rect){x, y, w, bh}, u->px_body, TC_TEXT_DIM, 0, "Room code");
        proj_line(u, (SDL_Rect){x, y, w, ch - bh}, u->px_huge, TC_TEXT, 0, m->join_code);
    }
}

static void before(ui *u, const rv_model *m)
{
    SDL_Rect p = {2 * u->pad, 2 * u->pad, u->w - 4 * u->pad, u->h - 4 * u->pad};
    /* with a way to join, it takes the right 40% from top to bottom: the
     * code must be big enough to scan from the back of the room */
    int jw = m->join[0] ? p.w * 40 / 100 : 0;
    int lw = p.w - (jw ? jw + 2 * u->pad : 0), bottom = p.y + p.h;
    int y = p.y;
    y += proj_text(u, (SDL_Rect){p.x, y, lw, 2 * proj_line_h(u, u->px_huge)}, u->px_huge,
                   u->px_title, TC_TEXT, m->title);
    int opx = size_for(u, lw, 80);
    y += proj_text(u, (SDL_Rect){p.x, y, lw, 2 * proj_line_h(u, opx)}, opx, u->px_small,
                   TC_ACCENT, m->organisation) + u->gap;
    y += proj_text(u, (SDL_Rect){p.x, y, lw, 2 * proj_line_h(u, opx)}, opx, u->px_small,
                   TC_TEXT_DIM, m->summary) + 2 * u->pad;
    int apx = size_for(u, lw, 24);
    int hh = proj_line(u, (SDL_Rect){p.x, y, lw, proj_line_h(u, u->px_head)}, u->px_head,
                       TC_ACCENT, 0, "Today");
    rows(u, m->agenda, m->nagenda, (SDL_Rect){p.x, y + hh, lw, bottom - y - hh}, 1, apx, 2, 0);
    if (jw) {
        SDL_Rect j = {p.x + p.w - jw, p.y, jw, p.h};
        ui_panel(u, j);
        join_panel(u, m, (SDL_Rect){j.x, j.y + u->pad, j.w, j.h - 2 * u->pad});
        u->bg = TC_BACKGROUND;
    }
}

static void ended(ui *u, const rv_model *m)
{
    SDL_Rect p = {2 * u->pad, 0, u->w - 4 * u->pad, u->h};
    int y = proj_clock_bar(u, m, (SDL_Rect){0, 0, u->w, u->h}, 0) + u->pad;
    int mh = proj_meters_h(u, m, p.w, 0);
    int bottom = u->h - 2 * u->pad - mh;
    int lh = proj_line_h(u, u->px_head), icon = u->px_head;
    ui_icon(u, (SDL_Rect){p.x, y + (lh - icon) / 2, icon, icon}, proj_tone_icon(m->ending_tone),
            proj_tone_color(m->ending_tone));
    y += proj_line(u, (SDL_Rect){p.x + icon + u->gap, y, p.w - icon - u->gap, lh}, u->px_head,
                   proj_tone_color(m->ending_tone), 0, proj_tone_word(m->ending_tone));
    y += proj_text(u, (SDL_Rect){p.x, y, p.w, 2 * proj_line_h(u, u->px_huge)}, u->px_huge,
                   u->px_title, TC_TEXT, m->ending_title) + u->gap;
    if (bottom - u->pad > y)
        proj_text(u, (SDL_Rect){p.x, y, p.w, bottom - u->pad - y}, u->px_head, u->px_small,
                  TC_TEXT, m->ending_text);
    proj_meters(u, m, (SDL_Rect){p.x, bottom, p.w, mh}, 0);
}

void screen_projector(ui *u, const rv_model *m)
{
    /* ui_begin cleared the window to the background already: a second fill
     * of the whole 1920x1080 window cost about a millisecond a frame */
    u->bg = TC_BACKGROUND;
    if (m->blank)
        blank(u, m);
    else if (m->slide)
        slide(u, m);
    else if (m->hotwash)
        hotwash(u, m);
    else if (m->tally.shown)
        proj_tally(u, m);
    else if (m->phase == RV_BEFORE)
        before(u, m);
    else if (m->phase == RV_ENDED)
        ended(u, m);
    else
        proj_play(u, m, (SDL_Rect){0, 0, u->w, u->h});
}
