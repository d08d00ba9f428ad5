/* test_pattern: lh_pattern against stock Lua 5.4, plus the work budget.
 *
 * The differential tests run the same chunk in a stock state and in a state
 * whose string table went through lhp_open, and demand identical results:
 * same count, types and values, or the same error message (both chunks have
 * the same name, so even the "case:1:" prefix must agree). */
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#include "check.h"
#include "script/lh_pattern.h"

#define BIG_LIMIT ((int64_t)1 << 40)

typedef struct dcase {
    const char *fn;    /* find, match, gmatch, gsub; ":find" = method call */
    const char *s;
    int sl;            /* -1: strlen */
    const char *p;
    int pl;
    const char *extra; /* Lua source of the arguments after the pattern */
} dcase;

#define T(fn, s, p, x) {fn, s, -1, p, -1, x}
/* literal lengths, for subjects and patterns with embedded zeros */
#define TZ(fn, s, p, x) {fn, s, (int)sizeof(s) - 1, p, (int)sizeof(p) - 1, x}

static const dcase corpus[] = {
    /* find: plain text, init, the plain flag */
    T("find", "hello world", "o w", ""), T("find", "hello", "l", ""),
    T("find", "hello", "xyz", ""), T("find", "hello", "", ""), T("find", "", "", ""),
    T("find", "", "a", ""), T("find", "hello", "l", "1"), T("find", "hello", "l", "4"),
    T("find", "hello", "l", "5"), T("find", "hello", "l", "-1"), T("find", "hello", "l", "-2"),
    T("find", "hello", "l", "-100"), T("find", "hello", "", "10"), T("find", "hello", "", "6"),
    T("find", "hello", "", "5"), T("find", "hello", "", "0"), T("find", "hello", "", "-5"),
    T("find", "hello", "", "-6"), T("find", "hello", "h", "7"), T("find", "a.b", ".", ""),
    T("find", "a.b", ".", "1, true"), T("find", "a+b", "+", "1, true"),
    T("find", "a+b", "a+", "1, 1"), T("find", "a+b", "a+", "1, false"),
    T("find", "a+b", "a+", "1, nil"), T("find", "a(b", ")", ""), T("find", "a(b", "(", "1, true"),
    T("find", "a]b", "]", ""), T("find", "aaa", "aa", "2"), T("find", "abcabc", "cab", ""),
    T("find", "abababc", "ababc", ""), T("find", "abc", "abcd", ""), T("find", "x^y", "^y", ""),
    T("find", "x^y", "^y", "1, true"), T("find", "hello", "l+", ""), T("find", "hello", "(l)(l)", ""),
    T("find", "hello", "()ll()", ""), T("find", "hello", "^h", "2"), T("find", "hello", "^e", "2"),
    T("find", "hello", "o$", ""), T("find", "hello", "$", ""), T("find", "hello", "^", ""),
    T("find", "hello", "^$", ""), T("find", "", "^$", ""), T("find", "a$b", "a$b", ""),
    T("find", "a$b", "$b", ""), T("find", "hello", "", "-1"), T("find", "hello", ".-", "3"),
    T(":find", "hello", "l", ""), T(":find", "hello", "(h)(.)", "-5"),
    T("find", "hello", "%", "1, true"), T("find", "50%", "%", "1, true"),
    /* match: classes and sets */
    T("match", "hello world", "%a+", ""), T("match", "  x1  ", "%s*(%w+)", ""),
    T("match", "key = value", "(%w+)%s*=%s*(%w+)", ""), T("match", "2024-01-31", "(%d+)-(%d+)-(%d+)", ""),
    T("match", "abc", "[abc]+", ""), T("match", "xabcx", "[a-c]+", ""), T("match", "abcxyz", "[^a-c]+", ""),
    T("match", "a]b", "[]]", ""), T("match", "]]a", "[]a]+", ""), T("match", "]]ab", "[^]]+", ""),
    T("match", "a]b", "[%]]", ""), T("match", "a-z", "[a%-z]+", ""), T("match", "-a-", "[-a]+", ""),
    T("match", "a-b", "[a-]+", ""), T("match", "_id9 x", "[%a_][%w_]*", ""), T("match", "v1.25x", "[%d.]+", ""),
    T("match", "abcde-", "[a-c-e]+", ""), T("match", "abc", "[z-a]", ""), T("match", "ab cd", "[^%s]+", ""),
    T("match", "50%", "[%%]", ""), T("match", "a.b", "[.]", ""), T("match", "abc", "[]", ""),
    T("match", "abc", "[^]", ""), T("match", "abc", "[a", ""), T("match", "abc", "[%", ""),
    T("match", "abc", "[a%", ""), T("match", "abc", "[a%]", ""), T("match", "a5", "[a-%d]+", ""),
    T("match", "^a^", "[%^a]+", ""), T("match", "^a^", "[a^]+", ""), T("match", "a^b", "a^b", ""),
    T("match", "x", "[^^]", ""), T("match", "^", "[^^]", ""), T("match", "abc", "[b-b]", ""),
    T("match", "A1_", "[%u%d]+", ""), T("match", "\tx", "[%c]", ""), T("match", "abc", "[a-c]-", ""),
    T("match", "-", "[-]", ""), T("match", "a-", "[--]", ""), T("match", "z", "[%z]", ""),
    T("match", "aZ", "%Z", ""), T("match", "%", "%%", ""), T("match", ".", "%.", ""),
    T("match", "a", "%q", ""), T("match", "a", "%", ""), T("match", "a", "a%", ""),
    T("match", "b", "a%", ""), T("match", "b", "a[", ""), T("match", "a", ".[", ""),
    T("match", "hello", ".", "-1"), T("match", "hello", ".", "0"), T("match", "hello", ".", "9"),
    T("match", "hello", "", "6"), T("match", "hello", "()", "6"), T("match", "hello", "()", "7"),
    T("match", "hello", "()", "-99"), T(":match", "hello", "(h)(e)", ""),
    /* quantifiers */
    T("match", "aaab", "a*", ""), T("match", "aaab", "a+", ""), T("match", "aaab", "a-", ""),
    T("match", "aaab", "a-b", ""), T("match", "aaab", "a?", ""), T("match", "aaab", "a?a?a?a?b", ""),
    T("match", "b", "a+", ""), T("match", "b", "a*b", ""), T("match", "b", "a-b", ""),
    T("match", "xaaxbb", ".-b", ""), T("match", "xaaxbb", ".*b", ""), T("match", "<a><b>", "<.->", ""),
    T("match", "<a><b>", "<.*>", ""), T("match", "3.14x", "%d+%.?%d*", ""), T("match", "aaa", "^a*$", ""),
    T("match", "aab", "^a*$", ""), T("match", "", "x*", ""), T("match", "", "x+", ""),
    T("match", "abab", "[ab]*", ""), T("match", "abab", "[ab]-$", ""), T("match", "ab", "a**", ""),
    T("match", "a*", "a**", ""), T("match", "a+", "a+?", ""), T("match", "aa", "a-?", ""),
    T("match", "*a", "*a", ""), T("match", "?a", "?a", ""), T("match", "+", "+", ""),
    T("match", "-x", "-x", ""), T("match", "aaa", "a-a-a-$", ""), T("match", "a1b2", "%w-%d", ""),
    T("match", "hello", "l*", "3"), T("match", "hello", "l*o", "2"),
    /* anchors */
    T("match", "hello", "^hello", ""), T("match", "hello", "^ello", ""), T("match", "hello", "ello$", ""),
    T("match", "hello", "^hello$", ""), T("match", "hello$", "o$$", ""), T("match", "hello", "^", ""),
    T("match", "", "^", ""), T("match", "", "$", ""), T("match", "x", "^^x", ""), T("match", "^x", "^^x", ""),
    T("match", "hello", "^l", "3"), T("match", "hello", "^l", "-2"), T("match", "a$", "$$", ""),
    /* captures */
    T("match", "hello", "(h)(e)", ""), T("match", "ab", "((a)(b))", ""), T("match", "ab", "()", ""),
    T("match", "ab", "()a()", ""), T("match", "ab  cd", "(a*(.)%w(%s*))", ""), T("match", "10-20", "(%d+)-(%d+)", ""),
    T("match", "abc", "(", ""), T("match", "abc", ")", ""), T("match", "abc", "(()", ""),
    T("match", "abc", "a)", ""), T("match", "abc", "x)", ""), T("match", "abc", "(a", ""),
    T("match", "abc", "(x", ""), T("match", "abc", "%1", ""), T("match", "aa", "(a)%1", ""),
    T("match", "abba", "(a)(b)%2%1", ""), T("match", "aa", "(a%1)", ""), T("match", "aa", "()%1", ""),
    T("match", "aa", "()a%1", ""), T("match", "xaay", "(.)%1", ""), T("match", "a", "%0", ""),
    T("match", "x", "(x)%9", ""), T("match", "hello hello", "(%w+) %1", ""), T("match", "abc", "(a)(b)%3", ""),
    T("match", "abc", "((a)%2)", ""), T("match", "aa", "((a)%2)", ""), T("match", "", "()", ""),
    T("match", "abc", "a()b()c()", ""), T("match", "abc", "(a)()(b)", ""), T("match", "abc", "((()))", ""),
    T("match", "abc", "(a(b(c)))", ""), T("match", "abc", "(.-)c", ""), T("match", "aXbXc", "(.-)X(.*)", ""),
    T("find", "abc", "(b)", ""), T("find", "abc", "()b()", ""), T("find", "abc", "(", ""),
    T("find", "abc", "b(", ""), T("find", "abc", "x(", ""), T("find", "abc", ")", ""),
    T("find", "abc", "b)", ""), T("find", "abc", "%1", ""), T("find", "aa", "(a)%1", ""),
    T("find", "abc", "(a)(b)%2", ""), T("find", "abab", "(ab)%1", ""), T("find", "abc", "((.)(.))%3", ""),
    /* %b */
    T("match", "f(a(b)c) d", "%b()", ""), T("match", "{x{y}}", "%b{}", ""), T("match", "aabb", "%bab", ""),
    T("match", "aXa", "%baa", ""), T("match", "abc", "%b", ""), T("match", "abc", "%b(", ""),
    T("match", "(a)(b)", "%b()%b()", ""), T("match", "((a)", "%b()", ""), T("match", "x(a)", "^%b()", ""),
    T("match", "[[x]]", "%b[]", ""), T("find", "a(b)c", "%b()", ""), T("match", "(()", "%b()", ""),
    T("match", "()", "%b()+", ""), T("match", "(a)(b)", "(%b())", ""), T("match", "", "%b()", ""),
    T("match", "xx", "%bxx", ""), T("gsub", "f(1) g(2,3)", "%b()", "'[]'"), T("match", "((", "%b((", ""),
    /* %f */
    T("match", "THE (quick) fox", "%f[%a]%a+", ""), T("match", "hello world", "%f[%w]%w+$", ""),
    T("find", "hello", "%f[%a]", ""), T("find", "hello", "%f[%A]", ""), T("find", "", "%f[%a]", ""),
    T("find", "", "%f[^%a]", ""), T("find", "a", "%f[%z]", ""), T("find", "a", "%f[^a]", ""),
    T("gsub", "the fox ran", "%f[%w]%w+", "'W'"), T("gsub", "THE (quick) fox", "%f[%a]%a+%f[%A]", "'W'"),
    T("find", "abc", "%f", ""), T("find", "abc", "%fx", ""), T("find", "abc", "%f[a", ""),
    T("find", "abc", "%f[%l]", "2"), T("find", "aBc", "%f[%u]", ""), T("find", "aBc", "%f[%l]", "2"),
    T("match", "x1", "%f[%d]%d", ""), T("find", "ab", "b%f[^%w]", ""), T("find", "ab ", "b%f[%s]", ""),
    T("match", "abc", "x%f", ""), T("find", "abc", "%f[]a]", ""),
    /* gmatch */
    T("gmatch", "hello world from lua", "%a+", ""), T("gmatch", "abc", "()", ""), T("gmatch", "", "()", ""),
    T("gmatch", "", "", ""), T("gmatch", "abc", "", ""), T("gmatch", "k=v, a=b", "(%w+)=(%w+)", ""),
    T("gmatch", "aaa", "a*", ""), T("gmatch", "baaac", "a*", ""), T("gmatch", "abc", "^a", ""),
    T("gmatch", "a^b^c", "^.", ""), T("gmatch", "abc", "^", ""), T("gmatch", "abc", ".", "2"),
    T("gmatch", "abc", ".", "-1"), T("gmatch", "abc", ".", "10"), T("gmatch", "abc", "", "4"),
    T("gmatch", "abc", "", "5"), T("gmatch", "abc", "()", "-2"), T("gmatch", "abc", ".", "0"),
    T("gmatch", "a,b,,c", "([^,]*)", ""), T("gmatch", "one two", "%a-", ""), T("gmatch", "x(y)(z)", "%b()", ""),
    T("gmatch", "abc", "(", ""), T("gmatch", "abc", ")", ""), T("gmatch", "abc", "[", ""),
    T("gmatch", "aXbX", "(.)X()", ""), T("gmatch", "hello", "l*", ""), T("gmatch", "abab", "(a)(b)%1", ""),
    T("gmatch", "x y z", "%f[%w]%w", ""), T("gmatch", "abc$", "$", ""), T("gmatch", "ab", ".$", ""),
    T(":gmatch", "a1b2", "%a%d", ""), T("gmatch", "abc", "%", ""),
    /* gsub with string replacements */
    T("gsub", "hello world", "o", "'0'"), T("gsub", "hello", "", "'-'"), T("gsub", "abc", "%w*", "'-'"),
    T("gsub", "abc", "%w", "'%0%0'"), T("gsub", "abc", "(%w)", "'%1-'"), T("gsub", "abc", "%w", "'%%'"),
    T("gsub", "abc", "%w", "'%'"), T("gsub", "abc", "%w", "'x%'"), T("gsub", "abc", "%w", "'%x'"),
    T("gsub", "abc", "b", "'%2'"), T("gsub", "abc", "(b)", "'%2'"), T("gsub", "abc", "b", "'%1'"),
    T("gsub", "abc", "()b", "'%1'"), T("gsub", "abc", "(b)()", "'%2%1'"), T("gsub", "abc", "b", "'%0%9'"),
    T("gsub", "abc", "x", "'%9'"), T("gsub", "abc", "", "'%0'"), T("gsub", "abc", "(", "'x'"),
    T("gsub", "abc", "(", "'%1'"), T("gsub", "abc", ")", "'x'"), T("gsub", "hello world", "(%w+) (%w+)", "'%2 %1'"),
    T("gsub", "abc", ".", "'%%%0'"), T("gsub", "a b", " ", "''"), T("gsub", "", "", "'x'"),
    T("gsub", "", "x*", "'-'"), T("gsub", "abc", "b*", "'-'"), T("gsub", "abc", "b-", "'-'"),
    T("gsub", "a,b", ",?", "'|'"), T("gsub", "abc", "%w", "'%\\0'"),
    /* gsub: max-n */
    T("gsub", "aaa", "a", "'b', 2"), T("gsub", "aaa", "a", "'b', 0"), T("gsub", "aaa", "a", "'b', -1"),
    T("gsub", "aaa", "a", "'b', 1.0"), T("gsub", "aaa", "a", "'b', 1.5"), T("gsub", "aaa", "a", "'b', '2'"),
    T("gsub", "aaa", "a", "'b', 'x'"), T("gsub", "aaa", "a", "'b', 100"), T("gsub", "aaa", "", "'-', 2"),
    T("gsub", "aaa", "a", "'b', nil"), T("gsub", "abc", "%w*", "'-', 1"),
    /* gsub: anchors */
    T("gsub", "aaa", "^a", "'b'"), T("gsub", "abc", "^", "'x'"), T("gsub", "abc", "$", "'x'"),
    T("gsub", "abc", "^$", "'x'"), T("gsub", "", "^$", "'x'"), T("gsub", "abc", "^x", "'y'"),
    T("gsub", "abc", "^b", "'y'"), T("gsub", "abc", "^.*", "'[%0]'"), T("gsub", "a^b", "^", "'|'"),
    T("gsub", "abc", "^%w*", "'-'"), T(":gsub", "ab", "^", "'>'"),
    /* gsub: tables and functions */
    T("gsub", "abc", "%w", "{a='1', b=true}"), T("gsub", "abc", "%w", "{a='x'}"), T("gsub", "abc", "%w", "{a=false}"),
    T("gsub", "abc", "%w", "{a={}}"), T("gsub", "abc", "%w", "{a=7, b=1.5}"), T("gsub", "abc", "(%w)(%w)", "{a='A'}"),
    T("gsub", "abc", "()%w", "{'one', 'two'}"), T("gsub", "abc", "%w", "{}"),
    T("gsub", "abc", "%w", "setmetatable({}, {__index=function(t, k) return k:upper() end})"),
    T("gsub", "abc", "%w", "function(c) return nil end"), T("gsub", "abc", "%w", "function(c) return false end"),
    T("gsub", "abc", "%w", "function(c) return c:upper() end"), T("gsub", "abc", "%w", "function() return {} end"),
    T("gsub", "abc", "(%w)(%w)", "function(a, b) return b .. a end"), T("gsub", "abc", "%w", "function() return 1 end"),
    T("gsub", "abc", "()", "function(p) return p end"), T("gsub", "abc", "%w", "function(c) if c == 'b' then return 'B' end end"),
    T("gsub", "abc", "%w", "function(...) return select('#', ...) end"), T("gsub", "abc", "%w", "function() return true end"),
    T("gsub", "abc", "%w", "function() error('boom') end"), T("gsub", "abc", "x", "function() return {} end"),
    T("gsub", "abc", "(", "function(c) return 'x' end"), T("gsub", "abc", "%w", "string.upper"),
    T("gsub", "abc", "%w", "5"), T("gsub", "abc", "%w", "1.5"), T("gsub", "abc", "%w", "nil"),
    T("gsub", "abc", "%w", "true"), T("gsub", "abc", "%w", ""), T("gsub", "abc", "x", "{}"),
    T("gsub", "abc", "x", "nil, 'q'"), T(":gsub", "abc", "%w", "'<%0>'"),
    /* embedded zeros */
    TZ("find", "a\0b", "\0", ""), TZ("find", "a\0b", "%z", ""), TZ("match", "a\0b\0c", "[\0]", ""),
    TZ("gsub", "a\0b", "\0", "'0'"), TZ("find", "a\0b", "b\0?", ""), TZ("find", "\0\0\0", "\0+", ""),
    TZ("match", "x\0y", "[^\0]+", ""), TZ("find", "a\0bc", "\0b.", ""), TZ("find", "a.\0b", ".\0", "1, true"),
    TZ("match", "a\0b", "%c", ""), TZ("match", "a\0b", "(.)(.)(.)", ""), TZ("gmatch", "a\0b\0", "[^\0]*", ""),
    TZ("match", "\0", "%f[%z]", ""), TZ("find", "ab\0", "%f[\0]", ""), TZ("match", "a\0a", "%b\0\0", ""),
    TZ("match", "\0x\0", "%b\0\0", ""), TZ("find", "x", "\0*", ""), TZ("find", "x\0", "x\0$", ""),
    TZ("find", "x\0", "%\0", ""), TZ("match", "a\0", "[a-\0]+", ""), TZ("match", "\0\1\2", "[\0-\1]+", ""),
    TZ("gsub", "\0\0", "", "'-'"), TZ("find", "\0", "^\0$", ""), TZ("find", "aa\0", "a\0", "1, true"),
    TZ("find", "a", "a\0", ""), TZ("match", "a\0", "(a)%1", ""), TZ("gsub", "a\0b", "%z", "'%%'"),
    TZ("find", "ab", "[\0", ""), TZ("find", "ab", "%f\0", ""),
};

