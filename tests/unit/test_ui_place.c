/* test_ui_place: where the projector goes, on made-up display lists (SDL's
 * test drivers show only one display, so the rules are tested here on the
 * pure function: one display, two side by side, two stacked, three, a
 * mirrored pair, Wayland, the console on the second display, a requested
 * display out of range, and the key that moves it along). */
#include "check.h"
#include "ui/ui_place.h"

static place_display disp(int x, int y, int w, int h, const char *name)
{
    place_display d = {.bounds = {x, y, w, h}, .usable = {x, y + 32, w, h - 32}};
    snprintf(d.name, sizeof d.name, "%s", name);
    d.primary = x == 0 && y == 0;
    return d;
}

static place_out place(const place_display *d, int n, int console, int wayland, int requested)
{
    place_in in = {.d = d, .n = n, .console = console, .wayland = wayland,
                   .requested = requested};
    place_out o;
    place_projector(&in, &o);
    return o;
}

/* The placement `o` is on display `disp`, full-screen or not. */
#define WANT(o, disp, full)                                                 \
    do {                                                                    \
        CHECK_INT((o).display, disp);                                       \
        CHECK_INT((o).fullscreen, full);                                    \
    } while (0)

static void test_one_display(void)
{
    place_display d[] = {disp(0, 0, 1920, 1080, "eDP-1")};
    place_out o = place(d, 1, 0, 0, -1);
    WANT(o, 0, 0);     /* a window the facilitator can drag */
    CHECK_INT(o.mirrored, 0);
    CHECK_STR(o.warning, "");
    CHECK_INT(o.win.w, 1280);
    CHECK_INT(o.win.h, 720);
    /* offset from the corner of the usable area, not over the console's spot */
    CHECK_INT(o.win.x, 48);
    CHECK_INT(o.win.y, 32 + 48);
    /* a small laptop screen: the window shrinks to fit inside it */
    place_display s[] = {disp(0, 0, 1024, 600, "small")};
    o = place(s, 1, 0, 0, -1);
    CHECK(o.win.x + o.win.w <= 1024 && o.win.y + o.win.h <= 600);
    CHECK(o.win.w >= 320 && o.win.h >= 240);
    /* SDL could not list the displays: still a window */
    o = place(NULL, 0, 0, 0, -1);
    WANT(o, 0, 0);
}

static void test_two_side_by_side(void)
{
    place_display d[] = {disp(0, 0, 1920, 1080, "laptop"), disp(1920, 0, 1280, 720, "HDMI")};
    place_out o = place(d, 2, 0, 0, -1);
    WANT(o, 1, 1);
    CHECK_INT(o.console, 0);
    CHECK_INT(o.mirrored, 0);
    CHECK_STR(o.warning, "");
}

static void test_two_stacked(void)
{
    place_display d[] = {disp(0, 0, 1920, 1080, "laptop"), disp(0, 1080, 1920, 1080, "above")};
    place_out o = place(d, 2, 0, 0, -1);
    WANT(o, 1, 1);
    CHECK_INT(o.mirrored, 0);   /* same size, other origin: not a mirror */
}

static void test_console_on_second(void)
{
    place_display d[] = {disp(0, 0, 1920, 1080, "HDMI"), disp(1920, 0, 1920, 1080, "laptop")};
    place_out o = place(d, 2, 1, 0, -1);
    WANT(o, 0, 1);
    CHECK_INT(o.console, 1);
    /* a console index SDL got wrong is not trusted: the primary display */
    o = place(d, 2, 7, 0, -1);
    CHECK_INT(o.console, 0);
    CHECK_INT(o.display, 1);
    d[0].primary = 0;
    d[1].primary = 1;
    o = place(d, 2, -1, 0, -1);
    CHECK_INT(o.console, 1);
    CHECK_INT(o.display, 0);
}

