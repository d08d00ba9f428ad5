/* test_srv: the room server (game/room/srv.h) over real sockets on
 * 127.0.0.1, on ports the system picks (port 0): each route and its
 * headers, the snapshot with its ETag and 304, the refusals (unknown
 * paths, traversal, hidden files, symbolic links, other methods, large
 * bodies, malformed requests), more connections than the limit, a port
 * in use, and that stopping closes the port. The phone page is a fixture
 * folder made here, not the real page. */
#include <fcntl.h>
#include <jansson.h>
#include <sys/stat.h>

#include "check.h"
#include "http_client.h"
#include "room/srv.h"

static char dir[256];          /* the temporary folder (check_main_in_tmpdir) */
static char assets[300];       /* its assets/ with phone/ inside */

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
    CHECK(f != NULL);
}

static void fixture(void)
{
    static int made;
    if (made++)
        return;
    char p[600];
    snprintf(assets, sizeof assets, "%s/assets", dir);
    mkdir(assets, 0700);
    snprintf(p, sizeof p, "%s/phone", assets);
    mkdir(p, 0700);
    snprintf(p, sizeof p, "%s/phone/index.html", assets);
    write_file(p, "<!doctype html><title>PHONE_PAGE</title>\n");
    snprintf(p, sizeof p, "%s/phone/app.js", assets);
    write_file(p, "console.log('APP_JS');\n");
    snprintf(p, sizeof p, "%s/phone/.hidden", assets);
    write_file(p, "HIDDEN\n");
    snprintf(p, sizeof p, "%s/secret.txt", assets);
    write_file(p, "SECRET\n");
    snprintf(p, sizeof p, "%s/phone/sub", assets);
    mkdir(p, 0700);
    snprintf(p, sizeof p, "%s/phone/sub/x.js", assets);
    write_file(p, "SUB\n");
    char link[600];
    snprintf(link, sizeof link, "%s/phone/link.txt", assets);
    snprintf(p, sizeof p, "%s/secret.txt", assets);
    CHECK(symlink(p, link) == 0);
}

static srv *start(const char *assets_dir, unsigned maxc, unsigned timeout)
{
    fixture(); /* fills assets[], which assets_dir may be */
    srv_opts o;
    srv_opts_default(&o);
    o.bind = "127.0.0.1";
    o.port = 0;
    o.assets = assets_dir;
    o.max_connections = maxc;
    o.timeout_s = timeout;
    srv *s = NULL;
    bh_err e;
    err_clear(&e);
    bh_status st = srv_start(&s, &o, &e);
    if (st != BH_OK)
        fprintf(stderr, "srv_start: %s\n", e.msg);
    CHECK_INT(st, BH_OK);
    CHECK(!s || srv_port(s) > 0);
    return s;
}

/* GET path answers `want` (the server still serves, say). */
static void answers(int port, const char *path, int want)
{
    http_got g = http_req(port, "GET", path, NULL);
    if (g.status != want)
        fprintf(stderr, "GET %s: %d, wanted %d\n", path, g.status, want);
    CHECK_INT(g.status, want);
    http_free(&g);
}

/* /health's open_decisions */
static long long health_open(int port)
{
    http_got g = http_req(port, "GET", "/health", NULL);
    json_t *o = json_loads(g.body, 0, NULL);
    long long n = json_integer_value(json_object_get(o, "open_decisions"));
    json_decref(o);
    http_free(&g);
    return n;
}

static void security_headers(const http_got *g)
{
    char h[300];
    CHECK_STR(http_header(g, "X-Content-Type-Options", h, sizeof h), "nosniff");
    CHECK_HAS(http_header(g, "Content-Security-Policy", h, sizeof h), "default-src 'self'");
}

