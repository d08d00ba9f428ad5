/* ui_proj_play: the projector during play. From the top: the clock bar,
 * every meter, the systems, then the open decision with every option and
 * its countdown, and the latest message with the actions under way.
 *
 * Nothing here scrolls or folds into tabs: the room cannot scroll. When
 * the text is large for the screen (fewer than 60 body characters across)
 * the decision takes the whole width and the message and the actions
 * shrink to a line each; the options then try one column and two, with
 * and without their explanations, at smaller sizes, until all fit. */
#include <stdio.h>
#include <string.h>

#include "ui/ui_ops.h"
#include "ui/ui_proj_internal.h"

/* ---- the decision ---- */

static void countdown(const rv_model *m, char *buf, size_t n, ui_icon_kind *ik)
{
    const rv_decision *d = &m->decision;
    char sim[32];
    dur_format(d->left, sim, sizeof sim);
    if (d->frozen) {
        snprintf(buf, n, "Clock stopped: %s left", sim);
        *ik = ICON_LOCK;
    } else if (d->left_real < 0) {
        snprintf(buf, n, "Paused: %s left", sim);
        *ik = ICON_BLOCK;
    } else {
        long long r = d->left_real < 1e9 ? (long long)(d->left_real + 0.5) : 999999999LL;
        snprintf(buf, n, "%lld:%02lld left", r / 60, r % 60);
        *ik = ICON_CYCLE;
    }
}

static void option_label(const rv_option *o, char *buf, size_t n)
{
    snprintf(buf, n, "%s%s", o->label, o->is_default ? "  (default)" : "");
}

typedef struct opt_fit {
    int px, text_px, text, cols, text_maxh;
} opt_fit;

static int option_h(ui *u, const rv_option *o, int w, const opt_fit *f)
{
    int badge = proj_line_h(u, f->px), tw = w - badge - 3 * u->gap;
    char lab[600];
    option_label(o, lab, sizeof lab);
    int h = ui_text_h(u, f->px, tw, TC_TEXT, lab);
    if (f->text && o->text && o->text[0])
        h += proj_text_h(u, tw, f->text_maxh, f->text_px, u->px_small, o->text);
    return (h > badge ? h : badge) + 2 * u->gap;
}

/* The height of row `row` (options row*cols ...) */
static int row_h(ui *u, const rv_decision *d, int row, int cw, const opt_fit *f)
{
    int h = 0;
    for (int c = 0; c < f->cols; c++) {
        size_t i = (size_t)(row * f->cols + c);
        if (i < d->noptions) {
            int oh = option_h(u, &d->options[i], cw, f);
            h = oh > h ? oh : h;
        }
    }
    return h;
}

static int options_h(ui *u, const rv_decision *d, int w, const opt_fit *f)
{
    int cw = (w - (f->cols - 1) * u->gap) / f->cols, rows = ((int)d->noptions + f->cols - 1) / f->cols;
    int h = 0;
    for (int row = 0; row < rows; row++)
        h += row_h(u, d, row, cw, f) + u->gap;
    return h;
}

/* Every label in at most two lines: a label in four lines of large type
 * reads worse than in two of smaller. */
static int short_labels(ui *u, const rv_decision *d, int w, const opt_fit *f)
{
    int cw = (w - (f->cols - 1) * u->gap) / f->cols, badge = proj_line_h(u, f->px);
    for (size_t i = 0; i < d->noptions; i++) {
        char lab[600];
        option_label(&d->options[i], lab, sizeof lab);
        if (ui_text_h(u, f->px, cw - badge - 3 * u->gap, TC_TEXT, lab) > 2 * badge)
            return 0;
    }
    return 1;
}

static opt_fit choose_fit(ui *u, const rv_decision *d, int w, int avail)
{
    const int sizes[4] = {u->px_title, u->px_head, u->px_body, u->px_small};
    opt_fit f = {0};
    for (int s = 0; s < 4; s++)
        for (int v = 0; v < 4; v++) {
            int tpx = sizes[s] > u->px_head ? u->px_head : u->px_body;
            f = (opt_fit){sizes[s], tpx, v < 2, v % 2 + 1, 2 * proj_line_h(u, tpx)};
            if (options_h(u, d, w, &f) <= avail && short_labels(u, d, w, &f))
                return f;
        }
    return f; /* the smallest: labels are cut to their cells below */
}

