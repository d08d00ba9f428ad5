/* ui_ops_parts: what the operations room's panels share: sending a
 * player's input to the session (a refusal becomes a toast), the speed
 * buttons' memory, the time stamp on messages and chips, and the short
 * words and icons for channels and system states. */
#include <stdio.h>

#include "ui/ui_ops.h"

const char *ops_channel_tag(bh_channel c)
{
    static const char *tags[CH__COUNT] = {"EMAIL", "PHONE", "NEWS", "SOCIAL", "REGULATOR",
                                          "INTERNAL"};
    return tags[c];
}

const char *ops_status_word(bh_status_word s)
{
    static const char *w[ST__COUNT] = {"Online", "Degraded", "Compromised", "Encrypted",
                                       "Isolated", "Offline", "Restoring"};
    return s < ST__COUNT ? w[s] : "?";
}

ui_icon_kind ops_status_icon(bh_status_word s)
{
    static const ui_icon_kind k[ST__COUNT] = {ICON_CHECK, ICON_WARN, ICON_CROSS, ICON_LOCK,
                                              ICON_BLOCK, ICON_OFF, ICON_CYCLE};
    return s < ST__COUNT ? k[s] : ICON_DOT;
}

ui_theme_color ops_status_color(bh_status_word s)
{
    switch (s) {
    case ST_ONLINE: return TC_GOOD;
    case ST_DEGRADED: case ST_ISOLATED: case ST_RESTORING: case ST_OFFLINE: return TC_WARNING;
    default: return TC_BAD;
    }
}

void ops_stamp(const play *g, bh_time t, char *buf, size_t n)
{
    char c[32];
    cal_format_short(sim_defs(g->sim)->scenario.start_epoch + t, c, sizeof c);
    snprintf(buf, n, "%s", c);
}

static void refuse(app *a, const bh_err *e)
{
    char buf[1200];
    screen_toast(a, err_format(e, buf, sizeof buf));
}

bh_status ops_send(app *a, bh_input_kind kind, int x, int y)
{
    bh_input in = {.kind = kind, .a = x, .b = y, .text = a->note};
    bh_err e;
    err_clear(&e);
    bh_status st = play_input(&a->game, &in, &e);
    /* a refusal, or a journal that could not be written: say so. A script
     * error stops the session and the error panel shows it instead. */
    if (st != BH_OK && !a->game.failed)
        refuse(a, &e);
    return st;
}

void ops_set_speed(app *a, int s)
{
    play_set_speed(&a->game, s);
    if (s)
        a->speed_before_pause = s;
}

