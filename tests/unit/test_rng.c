/* test_rng: the session's seeded generator.
 *
 * A journal stores only the seed, so the stream for a seed must never
 * change between builds or machines: the known-answer test pins it (values
 * from the reference splitmix64 + xoshiro256** algorithms, computed
 * independently). The rest checks the ranges the world API relies on. */
#include <math.h>
#include <stdint.h>

#include "check.h"
#include "core/rng.h"

static void test_known_answers(void)
{
    bh_rng r;
    rng_seed(&r, 0);
    /* splitmix64 from 0: its first four outputs are the state. */
    CHECK(r.s[0] == 0xe220a8397b1dcdafULL);
    CHECK(r.s[1] == 0x6e789e6aa1b965f4ULL);
    CHECK(r.s[2] == 0x06c45d188009454fULL);
    CHECK(r.s[3] == 0xf88bb8a8724c81ecULL);
    CHECK(rng_next(&r) == 0x99ec5f36cb75f2b4ULL);
    CHECK(rng_next(&r) == 0xbf6e1f784956452aULL);
    CHECK(rng_next(&r) == 0x1a5f849d4933e6e0ULL);

    rng_seed(&r, 42);
    CHECK(rng_next(&r) == 0x15780b2e0c2ec716ULL);
    CHECK(rng_next(&r) == 0x6104d9866d113a7eULL);
    CHECK(rng_next(&r) == 0xae17533239e499a1ULL);
}

static void test_same_seed_same_stream(void)
{
    bh_rng a, b;
    rng_seed(&a, 12345);
    rng_seed(&b, 12345);
    int diff = 0;
    for (int i = 0; i < 1000; i++) {
        diff += rng_next(&a) != rng_next(&b);
        diff += rng_range(&a, 1, 6) != rng_range(&b, 1, 6);
        diff += rng_unit(&a) != rng_unit(&b);
    }
    CHECK_INT(diff, 0);
    /* Re-seeding restarts the stream. */
    rng_seed(&a, 12345);
    rng_seed(&b, 12345);
    uint64_t first = rng_next(&a);
    rng_seed(&a, 12345);
    CHECK(rng_next(&a) == first);
    CHECK(rng_next(&b) == first);
}

static void test_different_seeds_differ(void)
{
    /* Neighbouring seeds, and the extremes, give unrelated streams. */
    static const uint64_t seeds[] = {0, 1, 2, 3, 42, 43, UINT64_MAX, UINT64_MAX - 1};
    enum { NS = sizeof seeds / sizeof seeds[0], DRAWS = 16 };
    uint64_t v[NS][DRAWS];
    for (int i = 0; i < NS; i++) {
        bh_rng r;
        rng_seed(&r, seeds[i]);
        for (int k = 0; k < DRAWS; k++)
            v[i][k] = rng_next(&r);
    }
    int same = 0;
    for (int i = 0; i < NS; i++)
        for (int j = i + 1; j < NS; j++)
            for (int k = 0; k < DRAWS; k++)
                same += v[i][k] == v[j][k];
    CHECK_INT(same, 0);
    /* Successive draws of one stream are not stuck either. */
    int repeats = 0;
    for (int k = 1; k < DRAWS; k++)
        repeats += v[0][k] == v[0][k - 1];
    CHECK_INT(repeats, 0);
}