static void option(ui *u, const rv_option *o, SDL_Rect r, const opt_fit *f)
{
    ui_fill(u, r, TC_BACKGROUND);
    ui_frame(u, r, o->is_default ? TC_WARNING : TC_PANEL_BORDER, o->is_default ? 2 : 1);
    int badge = proj_line_h(u, f->px), x = r.x + u->gap, y = r.y + u->gap;
    if (badge > r.h - 2)
        badge = r.h - 2;
    SDL_Rect b = {x, r.y + (r.h - badge) / 2 < y ? r.y + (r.h - badge) / 2 : y, badge, badge};
    ui_fill(u, b, TC_ACCENT);
    u->bg = TC_ACCENT;
    char letter[2] = {o->letter, 0};
    ui_label(u, b, f->px, TC_BACKGROUND, UI_CENTER | UI_VCENTER, letter);
    u->bg = TC_BACKGROUND;
    int tx = x + badge + 2 * u->gap, tw = r.x + r.w - u->gap - tx;
    char lab[600];
    option_label(o, lab, sizeof lab);
    int bottom = r.y + r.h - u->gap;
    /* a label cut short would lose "(default)" at its end, and the frame's
     * colour alone would say it: then the word goes first */
    if (o->is_default && ui_text_h(u, f->px, tw, TC_TEXT, lab) > bottom - y)
        snprintf(lab, sizeof lab, "(default)  %s", o->label);
    int lh = proj_line_h(u, f->px), explain = f->text && o->text && o->text[0];
    int h = bottom - y >= lh * 2
                ? proj_text(u, (SDL_Rect){tx, y, tw, bottom - y}, f->px, f->px, TC_TEXT, lab)
                : 0;
    /* a cell of one line at most: the label on one line, cut if it must
     * be; at the top when its explanation goes under it (centred, the
     * explanation was drawn over it) */
    if (!h && explain)
        h = proj_line(u, (SDL_Rect){tx, y, tw, lh}, f->px, TC_TEXT, 0, lab);
    else if (!h)
        h = proj_line(u, (SDL_Rect){tx, r.y, tw, r.h}, f->px, TC_TEXT, UI_VCENTER, lab);
    if (explain && bottom - y - h > 0) {
        int mh = bottom - y - h < f->text_maxh ? bottom - y - h : f->text_maxh;
        proj_text(u, (SDL_Rect){tx, y + h, tw, mh}, f->text_px, u->px_small, TC_TEXT_DIM,
                  o->text);
    }
}

/* The prompt's size: larger when the panel is wide for the text. */
static int f_prompt_px(ui *u, int w)
{
    return w / u->px_title >= 40 ? u->px_title : u->px_head;
}

