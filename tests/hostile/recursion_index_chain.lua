-- expect: this table is already the __index of another metatable
-- mode: check
-- Two tables that are each other's __index.
local a, b = {}, {}
setmetatable(a, { __index = b })
setmetatable(b, { __index = a })
local x = a.missing
