/* test_arena: the rewindable heap under the explorer's Lua states.
 *
 * Blocks must keep their contents through growth, freed blocks must be
 * reused, a full region must answer NULL rather than crash, and a restore
 * must bring back every byte and the free lists as they were saved. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "script/lh_arena.h"

static void fill(unsigned char *p, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (unsigned char)(seed * 31u + i * 7u);
}

static int same(const unsigned char *p, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != (unsigned char)(seed * 31u + i * 7u))
            return 0;
    return 1;
}

static void test_alloc_free_reuse(void)
{
    lh_arena *a = lh_arena_new((size_t)1 << 20);
    CHECK(a != NULL);
    if (!a)
        return;
    size_t base = lh_arena_used(a);
    unsigned char *p = lh_arena_realloc(a, NULL, 0, 40);
    unsigned char *q = lh_arena_realloc(a, NULL, 0, 40);
    CHECK(p && q && p != q);
    CHECK(((uintptr_t)p & 15) == 0 && ((uintptr_t)q & 15) == 0);
    CHECK_INT(lh_arena_used(a) - base, 96); /* two blocks of the 48-byte class */
    fill(p, 40, 1);
    fill(q, 40, 2);
    CHECK(lh_arena_realloc(a, p, 40, 0) == NULL);
    unsigned char *r = lh_arena_realloc(a, NULL, 0, 33); /* same class: p again */
    CHECK(r == p);
    CHECK(same(q, 40, 2));
    /* growing within the class keeps the block; past it, moves with the bytes */
    CHECK(lh_arena_realloc(a, q, 40, 48) == q);
    unsigned char *g = lh_arena_realloc(a, q, 48, 5000);
    CHECK(g && g != q && same(g, 40, 2));
    fill(g, 5000, 3);
    unsigned char *h = lh_arena_realloc(a, g, 5000, 100); /* shrink: moves to a small class */
    CHECK(h && same(h, 100, 3));
    lh_arena_free(a);
}

static void test_full_region_says_null(void)
{
    lh_arena *a = lh_arena_new(64 * 1024);
    CHECK(a != NULL);
    if (!a)
        return;
    CHECK(lh_arena_realloc(a, NULL, 0, 1u << 20) == NULL);
    CHECK(lh_arena_realloc(a, NULL, 0, SIZE_MAX / 2) == NULL);
    int got = 0;
    while (got < 100000 && lh_arena_realloc(a, NULL, 0, 1000))
        got++;
    CHECK(got > 40 && got < 70); /* 64 KiB in blocks of 1024, less the header */
    unsigned char *p = lh_arena_realloc(a, NULL, 0, 16);
    CHECK(p == NULL || lh_arena_used(a) <= 64 * 1024);
    lh_arena_free(a);
}

static void test_save_restore(void)
{
    lh_arena *a = lh_arena_new((size_t)4 << 20);
    CHECK(a != NULL);
    if (!a)
        return;
    unsigned char *keep = lh_arena_realloc(a, NULL, 0, 300);
    unsigned char *gone = lh_arena_realloc(a, NULL, 0, 300);
    fill(keep, 300, 4);
    lh_arena_realloc(a, gone, 300, 0); /* on the free list when saved */
    CHECK_INT(lh_arena_save(a), 0);
    size_t used = lh_arena_used(a);
    for (int round = 0; round < 3; round++) {
        /* a session: scribble, allocate, free */
        fill(keep, 300, 9);
        unsigned char *x = lh_arena_realloc(a, NULL, 0, 300);
        CHECK(x == gone); /* the free list hands back the freed block */
        for (int k = 0; k < 100; k++)
            lh_arena_realloc(a, NULL, 0, 2000);
        lh_arena_realloc(a, keep, 300, 0);
        CHECK(lh_arena_used(a) > used);
        lh_arena_restore(a);
        CHECK_INT(lh_arena_used(a), used);
        CHECK(same(keep, 300, 4));
        /* the free list too: the next 300-byte block is `gone` again */
        unsigned char *y = lh_arena_realloc(a, NULL, 0, 300);
        CHECK(y == gone);
        lh_arena_restore(a);
    }
    lh_arena_free(a);
}

/* Once the region is used up, a freed block of a larger class serves a
 * smaller request, and a shrink never fails. */
static void test_full_region_reuses_larger_blocks(void)
{
    lh_arena *a = lh_arena_new(256 * 1024);
    CHECK(a != NULL);
    if (!a)
        return;
    unsigned char *big = lh_arena_realloc(a, NULL, 0, 100000);
    CHECK(big != NULL);
    while (lh_arena_realloc(a, NULL, 0, 4000))
        ;
    CHECK(lh_arena_realloc(a, NULL, 0, 50000) == NULL); /* full, nothing free */
    fill(big, 100000, 5);
    unsigned char *q = lh_arena_realloc(a, big, 100000, 70000); /* a shrink: stays put */
    CHECK(q == big && same(q, 70000, 5));
    lh_arena_realloc(a, q, 70000, 0);
    unsigned char *r = lh_arena_realloc(a, NULL, 0, 50000);
    CHECK(r == big); /* the larger free block serves it */
    lh_arena_free(a);
}

int main(int argc, char **argv)
{
    static const check_case cases[] = {
        {"alloc_free_reuse", test_alloc_free_reuse},
        {"full_region_says_null", test_full_region_says_null},
        {"save_restore", test_save_restore},
        {"full_region_reuses_larger_blocks", test_full_region_reuses_larger_blocks},
        {NULL, NULL},
    };
    return check_main(argc, argv, cases);
}
