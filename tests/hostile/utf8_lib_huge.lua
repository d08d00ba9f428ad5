-- expect: budget exceeded
-- mode: check
-- utf8.len over 16 MB, again and again: the C loop does 16 million steps
-- per call while the budget sees a handful of instructions.
local s = ("\u{10FFFF}"):rep(4 * 1024 * 1024)
for i = 1, 1e9 do local n = utf8.len(s) end
