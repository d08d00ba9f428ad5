/* phones: see phones.h. One libcurl multi handle drives every phone's
 * easy handle (each keeps its keep-alive connection); each phone has at
 * most one request in flight, and a small state: what it last saw of the
 * room (the roles, the open decision and its letters, the actions of its
 * role that can start), its token, its ETag, and its last accepted vote. */
#include "phones.h"

#include <curl/curl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "core/tally.h"

typedef enum { K_IDLE, K_POLL, K_JOIN, K_VOTE, K_ME, K_PROPOSE } lp_kind;

#define LP_ACTS 32

typedef struct phone {
    int i;
    CURL *h;
    struct curl_slist *hdrs;
    lp_kind busy;
    double t0, next_poll, next_vote, next_me, next_propose, retry_at;
    int joined, observer;
    char token[33], etag[64], got_etag[64], role[24];
    int retry_after;
    char *buf;
    size_t len, cap;
    int decision;           /* the open decision it last saw, -1 none */
    char letters[16];
    int nacts, acts[LP_ACTS];
    char roles[8][24];      /* the roles it last saw (joins the i-th modulo) */
    int nroles;
    lp_vote pending;
    unsigned rng;
    char body[256];
} phone;

typedef struct run {
    const lp_opts *o;
    lp_result *r;
    CURLM *m;
    phone *ph;
    double *lat;
    size_t nlat, cap;
    char base[64];
} run;

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static double rnd(phone *p) /* 0..1, a phone's own xorshift: runs repeat */
{
    p->rng ^= p->rng << 13;
    p->rng ^= p->rng >> 17;
    p->rng ^= p->rng << 5;
    return (double)(p->rng % 100000) / 100000.0;
}

static size_t on_body(char *d, size_t sz, size_t n, void *ud)
{
    phone *p = ud;
    size_t k = sz * n;
    if (p->len + k + 1 > p->cap) {
        size_t cap = (p->len + k + 1) * 2;
        char *b = realloc(p->buf, cap);
        if (!b)
            return 0;
        p->buf = b;
        p->cap = cap;
    }
    memcpy(p->buf + p->len, d, k);
    p->len += k;
    p->buf[p->len] = 0;
    return k;
}

static size_t on_header(char *d, size_t sz, size_t n, void *ud)
{
    phone *p = ud;
    size_t k = sz * n;
    if (k > 5 && strncasecmp(d, "ETag:", 5) == 0) {
        const char *v = d + 5;
        while (*v == ' ')
            v++;
        size_t l = strcspn(v, "\r\n");
        if (l < sizeof p->got_etag) {
            memcpy(p->got_etag, v, l);
            p->got_etag[l] = 0;
        }
    } else if (k > 12 && strncasecmp(d, "Retry-After:", 12) == 0) {
        p->retry_after = atoi(d + 12);
    }
    return k;
}

static void fail(run *u, const char *what, long status, const phone *p)
{
    if (!u->r->errors++)
        snprintf(u->r->first_error, sizeof u->r->first_error, "phone %d: %s: %ld %.100s", p->i,
                 what, status, p->buf ? p->buf : "");
}

