-- expect: attempt to call a table value
-- mode: check
-- The same chain closed after setmetatable returned: the metatable in
-- force is a sealed copy, so the change does not reach it.
local mt = {}
local t = setmetatable({}, mt)
mt.__call = t
t()
