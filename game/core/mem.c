/* mem.c: the failure switch (see mem.h; the wrappers are inline there). */
#include "core/mem.h"

long mem_armed_; /* the n-th allocation fails; 0: unarmed */
static int fail_sticky;
static long counted, failed;

int mem_armed_fail_(void)
{
    counted++;
    if (counted == mem_armed_ || (fail_sticky && counted > mem_armed_)) {
        failed++;
        return 1;
    }
    return 0;
}

void mem_fail_at(long n, int sticky)
{
    mem_armed_ = n > 0 ? n : 0;
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