static void test_page(void)
{
    srv *s = start(assets, 0, 0);
    if (!s)
        return;
    int port = srv_port(s);
    char h[300];
    http_got g = http_req(port, "GET", "/", NULL);
    CHECK_INT(g.status, 200);
    CHECK_STR(http_header(&g, "Content-Type", h, sizeof h), "text/html; charset=utf-8");
    CHECK_HAS(g.body, "PHONE_PAGE");
    security_headers(&g);
    http_free(&g);
    g = http_req(port, "HEAD", "/", NULL);
    CHECK_INT(g.status, 200);
    CHECK(!strstr(g.raw, "PHONE_PAGE")); /* HEAD: headers only */
    http_free(&g);
    g = http_req(port, "GET", "/phone/app.js", NULL);
    CHECK_INT(g.status, 200);
    CHECK_STR(http_header(&g, "Content-Type", h, sizeof h), "text/javascript; charset=utf-8");
    CHECK_HAS(g.body, "APP_JS");
    security_headers(&g);
    http_free(&g);
    answers(port, "/phone/index.html", 200);
    srv_stop(s);

    /* no phone page: 503, naming the file and the fix */
    char empty[400];
    snprintf(empty, sizeof empty, "%s/empty", dir);
    mkdir(empty, 0700);
    s = start(empty, 0, 0);
    if (!s)
        return;
    g = http_req(srv_port(s), "GET", "/", NULL);
    CHECK_INT(g.status, 503);
    CHECK_HAS(g.body, "phone/index.html");
    CHECK_HAS(g.body, "scripts/play");
    CHECK_STR(http_header(&g, "Content-Type", h, sizeof h), "text/plain; charset=utf-8");
    security_headers(&g);
    http_free(&g);
    srv_stop(s);
}

static void test_refused_paths(void)
{
    srv *s = start(assets, 0, 0);
    if (!s)
        return;
    int port = srv_port(s);
    static const char *const paths[] = {
        "/nope", "/index.html", "/phone/", "/phone", "/phone/../secret.txt",
        "/phone/%2e%2e%2fsecret.txt", "/phone/%2E%2E/secret.txt", "/phone/..%2fsecret.txt",
        "/phone/.hidden", "/phone/%2ehidden", "/phone/link.txt", "/phone/sub/x.js",
        "/phone/sub%2fx.js", "/phone/sub", "/phone/missing.js", "/phone/%00app.js",
        "/phone/a%20b.js", "/../secret.txt", "/secret.txt", "/api/state/x", "/health/",
        "/api", "//phone/app.js"};
    for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
        http_got g = http_req(port, "GET", paths[i], NULL);
        if (g.status != 404)
            fprintf(stderr, "%s: %d\n", paths[i], g.status);
        CHECK_INT(g.status, 404);
        CHECK(!strstr(g.raw, "SECRET") && !strstr(g.raw, "HIDDEN") && !strstr(g.raw, "SUB"));
        if (g.status == 404)
            security_headers(&g);
        http_free(&g);
    }
    /* MHD decodes %00 and the path ends there: this asks for app.js, a
     * file the page serves anyway, and nothing else */
    http_got g = http_req(port, "GET", "/phone/app.js%00/../../secret.txt", NULL);
    CHECK(g.status == 200 || g.status == 404);
    CHECK(!strstr(g.raw, "SECRET"));
    http_free(&g);
    srv_stop(s);
}

