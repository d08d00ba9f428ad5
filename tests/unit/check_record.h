/* check_record.h: what a window drew, for the UI tests that look for
 * strings (the leak tests, the whole workshop): ui.record calls
 * check_record with each string before it is wrapped, and the strings
 * collect one per line. Header-only, like check.h. */
#ifndef CHECK_RECORD_H
#define CHECK_RECORD_H

#include <SDL.h>
#include <stdlib.h>
#include <string.h>

typedef struct drawn {
    char *text;
    size_t len, cap;
} drawn;

__attribute__((unused)) static void check_record(void *ctx, const char *text, SDL_Rect r)
{
    (void)r;
    drawn *d = ctx;
    size_t n = strlen(text);
    if (d->len + n + 2 > d->cap) {
        size_t cap = (d->len + n + 2) * 2;
        char *t = realloc(d->text, cap);
        if (!t)
            return;
        d->text = t;
        d->cap = cap;
    }
    memcpy(d->text + d->len, text, n);
    d->len += n;
    d->text[d->len++] = '\n';
    d->text[d->len] = 0;
}

#endif
