-- expect: stack overflow
-- mode: check
-- __eq that compares with == again: recursion through a metamethod.
local mt = {}
mt.__eq = function(a, b) return a == b end
local x, y = setmetatable({}, mt), setmetatable({}, mt)
local same = x == y
