-- expect: too many arguments to resume
-- mode: check
-- coroutine.wrap with about 520,000 arguments goes through the same copy.
local t = {}
for i = 1, 520000 do t[i] = i end
local f = coroutine.wrap(function(...) return select("#", ...) end)
f(table.unpack(t))
