#include "ui/ui_settings.h"

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void ui_settings_default(ui_settings *s)
{
    memset(s, 0, sizeof *s);
    s->text_scale = 100;
    snprintf(s->theme, sizeof s->theme, "dark");
    s->speed = 1;
}

static int valid_speed(int v)
{
    return v == 0 || v == 1 || v == 2 || v == 4 || v == 8;
}

bh_status ui_settings_load(ui_settings *s, const char *path, bh_err *err)
{
    ui_settings_default(s);
    if (access(path, F_OK) != 0)
        return BH_OK;
    json_error_t je;
    json_t *root = json_load_file(path, JSON_REJECT_DUPLICATES, &je);
    if (!root)
        return err_set(err, BH_EIO, path, je.line > 0 ? je.line : 0,
                       "settings unreadable (%s); using the defaults", je.text);
    ui_settings v;
    ui_settings_default(&v);
    json_t *scale = json_object_get(root, "text_scale");
    json_t *theme = json_object_get(root, "theme");
    json_t *speed = json_object_get(root, "speed");
    json_t *full = json_object_get(root, "fullscreen");
    const char *bad = NULL;
    if (!json_is_object(root))
        bad = "the file is not a JSON object";
    else if (scale && (!json_is_integer(scale) || json_integer_value(scale) < 100 ||
                       json_integer_value(scale) > 200))
        bad = "text_scale must be a whole number from 100 to 200";
    else if (theme && (!json_is_string(theme) || json_string_length(theme) == 0 ||
                       json_string_length(theme) >= sizeof v.theme ||
                       strspn(json_string_value(theme), "abcdefghijklmnopqrstuvwxyz_") !=
                           json_string_length(theme)))
        bad = "theme must be a theme name such as \"dark\"";
    else if (speed && (!json_is_integer(speed) || !valid_speed((int)json_integer_value(speed))))
        bad = "speed must be 0, 1, 2, 4 or 8";
    else if (full && !json_is_boolean(full))
        bad = "fullscreen must be true or false";
    if (bad) {
        json_decref(root);
        return err_set(err, BH_EIO, path, 0, "%s; using the defaults", bad);
    }
    if (scale)
        v.text_scale = (int)json_integer_value(scale);
    if (theme)
        snprintf(v.theme, sizeof v.theme, "%s", json_string_value(theme));
    if (speed)
        v.speed = (int)json_integer_value(speed);
    if (full)
        v.fullscreen = json_is_true(full);
    json_decref(root);
    *s = v;
    return BH_OK;
}

bh_status ui_settings_save(const ui_settings *s, const char *path, bh_err *err)
{
    json_t *root = json_pack("{s:i, s:s, s:i, s:b}", "text_scale", s->text_scale, "theme",
                             s->theme, "speed", s->speed, "fullscreen", s->fullscreen);
    char *text = root ? json_dumps(root, JSON_INDENT(2) | JSON_SORT_KEYS) : NULL;
    json_decref(root);
    if (!text)
        return err_set(err, BH_ENOMEM, path, 0, "cannot format the settings");
    char tmp[1100];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    bh_status st = BH_OK;
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    size_t len = strlen(text);
    if (fd < 0 || write(fd, text, len) != (ssize_t)len || write(fd, "\n", 1) != 1 ||
        fsync(fd) != 0)
        st = err_set(err, BH_EIO, tmp, 0, "cannot write the settings: %s", strerror(errno));
    if (fd >= 0)
        close(fd);
    if (st == BH_OK && rename(tmp, path) != 0)
        st = err_set(err, BH_EIO, path, 0, "cannot replace the settings: %s", strerror(errno));
    if (st != BH_OK)
        unlink(tmp);
    free(text);
    return st;
}
