/* srv_view: what a published state lets the phones do, read once per
 * publish (a publish happens only when the room's view changed) so that
 * each vote and proposal is checked against it without parsing JSON:
 * the roles by key, the open decision's key and option letters, and each
 * action's key, role and state. The state comes from rv_json (the main
 * loop's own text); anything missing or malformed is simply left out, so
 * it cannot be voted on or proposed. */
#include <stdlib.h>
#include <string.h>

#include "room/srv_internal.h"

int srv_key_index(const char *s, char prefix)
{
    if (!s || s[0] != prefix || !s[1] || strlen(s) > 10)
        return -1;
    long v = 0;
    for (const char *p = s + 1; *p; p++) {
        if (*p < '0' || *p > '9' || (p == s + 1 && *p == '0' && p[1]))
            return -1;
        v = v * 10 + (*p - '0');
    }
    return v <= 1000000000 ? (int)v : -1;
}

static const char *sget(json_t *o, const char *k)
{
    return json_string_value(json_object_get(o, k));
}

static void read_roles(srv_view *v, json_t *roles)
{
    size_t n = json_array_size(roles);
    if (!n || !(v->roles = calloc(n, sizeof *v->roles)))
        return;
    for (size_t i = 0; i < n; i++) {
        const char *k = sget(json_array_get(roles, i), "key");
        if (!k || strlen(k) >= SRV_KEY)
            k = ""; /* kept in place: a phone's role is its index */
        memcpy(v->roles[v->nroles++], k, strlen(k) + 1);
    }
}

static void read_decision(srv_view *v, json_t *d)
{
    json_t *opts = json_object_get(d, "options");
    int index = srv_key_index(sget(d, "key"), 'd');
    if (index < 0 || json_array_size(opts) >= sizeof v->letters)
        return;
    size_t k = 0;
    for (size_t i = 0; i < json_array_size(opts); i++) {
        const char *l = sget(json_array_get(opts, i), "letter");
        if (l && l[0] >= 'A' && l[0] <= 'Z' && !l[1])
            v->letters[k++] = l[0];
    }
    v->letters[k] = 0;
    v->decision = index;
}

static void read_actions(srv_view *v, json_t *acts)
{
    size_t n = json_array_size(acts);
    if (!n || !(v->actions = calloc(n, sizeof *v->actions)))
        return;
    for (size_t i = 0; i < n; i++) {
        json_t *a = json_array_get(acts, i);
        int index = srv_key_index(sget(a, "key"), 'a');
        const char *role = sget(a, "role"), *state = sget(a, "state");
        if (index < 0 || !role || !state)
            continue;
        int r = role[0] ? srv_view_role(v, role) : -1;
        if (role[0] && r < 0)
            continue; /* a role no phone can have: nobody may propose it */
        v->actions[v->nactions++] =
            (srv_view_action){index, r, strcmp(state, "available") == 0};
    }
}

void srv_view_read(srv_view *v, json_t *state)
{
    memset(v, 0, sizeof *v);
    v->decision = -1;
    if (json_is_true(json_object_get(state, "blank")))
        return read_roles(v, json_object_get(state, "roles")); /* joining, nothing else */
    read_roles(v, json_object_get(state, "roles"));
    read_decision(v, json_object_get(state, "decision"));
    read_actions(v, json_object_get(state, "actions"));
}

void srv_view_free(srv_view *v)
{
    free(v->roles);
    free(v->actions);
    memset(v, 0, sizeof *v);
    v->decision = -1;
}

int srv_view_role(const srv_view *v, const char *key)
{
    for (int i = 0; key && key[0] && i < v->nroles; i++)
        if (strcmp(v->roles[i], key) == 0)
            return i;
    return -1;
}

int srv_view_is_observer(const srv_view *v, int role)
{
    return role >= 0 && role < v->nroles && strcmp(v->roles[role], "observer") == 0;
}

const srv_view_action *srv_view_action_of(const srv_view *v, const char *key)
{
    int index = srv_key_index(key, 'a');
    for (int i = 0; index >= 0 && i < v->nactions; i++)
        if (v->actions[i].index == index)
            return &v->actions[i];
    return NULL;
}
