-- expect: '__tostring' must return a string
-- mode: check
local s = tostring(setmetatable({}, { __tostring = function() return {} end }))