/* Whole chunks, for argument errors and shapes the table above can't express. */
static const char *const raw_cases[] = {
    "return string.find(123, 2)", "return string.find(nil, 'x')", "return string.find('x', nil)",
    "return ('x'):find()", "return string.match('abc', 'b', 'x')", "return string.find('abc', 'b', 1.5)",
    "return string.gmatch()", "return string.gmatch('a', 'a', 'x')", "return string.gsub(12.5, '%.', ',')",
    "return string.gsub(12.5, 'x', ',')", "return string.find('abc', {})", "return string.gsub('abc', 'b')",
    "return string.gsub('abc', 'b', true)", "return string.gsub('abc', 'b', nil, 'x')",
    "return string.gsub('abc', 'b', 'x', 2^63)", "return string.match(1e15, '%d+')",
    "return string.find('abc', 'b', math.maxinteger)", "return string.find('abc', 'b', math.mininteger)",
    "return string.find('abc', '', math.mininteger)", "return string.gmatch('abc', '.', math.mininteger)()",
    "return string.gmatch('abc', '.', math.maxinteger)()", "return type(string.gmatch('a', 'a'))",
    "return string.rep('a', 300):find(string.rep('a?', 199))",
    "return string.rep('a', 300):find(string.rep('a?', 200))",
    "return string.rep('a', 300):find(string.rep('a?', 201))",
    "return string.rep('a', 300):find(string.rep('a*', 250))",
    "return string.rep('a', 300):match(string.rep('(', 31) .. string.rep(')', 31))",
    "return string.rep('a', 300):match(string.rep('(', 32) .. string.rep(')', 32))",
    "return string.rep('a', 300):match(string.rep('(', 33) .. string.rep(')', 33))",
    "return string.rep('a', 300):match(string.rep('()', 32))",
    "return string.rep('a', 300):match(string.rep('()', 33))",
    "return string.rep('x', 300):find(string.rep('a?', 300))",
    "return string.rep('a', 250):find(string.rep('a-', 250) .. '$')",
    "return string.rep('a', 150):find(string.rep('(a', 20) .. string.rep(')', 20) .. string.rep('a?', 180))",
    "return string.gsub(string.rep('a', 300), string.rep('a?', 201), 'x')",
    "local t = {} for a in ('aXbXc'):gmatch('(%a)X?') do t[#t+1] = a end return table.concat(t, ',')",
    "local it = ('ab'):gmatch('.') return it(), it(), it(), it()",
    "local it = ('ab'):gmatch('()') return it(), it(), it(), it()",
    "return string.gsub('hello world', '%w+', '%0 %0', 1)",
    "return string.gsub('abc', '', function(...) return select('#', ...) end)",
    "return string.gsub('abc', '(a)(b)(c)', function(...) return table.concat({...}, '.') end)",
    "return string.gsub('a b', '(%w)', setmetatable({}, {__index = function(t, k) return nil end}))",
    "return string.gsub('abc', '%w', function(c) return string.gsub(c, '.', '%0%0') end)",
    "return string.find(('x'):rep(100) .. 'y', ('x'):rep(50) .. 'y')",
    "return string.find(('x'):rep(100) .. 'y', ('x'):rep(50) .. 'y', 1, true)",
    "return pcall(string.find, 'a', '(')", "return pcall(string.gsub, 'a', 'a', {a = {}})",
};

