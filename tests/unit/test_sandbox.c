/* test_sandbox: the sandbox's defences against hostile scenarios, at the
 * level of the host: budget arithmetic that no lie can refill, sealed
 * metatables and what authors can still do with them, error locations for
 * files whose paths Lua would shorten, and the byte-order mark and "#!"
 * line that stock lua accepts. The hostile suite (tests/hostile.sh) drives
 * the same defences end to end through `bulkhead`; these tests pin the
 * semantics an author relies on. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "core/session.h"
#include "script/lh_budget.h"
#include "script/lh_host.h"

static char tmpdir[256];

static const char *write_in(const char *dir, const char *name, const char *text)
{
    static char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f)
        return NULL;
    fputs(text, f);
    fclose(f);
    return path;
}

#define HEAD                                                                              \
    "scenario { id = 't', title = 'T', start = '2020-09-27 22:00', length = '1h' }\n"      \
    "ending { id = 'over', title = 'Over', fallback = true }\n"

/* Load a file; on failure copy the first diagnostic into first/line. */
static lh_host *load_path(const char *path, char *first, size_t n, int *line)
{
    lh_diags d = {0};
    lh_host *h = NULL;
    lh_load(path, NULL, &h, &d);
    first[0] = '\0';
    *line = 0;
    for (size_t i = 0; i < d.n; i++)
        if (d.v[i].sev == LH_ERROR) {
            snprintf(first, n, "%s:%d: %s", d.v[i].file, d.v[i].line, d.v[i].msg);
            *line = d.v[i].line;
            break;
        }
    lh_diags_free(&d);
    return h;
}

/* ---- budget arithmetic ---- */

static void test_budget_never_refills(void)
{
    lh_budget b;
    lh_budget_reset(&b, 1000);
    CHECK(!lh_budget_charge(&b, 600));
    /* A negative charge (a __len of -2^62) counts as nothing. */
    CHECK(!lh_budget_charge(&b, INT64_MIN / 2));
    CHECK_INT(b.used, 600);
    CHECK(lh_budget_charge(&b, 401));
    /* Saturates instead of wrapping past INT64_MAX into the negatives. */
    lh_budget_reset(&b, INT64_MAX - 1);
    CHECK(!lh_budget_charge(&b, INT64_MAX / 2));
    CHECK(lh_budget_charge(&b, INT64_MAX));
    CHECK_INT(b.used, INT64_MAX);
    CHECK(lh_budget_charge(&b, INT64_MAX)); /* and stays there, still exceeded */
    CHECK_INT(b.used, INT64_MAX);
    CHECK_INT(lh_cost_add(-5, -7), 0);
    CHECK_INT(lh_cost_add(INT64_MAX - 1, 9), INT64_MAX);
    CHECK_INT(lh_cost_mul(INT64_MAX / 2, 3), INT64_MAX);
    CHECK_INT(lh_cost_mul(-4, 8), 0);
    CHECK_INT(lh_cost_mul(1000, 8), 8000);
}

/* ---- sealed metatables ---- */

static void test_sealed_metatables_keep_the_class_pattern(void)
{
    /* The class pattern: methods added to the class after setmetatable
     * are found, because __index points at the (shared) class table. */
    char first[1024];
    int line;
    const char *path = write_in(tmpdir, "class.lua",
                                HEAD "local Ship = {}\n"
                                     "Ship.__index = Ship\n"
                                     "local s = setmetatable({ name = 'x' }, Ship)\n"
                                     "function Ship:hail() return 'ahoy ' .. self.name end\n"
                                     "assert(s:hail() == 'ahoy x')\n"
                                     "assert(getmetatable(s) == Ship)\n"
                                     "local mt = { __add = function(a, b) return 42 end }\n"
                                     "local v = setmetatable({}, mt)\n"
                                     "assert(v + 1 == 42)\n"
                                     "mt.__add = function() return 7 end\n"
                                     "assert(v + 1 == 42)  -- sealed: the change does not reach v\n"
                                     "local p = setmetatable({}, { __metatable = 'locked' })\n"
                                     "assert(getmetatable(p) == 'locked')\n"
                                     "assert(getmetatable('') == false)\n"
                                     "local c = setmetatable({}, { __call = function(self, a) "
                                     "return a * 2 end })\n"
                                     "assert(c(21) == 42)\n");
    lh_host *h = load_path(path, first, sizeof first, &line);
    CHECK(h != NULL);
    if (!h)
        fprintf(stderr, "    %s\n", first);
    lh_free(h);
}

static void test_call_chains_are_refused(void)
{
    char first[1024];
    int line;
    const char *path = write_in(tmpdir, "chain.lua",
                                HEAD "local t = {}\n"
                                     "setmetatable(t, { __call = t })\n");
    lh_host *h = load_path(path, first, sizeof first, &line);
    CHECK(h == NULL);
    CHECK_HAS(first, "__call must be a function, not a table");
    CHECK_INT(line, 4);
    lh_free(h);
    /* Closing the chain afterwards reaches only the script's own table. */
    path = write_in(tmpdir, "after.lua",
                    HEAD "local mt = {}\n"
                         "local t = setmetatable({}, mt)\n"
                         "mt.__call = t\n"
                         "getmetatable(t).__call = t\n"
                         "t()\n");
    h = load_path(path, first, sizeof first, &line);
    CHECK(h == NULL);
    CHECK_HAS(first, "attempt to call a table value");
    CHECK_INT(line, 7);
    lh_free(h);
}

/* ---- table.insert and table.remove, replaced ---- */

