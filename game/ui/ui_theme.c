#include "ui/ui_theme.h"

#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "core/text.h"

static const char *const keys[TC__COUNT] = {
    "background", "panel", "panel_border", "text", "text_dim", "accent", "focus",
    "good", "warning", "bad", "bar_track"};

const char *ui_theme_key(ui_theme_color c)
{
    return keys[c];
}

bh_status ui_theme_load(ui_theme *t, const char *path, bh_err *err)
{
    memset(t, 0, sizeof *t);
    const char *base = strrchr(path, '/');
    snprintf(t->name, sizeof t->name, "%s", base ? base + 1 : path);
    char *dot = strrchr(t->name, '.');
    if (dot)
        *dot = '\0';
    char *text = NULL;
    size_t len;
    bh_status st = text_read_file(path, 64 * 1024, &text, &len, err);
    if (st != BH_OK)
        return st;
    int seen[TC__COUNT] = {0};
    int lineno = 0;
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        lineno++;
        char key[64], hex[16];
        if (line[0] == '#' || strspn(line, " \t\r") == strlen(line))
            continue;
        unsigned r, g, b;
        if (sscanf(line, "%63s %15s", key, hex) != 2 || strlen(hex) != 7 ||
            sscanf(hex, "#%2x%2x%2x", &r, &g, &b) != 3) {
            free(text);
            return err_set(err, BH_EIO, path, lineno, "expected 'key #rrggbb'");
        }
        int k = -1;
        for (int i = 0; i < TC__COUNT; i++)
            if (strcmp(keys[i], key) == 0)
                k = i;
        if (k < 0) {
            free(text);
            return err_set(err, BH_EIO, path, lineno, "unknown colour '%s'", key);
        }
        t->c[k] = (ui_rgb){(uint8_t)r, (uint8_t)g, (uint8_t)b};
        seen[k] = 1;
    }
    free(text);
    for (int i = 0; i < TC__COUNT; i++)
        if (!seen[i])
            return err_set(err, BH_EIO, path, 0, "missing colour '%s'", keys[i]);
    return BH_OK;
}

static double channel(uint8_t v)
{
    double c = v / 255.0;
    return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double luminance(ui_rgb c)
{
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

double ui_contrast(ui_rgb a, ui_rgb b)
{
    double la = luminance(a), lb = luminance(b);
    return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}
