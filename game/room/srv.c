/* srv: see srv.h. Here: starting and stopping the daemon on a socket
 * bound here (so a port in use is reported with its cause and the fix),
 * and the room code. The snapshot is srv_snap.c's, the routes
 * srv_route.c's. */
#include "room/srv_internal.h"

#include <arpa/inet.h>
#include <errno.h>
#include <jansson.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <unistd.h>

void srv_opts_default(srv_opts *o)
{
    memset(o, 0, sizeof *o);
    o->bind = "0.0.0.0";
    o->port = SRV_DEFAULT_PORT;
    o->assets = "assets";
}

/* MHD's messages: kept while starting (for the error), dropped after (a
 * phone that hangs up is not news on the console). */
static void mhd_log(void *cls, const char *fmt, va_list ap)
{
    srv *s = cls;
    if (atomic_load(&s->starting)) /* (the server's thread reads only the flag after) */
        vsnprintf(s->log, sizeof s->log, fmt, ap);
}

static const char *fix_for(int e)
{
    switch (e) {
    case EADDRINUSE: return "another program (or another Bulkhead) has that port: start with "
                            "--port N for another one, or --port 0 for any free port";
    case EACCES: return "ports below 1024 need root: use --port N with N over 1023, or --port 0";
    case EADDRNOTAVAIL: return "that address is not one of this computer's: leave --bind out "
                               "to listen on every network";
    default: return "try --port 0 for any free port, or leave --bind out";
    }
}

/* The listening socket, bound here rather than by MHD so that the error
 * says why (MHD would only say it failed). */
static bh_status listen_on(const char *bind_addr, int port, int *fd_out, int *port_out,
                           bh_err *err)
{
    struct sockaddr_storage ss;
    memset(&ss, 0, sizeof ss);
    socklen_t len;
    struct sockaddr_in *v4 = (struct sockaddr_in *)&ss;
    struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)&ss;
    if (port < 0 || port > 65535)
        return err_set(err, BH_EUSAGE, "", 0, "the port must be from 0 to 65535, not %d", port);
    if (inet_pton(AF_INET, bind_addr, &v4->sin_addr) == 1) {
        v4->sin_family = AF_INET;
        v4->sin_port = htons((uint16_t)port);
        len = sizeof *v4;
    } else if (inet_pton(AF_INET6, bind_addr, &v6->sin6_addr) == 1) {
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons((uint16_t)port);
        len = sizeof *v6;
    } else {
        return err_set(err, BH_EUSAGE, "", 0,
                       "'%s' is not an IP address: --bind wants one such as 0.0.0.0 (every "
                       "network) or 127.0.0.1 (this computer only)", bind_addr);
    }
    int fd = socket(ss.ss_family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0)
        return err_set(err, BH_EIO, "", 0, "cannot open a socket: %s", strerror(errno));
    int one = 1;
    /* a restart right after a stop finds the port in TIME_WAIT: allowed;
     * a port another program listens on is still refused */
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (bind(fd, (struct sockaddr *)&ss, len) != 0 || listen(fd, 64) != 0) {
        int e = errno;
        close(fd);
        return err_set(err, BH_EIO, "", 0, "cannot listen on %s port %d: %s; %s", bind_addr, port,
                       strerror(e), fix_for(e));
    }
    len = sizeof ss;
    if (getsockname(fd, (struct sockaddr *)&ss, &len) != 0) {
        int e = errno;
        close(fd);
        return err_set(err, BH_EIO, "", 0, "cannot read the port listened on: %s", strerror(e));
    }
    *port_out = ntohs(ss.ss_family == AF_INET ? v4->sin_port : v6->sin6_port);
    *fd_out = fd;
    return BH_OK;
}

