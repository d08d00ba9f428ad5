-- expect: __call must be a function, not a table
-- mode: check
-- Two tables calling each other through __call.
local a, b = {}, {}
setmetatable(b, {__call = a})
setmetatable(a, {__call = b})
a()
