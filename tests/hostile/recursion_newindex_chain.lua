-- expect: this table is already the __newindex of another metatable
-- mode: check
local a, b = {}, {}
setmetatable(a, { __newindex = b })
setmetatable(b, { __newindex = a })
a.x = 1
