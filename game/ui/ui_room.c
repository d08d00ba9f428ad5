/* ui_room: the room server in the app (issue 14). The server runs on its
 * own thread (game/room/srv.c) and never touches the session: each frame
 * the main loop, which builds the room view model for the projector
 * anyway (ui_workshop.c), hands the same model here when the room's view
 * changed, and it is published as JSON (rv_json). Here too: below the
 * console's "Room" control (a button among the projector's, ui_facil.c),
 * the addresses to open and the room code while it is on, or why it
 * could not start. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "room/rv_json.h"
#include "ui/ui_facil.h"

int app_room_start(app *a)
{
    app_room *r = &a->room;
    if (r->srv)
        return 1;
    srv_opts o;
    srv_opts_default(&o);
    if (a->opts.room_bind)
        o.bind = a->opts.room_bind;
    o.port = a->opts.room_port >= 0 ? a->opts.room_port : SRV_DEFAULT_PORT;
    o.assets = a->assets_dir;
    bh_err e;
    err_clear(&e);
    r->error[0] = 0;
    if (srv_room_code(r->code, &e) != BH_OK || srv_start(&r->srv, &o, &e) != BH_OK) {
        snprintf(r->error, sizeof r->error, "The room server is off: %s", e.msg);
        fprintf(stderr, "bulkhead: warning: %s\n", r->error);
        r->srv = NULL;
        return 0;
    }
    r->published = 0;
    r->nurls = srv_urls(r->srv, r->urls, APP_ROOM_URLS);
    /* on stdout, for the facilitator's terminal and for scripts: the
     * port (chosen by the system after --port 0) on a line of its own */
    printf("Room: on, listening on %s port %d, room code %s\n", srv_bind(r->srv),
           srv_port(r->srv), r->code);
    for (int i = 0; i < r->nurls; i++)
        printf("Room: phones open %s\n", r->urls[i]);
    if (!r->nurls)
        printf("Room: this computer has no network yet: phones cannot reach it\n");
    fflush(stdout);
    return 1;
}

void app_room_stop(app *a)
{
    app_room *r = &a->room;
    if (!r->srv)
        return;
    srv_stop(r->srv);
    r->srv = NULL;
    r->published = 0;
    r->nurls = 0;
    printf("Room: off\n");
    fflush(stdout);
}

int app_room_due(const app *a)
{
    const app_room *r = &a->room;
    if (!r->srv || !a->playing || !a->game.sim)
        return 0;
    return !r->published || r->serial != sim_serial(a->game.sim) ||
           r->version != sim_version(a->game.sim) || r->speed != a->game.speed ||
           r->started != a->started || memcmp(&r->show, &a->show, sizeof r->show) != 0;
}

void app_room_publish(app *a, const rv_model *m)
{
    app_room *r = &a->room;
    if (!r->srv)
        return;
    size_t n = 0;
    char *t = rv_json_text(m, &n);
    bh_err e;
    /* out of memory: the phones keep the last state, and the next frame
     * tries again (published stays 0) */
    if (t && srv_publish(r->srv, t, n, &e) == BH_OK) {
        r->published = 1;
        r->serial = sim_serial(a->game.sim);
        r->version = sim_version(a->game.sim);
        r->speed = a->game.speed;
        r->started = a->started;
        r->show = a->show;
    }
    free(t);
}

void app_room_idle(app *a)
{
    app_room *r = &a->room;
    if (!r->srv)
        return;
    bh_err e;
    srv_publish_holding(r->srv, &e); /* out of memory: the last state stays */
    r->published = 0; /* the next session publishes at once */
}

/* ---- on the console ---- */

int facil_room(app *a, SDL_Rect area)
{
    ui *u = &a->u;
    app_room *r = &a->room;
    int y = area.y;
    char line[SRV_URL_MAX + 64];
    if (r->srv) {
        for (int i = 0; i < r->nurls; i++) {
            snprintf(line, sizeof line, "Phones open %s", r->urls[i]);
            y += facil_para(a, area.x, y, area.w, u->px_body, TC_TEXT, line);
        }
        if (!r->nurls)
            y += facil_para(a, area.x, y, area.w, u->px_body, TC_WARNING,
                            "No network: phones cannot reach this computer yet.");
        snprintf(line, sizeof line, "Room code: %s (port %d)", r->code, srv_port(r->srv));
        y += facil_para(a, area.x, y, area.w, u->px_body, TC_ACCENT, line);
    } else if (r->error[0]) {
        y += facil_para(a, area.x, y, area.w, u->px_small, TC_BAD, r->error);
    }
    return y > area.y ? y - area.y + u->pad : 0;
}
