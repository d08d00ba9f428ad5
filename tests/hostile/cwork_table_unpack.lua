-- expect: budget exceeded
-- mode: check
-- table.unpack of 100000 values, again and again.
local t = {}
for i = 1, 1e5 do t[i] = i end
for i = 1, 1e9 do local n = select("#", table.unpack(t)) end
