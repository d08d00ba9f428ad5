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
 *   GET /t           the self-test page ("your phone reached the laptop")
 * and the phones' API (srv_api.c; the contract: notes/srv2.md):
 *   POST /api/join, GET /api/me, POST /api/vote, POST /api/propose,
 *   POST /api/leave
 * Anything else is 404; POST only on the POST routes and GET/HEAD only on
 * the others (405 with Allow); bodies over SRV_MAX_BODY 413. Every
 * response carries nosniff and a CSP of default-src 'self' (the phone
 * page loads its script from /phone/, with no inline script or style).
 *
 * The roster (srv_phones.c) is the server's only state besides the
 * snapshot: who joined (a random token, a role, a cleaned name), each
 * phone's current vote, and the proposals queued for the main loop, all
 * under one mutex held for short copies; the main loop reads it each frame
 * (srv_room_changes, srv_room_get, srv_proposals_take) without waiting on
 * the network. */
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
/* A join, vote or proposal is a few hundred bytes: anything longer is refused (413). */
#define SRV_MAX_BODY 4096
#define SRV_ROOM_CODE_LEN 4

/* ---- the phones (issue 14) ---- */
#define SRV_MAX_PHONES 250
#define SRV_NAME_MAX 40
/* Each token's requests: a bucket of SRV_RATE_BURST refilled at
 * SRV_RATE_PER_S (a phone polls /api/state, which takes no token, and
 * sends a vote now and then: only a script goes faster). 429 with
 * Retry-After beyond. */
#define SRV_RATE_PER_S 5.0
#define SRV_RATE_BURST (2 * SRV_RATE_PER_S)
/* Joins of the whole room per second (a burst of twice that): a room of
 * 250 scanning at once joins within seconds, retrying on 429. */
#define SRV_JOINS_PER_S 50.0
/* Joins with a wrong room code, the whole room's, per second (a burst of
 * twice that): the code's 23^4 values would otherwise be tried in under a
 * minute from any computer on the network. While they are spent, every
 * join answers 429, a right code too, so that guessing learns nothing. */
#define SRV_BAD_CODES_PER_S 5.0
/* The proposals waiting for the main loop (it drains them each frame). */
#define SRV_MAX_QUEUE 4096
/* Actions one phone can have proposed and not yet seen start. */
#define SRV_MAX_PROPOSED 64

typedef struct srv srv;

typedef struct srv_opts {
    const char *bind;        /* an IPv4 or IPv6 address; NULL: 0.0.0.0 (every interface) */
    int port;                /* 0: a free port (srv_port says which) */
    const char *assets;      /* the folder holding phone/ (the game's assets folder) */
    unsigned max_connections;/* 0: SRV_MAX_CONNECTIONS */
    unsigned timeout_s;      /* 0: SRV_CONNECTION_TIMEOUT_S */
    const char *code;        /* the room code a join must give (compared ignoring case);
                              * NULL or "": the server draws one (srv_code) */
    int max_phones;          /* 0: SRV_MAX_PHONES (tests lower it) */
    double joins_per_s;      /* the whole room's joins per second, a burst of twice that;
                              * 0: SRV_JOINS_PER_S */
    double rate_per_s;       /* each token's requests per second, a burst of twice that;
                              * 0: SRV_RATE_PER_S (tests that send many raise it) */
    double bad_codes_per_s;  /* the whole room's joins with a wrong code per second, a
                              * burst of twice that; 0: SRV_BAD_CODES_PER_S */
} srv_opts;

void srv_opts_default(srv_opts *o);
/* Listens at once; the error says why not (the port in use: use --port N,
 * or --port 0 for a free one). */
bh_status srv_start(srv **out, const srv_opts *o, bh_err *err);
/* The port listened on (the chosen one after port 0). */
int srv_port(const srv *s);
const char *srv_bind(const srv *s);
/* The room code phones must give to join. */
const char *srv_code(const srv *s);
/* From the main loop: the room's state, the JSON text of rv_json, becomes
 * what GET /api/state serves. The text is copied; its ETag is a hash of
 * it, so publishing the same text again changes nothing for the phones.
 * BH_EUSAGE for text that is not a JSON object, BH_ENOMEM. */
