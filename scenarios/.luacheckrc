-- luacheck settings for Bulkhead scenarios: `luacheck --config .luacheckrc .`
-- from this folder. The globals are the sandbox's: the declarations, include,
-- and the libraries the engine allows (string, table, math, utf8,
-- coroutine). io, os, debug, require, load and dofile do not exist there, so
-- luacheck reports them as undefined too.
std = "lua54"
not_globals = {"io", "os", "debug", "require", "load", "loadfile", "dofile",
               "collectgarbage", "package"}
read_globals = {
    "scenario", "meter", "system", "team", "reference", "inject", "action",
    "decision", "ending", "cut", "objective", "every", "include",
}
max_line_length = false   -- scenario texts are long strings
-- Hooks take `w` whether or not they use it; that is the API's shape.
unused_args = false
