/* srv_api: the phones' API (game/room/README.md has the contract):
 *   POST /api/join     {"code", "role", "name"?} -> {"token", "role", "name"}
 *   GET  /api/me       X-Room-Token -> {"role", "name", "vote", "proposed"}
 *   POST /api/vote     {"token", "decision", "option", "confidence"} -> {"vote"}
 *   POST /api/propose  {"token", "action"} -> {"proposed"}
 *   POST /api/leave    {"token"} -> {"left": true}
 * Bodies are parsed by Jansson from the bytes read (at most SRV_MAX_BODY):
 * an object with fields of the right types, or 400. A vote or a proposal
 * is checked against the published state (srv_view, read at publish) and
 * then recorded in the roster (srv_phones.c). Errors are {"error": a
 * sentence for a person}. A token may come in the body or, as /api/me
 * takes it, in the X-Room-Token header. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/tally.h"
#include "room/srv_internal.h"

static const char *const post_routes[] = {"/api/join", "/api/vote", "/api/propose",
                                          "/api/leave"};

int srv_api_route(const char *url)
{
    for (size_t i = 0; i < sizeof post_routes / sizeof post_routes[0]; i++)
        if (strcmp(url, post_routes[i]) == 0)
            return 1;
    return strcmp(url, "/api/me") == 0 ? 2 : 0;
}

/* A string field: 1 with *out set (NULL when absent and not required);
 * 0 for another type, a missing required field or a NUL inside. */
static int field(json_t *o, const char *k, int required, const char **out)
{
    json_t *v = json_object_get(o, k);
    *out = NULL;
    if (!v || (!required && json_is_null(v)))
        return !required;
    if (!json_is_string(v) || strlen(json_string_value(v)) != json_string_length(v))
        return 0;
    *out = json_string_value(v);
    return 1;
}

static enum MHD_Result refused(struct MHD_Connection *c, srv_res r)
{
    switch (r) {
    case SRV_UNKNOWN:
        return srv_error(c, MHD_HTTP_UNAUTHORIZED,
                         "This phone is not in the room (any more): join again.");
    case SRV_TOO_FAST: return srv_too_fast(c, "Too many requests: wait a moment.");
    case SRV_FULL: return srv_error(c, MHD_HTTP_SERVICE_UNAVAILABLE, "The room is full.");
    case SRV_CLOSED:
        return srv_error(c, MHD_HTTP_CONFLICT, "Voting on this decision has closed.");
    case SRV_QUEUE_FULL:
        return srv_error(c, MHD_HTTP_SERVICE_UNAVAILABLE,
                         "Too many proposals are waiting: try again in a moment.");
    case SRV_OK: case SRV_REPEAT: break;
    }
    return srv_error(c, MHD_HTTP_INTERNAL_SERVER_ERROR, "Something went wrong: try again.");
}

/* The request's token: the body's, else the header's; 0 when there is
 * none that is 32 lowercase hex digits. */
static int token_of(struct MHD_Connection *c, json_t *o, unsigned char t[16])
{
    const char *hex = NULL;
    if (o && !field(o, "token", 0, &hex))
        return 0;
    if (!hex)
        hex = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-Room-Token");
    return srv_token_parse(hex, t);
}

/* The token's phone with its bucket spent: SRV_OK and its copy, or why not. */
static srv_res who(struct MHD_Connection *c, srv *s, json_t *o, unsigned char t[16],
                   srv_member *m)
{
    return token_of(c, o, t) ? srv_phones_touch(s, t, m) : SRV_UNKNOWN;
}

static json_t *vote_json(const srv_phone *p)
{
    if (p->vote_decision < 0)
        return json_null();
    char d[24], letter[2] = {(char)('A' + p->vote_option), 0};
    snprintf(d, sizeof d, "d%d", p->vote_decision);
    return json_pack("{s:s, s:s, s:s}", "decision", d, "option", letter, "confidence",
                     tally_conf_name(p->vote_conf));
}

static json_t *proposed_json(const srv_member *m)
{
    json_t *a = json_array();
    for (int i = 0; a && i < m->nproposed; i++) {
        char k[24];
        snprintf(k, sizeof k, "a%d", m->proposed[i]);
        json_array_append_new(a, json_string(k));
    }
    return a;
}

/* Trimmed of blanks, compared ignoring case: a code read off a screen. */
static int same_code(const char *given, const char *code)
{
    while (*given == ' ')
        given++;
    size_t n = strlen(given), k = strlen(code);
    while (n && given[n - 1] == ' ')
        n--;
    return n == k && k && strncasecmp(given, code, k) == 0;
}

