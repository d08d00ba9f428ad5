-- expect: C stack overflow
-- mode: check
-- Recursion through a metamethod: __add adds again.
local mt = {}
mt.__add = function(a, b) return a + b end
local x = setmetatable({}, mt) + 1
