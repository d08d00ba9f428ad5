/* test_ui_theme: the shipped themes load and are readable. Contrast is
 * checked with the WCAG formula: body text needs 4.5:1 (7:1 in the high
 * contrast theme), status colours and focus rings 3:1 against panels. */
#include <stdio.h>
#include <stdlib.h>

#include "check.h"
#include "ui/ui_theme.h"

static void check_theme(const char *name, double text_min)
{
    char path[256];
    snprintf(path, sizeof path, "assets/themes/%s.theme", name);
    ui_theme t;
    bh_err e;
    CHECK_INT(ui_theme_load(&t, path, &e), BH_OK);
    CHECK_STR(t.name, name);
    CHECK(ui_contrast(t.c[TC_TEXT], t.c[TC_BACKGROUND]) >= text_min);
    CHECK(ui_contrast(t.c[TC_TEXT], t.c[TC_PANEL]) >= text_min);
    CHECK(ui_contrast(t.c[TC_TEXT_DIM], t.c[TC_PANEL]) >= 4.5);
    static const ui_theme_color signals[] = {TC_GOOD, TC_WARNING, TC_BAD, TC_FOCUS, TC_ACCENT};
    for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        double c = ui_contrast(t.c[signals[i]], t.c[TC_PANEL]);
        if (c < 3.0)
            fprintf(stderr, "%s: %s has contrast %.2f on panel\n", name, ui_theme_key(signals[i]), c);
        CHECK(c >= 3.0);
    }
}

static void test_shipped_themes(void)
{
    check_theme("dark", 4.5);
    check_theme("light", 4.5);
    check_theme("high_contrast", 7.0);
}

static void test_contrast_formula(void)
{
    ui_rgb black = {0, 0, 0}, white = {255, 255, 255};
    CHECK(ui_contrast(black, white) > 20.9 && ui_contrast(black, white) < 21.01);
    CHECK(ui_contrast(white, white) == 1.0);
}

static void test_bad_themes(void)
{
    char path[] = "/tmp/bh-theme-XXXXXX";
    int fd = mkstemp(path);
    FILE *f = fdopen(fd, "w");
    fputs("# a comment\nbackground #000000\ntext white\n", f);
    fclose(f);
    ui_theme t;
    bh_err e;
    CHECK_INT(ui_theme_load(&t, path, &e), BH_EIO);
    CHECK_INT(e.line, 3);
    CHECK_HAS(e.msg, "#rrggbb");
    f = fopen(path, "w");
    fputs("background #000000\n", f);
    fclose(f);
    CHECK_INT(ui_theme_load(&t, path, &e), BH_EIO);
    CHECK_HAS(e.msg, "missing colour 'panel'");
    f = fopen(path, "w");
    fputs("backgruond #000000\n", f);
    fclose(f);
    CHECK_INT(ui_theme_load(&t, path, &e), BH_EIO);
    CHECK_HAS(e.msg, "unknown colour 'backgruond'");
    remove(path);
}

int main(int argc, char **argv)
{
    static const check_case cases[] = {
        {"shipped_themes", test_shipped_themes},
        {"contrast_formula", test_contrast_formula},
        {"bad_themes", test_bad_themes},
        {NULL, NULL}};
    return check_main(argc, argv, cases);
}
