/* test_ui_catalogue: the scenario list on the title screen, without a
 * display.
 *
 * It lists the shipped folder and then the player's own, each entry marked
 * with the folder it came from and shown by where it lives ("tutorial.lua",
 * "~/.local/share/bulkhead/scenarios/port.lua"); the tutorial comes first;
 * files that only hold texts are skipped and broken ones are listed with
 * their first error. A missing user folder is made; one that cannot be
 * made lists nothing and is no error. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "ui/play.h"

static char tmpdir[256];

static void put(const char *dir, const char *name, const char *text)
{
    char path[600];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (!f)
        return;
    fputs(text, f);
    fclose(f);
}

/* A small working scenario with this id and title. */
static void put_scenario(const char *dir, const char *name, const char *id, const char *title,
                         const char *extra)
{
    char text[600];
    snprintf(text, sizeof text,
             "scenario { id = \"%s\", title = \"%s\", start = \"2020-01-01 00:00\", "
             "length = \"2h\" }\nending { id = \"e\", title = \"E\", text = \"T\", "
             "fallback = true }\n%s",
             id, title, extra);
    put(dir, name, text);
}

/* tmpdir/a/b..., made afresh. */
static void path_in_tmp(char *out, size_t n, const char *rel)
{
    snprintf(out, n, "%s/%s", tmpdir, rel);
}

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static size_t count_from(const play_catalogue *c, play_source src)
{
    size_t k = 0;
    for (size_t i = 0; i < c->n; i++)
        k += c->v[i].source == src;
    return k;
}

static const play_entry *entry_shown(const play_catalogue *c, const char *shown)
{
    for (size_t i = 0; i < c->n; i++)
        if (strcmp(c->v[i].shown, shown) == 0)
            return &c->v[i];
    return NULL;
}

static void test_shipped_tutorial_first(void)
{
    play_catalogue c;
    bh_err e;
    CHECK_INT(play_catalogue_scan(&c, "scenarios", NULL, &e), BH_OK);
    CHECK_INT(c.n, 3);
    CHECK_INT(count_from(&c, PLAY_SHIPPED), 3);
    if (c.n == 3) {
        const play_entry *t = &c.v[0];
        CHECK_STR(t->shown, "tutorial.lua");
        CHECK_STR(t->path, "scenarios/tutorial.lua");
        CHECK_INT(t->ok, 1);
        CHECK_STR(t->title, "First Night Shift");
        CHECK_STR(t->difficulty, "easy");
        CHECK_HAS(t->summary, "Tutorial");
        CHECK_INT(t->length, 36000);
        CHECK(t->problem == NULL);
        /* the others by title */
        CHECK_STR(c.v[1].title, "Dark in Committee Week");
        CHECK_STR(c.v[2].title, "Dead in the Water");
        CHECK_STR(c.v[2].shown, "carrier_ransomware.lua");
    }
    CHECK(entry_shown(&c, "tutorial_texts.lua") == NULL);
    play_catalogue_free(&c);
    CHECK(c.v == NULL && c.n == 0);
}

static void test_one_folder_sorted(void)
{
    char dir[300], path[400];
    path_in_tmp(dir, sizeof dir, "sorted");
    mkdir(dir, 0755);
    put_scenario(dir, "m.lua", "zulu", "Zulu drill", "");
    put_scenario(dir, "n.lua", "alpha", "alpha drill", "");
    put_scenario(dir, "r.lua", "romeo", "Romeo", "error(\"oops\")\n");
    put(dir, "bad.lua", "scenario {\n  id = \"bad\",\n  title =\n");
    put(dir, "texts.lua", "return { intro = \"hello\" }\n");
    put(dir, "notes.txt", "not a scenario\n");
    put(dir, ".#m.lua", "garbage(\n");
    snprintf(path, sizeof path, "%s/sub.lua", dir);
    mkdir(path, 0755);

    play_catalogue c;
    bh_err e;
    CHECK_INT(play_catalogue_scan(&c, dir, NULL, &e), BH_OK);
    CHECK_INT(c.n, 4);
    if (c.n == 4) {
        CHECK_STR(c.v[0].title, "alpha drill"); /* by title, ignoring case */
        CHECK_INT(c.v[0].ok, 1);
        CHECK_INT(c.v[0].length, 7200);
        CHECK_STR(c.v[0].difficulty, "");
        CHECK_STR(c.v[0].shown, "n.lua");
        CHECK_STR(c.v[1].title, "Zulu drill");
        CHECK_INT(c.v[2].ok, 0); /* failures last, by path */
        CHECK_INT(c.v[3].ok, 0);
        snprintf(path, sizeof path, "%s/bad.lua:4: ", dir);
        CHECK(c.v[2].problem && strncmp(c.v[2].problem, path, strlen(path)) == 0);
        CHECK_STR(c.v[2].title, "bad.lua");
        snprintf(path, sizeof path, "%s/r.lua:3: ", dir);
        CHECK(c.v[3].problem && strncmp(c.v[3].problem, path, strlen(path)) == 0);
        CHECK_HAS(c.v[3].problem, "oops");
    }
    play_catalogue_free(&c);
}

/* The player's folder under a home of our own, listed after the shipped
 * ones whatever the titles, shown from ~, a broken file with its problem. */
