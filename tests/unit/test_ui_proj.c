/* test_ui_proj: the projector in every state (rv_tour over a session of
 * the tutorial: before play, playing with a decision open, paused, the
 * holding slide, a discussion slide, a message with no decision open,
 * the ending, the hot wash on each
 * tab), in every theme, at 1280x720 and 1920x1080, at 100%, 150% and
 * 200% text, rendered headless.
 *
 * Fails when any text overflows its box, when a frame is blank, when any
 * string is drawn outside the window or over another string, and, while a decision is open, when
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
    int states, decisions, tallies;
    char where[96];
} shot;

static int inside(const ui *u, SDL_Rect r)
{
    return r.x >= 0 && r.y >= 0 && r.x + r.w <= u->w && r.y + r.h <= u->h && r.w > 0 && r.h > 0;
}

/* Drawn whole: at one of the projector's sizes the text is exactly as wide
 * as drawn, or wider and then, wrapped at the width drawn, exactly as tall
 * (a cut one is shorter: wrapped whole it would take more lines). */
static int whole(ui *u, const char *text, SDL_Rect r)
{
    const int px[6] = {u->px_small, u->px_body,  u->px_head,
                       u->px_title, u->px_huge, u->px_huge * 3 / 4};
    for (int i = 0; i < 6; i++) {
        int fw = ui_text_w(u, px[i], TC_TEXT, text);
        if (fw == r.w || (fw > r.w && ui_text_h(u, px[i], r.w, TC_TEXT, text) == r.h))
            return 1;
    }
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
    /* no string drawn over another (an option's label under its
     * explanation was, at 1280x720 and 100%) */
    for (int i = 0; i < sh->s.n; i++)
        for (int k = i + 1; k < sh->s.n; k++)
            if (SDL_HasIntersection(&sh->s.r[i], &sh->s.r[k])) {
                fprintf(stderr, "%s %s: \"%s\" drawn over \"%s\"\n", sh->where, state,
                        sh->s.text[k], sh->s.text[i]);
                CHECK(0);
            }
    if (m->phase == RV_BEFORE && !m->blank && !m->slide && !m->hotwash) {
        /* both networks' addresses, each whole (with its QR code above) */
        CHECK(drawn(sh, "192.168.1.20:8417", 0));
        CHECK(drawn(sh, "10.0.0.7:8417", 0));
    }
    if (m->tally.shown && !m->blank && !m->slide && !m->hotwash) {
        /* the room's vote: every option whole with its count, the verdict,
         * and each role with phones, or a count of those left over */
        sh->tallies++;
        for (size_t i = 0; i < m->decision.noptions; i++) {
            const rv_option *o = &m->decision.options[i];
            char label[300], count[32];
            snprintf(label, sizeof label, "%c  %s", o->letter, o->label);
            snprintf(count, sizeof count, "%d  (", m->tally.sum.by_option[i]);
            int ok = drawn(sh, label, 0) && drawn(sh, count, 1);
            if (!ok)
                fprintf(stderr, "%s %s: option %s not drawn whole with its count\n", sh->where,
                        state, label);
            CHECK(ok);
        }
        CHECK(drawn(sh, m->tally.sum.unified ? "Unified: " : "Split: ", 1));
        char voted[64];
        snprintf(voted, sizeof voted, "%d of %d voted", m->tally.sum.voters, m->tally.sum.joined);
        CHECK(drawn(sh, voted, 1));
        for (size_t i = 0; i < m->tally.nroles; i++) {
            int ok = drawn(sh, m->roles[m->tally.roles[i].role].label, 1) ||
                     drawn(sh, "more roles", 1);
            if (!ok)
                fprintf(stderr, "%s %s: role %s missing from the tally\n", sh->where, state,
                        m->roles[m->tally.roles[i].role].label);
            CHECK(ok);
        }
        return;
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
                          .join = "http://192.168.1.20:8417/?c=KQXT", .join_code = "KQXT",
                          .join_also = "http://10.0.0.7:8417/?c=KQXT",
                          .all_tabs = 1};
        bh_err e;
        bh_status st = rv_tour(&t, on_state, sh, &e);
        if (st != BH_OK)
            fprintf(stderr, "rv_tour: %s:%d: %s\n", e.file, e.line, e.msg);
        CHECK_INT(st, BH_OK);
        /* before, playing, paused, blank, slide, tally, message, ended, seven
         * hot-wash tabs */
        CHECK_INT(sh->states, 15);
        CHECK_INT(sh->decisions, 2); /* playing and paused */
        CHECK_INT(sh->tallies, 1);
    }
    free(sh);
    check_app_close(&c);
}

/* The hardest rooms the scenarios make, and then some: eight meters (as
 * carrier_ransomware has) and eleven systems, seven of them not online,
 * with a long prompt and four options with labels of 60 to 75
 * characters (the scenarios' longest is 63) and their explanations; and
 * seven options (A to G, as many as have letters) of shorter labels. With
 * BH_PROJ_SHOTS=DIR set, each frame is saved there as
 * stress-N-WxH-THEME-SCALE.bmp to look at. */
