-- expect: string.find: pattern too complex (work limit exceeded)
-- mode: check
-- Plain find over 16 MB, again and again: charged per byte.
local s = ("a"):rep(16 * 1000 * 1000)
for i = 1, 1e9 do s:find("b", 1, true) end