static lua_State *new_state(lh_budget *b)
{
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    if (b) {
        lua_getglobal(L, "string");
        lhp_open(L, -1, b);
        lua_pop(L, 1);
    }
    return L;
}

/* Runs chunk `code` with (s, p) as its arguments; leaves pcall's status and
 * the results (or the message) on an empty stack. */
static int run(lua_State *L, const char *code, const char *s, size_t sl, const char *p, size_t pl)
{
    lua_settop(L, 0);
    if (luaL_loadbufferx(L, code, strlen(code), "=case", "t") != LUA_OK)
        return -1;
    lua_pushlstring(L, s, sl);
    lua_pushlstring(L, p, pl);
    return lua_pcall(L, 2, LUA_MULTRET, 0);
}

static void describe(lua_State *L, char *out, size_t cap)
{
    size_t used = 0;
    out[0] = '\0';
    for (int i = 1; i <= lua_gettop(L) && used + 1 < cap; i++) {
        const char *tn = luaL_typename(L, i);
        if (lua_type(L, i) == LUA_TSTRING || lua_type(L, i) == LUA_TNUMBER) {
            size_t l;
            const char *v = lua_tolstring(L, i, &l); /* safe: the stack is read only after compare */
            used += (size_t)snprintf(out + used, cap - used, "%s:%.*s ", tn, (int)l, v);
        } else {
            used += (size_t)snprintf(out + used, cap - used, "%s ", tn);
        }
    }
}