static void stress_model(rv_model *m, rv_meter *mt, rv_system *sy, rv_option *op, rv_running *ru,
                         int many)
{
    static const char *const meters[8] = {"Attacker reach", "Cargo operations", "Customer trust",
                                          "Data exposure", "Regulatory standing",
                                          "Cost (USD millions)", "Staff fatigue",
                                          "Forensic evidence"};
    static const char *const systems[11] = {
        "Asia office PCs", "Shared file servers", "Booking portal", "Email & EDI",
        "Backup server", "Terminal operating system", "Vessel planning",
        "Customs filing gateway", "Payroll", "Active Directory", "Website"};
    static const char *const labels[4] = {
        "Refuse, bring in law enforcement and tell the regulator within the hour",
        "Open the chat to buy time, without promising anything, while forensics works",
        "Pay the ransom through the insurer's negotiator, and restore from the key",
        "No recommendation yet: wait for the forensic firm's first report"};
    static const char *const short_labels[7] = {
        "Refuse and call the police", "Open the chat to buy time", "Pay through the insurer",
        "No recommendation yet", "Ask the board tomorrow", "Negotiate on price only",
        "Hand it to the crisis committee"};
    memset(m, 0, sizeof *m);
    m->phase = RV_PLAYING;
    m->title = "The Carrier";
    m->speed = 1;
    snprintf(m->clock, sizeof m->clock, "T+26:45");
    snprintf(m->calendar, sizeof m->calendar, "Mon 28 Sep 2020 23:45");
    for (int i = 0; i < 8; i++)
        mt[i] = (rv_meter){(char *)meters[i], 40 + i * 7, 0, 500, 20, i % 2, i % 3 - 1};
    for (int i = 0; i < 11; i++)
        sy[i] = (rv_system){(char *)systems[i], i < 7 ? (bh_status_word)(1 + i % 6) : ST_ONLINE};
    int nopt = many ? 7 : 4;
    for (int i = 0; i < nopt; i++)
        op[i] = (rv_option){(char)('A' + i), (char *)(many ? short_labels[i] : labels[i]),
                            "CISA and the FBI advise against paying. Paying funds the next attack "
                            "and does not guarantee the data stays private.",
                            i == 3, 0};
    for (int i = 0; i < 5; i++)
        ru[i] = (rv_running){(char *)systems[i], "IT & security on call", 0.2 * i, 3600, NULL};
    m->meters = mt;
    m->nmeters = many ? 4 : 8;
    m->systems = sy;
    m->nsystems = many ? 5 : 11;
    m->running = ru;
    m->nrunning = 5;
    m->latest = (rv_message){1, "Trade journalist, Singapore",
                             "Is this the Ragnar Locker ransomware, and was customer data taken?",
                             "A trade journalist has seen the photo. She asks whether this is the "
                             "Ragnar Locker ransomware, whether customer data was taken, and why "
                             "your website said what it said. Her deadline is one hour.",
                             CH_NEWS, 3600};
    m->decision = (rv_decision){1, "The CEO wants your advice for the crisis call in two hours. "
                                   "The note asks you to open a live chat for a \"special price\". "
                                   "The board meets at six and the regulator has already called "
                                   "twice. What do you recommend?",
                                "Chief executive (on the phone)", op, (size_t)nopt, 5400,
                                5400.0 / 60, 0, 7200, "No recommendation yet", 2, 0};
}

static void test_stress(void)
{
    const char *themes[3] = {"dark", "light", "high_contrast"};
    const int sizes[2][2] = {{1280, 720}, {1920, 1080}}, scales[3] = {100, 150, 200};
    const char *dir = getenv("BH_PROJ_SHOTS");
    for (int many = 0; many < 2; many++)
        for (int t = 0; t < 3; t++)
            for (int z = 0; z < 2; z++)
                for (int k = 0; k < 3; k++) {
                    check_app c;
                    shot *sh = calloc(1, sizeof *sh);
                    sh->a = check_app_open(&c, sizes[z][0], sizes[z][1], themes[t], scales[k]);
                    snprintf(sh->where, sizeof sh->where, "stress %d %dx%d %s %d%%", many,
                             sizes[z][0], sizes[z][1], themes[t], scales[k]);
                    CHECK(sh->a != NULL);
                    if (sh->a) {
                        rv_model m;
                        rv_meter mt[8];
                        rv_system sy[11];
                        rv_option op[7];
                        rv_running ru[5];
                        stress_model(&m, mt, sy, op, ru, many);
                        on_state(sh, "stress", &m);
                        if (dir) {
                            char path[600];
                            bh_err e;
                            snprintf(path, sizeof path, "%s/stress-%d-%dx%d-%s-%d.bmp", dir,
                                     many, sizes[z][0], sizes[z][1], themes[t], scales[k]);
                            CHECK_INT(tour_save_bmp(sh->a, path, &e), BH_OK);
                        }
                    }
                    free(sh);
                    check_app_close(&c);
                }
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
        {"the hardest room", test_stress},
        {NULL, NULL},
    };
    return check_main(argc, argv, cases);
}
