/* ui_place: where a workshop's projector window goes, as a pure function.
 *
 * The input is a list of displays as SDL reports them (bounds, usable
 * bounds, name), the display the console is on, whether the video driver
 * is Wayland, and the display the facilitator asked for (-1: automatic).
 * The output says which display the projector goes on, full-screen or as a
 * window the facilitator can drag (with its rectangle), and whether two
 * displays mirror each other, in which case the room would see the console
 * and the console must say so. No SDL here: SDL's test drivers show only
 * one display, so the rules are unit-tested on made-up lists
 * (tests/unit/test_ui_place.c), and ui_workshop.c feeds them SDL's. */
#ifndef UI_PLACE_H
#define UI_PLACE_H

#define PLACE_MAX_DISPLAYS 16

typedef struct place_rect {
    int x, y, w, h;
} place_rect;

typedef struct place_display {
    place_rect bounds;  /* the whole display in the desktop's coordinates */
    place_rect usable;  /* without panels and docks; w == 0: same as bounds */
    char name[64];
    int primary;
} place_display;

typedef struct place_in {
    const place_display *d;
    int n;              /* displays in d (at most PLACE_MAX_DISPLAYS are looked at) */
    int console;        /* the display the console window is on; out of range (SDL
                         * could not say): the primary display, else the first */
    int wayland;        /* Wayland cannot place windows: full-screen only */
    int requested;      /* the display asked for, -1 (or out of range): automatic */
    int win_w, win_h;   /* the window size wanted when it is a window (0: 1280x720) */
} place_in;

typedef struct place_out {
    int display;        /* where the projector goes */
    int fullscreen;     /* 1: full-screen on it (SDL_WINDOW_FULLSCREEN_DESKTOP) */
    place_rect win;     /* the window's rectangle when not full-screen */
    int console;        /* the console's display, as used */
    int mirrored;       /* the console's display is mirrored: the room sees it */
    int mirror_of;      /* the display mirroring the console's, or -1 */
    char warning[300];  /* what the console should say, "" when all is well */
} place_out;

/* Where the projector goes (see the header comment for the rules). */
void place_projector(const place_in *in, place_out *out);
/* The display after `current` for the key that moves the projector along,
 * skipping displays that mirror one already passed; wraps round. */
int place_next(const place_in *in, int current);

#endif