static void test_methods_and_bodies(void)
{
    srv *s = start(assets, 0, 0);
    if (!s)
        return;
    int port = srv_port(s);
    char h[100];
    static const char *const methods[] = {"POST", "PUT", "DELETE", "PATCH", "OPTIONS"};
    for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++) {
        http_got g = http_req(port, methods[i], "/api/state", "Content-Length: 2\r\n");
        /* the body follows the headers: sent after them here */
        CHECK_INT(g.status, 405);
        CHECK_HAS(http_header(&g, "Allow", h, sizeof h), "GET");
        security_headers(&g);
        http_free(&g);
    }
    /* a declared body too large: refused before it is read */
    http_got g = http_req(port, "POST", "/", "Content-Length: 100000\r\n");
    CHECK_INT(g.status, 413);
    http_free(&g);
    g = http_req(port, "GET", "/health", "Content-Length: 99999999999999999999\r\n");
    /* a length that is no number MHD can hold: MHD hangs up on it itself */
    CHECK(g.status == 413 || g.status == 400 || g.status == 0);
    http_free(&g);
    /* a body sent in chunks, over the limit, on a GET */
    char big[9000];
    int n = snprintf(big, sizeof big,
                     "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                     "Transfer-Encoding: chunked\r\n\r\n%x\r\n", SRV_MAX_BODY + 100);
    memset(big + n, 'a', SRV_MAX_BODY + 100);
    n += SRV_MAX_BODY + 100;
    n += snprintf(big + n, sizeof big - (size_t)n, "\r\n0\r\n\r\n");
    g = http_raw(port, big, (size_t)n);
    CHECK_INT(g.status, 413);
    http_free(&g);
    /* a small body on a GET is read and ignored */
    g = http_raw(port, "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                       "Content-Length: 5\r\n\r\nhello", 77);
    CHECK_INT(g.status, 200);
    http_free(&g);
    /* malformed requests: MHD's own 400 for a bad header; a request line
     * it cannot parse at all, it hangs up on without an answer (0.9.75) */
    g = http_raw(port, "GET / HTTP/1.1\r\nHost: x\r\nBad header line\r\n\r\n", 44);
    CHECK_INT(g.status, 400);
    http_free(&g);
    static const char *const bad[] = {"GARBAGE\r\n\r\n", "GET\r\n\r\n",
                                      "GET / HTTP/9.9\r\nHost: x\r\n\r\n", "\x01\x02\x03\r\n\r\n"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        g = http_raw(port, bad[i], strlen(bad[i]));
        if (g.status != 400 && g.status != 505 && g.status != 0)
            fprintf(stderr, "bad request %zu: %d %.60s\n", i, g.status, g.raw);
        CHECK(g.status == 400 || g.status == 505 || g.status == 0);
        http_free(&g);
    }
    /* headers larger than a connection's memory: refused, not a crash */
    size_t hl = SRV_CONNECTION_MEMORY * 2;
    char *huge = malloc(hl + 200);
    if (huge) {
        int k = snprintf(huge, 200, "GET / HTTP/1.1\r\nHost: x\r\nX-Big: ");
        memset(huge + k, 'b', hl);
        memcpy(huge + k + hl, "\r\n\r\n", 4);
        g = http_raw(port, huge, (size_t)k + hl + 4);
        CHECK(g.status == 431 || g.status == 413 || g.status == 0);
        http_free(&g);
        free(huge);
    }
    answers(port, "/health", 200); /* and the server still answers */
    srv_stop(s);
}

static void test_health_and_state(void)
{
    srv *s = start(assets, 0, 0);
    if (!s)
        return;
    int port = srv_port(s);
    char h[200], etag[64], inm[128];
    http_got g = http_req(port, "GET", "/health", NULL);
    CHECK_INT(g.status, 200);
    CHECK_STR(http_header(&g, "Content-Type", h, sizeof h), "application/json");
    json_t *o = json_loads(g.body, 0, NULL);
    CHECK_INT(json_integer_value(json_object_get(o, "phones")), 0);
    CHECK_INT(json_integer_value(json_object_get(o, "open_decisions")), 0);
    CHECK(json_is_false(json_object_get(o, "published")));
    json_decref(o);
    security_headers(&g);
    http_free(&g);
    /* nothing published yet: the holding slide */
    g = http_req(port, "GET", "/api/state", NULL);
    CHECK_INT(g.status, 200);
    o = json_loads(g.body, 0, NULL);
    CHECK(json_is_true(json_object_get(o, "blank")));
    CHECK_INT(json_integer_value(json_object_get(o, "v")), 1);
    json_decref(o);
    http_free(&g);

    const char *s1 = "{\"v\":1,\"title\":\"ONE\",\"open_decisions\":2}";
    bh_err e;
    CHECK_INT(srv_publish(s, s1, strlen(s1), &e), BH_OK);
    CHECK_INT(srv_published(s), 1);
    g = http_req(port, "GET", "/api/state", NULL);
    CHECK_INT(g.status, 200);
    CHECK_STR(g.body, s1);
    CHECK_STR(http_header(&g, "Content-Type", h, sizeof h), "application/json");
    CHECK_STR(http_header(&g, "Cache-Control", h, sizeof h), "no-store");
    security_headers(&g);
    http_header(&g, "ETag", etag, sizeof etag);
    CHECK(etag[0] == '"' && strlen(etag) > 2);
    http_free(&g);
    CHECK_INT(health_open(port), 2);
    /* the same state: 304, with the ETag and no body */
    static const char *const forms[] = {"%s", "W/%s", "\"other\", %s", "*"};
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        char v[100];
        snprintf(v, sizeof v, forms[i], etag);
        snprintf(inm, sizeof inm, "If-None-Match: %s\r\n", v);
        g = http_req(port, "GET", "/api/state", inm);
        CHECK_INT(g.status, 304);
        CHECK_STR(g.body, "");
        CHECK_STR(http_header(&g, "ETag", h, sizeof h), etag);
        http_free(&g);
    }
    g = http_req(port, "GET", "/api/state", "If-None-Match: \"stale\"\r\n");
    CHECK_INT(g.status, 200);
    http_free(&g);
    /* the same text again changes nothing; a new one gets a new ETag */
    CHECK_INT(srv_publish(s, s1, strlen(s1), &e), BH_OK);
    CHECK_INT(srv_published(s), 1);
    const char *s2 = "{\"v\":1,\"title\":\"TWO\"}";
    CHECK_INT(srv_publish(s, s2, strlen(s2), &e), BH_OK);
    CHECK_INT(srv_published(s), 2);
    snprintf(inm, sizeof inm, "If-None-Match: %s\r\n", etag);
    g = http_req(port, "GET", "/api/state", inm);
    CHECK_INT(g.status, 200);
    CHECK_STR(g.body, s2);
    CHECK(strcmp(http_header(&g, "ETag", h, sizeof h), etag) != 0);
    http_free(&g);
    CHECK_INT(health_open(port), 0);
    /* what is not a JSON object is refused; the last good state stays */
    CHECK_INT(srv_publish(s, "nope", 4, &e), BH_EUSAGE);
    CHECK_INT(srv_publish(s, "[1]", 3, &e), BH_EUSAGE);
    CHECK_INT(srv_publish(s, NULL, 0, &e), BH_EUSAGE);
    g = http_req(port, "GET", "/api/state", NULL);
    CHECK_STR(g.body, s2);
    http_free(&g);

    /* back to the holding slide (a session closed) */
    CHECK_INT(srv_publish_holding(s, &e), BH_OK);
    g = http_req(port, "GET", "/api/state", NULL);
    o = json_loads(g.body, 0, NULL);
    CHECK(json_is_true(json_object_get(o, "blank")));
    json_decref(o);
    http_free(&g);
    CHECK_INT(srv_publish_holding(NULL, &e), BH_EUSAGE);
    CHECK_INT(srv_publish(s, s2, strlen(s2), &e), BH_OK);

    /* keep-alive: several requests on one connection, as a phone polls */
    int fd = http_connect(port);
    CHECK(fd >= 0);
    const char *poll = "GET /api/state HTTP/1.1\r\nHost: x\r\n\r\n";
    for (int i = 0; fd >= 0 && i < 3; i++)
        CHECK_INT(http_send(fd, poll, strlen(poll)), 0);
    const char *last = "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    if (fd >= 0) {
        http_send(fd, last, strlen(last));
        http_read(fd, &g);
        close(fd);
        int answers = 0;
        for (const char *p = g.raw; (p = strstr(p, "HTTP/1.1 200")); p++)
            answers++;
        CHECK_INT(answers, 4);
        http_free(&g);
    }
    srv_stop(s);
}

