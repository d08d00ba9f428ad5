-- expect: string.gmatch: pattern too complex (work limit exceeded)
-- mode: check
-- Backtracking at every start position of a gmatch loop.
local s = ("a"):rep(5000)
for m in s:gmatch("a*a*a*a*b") do end
