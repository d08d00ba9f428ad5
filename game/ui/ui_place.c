/* ui_place: where the projector window goes (see ui_place.h). The rules,
 * in order:
 *  - the console is where SDL says, or on the primary display when SDL
 *    cannot say;
 *  - displays with the same origin and size mirror each other; when one
 *    mirrors the console's, the room sees the console: warn, naming the fix;
 *  - a display asked for (the key that moves the projector) is used as
 *    asked: full-screen, except on the console's own display (or its
 *    mirror), where the projector is a window so the console stays usable,
 *    and except on Wayland, where it is always full-screen;
 *  - otherwise the first display that is neither the console's nor its
 *    mirror gets the projector full-screen;
 *  - with none (one display, or only a mirror), a window the facilitator
 *    can drag, offset from the console's corner. Wayland too: full-screen
 *    there would hide the console on the only screen, and Wayland's limit
 *    is placing windows, not having them (the compositor places it). */
#include "ui/ui_place.h"

#include <stdio.h>
#include <string.h>

/* How far a projector window sits in from the display's usable corner. */
#define PLACE_OFFSET 48

static int same_rect(place_rect a, place_rect b)
{
    return a.x == b.x && a.y == b.y && a.w == b.w && a.h == b.h;
}

static int count(const place_in *in)
{
    if (in->n < 0)
        return 0;
    return in->n > PLACE_MAX_DISPLAYS ? PLACE_MAX_DISPLAYS : in->n;
}

static const char *name_of(const place_in *in, int k, char *buf, size_t n)
{
    if (in->d[k].name[0])
        snprintf(buf, n, "%s", in->d[k].name);
    else
        snprintf(buf, n, "display %d", k + 1);
    return buf;
}

/* A draggable window on display k, offset from its usable corner. */
static void window_on(const place_in *in, int k, place_out *out)
{
    int w = in->win_w > 0 ? in->win_w : 1280, h = in->win_h > 0 ? in->win_h : 720;
    place_rect u = {0, 0, 1280, 720};
    if (k < count(in)) {
        u = in->d[k].usable.w > 0 ? in->d[k].usable : in->d[k].bounds;
    }
    if (w > u.w - 2 * PLACE_OFFSET)
        w = u.w - 2 * PLACE_OFFSET;
    if (h > u.h - 2 * PLACE_OFFSET)
        h = u.h - 2 * PLACE_OFFSET;
    if (w < 320)
        w = u.w < 320 ? u.w : 320;
    if (h < 240)
        h = u.h < 240 ? u.h : 240;
    out->display = k;
    out->fullscreen = 0;
    out->win = (place_rect){u.x + PLACE_OFFSET, u.y + PLACE_OFFSET, w, h};
}

static void full_on(int k, place_out *out)
{
    out->display = k;
    out->fullscreen = 1;
    out->win = (place_rect){0, 0, 0, 0};
}

void place_projector(const place_in *in, place_out *out)
{
    memset(out, 0, sizeof *out);
    out->mirror_of = -1;
    int n = count(in);
    if (n == 0) { /* SDL could not list the displays: a window, as with one */
        window_on(in, 0, out);
        return;
    }
    int c = in->console;
    if (c < 0 || c >= n) { /* SDL could not say: the console is on the primary */
        c = 0;
        for (int k = n - 1; k >= 0; k--)
            if (in->d[k].primary)
                c = k;
    }
    out->console = c;
    for (int k = 0; k < n; k++)
        if (k != c && same_rect(in->d[k].bounds, in->d[c].bounds)) {
            out->mirrored = 1;
            out->mirror_of = k;
            char a[64], b[64];
            snprintf(out->warning, sizeof out->warning,
                     "%s mirrors %s, so the room would see this console. Set your displays "
                     "to Extend, not Mirror, in the system's display settings, then press F7.",
                     name_of(in, k, a, sizeof a), name_of(in, c, b, sizeof b));
            break;
        }
    int r = in->requested;
    if (r >= 0 && r < n) {
        if (in->wayland || !same_rect(in->d[r].bounds, in->d[c].bounds))
            full_on(r, out);
        else
            window_on(in, c, out);
        return;
    }
    for (int k = 0; k < n; k++)
        if (!same_rect(in->d[k].bounds, in->d[c].bounds)) {
            full_on(k, out);
            return;
        }
    window_on(in, c, out);
}

int place_next(const place_in *in, int current)
{
    int n = count(in);
    if (n <= 1)
        return 0;
    int k = current < 0 || current >= n ? 0 : current;
    for (int step = 0; step < n; step++) {
        k = (k + 1) % n;
        int dup = 0;
        for (int j = 0; j < k && !dup; j++)
            dup = same_rect(in->d[j].bounds, in->d[k].bounds);
        if (!dup)
            return k;
    }
    return k;
}
