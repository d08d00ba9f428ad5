-- expect: too many arguments to resume
-- mode: check
-- coroutine.resume with about 520,000 arguments: the guarded resume copies
-- them once more, and must check the stack first (it used to write past it).
local t = {}
for i = 1, 520000 do t[i] = i end
local co = coroutine.create(function(...) return select("#", ...) end)
coroutine.resume(co, table.unpack(t))
