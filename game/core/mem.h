/* mem: the engine's allocator, with a test-only failure switch.
 *
 * The core and the Lua host allocate through these wrappers (and the Lua
 * allocator asks mem_inject_fail before it grows a block), so that a test
 * can make the n-th allocation from now fail and prove that every one of
 * them ends in a clean error value, never a crash or a leak: SQLite's
 * "malloc failure" testing. Unarmed, a wrapper is malloc behind one load
 * of a global and a branch, inlined. The switch is for single-threaded
 * tests only: it is never armed while explore's workers run, so they only
 * ever read it. */
#ifndef BH_MEM_H
#define BH_MEM_H

#include <stdlib.h>
#include <string.h>

/* Private to mem.c: nonzero while a test has armed the switch. */
extern long mem_armed_;
int mem_armed_fail_(void);

/* Counts one allocation made elsewhere (the Lua allocator) and says
 * whether it must fail: 1 = return NULL. Always 0 when unarmed. */
static inline int mem_inject_fail(void)
{
    return mem_armed_ != 0 && mem_armed_fail_();
}

static inline void *mem_malloc(size_t n)
{
    return mem_inject_fail() ? NULL : malloc(n);
}

static inline void *mem_calloc(size_t n, size_t size)
{
    return mem_inject_fail() ? NULL : calloc(n, size);
}

static inline void *mem_realloc(void *p, size_t n)
{
    return mem_inject_fail() ? NULL : realloc(p, n);
}

static inline char *mem_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = mem_malloc(n);
    if (p)
        memcpy(p, s, n);
    return p;
}

/* ---- tests only ---- */

/* Arm: the n-th allocation from now fails (n >= 1). With `sticky`, every
 * one after it fails too (a machine that stays out of memory); without,
 * only that one does (a transient failure that a retry may get past).
 * n = 0 disarms and resets the counts. */
void mem_fail_at(long n, int sticky);
/* Allocations counted since the switch was armed. */
long mem_count(void);
/* How many allocations were made to fail since it was armed. */
long mem_failures(void);

#endif