/* A publish while a response still sends the old state: the old one lives
 * until sent (ASan would see a use after free). */
static void test_publish_while_serving(void)
{
    srv *s = start(assets, 0, 0);
    if (!s)
        return;
    int port = srv_port(s);
    size_t n = 2 * 1024 * 1024;
    char *big = malloc(n + 32);
    if (!big) {
        srv_stop(s);
        return;
    }
    int k = snprintf(big, 32, "{\"pad\":\"");
    memset(big + k, 'x', n);
    memcpy(big + k + n, "\"}", 3);
    bh_err e;
    CHECK_INT(srv_publish(s, big, (size_t)k + n + 2, &e), BH_OK);
    int fd = http_connect(port);
    const char *req = "GET /api/state HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    http_send(fd, req, strlen(req));
    char first[100];
    CHECK(recv(fd, first, sizeof first, 0) > 0); /* it has started sending */
    const char *small = "{\"v\":1}";
    CHECK_INT(srv_publish(s, small, strlen(small), &e), BH_OK);
    http_got g;
    http_read(fd, &g);
    close(fd);
    CHECK(g.len + sizeof first > n); /* the whole old state arrived */
    http_free(&g);
    free(big);
    g = http_req(port, "GET", "/api/state", NULL);
    CHECK_STR(g.body, small);
    http_free(&g);
    srv_stop(s);
}

