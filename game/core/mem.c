/* mem.c: the allocation wrappers and the failure switch (see mem.h). */
#include "core/mem.h"

#include <stdlib.h>
#include <string.h>

static long fail_at;  /* 0: unarmed */
static int fail_sticky;
static long counted, failed;

int mem_inject_fail(void)
{
    if (fail_at == 0)
        return 0;
    counted++;
    if (counted == fail_at || (fail_sticky && counted > fail_at)) {
        failed++;
        return 1;
    }
    return 0;
}

void *mem_malloc(size_t n)
{
    return mem_inject_fail() ? NULL : malloc(n);
}

void *mem_calloc(size_t n, size_t size)
{
    return mem_inject_fail() ? NULL : calloc(n, size);
}

void *mem_realloc(void *p, size_t n)
{
    return mem_inject_fail() ? NULL : realloc(p, n);
}

char *mem_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = mem_malloc(n);
    if (p)
        memcpy(p, s, n);
    return p;
}

void mem_fail_at(long n, int sticky)
{
    fail_at = n > 0 ? n : 0;
    fail_sticky = sticky;
    counted = 0;
    failed = 0;
}

long mem_count(void)
{
    return counted;
}

long mem_failures(void)
{
    return failed;
}
