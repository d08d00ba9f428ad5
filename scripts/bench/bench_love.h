/* bench_love: the like-for-like scene of bench_ui (bench_love.c), and the
 * two helpers of bench_ui.c it shares. */
#ifndef BENCH_LOVE_H
#define BENCH_LOVE_H

/* `bench_ui --love-scene FRAMES`: 20 rectangles and 60 lines of text at
 * 1280x720; prints the mean, median and p95 frame time. */
int bench_love(int frames);
/* The 100-character text of line k (1-based) of the scene. */
void bench_love_line(int k, char out[101]);

/* bench_ui.c: a monotonic clock in milliseconds; qsort's order for doubles. */
double now_ms(void);
int cmp(const void *a, const void *b);

#endif
