-- expect: string.match: pattern too complex (work limit exceeded)
-- expect: pattern_backtrack.lua:6: error:
-- mode: check
-- Catastrophic backtracking: 40 greedy items over 40 a's, then no b.
local s = ("a"):rep(40)
local r = s:match(("a*"):rep(40) .. "b")
