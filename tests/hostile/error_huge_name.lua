-- expect: bad argument #1 to 'rep' (string expected, got xxxx
-- mode: check
-- A megabyte-long __name shows up in Lua's own type errors.
local t = setmetatable({}, { __name = ("x"):rep(1024 * 1024) })
local s = string.rep(t, 2)
