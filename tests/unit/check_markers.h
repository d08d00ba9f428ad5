/* check_markers.h: the leak test's marker scenario
 * (tests/fixtures/leak/markers.lua) loaded and a session of it made on
 * its short cut, for the tests that play it through the room's states
 * (test_rv_json.c, test_srv_leak.c). */
#ifndef CHECK_MARKERS_H
#define CHECK_MARKERS_H

#include "check.h"
#include "core/session.h"
#include "core/sim.h"
#include "script/lh_host.h"

#define MARKERS BH_SOURCE_DIR "/tests/fixtures/leak/markers.lua"

/* The session in *s (and its host in *h, its defs in *d); 0 when the
 * scenario did not load (a failed check says so). */
static int markers_open(lh_host **h, bh_sim **s, const bh_defs **d)
{
    lh_diags diags = {0};
    lh_load(MARKERS, NULL, h, &diags);
    lh_diags_free(&diags);
    CHECK(*h != NULL);
    if (!*h)
        return 0;
    *d = lh_defs(*h);
    bh_err e;
    CHECK_INT(sim_create(s, *d, lh_hooks(*h), 1, &e), BH_OK);
    CHECK_INT(sim_set_cut(*s, defs_cut(*d, "short"), &e), BH_OK);
    return *s != NULL;
}

/* A facilitator's input to the session now, which must be taken. */
__attribute__((unused)) static void markers_input(bh_sim *s, bh_input_kind k, int a,
                                                  const char *text, const char *body)
{
    bh_input in = {.time = sim_now(s), .kind = k, .a = a, .text = text, .body = body};
    bh_err e;
    CHECK_INT(session_input(s, NULL, &in, &e), BH_OK);
}

#endif