static int same_value(lua_State *A, lua_State *B, int i)
{
    int t = lua_type(A, i);
    if (t != lua_type(B, i))
        return 0;
    switch (t) {
    case LUA_TNIL: return 1;
    case LUA_TBOOLEAN: return lua_toboolean(A, i) == lua_toboolean(B, i);
    case LUA_TNUMBER:
        if (lua_isinteger(A, i) != lua_isinteger(B, i))
            return 0;
        return lua_isinteger(A, i) ? lua_tointeger(A, i) == lua_tointeger(B, i)
                                   : lua_tonumber(A, i) == lua_tonumber(B, i);
    case LUA_TSTRING: {
        size_t la, lb;
        const char *a = lua_tolstring(A, i, &la), *b = lua_tolstring(B, i, &lb);
        return la == lb && memcmp(a, b, la) == 0;
    }
    default: return 1; /* functions, tables: only the type is comparable */
    }
}

static int diff_cases;

/* Runs one chunk in both states; 1 when they agree, else reports why. */
static int differ(lua_State *ref, lua_State *ours, lh_budget *b, const char *code,
                  const char *s, size_t sl, const char *p, size_t pl)
{
    lh_budget_reset(b, BIG_LIMIT);
    int ra = run(ref, code, s, sl, p, pl), rb = run(ours, code, s, sl, p, pl);
    int ok = ra == rb && ra >= 0 && lua_gettop(ref) == lua_gettop(ours);
    for (int i = 1; ok && i <= lua_gettop(ref); i++)
        ok = same_value(ref, ours, i);
    diff_cases++;
    if (!ok) {
        char da[512], db[512];
        describe(ref, da, sizeof da);
        describe(ours, db, sizeof db);
        fprintf(stderr, "MISMATCH %s | s=%.*s | p=%.*s\n  stock(%d): %s\n  ours (%d): %s\n", code,
                (int)sl, s, (int)pl, p, ra, da, rb, db);
    }
    return ok;
}

