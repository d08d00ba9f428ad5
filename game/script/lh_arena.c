/* lh_arena.c: the rewindable heap (see lh_arena.h). */
#include "script/lh_arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "core/mem.h"

#define ARENA_NCLASS 240 /* 16 small classes + 4 per doubling up to 2^62 */

/* Lives at the start of the region, so that a restore puts the free lists
 * back along with the blocks they point into. */
typedef struct arena_hdr {
    size_t top;                /* offset of the first byte never handed out */
    void *free[ARENA_NCLASS]; /* freed blocks per class, linked through their first word */
} arena_hdr;

#define ARENA_START ((sizeof(arena_hdr) + 15) & ~(size_t)15)

struct lh_arena {
    unsigned char *base;
    size_t reserve;
    unsigned char *snap; /* the saved region */
    size_t snap_n, snap_cap;
};

static arena_hdr *hdr(const lh_arena *a)
{
    return (arena_hdr *)(void *)a->base;
}

/* The class of an n-byte block, and the size blocks of that class have. */
static size_t class_of(size_t n, size_t *size)
{
    if (n <= 256) {
        size_t c = n ? (n + 15) / 16 : 1;
        *size = c * 16;
        return c - 1;
    }
    int k = 63 - __builtin_clzll((unsigned long long)(n - 1)); /* 2^k < n <= 2^(k+1) */
    size_t base = (size_t)1 << k, step = base / 4;
    size_t j = (n - base + step - 1) / step; /* 1..4 */
    *size = base + j * step;
    return 16 + (size_t)(k - 8) * 4 + (j - 1);
}

lh_arena *lh_arena_new(size_t reserve)
{
    lh_arena *a = mem_calloc(1, sizeof *a);
    if (!a)
        return NULL;
    reserve = (reserve + 4095) & ~(size_t)4095;
    void *p = mmap(NULL, reserve, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED) {
        free(a);
        return NULL;
    }
    a->base = p;
    a->reserve = reserve;
    hdr(a)->top = ARENA_START; /* the mapping is zeroed: the free lists are empty */
    return a;
}

void lh_arena_free(lh_arena *a)
{
    if (!a)
        return;
    munmap(a->base, a->reserve);
    free(a->snap);
    free(a);
}

static void *pop(arena_hdr *h, size_t c)
{
    void *p = h->free[c];
    memcpy(&h->free[c], p, sizeof(void *));
    return p;
}

static void *take(lh_arena *a, size_t n)
{
    if (n > a->reserve)
        return NULL;
    arena_hdr *h = hdr(a);
    size_t size, c = class_of(n, &size);
    if (h->free[c])
        return pop(h, c);
    if (size <= a->reserve - h->top) {
        void *p = a->base + h->top;
        h->top += size;
        return p;
    }
    /* The region is used up: a free block of a larger class will do. It
     * goes back to the class it was asked for (Lua frees with the size it
     * asked), so the excess is lost, but the memory Lua freed is reused
     * rather than the session failing where a plain malloc would not. */
    for (size_t k = c + 1; k < ARENA_NCLASS; k++)
        if (h->free[k])
            return pop(h, k);
    return NULL;
}

static void give_back(lh_arena *a, void *p, size_t n)
{
    arena_hdr *h = hdr(a);
    size_t size, c = class_of(n, &size);
    memcpy(p, &h->free[c], sizeof(void *));
    h->free[c] = p;
}

void *lh_arena_realloc(lh_arena *a, void *ptr, size_t osize, size_t nsize)
{
    if (nsize == 0) {
        if (ptr)
            give_back(a, ptr, osize);
        return NULL;
    }
    if (!ptr)
        return take(a, nsize);
    size_t os, ns;
    if (nsize <= a->reserve && class_of(osize, &os) == class_of(nsize, &ns))
        return ptr;
    void *p = take(a, nsize);
    if (!p)
        return nsize <= osize ? ptr : NULL; /* a shrink must not fail; else Lua keeps ptr */
    memcpy(p, ptr, osize < nsize ? osize : nsize);
    give_back(a, ptr, osize);
    return p;
}

size_t lh_arena_used(const lh_arena *a)
{
    return hdr(a)->top;
}

int lh_arena_save(lh_arena *a)
{
    size_t n = hdr(a)->top;
    if (n > a->snap_cap) {
        unsigned char *p = mem_realloc(a->snap, n);
        if (!p)
            return -1;
        a->snap = p;
        a->snap_cap = n;
    }
    memcpy(a->snap, a->base, n);
    a->snap_n = n;
    return 0;
}

void lh_arena_restore(lh_arena *a)
{
    if (a->snap_n)
        memcpy(a->base, a->snap, a->snap_n);
}
