-- expect: budget exceeded
-- mode: check
-- table.concat of a million short strings, again and again.
local t = {}
for i = 1, 1000000 do t[i] = "ab" end
for i = 1, 1e9 do local s = table.concat(t, ",") end
