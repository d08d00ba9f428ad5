-- expect: instruction budget exceeded
-- mode: check
-- string.format("%s") calls __tostring, which loops.
local s = string.format("%s", setmetatable({}, { __tostring = function() while true do end end }))
