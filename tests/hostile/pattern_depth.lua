-- expect: pattern too complex
-- mode: check
-- 300 optional items: recursion deeper than the matcher allows.
local s = ("a"):rep(300)
local r = s:match(("a?"):rep(300))
