/* ui_proj_tally: the room's vote on the projector, when the facilitator
 * reveals it (issue 14). A page of its own, read from the back of the
 * room: the question, one bar per option with its votes and share, then
 * what it adds up to (unified at 60%, or split), how sure people were,
 * how many voted, and the split by role. By role, never by name: the
 * model holds no names. Drawn from the room view model only. */
#include <stdio.h>
#include <string.h>

#include "ui/ui_proj_internal.h"

/* "A  Refuse the ransom" cut to one line, with its count and share. */
static void bar_row(ui *u, const rv_model *m, size_t i, SDL_Rect r, int px)
{
    const rv_tally *t = &m->tally;
    const rv_option *o = &m->decision.options[i];
    int votes = t->sum.by_option[i];
    double frac = t->sum.voters ? (double)votes / t->sum.voters : 0;
    char count[64], label[300];
    snprintf(count, sizeof count, "%d  (%d%%)", votes, (int)(frac * 100 + 0.5));
    snprintf(label, sizeof label, "%c  %s", o->letter, o->label);
    int lh = proj_line_h(u, px), cw = r.w / 4;
    int top = t->sum.top == (int)i;
    proj_line(u, (SDL_Rect){r.x, r.y, r.w - cw, lh}, px, top ? TC_ACCENT : TC_TEXT, 0, label);
    proj_line(u, (SDL_Rect){r.x + r.w - cw, r.y, cw, lh}, px, TC_TEXT, UI_RIGHT, count);
    int bh = r.h - lh - u->gap / 2;
    if (bh > 4)
        ui_bar(u, (SDL_Rect){r.x, r.y + lh + u->gap / 2, r.w, bh}, frac,
               top ? TC_ACCENT : TC_TEXT_DIM);
}

/* "IT & security:  3 of 4 voted  —  A 2,  B 1" for each role with
 * phones, in two columns when one does not hold them, and a count of
 * the rest when two do not either (a role is never dropped unsaid). */
static void by_role(ui *u, const rv_model *m, SDL_Rect r, int px)
{
    const rv_tally *t = &m->tally;
    int lh = proj_line_h(u, px), per = lh > 0 ? r.h / lh : 0;
    int cols = (int)t->nroles > per && r.w / px >= 80 ? 2 : 1;
    int cw = (r.w - (cols - 1) * 2 * u->pad) / cols;
    size_t fit = (size_t)(per > 0 ? per : 0) * (size_t)cols;
    for (size_t i = 0; i < t->nroles && i < fit; i++) {
        const rv_tally_role *x = &t->roles[i];
        char line[600];
        int last = i + 1 == fit && t->nroles > fit;
        int n = last ? snprintf(line, sizeof line, "and %zu more roles", t->nroles - i)
                     : snprintf(line, sizeof line, "%s:  %d of %d voted",
                                x->role >= 0 && (size_t)x->role < m->nroles
                                    ? m->roles[x->role].label : "",
                                x->voters, x->joined);
        const char *sep = "  —  ";
        for (size_t o = 0; !last && o < m->decision.noptions; o++) {
            if (!x->votes[o] || n < 0 || (size_t)n >= sizeof line)
                continue;
            n += snprintf(line + n, sizeof line - (size_t)n, "%s%c %d", sep,
                          m->decision.options[o].letter, x->votes[o]);
            sep = ",  ";
        }
        int col = (int)i / (per > 0 ? per : 1), row = (int)i % (per > 0 ? per : 1);
        proj_line(u, (SDL_Rect){r.x + col * (cw + 2 * u->pad), r.y + row * lh, cw, lh}, px,
                  TC_TEXT, 0, line);
    }
}

static const char *conf_word(double mean)
{
    return mean >= 2.5 ? "mostly high" : mean >= 1.5 ? "mostly medium" : "mostly low";
}

void proj_tally(ui *u, const rv_model *m)
{
    const rv_tally *t = &m->tally;
    SDL_Rect p = {2 * u->pad, 2 * u->pad, u->w - 4 * u->pad, u->h - 4 * u->pad};
    int y = p.y, bottom = p.y + p.h;
    y += proj_line(u, (SDL_Rect){p.x, y, p.w, proj_line_h(u, u->px_head)}, u->px_head,
                   TC_ACCENT, 0, "The room's vote");
    y += proj_text(u, (SDL_Rect){p.x, y, p.w, 2 * proj_line_h(u, u->px_title)}, u->px_title,
                   u->px_body, TC_TEXT, m->decision.prompt) + u->pad;
    /* the verdict in the largest type: it is what the room looks for */
    char verdict[160], detail[300];
    if (!t->sum.voters)
        snprintf(verdict, sizeof verdict, "No votes yet");
    else if (t->sum.unified)
        snprintf(verdict, sizeof verdict, "Unified: %d%% for %c", (int)(t->sum.share * 100 + 0.5),
                 m->decision.options[t->sum.top].letter);
    else
        snprintf(verdict, sizeof verdict, "Split: no option has 60%%");
    snprintf(detail, sizeof detail, "%d of %d voted%s%s", t->sum.voters, t->sum.joined,
             t->sum.voters ? "  ·  confidence " : "",
             t->sum.voters ? conf_word(t->sum.confidence) : "");
    int vh = proj_line_h(u, u->px_title), dh = proj_line_h(u, u->px_body);
    int roles_h = (int)(t->nroles ? t->nroles : 0) * proj_line_h(u, u->px_body);
    int foot = vh + dh + u->pad + roles_h;
    if (foot > (bottom - y) / 2) /* many roles: the bars come first */
        foot = vh + dh + u->pad + (bottom - y) / 2 - vh - dh - u->pad;
    size_t no = m->decision.noptions;
    int avail = bottom - y - foot - u->pad, px = u->px_head;
    int rowh = no ? avail / (int)no : 0;
    if (rowh < proj_line_h(u, px) + 8)
        px = u->px_body;
    if (rowh > 3 * proj_line_h(u, px))
        rowh = 3 * proj_line_h(u, px);
    for (size_t i = 0; i < no && rowh > proj_line_h(u, u->px_body); i++)
        bar_row(u, m, i, (SDL_Rect){p.x, y + (int)i * rowh, p.w, rowh - u->gap}, px);
    y += (int)no * rowh + u->pad;
    y += proj_line(u, (SDL_Rect){p.x, y, p.w, vh}, u->px_title,
                   t->sum.unified ? TC_GOOD : TC_WARNING, 0, verdict);
    y += proj_line(u, (SDL_Rect){p.x, y, p.w, dh}, u->px_body, TC_TEXT, 0, detail) + u->gap;
    int rpx = u->px_head;
    if ((int)t->nroles * proj_line_h(u, rpx) > bottom - y)
        rpx = u->px_body;
    if ((int)t->nroles * proj_line_h(u, rpx) > bottom - y)
        rpx = u->px_small;
    if (y < bottom)
        by_role(u, m, (SDL_Rect){p.x, y, p.w, bottom - y}, rpx);
}