static void test_range_bounds(void)
{
    bh_rng r;
    rng_seed(&r, 7);
    /* Small ranges: every value lands inside and both ends are reached. */
    int out = 0, saw_lo = 0, saw_hi = 0;
    for (int i = 0; i < 2000; i++) {
        int64_t x = rng_range(&r, -3, 3);
        out += x < -3 || x > 3;
        saw_lo |= x == -3;
        saw_hi |= x == 3;
    }
    CHECK_INT(out, 0);
    CHECK(saw_lo && saw_hi);

    /* lo == hi always gives that value, including at the extremes. */
    int wrong = 0;
    for (int i = 0; i < 100; i++) {
        wrong += rng_range(&r, 5, 5) != 5;
        wrong += rng_range(&r, INT64_MIN, INT64_MIN) != INT64_MIN;
        wrong += rng_range(&r, INT64_MAX, INT64_MAX) != INT64_MAX;
        wrong += rng_range(&r, 0, 0) != 0;
    }
    CHECK_INT(wrong, 0);

    /* Two-value ranges at both ends of int64: both values appear, nothing else. */
    int lo_a = 0, lo_b = 0, hi_a = 0, hi_b = 0, other = 0;
    for (int i = 0; i < 200; i++) {
        int64_t a = rng_range(&r, INT64_MIN, INT64_MIN + 1);
        int64_t b = rng_range(&r, INT64_MAX - 1, INT64_MAX);
        lo_a += a == INT64_MIN;
        lo_b += a == INT64_MIN + 1;
        hi_a += b == INT64_MAX - 1;
        hi_b += b == INT64_MAX;
        other += (a != INT64_MIN && a != INT64_MIN + 1) + (b != INT64_MAX - 1 && b != INT64_MAX);
    }
    CHECK_INT(other, 0);
    CHECK(lo_a > 0 && lo_b > 0 && hi_a > 0 && hi_b > 0);

    /* The full range: both signs show up (the span is 2^64, no rejection). */
    int neg = 0, pos = 0;
    for (int i = 0; i < 200; i++) {
        int64_t x = rng_range(&r, INT64_MIN, INT64_MAX);
        neg += x < 0;
        pos += x >= 0;
    }
    CHECK(neg > 50 && pos > 50);

    /* Spans of just over 2^63 values (the rejection limit is then tiny)
     * stay inside and still cover both halves of the range. */
    int bad = 0, upper = 0, lower = 0;
    for (int i = 0; i < 1000; i++) {
        int64_t x = rng_range(&r, -1, INT64_MAX);
        bad += x < -1;
        upper += x > INT64_MAX / 2;
        int64_t y = rng_range(&r, INT64_MIN, 0);
        bad += y > 0;
        lower += y < INT64_MIN / 2;
    }
    CHECK_INT(bad, 0);
    CHECK(upper > 350 && upper < 650);
    CHECK(lower > 350 && lower < 650);
}

static void test_unit_interval(void)
{
    bh_rng r;
    rng_seed(&r, 99);
    int out = 0, low = 0, high = 0;
    double sum = 0;
    enum { N = 100000 };
    for (int i = 0; i < N; i++) {
        double u = rng_unit(&r);
        out += !(u >= 0.0 && u < 1.0);
        low += u < 0.1;
        high += u >= 0.9;
        sum += u;
        /* 53 random bits: u * 2^53 is a whole number. */
        out += floor(u * 0x1.0p53) != u * 0x1.0p53;
    }
    CHECK_INT(out, 0);
    CHECK(fabs(sum / N - 0.5) < 0.01);
    CHECK(low > N / 10 - 1000 && low < N / 10 + 1000);
    CHECK(high > N / 10 - 1000 && high < N / 10 + 1000);
}

/* A die: 60000 throws, each face within 5% of 10000, and a chi-square
 * statistic well below what even a 1-in-10^6 unlucky fair run would give. */
static void test_range_uniform(void)
{
    bh_rng r;
    rng_seed(&r, 2020);
    enum { N = 60000 };
    int count[7] = {0};
    int out = 0;
    for (int i = 0; i < N; i++) {
        int64_t x = rng_range(&r, 1, 6);
        if (x < 1 || x > 6)
            out++;
        else
            count[x]++;
    }
    CHECK_INT(out, 0);
    double chi = 0;
    for (int f = 1; f <= 6; f++) {
        CHECK(count[f] > 9500 && count[f] < 10500);
        double dlt = count[f] - N / 6.0;
        chi += dlt * dlt / (N / 6.0);
    }
    CHECK(chi < 35.9); /* 5 degrees of freedom, p = 1e-6 */
}

int main(int argc, char **argv)
{
    static const check_case cases[] = {
        {"known_answers", test_known_answers},
        {"same_seed_same_stream", test_same_seed_same_stream},
        {"different_seeds_differ", test_different_seeds_differ},
        {"range_bounds", test_range_bounds},
        {"unit_interval", test_unit_interval},
        {"range_uniform", test_range_uniform},
        {NULL, NULL},
    };
    return check_main(argc, argv, cases);
}