static void build_code(char *code, size_t cap, const char *fn, const char *extra)
{
    const char *sep = extra[0] ? ", " : "";
    if (strcmp(fn, "gmatch") == 0 || strcmp(fn, ":gmatch") == 0)
        snprintf(code, cap,
                 "local s, p = ... local it = %sp%s%s) local r = {} "
                 "for k = 1, 100 do local t = table.pack(it()) if t.n == 0 then break end "
                 "r[#r+1] = t.n for i = 1, t.n do r[#r+1] = t[i] end end "
                 "r[#r+1] = select('#', it()) return table.unpack(r)",
                 fn[0] == ':' ? "s:gmatch(" : "string.gmatch(s, ", sep, extra);
    else if (fn[0] == ':')
        snprintf(code, cap, "local s, p = ... return s:%s(p%s%s)", fn + 1, sep, extra);
    else
        snprintf(code, cap, "local s, p = ... return string.%s(s, p%s%s)", fn, sep, extra);
}

static void test_differential_corpus(void)
{
    lh_budget b;
    lh_budget_reset(&b, BIG_LIMIT);
    lua_State *ref = new_state(NULL), *ours = new_state(&b);
    char code[1024];
    int n = 0;
    for (size_t i = 0; i < sizeof corpus / sizeof corpus[0]; i++, n++) {
        const dcase *c = &corpus[i];
        build_code(code, sizeof code, c->fn, c->extra);
        size_t sl = c->sl < 0 ? strlen(c->s) : (size_t)c->sl;
        size_t pl = c->pl < 0 ? strlen(c->p) : (size_t)c->pl;
        CHECK(differ(ref, ours, &b, code, c->s, sl, c->p, pl));
    }
    for (size_t i = 0; i < sizeof raw_cases / sizeof raw_cases[0]; i++, n++)
        CHECK(differ(ref, ours, &b, raw_cases[i], "", 0, "", 0));
    /* every class and its complement, over a subject holding every byte */
    char all[256];
    for (int i = 0; i < 256; i++)
        all[i] = (char)i;
    const char *classes = "acdglpsuwxACDGLPSUWXzZ";
    for (const char *k = classes; *k; k++) {
        char pats[4][16];
        snprintf(pats[0], sizeof pats[0], "%%%c", *k);
        snprintf(pats[1], sizeof pats[1], "[%%%c]+", *k);
        snprintf(pats[2], sizeof pats[2], "[^%%%c]+", *k);
        snprintf(pats[3], sizeof pats[3], "%%f[%%%c]", *k);
        for (int j = 0; j < 4; j++, n += 3) {
            size_t pl = strlen(pats[j]);
            CHECK(differ(ref, ours, &b, "local s, p = ... return string.gsub(s, p, '')", all, 256, pats[j], pl));
            CHECK(differ(ref, ours, &b, "local s, p = ... return string.find(s, p, 40)", all, 256, pats[j], pl));
            CHECK(differ(ref, ours, &b, "local s, p = ... return string.gsub(s, p, '<%0>')", all, 256, pats[j], pl));
        }
    }
    fprintf(stderr, "  differential corpus: %d cases (%zu table, %zu whole chunks, rest per class)\n", n,
            sizeof corpus / sizeof corpus[0], sizeof raw_cases / sizeof raw_cases[0]);
    CHECK(b.used > 0); /* the replaced functions really did the work */
    lua_close(ref);
    lua_close(ours);
}

