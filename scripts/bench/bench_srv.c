/* bench_srv: the room server's requests per second for GET /api/state
 * on loopback, with C keep-alive connections (one client thread each)
 * polling for S seconds: once fetching the whole state (200) and once
 * with its ETag (304, what a phone mostly gets). The state is the
 * tutorial's room view model mid-play, as rv_json makes it. Prints
 * figures; asserts nothing. Usage: bench_srv [CONNECTIONS [SECONDS]] */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "room/rv_json.h"
#include "room/rv_tour.h"
#include "room/srv.h"

static char *state;
static size_t state_n;
static int port;
static char etag[64];
static atomic_long done;
static atomic_int stop;

static void keep(void *ud, const char *name, const rv_model *m)
{
    (void)ud;
    if (strcmp(name, "playing") == 0 && !state)
        state = rv_json_text(m, &state_n);
}

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Reads one response; 0 on success. Fills etag on the first. */
static int response(int fd, char *buf, size_t cap)
{
    size_t len = 0;
    char *end = NULL;
    while (!(end = strstr(buf, "\r\n\r\n"))) {
        ssize_t k = recv(fd, buf + len, cap - len - 1, 0);
        if (k <= 0)
            return -1;
        len += (size_t)k;
        buf[len] = 0;
    }
    size_t head = (size_t)(end + 4 - buf), body = 0;
    const char *cl = strstr(buf, "Content-Length: ");
    if (cl && cl < end)
        body = strtoul(cl + 16, NULL, 10);
    if (!etag[0]) {
        const char *e = strstr(buf, "ETag: ");
        if (e && e < end)
            snprintf(etag, sizeof etag, "%.*s", (int)strcspn(e + 6, "\r"), e + 6);
    }
    size_t have = len - head;
    while (have < body) {
        ssize_t k = recv(fd, buf, cap - 1, 0);
        if (k <= 0)
            return -1;
        have += (size_t)k;
    }
    buf[0] = 0;
    return 0;
}

static void *client(void *arg)
{
    const char *req = arg;
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    struct timeval tv = {5, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    if (connect(fd, (struct sockaddr *)&a, sizeof a) != 0) {
        close(fd);
        return NULL;
    }
    static _Thread_local char buf[1 << 16];
    buf[0] = 0;
    size_t n = strlen(req);
    while (!atomic_load(&stop)) {
        if (send(fd, req, n, MSG_NOSIGNAL) != (ssize_t)n || response(fd, buf, sizeof buf) != 0)
            break;
        atomic_fetch_add(&done, 1);
    }
    close(fd);
    return NULL;
}

static double run(int conns, double secs, const char *req)
{
    pthread_t *t = calloc((size_t)conns, sizeof *t);
    atomic_store(&done, 0);
    atomic_store(&stop, 0);
    double t0 = now_s();
    for (int i = 0; i < conns; i++)
        pthread_create(&t[i], NULL, client, (void *)req);
    struct timespec d = {(time_t)secs, (long)((secs - (double)(time_t)secs) * 1e9)};
    nanosleep(&d, NULL);
    atomic_store(&stop, 1);
    for (int i = 0; i < conns; i++)
        pthread_join(t[i], NULL);
    double el = now_s() - t0;
    free(t);
    return (double)atomic_load(&done) / el;
}

int main(int argc, char **argv)
{
    int conns = argc > 1 ? atoi(argv[1]) : 50;
    double secs = argc > 2 ? atof(argv[2]) : 2.0;
    if (conns < 1 || conns > 250 || secs <= 0 || secs > 30) {
        fprintf(stderr, "usage: bench_srv [CONNECTIONS 1-250 [SECONDS up to 30]]\n");
        return 2;
    }
    rv_tour_opts t = {.scenario = "scenarios/tutorial.lua",
                      .plan = "tests/plans/tutorial_expert.plan", .busy = 22 * 60};
    bh_err e;
    if (rv_tour(&t, keep, NULL, &e) != BH_OK || !state) {
        fprintf(stderr, "bench_srv: no state: %s\n", e.msg);
        return 1;
    }
    srv_opts o;
    srv_opts_default(&o);
    o.bind = "127.0.0.1";
    o.port = 0;
    srv *s = NULL;
    if (srv_start(&s, &o, &e) != BH_OK || srv_publish(s, state, state_n, &e) != BH_OK) {
        fprintf(stderr, "bench_srv: %s\n", e.msg);
        return 1;
    }
    port = srv_port(s);
    const char *full = "GET /api/state HTTP/1.1\r\nHost: x\r\n\r\n";
    double r200 = run(conns, secs, full);
    char cond[200];
    snprintf(cond, sizeof cond, "GET /api/state HTTP/1.1\r\nHost: x\r\nIf-None-Match: %s\r\n\r\n",
             etag);
    double r304 = run(conns, secs, cond);
    printf("room server, GET /api/state on loopback, %d keep-alive connections, %.0f s each: "
           "%.0f requests/s with the state (200, %zu bytes), %.0f requests/s unchanged (304)\n",
           conns, secs, r200, state_n, r304);
    srv_stop(s);
    free(state);
    return 0;
}