static void decision(ui *u, const rv_model *m, SDL_Rect r)
{
    const rv_decision *d = &m->decision;
    ui_fill(u, r, TC_PANEL);
    ui_frame(u, r, TC_ACCENT, 3);
    u->bg = TC_PANEL;
    int x = r.x + u->pad, w = r.w - 2 * u->pad, y = r.y + u->gap;
    int lh = proj_line_h(u, u->px_head), icon = u->px_head * 3 / 4;
    char cd[128], head[400];
    ui_icon_kind ik;
    countdown(m, cd, sizeof cd, &ik);
    int urgent = d->total > 0 && d->left * 4 < d->total;
    ui_theme_color cc = urgent ? TC_BAD : d->left_real < 0 ? TC_WARNING : TC_TEXT;
    int cw = ui_text_w(u, u->px_head, cc, cd) + icon + u->gap;
    /* the room should know another is waiting behind it: said first, so a
     * long sender is what gets cut */
    char wait[32] = "";
    if (d->others)
        snprintf(wait, sizeof wait, " (+%d waiting)", d->others);
    snprintf(head, sizeof head, "Decision%s%s%s", wait, d->from[0] ? " from " : "", d->from);
    int own_line = cw > w / 2;
    if (!own_line)
        proj_line(u, (SDL_Rect){x, y, w - cw - u->pad, lh}, u->px_head, TC_ACCENT, 0, head);
    int cy = y, cx = own_line ? x : x + w - cw;
    ui_icon(u, (SDL_Rect){cx, cy + (lh - icon) / 2, icon, icon}, ik, cc);
    proj_line(u, (SDL_Rect){cx + icon + u->gap, cy, w - (cx - x) - icon - u->gap, lh}, u->px_head,
              cc, 0, cd);
    y += lh;
    if (own_line) /* a long countdown: the head goes under it */
        y += proj_line(u, (SDL_Rect){x, y, w, lh}, u->px_head, TC_ACCENT, 0, head);
    ui_bar(u, (SDL_Rect){x, y + u->gap / 2, w, u->gap},
           d->total > 0 ? (double)d->left / (double)d->total : 0, urgent ? TC_BAD : TC_WARNING);
    y += 2 * u->gap;
    int bottom = r.y + r.h - u->gap;
    /* the options first (every one must show), with two small lines kept
     * for the prompt; the prompt then takes what they leave, up to three
     * lines */
    int ppx = f_prompt_px(u, w);
    int pmin = 2 * proj_line_h(u, u->px_small), lines3 = 3 * proj_line_h(u, ppx);
    opt_fit f = choose_fit(u, d, w, bottom - y - pmin - u->gap);
    int pmax = bottom - y - u->gap - options_h(u, d, w, &f);
    pmax = pmax < pmin ? pmin : pmax > lines3 ? lines3 : pmax;
    y += proj_text(u, (SDL_Rect){x, y, w, pmax}, ppx, u->px_small, TC_TEXT, d->prompt) + u->gap;
    int cwid = (w - (f.cols - 1) * u->gap) / f.cols, rows = ((int)d->noptions + f.cols - 1) / f.cols;
    int too_tall = options_h(u, d, w, &f) > bottom - y;
    for (int row = 0; row < rows; row++) {
        int rh = row_h(u, d, row, cwid, &f);
        /* when even the smallest fit is too tall, the rows share what is left */
        int share = (bottom - y) / (rows - row) - u->gap;
        if (too_tall && rh > share)
            rh = share;
        for (int c = 0; c < f.cols; c++) {
            size_t i = (size_t)(row * f.cols + c);
            if (i < d->noptions)
                option(u, &d->options[i], (SDL_Rect){x + c * (cwid + u->gap), y, cwid, rh}, &f);
        }
        y += rh + u->gap;
    }
    u->bg = TC_BACKGROUND;
}

/* ---- the latest message and the actions under way ---- */

static void message_head(const rv_model *m, char *buf, size_t n)
{
    char at[32];
    snprintf(at, sizeof at, "T+%02lld:%02lld", (long long)(m->latest.at / 3600),
             (long long)(m->latest.at % 3600 / 60));
    snprintf(buf, n, "%s  ·  %s  ·  %s", ops_channel_tag(m->latest.channel), m->latest.from, at);
}

/* The message: its head, title and as much of the body as fits. */
static int message(ui *u, const rv_model *m, SDL_Rect r, int px_title, int px_body)
{
    if (!m->latest.has || r.h < proj_line_h(u, u->px_small))
        return 0;
    char head[400];
    message_head(m, head, sizeof head);
    int y = r.y;
    y += proj_line(u, (SDL_Rect){r.x, y, r.w, proj_line_h(u, u->px_body)}, u->px_body, TC_ACCENT,
                   0, head);
    int tmax = 2 * proj_line_h(u, px_title);
    if (tmax > r.y + r.h - y)
        tmax = r.y + r.h - y;
    y += proj_text(u, (SDL_Rect){r.x, y, r.w, tmax}, px_title, u->px_body, TC_TEXT,
                   m->latest.title) + u->gap;
    if (r.y + r.h - y > 0)
        y += proj_text(u, (SDL_Rect){r.x, y, r.w, r.y + r.h - y}, px_body, u->px_small, TC_TEXT,
                       m->latest.body);
    return y - r.y;
}

static int running_h(ui *u, const rv_model *m)
{
    int one = proj_line_h(u, u->px_body) + 2 * u->gap;
    return proj_line_h(u, u->px_head) + (int)(m->nrunning ? m->nrunning : 1) * one;
}

/* Each action under way with its progress, then the teams' free staff
 * while there is room. */
