/* ui_room_sync: the room's phones in the app, each frame (issue 14). The
 * server (game/room/srv*.c) holds who joined and how each phone voted; it
 * never touches the session. Here, on the main loop, the only writer:
 *   - a copy of the phones is taken when the server says something
 *     changed, and the tally of the decision on show is rebuilt from it
 *     (the console draws it; the projector and the phones get it only
 *     when the facilitator reveals it);
 *   - the proposals the phones queued are journaled (`proposal`, one line
 *     per action and role per frame) and kept in the console's queue;
 *   - just before a decision closes (a choice, or the deadline's default:
 *     play.h before_close), voting on it is closed at the server and its
 *     tally journaled (`vote`), so the journal holds what the room said
 *     ahead of what was chosen, every accepted vote counted once;
 *   - the phones' tokens go in a file beside the journal (JOURNAL.phones)
 *     whenever someone joins or leaves, so that a resumed workshop keeps
 *     its room: a token is state, never a journal line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/session.h"
#include "core/text.h"
#include "room/rv_json.h"
#include "room/rv_model.h"
#include "script/lh_host.h"
#include "ui/play_internal.h"
#include "ui/ui_facil.h"

/* Counts the phones' votes on decision d into r->tally (reshaped when the
 * decision changed). 0 when there is no decision or no memory. */
static int build_tally(app *a, int d)
{
    app_room *r = &a->room;
    const bh_defs *defs = sim_defs(a->game.sim);
    if (d < 0 || (size_t)d >= defs->ndecisions || !r->roster) {
        tally_free(&r->tally);
        return 0;
    }
    int no = (int)defs->decisions[d].noptions;
    if (r->tally.decision != d || r->tally.noptions != no ||
        r->tally.nroles != (int)defs->nteams + 1 || !r->tally.votes) {
        tally_free(&r->tally);
        bh_err e;
        if (tally_init(&r->tally, d, (int)defs->nteams, no, &e) != BH_OK)
            return 0;
    }
    tally_clear(&r->tally);
    for (int i = 0; i < r->roster->nphones; i++) {
        const srv_phone *p = &r->roster->phones[i];
        if (p->role < 0 || p->role >= r->tally.nroles)
            continue;
        r->tally.joined[p->role]++;
        if (p->vote_decision == d)
            tally_add(&r->tally, p->role, p->vote_option, p->vote_conf, 1);
    }
    return 1;
}

/* The phones' tokens beside the journal; best effort (a full disk costs
 * the phones a rejoin after a crash, never the session). */
static void save_roster(app *a)
{
    app_room *r = &a->room;
    /* only when who is in the room changed since the last write (votes do
     * not touch the file), and not before the file of a resumed session is
     * read: the empty room of a server just started would overwrite it */
    if (!r->srv || !a->playing || !a->game.journal_path[0] || r->roster_pending ||
        !r->roster || r->roster->members == r->members_saved)
        return;
    char path[PLAY_PATH_MAX + 16];
    if (snprintf(path, sizeof path, "%s.phones", a->game.journal_path) >= (int)sizeof path)
        return;
    char *t = srv_roster_save(r->srv);
    bh_err e;
    if (t && play_write_atomic(path, t, &e) == BH_OK)
        r->members_saved = r->roster->members;
    else if (t) /* tried again at the next frame's look */
        fprintf(stderr, "bulkhead: warning: %s\n", e.msg);
    free(t);
}

void app_room_load_roster(app *a)
{
    /* the server checks each phone's role against the published state:
     * the file is read once the session's first state is out */
    a->room.roster_pending = 1;
}

static void load_roster(app *a)
{
    a->room.roster_pending = 0;
    if (!a->room.srv || !a->playing || !a->game.journal_path[0])
        return;
    /* resumed in the same run, the phones never left the server: nothing
     * to bring back (loading them again would refuse them as present) */
    if (a->room.roster) {
        srv_room_get(a->room.srv, a->room.roster);
        if (a->room.roster->nphones > 0)
            return;
    }
    char path[PLAY_PATH_MAX + 16];
    if (snprintf(path, sizeof path, "%s.phones", a->game.journal_path) >= (int)sizeof path)
        return;
    char *t = NULL;
    size_t n = 0;
    bh_err e;
    if (text_read_file(path, 1 << 20, &t, &n, &e) != BH_OK)
        return; /* none yet: a new session, or no phone ever joined */
    if (srv_roster_load(a->room.srv, t, n, &e) != BH_OK) {
        snprintf(a->room.error, sizeof a->room.error,
                 "The phones of the last run could not be restored (%s): they join again.",
                 e.msg);
        fprintf(stderr, "bulkhead: warning: %s: %s\n", path, e.msg);
    }
    free(t);
}