/* The differential corpus already compares these with stock; this pins the
 * exact wording, so the corpus can't silently stop reaching an error path. */
static void test_error_messages(void)
{
    static const struct { const char *code, *msg; } cases[] = {
        {"return ('abc'):find('%0')", "case:1: invalid capture index %0"},
        {"return ('abc'):gsub('b', '%2')", "case:1: invalid capture index %2"},
        {"return ('abc'):find('a%')", "case:1: malformed pattern (ends with '%')"},
        {"return ('abc'):find('[a')", "case:1: malformed pattern (missing ']')"},
        {"return ('abc'):find('%b')", "case:1: malformed pattern (missing arguments to '%b')"},
        {"return ('abc'):find('%fa')", "case:1: missing '[' after '%f' in pattern"},
        {"return ('abc'):match(')')", "case:1: invalid pattern capture"},
        {"return ('abc'):find('(')", "case:1: unfinished capture"},
        {"return ('abc'):gsub('b', '%x')", "case:1: invalid use of '%' in replacement string"},
        {"return ('abc'):gsub('b', {b = {}})", "case:1: invalid replacement value (a table)"},
        {"return ('abc'):match(('()'):rep(33))", "case:1: too many captures"},
        {"return ('a'):rep(300):match(('a?'):rep(201))", "case:1: pattern too complex"},
    };
    lh_budget b;
    lh_budget_reset(&b, BIG_LIMIT);
    lua_State *L = new_state(&b);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        CHECK_INT(run(L, cases[i].code, "", 0, "", 0), LUA_ERRRUN);
        CHECK_STR(lua_tostring(L, -1), cases[i].msg);
    }
    CHECK(!b.exceeded);
    lua_close(L);
}

static uint64_t rng_state = 0x9e3779b97f4a7c15u;

static unsigned rnd(unsigned n)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (unsigned)(rng_state % n);
}

