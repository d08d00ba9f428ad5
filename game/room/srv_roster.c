/* srv_roster: the phones' roster as a file beside the journal, so that a
 * resumed workshop keeps its phones (their tokens stay valid, their roles
 * and names with them). Votes are never in it: a vote belongs to one
 * decision's moment, and the journal keeps the tallies. Loading checks the
 * whole file first (shape, every token, role and name, the room's cap)
 * and adds the phones only when all of it is good: a hand-edited file
 * gets an error naming the phone and the problem, and nothing half-loaded. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "room/srv_internal.h"

#define ROSTER_VERSION 1

char *srv_roster_save(srv *s)
{
    if (!s)
        return NULL;
    srv_member *m = malloc(sizeof s->members);
    if (!m)
        return NULL;
    pthread_mutex_lock(&s->rmu);
    int n = s->nmembers;
    memcpy(m, s->members, (size_t)n * sizeof *m);
    pthread_mutex_unlock(&s->rmu);
    json_t *a = json_array(), *o = json_pack("{s:i, s:o}", "v", ROSTER_VERSION, "phones", a);
    int bad = !a || !o;
    for (int i = 0; !bad && i < n; i++) {
        char hex[33];
        srv_token_hex(m[i].token, hex);
        bad = json_array_append_new(a, json_pack("{s:s, s:s, s:s}", "token", hex, "role",
                                                 m[i].role_key, "name", m[i].pub.name)) != 0;
    }
    free(m);
    char *t = bad ? NULL : json_dumps(o, JSON_INDENT(1));
    json_decref(o);
    return t;
}

/* Phone i (from 1 in messages) of the file into m; an error when wrong. */
static bh_status read_phone(const srv_view *v, json_t *p, int i, srv_member *m, bh_err *err)
{
    if (!json_is_object(p))
        return err_set(err, BH_EUSAGE, "", 0, "the roster's phone %d is not an object", i);
    const char *k;
    json_t *val;
    json_object_foreach(p, k, val) {
        if (strcmp(k, "token") && strcmp(k, "role") && strcmp(k, "name"))
            return err_set(err, BH_EUSAGE, "", 0,
                           "the roster's phone %d has '%s': only token, role and name belong "
                           "there", i, k);
    }
    json_t *tk = json_object_get(p, "token"), *rl = json_object_get(p, "role"),
           *nm = json_object_get(p, "name");
    memset(m, 0, sizeof *m);
    if (!json_is_string(tk) || !srv_token_parse(json_string_value(tk), m->token))
        return err_set(err, BH_EUSAGE, "", 0,
                       "the roster's phone %d: the token must be 32 lowercase hex digits", i);
    const char *role = json_string_value(rl);
    int r = role ? srv_view_role(v, role) : -1;
    if (r < 0)
        return err_set(err, BH_EUSAGE, "", 0,
                       "the roster's phone %d: role '%s' is not one of this room's roles (the "
                       "room's state must be published before the roster is loaded)", i,
                       role ? role : "(not text)");
    const char *name = nm ? json_string_value(nm) : "";
    if (!name || strlen(name) != json_string_length(nm))
        return err_set(err, BH_EUSAGE, "", 0, "the roster's phone %d: the name must be text", i);
    srv_name_clean(name, strlen(name), m->pub.name);
    if (strcmp(m->pub.name, name) != 0)
        return err_set(err, BH_EUSAGE, "", 0,
                       "the roster's phone %d: the name '%.60s' is not as the room would have "
                       "kept it (at most %d bytes, no control or invisible characters, no "
                       "blanks at the ends)", i, m->pub.name, SRV_NAME_MAX);
    snprintf(m->role_key, sizeof m->role_key, "%s", role);
    m->pub.role = r;
    m->pub.vote_decision = -1;
    return BH_OK;
}

static bh_status check_phones(const srv_view *v, json_t *phones, srv_member *m,
                              bh_err *err)
{
    int n = (int)json_array_size(phones);
    for (int i = 0; i < n; i++) {
        bh_status st = read_phone(v, json_array_get(phones, (size_t)i), i + 1, &m[i], err);
        if (st != BH_OK)
            return st;
        for (int j = 0; j < i; j++)
            if (memcmp(m[i].token, m[j].token, 16) == 0)
                return err_set(err, BH_EUSAGE, "", 0,
                               "the roster's phones %d and %d have the same token", j + 1, i + 1);
    }
    return BH_OK;
}

bh_status srv_roster_load(srv *s, const char *json, size_t n, bh_err *err)
{
    if (!s || !json)
        return err_set(err, BH_EUSAGE, "", 0, "no roster to load");
    json_error_t je;
    json_t *o = json_loadb(json, n, JSON_REJECT_DUPLICATES, &je);
    if (!o)
        return err_set(err, BH_EUSAGE, "", je.line, "the roster is not JSON: %s", je.text);
    json_t *phones = json_object_get(o, "phones"), *ver = json_object_get(o, "v");
    bh_status st = BH_OK;
    if (!json_is_object(o) || !json_is_array(phones) || json_object_size(o) != 2)
        st = err_set(err, BH_EUSAGE, "", 0,
                     "the roster must be an object with \"v\" and \"phones\" (a list), and "
                     "nothing else");
    else if (!json_is_integer(ver) || json_integer_value(ver) != ROSTER_VERSION)
        st = err_set(err, BH_EUSAGE, "", 0, "the roster's version must be %d", ROSTER_VERSION);
    else if (json_array_size(phones) > (size_t)s->max_phones)
        st = err_set(err, BH_EUSAGE, "", 0, "the roster has %zu phones: the room holds %d",
                     json_array_size(phones), s->max_phones);
    srv_member *m = st == BH_OK ? calloc(json_array_size(phones) + 1, sizeof *m) : NULL;
    if (st == BH_OK && !m)
        st = err_set(err, BH_ENOMEM, "", 0, "out of memory loading the roster");
    srv_snap *p = st == BH_OK ? srv_snap_get(s) : NULL;
    if (p) {
        st = check_phones(&p->view, phones, m, err);
        srv_snap_put(p);
    }
    int k = st == BH_OK ? (int)json_array_size(phones) : 0;
    json_decref(o);
    if (st != BH_OK) {
        free(m);
        return st;
    }
    double now = srv_now();
    pthread_mutex_lock(&s->rmu);
    int dup = -1;
    for (int i = 0; i < k && dup < 0; i++)
        for (int j = 0; j < s->nmembers; j++)
            if (memcmp(m[i].token, s->members[j].token, 16) == 0)
                dup = i;
    if (dup >= 0)
        st = err_set(err, BH_EUSAGE, "", 0, "the roster's phone %d is already in the room",
                     dup + 1);
    else if (s->nmembers + k > s->max_phones)
        st = err_set(err, BH_EUSAGE, "", 0,
                     "the roster's %d phones do not fit: %d are in the room, which holds %d", k,
                     s->nmembers, s->max_phones);
    for (int i = 0; st == BH_OK && i < k; i++) {
        m[i].last = now;
        m[i].bucket = 2 * s->rate;
        s->members[s->nmembers++] = m[i];
    }
    if (st == BH_OK && k) {
        s->changes++;
        s->members_changes++;
    }
    pthread_mutex_unlock(&s->rmu);
    free(m);
    return st;
}
