/* play_catalogue: the scenario list on the title screen (see play.h): the
 * shipped scenarios and the player's own, each loaded to show its title,
 * or its first error when it does not load. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "ui/play.h"
#include "ui/play_internal.h"

static void entry_free(play_entry *e)
{
    free(e->title);
    free(e->summary);
    free(e->difficulty);
    free(e->problem);
}

/* A file whose only error is the missing scenario { } holds texts that a
 * scenario includes; it is not one itself. */
static int declares_nothing(const lh_diags *d)
{
    if (d->errors != 1)
        return 0;
    for (size_t i = 0; i < d->n; i++)
        if (d->v[i].sev == LH_ERROR)
            return strncmp(d->v[i].msg, "no scenario {", 13) == 0;
    return 0;
}

static char *problem_of(const lh_diags *d, const char *path)
{
    bh_err e;
    char buf[sizeof e.file + sizeof e.msg + 16];
    play_load_error(d, BH_ESCRIPT, path, &e);
    return strdup(err_format(&e, buf, (int)sizeof buf));
}

/* A folder as the player should read it: the home folder written as ~. */
static void shown_dir(char *out, size_t n, const char *dir)
{
    const char *home = getenv("HOME");
    size_t hl = home ? strlen(home) : 0;
    while (hl > 1 && home[hl - 1] == '/')
        hl--;
    if (hl > 1 && home[0] == '/' && strncmp(dir, home, hl) == 0 && (dir[hl] == '/' || !dir[hl]))
        snprintf(out, n, "~%s", dir + hl);
    else
        snprintf(out, n, "%s", dir);
}

/* Where `dir`/`name` lives, for the player: the name alone in the shipped
 * folder, else the folder as shown_dir writes it and the name. */
static void shown_path(char *out, size_t n, play_source src, const char *dir, const char *name)
{
    char d[PLAY_PATH_MAX];
    if (src == PLAY_SHIPPED) {
        snprintf(out, n, "%s", name);
        return;
    }
    shown_dir(d, sizeof d, dir);
    snprintf(out, n, "%s/%s", d, name);
}

/* Load one file into `e`: 1 to list it, 0 to skip it, -1 out of memory. */
static int entry_load(play_entry *e, const char *path, const char *dir, const char *name,
                      play_source src)
{
    memset(e, 0, sizeof *e);
    snprintf(e->path, sizeof e->path, "%s", path);
    shown_path(e->shown, sizeof e->shown, src, dir, name);
    e->source = src;
    lh_diags d = {0};
    lh_host *h = NULL;
    lh_load(path, NULL, &h, &d);
    const bh_scenario_def *sc = h ? &lh_defs(h)->scenario : NULL;
    int r = h || !declares_nothing(&d);
    if (r) {
        /* A broken file is listed under its name, so the host never sees NULL text. */
        e->ok = h != NULL;
        e->length = sc ? sc->length : 0;
        e->title = strdup(sc && sc->title ? sc->title : name);
        e->summary = strdup(sc && sc->summary ? sc->summary : "");
        e->difficulty = strdup(sc && sc->difficulty ? sc->difficulty : "");
        e->problem = h ? NULL : problem_of(&d, path);
        if (!e->title || !e->summary || !e->difficulty || (!h && !e->problem))
            r = -1;
    }
    lh_free(h);
    lh_diags_free(&d);
    if (r != 1)
        entry_free(e);
    return r;
}

static int is_tutorial(const play_entry *e)
{
    return e->source == PLAY_SHIPPED && strcmp(e->shown, PLAY_TUTORIAL) == 0;
}

/* Shipped before the player's own; the tutorial first; then by title,
 * with the files that fail to load last. */
static int entry_cmp(const void *a, const void *b)
{
    const play_entry *x = a, *y = b;
    if (x->source != y->source)
        return x->source == PLAY_SHIPPED ? -1 : 1;
    if (is_tutorial(x) != is_tutorial(y))
        return is_tutorial(x) ? -1 : 1;
    if (x->ok != y->ok)
        return x->ok ? -1 : 1;
    int c = x->ok ? strcasecmp(x->title, y->title) : 0;
    return c ? c : strcmp(x->path, y->path);
}

static int is_scenario_name(const char *dir, const char *name, char *path, size_t n)
{
    size_t len = strlen(name);
    struct stat sb;
    /* Dot files include editors' lock links (.#x.lua), which are no scenarios. */
    return name[0] != '.' && len > 4 && strcmp(name + len - 4, ".lua") == 0 &&
           play_join(path, n, dir, name) == 0 && stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
}

/* Append `e`, or free it when there is no room. A folder holds a handful
 * of scenarios, so growing one at a time costs nothing. */
static int push_entry(play_catalogue *c, play_entry *e)
{
    play_entry *v = realloc(c->v, (c->n + 1) * sizeof *v);
    if (!v) {
        entry_free(e);
        return -1;
    }
    c->v = v;
    c->v[c->n++] = *e;
    return 0;
}

/* Append what `dir` holds to `c`. */
static bh_status scan_dir(play_catalogue *c, const char *dir, play_source src, bh_err *err)
{
    DIR *dp = opendir(dir);
    if (!dp)
        return err_set(err, BH_EIO, dir, 0, "cannot open the folder: %s", strerror(errno));
    bh_status st = BH_OK;
    struct dirent *de;
    while (st == BH_OK && (de = readdir(dp))) {
        char path[PLAY_PATH_MAX];
        play_entry e;
        if (!is_scenario_name(dir, de->d_name, path, sizeof path))
            continue;
        int r = entry_load(&e, path, dir, de->d_name, src);
        if (r < 0 || (r > 0 && push_entry(c, &e) != 0))
            st = err_set(err, BH_ENOMEM, "", 0, "out of memory");
    }
    closedir(dp);
    return st;
}

bh_status play_catalogue_scan(play_catalogue *c, const char *shipped, const char *user,
                              bh_err *err)
{
    memset(c, 0, sizeof *c);
    bh_status st = scan_dir(c, shipped, PLAY_SHIPPED, err);
    bh_err ue;
    /* A folder that cannot be made (a read-only home) is no error: the
     * player may simply have none. One that exists but cannot be read is. */
    if (st != BH_ENOMEM && user && play_mkdir_p(user, &ue) == BH_OK) {
        shown_dir(c->user_shown, sizeof c->user_shown, user);
        bh_status us = scan_dir(c, user, PLAY_USER, &ue);
        if (us != BH_OK && (st == BH_OK || us == BH_ENOMEM)) {
            st = us;
            *err = ue;
        }
    }
    if (st == BH_ENOMEM) {
        play_catalogue_free(c);
        return st;
    }
    if (c->n > 1)
        qsort(c->v, c->n, sizeof *c->v, entry_cmp);
    return st;
}

void play_catalogue_free(play_catalogue *c)
{
    for (size_t i = 0; i < c->n; i++)
        entry_free(&c->v[i]);
    free(c->v);
    c->v = NULL;
    c->n = 0;
}