static void test_three(void)
{
    place_display d[] = {disp(0, 0, 1920, 1080, "a"), disp(1920, 0, 1920, 1080, "b"),
                         disp(3840, 0, 1920, 1080, "c")};
    place_out o = place(d, 3, 1, 0, -1);
    WANT(o, 0, 1);    /* the first that is not the console's */
    o = place(d, 3, 0, 0, 2);   /* asked for: used */
    WANT(o, 2, 1);
    o = place(d, 3, 0, 0, 0);   /* asked for the console's own: a window there */
    WANT(o, 0, 0);
    place_in in = {.d = d, .n = 3, .console = 0, .requested = -1};
    CHECK_INT(place_next(&in, 1), 2);
    CHECK_INT(place_next(&in, 2), 0);
    CHECK_INT(place_next(&in, 0), 1);
}

static void test_mirrored(void)
{
    place_display d[] = {disp(0, 0, 1920, 1080, "eDP-1"), disp(0, 0, 1920, 1080, "HDMI-1")};
    place_out o = place(d, 2, 0, 0, -1);
    CHECK_INT(o.mirrored, 1);
    CHECK_INT(o.mirror_of, 1);
    CHECK_HAS(o.warning, "HDMI-1 mirrors eDP-1");
    CHECK_HAS(o.warning, "Extend, not Mirror");
    /* full-screen on the mirror would cover the console: a window instead */
    WANT(o, 0, 0);
    /* a third, extended display: the projector goes there, still a warning */
    place_display t[] = {disp(0, 0, 1920, 1080, "eDP-1"), disp(0, 0, 1920, 1080, "HDMI-1"),
                         disp(1920, 0, 1280, 720, "DP-2")};
    o = place(t, 3, 0, 0, -1);
    WANT(o, 2, 1);
    CHECK_INT(o.mirrored, 1);
    /* the key skips the mirror: from the console's display straight to DP-2 */
    place_in in = {.d = t, .n = 3, .console = 0, .requested = -1};
    CHECK_INT(place_next(&in, 0), 2);
    CHECK_INT(place_next(&in, 2), 0);
    /* same size, different origin is not a mirror; same origin, other size neither */
    place_display u[] = {disp(0, 0, 1920, 1080, "a"), disp(0, 0, 1280, 720, "b")};
    o = place(u, 2, 0, 0, -1);
    CHECK_INT(o.mirrored, 0);
    /* unnamed displays are named by number */
    place_display v[] = {disp(0, 0, 800, 600, ""), disp(0, 0, 800, 600, "")};
    o = place(v, 2, 0, 0, -1);
    CHECK_HAS(o.warning, "display 2 mirrors display 1");
}

static void test_wayland(void)
{
    place_display d[] = {disp(0, 0, 1920, 1080, "laptop"), disp(1920, 0, 1920, 1080, "proj")};
    place_out o = place(d, 2, 0, 1, -1);
    WANT(o, 1, 1);
    /* asked for the console's display: Wayland cannot place a window, so
     * full-screen there as asked */
    o = place(d, 2, 0, 1, 0);
    WANT(o, 0, 1);
    /* the only display: a window (full-screen would hide the console) */
    o = place(d, 1, 0, 1, -1);
    CHECK_INT(o.fullscreen, 0);
}

static void test_requested_out_of_range(void)
{
    place_display d[] = {disp(0, 0, 1920, 1080, "laptop"), disp(1920, 0, 1920, 1080, "proj")};
    place_out o = place(d, 2, 0, 0, 5);
    WANT(o, 1, 1);   /* automatic */
    o = place(d, 2, 0, 0, -3);
    CHECK_INT(o.display, 1);
    place_in in = {.d = d, .n = 2, .console = 0, .requested = -1};
    CHECK_INT(place_next(&in, 9), 1);
    in.n = 1;
    CHECK_INT(place_next(&in, 0), 0);
}

int main(int argc, char **argv)
{
    static const check_case cases[] = {
        {"one_display", test_one_display},
        {"two_side_by_side", test_two_side_by_side},
        {"two_stacked", test_two_stacked},
        {"console_on_second", test_console_on_second},
        {"three", test_three},
        {"mirrored", test_mirrored},
        {"wayland", test_wayland},
        {"requested_out_of_range", test_requested_out_of_range},
        {NULL, NULL}};
    return check_main(argc, argv, cases);
}
