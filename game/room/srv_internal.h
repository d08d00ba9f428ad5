/* srv_internal: what srv.c (the daemon, the snapshot) and srv_route.c (the
 * request handler) share. Not for other modules. */
#ifndef SRV_INTERNAL_H
#define SRV_INTERNAL_H

#include <microhttpd.h>
#include <pthread.h>
#include <stdatomic.h>

#include "room/srv.h"

/* One published state: immutable once made, freed by its last reader (a
 * response may still be sending it after the next publish). */
typedef struct srv_snap {
    atomic_int refs;
    char *body;
    size_t n;
    char etag[24];          /* "\"0123456789abcdef\"", a hash of body */
    int open_decisions;
} srv_snap;

struct srv {
    struct MHD_Daemon *d;
    pthread_mutex_t mu;     /* guards snap and published */
    srv_snap *snap;         /* the holding slide until the first publish */
    uint64_t published;
    int port;
    char bind[64];
    char phone_dir[4096];   /* the assets' phone/ folder */
    char log[512];          /* MHD's last message while starting */
    atomic_int starting;    /* 1 while MHD_start_daemon runs: keep its messages */
};

/* srv_snap.c: the current snapshot with a reference taken (NULL before
 * any publish), and giving one back. */
srv_snap *srv_snap_get(srv *s);
void srv_snap_put(srv_snap *p);
/* The state before any publish: the holding slide. */
bh_status srv_snap_first(srv *s, bh_err *err);

/* srv_route.c: libmicrohttpd's access handler and completion callback. */
enum MHD_Result srv_handle(void *cls, struct MHD_Connection *c, const char *url,
                           const char *method, const char *version, const char *upload,
                           size_t *upload_size, void **req);
void srv_completed(void *cls, struct MHD_Connection *c, void **req,
                   enum MHD_RequestTerminationCode why);

#endif
