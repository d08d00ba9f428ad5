-- expect: stack overflow
-- mode: check
-- __concat that concatenates again.
local mt = {}
mt.__concat = function(a, b) return a .. b end
local x = setmetatable({}, mt)
local s = x .. "y"
