/* srv: the room server, which serves the phone page and the room's state
 * to the phones on the venue's network (issue 14).
 *
 * libmicrohttpd parses HTTP (nothing here does) on one internal polling
 * thread: no thread per phone, so 250 phones polling every half second
 * cost one thread. The server never touches the session: the main loop
 * builds the room view model, turns it into JSON (rv_json) and hands the
 * text to srv_publish, which swaps an immutable, refcounted snapshot that
 * requests read under a short lock. Routes (srv_route.c):
 *   GET /            assets/phone/index.html (503 naming the fix if missing)
 *   GET /phone/NAME  a file of assets/phone with a safe name, else 404
 *   GET /health      {"ok", "phones", "open_decisions", "published", ...}
 *   GET /api/state   the snapshot, ETag, 304 on If-None-Match, no-store (the
 *                    holding slide until the first publish)
 * Anything else is 404; methods other than GET and HEAD 405 (POST routes
 * come with joining: srv_route.c's route() is where they go); bodies over
 * SRV_MAX_BODY 413. Every response carries nosniff and a CSP of
 * default-src 'self' (the phone page loads its script from /phone/, with
 * no inline script or style). */
#ifndef SRV_H
#define SRV_H

#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

/* The port without --port: the README names it. */
#define SRV_DEFAULT_PORT 8417
/* Phones are capped (issue 14: about 250) and a little over for the
 * facilitator's own browser and reconnects. */
#define SRV_MAX_CONNECTIONS 300
/* An idle keep-alive connection is closed after this: a phone polls every
 * half second, so only a phone that went away stays idle that long. */
#define SRV_CONNECTION_TIMEOUT_S 30
/* A request's headers must fit here (MHD answers 431 or 413 itself). */
#define SRV_CONNECTION_MEMORY 32768
/* No request needs a body yet; joining's and voting's are small. */
#define SRV_MAX_BODY 4096
#define SRV_ROOM_CODE_LEN 4

typedef struct srv srv;

typedef struct srv_opts {
    const char *bind;        /* an IPv4 or IPv6 address; NULL: 0.0.0.0 (every interface) */
    int port;                /* 0: a free port (srv_port says which) */
    const char *assets;      /* the folder holding phone/ (the game's assets folder) */
    unsigned max_connections;/* 0: SRV_MAX_CONNECTIONS */
    unsigned timeout_s;      /* 0: SRV_CONNECTION_TIMEOUT_S */
} srv_opts;

void srv_opts_default(srv_opts *o);
/* Listens at once; the error says why not (the port in use: use --port N,
 * or --port 0 for a free one). */
bh_status srv_start(srv **out, const srv_opts *o, bh_err *err);
/* The port listened on (the chosen one after port 0). */
int srv_port(const srv *s);
const char *srv_bind(const srv *s);
/* From the main loop: the room's state, the JSON text of rv_json, becomes
 * what GET /api/state serves. The text is copied; its ETag is a hash of
 * it, so publishing the same text again changes nothing for the phones.
 * BH_EUSAGE for text that is not a JSON object, BH_ENOMEM. */
bh_status srv_publish(srv *s, const char *json, size_t n, bh_err *err);
/* The holding slide, as before any publish (a session closed). */
bh_status srv_publish_holding(srv *s, bh_err *err);
/* How many times srv_publish changed the snapshot (0: the phones still
 * get the holding slide the server started with). */
uint64_t srv_published(const srv *s);
/* The URLs phones can open (srv_addr.c): one per LAN address of this
 * computer when listening on every network (none without a network),
 * else the address listened on. Returns how many (at most max). */
#define SRV_URL_MAX 80
int srv_urls(const srv *s, char (*out)[SRV_URL_MAX], int max);
/* Stops serving and closes the port before returning; frees s. NULL is fine. */
void srv_stop(srv *s);

/* A room code: SRV_ROOM_CODE_LEN letters from an alphabet without the
 * ones that read alike (no I, L, O, 0, 1), from getrandom. out holds
 * SRV_ROOM_CODE_LEN + 1 bytes. */
bh_status srv_room_code(char *out, bh_err *err);

#endif
