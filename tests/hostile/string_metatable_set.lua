-- expect: bad argument #1 to 'setmetatable' (table expected, got string)
-- mode: check
setmetatable("", { __index = { open = function() end } })
