/* srv_route: the room server's requests (see srv.h for the routes). MHD
 * calls srv_handle at least twice per request: first with the headers (a
 * declared body too large, or a method the path does not take, is refused
 * there, before any body is read), then with each piece of the body (kept
 * for the POST routes up to SRV_MAX_BODY, counted and dropped for the
 * others), then once more to answer. Every answer carries the same
 * security headers; under /api/ refusals are JSON ({"error": ...}). */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "room/srv_internal.h"

typedef struct srv_req {
    size_t body;            /* bytes of body seen */
    int answered;           /* a refusal is queued: drop the rest */
    char *buf;              /* a POST route's body, SRV_MAX_BODY + 1 bytes; else NULL */
} srv_req;

/* A body without a length (chunked) is only known too large while it
 * arrives, when MHD 0.9.75 cannot answer yet: it is read to its end for
 * the 413, up to this much; beyond, the connection is dropped. */
#define SRV_DRAIN_MAX (16 * SRV_MAX_BODY)

/* ---- files of assets/phone ---- */

/* A name the phone folder may serve: letters, digits, '_', '.', '-', not
 * starting with a dot (no "..", no hidden files), no '/' (no subfolders,
 * so nothing outside the folder). MHD has already decoded %-escapes, so
 * "%2e%2e%2f" arrives here as "../" and is refused. */
static int safe_name(const char *n)
{
    size_t len = strlen(n);
    if (len == 0 || len > 100 || n[0] == '.')
        return 0;
    for (const char *p = n; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
              *p == '_' || *p == '.' || *p == '-'))
            return 0;
    return 1;
}

static const char *content_type(const char *name)
{
    static const char *const types[][2] = {
        {".html", "text/html; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"}, {".json", "application/json"},
        {".svg", "image/svg+xml"}, {".png", "image/png"}, {".ico", "image/x-icon"},
        {".webmanifest", "application/manifest+json"}, {".txt", "text/plain; charset=utf-8"},
        {".woff2", "font/woff2"}};
    const char *dot = strrchr(name, '.');
    for (size_t i = 0; dot && i < sizeof types / sizeof types[0]; i++)
        if (strcmp(dot, types[i][0]) == 0)
            return types[i][1];
    return "application/octet-stream";
}

/* Opens phone_dir/name, a regular file and no symbolic link; -1 if not. */
static int open_file(const srv *s, const char *name, size_t *size)
{
    char path[4200];
    if ((size_t)snprintf(path, sizeof path, "%s/%s", s->phone_dir, name) >= sizeof path)
        return -1;
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    struct stat st;
    if (fd >= 0 && (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))) {
        close(fd);
        fd = -1;
    }
    if (fd >= 0)
        *size = (size_t)st.st_size;
    return fd;
}

static enum MHD_Result file(struct MHD_Connection *c, const srv *s, const char *name)
{
    size_t size = 0;
    int fd = open_file(s, name, &size);
    if (fd < 0)
        return srv_text(c, MHD_HTTP_NOT_FOUND, "Not found.");
    struct MHD_Response *r = MHD_create_response_from_fd(size, fd); /* closes fd */
    if (!r)
        close(fd);
    return srv_answer(c, MHD_HTTP_OK, r, content_type(name), "no-cache");
}

static enum MHD_Result page(struct MHD_Connection *c, const srv *s)
{
    size_t size = 0;
    int fd = open_file(s, "index.html", &size);
    if (fd < 0) {
        char msg[4400];
        snprintf(msg, sizeof msg,
                 "Bulkhead's phone page is missing: %s/index.html was not found. Reinstall "
                 "Bulkhead, or run it from its source folder (scripts/play), so that its "
                 "assets folder is found.", s->phone_dir);
        return srv_text(c, MHD_HTTP_SERVICE_UNAVAILABLE, msg);
    }
    close(fd);
    return file(c, s, "index.html");
}

/* ---- the room's state ---- */

/* 1 when If-None-Match names etag (or is "*"): a list of entity tags,
 * weak ones ("W/") compared by their value. */