/* Adds `n` people of `role` asking for `action` to the console's queue. */
static void queue_proposal(app_room *r, int action, int role, int n, bh_time at)
{
    app_room_prop *q = NULL;
    for (int i = 0; i < r->nprops && !q; i++)
        if (r->props[i].action == action)
            q = &r->props[i];
    if (!q) {
        if (r->nprops == APP_ROOM_PROPS) /* full: the oldest makes way */
            memmove(&r->props[0], &r->props[1], sizeof r->props[0] * (APP_ROOM_PROPS - 1)),
                r->nprops--;
        q = &r->props[r->nprops++];
        memset(q, 0, sizeof *q);
        q->action = action;
        q->first = at;
    }
    q->people += n;
    for (int i = 0; i < q->nroles; i++)
        if (q->role[i] == role) {
            q->count[i] += n;
            return;
        }
    if (q->nroles < APP_PROP_ROLES) {
        q->role[q->nroles] = role;
        q->count[q->nroles++] = n;
    }
}

/* Journals what the phones proposed since the last frame: one line per
 * action and role, with how many asked. */
static void take_proposals(app *a)
{
    app_room *r = &a->room;
    srv_proposal got[64];
    const bh_defs *d = sim_defs(a->game.sim);
    int n = srv_proposals_take(r->srv, got, 64);
    for (int i = 0; i < n; i++) {
        if (got[i].action < 0 || (size_t)got[i].action >= d->nactions || got[i].role < 0 ||
            (size_t)got[i].role > d->nteams || got[i].action == -2)
            continue;
        int count = 1;
        for (int k = i + 1; k < n; k++) /* the same action and role: one line */
            if (got[k].action == got[i].action && got[k].role == got[i].role) {
                count++;
                got[k].action = -2;
            }
        int role = (size_t)got[i].role == d->nteams ? -1 : got[i].role;
        bh_err e;
        if (!sim_ended(a->game.sim) &&
            session_proposal(a->game.sim, &a->game.journal, got[i].action, role, count, &e) !=
                BH_OK)
            facil_say(a, 1, e.msg);
        queue_proposal(r, got[i].action, got[i].role, count, sim_now(a->game.sim));
    }
}

/* Drops proposals the session has answered: the action runs or is done. */
static void prune_proposals(app *a)
{
    app_room *r = &a->room;
    int k = 0;
    for (int i = 0; i < r->nprops; i++) {
        bh_action_status st;
        bh_err e;
        if (sim_action_status(a->game.sim, r->props[i].action, &st, &e) == BH_OK &&
            (st.state == ACT_RUNNING || st.state == ACT_DONE))
            continue;
        r->props[k++] = r->props[i];
    }
    r->nprops = k;
}

/* On a workshop's briefing, before any session: the phones get the
 * holding slide with the roles, so the room can join while it is briefed
 * (once per scenario read). */
static void publish_waiting(app *a)
{
    app_room *r = &a->room;
    if (!a->brief || r->waiting_for == a->brief)
        return;
    rv_model m;
    bh_err e;
    if (rv_build_waiting(&m, lh_defs(a->brief), &e) == BH_OK) {
        size_t n = 0;
        char *t = rv_json_text(&m, &n);
        if (t && srv_publish(r->srv, t, n, &e) == BH_OK)
            r->waiting_for = a->brief;
        free(t);
    }
    rv_free(&m);
}

void app_room_sync(app *a)
{
    app_room *r = &a->room;
    if (r->srv && !a->playing && a->screen == SCR_BRIEFING)
        publish_waiting(a);
    if (!r->srv || !a->playing || !a->game.sim)
        return;
    r->waiting_for = NULL;
    if (!r->roster && !(r->roster = calloc(1, sizeof *r->roster)))
        return;
    if (r->roster_pending && r->published)
        load_roster(a);
    uint64_t ch = srv_room_changes(r->srv);
    int fresh = 0;
    if (ch != r->roster_changes || !r->roster_taken) {
        srv_room_get(r->srv, r->roster);
        r->roster_changes = ch;
        r->roster_taken = 1;
        fresh = 1;
    }
    save_roster(a); /* a counter compared: also a new session's first file */
    /* the tally only when the votes or the decision on show changed */
    int d = rv_open_decision(a->game.sim);
    if (fresh || d != r->tally.decision)
        build_tally(a, d);
    take_proposals(a);
    if (a->frames % 30 == 0) /* a script runs per action: not every frame */
        prune_proposals(a);
}

/* play.h's before_close: the room's votes on decision d, journaled ahead
 * of the choice (a vote with no phone in the room is not journaled). */
static void before_close(void *ud, int d)
{
    app *a = ud;
    app_room *r = &a->room;
    if (!r->srv || !a->game.sim)
        return;
    srv_vote_close(r->srv, d); /* later votes on it are refused: none is lost unsaid */
    if (!r->roster && !(r->roster = calloc(1, sizeof *r->roster)))
        return;
    srv_room_get(r->srv, r->roster);
    r->roster_changes = srv_room_changes(r->srv);
    if (!build_tally(a, d))
        return;
    tally_sum s;
    tally_sum_of(&r->tally, -1, &s);
    if (!s.joined && !s.voters)
        return;
    bh_err e;
    if (session_vote(a->game.sim, &a->game.journal, &r->tally, &e) != BH_OK)
        facil_say(a, 1, e.msg);
}

void app_room_hook(app *a)
{
    a->game.before_close = before_close;
    a->game.before_close_ud = a;
}

int app_room_commit(app *a, int d, int option)
{
    bh_input in = {.kind = IN_CHOOSE, .a = d, .b = option};
    return facil_send(a, &in) == BH_OK; /* play_input journals the votes first */
}