/* Random patterns from a token soup, many of them malformed on purpose. */
static void test_differential_random(void)
{
    static const char *const toks[] = {
        "a", "b", "1", " ", ".", "%a", "%d", "%s", "%w", "%W", "[ab]", "[^a]", "[a-c]", "[%d ]",
        "*", "+", "-", "?", "(", ")", "()", "%b()", "%f[%w]", "%f[%W]", "%1", "%2", "^", "$", "%",
        "[]a]", "[", "%.", "(a)", "(.-)", "(%w+)", "a*", "b-", ".?",
    };
    static const char *const calls[] = {
        "local s, p, i = ... return string.find(s, p, i)",
        "local s, p, i = ... return string.match(s, p, i)",
        "local s, p, i = ... return string.gsub(s, p, '<%0>')",
        "local s, p, i = ... return string.gsub(s, p, '%1', i)",
        "local s, p, i = ... return string.gsub(s, p, {a = 'A', [1] = 'one'})",
        "local s, p, i = ... return string.gsub(s, p, function(x, y) return y end)",
        ("local s, p, i = ... local r = {} for a, b in string.gmatch(s, p, i) do "
         "r[#r+1] = tostring(a) .. '/' .. tostring(b) end return table.concat(r, ',')"),
    };
    static const char alphabet[] = "ab1 ()a.b";
    lh_budget b;
    lh_budget_reset(&b, BIG_LIMIT);
    lua_State *ref = new_state(NULL), *ours = new_state(&b);
    int n = 0, bad = 0;
    for (int iter = 0; iter < 20000; iter++) {
        char s[16], p[64];
        size_t sl = rnd(13), pl = 0;
        for (size_t i = 0; i < sl; i++)
            s[i] = rnd(40) == 0 ? '\0' : alphabet[rnd(sizeof alphabet - 1)];
        for (unsigned k = rnd(6) + 1; k > 0; k--) {
            const char *t = toks[rnd(sizeof toks / sizeof toks[0])];
            size_t tl = strlen(t);
            if (pl + tl < sizeof p) {
                memcpy(p + pl, t, tl);
                pl += tl;
            }
        }
        /* the init argument rides in the chunk, as a third argument */
        char code[512];
        snprintf(code, sizeof code, "local s, p = ... local function f(s, p, i) %s end return f(s, p, %d)",
                 calls[rnd(sizeof calls / sizeof calls[0])] + strlen("local s, p, i = ..."),
                 (int)rnd(20) - 6);
        if (!differ(ref, ours, &b, code, s, sl, p, pl))
            bad++;
        n++;
    }
    fprintf(stderr, "  differential random: %d cases, %d mismatches\n", n, bad);
    CHECK_INT(bad, 0);
    lua_close(ref);
    lua_close(ours);
}

static double now_sec(void)
{
    struct timespec ts;
    timespec_get(&ts, TIME_UTC);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Runs `code` in L after a reset to `limit`; returns the pcall status. */
static int run_budget(lua_State *L, lh_budget *b, int64_t limit, const char *code)
{
    if (limit > 0)
        lh_budget_reset(b, limit);
    lua_settop(L, 0);
    if (luaL_loadbufferx(L, code, strlen(code), "=budget", "t") != LUA_OK)
        return -1;
    return lua_pcall(L, 0, LUA_MULTRET, 0);
}

static void test_budget_catastrophic(void)
{
    static const struct { const char *code, *msg; } cases[] = {
        {"return string.rep('a', 40000):find('.-.-.-.-b')", "budget:1: string.find: pattern too complex (work limit exceeded)"},
        {"return ('a'):rep(1e5):find('a*b')", "budget:1: string.find: pattern too complex"},
        {"return ('a'):rep(40000):match('(.-)(.-)(.-)b')", "budget:1: string.match: pattern too complex"},
        {"return ('a'):rep(40000):gsub('.-.-.-b', 'x')", "budget:1: string.gsub: pattern too complex"},
        {"for a in ('a'):rep(40000):gmatch('.-.-.-b') do end", "budget:1: string.gmatch: pattern too complex"},
        {"return ('a'):rep(40):find(('a?'):rep(40) .. ('a'):rep(40))", "string.find: pattern too complex ("},
        {"return ('ab'):rep(30000):find(('ab'):rep(20000) .. 'x', 1, true)", "string.find: pattern too complex ("},
        {"return ('x'):rep(20000):gsub('(x*)%1y', '')", "string.gsub: pattern too complex ("},
        {"return ('('):rep(40000):find('%b()')", "string.find: pattern too complex ("},
        {"return ('a'):rep(40000):find('[' .. ('b'):rep(1000) .. ']')", "string.find: pattern too complex ("},
        {"return ('a'):rep(100):gsub('a', ('%0'):rep(10000))", "string.gsub: pattern too complex ("},
    };
    lh_budget b;
    lh_budget_reset(&b, BIG_LIMIT);
    lua_State *L = new_state(&b);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        double t0 = now_sec();
        int st = run_budget(L, &b, 100000, cases[i].code);
        double dt = now_sec() - t0;
        if (st != LUA_ERRRUN)
            fprintf(stderr, "  no overrun: %s\n", cases[i].code);
        CHECK_INT(st, LUA_ERRRUN);
        CHECK_HAS(lua_tostring(L, -1), cases[i].msg);
        CHECK(b.exceeded);
        CHECK(dt < 0.5);
        if (i == 0)
            fprintf(stderr, "  catastrophic find hit the 100000 budget in %.3f ms\n", dt * 1e3);
    }
    lua_close(L);
}

