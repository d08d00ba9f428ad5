/* test_ui_text: the font lookup and the text cache, on SDL's dummy video
 * driver with the software renderer (no display needed). */
#include <SDL.h>
#include <SDL_ttf.h>
#include <stdlib.h>

#include "check.h"
#include "ui/ui_text.h"

static SDL_Window *win;
static SDL_Renderer *ren;
static ui_font font;

static void test_font_lookup(void)
{
    char path[1024];
    bh_err e;
    CHECK_INT(ui_font_find(NULL, "DejaVu Sans", path, sizeof path, &e), BH_OK);
    CHECK_HAS(path, ".ttf");
    CHECK_INT(ui_font_find("/nonexistent/font.ttf", "DejaVu Sans", path, sizeof path, &e), BH_EIO);
    CHECK_HAS(e.msg, "--font");
    ui_font bad;
    CHECK_INT(ui_font_open(&bad, "/etc/hostname", &e), BH_EIO);
    CHECK_HAS(e.file, "/etc/hostname");
}

static void test_cache_hits_and_misses(void)
{
    ui_text_cache c;
    bh_err e;
    SDL_Color white = {255, 255, 255, 255}, red = {255, 0, 0, 255};
    CHECK_INT(ui_text_init(&c, ren, &font, 8, &e), BH_OK);
    int w, h, w2, h2;
    SDL_Texture *a = ui_text(&c, 20, 0, white, "Booking portal", &w, &h, &e);
    CHECK(a != NULL);
    CHECK(w > 50 && h > 10);
    SDL_Texture *b = ui_text(&c, 20, 0, white, "Booking portal", &w2, &h2, &e);
    CHECK(a == b);
    CHECK_INT(w2, w);
    CHECK_INT(c.rasterised, 1);
    CHECK_INT(c.hits, 1);
    /* Any part of the key changes the texture. */
    CHECK(ui_text(&c, 20, 0, red, "Booking portal", &w2, &h2, &e) != a);
    CHECK(ui_text(&c, 30, 0, white, "Booking portal", &w2, &h2, &e) != NULL);
    CHECK(w2 > w);
    CHECK(ui_text(&c, 20, 60, white, "Booking portal", &w2, &h2, &e) != NULL);
    CHECK(h2 > h); /* wrapped onto two lines */
    CHECK_INT(c.rasterised, 4);
    CHECK(ui_text(&c, 20, 0, white, "", &w2, &h2, &e) == NULL && w2 == 0);
    int mw, mh;
    CHECK_INT(ui_text_size(&c, 20, "Booking portal", &mw, &mh, &e), BH_OK);
    CHECK_INT(mw, w);
    ui_text_free(&c);
}

static void test_cache_evicts_least_recent(void)
{
    ui_text_cache c;
    bh_err e;
    SDL_Color white = {255, 255, 255, 255};
    int w, h;
    CHECK_INT(ui_text_init(&c, ren, &font, 4, &e), BH_OK);
    const char *words[] = {"one", "two", "three", "four", "five"};
    for (int i = 0; i < 4; i++)
        ui_text(&c, 16, 0, white, words[i], &w, &h, &e);
    ui_text(&c, 16, 0, white, "one", &w, &h, &e); /* "two" is now the oldest */
    ui_text(&c, 16, 0, white, "five", &w, &h, &e);
    CHECK_INT(c.evicted, 1);
    long before = c.rasterised;
    ui_text(&c, 16, 0, white, "one", &w, &h, &e);
    ui_text(&c, 16, 0, white, "three", &w, &h, &e);
    CHECK_INT(c.rasterised, before); /* kept */
    ui_text(&c, 16, 0, white, "two", &w, &h, &e);
    CHECK_INT(c.rasterised, before + 1); /* was evicted */
    /* Many distinct strings through a small cache stay consistent. */
    char buf[32];
    for (int i = 0; i < 200; i++) {
        snprintf(buf, sizeof buf, "line %d", i % 7);
        CHECK(ui_text(&c, 16, 0, white, buf, &w, &h, &e) != NULL);
    }
    CHECK_INT(c.count, 4);
    ui_text_free(&c);
}

/* The byte budget: long texts evict the least recently used until the
 * textures fit it, emptied slots are reused, and every lookup stays right. */
static void test_cache_byte_budget(void)
{
    ui_text_cache c;
    bh_err e;
    SDL_Color white = {255, 255, 255, 255};
    int w, h;
    CHECK_INT(ui_text_init(&c, ren, &font, 64, &e), BH_OK);
    CHECK(c.max_bytes == UI_TEXT_MAX_BYTES);
    c.max_bytes = 200 * 1024;
    char buf[400];
    size_t most = 0;
    for (int i = 0; i < 300; i++) {
        snprintf(buf, sizeof buf, "%d %s", i,
                 "a long line of text that takes a wide texture, repeated to be wider still");
        CHECK(ui_text(&c, 24, 0, white, buf, &w, &h, &e) != NULL);
        CHECK(w > 0 && h > 0);
        most = c.bytes > most ? c.bytes : most;
        /* what the cache says it holds is what its live entries take */
        size_t sum = 0;
        for (int k = 0; k < c.count; k++)
            sum += (size_t)c.e[k].w * (size_t)c.e[k].h * 4;
        CHECK(sum == c.bytes);
    }
    CHECK(most <= c.max_bytes);
    CHECK(c.evicted > 0);
    CHECK(c.count < 64); /* bounded by bytes before entries */
    /* the newest is still cached; a text larger than the budget still draws */
    long before = c.rasterised;
    CHECK(ui_text(&c, 24, 0, white, buf, &w, &h, &e) != NULL);
    CHECK_INT(c.rasterised, before);
    c.max_bytes = 1024;
    CHECK(ui_text(&c, 24, 0, white, "larger than the whole budget", &w, &h, &e) != NULL);
    CHECK(w > 0);
    ui_text_free(&c);
}

int main(int argc, char **argv)
{
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    char path[1024];
    bh_err e;
    if (SDL_Init(SDL_INIT_VIDEO) != 0 || TTF_Init() != 0 ||
        !(win = SDL_CreateWindow("t", 0, 0, 640, 480, 0)) ||
        !(ren = SDL_CreateRenderer(win, -1, SDL_RENDERER_SOFTWARE)) ||
        ui_font_find(NULL, "DejaVu Sans", path, sizeof path, &e) != BH_OK ||
        ui_font_open(&font, path, &e) != BH_OK) {
        fprintf(stderr, "setup failed: %s %s\n", SDL_GetError(), e.msg);
        return 1;
    }
    static const check_case cases[] = {
        {"font_lookup", test_font_lookup},
        {"cache_hits_and_misses", test_cache_hits_and_misses},
        {"cache_evicts_least_recent", test_cache_evicts_least_recent},
        {"cache_byte_budget", test_cache_byte_budget},
        {NULL, NULL}};
    int rc = check_main(argc, argv, cases);
    ui_font_close(&font);
    SDL_DestroyRenderer(ren);
    SDL_DestroyWindow(win);
    TTF_Quit();
    SDL_Quit();
    return rc;
}
