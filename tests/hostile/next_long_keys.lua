-- expect: instruction budget exceeded
-- mode: check
-- 10,000 string keys that share a 4,000-byte prefix: sorting them for a
-- traversal compares the prefix every time.
local prefix = ("p"):rep(4000)
local t = {}
for i = 1, 10000 do t[prefix .. i] = true end
for i = 1, 1e6 do next(t) end
