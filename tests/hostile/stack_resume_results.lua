-- expect: budget exceeded
-- mode: check
-- A coroutine yielding 400,000 values, again and again: the values cross
-- the threads in C; the unpack that makes them is charged each time.
local t = {}
for i = 1, 400000 do t[i] = i end
local co = coroutine.wrap(function() while true do coroutine.yield(table.unpack(t)) end end)
for i = 1, 1e9 do co() end