/* More connections than the limit: the ones over it are refused or wait,
 * never hang the server; when the others go, it serves again. */
static void test_connection_limit(void)
{
    enum { LIMIT = 4, EXTRA = 4 };
    srv *s = start(assets, LIMIT, 2);
    if (!s)
        return;
    int port = srv_port(s);
    int held[LIMIT];
    for (int i = 0; i < LIMIT; i++) { /* each holds a request it never finishes */
        held[i] = http_connect(port);
        CHECK(held[i] >= 0);
        if (held[i] >= 0)
            http_send(held[i], "GET / HTTP/1.1\r\n", 16);
    }
    for (int i = 0; i < EXTRA; i++) {
        http_got g = http_req(port, "GET", "/health", NULL);
        /* closed at once (0, or no connection), or served once a held one
         * timed out (200): anything but a hang (-2) */
        if (g.status == -2)
            fprintf(stderr, "connection %d over the limit hung\n", i);
        if (getenv("BH_SRV_VERBOSE"))
            fprintf(stderr, "connection %d over the limit: %d\n", i, g.status);
        CHECK(g.status == 0 || g.status == -1 || g.status == 200);
        http_free(&g);
    }
    for (int i = 0; i < LIMIT; i++)
        if (held[i] >= 0)
            close(held[i]);
    answers(port, "/health", 200);
    srv_stop(s);
}

static void test_ports(void)
{
    srv *a = start(assets, 0, 0);
    if (!a)
        return;
    int port = srv_port(a);
    /* the port in use: a clear error with the fix */
    srv_opts o;
    srv_opts_default(&o);
    o.bind = "127.0.0.1";
    o.port = port;
    o.assets = assets;
    srv *b = NULL;
    bh_err e;
    err_clear(&e);
    CHECK_INT(srv_start(&b, &o, &e), BH_EIO);
    CHECK(b == NULL);
    CHECK_HAS(e.msg, "in use");
    CHECK_HAS(e.msg, "--port N");
    CHECK_HAS(e.msg, "--port 0");
    /* not an address */
    o.bind = "not-an-address";
    o.port = 0;
    CHECK_INT(srv_start(&b, &o, &e), BH_EUSAGE);
    CHECK_HAS(e.msg, "--bind");
    o.bind = "127.0.0.1";
    o.port = 70000;
    CHECK_INT(srv_start(&b, &o, &e), BH_EUSAGE);
    /* stopping closes the port, at once */
    answers(port, "/health", 200);
    int idle = http_connect(port); /* a phone still connected */
    CHECK(idle >= 0);
    srv_stop(a);
    errno = 0;
    int fd = http_connect(port);
    CHECK_INT(fd, -1);
    CHECK_INT(errno, ECONNREFUSED);
    if (fd >= 0)
        close(fd);
    if (idle >= 0) { /* its connection was closed too */
        char c;
        CHECK(recv(idle, &c, 1, 0) <= 0);
        close(idle);
    }
    /* and the same port can be listened on again */
    o.port = port;
    CHECK_INT(srv_start(&b, &o, &e), BH_OK);
    CHECK_INT(srv_port(b), port);
    srv_stop(b);
    srv_stop(NULL);
}

