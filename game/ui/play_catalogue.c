/* play_catalogue: the scenario list on the title screen (see play.h). */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "ui/play.h"

static int join(char *out, size_t n, const char *a, const char *b)
{
    int len = snprintf(out, n, "%s/%s", a, b);
    return len < 0 || (size_t)len >= n ? -1 : 0;
}

/* ---- the scenario list ---- */

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

/* Load one file into `e`: 1 to list it, 0 to skip it, -1 out of memory. */
static int entry_load(play_entry *e, const char *path, const char *name)
{
    memset(e, 0, sizeof *e);
    snprintf(e->path, sizeof e->path, "%s", path);
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

static int entry_cmp(const void *a, const void *b)
{
    const play_entry *x = a, *y = b;
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
           join(path, n, dir, name) == 0 && stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
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

bh_status play_catalogue_scan(play_catalogue *c, const char *dir, bh_err *err)
{
    memset(c, 0, sizeof *c);
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
        int r = entry_load(&e, path, de->d_name);
        if (r < 0 || (r > 0 && push_entry(c, &e) != 0))
            st = err_set(err, BH_ENOMEM, "", 0, "out of memory");
    }
    closedir(dp);
    if (st != BH_OK) {
        play_catalogue_free(c);
        return st;
    }
    if (c->n > 1)
        qsort(c->v, c->n, sizeof *c->v, entry_cmp);
    return BH_OK;
}

void play_catalogue_free(play_catalogue *c)
{
    for (size_t i = 0; i < c->n; i++)
        entry_free(&c->v[i]);
    free(c->v);
    c->v = NULL;
    c->n = 0;
}
