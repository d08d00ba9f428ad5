/* srv_answer: the answers every route of the room server gives, each with
 * the same security headers: no sniffing, a CSP of default-src 'self'
 * (the phone page loads its script from /phone/, no inline script or
 * style), no framing, no referrer, and no-store unless the route says
 * otherwise; plain text for a person, or JSON ({"error": ...} for a
 * refusal under /api/). */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "room/srv_internal.h"

static const char *const csp = "default-src 'self'; frame-ancestors 'none'; base-uri 'none'";

enum MHD_Result srv_answer(struct MHD_Connection *c, unsigned status, struct MHD_Response *r,
                           const char *type, const char *cache)
{
    if (!r)
        return MHD_NO; /* out of memory: MHD drops the connection */
    MHD_add_response_header(r, MHD_HTTP_HEADER_X_CONTENT_TYPE_OPTIONS, "nosniff");
    MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_SECURITY_POLICY, csp);
    MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(r, "X-Frame-Options", "DENY");
    if (type)
        MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
    MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, cache ? cache : "no-store");
    enum MHD_Result ok = MHD_queue_response(c, status, r);
    MHD_destroy_response(r);
    return ok;
}

/* A short plain-text answer: what went wrong, for a person reading it. */
enum MHD_Result srv_text(struct MHD_Connection *c, unsigned status, const char *msg)
{
    char buf[4600];
    int n = snprintf(buf, sizeof buf, "%s\n", msg);
    if (n < 0 || (size_t)n >= sizeof buf) /* cut, never read past the buffer */
        n = (int)sizeof buf - 1;
    struct MHD_Response *r =
        MHD_create_response_from_buffer((size_t)n, buf, MHD_RESPMEM_MUST_COPY);
    return srv_answer(c, status, r, "text/plain; charset=utf-8", NULL);
}

struct MHD_Response *srv_json_response(json_t *o)
{
    char *t = o ? json_dumps(o, JSON_COMPACT) : NULL;
    json_decref(o);
    if (!t)
        return NULL;
    struct MHD_Response *r = MHD_create_response_from_buffer(strlen(t), t, MHD_RESPMEM_MUST_FREE);
    if (!r)
        free(t);
    return r;
}

enum MHD_Result srv_json(struct MHD_Connection *c, unsigned status, json_t *o)
{
    return srv_answer(c, status, srv_json_response(o), "application/json", NULL);
}

enum MHD_Result srv_error(struct MHD_Connection *c, unsigned status, const char *msg)
{
    return srv_json(c, status, json_pack("{s:s}", "error", msg));
}

enum MHD_Result srv_too_fast(struct MHD_Connection *c, const char *msg)
{
    struct MHD_Response *r = srv_json_response(json_pack("{s:s}", "error", msg));
    if (r)
        MHD_add_response_header(r, MHD_HTTP_HEADER_RETRY_AFTER, "1");
    return srv_answer(c, MHD_HTTP_TOO_MANY_REQUESTS, r, "application/json", NULL);
}

/* A refusal in the form the path's readers take: JSON under /api/. */
enum MHD_Result srv_refusal(struct MHD_Connection *c, const char *url, unsigned status,
                               const char *msg)
{
    return strncmp(url, "/api/", 5) == 0 ? srv_error(c, status, msg) : srv_text(c, status, msg);
}

