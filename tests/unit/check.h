/* check.h: the unit tests' tiny harness.
 *
 * Each test file defines test functions and lists them in a table passed to
 * check_main(). A failed CHECK prints file:line and the expression, marks
 * the test failed and carries on, so one run shows every failure. The exit
 * code is non-zero when any check failed, which is what ctest reads.
 * `--filter SUBSTR` runs only the tests whose name contains SUBSTR. */
#ifndef CHECK_H
#define CHECK_H

#include <stdio.h>
#include <string.h>

static int check_failures;
static int check_count;

#define CHECK(cond)                                                         \
    do {                                                                    \
        check_count++;                                                      \
        if (!(cond)) {                                                      \
            check_failures++;                                               \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__,          \
                    __LINE__, #cond);                                       \
        }                                                                   \
    } while (0)

#define CHECK_INT(a, b)                                                     \
    do {                                                                    \
        long long check_a_ = (long long)(a), check_b_ = (long long)(b);     \
        check_count++;                                                      \
        if (check_a_ != check_b_) {                                         \
            check_failures++;                                               \
            fprintf(stderr, "%s:%d: check failed: %s == %s (%lld != %lld)\n", \
                    __FILE__, __LINE__, #a, #b, check_a_, check_b_);        \
        }                                                                   \
    } while (0)

#define CHECK_STR(a, b)                                                     \
    do {                                                                    \
        const char *check_a_ = (a), *check_b_ = (b);                        \
        check_count++;                                                      \
        if (!check_a_ || !check_b_ || strcmp(check_a_, check_b_) != 0) {    \
            check_failures++;                                               \
            fprintf(stderr, "%s:%d: check failed: %s == %s (\"%s\" != \"%s\")\n", \
                    __FILE__, __LINE__, #a, #b, check_a_ ? check_a_ : "(null)", \
                    check_b_ ? check_b_ : "(null)");                        \
        }                                                                   \
    } while (0)

/* Substring check: `hay` contains `needle`. */
#define CHECK_HAS(hay, needle)                                              \
    do {                                                                    \
        const char *check_h_ = (hay), *check_n_ = (needle);                 \
        check_count++;                                                      \
        if (!check_h_ || !strstr(check_h_, check_n_)) {                     \
            check_failures++;                                               \
            fprintf(stderr, "%s:%d: check failed: \"%s\" contains \"%s\"\n", \
                    __FILE__, __LINE__, check_h_ ? check_h_ : "(null)",     \
                    check_n_);                                              \
        }                                                                   \
    } while (0)

typedef struct check_case {
    const char *name;
    void (*fn)(void);
} check_case;

static int check_main(int argc, char **argv, const check_case *cases)
{
    const char *filter = NULL;
    for (int i = 1; i + 1 < argc; i++)
        if (strcmp(argv[i], "--filter") == 0)
            filter = argv[i + 1];
    int ran = 0;
    for (const check_case *c = cases; c->name; c++) {
        if (filter && !strstr(c->name, filter))
            continue;
        int before = check_failures;
        c->fn();
        ran++;
        fprintf(stderr, "%s %s\n", check_failures == before ? "ok  " : "FAIL", c->name);
    }
    fprintf(stderr, "%d tests, %d checks, %d failed\n", ran, check_count, check_failures);
    if (ran == 0 || check_count == 0)
        return 1; /* a run that checked nothing is a failure, not a pass */
    return check_failures ? 1 : 0;
}

/* check_main in a fresh temporary folder /tmp/bh-NAME-XXXXXX, written
 * into dir (which the tests use) and removed afterwards, whatever they
 * left in it. A folder that cannot be made or removed fails the run. */
#include <stdlib.h>
__attribute__((unused)) /* most test files do not need it */
static int check_main_in_tmpdir(int argc, char **argv, const check_case *cases, char *dir,
                                size_t n, const char *name)
{
    snprintf(dir, n, "/tmp/bh-%s-XXXXXX", name);
    if (!mkdtemp(dir)) {
        fprintf(stderr, "cannot make a temporary folder %s\n", dir);
        return 1;
    }
    int rc = check_main(argc, argv, cases);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        rc = 1;
    return rc;
}

/* A whole file as a NUL-terminated string the caller frees, or NULL. */
__attribute__((unused)) static char *check_slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *text = NULL;
    size_t len = 0, cap = 0, got;
    char buf[4096];
    while ((got = fread(buf, 1, sizeof buf, f)) > 0) {
        if (len + got + 1 > cap) {
            cap = (len + got + 1) * 2;
            char *t = realloc(text, cap);
            if (!t) {
                free(text);
                fclose(f);
                return NULL;
            }
            text = t;
        }
        memcpy(text + len, buf, got);
        len += got;
    }
    fclose(f);
    if (!text)
        text = calloc(1, 1);
    else
        text[len] = '\0';
    return text;
}

#endif
