/* ui_shots_workshop: `ui_shots --workshop OUTDIR WIDTHxHEIGHT THEME
 * [TEXT_SCALE]`, both windows of a workshop to BMP, headless: the title in
 * workshop mode, a workshop's briefing with its session cuts
 * (carrier_ransomware, which declares some) and its exercise details
 * form, filled in, then the tutorial as a
 * workshop: the console and the projector before the clock starts, and at
 * the busiest moment of the expert plan with a decision open. Each window
 * is read from its own renderer and checked like every other shot. */
#include <stdio.h>

#include "ui_shots.h"
#include "ui/ui_screens.h"

static void settle(app *a)
{
    a->toast_left = 0;
    app_frame(a, 0); /* the first lays out and fills the text caches */
    app_frame(a, 0);
}

/* Save the form as its Enter key does. */
static void key_save(app *a)
{
    SDL_Event e = {0};
    e.type = SDL_KEYDOWN;
    e.key.keysym.sym = SDLK_RETURN;
    SDL_PushEvent(&e);
    app_frame(a, 0);
}

static bh_status both(app *a, shots *s, const char *name, bh_err *err)
{
    settle(a);
    char n[128];
    snprintf(n, sizeof n, "%s-console", name);
    shot_ui(s, &a->u, n);
    if (!a->has_proj)
        return err_set(err, BH_EIO, "", 0, "%s: the projector is not open", name);
    snprintf(n, sizeof n, "%s-projector", name);
    shot_ui(s, &a->proj, n);
    return BH_OK;
}

bh_status shots_workshop(app *a, shots *s, bh_err *err)
{
    app_to_title(a);
    settle(a);
    shot_ui(s, &a->u, "workshop-title");
    app_open_briefing(a, BH_SOURCE_DIR "/scenarios/carrier_ransomware.lua");
    settle(a);
    shot_ui(s, &a->u, "workshop-briefing");
    /* the exercise's details form over it: today and the organisation
     * offered, some fields typed (a long list of names wraps) */
    details_open(a);
    snprintf(a->details.v[DETAIL_DATE], sizeof a->details.v[0], "2026-12-08");
    snprintf(a->details.v[DETAIL_VENUE], sizeof a->details.v[0], "Board room, 3rd floor");
    snprintf(a->details.v[DETAIL_FACILITATOR], sizeof a->details.v[0], "Dana Reyes");
    snprintf(a->details.v[DETAIL_PARTICIPANTS], sizeof a->details.v[0],
             "Ana Lopez, Bo Chen, Carl Diaz, Dora Ekwueme, Erik Lindqvist, Fatima Haddad, "
             "Guo Wei");
    settle(a);
    shot_ui(s, &a->u, "workshop-details-form");
    a->u.focus = 0;
    key_save(a);
    settle(a);
    shot_ui(s, &a->u, "workshop-details-briefing");
    app_open_briefing(a, BH_SOURCE_DIR "/scenarios/tutorial.lua");
    app_begin(a);
    if (!a->playing || !a->has_proj)
        return err_set(err, BH_ESCRIPT, "", 0, "the workshop did not start: %s", a->load_error);
    /* the dummy display is 1024x768, so the projector opened as a window
     * fitted to it; shots show it at the console's size */
    int w, h;
    SDL_GetWindowSize(a->u.win, &w, &h);
    SDL_SetWindowSize(a->proj.win, w, h);
    bh_status st = both(a, s, "workshop-before", err);
    /* the console's details form over the session: the draft was skipped,
     * so all empty; then closed again */
    details_open(a);
    settle(a);
    shot_ui(s, &a->u, "workshop-details-console");
    a->overlay = OV_NONE;
    a->started = 1;
    if (st == BH_OK)
        st = tour_drive(a, BH_SOURCE_DIR "/tests/plans/tutorial_expert.plan", -1,
                        TOUR_BUSY_TIME - 60, err);
    if (st == BH_OK)
        st = both(a, s, "workshop-busy", err);
    /* the room server on (the console shows the address and the room
     * code), then refused a port in use (the console shows the fix);
     * loopback only, on a port the system picks */
    a->opts.room_bind = "127.0.0.1";
    a->opts.room_port = 0;
    if (st == BH_OK && app_room_start(a)) {
        settle(a);
        shot_ui(s, &a->u, "workshop-room-on-console");
        srv *held = a->room.srv;
        a->room.srv = NULL;
        a->opts.room_port = srv_port(held);
        app_room_start(a); /* refused: the port is held */
        settle(a);
        shot_ui(s, &a->u, "workshop-room-refused-console");
        a->room.srv = held;
        app_room_stop(a);
    }
    return st;
}
