/* lh_arena: a heap for one Lua state that can be put back as it was.
 *
 * `bulkhead explore` plays thousands of sessions, and each must start from
 * a Lua state nobody has used. Loading the scenario again costs
 * milliseconds; copying its heap back costs microseconds. So a state that
 * must be rewound gets all its memory from one reserved region: every
 * object, and the allocator's own free lists, live inside it. Saving is a
 * copy of the region's used part; restoring copies it back, and the state
 * is then byte for byte what it was, at the same addresses.
 *
 * Blocks come in size classes (16-byte steps to 256 bytes, then four steps
 * per doubling). Lua always says how big a block it frees or grows is, so
 * blocks carry no header. Freed blocks go on their class's list and are
 * reused; nothing is ever coalesced, which is fine for a heap that is
 * rewound after every session. */
#ifndef LH_ARENA_H
#define LH_ARENA_H

#include <stddef.h>

typedef struct lh_arena lh_arena;

/* Reserve `reserve` bytes of address space (pages are used only when
 * touched). NULL when the reservation fails. */
lh_arena *lh_arena_new(size_t reserve);
void lh_arena_free(lh_arena *a);
/* Lua's allocator contract: ptr NULL allocates, nsize 0 frees (returns
 * NULL), otherwise grows or shrinks keeping the contents. NULL when the
 * region is full. `osize` is the size the block was asked for with. */
void *lh_arena_realloc(lh_arena *a, void *ptr, size_t osize, size_t nsize);
/* Bytes of the region in use (what a save copies). */
size_t lh_arena_used(const lh_arena *a);
/* Keep the region as it is now; -1 when out of memory for the copy. */
int lh_arena_save(lh_arena *a);
/* Put the region back as the last save left it. */
void lh_arena_restore(lh_arena *a);

#endif
