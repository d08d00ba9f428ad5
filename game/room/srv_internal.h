/* srv_internal: what the server's files share (srv.c the daemon,
 * srv_snap.c the snapshot, srv_view.c what a publish is checked against,
 * srv_route.c the requests, srv_api.c the phones' API, srv_phones.c the
 * roster, srv_roster.c its file). Not for other modules. */
#ifndef SRV_INTERNAL_H
#define SRV_INTERNAL_H

#include <jansson.h>
#include <microhttpd.h>
#include <pthread.h>
#include <stdatomic.h>

#include "room/srv.h"

/* What a published state lets phones do, read once per publish from its
 * JSON: the roles (their index is the phone's role), the open decision
 * and its option letters, and every action with its role and state. */
#define SRV_KEY 24
typedef struct srv_view_action {
    int index;              /* from its key "a<index>" */
    int role;               /* index in the roles; -1 for any role */
    int available;          /* state "available" */
} srv_view_action;

typedef struct srv_view {
    int nroles;
    char (*roles)[SRV_KEY]; /* keys: "r0", ..., "observer" */
    int decision;           /* the open decision's index ("d<index>"), -1 none */
    char letters[16];       /* its options' letters, in order */
    int nactions;
    srv_view_action *actions;
} srv_view;

/* One published state: immutable once made, freed by its last reader (a
 * response may still be sending it after the next publish). */
typedef struct srv_snap {
    atomic_int refs;
    char *body;
    size_t n;
    char etag[24];          /* "\"0123456789abcdef\"", a hash of body */
    int open_decisions;
    srv_view view;
} srv_snap;

/* A phone in the roster: what the main loop sees (pub) and what only the
 * server keeps (its token, its rate bucket, its proposals). */
typedef struct srv_member {
    unsigned char token[16];
    char role_key[SRV_KEY]; /* its role's key when it joined ("r0", "observer") */
    srv_phone pub;          /* idle_s is filled in by srv_room_get */
    double last;            /* monotonic seconds of its last request */
    double bucket;          /* requests it may still make at once */
    int nproposed;
    int proposed[SRV_MAX_PROPOSED]; /* action indices, not yet seen to start */
} srv_member;

struct srv {
    struct MHD_Daemon *d;
    pthread_mutex_t mu;     /* guards snap and published */
    srv_snap *snap;         /* the holding slide until the first publish */
    uint64_t published;
    int port;
    char bind[64];
    char code[32];           /* the room code (srv_opts.code, or drawn) */
    char phone_dir[4096];   /* the assets' phone/ folder */
    char log[512];          /* MHD's last message while starting */
    atomic_int starting;    /* 1 while MHD_start_daemon runs: keep its messages */

    /* the roster (srv_phones.c), under its own mutex */
    pthread_mutex_t rmu;
    int max_phones;
    double join_rate, join_bucket, join_t;
    double bad_rate, bad_bucket, bad_t; /* wrong room codes (SRV_BAD_CODES_PER_S) */
    double rate;            /* each token's requests per second (a burst of twice that) */
    int nmembers;
    srv_member members[SRV_MAX_PHONES];
    uint64_t changes;
    uint64_t members_changes; /* bumped when who is in the room changes (srv_room.members) */
    int selftests;
    char selftest_from[64];
    int *closed;            /* decisions closed to votes */
    int nclosed, closed_cap;
    srv_proposal queue[SRV_MAX_QUEUE]; /* a ring */
    int qhead, qlen;
};

/* srv_snap.c: the current snapshot with a reference taken (never NULL
 * once started), and giving one back. */
srv_snap *srv_snap_get(srv *s);
void srv_snap_put(srv_snap *p);
/* The state before any publish: the holding slide. */
bh_status srv_snap_first(srv *s, bh_err *err);

/* srv_view.c: reading a published state (never fails: what is missing or
 * malformed is left out, so nothing can be voted on or proposed there),
 * freeing it, and looking things up. */
void srv_view_read(srv_view *v, json_t *state);
void srv_view_free(srv_view *v);
int srv_view_role(const srv_view *v, const char *key);       /* -1: none */
int srv_view_is_observer(const srv_view *v, int role);
const srv_view_action *srv_view_action_of(const srv_view *v, const char *key);
/* "d3" and the like: the index, or -1 when s is not prefix + digits. */
int srv_key_index(const char *s, char prefix);

