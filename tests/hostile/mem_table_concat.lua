-- expect: memory limit exceeded
-- mode: check
-- table.concat of a huge table: the result would be ~80 MB.
local t = {}
for i = 1, 3e6 do t[i] = "abcdefghijklmnopqrstuvwxyz" end
local s = table.concat(t)