static void test_two_folders(void)
{
    char home[300], user[400], path[600];
    path_in_tmp(home, sizeof home, "home");
    snprintf(user, sizeof user, "%s/.local/share/bulkhead/scenarios", home);
    char *old_home = getenv("HOME") ? strdup(getenv("HOME")) : NULL;
    setenv("HOME", home, 1);

    play_catalogue c;
    bh_err e;
    /* the folder does not exist yet: it is made, and lists nothing */
    CHECK(!is_dir(user));
    CHECK_INT(play_catalogue_scan(&c, "scenarios", user, &e), BH_OK);
    CHECK(is_dir(user));
    CHECK_INT(c.n, 3);
    CHECK_INT(count_from(&c, PLAY_USER), 0);
    /* the title names the folder even while it is empty */
    CHECK_STR(c.user_shown, "~/.local/share/bulkhead/scenarios");
    play_catalogue_free(&c);
    /* without a user folder there is no such group */
    CHECK_INT(play_catalogue_scan(&c, "scenarios", NULL, &e), BH_OK);
    CHECK_STR(c.user_shown, "");
    play_catalogue_free(&c);

    put_scenario(user, "port.lua", "port", "Aardvark port", "");
    put_scenario(user, "tutorial.lua", "mine", "My own tutorial", "");
    put(user, "broken.lua", "scenario {\n  id = \"broken\",\n");
    put(user, "port_texts.lua", "return { a = \"b\" }\n");
    CHECK_INT(play_catalogue_scan(&c, "scenarios", user, &e), BH_OK);
    CHECK_INT(c.n, 6);
    CHECK_INT(count_from(&c, PLAY_SHIPPED), 3);
    CHECK_INT(count_from(&c, PLAY_USER), 3);
    if (c.n == 6) {
        CHECK_STR(c.v[0].shown, "tutorial.lua");
        CHECK_INT(c.v[0].source, PLAY_SHIPPED);
        CHECK_INT(c.v[2].source, PLAY_SHIPPED);
        /* the user's: by title (their tutorial.lua is not the tutorial), broken last */
        CHECK_STR(c.v[3].title, "Aardvark port");
        CHECK_INT(c.v[3].source, PLAY_USER);
        CHECK_STR(c.v[3].shown, "~/.local/share/bulkhead/scenarios/port.lua");
        snprintf(path, sizeof path, "%s/port.lua", user);
        CHECK_STR(c.v[3].path, path);
        CHECK_STR(c.v[4].title, "My own tutorial");
        CHECK_STR(c.v[4].shown, "~/.local/share/bulkhead/scenarios/tutorial.lua");
        CHECK_INT(c.v[5].ok, 0);
        CHECK_INT(c.v[5].source, PLAY_USER);
        CHECK_STR(c.v[5].title, "broken.lua");
        CHECK_STR(c.v[5].shown, "~/.local/share/bulkhead/scenarios/broken.lua");
        snprintf(path, sizeof path, "%s/broken.lua:", user);
        CHECK(c.v[5].problem && strncmp(c.v[5].problem, path, strlen(path)) == 0);
    }
    play_catalogue_free(&c);

    /* a folder outside the home is shown whole */
    setenv("HOME", "/nonexistent-home", 1);
    CHECK_INT(play_catalogue_scan(&c, "scenarios", user, &e), BH_OK);
    snprintf(path, sizeof path, "%s/port.lua", user);
    CHECK(entry_shown(&c, path) != NULL);
    CHECK_STR(c.user_shown, user);
    play_catalogue_free(&c);

    if (old_home) {
        setenv("HOME", old_home, 1);
        free(old_home);
    } else {
        unsetenv("HOME");
    }
}

static void test_folder_problems(void)
{
    char file[300], user[400], shipped[300];
    play_catalogue c;
    bh_err e;
    /* a user folder that cannot be made (under a file) lists nothing, no error */
    path_in_tmp(file, sizeof file, "plainfile");
    put(tmpdir, "plainfile", "x\n");
    snprintf(user, sizeof user, "%s/scenarios", file);
    CHECK_INT(play_catalogue_scan(&c, "scenarios", user, &e), BH_OK);
    CHECK_INT(c.n, 3);
    play_catalogue_free(&c);

    /* a shipped folder that is missing is an error naming it, and the
     * player's scenarios are still listed */
    path_in_tmp(shipped, sizeof shipped, "nowhere");
    path_in_tmp(user, sizeof user, "mine");
    mkdir(user, 0755);
    put_scenario(user, "own.lua", "own", "Own", "");
    CHECK_INT(play_catalogue_scan(&c, shipped, user, &e), BH_EIO);
    CHECK_HAS(e.file, "nowhere");
    CHECK_INT(c.n, 1);
    if (c.n == 1)
        CHECK_INT(c.v[0].source, PLAY_USER);
    play_catalogue_free(&c);
    CHECK_INT(play_catalogue_scan(&c, shipped, NULL, &e), BH_EIO);
    CHECK_INT(c.n, 0);
    play_catalogue_free(&c);
}

int main(int argc, char **argv)
{
    static const check_case cases[] = {
        {"shipped_tutorial_first", test_shipped_tutorial_first},
        {"one_folder_sorted", test_one_folder_sorted},
        {"two_folders", test_two_folders},
        {"folder_problems", test_folder_problems},
        {NULL, NULL}};
    return check_main_in_tmpdir(argc, argv, cases, tmpdir, sizeof tmpdir, "catalogue");
}