bh_status srv_publish(srv *s, const char *json, size_t n, bh_err *err);
/* The holding slide, as before any publish (a session closed): the phones
 * stay, their votes, proposals and the closed decisions go (they were
 * that session's; the next one's decisions have the same keys). */
bh_status srv_publish_holding(srv *s, bh_err *err);
/* How many times srv_publish changed the snapshot (0: the phones still
 * get the holding slide the server started with). */
uint64_t srv_published(const srv *s);
/* The URLs phones can open (srv_addr.c): one per LAN address of this
 * computer when listening on every network (none without a network),
 * else the address listened on. Returns how many (at most max). */
#define SRV_URL_MAX 80
int srv_urls(const srv *s, char (*out)[SRV_URL_MAX], int max);
/* 1 for a virtual network interface's name (docker0, br-..., virbr0, tun0,
 * wg0, ...): srv_urls lists those after the real ones. */
int srv_virtual_if(const char *name);
/* Stops serving and closes the port before returning; frees s. NULL is fine. */
void srv_stop(srv *s);

/* A room code: SRV_ROOM_CODE_LEN letters from an alphabet without the
 * ones that read alike (no I, L, O, 0, 1), from getrandom. out holds
 * SRV_ROOM_CODE_LEN + 1 bytes. */
bh_status srv_room_code(char *out, bh_err *err);

/* ---- the roster, for the main loop (cheap: each takes the roster's
 * mutex for a copy, never waits on the network) ---- */
typedef struct srv_phone {
    int role;                      /* index in the published roles: teams, then Observer last */
    char name[SRV_NAME_MAX + 1];   /* cleaned; "" when none given */
    int vote_decision;             /* decision index of its current vote, -1 none */
    int vote_option;               /* option index (letter - 'A') */
    int vote_conf;                 /* TALLY_LOW / TALLY_MEDIUM / TALLY_HIGH (core/tally.h) */
    double idle_s;                 /* seconds since its last request */
} srv_phone;

typedef struct srv_room {
    int nphones;
    srv_phone phones[SRV_MAX_PHONES];  /* in joining order */
    uint64_t changes;              /* bumped by every join, leave, vote and self-test */
    uint64_t members;              /* bumped only when who is in the room changes: a
                                    * join, a leave, a role gone, a roster loaded (the
                                    * roster's file needs writing then, not on a vote) */
    int selftests;                 /* GET /t requests so far */
    char selftest_from[64];        /* the address of the last one */
} srv_room;

/* How many times the roster changed: a copy is worth taking when it moved. */
uint64_t srv_room_changes(srv *s);
/* A copy of the roster, under the lock. */
void srv_room_get(srv *s, srv_room *out);

typedef struct srv_proposal {
    int action, role;              /* indices: the action in the defs, the role in the roles */
} srv_proposal;
/* Moves up to max queued proposals into out (oldest first); returns how
 * many. A phone's repeat of one it already made is not queued; the queue
 * holds SRV_MAX_QUEUE (when full, POST /api/propose answers 503). */
int srv_proposals_take(srv *s, srv_proposal *out, int max);
/* Closes voting on decision d: later votes on it get 409, so the tally
 * the caller reads next with srv_room_get counts every accepted vote
 * exactly once. */
void srv_vote_close(srv *s, int decision);

/* The phones' tokens, roles and names (never votes) as JSON text (the
 * caller frees it; NULL out of memory), for the file beside the journal:
 *   {"v": 1, "phones": [{"token": "<32 hex>", "role": "r0", "name": "Ann"}, ...]}
 * Roles are keys of the published roles ("r<team>", "observer"). */
char *srv_roster_save(srv *s);
/* Adds the phones of such a text to a started server (a resumed workshop
 * keeps its phones). The roles must be in the published state (publish
 * first). Everything is checked first: a bad file is refused with line
 * and reason (BH_EUSAGE) and nothing is loaded. */
bh_status srv_roster_load(srv *s, const char *json, size_t n, bh_err *err);

/* A display name as a person typed it, made safe to show (srv_name.c):
 * invalid UTF-8 dropped, control, bidi and zero-width characters removed,
 * blanks trimmed, cut to SRV_NAME_MAX bytes on a character boundary. out
 * holds SRV_NAME_MAX + 1 bytes; returns its length. */
size_t srv_name_clean(const char *in, size_t n, char *out);

#endif
