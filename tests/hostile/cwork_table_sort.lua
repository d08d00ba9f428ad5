-- expect: budget exceeded
-- mode: check
-- table.sort of a million numbers (no comparator: all in C), repeatedly.
local t = {}
for i = 1, 1e6 do t[i] = (i * 7919) % 1000003 end
for i = 1, 1e9 do table.sort(t) end