static void running(ui *u, const rv_model *m, SDL_Rect r)
{
    int y = r.y, lh = proj_line_h(u, u->px_body), bottom = r.y + r.h;
    y += proj_line(u, (SDL_Rect){r.x, y, r.w, proj_line_h(u, u->px_head)}, u->px_head, TC_ACCENT,
                   0, "Under way");
    if (!m->nrunning && y + lh <= bottom)
        y += proj_line(u, (SDL_Rect){r.x, y, r.w, lh}, u->px_body, TC_TEXT_DIM, 0,
                       "Nothing running yet");
    for (size_t i = 0; i < m->nrunning; i++) {
        const rv_running *a = &m->running[i];
        int last = i + 1 == m->nrunning;
        if (y + lh + 2 * u->gap + (last ? 0 : lh) > bottom) {
            char more[64];
            snprintf(more, sizeof more, "and %zu more", m->nrunning - i);
            if (y + lh <= bottom)
                proj_line(u, (SDL_Rect){r.x, y, r.w, lh}, u->px_body, TC_TEXT_DIM, 0, more);
            return;
        }
        char left[32], pct[64];
        dur_format(a->left, left, sizeof left);
        if (a->standing) /* a commitment: when it runs next, not how far along */
            snprintf(pct, sizeof pct, "standing, next in %s", left);
        else
            snprintf(pct, sizeof pct, "%.0f%%, %s", a->done * 100, left);
        int pw = ui_text_w(u, u->px_body, TC_TEXT_DIM, pct);
        proj_line(u, (SDL_Rect){r.x, y, r.w - pw - u->gap, lh}, u->px_body, TC_TEXT, 0, a->label);
        ui_label(u, (SDL_Rect){r.x + r.w - pw, y, pw, lh}, u->px_body, TC_TEXT_DIM, 0, pct);
        y += lh;
        if (!a->standing)
            ui_bar(u, (SDL_Rect){r.x, y, r.w, u->gap}, a->done, TC_ACCENT);
        y += 2 * u->gap;
    }
    y += u->gap;
    for (size_t i = 0; i < m->nteams && y + lh <= bottom; i++) {
        char line[300];
        snprintf(line, sizeof line, "%s: %d of %d free", m->teams[i].label, m->teams[i].free,
                 m->teams[i].staff);
        y += proj_line(u, (SDL_Rect){r.x, y, r.w, lh}, u->px_body,
                       m->teams[i].free ? TC_TEXT : TC_WARNING, 0, line);
    }
}

/* One line each for the message and the actions, under a decision that
 * needs the screen; or (`one`) a single line for both. */
static void strip(ui *u, const rv_model *m, SDL_Rect r, int one)
{
    int lh = proj_line_h(u, u->px_body), y = r.y;
    char line[1200], run[64] = "";
    if (one && m->nrunning)
        snprintf(run, sizeof run, "%s%zu under way", m->latest.has ? "  ·  " : "", m->nrunning);
    if (m->latest.has || run[0]) {
        if (m->latest.has)
            snprintf(line, sizeof line, "Latest, %s from %s: %s%s",
                     ops_channel_tag(m->latest.channel), m->latest.from, m->latest.title, "");
        else
            line[0] = 0;
        if (one && run[0]) {
            /* the count stays in view: the message is cut before it */
            int rw = ui_text_w(u, u->px_body, TC_TEXT_DIM, run);
            int mw = r.w - rw;
            if (line[0])
                proj_line(u, (SDL_Rect){r.x, y, mw, lh}, u->px_body, TC_TEXT, 0, line);
            ui_label(u, (SDL_Rect){r.x + (line[0] ? mw : 0), y, rw, lh}, u->px_body, TC_TEXT_DIM,
                     0, run);
            return;
        }
        y += proj_line(u, (SDL_Rect){r.x, y, r.w, lh}, u->px_body, TC_TEXT, 0, line);
    }
    if (m->nrunning && !one) {
        size_t o = (size_t)snprintf(line, sizeof line, "Under way:");
        for (size_t i = 0; i < m->nrunning && o < sizeof line - 1; i++)
            o += m->running[i].standing
                     ? (size_t)snprintf(line + o, sizeof line - o, "%s %s (standing)",
                                        i ? "  ·" : "", m->running[i].label)
                     : (size_t)snprintf(line + o, sizeof line - o, "%s %s %.0f%%", i ? "  ·" : "",
                                        m->running[i].label, m->running[i].done * 100);
        proj_line(u, (SDL_Rect){r.x, y, r.w, lh}, u->px_body, TC_TEXT_DIM, 0, line);
    }
}

/* The least height the decision panel needs: its head and countdown,
 * the bar, a prompt of `plines` small lines and every option's label in
 * small type (one or two columns, whichever is shorter). */