static enum MHD_Result join(struct MHD_Connection *c, srv *s, const srv_view *v, json_t *o)
{
    const char *code, *role, *name;
    if (!field(o, "code", 1, &code) || !field(o, "role", 1, &role) || !field(o, "name", 0, &name))
        return srv_error(c, MHD_HTTP_BAD_REQUEST,
                         "Joining needs the room code and a role (and maybe a name) as text.");
    srv_res cr = srv_phones_code(s, same_code(code, s->code));
    if (cr == SRV_TOO_FAST)
        return srv_too_fast(c, "Too many wrong room codes were tried: wait a moment.");
    if (cr != SRV_OK)
        return srv_error(c, MHD_HTTP_FORBIDDEN,
                         "That is not this room's code: check the code on the screen.");
    int r = srv_view_role(v, role);
    if (r < 0)
        return srv_error(c, MHD_HTTP_BAD_REQUEST, "There is no such role in this room.");
    char clean[SRV_NAME_MAX + 1];
    srv_name_clean(name, name ? strlen(name) : 0, clean);
    unsigned char t[16];
    srv_res res = srv_phones_join(s, r, role, clean, t);
    if (res != SRV_OK)
        return refused(c, res);
    char hex[33];
    srv_token_hex(t, hex);
    return srv_json(c, MHD_HTTP_OK,
                    json_pack("{s:s, s:s, s:s}", "token", hex, "role", role, "name", clean));
}

static enum MHD_Result me(struct MHD_Connection *c, const srv_member *m)
{
    return srv_json(c, MHD_HTTP_OK,
                    json_pack("{s:s, s:s, s:o, s:o}", "role", m->role_key, "name", m->pub.name,
                              "vote", vote_json(&m->pub), "proposed", proposed_json(m)));
}

static enum MHD_Result vote(struct MHD_Connection *c, srv *s, const srv_view *v, json_t *o,
                            const unsigned char t[16])
{
    const char *d, *opt, *conf;
    if (!field(o, "decision", 1, &d) || !field(o, "option", 1, &opt) ||
        !field(o, "confidence", 1, &conf))
        return srv_error(c, MHD_HTTP_BAD_REQUEST,
                         "A vote needs the decision, the option and the confidence as text.");
    int index = srv_key_index(d, 'd');
    if (index < 0 || index != v->decision)
        return srv_error(c, MHD_HTTP_CONFLICT, "That decision is not open for votes now.");
    const char *at = opt[0] && !opt[1] ? strchr(v->letters, opt[0]) : NULL;
    if (!at)
        return srv_error(c, MHD_HTTP_BAD_REQUEST, "That decision has no such option.");
    int cf = tally_conf_parse(conf);
    if (cf < 0)
        return srv_error(c, MHD_HTTP_BAD_REQUEST,
                         "The confidence must be \"low\", \"medium\" or \"high\".");
    srv_res res = srv_phones_vote(s, t, index, opt[0] - 'A', cf);
    if (res != SRV_OK)
        return refused(c, res);
    srv_phone p = {.vote_decision = index, .vote_option = opt[0] - 'A', .vote_conf = cf};
    return srv_json(c, MHD_HTTP_OK, json_pack("{s:o}", "vote", vote_json(&p)));
}

static enum MHD_Result propose(struct MHD_Connection *c, srv *s, const srv_view *v, json_t *o,
                               const unsigned char t[16], srv_member *m)
{
    const char *key;
    if (!field(o, "action", 1, &key))
        return srv_error(c, MHD_HTTP_BAD_REQUEST, "A proposal needs the action as text.");
    const srv_view_action *a = srv_view_action_of(v, key);
    if (!a)
        return srv_error(c, MHD_HTTP_BAD_REQUEST, "There is no such action.");
    if (strcmp(m->role_key, "observer") == 0)
        return srv_error(c, MHD_HTTP_FORBIDDEN, "Observers watch: they do not propose actions.");
    if (a->role >= 0 && a->role != m->pub.role)
        return srv_error(c, MHD_HTTP_FORBIDDEN, "That action belongs to another team.");
    if (!a->available)
        return srv_error(c, MHD_HTTP_CONFLICT, "That action cannot start now.");
    srv_res res = srv_phones_propose(s, t, a->index, m->pub.role, m);
    if (res != SRV_OK && res != SRV_REPEAT)
        return refused(c, res);
    return srv_json(c, MHD_HTTP_OK, json_pack("{s:o}", "proposed", proposed_json(m)));
}

enum MHD_Result srv_api(struct MHD_Connection *c, srv *s, const char *url, const char *body,
                        size_t len)
{
    json_t *o = NULL;
    if (body) {
        json_error_t je;
        o = json_loadb(body, len, JSON_REJECT_DUPLICATES, &je);
        if (!json_is_object(o)) {
            json_decref(o);
            return srv_error(c, MHD_HTTP_BAD_REQUEST, "The request is not a JSON object.");
        }
    }
    srv_snap *p = srv_snap_get(s);
    enum MHD_Result r;
    unsigned char t[16];
    srv_member m;
    srv_res res;
    if (strcmp(url, "/api/join") == 0)
        r = join(c, s, &p->view, o);
    else if (strcmp(url, "/api/leave") == 0)
        r = (res = token_of(c, o, t) ? srv_phones_leave(s, t) : SRV_UNKNOWN) != SRV_OK
                ? refused(c, res)
                : srv_json(c, MHD_HTTP_OK, json_pack("{s:b}", "left", 1));
    else if ((res = who(c, s, o, t, &m)) != SRV_OK)
        r = refused(c, res);
    else if (strcmp(url, "/api/me") == 0)
        r = me(c, &m);
    else if (strcmp(url, "/api/vote") == 0)
        r = vote(c, s, &p->view, o, t);
    else
        r = propose(c, s, &p->view, o, t, &m);
    srv_snap_put(p);
    json_decref(o);
    return r;
}
