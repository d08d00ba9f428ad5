-- expect: instruction budget exceeded
-- mode: check
-- next(t, k) on a table emptied after k: each call skipped every removed
-- key in C, for free.
local t = {}
for i = 1, 200000 do t[i] = true end
local k1 = next(t)
for k in pairs(t) do t[k] = nil end
for i = 1, 1e7 do next(t, k1) end
