/* test_ui_proj: the projector in every state (rv_tour over a session of
 * the tutorial: before play, playing with a decision open, paused, the
 * holding slide, a discussion slide, a message with no decision open,
 * the ending, the hot wash on each
 * tab), in every theme, at 1280x720 and 1920x1080, at 100%, 150% and
 * 200% text, rendered headless.
 *
 * Fails when any text overflows its box, when a frame is blank, when any
 * string is drawn outside the window, and, while a decision is open, when
 * a meter's label, an option's letter or an option's label is not drawn
 * whole inside the window (the toolkit's recording hook says what was
 * drawn and where; a label cut with "…" is drawn narrower than itself at
 * every size the projector uses). */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "check_app.h"
#include "room/rv_tour.h"
#include "ui/ui_proj.h"
#include "ui/ui_tour.h"

#define MAX_SEEN 600

typedef struct seen {
    int n;
    char text[MAX_SEEN][160];
    SDL_Rect r[MAX_SEEN];
} seen;

static void record(void *ctx, const char *text, SDL_Rect r)
{
    seen *s = ctx;
    if (s->n < MAX_SEEN) {
        snprintf(s->text[s->n], sizeof s->text[0], "%s", text);
        s->r[s->n++] = r;
    }
}

typedef struct shot {
    app *a;
    seen s;
    int states, decisions;
    char where[96];
} shot;

static int inside(const ui *u, SDL_Rect r)
{
    return r.x >= 0 && r.y >= 0 && r.x + r.w <= u->w && r.y + r.h <= u->h && r.w > 0 && r.h > 0;
}

/* Drawn whole: at one of the projector's sizes the text is exactly as wide
 * as drawn (a cut one is narrower). */
static int whole(ui *u, const char *text, SDL_Rect r)
{
    const int px[5] = {u->px_small, u->px_body, u->px_head, u->px_title, u->px_huge};
    for (int i = 0; i < 5; i++)
        if (ui_text_w(u, px[i], TC_TEXT, text) == r.w)
            return 1;
    return 0;
}

/* A string drawn whole inside the window that is `text` (exact) or, with
 * `contains`, holds it. */
static int drawn(shot *sh, const char *text, int contains)
{
    ui *u = &sh->a->u;
    for (int i = 0; i < sh->s.n; i++) {
        const char *t = sh->s.text[i];
        if (contains ? strstr(t, text) != NULL : strcmp(t, text) == 0)
            if (inside(u, sh->s.r[i]) && whole(u, t, sh->s.r[i]))
                return 1;
    }
    return 0;
}

static void on_state(void *ud, const char *state, const rv_model *m)
{
    shot *sh = ud;
    ui *u = &sh->a->u;
    sh->states++;
    for (int frame = 0; frame < 2; frame++) {
        sh->s.n = 0;
        u->record = frame ? record : NULL;
        u->record_ctx = &sh->s;
        ui_begin(u, 0);
        screen_projector(u, m);
        ui_end(u);
        u->record = NULL;
    }
    for (int i = 0; i < u->noverflow_text; i++)
        fprintf(stderr, "%s %s: text overflows its box: \"%s\"\n", sh->where, state,
                u->overflow_text[i]);
    CHECK_INT(u->overflows, 0);
    CHECK(!u->failed);
    CHECK(!tour_frame_blank(sh->a));
    for (int i = 0; i < sh->s.n; i++)
        if (!inside(u, sh->s.r[i])) {
            fprintf(stderr, "%s %s: drawn outside the window: \"%s\"\n", sh->where, state,
                    sh->s.text[i]);
            CHECK(0);
        }
    if (m->blank || m->slide || m->hotwash || m->phase != RV_PLAYING)
        return;
    for (size_t i = 0; i < m->nmeters; i++) {
        int ok = drawn(sh, m->meters[i].label, 0);
        if (!ok)
            fprintf(stderr, "%s %s: meter not drawn whole: %s\n", sh->where, state,
                    m->meters[i].label);
        CHECK(ok);
    }
    if (!m->decision.open)
        return;
    sh->decisions++;
    CHECK(drawn(sh, " left", 1));
    for (size_t i = 0; i < m->decision.noptions; i++) {
        const rv_option *o = &m->decision.options[i];
        char letter[2] = {o->letter, 0};
        int ok = drawn(sh, letter, 0) && drawn(sh, o->label, 1);
        if (!ok)
            fprintf(stderr, "%s %s: option %s not drawn whole: %s\n", sh->where, state, letter,
                    o->label);
        CHECK(ok);
    }
}

static void projector(int w, int h, const char *theme, int scale)
{
    check_app c;
    shot *sh = calloc(1, sizeof *sh);
    sh->a = check_app_open(&c, w, h, theme, scale);
    snprintf(sh->where, sizeof sh->where, "%dx%d %s %d%%", w, h, theme, scale);
    CHECK(sh->a != NULL);
    if (sh->a) {
        rv_tour_opts t = {.scenario = BH_SOURCE_DIR "/scenarios/tutorial.lua",
                          .plan = BH_SOURCE_DIR "/tests/plans/tutorial_expert.plan",
                          .busy = 22 * 60, .quiet = 40 * 60,
                          .join = "Open bulkhead.local on the room's Wi-Fi and enter the code 4711",
                          .all_tabs = 1};
        bh_err e;
        bh_status st = rv_tour(&t, on_state, sh, &e);
        if (st != BH_OK)
            fprintf(stderr, "rv_tour: %s:%d: %s\n", e.file, e.line, e.msg);
        CHECK_INT(st, BH_OK);
        /* before, playing, paused, blank, slide, message, ended, seven hot-wash tabs */
        CHECK_INT(sh->states, 14);
        CHECK_INT(sh->decisions, 2); /* playing and paused */
    }
    free(sh);
    check_app_close(&c);
}

static void test_every_size_scale_theme(void)
{
    const char *themes[3] = {"dark", "light", "high_contrast"};
    const int sizes[2][2] = {{1280, 720}, {1920, 1080}}, scales[3] = {100, 150, 200};
    for (int t = 0; t < 3; t++)
        for (int s = 0; s < 2; s++)
            for (int k = 0; k < 3; k++)
                projector(sizes[s][0], sizes[s][1], themes[t], scales[k]);
}

/* The recording hook sees a string the projector cuts to fit, whole: a
 * check that an option is drawn whole must be able to fail. */
static void test_cut_label_is_caught(void)
{
    check_app c;
    shot *sh = calloc(1, sizeof *sh);
    sh->a = check_app_open(&c, 1280, 720, "dark", 200);
    CHECK(sh->a != NULL);
    if (sh->a) {
        ui *u = &sh->a->u;
        u->record = record;
        u->record_ctx = &sh->s;
        ui_begin(u, 0);
        const char *longer = "An option label far too long for the little box it is given";
        ui_label(u, (SDL_Rect){10, 10, 120, 0}, u->px_body, TC_TEXT, UI_ELLIPSIS, longer);
        ui_label(u, (SDL_Rect){10, 100, 1000, 0}, u->px_body, TC_TEXT, 0, "Whole");
        ui_end(u);
        u->record = NULL;
        CHECK(!drawn(sh, longer, 0)); /* recorded, but cut */
        CHECK(drawn(sh, "Whole", 0));
    }
    free(sh);
    check_app_close(&c);
}

int main(int argc, char **argv)
{
    static const check_case cases[] = {
        {"every state, size, scale and theme", test_every_size_scale_theme},
        {"a cut label is caught", test_cut_label_is_caught},
        {NULL, NULL},
    };
    return check_main(argc, argv, cases);
}
