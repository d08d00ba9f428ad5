/* vec: growable arrays for plain C structs.
 *
 * VEC_PUSH(ptr, count, cap) makes room for one more element in a
 * malloc'd array, doubling its capacity. Returns 0, or -1 when out of
 * memory (the array is left as it was). */
#ifndef BH_VEC_H
#define BH_VEC_H

#include <stddef.h>

int vec_grow(void **ptr, size_t elem, size_t *cap, size_t need);

#define VEC_PUSH(ptr, count, cap) \
    vec_grow((void **)&(ptr), sizeof *(ptr), &(cap), (count) + 1)

#endif
