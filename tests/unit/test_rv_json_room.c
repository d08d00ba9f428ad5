/* test_rv_json_room: the phones' fields of the room's JSON (issue 14,
 * game/room/rv_json.c) from models made by hand: "roles" in every state,
 * the holding slide's included (a phone joins whatever the projector
 * shows); the decision's "key"; "actions" with their role key (or "" for
 * any role), state and reason, and none on the holding slide; "tally"
 * only while revealed on the open decision, with its sums by option,
 * confidence and role. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "room/rv_json.h"

static const char *sget(json_t *o, const char *k)
{
    return json_string_value(json_object_get(o, k));
}

static long long iget(json_t *o, const char *k)
{
    return json_integer_value(json_object_get(o, k));
}

typedef struct room {
    rv_model m;
    rv_role roles[3];
    rv_action acts[4];
    rv_option ops[3];
    rv_tally_role troles[2];
} room;

static rv_model *model(room *r)
{
    memset(r, 0, sizeof *r);
    rv_model *m = &r->m;
    m->phase = RV_PLAYING;
    m->title = "T";
    r->roles[0] = (rv_role){"r0", "IT & security"};
    r->roles[1] = (rv_role){"r1", "Comms"};
    r->roles[2] = (rv_role){"observer", "Observer"};
    m->roles = r->roles;
    m->nroles = 3;
    r->acts[0] = (rv_action){"a0", "Isolate", "Cut it off", 0, ACT_AVAILABLE, ""};
    r->acts[1] = (rv_action){"a1", "Brief", "Tell them", 1, ACT_RUNNING, "already running"};
    r->acts[2] = (rv_action){"a2", "Insure", "Call", -1, ACT_DONE, "done"};
    r->acts[3] = (rv_action){"a7", "Restore", "Back up", 0, ACT_BLOCKED, "needs isolation"};
    m->actions = r->acts;
    m->nactions = 4;
    r->ops[0] = (rv_option){'A', "Pay", "p", 0, 0};
    r->ops[1] = (rv_option){'B', "Refuse", "r", 1, 0};
    r->ops[2] = (rv_option){'C', "Wait", "w", 0, 0};
    m->decision = (rv_decision){.open = 1, .prompt = "?", .options = r->ops, .noptions = 3,
                                .index = 5};
    return m;
}

static void test_roles_everywhere(void)
{
    room r;
    rv_model *m = model(&r);
    for (int blank = 0; blank < 2; blank++)
        for (int p = RV_BEFORE; p <= RV_ENDED; p++) {
            m->blank = blank;
            m->phase = (rv_phase)p;
            json_t *o = rv_json(m), *roles = json_object_get(o, "roles");
            CHECK_INT(json_array_size(roles), 3);
            CHECK_STR(sget(json_array_get(roles, 0), "key"), "r0");
            CHECK_STR(sget(json_array_get(roles, 0), "label"), "IT & security");
            CHECK_STR(sget(json_array_get(roles, 2), "key"), "observer");
            CHECK_STR(sget(json_array_get(roles, 2), "label"), "Observer");
            /* the holding slide: roles, and nothing to act on */
            json_t *acts = json_object_get(o, "actions");
            CHECK(json_is_array(acts));
            CHECK_INT(json_array_size(acts), blank ? 0 : 4);
            CHECK(json_is_null(json_object_get(o, "tally")));
            if (blank)
                CHECK(json_is_null(json_object_get(o, "decision")));
            json_decref(o);
        }
    /* a model without roles (a server's first state) has an empty list */
    rv_model none = {.phase = RV_BEFORE, .blank = 1};
    json_t *o = rv_json(&none);
    CHECK(json_is_array(json_object_get(o, "roles")));
    CHECK_INT(json_array_size(json_object_get(o, "roles")), 0);
    json_decref(o);
}

