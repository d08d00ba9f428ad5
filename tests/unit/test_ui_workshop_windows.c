/* test_ui_workshop_windows: a workshop's two windows, headless (SDL's
 * dummy driver supports several windows). Both open with their own
 * renderer and text cache; a click goes to the window whose id it carries;
 * closing the projector keeps the console and the session, and the
 * console reopens it; vsync is asked for on the console only; desktop
 * play opens one window; Continue reopens both windows of a workshop
 * journal and one of a desktop journal. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "check_workshop.h"
#include "ui/ui_win.h"

#define TUTORIAL BH_SOURCE_DIR "/scenarios/tutorial.lua"

static void test_two_windows(void)
{
    cw_fresh_dir();
    app *a = calloc(1, sizeof *a);
    CHECK(cw_start_tutorial_workshop(a));
    CHECK_INT(a->workshop, 1);
    CHECK_INT(a->game.workshop, 1);
    CHECK_INT(a->has_proj, 1);
    CHECK(a->proj.win && a->proj.win != a->u.win);
    CHECK(a->proj.r && a->proj.r != a->u.r);
    CHECK(a->proj.text.r == a->proj.r);   /* its own text cache, on its own renderer */
    CHECK(a->u.text.r == a->u.r);
    CHECK(cw_projector_id(a) != cw_console_id(a));
    CHECK(SDL_GetWindowFromID(cw_projector_id(a)) == a->proj.win);
    /* the title says what it is and the scenario: nothing of the facilitator's */
    CHECK_STR(SDL_GetWindowTitle(a->proj.win), "Bulkhead projector — First Night Shift");
    long before = a->proj.text.rasterised;
    for (int i = 0; i < 3; i++)
        app_frame(a, 0);
    CHECK(a->proj.text.rasterised > before || a->proj.text.hits > 0); /* it draws */
    CHECK_INT(a->proj.overflows, 0);
    CHECK_INT(a->game.speed, 0); /* a workshop starts paused */
    CHECK_INT(a->started, 0);
    app_free(a);
    free(a);
}

static void test_routing(void)
{
    cw_fresh_dir();
    app *a = calloc(1, sizeof *a);
    CHECK(cw_start_tutorial_workshop(a));
    CHECK_INT(a->game.speed, 0);
    /* the same spot as the console's 1x button, in the projector: nothing */
    CHECK(cw_click_label(a, cw_projector_id(a), "1×"));
    app_frame(a, 0);
    CHECK_INT(a->game.speed, 0);
    CHECK_INT(a->started, 0);
    /* and in the console: the clock runs */
    CHECK(cw_click_label(a, cw_console_id(a), "1×"));
    app_frame(a, 0);
    CHECK_INT(a->game.speed, 1);
    CHECK_INT(a->started, 1);
    /* keys go to the console whichever window has the focus */
    cw_window_event(a, cw_projector_id(a), SDL_WINDOWEVENT_FOCUS_GAINED);
    cw_key(a, SDLK_SPACE);
    app_frame(a, 0);
    CHECK_INT(a->game.speed, 0);
    app_free(a);
    free(a);
}

static void test_close_projector(void)
{
    cw_fresh_dir();
    app *a = calloc(1, sizeof *a);
    CHECK(cw_start_tutorial_workshop(a));
    Uint32 pid = cw_projector_id(a);
    cw_window_event(a, pid, SDL_WINDOWEVENT_CLOSE);
    CHECK_INT(a->has_proj, 0);
    CHECK(a->proj.win == NULL && a->proj.r == NULL);
    CHECK(SDL_GetWindowFromID(pid) == NULL);
    CHECK_INT(a->quit, 0);
    CHECK_INT(a->playing, 1);
    CHECK_INT(a->screen, SCR_OPS);
    for (int i = 0; i < 3; i++) /* frames without a projector */
        app_frame(a, 0.1);
    /* the console reopens it: by its control, or the key */
    CHECK_INT(app_projector_open(a), 1);
    CHECK_INT(a->has_proj, 1);
    app_projector_close(a);
    cw_key(a, APP_PROJECTOR_KEY);
    CHECK_INT(a->has_proj, 1);
    /* with one display the key has nowhere else to put it: it stays open */
    cw_key(a, APP_PROJECTOR_KEY);
    CHECK_INT(a->has_proj, 1);
    /* closing the console quits, as it always did */
    cw_window_event(a, cw_console_id(a), SDL_WINDOWEVENT_CLOSE);
    CHECK_INT(a->quit, 1);
    app_free(a);
    free(a);
}

