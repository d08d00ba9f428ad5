-- expect: instruction budget exceeded
-- mode: check
-- A __len of maxinteger: the charge saturates instead of overflowing.
local t = setmetatable({}, {__len = function() return math.maxinteger end})
table.insert(t, 1, "x")