static void test_insert_remove_behave_as_stock(void)
{
    char first[1024];
    int line;
    const char *path = write_in(
        tmpdir, "tab.lua",
        HEAD "local t = { 'a', 'b', 'c' }\n"
             "table.insert(t, 'd')\n"
             "table.insert(t, 1, 'z')\n"
             "assert(table.concat(t, ',') == 'z,a,b,c,d')\n"
             "assert(table.remove(t) == 'd' and table.remove(t, 1) == 'z')\n"
             "assert(table.concat(t, ',') == 'a,b,c')\n"
             "assert(table.remove({}) == nil and table.remove({}, 0) == nil)\n"
             "local e = {}\n"
             "table.insert(e, 1, 'x')\n"
             "assert(e[1] == 'x')\n"
             "local ok, m = pcall(table.insert, t, 9, 'q')\n"
             "assert(not ok and m:find('position out of bounds'))\n"
             "ok, m = pcall(table.insert, t, 1, 2, 3)\n"
             "assert(not ok and m:find('wrong number of arguments'))\n"
             "ok, m = pcall(table.remove, t, 7)\n"
             "assert(not ok and m:find('position out of bounds'))\n"
             "-- __index and __newindex are honoured, as stock lua_geti/lua_seti do\n"
             "local log = {}\n"
             "local p = setmetatable({}, { __len = function() return 2 end,\n"
             "    __index = function(_, k) return 'v' .. k end,\n"
             "    __newindex = function(_, k, v) log[#log + 1] = k .. '=' .. tostring(v) end })\n"
             "table.insert(p, 1, 'n')\n"
             "assert(table.concat(log, ' ') == '3=v2 2=v1 1=n')\n");
    lh_host *h = load_path(path, first, sizeof first, &line);
    CHECK(h != NULL);
    if (!h)
        fprintf(stderr, "    %s\n", first);
    lh_free(h);
}

/* ---- where errors are ---- */

static void test_long_paths_keep_file_and_line(void)
{
    /* Over Lua's 60 characters of chunk name, twice over. */
    char dir[512];
    snprintf(dir, sizeof dir,
             "%s/a_folder_name_long_enough_to_push_the_scenario_path_far_past_sixty_chars",
             tmpdir);
    CHECK(mkdir(dir, 0700) == 0);
    char sub[600];
    snprintf(sub, sizeof sub, "%s/sub", dir);
    CHECK(mkdir(sub, 0700) == 0);
    char first[1024], want[1024];
    int line;
    const char *path = write_in(dir, "syntax.lua", HEAD "local a = 1\nlocal x = = 2\n");
    snprintf(want, sizeof want, "%s/syntax.lua:4: ", dir);
    lh_host *h = load_path(path, first, sizeof first, &line);
    CHECK(h == NULL);
    CHECK(strncmp(first, want, strlen(want)) == 0);
    if (strncmp(first, want, strlen(want)) != 0)
        fprintf(stderr, "    got %s\n    want %s...\n", first, want);
    lh_free(h);

    /* Two files with the same base name: the included one, in sub/, must
     * not be taken for the main file. */
    write_in(sub, "main.lua", "local a = 1\nlocal b = nil + a\n");
    path = write_in(dir, "main.lua", HEAD "include('sub/main.lua')\n");
    snprintf(want, sizeof want, "%s/sub/main.lua:2: ", dir);
    h = load_path(path, first, sizeof first, &line);
    CHECK(h == NULL);
    CHECK(strncmp(first, want, strlen(want)) == 0);
    if (strncmp(first, want, strlen(want)) != 0)
        fprintf(stderr, "    got %s\n    want %s...\n", first, want);
    lh_free(h);

    /* A parser that runs out of C stack says where it gave up. */
    char deep[2048];
    int n = snprintf(deep, sizeof deep, HEAD "local a = 1\nlocal x = ");
    for (int i = 0; i < 300; i++)
        deep[n++] = '(';
    deep[n++] = '1';
    for (int i = 0; i < 300; i++)
        deep[n++] = ')';
    snprintf(deep + n, sizeof deep - (size_t)n, "\n");
    path = write_in(dir, "deep.lua", deep);
    h = load_path(path, first, sizeof first, &line);
    CHECK(h == NULL);
    CHECK_HAS(first, "C stack overflow");
    CHECK_INT(line, 4);
    lh_free(h);
}

static void test_bom_and_shebang(void)
{
    char first[1024];
    int line;
    const char *path =
        write_in(tmpdir, "bom.lua", "\xEF\xBB\xBF#!/usr/bin/env lua\n" HEAD "local ok = true\n");
    lh_host *h = load_path(path, first, sizeof first, &line);
    CHECK(h != NULL);
    if (!h)
        fprintf(stderr, "    %s\n", first);
    lh_free(h);
    /* Lines keep their numbers: the "#!" line is line 1. */
    path = write_in(tmpdir, "bom2.lua", "#!/usr/bin/env lua\n" HEAD "local x = nil + 1\n");
    h = load_path(path, first, sizeof first, &line);
    CHECK(h == NULL);
    CHECK_INT(line, 4);
    lh_free(h);
}

int main(int argc, char **argv)
{
    static const check_case cases[] = {
        {"budget_never_refills", test_budget_never_refills},
        {"sealed_metatables_keep_the_class_pattern", test_sealed_metatables_keep_the_class_pattern},
        {"call_chains_are_refused", test_call_chains_are_refused},
        {"insert_remove_behave_as_stock", test_insert_remove_behave_as_stock},
        {"long_paths_keep_file_and_line", test_long_paths_keep_file_and_line},
        {"bom_and_shebang", test_bom_and_shebang},
        {NULL, NULL}};
    return check_main_in_tmpdir(argc, argv, cases, tmpdir, sizeof tmpdir, "sandbox");
}
