-- expect: __index chains may be at most 10 tables deep
-- mode: check
-- The same chain built from the bottom: each new table points at the last.
local bottom = {}
for i = 1, 1990 do bottom = setmetatable({}, { __index = bottom }) end
local x
for i = 1, 1e8 do x = bottom.x end
