/* srv_phones: the room's roster, the one state the server keeps besides
 * the snapshot: each phone's token, role, cleaned name and current vote,
 * its rate bucket and the proposals it made, and the queue of proposals
 * for the main loop. One mutex (rmu) guards it all; each call holds it
 * for a lookup in at most SRV_MAX_PHONES entries and a copy, never while
 * parsing or answering, so the main loop's reads each frame never wait on
 * the network. Tokens are compared in constant time: a phone's token is
 * its only credential. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

#include "core/tally.h"
#include "room/srv_internal.h"

double srv_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

void srv_phones_init(srv *s, const srv_opts *o)
{
    pthread_mutex_init(&s->rmu, NULL);
    s->max_phones = o && o->max_phones > 0 && o->max_phones < SRV_MAX_PHONES ? o->max_phones
                                                                            : SRV_MAX_PHONES;
    s->join_rate = o && o->joins_per_s > 0 ? o->joins_per_s : SRV_JOINS_PER_S;
    s->join_bucket = 2 * s->join_rate;
    s->join_t = srv_now();
    s->bad_rate = o && o->bad_codes_per_s > 0 ? o->bad_codes_per_s : SRV_BAD_CODES_PER_S;
    s->bad_bucket = 2 * s->bad_rate;
    s->bad_t = s->join_t;
    s->rate = o && o->rate_per_s > 0 ? o->rate_per_s : SRV_RATE_PER_S;
}

void srv_phones_free(srv *s)
{
    free(s->closed);
    pthread_mutex_destroy(&s->rmu);
}

/* ---- tokens ---- */

void srv_token_hex(const unsigned char t[16], char out[33])
{
    static const char hex[] = "0123456789abcdef";
    for (int i = 0; i < 16; i++) {
        out[2 * i] = hex[t[i] >> 4];
        out[2 * i + 1] = hex[t[i] & 15];
    }
    out[32] = 0;
}