static void test_vsync(void)
{
    /* asked of SDL: vsync only where wanted, never with the software renderer */
    CHECK(ui_win_renderer_flags(0, 1) & SDL_RENDERER_PRESENTVSYNC);
    CHECK(!(ui_win_renderer_flags(0, 0) & SDL_RENDERER_PRESENTVSYNC));
    CHECK(ui_win_renderer_flags(0, 0) & SDL_RENDERER_ACCELERATED);
    CHECK_INT(ui_win_renderer_flags(1, 1), SDL_RENDERER_SOFTWARE);
    /* What SDL reports. SDL 2.26's software renderer (all the dummy driver
     * has) reports PRESENTVSYNC whatever it was asked, so the renderers'
     * flags are only worth reading under the offscreen driver (OpenGL on
     * EGL), where they follow what was asked. Without EGL only the flags
     * asked for (above) are checked. */
#ifdef __SANITIZE_ADDRESS__
    /* Mesa's EGL, which the offscreen driver loads, leaks at exit from
     * libraries already unloaded, where no suppression can name them. */
    fprintf(stderr, "note: renderer flags not read under AddressSanitizer\n");
    return;
#endif
    cw_fresh_dir();
    setenv("SDL_VIDEODRIVER", "offscreen", 1);
    app *a = calloc(1, sizeof *a);
    app_opts o = cw_opts(TUTORIAL, 1);
    o.software = 0; /* ask for the accelerated renderer and vsync, as a desktop does */
    bh_err e;
    err_clear(&e);
    if (app_init(a, &o, &e) != BH_OK) {
        fprintf(stderr, "note: no offscreen driver here (%s): renderer flags not read\n", e.msg);
        app_free(a);
        free(a);
        setenv("SDL_VIDEODRIVER", "dummy", 1);
        return;
    }
    app_begin(a);
    app_frame(a, 0);
    CHECK_INT(a->has_proj, 1);
    SDL_RendererInfo ci, pi;
    CHECK_INT(SDL_GetRendererInfo(a->u.r, &ci), 0);
    CHECK_INT(SDL_GetRendererInfo(a->proj.r, &pi), 0);
    fprintf(stderr, "note: console renderer %s%s, projector renderer %s%s\n", ci.name,
            ci.flags & SDL_RENDERER_PRESENTVSYNC ? " (vsync)" : "", pi.name,
            pi.flags & SDL_RENDERER_PRESENTVSYNC ? " (vsync)" : "");
    if (strcmp(pi.name, "software") != 0)
        CHECK(!(pi.flags & SDL_RENDERER_PRESENTVSYNC));
    if (strcmp(ci.name, "software") != 0)
        CHECK(ci.flags & SDL_RENDERER_PRESENTVSYNC);
    app_free(a);
    free(a);
    setenv("SDL_VIDEODRIVER", "dummy", 1);
}

static void test_desktop_one_window(void)
{
    cw_fresh_dir();
    app *a = calloc(1, sizeof *a);
    CHECK(cw_start(a, TUTORIAL, 0));
    CHECK_INT(a->workshop, 0);
    CHECK_INT(a->game.workshop, 0);
    CHECK_INT(a->has_proj, 0);
    CHECK(a->proj.win == NULL);
    /* no other window exists: the ids after the console's are free */
    for (Uint32 id = 1; id < cw_console_id(a) + 4; id++)
        if (id != cw_console_id(a))
            CHECK(SDL_GetWindowFromID(id) == NULL);
    /* the projector's key does nothing outside a workshop */
    cw_key(a, APP_PROJECTOR_KEY);
    CHECK_INT(a->has_proj, 0);
    app_free(a);
    free(a);
}

/* Play a session a little and stop without ending it (as a crash would
 * leave it), then Continue: both windows of a workshop, one of desktop
 * play, where the session stood. The workshop comes back through the
 * title's Continue, desktop play through --resume: both are app_resume. */
