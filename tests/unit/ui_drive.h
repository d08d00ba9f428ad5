/* ui_drive: driving the game headless from a test, as a player would:
 * keys and typed text pushed into SDL's queue, clicks on a control found
 * by its label (ui_find), Tab until a control has the focus. Each call
 * runs the frames it needs with dt = 0, so the clock does not move.
 * Shared by the UI tests (static: each test file has its own copy). */
#ifndef UI_DRIVE_H
#define UI_DRIVE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "ui/ui_app.h"
#include "check_workshop.h" /* cw_click_at; after check.h */

__attribute__((unused)) static void push_key(SDL_Keycode k, Uint16 mod, int repeat)
{
    SDL_Event e = {0};
    e.type = SDL_KEYDOWN;
    e.key.keysym.sym = k;
    e.key.keysym.mod = mod;
    e.key.repeat = (Uint8)repeat;
    SDL_PushEvent(&e);
}

__attribute__((unused)) static void key(app *a, SDL_Keycode k)
{
    push_key(k, 0, 0);
    app_frame(a, 0);
}

/* Text typed into whatever has the keyboard (SDL_TEXTINPUT). */
__attribute__((unused)) static void type_text(app *a, const char *text)
{
    SDL_Event e = {0};
    e.type = SDL_TEXTINPUT;
    snprintf(e.text.text, sizeof e.text.text, "%s", text);
    SDL_PushEvent(&e);
    app_frame(a, 0);
}

/* Click the control whose label starts with `label`; 0 when it is not on
 * screen or scrolled out of view. Two frames first: what the last input
 * changed is laid out, and a panel whose content shrank has settled its
 * scroll offset (that takes a frame). */
__attribute__((unused)) static int click(app *a, const char *label)
{
    app_frame(a, 0);
    app_frame(a, 0);
    const ui_control *c = ui_find(&a->u, label);
    if (!c || !c->visible) {
        fprintf(stderr, "no control labelled '%s' %s\n", label,
                c ? "in view (scrolled away)" : "on screen");
        return 0;
    }
    cw_click_at(a, 0, c->r.x + c->r.w / 2, c->r.y + c->r.h / 2); /* id 0: the console */
    return 1;
}

__attribute__((unused)) static const char *focused_label(const app *a)
{
    for (int i = 0; i < a->u.nctl; i++)
        if (a->u.ctl[i].id == a->u.focus)
            return a->u.ctl[i].label;
    return "";
}

/* Tab through the controls until one labelled `label` has the focus. */
__attribute__((unused)) static int tab_to(app *a, const char *label)
{
    for (int i = 0; i < 300; i++) {
        if (strncmp(focused_label(a), label, strlen(label)) == 0)
            return 1;
        key(a, SDLK_TAB);
    }
    fprintf(stderr, "Tab never reached '%s'\n", label);
    return 0;
}

/* Was a string containing `needle` drawn on the console (it is in the
 * text cache)? */
__attribute__((unused)) static int ui_drawn(const app *a, const char *needle)
{
    const ui_text_cache *c = &a->u.text;
    for (int i = 0; i < c->cap; i++)
        if (c->e[i].text && strstr(c->e[i].text, needle))
            return 1;
    return 0;
}

/* The session's journal as it is on disk (the caller frees it), or NULL. */
__attribute__((unused)) static char *journal_text(const app *a)
{
    char *t = NULL;
    size_t n;
    bh_err e;
    if (text_read_file(a->game.journal_path, 1 << 20, &t, &n, &e) != BH_OK)
        return NULL;
    return t;
}

/* Is the journal still `before` (which this frees)? */
__attribute__((unused)) static int journal_unchanged(const app *a, char *before)
{
    char *now = journal_text(a);
    int same = before && now && strcmp(before, now) == 0;
    free(before);
    free(now);
    return same;
}

#endif
