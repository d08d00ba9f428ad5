/* mem: the engine's allocator, with a test-only failure switch.
 *
 * The core and the Lua host allocate through these wrappers (and the Lua
 * allocator asks mem_inject_fail before it grows a block), so that a test
 * can make the n-th allocation from now fail and prove that every one of
 * them ends in a clean error value, never a crash or a leak: SQLite's
 * "malloc failure" testing. Unarmed, each wrapper costs one load of a
 * global and a branch. The switch is for single-threaded tests only: it is
 * never armed while explore's workers run, so they only ever read it. */
#ifndef BH_MEM_H
#define BH_MEM_H

#include <stddef.h>

void *mem_malloc(size_t n);
void *mem_calloc(size_t n, size_t size);
void *mem_realloc(void *p, size_t n);
char *mem_strdup(const char *s);

/* Counts one allocation made elsewhere (the Lua allocator) and says
 * whether it must fail: 1 = return NULL. Always 0 when unarmed. */
int mem_inject_fail(void);

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