/* The URLs for one address: that address (IPv6 in brackets). Listening
 * on every network is not tried here: tests keep to loopback. */
static void test_urls(void)
{
    srv *s = start(assets, 0, 0);
    if (!s)
        return;
    char urls[4][SRV_URL_MAX], want[SRV_URL_MAX];
    CHECK_INT(srv_urls(s, urls, 4), 1);
    snprintf(want, sizeof want, "http://127.0.0.1:%d/", srv_port(s));
    CHECK_STR(urls[0], want);
    CHECK_INT(srv_urls(s, urls, 0), 0);
    srv_stop(s);
    srv_opts o;
    srv_opts_default(&o);
    o.bind = "::1";
    o.port = 0;
    o.assets = assets;
    bh_err e;
    if (srv_start(&s, &o, &e) != BH_OK) { /* a machine without IPv6 */
        fprintf(stderr, "(no IPv6 loopback here: %s)\n", e.msg);
        return;
    }
    CHECK_INT(srv_urls(s, urls, 4), 1);
    snprintf(want, sizeof want, "http://[::1]:%d/", srv_port(s));
    CHECK_STR(urls[0], want);
    srv_stop(s);
}

/* Virtual interfaces (containers, VMs, VPNs) come after the real ones:
 * the projector's first QR code must be one a phone can reach. */
static void test_virtual_ifs(void)
{
    const char *virt[] = {"docker0", "br-1a2b3c", "virbr0", "veth12ab", "tun0", "wg0",
                          "tailscale0", "vboxnet0", "lxcbr0"};
    const char *real[] = {"eth0", "wlan0", "wlp2s0", "enp0s31f6", "en0", "bond0", ""};
    for (size_t i = 0; i < sizeof virt / sizeof virt[0]; i++)
        CHECK_INT(srv_virtual_if(virt[i]), 1);
    for (size_t i = 0; i < sizeof real / sizeof real[0]; i++)
        CHECK_INT(srv_virtual_if(real[i]), 0);
    CHECK_INT(srv_virtual_if(NULL), 0);
}

static void test_room_code(void)
{
    /* the workshop's --help (cli_workshop.c, which cannot include srv.h)
     * and the README name the default port: change them with it */
    CHECK_INT(SRV_DEFAULT_PORT, 8417);
    char seen[20][SRV_ROOM_CODE_LEN + 1];
    int distinct = 0;
    for (int i = 0; i < 20; i++) {
        bh_err e;
        CHECK_INT(srv_room_code(seen[i], &e), BH_OK);
        CHECK_INT(strlen(seen[i]), SRV_ROOM_CODE_LEN);
        CHECK_INT(strspn(seen[i], "ABCDEFGHJKMNPQRSTUVWXYZ"), SRV_ROOM_CODE_LEN);
        int dup = 0;
        for (int j = 0; j < i; j++)
            dup |= strcmp(seen[i], seen[j]) == 0;
        distinct += !dup;
    }
    CHECK(distinct > 1); /* random: 20 equal codes would be a broken source */
}

int main(int argc, char **argv)
{
    static const check_case cases[] = {
        {"the phone page and its files", test_page},
        {"refused paths", test_refused_paths},
        {"methods, bodies, malformed requests", test_methods_and_bodies},
        {"health and state", test_health_and_state},
        {"publish while serving", test_publish_while_serving},
        {"connection limit", test_connection_limit},
        {"ports", test_ports},
        {"URLs", test_urls},
        {"room code", test_room_code},
        {"virtual interfaces last", test_virtual_ifs},
        {NULL, NULL},
    };
    return check_main_in_tmpdir(argc, argv, cases, dir, sizeof dir, "srv");
}
