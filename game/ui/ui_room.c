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
    o.code = r->code; /* filled below before the server starts */
    bh_err e;
    err_clear(&e);
    r->error[0] = 0;
    /* the same code all along: switching the room off and on again does
     * not make the room type a new one */
    if ((!r->code[0] && srv_room_code(r->code, &e) != BH_OK) ||
        srv_start(&r->srv, &o, &e) != BH_OK) {
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
    app_room_load_roster(a); /* switched on again mid-session: the same phones */
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
    /* the phones are gone with the port: their tally and list too (what
     * they voted on closed decisions is in the journal) */
    free(r->roster);
    r->roster = NULL;
    r->waiting_for = NULL;
    r->roster_taken = 0;
    r->members_saved = UINT64_MAX;
    tally_free(&r->tally);
    a->show.reveal = 0;
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
    r->members_saved = UINT64_MAX; /* and writes its own JOURNAL.phones */
}

/* ---- on the console ---- */

static const char *role_label(const app *a, int role)
{
    const bh_defs *d = sim_defs(a->game.sim);
    return role >= 0 && (size_t)role < d->nteams ? d->teams[role].label : "Observer";
}

/* "Self-test: open http://.../t on your own phone", then whether a phone
 * got through: the facilitator learns before the room arrives that guest
 * Wi-Fi keeps phones from the laptop. */
static int selftest(app *a, int x, int y, int w)
{
    ui *u = &a->u;
    app_room *r = &a->room;
    int y0 = y;
    char line[SRV_URL_MAX + 160];
    if (r->roster && r->roster->selftests > 0) {
        snprintf(line, sizeof line, "Self-test: connected. A phone reached this laptop from %s.",
                 r->roster->selftest_from[0] ? r->roster->selftest_from : "the network");
        y += facil_para(a, x, y, w, u->px_small, TC_GOOD, line);
    } else if (r->nurls) {
        snprintf(line, sizeof line,
                 "Self-test: open %st on your own phone, on the room's Wi-Fi. Waiting for it...",
                 r->urls[0]);
        y += facil_para(a, x, y, w, u->px_small, TC_TEXT_DIM, line);
    }
    return y - y0;
}

/* Who joined, by role: "IT & security (3): Ann, Bo, and 1 more". */
static int joined(app *a, int x, int y, int w)
{
    ui *u = &a->u;
    const srv_room *m = a->room.roster;
    int y0 = y, nroles = (int)sim_defs(a->game.sim)->nteams + 1;
    char line[600];
    snprintf(line, sizeof line, "Phones joined: %d", m ? m->nphones : 0);
    y += facil_para(a, x, y, w, u->px_body, TC_TEXT, line);
    for (int role = 0; m && role < nroles; role++) {
        int n = 0, named = 0, len = 0;
        for (int i = 0; i < m->nphones; i++)
            n += m->phones[i].role == role;
        if (!n)
            continue;
        len = snprintf(line, sizeof line, "%s (%d)", role_label(a, role == nroles - 1 ? -1 : role),
                       n);
        for (int i = 0; i < m->nphones && len > 0 && (size_t)len < sizeof line - 80; i++) {
            const srv_phone *p = &m->phones[i];
            if (p->role != role || !p->name[0])
                continue;
            len += snprintf(line + len, sizeof line - (size_t)len, "%s%s", named ? ", " : ": ",
                            p->name);
            named++;
        }
        y += facil_para(a, x + u->pad, y, w - u->pad, u->px_small, TC_TEXT_DIM, line);
    }
    return y - y0;
}

/* The live tally of the decision on show, by option and role, with the
 * facilitator's two moves: reveal it to the room, and commit the room's
 * majority as the choice. */