static void test_decision_and_actions(void)
{
    room r;
    rv_model *m = model(&r);
    json_t *o = rv_json(m), *d = json_object_get(o, "decision");
    CHECK_STR(sget(d, "key"), "d5");
    CHECK_STR(sget(json_array_get(json_object_get(d, "options"), 2), "letter"), "C");
    json_t *acts = json_object_get(o, "actions");
    static const char *const keys[] = {"a0", "a1", "a2", "a7"};
    static const char *const roles[] = {"r0", "r1", "", "r0"};
    static const char *const states[] = {"available", "running", "done", "blocked"};
    static const char *const reasons[] = {"", "already running", "done", "needs isolation"};
    for (size_t i = 0; i < 4; i++) {
        json_t *a = json_array_get(acts, i);
        CHECK_STR(sget(a, "key"), keys[i]);
        CHECK_STR(sget(a, "role"), roles[i]);
        CHECK_STR(sget(a, "state"), states[i]);
        CHECK_STR(sget(a, "reason"), reasons[i]);
        CHECK_STR(sget(a, "label"), r.acts[i].label);
        CHECK_STR(sget(a, "text"), r.acts[i].text);
        CHECK_INT(json_object_size(a), 6); /* nothing else: no note, no advice, no effect */
    }
    json_decref(o);
    /* a role index out of range is no role's: "" rather than a crash */
    r.acts[0].role = 9;
    o = rv_json(m);
    CHECK_STR(sget(json_array_get(json_object_get(o, "actions"), 0), "role"), "");
    json_decref(o);
}

static void test_tally(void)
{
    room r;
    rv_model *m = model(&r);
    rv_tally *t = &m->tally;
    t->decision = 5;
    t->sum.joined = 6;
    t->sum.voters = 4;
    t->sum.by_option[0] = 3;
    t->sum.by_option[2] = 1;
    t->sum.by_conf[TALLY_LOW] = 1;
    t->sum.by_conf[TALLY_HIGH] = 3;
    t->sum.top = 0;
    t->sum.share = 0.75;
    t->sum.unified = 1;
    r.troles[0] = (rv_tally_role){.role = 0, .joined = 4, .voters = 3, .votes = {2, 0, 1}};
    r.troles[1] = (rv_tally_role){.role = 2, .joined = 2, .voters = 1, .votes = {1, 0, 0}};
    t->roles = r.troles;
    t->nroles = 2;
    /* not revealed: null, whatever the counts */
    json_t *o = rv_json(m);
    CHECK(json_is_null(json_object_get(o, "tally")));
    json_decref(o);
    t->shown = 1;
    o = rv_json(m);
    json_t *x = json_object_get(o, "tally");
    CHECK_STR(sget(x, "decision"), "d5");
    CHECK_INT(iget(x, "voters"), 4);
    CHECK_INT(iget(x, "joined"), 6);
    CHECK(json_real_value(json_object_get(x, "share")) == 0.75);
    CHECK(json_is_true(json_object_get(x, "unified")));
    CHECK_STR(sget(x, "top"), "A");
    json_t *ops = json_object_get(x, "options");
    CHECK_INT(json_array_size(ops), 3);
    CHECK_STR(sget(json_array_get(ops, 2), "letter"), "C");
    CHECK_INT(iget(json_array_get(ops, 0), "votes"), 3);
    CHECK_INT(iget(json_array_get(ops, 2), "votes"), 1);
    json_t *cf = json_object_get(x, "confidence");
    CHECK_INT(iget(cf, "low"), 1);
    CHECK_INT(iget(cf, "medium"), 0);
    CHECK_INT(iget(cf, "high"), 3);
    json_t *rl = json_object_get(x, "roles");
    CHECK_INT(json_array_size(rl), 2);
    CHECK_STR(sget(json_array_get(rl, 1), "key"), "observer");
    CHECK_STR(sget(json_array_get(rl, 1), "label"), "Observer");
    CHECK_INT(iget(json_array_get(rl, 0), "joined"), 4);
    CHECK_INT(iget(json_array_get(rl, 0), "voters"), 3);
    json_t *v = json_object_get(json_array_get(rl, 0), "votes");
    CHECK_INT(json_array_size(v), 3);
    CHECK_INT(json_integer_value(json_array_get(v, 2)), 1);
    json_decref(o);
    /* a tie: no top */
    t->sum.top = -1;
    o = rv_json(m);
    CHECK(json_is_null(json_object_get(json_object_get(o, "tally"), "top")));
    json_decref(o);
    /* no decision open, or the holding slide: no tally */
    m->decision.open = 0;
    o = rv_json(m);
    CHECK(json_is_null(json_object_get(o, "tally")));
    json_decref(o);
    m->decision.open = 1;
    m->blank = 1;
    o = rv_json(m);
    CHECK(json_is_null(json_object_get(o, "tally")));
    json_decref(o);
}

int main(int argc, char **argv)
{
    static const check_case cases[] = {
        {"roles in every state", test_roles_everywhere},
        {"the decision's key and the actions", test_decision_and_actions},
        {"the tally only when revealed", test_tally},
        {NULL, NULL},
    };
    return check_main(argc, argv, cases);
}
