/* cli_paths: where the desktop game's files are (see cli_paths.h). */
#include "cli/cli_paths.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MODULE_NAME "libbhgame.so"

/* Where CMake installs the module and the data, relative to the folder
 * the executable is installed in. */
#ifndef BH_REL_MODULE_DIR
#error "BH_REL_MODULE_DIR must be defined (CMakeLists.txt)"
#endif
#ifndef BH_REL_DATA_DIR
#error "BH_REL_DATA_DIR must be defined (CMakeLists.txt)"
#endif

/* `a/b` into out (PATH_MAX); -1 when it does not fit. */
static int join(char *out, const char *a, const char *b)
{
    int len = snprintf(out, PATH_MAX, "%s/%s", a, b);
    return len < 0 || len >= PATH_MAX ? -1 : 0;
}

/* `dir/name`, which must be a folder (want_dir) or a file, into `tried`
 * and, resolved with no "..", into `out` (both PATH_MAX); 0 when it is. */
static int resolve(char *out, char *tried, const char *dir, const char *name, int want_dir)
{
    if (join(tried, dir, name) != 0)
        return -1;
    struct stat st;
    if (stat(tried, &st) != 0 || (want_dir ? !S_ISDIR(st.st_mode) : !S_ISREG(st.st_mode)))
        return -1;
    return realpath(tried, out) ? 0 : -1;
}

/* What one layout looked for, for the error message. */
typedef struct looked {
    char module[PATH_MAX], assets[PATH_MAX], scenarios[PATH_MAX];
} looked;

/* One layout: the module in `mod_dir`, assets/ and scenarios/ in
 * `data_dir`, both relative to `bin`, the executable's folder. 0 when all
 * three exist. */
static int try_layout(cli_paths *p, looked *l, const char *bin, const char *mod_dir,
                      const char *data_dir)
{
    char mod[PATH_MAX], data[PATH_MAX];
    memset(l, 0, sizeof *l);
    if (join(mod, bin, mod_dir) != 0 || join(data, bin, data_dir) != 0)
        return -1;
    int bad = resolve(p->module, l->module, mod, MODULE_NAME, 0);
    bad |= resolve(p->assets, l->assets, data, "assets", 1);
    bad |= resolve(p->scenarios, l->scenarios, data, "scenarios", 1);
    return bad ? -1 : 0;
}

int cli_find_paths(cli_paths *p)
{
    char bin[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", bin, sizeof bin - 1);
    if (n <= 0) {
        fprintf(stderr, "bulkhead: error: cannot find my own folder: %s\n", strerror(errno));
        return -1;
    }
    bin[n] = 0;
    char *slash = strrchr(bin, '/');
    if (slash)
        *slash = 0;
    static looked build, install; /* 24 KiB: kept off the stack */
    if (try_layout(p, &build, bin, ".", "..") == 0 ||
        try_layout(p, &install, bin, BH_REL_MODULE_DIR, BH_REL_DATA_DIR) == 0)
        return 0;
    fprintf(stderr,
            "bulkhead: error: cannot find the game's files. I looked for\n"
            "  a build tree: %s, %s/ and %s/\n"
            "  an install:   %s, %s/ and %s/\n"
            "Build it with scripts/build (or run scripts/play, which sets up and builds "
            "everything), or reinstall Bulkhead (cmake --install BUILD_DIR, or sudo apt install "
            "./bulkhead_VERSION_ARCH.deb).\n",
            build.module, build.assets, build.scenarios, install.module, install.assets,
            install.scenarios);
    return -1;
}

int cli_user_scenarios(char *out, size_t n)
{
    const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
    int len;
    if (xdg && xdg[0] == '/')
        len = snprintf(out, n, "%s/bulkhead/scenarios", xdg);
    else if (home && home[0])
        len = snprintf(out, n, "%s/.local/share/bulkhead/scenarios", home);
    else
        return -1;
    return len < 0 || (size_t)len >= n ? -1 : 0;
}
