#include "ui/ui_text.h"

#include "core/text.h"

#include <stdlib.h>
#include <string.h>

static uint64_t key_hash(int px, int wrap, uint32_t rgba, uint32_t bg, const char *text)
{
    uint64_t h = TEXT_FNV_SEED;
    h = text_fnv(h, &px, sizeof px);
    h = text_fnv(h, &wrap, sizeof wrap);
    h = text_fnv(h, &rgba, sizeof rgba);
    h = text_fnv(h, &bg, sizeof bg);
    return text_fnv(h, text, strlen(text));
}

bh_status ui_text_init(ui_text_cache *c, SDL_Renderer *r, ui_font *font, int capacity,
                       bh_err *err)
{
    memset(c, 0, sizeof *c);
    c->r = r;
    c->font = font;
    c->cap = capacity > 4 ? capacity : 4;
    c->nbucket = 1;
    while (c->nbucket < 2 * c->cap)
        c->nbucket *= 2;
    c->max_bytes = UI_TEXT_MAX_BYTES;
    c->e = calloc((size_t)c->cap, sizeof *c->e);
    c->bucket = malloc((size_t)c->nbucket * sizeof *c->bucket);
    c->free_slots = malloc((size_t)c->cap * sizeof *c->free_slots);
    if (!c->e || !c->bucket || !c->free_slots) {
        ui_text_free(c);
        return err_set(err, BH_ENOMEM, "", 0, "out of memory for the text cache");
    }
    for (int i = 0; i < c->nbucket; i++)
        c->bucket[i] = -1;
    c->head = c->tail = -1;
    return BH_OK;
}

void ui_text_free(ui_text_cache *c)
{
    for (int i = 0; c->e && i < c->count; i++) {
        if (c->e[i].tex)
            SDL_DestroyTexture(c->e[i].tex);
        free(c->e[i].text);
    }
    free(c->e);
    free(c->bucket);
    free(c->free_slots);
    memset(c, 0, sizeof *c);
}

static void lru_unlink(ui_text_cache *c, int i)
{
    ui_text_entry *e = &c->e[i];
    if (e->prev >= 0)
        c->e[e->prev].next = e->next;
    else
        c->head = e->next;
    if (e->next >= 0)
        c->e[e->next].prev = e->prev;
    else
        c->tail = e->prev;
}

static void lru_push_front(ui_text_cache *c, int i)
{
    c->e[i].prev = -1;
    c->e[i].next = c->head;
    if (c->head >= 0)
        c->e[c->head].prev = i;
    c->head = i;
    if (c->tail < 0)
        c->tail = i;
}

static void bucket_remove(ui_text_cache *c, int i)
{
    int *link = &c->bucket[c->e[i].hash & (uint64_t)(c->nbucket - 1)];
    while (*link >= 0 && *link != i)
        link = &c->e[*link].chain;
    if (*link == i)
        *link = c->e[i].chain;
}

static size_t entry_bytes(const ui_text_entry *e)
{
    return (size_t)e->w * (size_t)e->h * 4;
}

/* Drop the least recently used entry; its slot stays empty. */
static int evict_tail(ui_text_cache *c)
{
    int i = c->tail;
    lru_unlink(c, i);
    bucket_remove(c, i);
    SDL_DestroyTexture(c->e[i].tex);
    free(c->e[i].text);
    c->bytes -= entry_bytes(&c->e[i]);
    memset(&c->e[i], 0, sizeof c->e[i]);
    c->evicted++;
    return i;
}

/* A slot for a texture of `need` bytes: the least recently used go first
 * while the textures would pass the byte budget (a single text larger
 * than the budget is still drawn: it stays alone); then a slot emptied
 * that way, a new one while there is room, else the least recently used. */
static int take_slot(ui_text_cache *c, size_t need)
{
    while (c->tail >= 0 && c->bytes + need > c->max_bytes)
        c->free_slots[c->nfree++] = evict_tail(c);
    if (c->nfree > 0)
        return c->free_slots[--c->nfree];
    if (c->count < c->cap)
        return c->count++;
    return evict_tail(c);
}

