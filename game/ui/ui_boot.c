/* ui_boot: starting the game and shutting it down: finding the game's
 * folders (assets/ and scenarios/, and the data folder for journals and
 * settings), reading the settings, starting SDL, opening the console's
 * window (ui_win.c: with its renderer, font and text cache) and loading
 * the colour theme. Errors name the fix. */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "ui/ui_boot.h"
#include "ui/ui_screens.h"
#include "ui/ui_win.h"

/* ---- finding the game's folders ---- */

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Without a folder from the command line (tests, tools): assets/ and
 * scenarios/ sit beside the build folder in a checkout, or in the working
 * directory. */
static void find_dir(char *out, size_t n, const char *given, const char *name)
{
    if (given) {
        snprintf(out, n, "%s", given);
        return;
    }
    char *base = SDL_GetBasePath();
    char c0[PLAY_PATH_MAX] = "";
    if (base)
        snprintf(c0, sizeof c0, "%s../%s", base, name);
    SDL_free(base);
    snprintf(out, n, "%s", c0[0] && is_dir(c0) ? c0 : name);
}

/* ---- SDL, the data folder ---- */

static bh_status start_sdl(bh_err *err)
{
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0)
        return err_set(err, BH_EIO, "", 0,
                       "no display available (%s). Run the game on a desktop session, or "
                       "headless with: xvfb-run -a scripts/play, or "
                       "SDL_VIDEODRIVER=dummy for tests",
                       SDL_GetError());
    /* Without a display SDL quietly picks a driver that draws nowhere, and
     * the game would run unseen forever. Those drivers are for tests, and
     * only when asked for by name. */
    const char *drv = SDL_GetCurrentVideoDriver();
    if (drv && (strcmp(drv, "offscreen") == 0 || strcmp(drv, "dummy") == 0) &&
        !SDL_getenv("SDL_VIDEODRIVER"))
        return err_set(err, BH_EIO, "", 0,
                       "no display found (SDL chose its '%s' driver, which shows nothing). "
                       "Run the game on a desktop session, or headless with: xvfb-run -a "
                       "scripts/play; tests use SDL_VIDEODRIVER=dummy",
                       drv);
    if (TTF_Init() != 0)
        return err_set(err, BH_EIO, "", 0, "SDL_ttf failed to start: %s", TTF_GetError());
    /* A full-screen window must not minimise when the other window of a
     * workshop takes the focus (SDL #2429: on X11 the projector went black
     * when the facilitator clicked the console). */
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    return BH_OK;
}

static bh_status find_data_dir(app *a, bh_err *err)
{
    if (a->opts.data_dir) {
        snprintf(a->data_dir, sizeof a->data_dir, "%s", a->opts.data_dir);
        if (!is_dir(a->data_dir) && mkdir(a->data_dir, 0755) != 0)
            return err_set(err, BH_EIO, a->data_dir, 0, "cannot create the data folder");
    } else {
        char *p = SDL_GetPrefPath("", "bulkhead");
        if (!p)
            return err_set(err, BH_EIO, "", 0,
                           "no folder for saved sessions (%s); pass --data-dir DIR",
                           SDL_GetError());
        snprintf(a->data_dir, sizeof a->data_dir, "%s", p);
        size_t n = strlen(a->data_dir);
        if (n > 1 && a->data_dir[n - 1] == '/')
            a->data_dir[n - 1] = 0;
        SDL_free(p);
    }
    snprintf(a->settings_path, sizeof a->settings_path, "%s/settings.json", a->data_dir);
    return BH_OK;
}

/* ---- start and end ---- */

bh_status boot_open(app *a, const app_opts *o, bh_err *err)
{
    memset(a, 0, sizeof *a);
    a->opts = *o;
    a->game.journal.fd = -1;
    a->inbox_sel = -1;
    a->dec_seen = -1;
    a->wi_decision = -1;
    find_dir(a->assets_dir, sizeof a->assets_dir, o->assets_dir, "assets");
    find_dir(a->scenario_dir, sizeof a->scenario_dir, o->scenario_dir, "scenarios");
    ui_settings_default(&a->settings);
    bh_status st = find_data_dir(a, err);
    if (st != BH_OK)
        return st;
    bh_err se;
    if (ui_settings_load(&a->settings, a->settings_path, &se) != BH_OK) {
        char buf[1200];
        fprintf(stderr, "bulkhead: warning: %s (using the defaults)\n",
                err_format(&se, buf, sizeof buf));
    }
    if (o->fullscreen)
        a->settings.fullscreen = 1;
    st = start_sdl(err);
    if (st != BH_OK)
        return st;
    char font[PLAY_PATH_MAX];
    st = ui_font_find(o->font, "DejaVu Sans", font, sizeof font, err);
    if (st != BH_OK)
        return st;
    /* The console: vsync here and on no other window (SDL #6541: with
     * vsync on both, each present waits for its own refresh and the frame
     * rate halves). */
    ui_win_spec ws = {.title = "Bulkhead",
                      .x = SDL_WINDOWPOS_CENTERED,
                      .y = SDL_WINDOWPOS_CENTERED,
                      .w = a->opts.width > 0 ? a->opts.width : 1280,
                      .h = a->opts.height > 0 ? a->opts.height : 720,
                      .flags = SDL_WINDOW_RESIZABLE |
                               (a->settings.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0),
                      .min_w = 960,
                      .min_h = 540,
                      .software = a->opts.software,
                      .vsync = 1,
                      .font = font,
                      .text_cache = 768};
    st = ui_win_open(&a->u, &ws, err);
    if (st != BH_OK)
        return st;
    /* The palette must load: the game has no colours without one. */
    char path[PLAY_PATH_MAX + 64];
    const char *theme = o->theme ? o->theme : a->settings.theme;
    snprintf(path, sizeof path, "%s/themes/%s.theme", a->assets_dir, theme);
    if (ui_theme_load(&a->u.theme, path, &se) != BH_OK) {
        snprintf(path, sizeof path, "%s/themes/dark.theme", a->assets_dir);
        st = ui_theme_load(&a->u.theme, path, err);
        if (st != BH_OK)
            return st;
    }
    prefs_set_text_scale(a, o->text_scale > 0 ? o->text_scale : a->settings.text_scale);
    return BH_OK;
}

void boot_close(app *a)
{
    ui_win_close(&a->proj);
    a->has_proj = 0;
    ui_win_close(&a->u);
    TTF_Quit();
    SDL_Quit();
}