static void test_budget_ordinary_and_sticky(void)
{
    lh_budget b;
    lh_budget_reset(&b, BIG_LIMIT);
    lua_State *L = new_state(&b);
    const char *ordinary =
        "local s = ('the quick brown fox, '):rep(50) "
        "local r, n = s:gsub('%w+', '<%0>') assert(n == 200) "
        "assert(s:find('fox', 1, true) == 17) assert(s:match('(%a+),') == 'fox') "
        "local k = 0 for w in s:gmatch('%a+') do k = k + 1 end assert(k == 200) return 'done'";
    CHECK_INT(run_budget(L, &b, 100000, ordinary), LUA_OK);
    CHECK_STR(lua_tostring(L, -1), "done");
    CHECK(b.used > 1000 && b.used < 100000);
    CHECK(!b.exceeded);

    /* a scenario's own pcall cannot swallow the overrun: every later call fails at once */
    const char *sticky =
        "local ok, e = pcall(string.find, ('a'):rep(40000), '.-.-.-.-b') assert(not ok) "
        "return ('a'):find('a')";
    CHECK_INT(run_budget(L, &b, 100000, sticky), LUA_ERRRUN);
    CHECK_HAS(lua_tostring(L, -1), "budget:1: string.find: pattern too complex (work limit exceeded)");
    static const char *const after[] = {
        "return ('a'):match('a')", "return ('a'):gsub('a', 'b')", "return ('a'):gmatch('a')",
        "return string.find('abc', 'b', 1, true)",
    };
    for (size_t i = 0; i < sizeof after / sizeof after[0]; i++) {
        int64_t used = b.used;
        CHECK_INT(run_budget(L, &b, 0, after[i]), LUA_ERRRUN);
        CHECK_HAS(lua_tostring(L, -1), "pattern too complex (work limit exceeded)");
        CHECK(b.used - used < 10); /* failed at once, no matching done */
    }

    /* an iterator made while within budget checks it again on every call */
    CHECK_INT(run_budget(L, &b, 100000, "it = ('abc'):gmatch('.') return it()"), LUA_OK);
    CHECK_STR(lua_tostring(L, -1), "a");
    b.exceeded = 1;
    CHECK_INT(run_budget(L, &b, 0, "return it()"), LUA_ERRRUN);
    CHECK_HAS(lua_tostring(L, -1), "budget:1: string.gmatch: pattern too complex (work limit exceeded)");
    CHECK_INT(run_budget(L, &b, 100000, "return it(), it(), it()"), LUA_OK);
    CHECK_STR(lua_tostring(L, 1), "b");
    CHECK_STR(lua_tostring(L, 2), "c");
    CHECK_INT(lua_gettop(L), 2); /* the exhausted iterator returns nothing */
    lua_close(L);
}

static void test_budget_deep_recursion(void)
{
    static const char *const deep[] = {
        "return ('a'):rep(5000):find(('a?'):rep(5000))",
        "return ('ab'):rep(5000):match(('a*b'):rep(3000))",
        "return ('a'):rep(5000):match(('a-'):rep(3000) .. '$')",
        "return ('a'):rep(5000):gsub(('(a?)'):rep(1000), '')",
        "return ('a'):rep(500):find(('()'):rep(500))",
        "for x in ('a'):rep(5000):gmatch(('.?'):rep(3000)) do end",
    };
    lh_budget b;
    lua_State *L = new_state(&b);
    for (size_t i = 0; i < sizeof deep / sizeof deep[0]; i++) {
        CHECK_INT(run_budget(L, &b, BIG_LIMIT, deep[i]), LUA_ERRRUN);
        const char *msg = lua_tostring(L, -1);
        if (!msg || !strstr(msg, "too"))
            fprintf(stderr, "  no error: %s\n", deep[i]);
        CHECK(msg && (strstr(msg, "pattern too complex") || strstr(msg, "too many captures")));
    }
    lua_close(L);
}

/* Prints figures for the report; the only checks are loose sanity bounds. */
static void test_throughput(void)
{
    const char *bench =
        "local s = ('lorem ipsum dolor sit amet, 0123456789 '):rep(26):sub(1, 1024) "
        "local t0 = os.clock() for i = 1, 2000 do s:gsub('%w+', '<%0>') end "
        "return (os.clock() - t0) / 2000 * 1e9";
    lh_budget b;
    lua_State *ref = new_state(NULL), *ours = new_state(&b);
    CHECK_INT(run_budget(ref, &b, BIG_LIMIT, bench), LUA_OK);
    double stock_ns = lua_tonumber(ref, -1);
    CHECK_INT(run_budget(ours, &b, BIG_LIMIT, bench), LUA_OK);
    double ours_ns = lua_tonumber(ours, -1);
    fprintf(stderr, "  gsub('%%w+', '<%%0>') on 1 KB: stock %.0f ns/call, budgeted %.0f ns/call (%.2fx), %lld units/call\n",
            stock_ns, ours_ns, ours_ns / stock_ns, (long long)(b.used / 2000));
    CHECK(ours_ns > 0 && ours_ns < stock_ns * 20);
    lua_close(ref);
    lua_close(ours);
}

int main(int argc, char **argv)
{
    static const check_case cases[] = {
        {"differential_corpus", test_differential_corpus},
        {"differential_random", test_differential_random},
        {"error_messages", test_error_messages},
        {"budget_catastrophic", test_budget_catastrophic},
        {"budget_ordinary_and_sticky", test_budget_ordinary_and_sticky},
        {"budget_deep_recursion", test_budget_deep_recursion},
        {"throughput", test_throughput},
        {NULL, NULL},
    };
    return check_main(argc, argv, cases);
}