static int etag_matches(const char *inm, const char *etag)
{
    if (!inm)
        return 0;
    size_t el = strlen(etag);
    const char *p = inm;
    while (*p) {
        while (*p == ' ' || *p == '\t' || *p == ',')
            p++;
        if (*p == '*')
            return 1;
        if (p[0] == 'W' && p[1] == '/')
            p += 2;
        const char *e = p;
        while (*e && *e != ',')
            e++;
        const char *end = e;
        while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
            end--;
        if ((size_t)(end - p) == el && memcmp(p, etag, el) == 0)
            return 1;
        p = e;
    }
    return 0;
}

static void snap_free(void *cls)
{
    srv_snap_put(cls);
}

static enum MHD_Result state(struct MHD_Connection *c, srv *s)
{
    srv_snap *p = srv_snap_get(s);
    if (!p) /* never: the holding slide is there from the start */
        return srv_text(c, MHD_HTTP_SERVICE_UNAVAILABLE,
                        "The room's state is not ready: try again.");
    const char *inm =
        MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_IF_NONE_MATCH);
    struct MHD_Response *r;
    unsigned status;
    if (etag_matches(inm, p->etag)) {
        status = MHD_HTTP_NOT_MODIFIED;
        r = MHD_create_response_from_buffer(0, NULL, MHD_RESPMEM_PERSISTENT);
        if (r)
            MHD_add_response_header(r, MHD_HTTP_HEADER_ETAG, p->etag);
        srv_snap_put(p);
    } else {
        status = MHD_HTTP_OK;
        /* no copy: the response holds a reference, dropped when sent */
        r = MHD_create_response_from_buffer_with_free_callback_cls(p->n, p->body, snap_free, p);
        if (r)
            MHD_add_response_header(r, MHD_HTTP_HEADER_ETAG, p->etag);
        else
            srv_snap_put(p);
    }
    return srv_answer(c, status, r, status == MHD_HTTP_OK ? "application/json" : NULL, NULL);
}

static enum MHD_Result health(struct MHD_Connection *c, srv *s)
{
    srv_snap *p = srv_snap_get(s);
    int open = p ? p->open_decisions : 0, published = srv_published(s) > 0;
    srv_snap_put(p);
    json_t *o = json_pack("{s:b, s:i, s:i, s:b, s:s}", "ok", 1, "phones", srv_phones_count(s),
                          "open_decisions", open, "published", published, "version", BH_VERSION);
    return srv_json(c, MHD_HTTP_OK, o);
}

/* The console's self-test: "open this on your phone". It records that a
 * phone got here, and from where (the console shows it), and tells the
 * person holding the phone. No script, no style: the CSP allows none
 * inline. */
static enum MHD_Result selftest(struct MHD_Connection *c, srv *s, const char *method)
{
    static const char page_text[] =
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        "<title>Bulkhead: connected</title></head><body>"
        "<h1>Connected</h1><p>Your phone reached the facilitator's laptop.</p>"
        "<p>The facilitator's screen now says so. You can close this page.</p>"
        "</body></html>\n";
    if (strcmp(method, MHD_HTTP_METHOD_GET) == 0) {
        char from[64] = "";
        const union MHD_ConnectionInfo *ci =
            MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
        const struct sockaddr *sa = ci ? ci->client_addr : NULL;
        if (sa && sa->sa_family == AF_INET)
            inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, from, sizeof from);
        else if (sa && sa->sa_family == AF_INET6)
            inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, from, sizeof from);
        srv_phones_selftest(s, from);
    }
    struct MHD_Response *r = MHD_create_response_from_buffer(
        sizeof page_text - 1, (void *)page_text, MHD_RESPMEM_PERSISTENT);
    return srv_answer(c, MHD_HTTP_OK, r, "text/html; charset=utf-8", NULL);
}

