/* test_apicheck: proves that the Lua built from source (cmake -DBH_LUA_SRC,
 * scripts/test's third pass) really checks the API, so that build is worth
 * running: a host bug like issue 17's unchecked pushes in coroutine.resume
 * must abort there with Lua's own message instead of going unseen.
 *
 * Each case runs a misuse of the C API in a forked child with its stderr on
 * a pipe, and expects the child to die of SIGABRT with the message of Lua's
 * failed api_check. A control case does the same work correctly and must
 * exit cleanly, so an abort is known to come from the check and not from the
 * harness. Built only with BH_LUA_SRC: the system's liblua checks nothing. */
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <lauxlib.h>
#include <lua.h>

#include "check.h"

enum { PUSHES = 40 }; /* more than LUA_MINSTACK (20), as resume's args were */

static int push_many(lua_State *L)
{
    if (lua_toboolean(L, 1))
        luaL_checkstack(L, PUSHES, "test");
    for (int i = 0; i < PUSHES; i++)
        lua_pushinteger(L, i);
    return PUSHES;
}

static int bad_index(lua_State *L)
{
    lua_pushvalue(L, 50); /* no such slot */
    return 1;
}

static int pop_too_many(lua_State *L)
{
    lua_pop(L, 5); /* nothing there to pop */
    return 0;
}

/* Runs fn(L) with `arg` through lua_pcall in a child. Returns the child's
 * wait status; its stderr goes into err. */
static int run_child(lua_CFunction fn, int arg, char *err, size_t n)
{
    int fds[2];
    if (pipe(fds) != 0)
        return -1;
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[1], 2);
        close(fds[0]);
        close(fds[1]);
        lua_State *L = luaL_newstate();
        lua_pushcfunction(L, fn);
        lua_pushboolean(L, arg);
        int rc = lua_pcall(L, 1, LUA_MULTRET, 0);
        lua_close(L);
        exit(rc == LUA_OK ? 0 : 3);
    }
    close(fds[1]);
    size_t len = 0;
    ssize_t got;
    while (len + 1 < n && (got = read(fds[0], err + len, n - 1 - len)) > 0)
        len += (size_t)got;
    err[len] = '\0';
    close(fds[0]);
    int status = 0;
    if (pid < 0 || waitpid(pid, &status, 0) != pid)
        return -1;
    return status;
}

static void expect_abort(lua_CFunction fn, const char *message)
{
    char err[4096];
    int status = run_child(fn, 0, err, sizeof err);
    CHECK(status != -1 && WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT);
    CHECK_HAS(err, message);
}

static void unchecked_pushes_abort(void)
{
    expect_abort(push_many, "\"stack overflow\"");
}

static void checked_pushes_pass(void)
{
    char err[4096];
    int status = run_child(push_many, 1, err, sizeof err);
    CHECK(status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0);
    CHECK_STR(err, "");
}

static void bad_index_aborts(void)
{
    expect_abort(bad_index, "\"unacceptable index\"");
}

static void popping_too_many_aborts(void)
{
    expect_abort(pop_too_many, "\"invalid new top\"");
}

int main(int argc, char **argv)
{
    static const check_case cases[] = {
        {"unchecked_pushes_abort", unchecked_pushes_abort},
        {"checked_pushes_pass", checked_pushes_pass},
        {"bad_index_aborts", bad_index_aborts},
        {"popping_too_many_aborts", popping_too_many_aborts},
        {NULL, NULL},
    };
    return check_main(argc, argv, cases);
}
