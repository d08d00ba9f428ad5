#include "ui/ui_tour.h"

#include <stdio.h>
#include <string.h>

#include "core/journal.h"
#include "ui/ui_screens.h"

bh_status tour_drive(app *a, const char *plan_path, bh_time from, bh_time until, bh_err *err)
{
    bh_plan plan = {0};
    bh_status st = journal_read(plan_path, &plan, err);
    for (size_t i = 0; st == BH_OK && i < plan.n && plan.v[i].time <= until; i++) {
        if (plan.v[i].time <= from)
            continue;
        bh_input in;
        st = journal_resolve(&plan, &plan.v[i], sim_defs(a->game.sim), &in, err);
        if (st == BH_OK)
            st = sim_advance(a->game.sim, in.time, err);
        if (st == BH_OK)
            st = play_input(&a->game, &in, err);
    }
    if (st == BH_OK)
        st = sim_advance(a->game.sim, until, err);
    journal_plan_free(&plan);
    return st;
}

static void shot(app *a, tour_fn fn, void *ud, const char *name)
{
    a->toast_left = 0;
    /* Two frames: the first lays out and fills the text cache, the second
     * is what a player sees once things have settled. */
    app_frame(a, 0);
    app_frame(a, 0);
    fn(ud, a, name);
}

static bh_status begin(app *a, const char *scenario, bh_err *err)
{
    app_open_briefing(a, scenario);
    if (a->screen != SCR_BRIEFING)
        return err_set(err, BH_ESCRIPT, scenario, 0, "the scenario did not load: %s",
                       a->load_error);
    app_begin(a);
    if (!a->playing)
        return err_set(err, BH_ESCRIPT, scenario, 0, "the session did not start: %s",
                       a->load_error);
    play_set_speed(&a->game, 1);
    return BH_OK;
}

bh_status tour_run(app *a, const tour_paths *p, tour_fn fn, void *ud, bh_err *err)
{
    bh_time busy = p->busy > 0 ? p->busy : TOUR_BUSY_TIME - 60;
    app_to_title(a);
    shot(a, fn, ud, "title");
    app_open_briefing(a, p->scenario);
    shot(a, fn, ud, "briefing");

    bh_status st = begin(a, p->scenario, err);
    if (st == BH_OK)
        st = tour_drive(a, p->plan, -1, busy, err);
    if (st != BH_OK)
        return st;
    /* pick the newest message so the reading pane is full */
    size_t n;
    sim_inbox(a->game.sim, &n);
    a->inbox_sel = n ? (int)n - 1 : -1;
    shot(a, fn, ud, "decision");
    a->dec_collapsed = 1;
    shot(a, fn, ud, "operations");
    /* the tabs of the compact layout (the same room when it is wide) */
    a->tab = 1;
    shot(a, fn, ud, "operations_actions");
    a->tab = 2;
    shot(a, fn, ud, "operations_running");
    a->tab = 0;
    a->overlay = OV_PAUSE;
    shot(a, fn, ud, "pause");
    a->overlay = OV_NOTE;
    snprintf(a->note, sizeof a->note, "Ask the room why nobody checked the backups before "
                                      "restoring, and who owns that call.");
    shot(a, fn, ud, "note");
    a->note[0] = 0;
    a->overlay = OV_NONE;
    a->settings_return = SCR_OPS;
    a->screen = SCR_SETTINGS;
    shot(a, fn, ud, "settings");
    a->screen = SCR_OPS;

    st = tour_drive(a, p->plan, busy, sim_length(a->game.sim), err);
    if (st != BH_OK)
        return st;
    shot(a, fn, ud, "ending");
    static const char *const tabs[DB_TABS] = {"debrief_timeline", "debrief_meters",
                                              "debrief_decisions", "debrief_functions",
                                              "debrief_hotwash", "debrief_facts", "debrief_notes"};
    debrief_open(a, SCR_ENDING);
    for (int i = 0; i < DB_TABS; i++) {
        a->dtab = i;
        a->dsel = 3;
        shot(a, fn, ud, tabs[i]);
    }
    a->dtab = 2;
    /* branch the first decision with an option that was not chosen */
    const json_t *d0 = json_array_get(json_object_get(a->debrief, "decisions"), 0);
    const bh_defs *defs = sim_defs(a->game.sim);
    int di = d0 ? defs_decision(defs, json_string_value(json_object_get(d0, "id"))) : -1;
    const char *chosen = d0 ? json_string_value(json_object_get(d0, "chosen")) : NULL;
    for (size_t k = 0; di >= 0 && k < defs->decisions[di].noptions; k++)
        if (!chosen || strcmp(defs->decisions[di].options[k].id, chosen) != 0) {
            debrief_whatif(a, 0, defs->decisions[di].options[k].id, 0);
            break;
        }
    if (!a->wi_result)
        return err_set(err, BH_ESCRIPT, p->plan, 0, "the what-if branch did not run");
    shot(a, fn, ud, "debrief_whatif");
    debrief_close(a);
    a->wi_decision = -1;
    a->screen = SCR_ENDING;

    st = begin(a, p->runtime_error, err);
    if (st != BH_OK)
        return st;
    /* its first event fails; skipping there is how a player would meet it */
    for (int i = 0; i < 8 && !a->game.failed; i++)
        play_skip(&a->game, err);
    if (!a->game.failed)
        return err_set(err, BH_ESCRIPT, p->runtime_error, 0,
                       "expected this scenario to fail during play");
    err_clear(err);
    shot(a, fn, ud, "script_error");
    /* the developer screen an author with --dev meets when a reload fails:
     * shown here with that same error */
    a->reload_err = a->game.error;
    a->overlay = OV_DEV;
    shot(a, fn, ud, "developer_error");
    a->overlay = OV_ERROR;

    app_open_briefing(a, p->broken);
    if (a->screen != SCR_LOAD_ERROR)
        return err_set(err, BH_ESCRIPT, p->broken, 0, "expected this scenario to fail to load");
    shot(a, fn, ud, "load_error");
    app_to_title(a);
    return BH_OK;
}

bh_status tour_save_bmp(app *a, const char *path, bh_err *err)
{
    return tour_save_ui_bmp(&a->u, path, err);
}

int tour_frame_blank(app *a) { return tour_ui_blank(&a->u); }

bh_status tour_save_ui_bmp(ui *u, const char *path, bh_err *err)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, u->w, u->h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s)
        return err_set(err, BH_ENOMEM, path, 0, "no memory for a screenshot: %s", SDL_GetError());
    bh_status st = BH_OK;
    if (SDL_RenderReadPixels(u->r, NULL, SDL_PIXELFORMAT_ARGB8888, s->pixels, s->pitch) != 0 ||
        SDL_SaveBMP(s, path) != 0)
        st = err_set(err, BH_EIO, path, 0, "cannot save the screenshot: %s", SDL_GetError());
    SDL_FreeSurface(s);
    return st;
}

int tour_ui_blank(ui *u)
{
    int w = u->w, h = u->h;
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s)
        return 1;
    int blank = 1;
    if (SDL_RenderReadPixels(u->r, NULL, SDL_PIXELFORMAT_ARGB8888, s->pixels, s->pitch) == 0) {
        const Uint32 *px = s->pixels;
        Uint32 first = px[0];
        int distinct = 0;
        for (int y = 0; y < h && blank; y += 3)
            for (int x = 0; x < w; x += 3)
                if (px[y * (s->pitch / 4) + x] != first && ++distinct > 500) {
                    blank = 0;
                    break;
                }
    }
    SDL_FreeSurface(s);
    return blank;
}
