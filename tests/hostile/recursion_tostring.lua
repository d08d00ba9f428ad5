-- expect: C stack overflow
-- mode: check
-- __tostring that calls tostring on itself.
local t = setmetatable({}, {})
getmetatable(t).__tostring = function(self) return tostring(self) end
local s = tostring(t)