bh_status srv_start(srv **out, const srv_opts *o, bh_err *err)
{
    *out = NULL;
    srv_opts d;
    srv_opts_default(&d);
    const char *bind_addr = o && o->bind && o->bind[0] ? o->bind : d.bind;
    const char *assets = o && o->assets ? o->assets : d.assets;
    unsigned maxc = o && o->max_connections ? o->max_connections : SRV_MAX_CONNECTIONS;
    unsigned tmo = o && o->timeout_s ? o->timeout_s : SRV_CONNECTION_TIMEOUT_S;
    srv *s = calloc(1, sizeof *s);
    if (!s)
        return err_set(err, BH_ENOMEM, "", 0, "out of memory starting the room server");
    snprintf(s->bind, sizeof s->bind, "%s", bind_addr);
    if ((size_t)snprintf(s->phone_dir, sizeof s->phone_dir, "%s/phone", assets) >=
        sizeof s->phone_dir) {
        free(s);
        return err_set(err, BH_EUSAGE, "", 0, "the assets folder's path is too long");
    }
    int fd = -1;
    bh_status st = listen_on(bind_addr, o ? o->port : d.port, &fd, &s->port, err);
    if (st != BH_OK) {
        free(s);
        return st;
    }
    if (o && o->code && o->code[0])
        snprintf(s->code, sizeof s->code, "%s", o->code);
    else if ((st = srv_room_code(s->code, err)) != BH_OK) {
        close(fd);
        free(s);
        return st;
    }
    pthread_mutex_init(&s->mu, NULL);
    srv_phones_init(s, o);
    if ((st = srv_snap_first(s, err)) != BH_OK) {
        close(fd);
        srv_phones_free(s);
        pthread_mutex_destroy(&s->mu);
        free(s);
        return st;
    }
    /* one internal thread polls every connection (epoll where there is
     * one): no thread per phone */
    unsigned flags = MHD_USE_AUTO_INTERNAL_THREAD | MHD_USE_ITC | MHD_USE_ERROR_LOG;
    atomic_init(&s->starting, 1);
    s->d = MHD_start_daemon(flags, 0, NULL, NULL, srv_handle, s,
                            MHD_OPTION_LISTEN_SOCKET, (MHD_socket)fd,
                            MHD_OPTION_CONNECTION_LIMIT, maxc,
                            MHD_OPTION_CONNECTION_TIMEOUT, tmo,
                            MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)SRV_CONNECTION_MEMORY,
                            MHD_OPTION_NOTIFY_COMPLETED, srv_completed, s,
                            MHD_OPTION_EXTERNAL_LOGGER, mhd_log, s,
                            MHD_OPTION_END);
    atomic_store(&s->starting, 0);
    if (!s->d) {
        close(fd);
        srv_snap_put(s->snap);
        srv_phones_free(s);
        pthread_mutex_destroy(&s->mu);
        st = err_set(err, BH_EIO, "", 0, "the room server could not start on %s port %d%s%s",
                     bind_addr, s->port, s->log[0] ? ": " : "", s->log);
        free(s);
        return st;
    }
    *out = s;
    return BH_OK;
}

int srv_port(const srv *s)
{
    return s ? s->port : 0;
}

const char *srv_bind(const srv *s)
{
    return s ? s->bind : "";
}

const char *srv_code(const srv *s)
{
    return s ? s->code : "";
}

void srv_stop(srv *s)
{
    if (!s)
        return;
    /* joins the thread and closes the listening socket and every connection */
    MHD_stop_daemon(s->d);
    srv_snap_put(s->snap);
    srv_phones_free(s);
    pthread_mutex_destroy(&s->mu);
    free(s);
}

/* ---- the room code ---- */

bh_status srv_room_code(char *out, bh_err *err)
{
    /* 23 letters, none that read or say alike across a room (I, L, O) */
    static const char alphabet[] = "ABCDEFGHJKMNPQRSTUVWXYZ";
    const unsigned na = sizeof alphabet - 1;
    unsigned char r[SRV_ROOM_CODE_LEN * 4];
    size_t got = 0;
    while (got < sizeof r) {
        ssize_t k = getrandom(r + got, sizeof r - got, 0);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return err_set(err, BH_EIO, "", 0, "no randomness for the room code: %s",
                           strerror(errno));
        got += (size_t)k;
    }
    /* rejection sampling: no letter more likely than another */
    int n = 0;
    unsigned lim = 256 - 256 % na;
    for (size_t i = 0; i < sizeof r && n < SRV_ROOM_CODE_LEN; i++)
        if (r[i] < lim)
            out[n++] = alphabet[r[i] % na];
    for (; n < SRV_ROOM_CODE_LEN; n++) /* all rejected: vanishingly unlikely */
        out[n] = alphabet[r[n] % na];
    out[n] = 0;
    return BH_OK;
}
