/* test_tally: the room's tally (core/tally): counting by role, option
 * and confidence, the participation, the alignment at 60%, the majority
 * (a tie for first is none), the mean confidence, and refusals of counts
 * out of range (a tally is built from phones and hand-edited journals). */
#include "check.h"
#include "core/tally.h"

static void test_counts(void)
{
    bh_tally t;
    bh_err e;
    /* two teams and Observer, three options */
    CHECK_INT(tally_init(&t, 4, 2, 3, &e), BH_OK);
    CHECK_INT(t.nroles, 3);
    CHECK_INT(TALLY_OBSERVER(&t), 2);
    CHECK_INT(t.decision, 4);
    t.joined[0] = 4;
    t.joined[1] = 3;
    t.joined[2] = 2;
    CHECK(tally_add(&t, 0, 1, TALLY_HIGH, 2));
    CHECK(tally_add(&t, 0, 0, TALLY_LOW, 1));
    CHECK(tally_add(&t, 1, 1, TALLY_MEDIUM, 2));
    CHECK(tally_add(&t, 2, 2, TALLY_LOW, 1));
    tally_sum s;
    tally_sum_of(&t, -1, &s);
    CHECK_INT(s.joined, 9);
    CHECK_INT(s.voters, 6);
    CHECK_INT(s.by_option[0], 1);
    CHECK_INT(s.by_option[1], 4);
    CHECK_INT(s.by_option[2], 1);
    CHECK_INT(s.by_conf[TALLY_LOW], 2);
    CHECK_INT(s.by_conf[TALLY_MEDIUM], 2);
    CHECK_INT(s.by_conf[TALLY_HIGH], 2);
    CHECK_INT(s.top, 1);
    CHECK_INT(s.top_votes, 4);
    CHECK(s.share > 0.666 && s.share < 0.667);
    CHECK_INT(s.unified, 1);
    CHECK(s.confidence > 1.999 && s.confidence < 2.001);
    CHECK(tally_majority_is(&t, 1));
    CHECK(!tally_majority_is(&t, 0));
    /* one role */
    tally_sum_of(&t, 0, &s);
    CHECK_INT(s.joined, 4);
    CHECK_INT(s.voters, 3);
    CHECK_INT(s.top, 1);
    tally_sum_of(&t, 2, &s);
    CHECK_INT(s.voters, 1);
    CHECK_INT(s.top, 2);
    CHECK(s.share > 0.999);
    tally_clear(&t);
    tally_sum_of(&t, -1, &s);
    CHECK_INT(s.voters, 0);
    CHECK_INT(s.joined, 0);
    CHECK_INT(s.top, -1);
    CHECK_INT(s.unified, 0);
    tally_free(&t);
    CHECK(t.votes == NULL);
}

static void test_alignment_edges(void)
{
    bh_tally t;
    bh_err e;
    CHECK_INT(tally_init(&t, 0, 1, 4, &e), BH_OK);
    /* 3 of 5 is exactly 60%: unified */
    tally_add(&t, 0, 0, TALLY_HIGH, 3);
    tally_add(&t, 0, 1, TALLY_HIGH, 2);
    tally_sum s;
    tally_sum_of(&t, -1, &s);
    CHECK_INT(s.unified, 1);
    CHECK(s.confidence > 2.999);
    /* 3 of 6: split */
    tally_add(&t, 0, 2, TALLY_LOW, 1);
    tally_sum_of(&t, -1, &s);
    CHECK_INT(s.unified, 0);
    CHECK_INT(s.top, 0);
    /* a tie for first: no majority, and not unified */
    tally_add(&t, 0, 1, TALLY_LOW, 1);
    tally_sum_of(&t, -1, &s);
    CHECK_INT(s.top, -1);
    CHECK_INT(s.top_votes, 3);
    CHECK_INT(s.unified, 0);
    CHECK(!tally_majority_is(&t, 0));
    CHECK(!tally_majority_is(&t, 1));
    /* a later vote breaks the tie */
    tally_add(&t, 1, 1, TALLY_MEDIUM, 1); /* the Observer */
    CHECK(tally_majority_is(&t, 1));
    tally_free(&t);
}

static void test_refused(void)
{
    bh_tally t;
    bh_err e;
    CHECK_INT(tally_init(&t, 0, 2, 0, &e), BH_EUSAGE);
    CHECK_INT(tally_init(&t, 0, 2, TALLY_MAX_OPTIONS + 1, &e), BH_EUSAGE);
    CHECK_INT(tally_init(&t, 0, -1, 2, &e), BH_EUSAGE);
    CHECK_INT(tally_init(&t, 0, 0, 2, &e), BH_OK); /* no teams: Observer only */
    CHECK_INT(t.nroles, 1);
    CHECK(!tally_add(&t, 1, 0, 0, 1));
    CHECK(!tally_add(&t, -1, 0, 0, 1));
    CHECK(!tally_add(&t, 0, 2, 0, 1));
    CHECK(!tally_add(&t, 0, 0, TALLY_CONF, 1));
    CHECK(!tally_add(&t, 0, 0, 0, -1));
    CHECK(tally_add(&t, 0, 0, 0, 1000000));
    CHECK(!tally_add(&t, 0, 0, 0, 1)); /* past the bound: refused, count kept */
    CHECK_INT(*tally_cell(&t, 0, 0, 0), 1000000);
    CHECK(tally_cell(&t, 0, 0, 3) == NULL);
    tally_free(&t);
    CHECK_STR(tally_conf_name(TALLY_MEDIUM), "medium");
    CHECK_STR(tally_conf_name(7), "?");
    CHECK_INT(tally_conf_parse("high"), TALLY_HIGH);
    CHECK_INT(tally_conf_parse("HIGH"), -1);
    CHECK_INT(tally_conf_parse(NULL), -1);
}

int main(int argc, char **argv)
{
    static const check_case cases[] = {
        {"counts by role, option and confidence", test_counts},
        {"alignment at 60%, ties are no majority", test_alignment_edges},
        {"out of range is refused", test_refused},
        {NULL, NULL},
    };
    return check_main(argc, argv, cases);
}