static void resume_case(int workshop)
{
    cw_fresh_dir();
    app *a = calloc(1, sizeof *a);
    CHECK(cw_start(a, TUTORIAL, workshop));
    play_set_speed(&a->game, 1);
    for (int i = 0; i < 20; i++)
        app_frame(a, 0.25);
    bh_time stood = sim_now(a->game.sim);
    CHECK(stood > 0);
    CHECK_INT(a->started, workshop);
    char journal[PLAY_PATH_MAX];
    snprintf(journal, sizeof journal, "%s", a->game.journal_path);
    app_free(a);
    memset(a, 0, sizeof *a);
    app_opts o = cw_opts(NULL, 0);
    if (workshop) { /* Continue on the title screen */
        CHECK(cw_init(a, &o));
        CHECK(cw_click_label(a, cw_console_id(a), "Continue last session"));
        app_frame(a, 0);
    } else { /* bulkhead play --resume JOURNAL */
        o.resume = journal;
        CHECK(cw_init(a, &o));
    }
    CHECK_INT(a->playing, 1);
    CHECK_STR(a->game.journal_path, journal);
    CHECK_INT(a->screen, SCR_OPS);
    CHECK_INT(a->workshop, workshop);
    CHECK_INT(a->has_proj, workshop);
    CHECK_INT(a->proj.win != NULL, workshop);
    CHECK_INT(sim_now(a->game.sim), stood);
    CHECK_INT(a->started, workshop); /* the room sees play, not the title again */
    app_free(a);
    free(a);
}

static void test_resume_workshop(void) { resume_case(1); }
static void test_resume_desktop(void) { resume_case(0); }

/* The title's "Run a workshop", a workshop's briefing with its cuts (the
 * first chosen to start with), and its start button, by clicks. */
static void test_title_to_workshop(void)
{
    cw_fresh_dir();
    app *a = calloc(1, sizeof *a);
    app_opts o = cw_opts(NULL, 0);
    CHECK(cw_init(a, &o));
    CHECK_INT(a->screen, SCR_TITLE);
    CHECK(cw_click_label(a, cw_console_id(a), "Run a workshop"));
    CHECK_INT(a->want_workshop, 1);
    CHECK(cw_click_label(a, cw_console_id(a), "Dead in the Water"));
    app_frame(a, 0);
    CHECK_INT(a->screen, SCR_BRIEFING);
    CHECK_INT(a->brief_cut, 0);
    CHECK(ui_find(&a->u, "Start the workshop") != NULL);
    CHECK(ui_find(&a->u, "Begin the exercise") == NULL);
    CHECK(cw_click_label(a, cw_console_id(a), "The whole scenario"));
    CHECK_INT(a->brief_cut, -1);
    CHECK(cw_click_label(a, cw_console_id(a), "The first week"));
    CHECK_INT(a->brief_cut, 1);
    char want[64];
    snprintf(want, sizeof want, "%s", lh_defs(a->brief)->cuts[1].id);
    CHECK(cw_click_label(a, cw_console_id(a), "Start the workshop"));
    app_frame(a, 0);
    CHECK_INT(a->playing, 1);
    CHECK_INT(a->workshop, 1);
    CHECK_INT(a->has_proj, 1);
    CHECK_STR(a->game.cut, want);
    CHECK_INT(a->game.speed, 0);
    /* back to the title: the projector goes with the session */
    app_to_title(a);
    CHECK_INT(a->has_proj, 0);
    CHECK_INT(a->workshop, 0);
    /* the toggle off again: a briefing begins desktop play, one window */
    CHECK(cw_click_label(a, cw_console_id(a), "Run a workshop"));
    CHECK_INT(a->want_workshop, 0);
    CHECK(cw_click_label(a, cw_console_id(a), "First Night Shift"));
    app_frame(a, 0);
    CHECK(cw_click_label(a, cw_console_id(a), "Begin the exercise"));
    app_frame(a, 0);
    CHECK_INT(a->playing, 1);
    CHECK_INT(a->has_proj, 0);
    CHECK_INT(a->game.workshop, 0);
    app_free(a);
    free(a);
}

int main(int argc, char **argv)
{
    static const check_case cases[] = {
        {"two_windows", test_two_windows},
        {"routing", test_routing},
        {"close_projector", test_close_projector},
        {"vsync", test_vsync},
        {"desktop_one_window", test_desktop_one_window},
        {"resume_workshop", test_resume_workshop},
        {"resume_desktop", test_resume_desktop},
        {"title_to_workshop", test_title_to_workshop},
        {NULL, NULL}};
    return cw_main(argc, argv, cases);
}