static int votes(app *a, int x, int y, int w)
{
    ui *u = &a->u;
    app_room *r = &a->room;
    const bh_tally *t = &r->tally;
    const bh_defs *d = sim_defs(a->game.sim);
    if (!t->votes || t->decision < 0 || (size_t)t->decision >= d->ndecisions)
        return 0;
    const bh_decision_def *dd = &d->decisions[t->decision];
    tally_sum s;
    tally_sum_of(t, -1, &s);
    int y0 = y, bh = u->line + 2 * u->gap;
    char line[700];
    snprintf(line, sizeof line, "Votes: %d of %d phones", s.voters, s.joined);
    y += facil_para(a, x, y, w, u->px_body, TC_ACCENT, line);
    for (int o = 0; o < t->noptions; o++) {
        int len = snprintf(line, sizeof line, "%c %s: %d", 'A' + o, dd->options[o].label,
                           s.by_option[o]);
        const char *sep = "  —  ";
        for (int role = 0; role < t->nroles && len > 0 && (size_t)len < sizeof line - 80; role++) {
            int n = 0;
            for (int c = 0; c < TALLY_CONF; c++)
                n += *tally_cell(t, role, o, c);
            if (!n)
                continue;
            len += snprintf(line + len, sizeof line - (size_t)len, "%s%s %d", sep,
                            role_label(a, role == TALLY_OBSERVER(t) ? -1 : role), n);
            sep = ", ";
        }
        y += facil_para(a, x + u->pad, y, w - u->pad, u->px_small,
                        s.top == o ? TC_ACCENT : TC_TEXT, line);
    }
    if (s.voters) {
        snprintf(line, sizeof line, "%s %d%%  ·  confidence: %d high, %d medium, %d low",
                 s.unified ? "Unified:" : "Split:", (int)(s.share * 100 + 0.5),
                 s.by_conf[TALLY_HIGH], s.by_conf[TALLY_MEDIUM], s.by_conf[TALLY_LOW]);
        y += facil_para(a, x + u->pad, y, w - u->pad, u->px_small,
                        s.unified ? TC_GOOD : TC_WARNING, line);
    }
    y += u->gap;
    const char *rev = a->show.reveal ? "Hide the vote" : "Show the vote on the projector";
    if (facil_button(a, ui_id(u, "froomreveal"), (SDL_Rect){x, y, w, bh}, rev,
                     "The room sees the tally on the projector and their phones; by role, "
                     "never by name."))
        a->show.reveal = !a->show.reveal;
    y += bh + u->gap;
    if (s.top >= 0) {
        snprintf(line, sizeof line, "Commit %c: %s (the room's majority)", 'A' + s.top,
                 dd->options[s.top].label);
        if (facil_button(a, ui_id(u, "froomcommit"), (SDL_Rect){x, y, w, bh}, line,
                         "Choose this option now, as the room voted. The tally is journaled "
                         "first."))
            app_room_commit(a, t->decision, s.top);
        y += bh + u->gap;
    } else if (s.voters) {
        y += facil_para(a, x, y, w, u->px_small, TC_TEXT_DIM,
                        "No majority: a tie. Choose on the decision as the room agrees.");
    }
    return y - y0;
}

/* The proposals' queue: what the room asked for, by how many, with a
 * button that starts it (one click) and one that sets it aside. */
static int proposals(app *a, int x, int y, int w)
{
    ui *u = &a->u;
    app_room *r = &a->room;
    const bh_defs *d = sim_defs(a->game.sim);
    if (!r->nprops)
        return 0;
    int y0 = y, bh = u->line + 2 * u->gap;
    y += facil_para(a, x, y, w, u->px_body, TC_ACCENT, "Proposals from the room");
    for (int i = 0; i < r->nprops; i++) {
        app_room_prop *q = &r->props[i];
        if (q->action < 0 || (size_t)q->action >= d->nactions)
            continue;
        char line[600];
        int len = snprintf(line, sizeof line, "%s: %d asked", d->actions[q->action].label,
                           q->people);
        for (int k = 0; k < q->nroles && len > 0 && (size_t)len < sizeof line - 80; k++)
            len += snprintf(line + len, sizeof line - (size_t)len, "%s%s %d",
                            k ? ", " : "  —  ",
                            role_label(a, q->role[k] == (int)d->nteams ? -1 : q->role[k]),
                            q->count[k]);
        y += facil_para(a, x, y, w, u->px_small, TC_TEXT, line);
        int aside = screen_button_w(a, "Set aside"), half = w - aside - u->gap;
        char lab[300];
        snprintf(lab, sizeof lab, "Start %s", d->actions[q->action].label);
        if (facil_button(a, ui_idn(u, "fpropstart", q->action), (SDL_Rect){x, y, half, bh}, lab,
                         "Start this action now, as the room proposed.")) {
            bh_input in = {.kind = IN_START, .a = q->action};
            facil_send(a, &in); /* a refusal says why on the panel */
        }
        if (facil_button(a, ui_idn(u, "fpropdrop", q->action),
                         (SDL_Rect){x + half + u->gap, y, w - half - u->gap, bh}, "Set aside",
                         "Take it off the queue (it stays in the journal and the report).")) {
            memmove(&r->props[i], &r->props[i + 1], sizeof *q * (size_t)(r->nprops - i - 1));
            r->nprops--;
            i--;
        }
        y += bh + u->gap;
    }
    return y - y0;
}

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
        if (a->playing && a->game.sim) {
            y += selftest(a, area.x, y, area.w) + u->gap;
            y += joined(a, area.x, y, area.w) + u->gap;
            y += votes(a, area.x, y, area.w);
            y += proposals(a, area.x, y, area.w);
        }
    }
    if (r->error[0])
        y += facil_para(a, area.x, y, area.w, u->px_small, TC_BAD, r->error);
    return y > area.y ? y - area.y + u->pad : 0;
}
