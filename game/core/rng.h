/* rng: the session's seeded generator.
 *
 * xoshiro256** seeded through splitmix64. Its whole state is four words
 * held in the session, so replay reproduces every draw; nothing else in the
 * engine may produce randomness. */
#ifndef BH_RNG_H
#define BH_RNG_H

#include <stdint.h>

typedef struct bh_rng {
    uint64_t s[4];
} bh_rng;

void rng_seed(bh_rng *r, uint64_t seed);
uint64_t rng_next(bh_rng *r);
/* Uniform double in [0, 1) with 53 random bits. */
double rng_unit(bh_rng *r);
/* Uniform integer in [lo, hi]; requires lo <= hi. Unbiased (rejection). */
int64_t rng_range(bh_rng *r, int64_t lo, int64_t hi);

#endif