/* Where each GET or HEAD request goes (the POST routes are srv_api's). */
static enum MHD_Result route(struct MHD_Connection *c, srv *s, const char *url,
                             const char *method)
{
    if (strcmp(url, "/") == 0)
        return page(c, s);
    if (strcmp(url, "/health") == 0)
        return health(c, s);
    if (strcmp(url, "/api/state") == 0)
        return state(c, s);
    if (strcmp(url, "/t") == 0)
        return selftest(c, s, method);
    if (srv_api_route(url) == 2)
        return srv_api(c, s, url, NULL, 0);
    if (strncmp(url, "/phone/", 7) == 0 && safe_name(url + 7))
        return file(c, s, url + 7);
    return srv_refusal(c, url, MHD_HTTP_NOT_FOUND, "Not found.");
}

static int served_method(const char *m, int post)
{
    if (post)
        return strcmp(m, MHD_HTTP_METHOD_POST) == 0;
    return strcmp(m, MHD_HTTP_METHOD_GET) == 0 || strcmp(m, MHD_HTTP_METHOD_HEAD) == 0;
}

static enum MHD_Result refuse(struct MHD_Connection *c, srv_req *q, const char *url,
                              unsigned status, const char *msg)
{
    q->answered = 1;
    return srv_refusal(c, url, status, msg);
}

static enum MHD_Result not_allowed(struct MHD_Connection *c, srv_req *q, const char *url,
                                   int post)
{
    q->answered = 1;
    int api = strncmp(url, "/api/", 5) == 0;
    const char *msg =
        post ? "Method not allowed: only POST.\n" : "Method not allowed: only GET and HEAD.\n";
    struct MHD_Response *r =
        api ? srv_json_response(json_pack("{s:s%}", "error", msg, strlen(msg) - 1))
            : MHD_create_response_from_buffer(strlen(msg), (void *)msg, MHD_RESPMEM_PERSISTENT);
    if (r)
        MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW, post ? "POST" : "GET, HEAD");
    return srv_answer(c, MHD_HTTP_METHOD_NOT_ALLOWED, r,
                      api ? "application/json" : "text/plain; charset=utf-8", NULL);
}

enum MHD_Result srv_handle(void *cls, struct MHD_Connection *c, const char *url,
                           const char *method, const char *version, const char *upload,
                           size_t *upload_size, void **req)
{
    (void)version;
    srv *s = cls;
    srv_req *q = *req;
    if (!q) { /* the headers */
        if (!(q = calloc(1, sizeof *q)))
            return MHD_NO;
        *req = q;
        const char *cl =
            MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
        if (cl && (strlen(cl) > 9 || strtoul(cl, NULL, 10) > SRV_MAX_BODY))
            return refuse(c, q, url, MHD_HTTP_CONTENT_TOO_LARGE,
                          "The request's body is too large.");
        int post = srv_api_route(url) == 1;
        if (!served_method(method, post))
            return not_allowed(c, q, url, post);
        if (post && !(q->buf = malloc(SRV_MAX_BODY + 1)))
            return MHD_NO;
        return MHD_YES;
    }
    if (*upload_size) { /* a piece of body: kept for a POST route, else dropped */
        if (q->buf && q->body + *upload_size <= SRV_MAX_BODY)
            memcpy(q->buf + q->body, upload, *upload_size);
        q->body += *upload_size;
        *upload_size = 0;
        return q->body > SRV_DRAIN_MAX ? MHD_NO : MHD_YES;
    }
    if (q->answered)
        return MHD_YES;
    if (q->body > SRV_MAX_BODY)
        return refuse(c, q, url, MHD_HTTP_CONTENT_TOO_LARGE, "The request's body is too large.");
    q->answered = 1;
    if (q->buf) {
        q->buf[q->body] = 0;
        return srv_api(c, s, url, q->buf, q->body);
    }
    return route(c, s, url, method);
}

void srv_completed(void *cls, struct MHD_Connection *c, void **req,
                   enum MHD_RequestTerminationCode why)
{
    (void)cls;
    (void)c;
    (void)why;
    srv_req *q = *req;
    if (q)
        free(q->buf);
    free(*req);
    *req = NULL;
}