static int decision_min_h(ui *u, const rv_model *m, int w, int plines)
{
    const rv_decision *d = &m->decision;
    int iw = w - 2 * u->pad;
    opt_fit one = {u->px_small, u->px_small, 0, 1, 0}, two = one;
    two.cols = 2;
    int a = options_h(u, d, iw, &one), b = options_h(u, d, iw, &two);
    return 2 * proj_line_h(u, u->px_head) + 3 * u->gap + plines * proj_line_h(u, u->px_small) +
           u->gap + (a < b ? a : b) + u->gap;
}

/* The heights of the parts above the decision at density `dense`. */
typedef struct top_parts {
    int clock, meters, systems, strip;
} top_parts;

static top_parts measure(ui *u, const rv_model *m, int w, int big, int dense)
{
    int lh = proj_line_h(u, u->px_body);
    top_parts t = {proj_clock_bar_h(u, dense), proj_meters_h(u, m, w, dense),
                   proj_systems_h(u, m, w, big ? 1 : 2, dense), 0};
    if (m->decision.open && big)
        t.strip = dense >= 2 ? (m->latest.has || m->nrunning ? lh : 0)
                             : (m->latest.has ? lh : 0) + (m->nrunning ? lh : 0);
    return t;
}

void proj_play(ui *u, const rv_model *m, SDL_Rect r)
{
    int x = r.x + u->pad, w = r.w - 2 * u->pad, bottom = r.y + r.h - u->pad;
    int big = w / (u->px_body ? u->px_body : 1) < 60;
    /* pack the page tighter, step by step, until the decision fits */
    int dense = 0;
    top_parts t = measure(u, m, w, big, 0);
    for (; m->decision.open && dense < 3; dense++) {
        int used = t.clock + t.meters + t.systems + t.strip + 4 * u->gap;
        int dw = big ? w : w * 62 / 100;
        if (decision_min_h(u, m, dw, dense >= 3 ? 1 : 2) <= r.h - u->pad - used)
            break;
        t = measure(u, m, w, big, dense + 1);
    }
    int y = r.y + proj_clock_bar(u, m, r, dense) + u->gap;
    proj_meters(u, m, (SDL_Rect){x, y, w, t.meters}, dense);
    y += t.meters + u->gap;
    int sh = proj_systems(u, m, (SDL_Rect){x, y, w, 0}, big ? 1 : 2, dense);
    y += sh ? sh + u->gap : 0;
    SDL_Rect rest = {x, y, w, bottom - y};
    if (m->decision.open && big) {
        decision(u, m, (SDL_Rect){rest.x, rest.y, rest.w, rest.h - t.strip - (t.strip ? u->gap : 0)});
        strip(u, m, (SDL_Rect){rest.x, rest.y + rest.h - t.strip, rest.w, t.strip}, dense >= 2);
    } else if (m->decision.open) {
        int dw = rest.w * 62 / 100;
        decision(u, m, (SDL_Rect){rest.x, rest.y, dw, rest.h});
        int sx = rest.x + dw + u->pad, sw = rest.w - dw - u->pad;
        int rh = running_h(u, m);
        rh = rh > rest.h / 2 ? rest.h / 2 : rh;
        message(u, m, (SDL_Rect){sx, rest.y, sw, rest.h - rh - u->gap}, u->px_head, u->px_body);
        running(u, m, (SDL_Rect){sx, rest.y + rest.h - rh, sw, rh});
    } else if (big) {
        int rh = running_h(u, m);
        rh = rh > rest.h / 3 ? rest.h / 3 : rh;
        message(u, m, (SDL_Rect){rest.x, rest.y, rest.w, rest.h - rh - u->gap}, u->px_title,
                u->px_head);
        running(u, m, (SDL_Rect){rest.x, rest.y + rest.h - rh, rest.w, rh});
    } else {
        int mw = rest.w * 62 / 100;
        /* the message in large type, as large as the column holds 28 characters a line */
        int wide = mw / u->px_title >= 28;
        message(u, m, (SDL_Rect){rest.x, rest.y, mw, rest.h}, wide ? u->px_huge * 3 / 4 : u->px_title,
                wide ? u->px_title : u->px_head);
        running(u, m, (SDL_Rect){rest.x + mw + 2 * u->pad, rest.y, rest.w - mw - 2 * u->pad,
                                 rest.h});
    }
}
