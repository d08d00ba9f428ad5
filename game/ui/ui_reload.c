/* ui_reload: hot reload for scenario authors. F5, or saving the scenario
 * (its files are polled about twice a second), reads the script afresh and
 * replays the journal into it, so the session stays where it was. When the
 * new version does not run, the last good one goes on: with --dev the
 * developer screen says where and why (file:line, the source around it, the
 * traceback, the journal line that no longer applies) and R retries; a
 * workshop without --dev sees only a calm message. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "ui/ui_screens.h"

void reload_scenario(app *a)
{
    lh_diags d = {0};
    bh_err e;
    err_clear(&e);
    char buf[1400];
    bh_status st = play_reload(&a->game, &d, &e);
    lh_diags_free(&d);
    if (st == BH_OK) {
        a->reloads++;
        if (a->overlay == OV_ERROR || a->overlay == OV_DEV)
            a->overlay = OV_NONE; /* paused, as the error left it */
        char t[32];
        dur_stamp(sim_now(a->game.sim), t, sizeof t);
        snprintf(buf, sizeof buf, "Scenario reloaded; the journal was replayed to %s.", t);
        screen_toast(a, buf);
        return;
    }
    fprintf(stderr, "bulkhead: the scenario could not be reloaded: %s\n",
            err_format(&e, buf, sizeof buf));
    if (a->opts.dev) {
        a->reload_err = e;
        if (a->overlay == OV_NONE)
            a->speed_on_menu = a->game.speed;
        a->overlay = OV_DEV;
        play_set_speed(&a->game, 0);
        a->u.focus = 0;
    } else {
        screen_toast(a, "The scenario file was changed, but the new version does not run. The "
                        "game goes on with the version it had.");
    }
}

void reload_watch(app *a, double dt)
{
    a->watch_t += dt;
    if (a->watch_t < 0.5)
        return;
    a->watch_t = 0;
    if (play_files_changed(&a->game))
        reload_scenario(a);
}

/* Lines line-2 .. line+2 of `path`, the failing one marked. */
static void excerpt(const char *path, int line, char *out, size_t n)
{
    char *text = NULL;
    size_t len = 0, o = 0;
    bh_err e;
    out[0] = 0;
    if (line <= 0 || text_read_file(path, 4 << 20, &text, &len, &e) != BH_OK)
        return;
    int at = 1;
    for (char *p = text; *p && at <= line + 2 && o < n; at++) {
        char *nl = strchr(p, '\n');
        int w = nl ? (int)(nl - p) : (int)strlen(p);
        if (at >= line - 2)
            o += (size_t)snprintf(out + o, n - o, "%s%5d | %.*s\n", at == line ? ">" : " ", at,
                                  w > 160 ? 160 : w, p);
        p = nl ? nl + 1 : p + w;
    }
    free(text);
}

void reload_panel(app *a)
{
    ui *u = &a->u;
    u->layer = 2;
    const bh_err *e = &a->reload_err;
    int bh = u->line + 2 * u->gap;
    SDL_Rect in = screen_dialog(a, u->w * 17 / 20, u->h * 7 / 10,
                                "Developer: the new version does not run");
    char head[1400], src[2400], body[5000];
    err_format(e, head, sizeof head);
    excerpt(e->file, e->line, src, sizeof src);
    const char *what = e->status == BH_EJOURNAL
                           ? "The journal line above no longer applies to the new version (an "
                             "id was removed or renamed?)."
                           : "";
    snprintf(body, sizeof body, "%s\n\n%s%s%s\nThe last good version is still running. Fix "
                                "the file and save it (it is reloaded on its own), or press R "
                                "to retry.",
             head, src, src[0] ? "\n" : "", what);
    SDL_Rect view = {in.x, in.y, in.w, in.h - bh - u->pad};
    ui_scroll_begin(u, &a->sc_error, view);
    int h = ui_label(u, (SDL_Rect){in.x, in.y, in.w - 2 * u->gap, 0}, u->px_body, TC_TEXT, UI_WRAP,
                     body);
    h += screen_trace(a, in.x, in.y + h, in.w - 2 * u->gap, e->trace);
    ui_text_area(u, ui_id(u, "devtext"), (SDL_Rect){in.x, in.y, 1, h}, "Error text", NULL);
    ui_scroll_end(u, h);
    const char *retry = "Retry [R]", *keep = "Keep playing the last good version [Esc]";
    int rw = screen_button_w(a, retry), kw = screen_button_w(a, keep);
    int y = in.y + in.h - bh;
    if (ui_button(u, ui_id(u, "devretry"), (SDL_Rect){in.x, y, rw, bh}, retry, SDLK_r, NULL)) {
        reload_scenario(a);
        return;
    }
    if (ui_button(u, ui_id(u, "devkeep"), (SDL_Rect){in.x + in.w - kw, y, kw, bh}, keep,
                  SDLK_ESCAPE, NULL)) {
        a->overlay = OV_NONE;
        play_set_speed(&a->game, a->speed_on_menu);
        u->focus = 0;
    }
}
