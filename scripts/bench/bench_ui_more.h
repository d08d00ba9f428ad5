/* bench_ui_more: bench_ui's other scenes (bench_ui_more.c). */
#ifndef BENCH_UI_MORE_H
#define BENCH_UI_MORE_H

/* `bench_ui --workshop FRAMES`: both windows of a workshop at their
 * busiest, each 1920x1080; the pair's frame time. */
int bench_workshop(int frames);
/* `bench_ui --love-scene FRAMES`: the like-for-like scene for comparison
 * with other engines (issue 13). */
int bench_love(int frames);
/* The 100-character text of line k (1-based) of the love scene. */
void bench_love_line(int k, char out[101]);

#endif