static int hexval(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

int srv_token_parse(const char *hex, unsigned char t[16])
{
    if (!hex || strlen(hex) != 32)
        return 0;
    for (int i = 0; i < 16; i++) {
        int hi = hexval(hex[2 * i]), lo = hexval(hex[2 * i + 1]);
        if (hi < 0 || lo < 0)
            return 0;
        t[i] = (unsigned char)(hi << 4 | lo);
    }
    return 1;
}

bh_status srv_token_new(unsigned char t[16])
{
    size_t got = 0;
    while (got < 16) {
        ssize_t k = getrandom(t + got, 16 - got, 0);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return BH_EIO;
        got += (size_t)k;
    }
    return BH_OK;
}

static int same_token(const unsigned char *a, const unsigned char *b)
{
    unsigned char d = 0;
    for (int i = 0; i < 16; i++)
        d |= (unsigned char)(a[i] ^ b[i]);
    return d == 0;
}

/* ---- lookups, each under rmu ---- */

static int find(srv *s, const unsigned char token[16])
{
    int at = -1;
    for (int i = 0; i < s->nmembers; i++) /* no early exit: constant time per roster size */
        if (same_token(s->members[i].token, token))
            at = i;
    return at;
}

/* A request of member m: one from its bucket, refilled since its last. */
static int spend(const srv *s, srv_member *m, double now)
{
    m->bucket += (now - m->last) * s->rate;
    if (m->bucket > 2 * s->rate)
        m->bucket = 2 * s->rate;
    m->last = now;
    if (m->bucket < 1)
        return 0;
    m->bucket -= 1;
    return 1;
}

/* The token's member, its request counted when `count`; *at its index. */
static srv_res take(srv *s, const unsigned char token[16], int *at, int count)
{
    *at = find(s, token);
    if (*at < 0)
        return SRV_UNKNOWN;
    return !count || spend(s, &s->members[*at], srv_now()) ? SRV_OK : SRV_TOO_FAST;
}

srv_res srv_phones_touch(srv *s, const unsigned char token[16], srv_member *copy)
{
    int at;
    pthread_mutex_lock(&s->rmu);
    srv_res r = take(s, token, &at, 1);
    if (r == SRV_OK && copy)
        *copy = s->members[at];
    pthread_mutex_unlock(&s->rmu);
    return r;
}

srv_res srv_phones_join(srv *s, int role, const char *key, const char *name,
                        unsigned char token[16])
{
    double now = srv_now();
    srv_member m;
    memset(&m, 0, sizeof m);
    m.pub.role = role;
    snprintf(m.role_key, sizeof m.role_key, "%s", key);
    snprintf(m.pub.name, sizeof m.pub.name, "%s", name);
    m.pub.vote_decision = -1;
    m.last = now;
    m.bucket = 2 * s->rate;
    pthread_mutex_lock(&s->rmu);
    s->join_bucket += (now - s->join_t) * s->join_rate;
    if (s->join_bucket > 2 * s->join_rate)
        s->join_bucket = 2 * s->join_rate;
    s->join_t = now;
    srv_res r = SRV_OK;
    if (s->join_bucket < 1)
        r = SRV_TOO_FAST;
    else if (s->nmembers >= s->max_phones)
        r = SRV_FULL;
    else if (srv_token_new(m.token) != BH_OK)
        r = SRV_FULL; /* no randomness: no token that could be guessed either */
    if (r == SRV_OK) {
        s->join_bucket -= 1;
        while (find(s, m.token) >= 0) /* 2^-128: but a duplicate would merge two phones */
            if (srv_token_new(m.token) != BH_OK)
                break;
        s->members[s->nmembers++] = m;
        s->changes++;
        s->members_changes++;
        memcpy(token, m.token, 16);
    }
    pthread_mutex_unlock(&s->rmu);
    return r;
}

srv_res srv_phones_code(srv *s, int right)
{
    double now = srv_now();
    pthread_mutex_lock(&s->rmu);
    s->bad_bucket += (now - s->bad_t) * s->bad_rate;
    if (s->bad_bucket > 2 * s->bad_rate)
        s->bad_bucket = 2 * s->bad_rate;
    s->bad_t = now;
    srv_res r = s->bad_bucket < 1 ? SRV_TOO_FAST : right ? SRV_OK : SRV_UNKNOWN;
    if (r == SRV_UNKNOWN)
        s->bad_bucket -= 1;
    pthread_mutex_unlock(&s->rmu);
    return r;
}

srv_res srv_phones_leave(srv *s, const unsigned char token[16])
{
    int at;
    pthread_mutex_lock(&s->rmu);
    srv_res r = take(s, token, &at, 1);
    if (r == SRV_OK) {
        memmove(&s->members[at], &s->members[at + 1],
                (size_t)(s->nmembers - at - 1) * sizeof s->members[0]);
        s->nmembers--;
        s->changes++;
        s->members_changes++;
    }
    pthread_mutex_unlock(&s->rmu);
    return r;
}

static int closed(const srv *s, int decision)
{
    for (int i = 0; i < s->nclosed; i++)
        if (s->closed[i] == decision)
            return 1;
    return 0;
}

srv_res srv_phones_vote(srv *s, const unsigned char token[16], int decision, int option,
                        int conf)
{
    int at;
    pthread_mutex_lock(&s->rmu);
    srv_res r = take(s, token, &at, 0);
    if (r == SRV_OK && closed(s, decision))
        r = SRV_CLOSED;
    if (r == SRV_OK) {
        srv_phone *p = &s->members[at].pub;
        p->vote_decision = decision;
        p->vote_option = option;
        p->vote_conf = conf;
        s->changes++;
    }
    pthread_mutex_unlock(&s->rmu);
    return r;
}

srv_res srv_phones_propose(srv *s, const unsigned char token[16], int action, int role,
                           srv_member *copy)
{
    int at;
    pthread_mutex_lock(&s->rmu);
    srv_res r = take(s, token, &at, 0);
    srv_member *m = r == SRV_OK ? &s->members[at] : NULL;
    for (int i = 0; m && i < m->nproposed; i++)
        if (m->proposed[i] == action)
            r = SRV_REPEAT;
    if (r == SRV_OK && (s->qlen >= SRV_MAX_QUEUE || m->nproposed >= SRV_MAX_PROPOSED))
        r = SRV_QUEUE_FULL;
    if (r == SRV_OK) {
        m->proposed[m->nproposed++] = action;
        s->queue[(s->qhead + s->qlen++) % SRV_MAX_QUEUE] = (srv_proposal){action, role};
    }
    if (m && copy)
        *copy = *m;
    pthread_mutex_unlock(&s->rmu);
    return r;
}

void srv_phones_selftest(srv *s, const char *from)
{
    pthread_mutex_lock(&s->rmu);
    s->selftests++;
    snprintf(s->selftest_from, sizeof s->selftest_from, "%s", from);
    s->changes++;
    pthread_mutex_unlock(&s->rmu);
}

int srv_phones_count(srv *s)
{
    pthread_mutex_lock(&s->rmu);
    int n = s->nmembers;
    pthread_mutex_unlock(&s->rmu);
    return n;
}

/* A phone's role is its index in the view's roles, and the app's server
 * outlives a session: the next scenario's roles may be others (an
 * observer's index moves with the number of teams, a team may be gone).
 * So the index follows the key the phone joined with, and a phone whose
 * role no longer exists leaves (its token answers 401: it joins again).
 * A view without roles (the blank holding slide) changes nobody. */
static void follow_roles(srv *s, const srv_view *v)
{
    if (!v->nroles)
        return;
    int k = 0;
    for (int i = 0; i < s->nmembers; i++) {
        srv_member *m = &s->members[i];
        int r = srv_view_role(v, m->role_key);
        if (r != m->pub.role) {
            s->changes++;
            s->members_changes++;
        }
        if (r < 0)
            continue;
        m->pub.role = r;
        s->members[k++] = *m;
    }
    s->nmembers = k;
}

void srv_phones_published(srv *s, const srv_view *v)
{
    pthread_mutex_lock(&s->rmu);
    follow_roles(s, v);
    for (int i = 0; i < s->nmembers; i++) {
        srv_member *m = &s->members[i];
        int k = 0;
        for (int j = 0; j < m->nproposed; j++) {
            int still = 0;
            for (int a = 0; a < v->nactions; a++)
                if (v->actions[a].index == m->proposed[j])
                    still = v->actions[a].available;
            if (still)
                m->proposed[k++] = m->proposed[j];
        }
        m->nproposed = k;
    }
    pthread_mutex_unlock(&s->rmu);
}

/* ---- the main loop's side ---- */

uint64_t srv_room_changes(srv *s)
{
    if (!s)
        return 0;
    pthread_mutex_lock(&s->rmu);
    uint64_t n = s->changes;
    pthread_mutex_unlock(&s->rmu);
    return n;
}

void srv_room_get(srv *s, srv_room *out)
{
    out->nphones = 0;
    out->changes = out->members = 0;
    out->selftests = 0;
    out->selftest_from[0] = 0;
    if (!s)
        return;
    double now = srv_now();
    pthread_mutex_lock(&s->rmu);
    out->nphones = s->nmembers;
    for (int i = 0; i < s->nmembers; i++) {
        out->phones[i] = s->members[i].pub;
        out->phones[i].idle_s = now - s->members[i].last;
    }
    out->changes = s->changes;
    out->members = s->members_changes;
    out->selftests = s->selftests;
    memcpy(out->selftest_from, s->selftest_from, sizeof out->selftest_from);
    pthread_mutex_unlock(&s->rmu);
}

int srv_proposals_take(srv *s, srv_proposal *out, int max)
{
    if (!s || max <= 0)
        return 0;
    pthread_mutex_lock(&s->rmu);
    int n = s->qlen < max ? s->qlen : max;
    for (int i = 0; i < n; i++)
        out[i] = s->queue[(s->qhead + i) % SRV_MAX_QUEUE];
    s->qhead = (s->qhead + n) % SRV_MAX_QUEUE;
    s->qlen -= n;
    pthread_mutex_unlock(&s->rmu);
    return n;
}

void srv_vote_close(srv *s, int decision)
{
    if (!s)
        return;
    pthread_mutex_lock(&s->rmu);
    if (!closed(s, decision)) {
        if (s->nclosed == s->closed_cap) {
            int cap = s->closed_cap ? 2 * s->closed_cap : 16;
            int *c = realloc(s->closed, (size_t)cap * sizeof *c);
            if (c) {
                s->closed = c;
                s->closed_cap = cap;
            }
        }
        /* out of memory: the votes stay open, which loses none */
        if (s->nclosed < s->closed_cap)
            s->closed[s->nclosed++] = decision;
    }
    pthread_mutex_unlock(&s->rmu);
}

void srv_phones_session_closed(srv *s)
{
    pthread_mutex_lock(&s->rmu);
    s->nclosed = 0;
    for (int i = 0; i < s->nmembers; i++) {
        s->members[i].pub.vote_decision = -1;
        s->members[i].nproposed = 0;
    }
    s->qhead = s->qlen = 0;
    s->changes++;
    pthread_mutex_unlock(&s->rmu);
}
