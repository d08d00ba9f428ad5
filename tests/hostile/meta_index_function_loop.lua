-- expect: instruction budget exceeded
-- mode: check
-- An __index function that loops: instructions, so the count stops it.
local t = setmetatable({}, {__index = function(t, k) while true do end end})
local v = t.x
