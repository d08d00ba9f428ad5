-- expect: string.rep: a result of 1099511627776 bytes is over the limit
-- expect: rep_huge.lua:4: error:
-- mode: check
local s = string.rep("x", 2 ^ 40)
