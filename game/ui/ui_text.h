/* ui_text: the text cache.
 *
 * Rasterising text with SDL_ttf every frame costs about twice a frame's
 * budget at sixty lines, so every rendered string is kept as a texture,
 * keyed by (font size, wrap width, colour, text), and evicted least
 * recently used when the cache is full. Unchanged text is never
 * rasterised twice while it stays in use. The cache is bounded twice: by
 * its number of entries, and by the bytes its textures take (a projector
 * that measures a long message at several sizes made hundreds of
 * megabytes of textures within the entry bound). */
#ifndef UI_TEXT_H
#define UI_TEXT_H

#include <SDL.h>
#include <stdint.h>

#include "ui/ui_font.h"

typedef struct ui_text_entry {
    uint64_t hash;
    int px, wrap;
    uint32_t rgba;
    uint32_t bg;      /* 0 for transparent text */
    char *text;
    SDL_Texture *tex;
    int w, h;
    int prev, next;   /* LRU list: most recently used at the head */
    int chain;        /* next entry in the same hash bucket */
    int live;
} ui_text_entry;

typedef struct ui_text_cache {
    SDL_Renderer *r;
    ui_font *font;
    ui_text_entry *e;
    int cap, count;
    int *bucket;      /* nbucket heads, -1 when empty */
    int nbucket;
    int head, tail;
    int *free_slots;  /* slots emptied to keep within max_bytes, to reuse */
    int nfree;
    size_t bytes;     /* what the textures take (4 bytes a pixel) */
    size_t max_bytes; /* UI_TEXT_MAX_BYTES unless set after init */
    long hits, rasterised, evicted;
} ui_text_cache;

/* The default byte budget: some sixty full 1080p screens of text. */
#define UI_TEXT_MAX_BYTES ((size_t)64 << 20)

bh_status ui_text_init(ui_text_cache *c, SDL_Renderer *r, ui_font *font, int capacity,
                       bh_err *err);
void ui_text_free(ui_text_cache *c);
/* The texture for `text` (UTF-8) at `px`, wrapped at `wrap` pixels (0 = one
 * line), in `color`; sets *w and *h. NULL with *w = *h = 0 for empty text,
 * or NULL with err set on failure. The texture stays valid until the next
 * call that misses the cache. */
SDL_Texture *ui_text(ui_text_cache *c, int px, int wrap, SDL_Color color, const char *text,
                     int *w, int *h, bh_err *err);
/* The same, drawn opaque on background `bg` (a copy, not a blend, when
 * drawn). bg.a == 0 gives transparent text, as ui_text does. */
SDL_Texture *ui_text_on(ui_text_cache *c, int px, int wrap, SDL_Color color, SDL_Color bg,
                        const char *text, int *w, int *h, bh_err *err);
/* Measure without drawing (no texture is made). */
bh_status ui_text_size(ui_text_cache *c, int px, const char *text, int *w, int *h, bh_err *err);

#endif
