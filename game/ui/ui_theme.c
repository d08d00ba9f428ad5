#include "ui/ui_theme.h"

#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "core/text.h"

static const char *const keys[TC__COUNT] = {
    "background", "panel", "panel_border", "text", "text_dim", "accent", "focus",
    "good", "warning", "bad", "bar_track", "series1", "series2", "series3", "series4",
    "series5", "series6", "series7", "series8"};

/* Okabe and Ito's colour-blind-safe set, lightened for dark backgrounds and
 * darkened for light ones so that every line stands out at 3:1 or more. */
static const ui_rgb series_on_dark[UI_SERIES] = {
    {0x56, 0xb4, 0xe9}, {0xe6, 0x9f, 0x00}, {0x2e, 0xc4, 0x96}, {0xf0, 0xe4, 0x42},
    {0xe0, 0x8f, 0xc0}, {0xff, 0x7b, 0x3a}, {0xf2, 0xf2, 0xf2}, {0xa8, 0x9c, 0xff}};
static const ui_rgb series_on_light[UI_SERIES] = {
    {0x00, 0x5f, 0x99}, {0xa3, 0x5c, 0x00}, {0x00, 0x7a, 0x5a}, {0x6b, 0x6b, 0x6b},
    {0xa3, 0x3b, 0x7e}, {0xb8, 0x00, 0x2e}, {0x1a, 0x1a, 0x1a}, {0x5b, 0x4b, 0xc7}};

static double luminance(ui_rgb c);

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
        if (!seen[i] && i < TC_SERIES1)
            return err_set(err, BH_EIO, path, 0, "missing colour '%s'", keys[i]);
    int dark = luminance(t->c[TC_BACKGROUND]) < 0.2;
    for (int i = 0; i < UI_SERIES; i++)
        if (!seen[TC_SERIES1 + i])
            t->c[TC_SERIES1 + i] = dark ? series_on_dark[i] : series_on_light[i];
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
