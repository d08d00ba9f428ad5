-- expect: __newindex chains may be at most 10 tables deep
-- mode: check
local bottom = {}
for i = 1, 1990 do bottom = setmetatable({}, { __newindex = bottom }) end
for i = 1, 1e8 do bottom.x = i end