/* srv_route.c: libmicrohttpd's access handler and completion callback. */
enum MHD_Result srv_handle(void *cls, struct MHD_Connection *c, const char *url,
                           const char *method, const char *version, const char *upload,
                           size_t *upload_size, void **req);
void srv_completed(void *cls, struct MHD_Connection *c, void **req,
                   enum MHD_RequestTerminationCode why);

/* srv_answer.c: the answers every route gives (r NULL: out of memory, the
 * connection is dropped). */
enum MHD_Result srv_answer(struct MHD_Connection *c, unsigned status, struct MHD_Response *r,
                           const char *type, const char *cache);
/* o is stolen; NULL (out of memory) drops the connection */
enum MHD_Result srv_json(struct MHD_Connection *c, unsigned status, json_t *o);
/* {"error": msg} */
enum MHD_Result srv_error(struct MHD_Connection *c, unsigned status, const char *msg);
/* 429 with Retry-After */
enum MHD_Result srv_too_fast(struct MHD_Connection *c, const char *msg);
/* a short plain-text answer for a person */
enum MHD_Result srv_text(struct MHD_Connection *c, unsigned status, const char *msg);
/* a JSON response to queue (o stolen); NULL when out of memory */
struct MHD_Response *srv_json_response(json_t *o);
/* a refusal in the form the path's readers take: JSON under /api/ */
enum MHD_Result srv_refusal(struct MHD_Connection *c, const char *url, unsigned status,
                            const char *msg);

/* srv_api.c: the phones' API. body is the request's (NUL-terminated,
 * len bytes; NULL for a GET). */
enum MHD_Result srv_api(struct MHD_Connection *c, srv *s, const char *url, const char *body,
                        size_t len);
int srv_api_route(const char *url);    /* 1 POST route, 2 GET route, 0 none */

/* srv_phones.c: the roster, each call under rmu. */
void srv_phones_init(srv *s, const srv_opts *o);
void srv_phones_free(srv *s);
double srv_now(void);
/* the token's phone: its index, or -1; the token's bucket spent (0 when
 * empty: too fast) */
typedef enum { SRV_OK, SRV_UNKNOWN, SRV_TOO_FAST, SRV_FULL, SRV_CLOSED, SRV_REPEAT,
               SRV_QUEUE_FULL } srv_res;
srv_res srv_phones_touch(srv *s, const unsigned char token[16], srv_member *copy);
srv_res srv_phones_join(srv *s, int role, const char *key, const char *name,
                        unsigned char token[16]);
srv_res srv_phones_leave(srv *s, const unsigned char token[16]);
/* a join's room code, `right` or not: SRV_TOO_FAST while wrong codes are
 * spent (for a right one too), SRV_UNKNOWN for a wrong one, else SRV_OK */
srv_res srv_phones_code(srv *s, int right);
/* vote and propose follow a touch: they find the token again (it may
 * have left meanwhile) without spending its bucket twice */
srv_res srv_phones_vote(srv *s, const unsigned char token[16], int decision, int option,
                        int conf);
srv_res srv_phones_propose(srv *s, const unsigned char token[16], int action, int role,
                           srv_member *copy);
void srv_phones_selftest(srv *s, const char *from);
int srv_phones_count(srv *s);
/* after a publish: roles followed by key, and proposals of actions no
 * longer available forgotten */
void srv_phones_published(srv *s, const srv_view *v);
/* a session closed (srv_publish_holding): the phones stay in the room,
 * but its votes, proposals and closed decisions were that session's. The
 * next session's decisions have the same indices ("d1" again): a vote
 * kept would be counted there uncast, and a decision kept closed would
 * refuse every vote on it. */
void srv_phones_session_closed(srv *s);
/* tokens as 32 lowercase hex; parsing refuses anything else */
void srv_token_hex(const unsigned char t[16], char out[33]);
int srv_token_parse(const char *hex, unsigned char t[16]);
bh_status srv_token_new(unsigned char t[16]);

#endif
