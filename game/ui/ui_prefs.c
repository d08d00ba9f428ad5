/* ui_prefs: the settings screen (text size, colours, speed at start,
 * window or full screen), and the setters that apply a setting to the
 * running game. Settings are saved as they change (ui_settings.c keeps the
 * file format). */
#include <stdio.h>
#include <string.h>

#include "ui/ui_screens.h"

void prefs_set_theme(app *a, const char *name)
{
    char path[PLAY_PATH_MAX + 64];
    snprintf(path, sizeof path, "%s/themes/%s.theme", a->assets_dir, name);
    bh_err e;
    ui_theme t;
    if (ui_theme_load(&t, path, &e) != BH_OK) {
        char buf[1200];
        screen_toast(a, err_format(&e, buf, sizeof buf));
        fprintf(stderr, "bulkhead: %s\n", buf);
        return;
    }
    a->u.theme = t;
    snprintf(a->settings.theme, sizeof a->settings.theme, "%s", name);
}

void prefs_set_text_scale(app *a, int pct)
{
    if (pct < 100)
        pct = 100;
    if (pct > 200)
        pct = 200;
    a->settings.text_scale = pct;
    a->u.text_scale = pct;
}

static void save_settings(app *a)
{
    if (a->opts.no_save_settings)
        return;
    bh_err e;
    if (ui_settings_save(&a->settings, a->settings_path, &e) != BH_OK) {
        char buf[1200];
        screen_toast(a, err_format(&e, buf, sizeof buf));
    }
}


/* ---- settings ---- */

static int settings_row(app *a, int x, int y, int w, const char *name, const char *const *labels,
                        const int *values, int n, int current, int *out)
{
    ui *u = &a->u;
    int bh = u->line + 2 * u->gap;
    int namew = w / 3;
    ui_label(u, (SDL_Rect){x, y, namew - u->gap, bh}, u->px_body, TC_TEXT,
             UI_VCENTER | UI_WRAP, name);
    int bx = x + namew, bw = (w - namew) / n;
    int changed = 0;
    for (int i = 0; i < n; i++) {
        char key[96];
        snprintf(key, sizeof key, "%s/%d", name, i);
        if (ui_toggle(u, ui_id(u, key), (SDL_Rect){bx + i * bw, y, bw - u->gap, bh}, labels[i],
                      values[i] == current, 0, NULL)) {
            *out = values[i];
            changed = 1;
        }
    }
    return changed;
}

void screen_settings(app *a)
{
    ui *u = &a->u;
    u->scope = 3;
    int colw = u->w * 3 / 4;
    if (colw < 40 * u->px_body)
        colw = u->w - 4 * u->pad;
    int x = (u->w - colw) / 2, y = 3 * u->pad;
    y += ui_label(u, (SDL_Rect){x, y, colw, u->px_title * 2}, u->px_title, TC_TEXT, 0,
                  "Settings");
    y += u->pad;
    int bh = u->line + 2 * u->gap, v;
    static const char *const scales[] = {"100%", "125%", "150%", "175%", "200%"};
    static const int scale_v[] = {100, 125, 150, 175, 200};
    if (settings_row(a, x, y, colw, "Text size", scales, scale_v, 5, a->settings.text_scale, &v)) {
        prefs_set_text_scale(a, v);
        save_settings(a);
    }
    y += bh + u->pad;
    static const char *const themes[] = {"Dark", "Light", "High contrast"};
    static const char *const theme_ids[] = {"dark", "light", "high_contrast"};
    static const int theme_v[] = {0, 1, 2};
    int cur = -1; /* the theme in use: --theme may differ from the saved one */
    for (int i = 0; i < 3; i++)
        if (strcmp(u->theme.name, theme_ids[i]) == 0)
            cur = i;
    if (settings_row(a, x, y, colw, "Colours", themes, theme_v, 3, cur, &v)) {
        prefs_set_theme(a, theme_ids[v]);
        save_settings(a);
    }
    y += bh + u->pad;
    static const char *const speeds[] = {"Paused", "1×", "2×", "4×", "8×"};
    static const int speed_v[] = {0, 1, 2, 4, 8};
    if (settings_row(a, x, y, colw, "Speed at start", speeds, speed_v, 5, a->settings.speed,
                     &v)) {
        a->settings.speed = v;
        save_settings(a);
    }
    y += bh + u->pad;
    static const char *const fs[] = {"Window", "Full screen"};
    static const int fs_v[] = {0, 1};
    if (settings_row(a, x, y, colw, "Display", fs, fs_v, 2, a->settings.fullscreen, &v)) {
        a->settings.fullscreen = v;
        SDL_SetWindowFullscreen(u->win, v ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
        save_settings(a);
    }
    y += bh + 2 * u->pad;
    char where[PLAY_PATH_MAX + 64];
    snprintf(where, sizeof where, "Saved as you change them, in %s", a->settings_path);
    ui_label(u, (SDL_Rect){x, y, colw, u->line * 3}, u->px_small, TC_TEXT_DIM, UI_WRAP, where);
    int bw = screen_button_w(a, "Done [Esc]");
    if (ui_button(u, ui_id(u, "done"), (SDL_Rect){x, u->h - bh - 2 * u->pad, bw, bh},
                  "Done [Esc]", SDLK_ESCAPE, NULL)) {
        a->screen = a->settings_return;
        if (a->screen == SCR_TITLE)
            title_refresh(a);
        u->focus = 0;
    }
}

