/* ui_shots_proj: `ui_shots OUTDIR WIDTHxHEIGHT THEME TEXT_SCALE projector`,
 * the workshop's projector screen (screen_projector) in each of its states
 * to BMP, headless. The states come from rv_tour over a session of the
 * tutorial driven by its expert plan; each is drawn on the app's own
 * window (no second window is needed to see the screen) and checked like
 * every other shot. */
#include <stdio.h>

#include "room/rv_tour.h"
#include "ui/ui_proj.h"
#include "ui_shots.h"

typedef struct proj_shots {
    shots *s;
    app *a;
} proj_shots;

static void on_state(void *ud, const char *state, const rv_model *m)
{
    proj_shots *p = ud;
    /* two frames, as the game's shots: the first fills the text cache */
    for (int i = 0; i < 2; i++) {
        ui_begin(&p->a->u, 0);
        screen_projector(&p->a->u, m);
        ui_end(&p->a->u);
    }
    char name[96];
    snprintf(name, sizeof name, "proj_%s", state);
    shot_ui(p->s, &p->a->u, name);
}

bh_status shots_projector(app *a, shots *s, bh_err *err)
{
    rv_tour_opts o = {.scenario = BH_SOURCE_DIR "/scenarios/tutorial.lua",
                      .plan = BH_SOURCE_DIR "/tests/plans/tutorial_expert.plan",
                      .busy = 22 * 60, .quiet = 40 * 60,
                      /* a LAN address and code as the server prints them (issue 14) */
                      .join = "http://192.168.1.20:8417/?c=KQXT", .join_code = "KQXT",
                      .join_also = getenv("BH_SHOTS_JOIN_ALSO")};
    proj_shots p = {s, a};
    return rv_tour(&o, on_state, &p, err);
}
