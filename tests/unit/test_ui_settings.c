/* test_ui_settings: settings survive a save and load, bad files give the
 * defaults with an error naming the file, and saving is atomic. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "ui/ui_settings.h"

static char dir[] = "/tmp/bh-settings-XXXXXX";

static const char *file(const char *name, const char *text)
{
    static char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    if (text) {
        FILE *f = fopen(path, "w");
        fputs(text, f);
        fclose(f);
    }
    return path;
}

static void test_round_trip(void)
{
    ui_settings s, t;
    bh_err e;
    const char *path = file("settings.json", NULL);
    CHECK_INT(ui_settings_load(&s, path, &e), BH_OK); /* missing: defaults */
    CHECK_INT(s.text_scale, 100);
    CHECK_STR(s.theme, "dark");
    CHECK_INT(s.speed, 1);
    s.text_scale = 175;
    snprintf(s.theme, sizeof s.theme, "high_contrast");
    s.speed = 4;
    s.fullscreen = 1;
    CHECK_INT(ui_settings_save(&s, path, &e), BH_OK);
    CHECK_INT(ui_settings_load(&t, path, &e), BH_OK);
    CHECK(memcmp(&s, &t, sizeof s) == 0);
    char tmp[300];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    CHECK(access(tmp, F_OK) != 0); /* no temporary left behind */
}

static void test_bad_files(void)
{
    static const struct { const char *text, *expect; } cases[] = {
        {"{ \"text_scale\": 150, ", "settings unreadable"},
        {"[1, 2]", "not a JSON object"},
        {"{\"text_scale\": 500}", "text_scale must be"},
        {"{\"theme\": \"../../etc\"}", "theme must be"},
        {"{\"speed\": 3}", "speed must be"},
        {"{\"fullscreen\": \"yes\"}", "fullscreen must be"},
        {"{\"speed\": 1, \"speed\": 2}", "settings unreadable"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ui_settings s;
        bh_err e;
        const char *path = file("bad.json", cases[i].text);
        CHECK_INT(ui_settings_load(&s, path, &e), BH_EIO);
        CHECK_HAS(e.msg, cases[i].expect);
        CHECK_HAS(e.file, "bad.json");
        CHECK_INT(s.text_scale, 100); /* defaults, not half-read values */
    }
}

int main(int argc, char **argv)
{
    if (!mkdtemp(dir))
        return 1;
    static const check_case cases[] = {
        {"round_trip", test_round_trip},
        {"bad_files", test_bad_files},
        {NULL, NULL}};
    int rc = check_main(argc, argv, cases);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        rc = 1;
    return rc;
}