static uint32_t pack(SDL_Color k)
{
    return (uint32_t)k.r << 24 | (uint32_t)k.g << 16 | (uint32_t)k.b << 8 | k.a;
}

SDL_Texture *ui_text(ui_text_cache *c, int px, int wrap, SDL_Color color, const char *text,
                     int *w, int *h, bh_err *err)
{
    return ui_text_on(c, px, wrap, color, (SDL_Color){0, 0, 0, 0}, text, w, h, err);
}

/* Opaque text is anti-aliased against the colour it will sit on, so
 * drawing it is a plain copy: blending every text pixel each frame cost a
 * third of the software renderer's frame time at 1080p. */
static SDL_Surface *render(TTF_Font *font, const char *text, int wrap, SDL_Color fg,
                           SDL_Color bg)
{
    if (bg.a == 0)
        return wrap > 0 ? TTF_RenderUTF8_Blended_Wrapped(font, text, fg, (Uint32)wrap)
                        : TTF_RenderUTF8_Blended(font, text, fg);
    return wrap > 0 ? TTF_RenderUTF8_Shaded_Wrapped(font, text, fg, bg, (Uint32)wrap)
                    : TTF_RenderUTF8_Shaded(font, text, fg, bg);
}

SDL_Texture *ui_text_on(ui_text_cache *c, int px, int wrap, SDL_Color color, SDL_Color bg,
                        const char *text, int *w, int *h, bh_err *err)
{
    *w = *h = 0;
    if (!text || !text[0])
        return NULL;
    uint32_t rgba = pack(color), bgk = bg.a ? pack(bg) : 0;
    uint64_t hash = key_hash(px, wrap, rgba, bgk, text);
    for (int i = c->bucket[hash & (uint64_t)(c->nbucket - 1)]; i >= 0; i = c->e[i].chain) {
        ui_text_entry *e = &c->e[i];
        if (e->hash == hash && e->px == px && e->wrap == wrap && e->rgba == rgba &&
            e->bg == bgk && strcmp(e->text, text) == 0) {
            if (c->head != i) {
                lru_unlink(c, i);
                lru_push_front(c, i);
            }
            c->hits++;
            *w = e->w;
            *h = e->h;
            return e->tex;
        }
    }
    TTF_Font *font = ui_font_at(c->font, px, err);
    if (!font)
        return NULL;
    SDL_Surface *surf = render(font, text, wrap, color, bg);
    if (!surf) {
        err_set(err, BH_EIO, "", 0, "cannot render text: %s", TTF_GetError());
        return NULL;
    }
    SDL_Texture *tex = SDL_CreateTextureFromSurface(c->r, surf);
    if (tex && bgk)
        SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_NONE);
    int sw = surf->w, sh = surf->h;
    SDL_FreeSurface(surf);
    char *copy = strdup(text);
    if (!tex || !copy) {
        if (tex)
            SDL_DestroyTexture(tex);
        free(copy);
        err_set(err, BH_ENOMEM, "", 0, "cannot make a text texture: %s", SDL_GetError());
        return NULL;
    }
    int i = take_slot(c, (size_t)sw * (size_t)sh * 4);
    ui_text_entry *e = &c->e[i];
    *e = (ui_text_entry){hash, px, wrap, rgba, bgk, copy, tex, sw, sh, -1, -1, -1, 1};
    c->bytes += entry_bytes(e);
    int *b = &c->bucket[hash & (uint64_t)(c->nbucket - 1)];
    e->chain = *b;
    *b = i;
    lru_push_front(c, i);
    c->rasterised++;
    *w = sw;
    *h = sh;
    return tex;
}

bh_status ui_text_size(ui_text_cache *c, int px, const char *text, int *w, int *h, bh_err *err)
{
    *w = *h = 0;
    TTF_Font *font = ui_font_at(c->font, px, err);
    if (!font)
        return err->status;
    if (text && text[0] && TTF_SizeUTF8(font, text, w, h) != 0)
        return err_set(err, BH_EIO, "", 0, "cannot measure text: %s", TTF_GetError());
    return BH_OK;
}
