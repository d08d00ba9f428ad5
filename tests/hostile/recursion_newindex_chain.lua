-- expect: '__newindex' chain too long
-- mode: check
local a, b = {}, {}
setmetatable(a, { __newindex = b })
setmetatable(b, { __newindex = a })
a.x = 1