static void start(run *u, phone *p, lp_kind k, const char *path, const char *post)
{
    char url[160];
    snprintf(url, sizeof url, "%s%s", u->base, path);
    curl_easy_reset(p->h);
    curl_slist_free_all(p->hdrs);
    p->hdrs = NULL;
    curl_easy_setopt(p->h, CURLOPT_URL, url);
    curl_easy_setopt(p->h, CURLOPT_PRIVATE, p);
    curl_easy_setopt(p->h, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(p->h, CURLOPT_WRITEDATA, p);
    curl_easy_setopt(p->h, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(p->h, CURLOPT_HEADERDATA, p);
    curl_easy_setopt(p->h, CURLOPT_NOPROXY, "*"); /* loopback, whatever the environment says */
    curl_easy_setopt(p->h, CURLOPT_PROXY, "");
    curl_easy_setopt(p->h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(p->h, CURLOPT_TIMEOUT_MS, 10000L);
    curl_easy_setopt(p->h, CURLOPT_PROTOCOLS_STR, "http");
    char h[100];
    if (k == K_POLL && p->etag[0]) {
        snprintf(h, sizeof h, "If-None-Match: %s", p->etag);
        p->hdrs = curl_slist_append(p->hdrs, h);
    }
    if (k == K_ME) {
        snprintf(h, sizeof h, "X-Room-Token: %s", p->token);
        p->hdrs = curl_slist_append(p->hdrs, h);
    }
    if (post) {
        p->hdrs = curl_slist_append(p->hdrs, "Content-Type: application/json");
        curl_easy_setopt(p->h, CURLOPT_COPYPOSTFIELDS, post);
    }
    if (p->hdrs)
        curl_easy_setopt(p->h, CURLOPT_HTTPHEADER, p->hdrs);
    p->len = 0;
    p->got_etag[0] = 0;
    p->retry_after = 1;
    p->busy = k;
    p->t0 = now_s();
    curl_multi_add_handle(u->m, p->h);
}

/* What the phone saw of the room in a 200 of /api/state. */
static void saw(phone *p, json_t *st)
{
    json_t *roles = json_object_get(st, "roles"), *d = json_object_get(st, "decision");
    p->nroles = 0;
    for (size_t i = 0; i < json_array_size(roles) && p->nroles < 8; i++) {
        const char *k = json_string_value(json_object_get(json_array_get(roles, i), "key"));
        if (k && strlen(k) < sizeof p->roles[0])
            strcpy(p->roles[p->nroles++], k);
    }
    const char *key = json_string_value(json_object_get(d, "key"));
    p->decision = key && key[0] == 'd' ? atoi(key + 1) : -1;
    json_t *opts = json_object_get(d, "options");
    size_t n = 0;
    for (size_t i = 0; i < json_array_size(opts) && n + 1 < sizeof p->letters; i++) {
        const char *l = json_string_value(json_object_get(json_array_get(opts, i), "letter"));
        if (l && l[0])
            p->letters[n++] = l[0];
    }
    p->letters[n] = 0;
    json_t *acts = json_object_get(st, "actions");
    p->nacts = 0;
    for (size_t i = 0; i < json_array_size(acts) && p->nacts < LP_ACTS; i++) {
        json_t *a = json_array_get(acts, i);
        const char *k = json_string_value(json_object_get(a, "key"));
        const char *r = json_string_value(json_object_get(a, "role"));
        const char *s = json_string_value(json_object_get(a, "state"));
        if (k && r && s && strcmp(s, "available") == 0 && (!r[0] || strcmp(r, p->role) == 0))
            p->acts[p->nacts++] = atoi(k + 1);
    }
}

static void done(run *u, phone *p, CURLcode res)
{
    lp_result *r = u->r;
    double now = now_s();
    long status = 0;
    curl_easy_getinfo(p->h, CURLINFO_RESPONSE_CODE, &status);
    lp_kind k = p->busy;
    p->busy = K_IDLE;
    if (res != CURLE_OK) {
        fail(u, curl_easy_strerror(res), 0, p);
        return;
    }
    r->requests++;
    if (u->nlat < u->cap)
        u->lat[u->nlat++] = (now - p->t0) * 1000.0;
    if (status == 429) {
        r->limited++;
        p->retry_at = now + (p->retry_after > 0 ? p->retry_after : 1) * (0.5 + rnd(p));
        return;
    }
    json_t *o = status == 200 ? json_loadb(p->buf ? p->buf : "", p->len, 0, NULL) : NULL;
    switch (k) {
    case K_POLL:
        r->polls++;
        if (status == 304) {
            r->polls_304++;
        } else if (o) {
            snprintf(p->etag, sizeof p->etag, "%s", p->got_etag);
            saw(p, o);
        } else {
            fail(u, "poll", status, p);
        }
        break;
    case K_JOIN:
        if (o && json_string_value(json_object_get(o, "token"))) {
            snprintf(p->token, sizeof p->token, "%s",
                     json_string_value(json_object_get(o, "token")));
            p->joined = 1;
            r->joins++;
            r->joined++;
        } else {
            fail(u, "join", status, p);
        }
        break;
    case K_VOTE:
        if (o) {
            r->votes++;
            r->last[p->i] = p->pending;
            if (p->pending.decision < LP_DECISIONS)
                r->on[p->i * LP_DECISIONS + p->pending.decision] = p->pending;
        } else if (status == 409) {
            r->votes_stale++; /* the decision closed between its poll and its vote */
        } else {
            fail(u, "vote", status, p);
        }
        break;
    case K_ME: {
        r->mes++;
        json_t *v = json_object_get(o, "vote");
        const char *d = json_string_value(json_object_get(v, "decision"));
        const char *opt = json_string_value(json_object_get(v, "option"));
        const char *cf = json_string_value(json_object_get(v, "confidence"));
        lp_vote l = r->last[p->i];
        int same = !o ? 0
                   : json_is_null(v) ? l.decision < 0
                   : d && opt && cf && l.decision == atoi(d + 1) && opt[0] - 'A' == l.option &&
                         tally_conf_parse(cf) == l.conf;
        if (!same)
            fail(u, "me: not its last accepted vote", status, p);
        break;
    }
    case K_PROPOSE:
        if (o)
            r->proposals++;
        else if (status == 409)
            r->votes_stale++; /* the action started between its poll and the proposal */
        else
            fail(u, "propose", status, p);
        break;
    case K_IDLE: break;
    }
    json_decref(o);
}

/* The phone's next request, if one is due. */
static void next(run *u, phone *p, double now)
{
    const lp_opts *o = u->o;
    if (now < p->retry_at)
        return;
    if (!p->joined && p->nroles > 0) {
        snprintf(p->role, sizeof p->role, "%s", p->roles[p->i % p->nroles]);
        p->observer = strcmp(p->role, "observer") == 0;
        snprintf(p->body, sizeof p->body,
                 "{\"code\":\"%s\",\"role\":\"%s\",\"name\":\"p%d\"}", o->code, p->role, p->i);
        snprintf(u->r->names[p->i], sizeof u->r->names[0], "p%d", p->i);
        start(u, p, K_JOIN, "/api/join", p->body);
    } else if (p->joined && now >= p->next_vote && p->decision >= 0 && p->letters[0]) {
        p->next_vote = now + o->vote_s * (0.5 + rnd(p));
        int n = (int)strlen(p->letters);
        p->pending = (lp_vote){p->decision, (int)(rnd(p) * n) % n, (int)(rnd(p) * 3) % 3};
        snprintf(p->body, sizeof p->body,
                 "{\"token\":\"%s\",\"decision\":\"d%d\",\"option\":\"%c\",\"confidence\":\"%s\"}",
                 p->token, p->decision, 'A' + p->pending.option,
                 tally_conf_name(p->pending.conf));
        start(u, p, K_VOTE, "/api/vote", p->body);
    } else if (p->joined && now >= p->next_propose && p->nacts && !p->observer) {
        p->next_propose = now + o->propose_s * (0.5 + rnd(p));
        snprintf(p->body, sizeof p->body, "{\"token\":\"%s\",\"action\":\"a%d\"}", p->token,
                 p->acts[(int)(rnd(p) * p->nacts) % p->nacts]);
        start(u, p, K_PROPOSE, "/api/propose", p->body);
    } else if (p->joined && now >= p->next_me) {
        p->next_me = now + o->me_s * (0.5 + rnd(p));
        start(u, p, K_ME, "/api/me", NULL);
    } else if (now >= p->next_poll) {
        p->next_poll = now + o->poll_s;
        start(u, p, K_POLL, "/api/state", NULL);
    }
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void loop(run *u)
{
    const lp_opts *o = u->o;
    double t0 = now_s(), end = t0 + o->seconds, drain = end + 5;
    int inflight = 0;
    for (;;) {
        double now = now_s();
        int stopping = now >= end || (o->stop && atomic_load(o->stop));
        if (stopping && (!inflight || now >= drain))
            break;
        for (int i = 0; !stopping && i < o->phones; i++)
            if (u->ph[i].busy == K_IDLE) {
                next(u, &u->ph[i], now);
                inflight += u->ph[i].busy != K_IDLE;
            }
        int running;
        curl_multi_perform(u->m, &running);
        CURLMsg *msg;
        int left;
        while ((msg = curl_multi_info_read(u->m, &left))) {
            if (msg->msg != CURLMSG_DONE)
                continue;
            phone *p = NULL;
            curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, (char **)&p);
            CURLcode res = msg->data.result;
            curl_multi_remove_handle(u->m, msg->easy_handle);
            inflight--;
            if (p)
                done(u, p, res);
        }
        curl_multi_poll(u->m, NULL, 0, 5, NULL);
    }
    for (int i = 0; i < o->phones; i++) /* still unanswered after the drain: unknown outcome */
        if (u->ph[i].busy != K_IDLE) {
            fail(u, "no answer by the end", 0, &u->ph[i]);
            curl_multi_remove_handle(u->m, u->ph[i].h);
        }
    u->r->elapsed_s = now_s() - t0;
}

int lp_run(const lp_opts *in, lp_result *r)
{
    memset(r, 0, sizeof *r);
    lp_opts o = *in;
    o.poll_s = o.poll_s > 0 ? o.poll_s : 0.5;
    o.vote_s = o.vote_s > 0 ? o.vote_s : 4;
    o.me_s = o.me_s > 0 ? o.me_s : 10;
    o.propose_s = o.propose_s > 0 ? o.propose_s : 15;
    if (o.phones <= 0 || o.seconds <= 0 || curl_global_init(CURL_GLOBAL_DEFAULT) != 0)
        return -1;
    run u = {.o = &o, .r = r};
    snprintf(u.base, sizeof u.base, "http://127.0.0.1:%d", o.port); /* loopback only */
    u.cap = (size_t)(o.phones * o.seconds * (1 / o.poll_s + 2)) + 10000;
    u.lat = malloc(u.cap * sizeof *u.lat);
    u.ph = calloc((size_t)o.phones, sizeof *u.ph);
    r->last = calloc((size_t)o.phones, sizeof *r->last);
    r->names = calloc((size_t)o.phones, sizeof *r->names);
    r->on = malloc((size_t)o.phones * LP_DECISIONS * sizeof *r->on);
    u.m = curl_multi_init();
    int ok = u.lat && u.ph && r->last && r->names && r->on && u.m;
    for (int i = 0; ok && i < o.phones * LP_DECISIONS; i++)
        r->on[i].decision = -1;
    for (int i = 0; ok && i < o.phones; i++) {
        phone *p = &u.ph[i];
        p->i = i;
        p->decision = -1;
        p->rng = (o.seed ? o.seed : 1) * 2654435761u + (unsigned)i * 40503u + 1;
        p->next_poll = now_s() + (double)i / o.phones * o.poll_s; /* spread over a poll */
        p->next_vote = p->next_poll + o.vote_s * rnd(p);
        p->next_me = p->next_poll + o.me_s * rnd(p);
        p->next_propose = p->next_poll + o.propose_s * rnd(p);
        r->last[i].decision = -1;
        ok = (p->h = curl_easy_init()) != NULL;
    }
    if (ok) {
        curl_multi_setopt(u.m, CURLMOPT_MAXCONNECTS, (long)o.phones + 10);
        loop(&u);
        qsort(u.lat, u.nlat, sizeof *u.lat, cmp_double);
        if (u.nlat) {
            r->p50_ms = u.lat[u.nlat / 2];
            r->p95_ms = u.lat[u.nlat * 95 / 100];
            r->max_ms = u.lat[u.nlat - 1];
        }
    }
    for (int i = 0; u.ph && i < o.phones; i++) {
        if (u.ph[i].h)
            curl_easy_cleanup(u.ph[i].h);
        curl_slist_free_all(u.ph[i].hdrs);
        free(u.ph[i].buf);
    }
    if (u.m)
        curl_multi_cleanup(u.m);
    free(u.ph);
    free(u.lat);
    curl_global_cleanup();
    if (!ok) {
        lp_result_free(r);
        return -1;
    }
    return 0;
}

void lp_result_free(lp_result *r)
{
    free(r->last);
    free(r->names);
    free(r->on);
    r->on = NULL;
    r->last = NULL;
    r->names = NULL;
}
