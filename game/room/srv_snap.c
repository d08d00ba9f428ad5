/* srv_snap: the room's state as the server holds it. Until the main loop
 * publishes one, it is the holding slide (rv_json of a blank model), so a
 * phone that comes early sees "back in a moment", not an error. srv_publish
 * (the main loop) makes an immutable copy and swaps it in under the mutex;
 * a request takes a reference under the same mutex and sends the text
 * without copying it, so a publish never waits for a slow phone and a
 * state being sent lives until it is sent. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "room/rv_json.h"
#include "room/srv_internal.h"

srv_snap *srv_snap_get(srv *s)
{
    pthread_mutex_lock(&s->mu);
    srv_snap *p = s->snap;
    if (p)
        atomic_fetch_add(&p->refs, 1);
    pthread_mutex_unlock(&s->mu);
    return p;
}

void srv_snap_put(srv_snap *p)
{
    if (p && atomic_fetch_sub(&p->refs, 1) == 1) {
        srv_view_free(&p->view);
        free(p->body);
        free(p);
    }
}

/* Swaps in a copy of json; `counted`: a publish of the main loop (the
 * first state, before any, is not). */
static bh_status swap(srv *s, const char *json, size_t n, int counted, bh_err *err)
{
    if (!s || !json)
        return err_set(err, BH_EUSAGE, "", 0, "nothing to publish");
    json_error_t je;
    json_t *o = json_loadb(json, n, 0, &je);
    if (!o || !json_is_object(o)) {
        json_decref(o);
        return err_set(err, BH_EUSAGE, "", 0, "the room's state is not a JSON object: %s",
                       o ? "another JSON value" : je.text);
    }
    json_t *od = json_object_get(o, "open_decisions");
    int open = json_is_integer(od) ? (int)json_integer_value(od) : 0;
    char etag[24];
    /* an ETag needs to change when the text does, not to resist forgery
     * (the text is public to the room anyway) */
    snprintf(etag, sizeof etag, "\"%016llx\"",
             (unsigned long long)text_fnv(TEXT_FNV_SEED, json, n));
    pthread_mutex_lock(&s->mu);
    int same = s->snap && strcmp(s->snap->etag, etag) == 0 && s->snap->n == n;
    pthread_mutex_unlock(&s->mu);
    if (same) {
        json_decref(o);
        return BH_OK;
    }
    srv_snap *p = calloc(1, sizeof *p);
    char *body = malloc(n ? n : 1);
    if (!p || !body) {
        free(p);
        free(body);
        json_decref(o);
        return err_set(err, BH_ENOMEM, "", 0, "out of memory publishing the room's state");
    }
    /* what votes and proposals are checked against, read once here */
    srv_view_read(&p->view, o);
    json_decref(o);
    memcpy(body, json, n);
    atomic_init(&p->refs, 1);
    p->body = body;
    p->n = n;
    p->open_decisions = open;
    memcpy(p->etag, etag, sizeof etag);
    pthread_mutex_lock(&s->mu);
    srv_snap *old = s->snap;
    s->snap = p;
    s->published += counted != 0;
    pthread_mutex_unlock(&s->mu);
    srv_snap_put(old);
    srv_phones_published(s, &p->view); /* p lives: s->snap holds it, and only this thread swaps */
    return BH_OK;
}

uint64_t srv_published(const srv *s)
{
    if (!s)
        return 0;
    pthread_mutex_lock((pthread_mutex_t *)&s->mu);
    uint64_t n = s->published;
    pthread_mutex_unlock((pthread_mutex_t *)&s->mu);
    return n;
}

bh_status srv_publish(srv *s, const char *json, size_t n, bh_err *err)
{
    return swap(s, json, n, 1, err);
}

bh_status srv_publish_holding(srv *s, bh_err *err)
{
    if (!s)
        return err_set(err, BH_EUSAGE, "", 0, "no room server");
    srv_phones_session_closed(s);
    return srv_snap_first(s, err);
}

bh_status srv_snap_first(srv *s, bh_err *err)
{
    rv_model m = {.phase = RV_BEFORE, .blank = 1};
    size_t n = 0;
    char *t = rv_json_text(&m, &n);
    if (!t)
        return err_set(err, BH_ENOMEM, "", 0, "out of memory starting the room server");
    bh_status st = swap(s, t, n, 0, err);
    free(t);
    return st;
}
