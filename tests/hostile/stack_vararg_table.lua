-- expect: budget exceeded
-- mode: check
-- {...} of 300,000 values, again and again.
local t = {}
for i = 1, 300000 do t[i] = i end
local function again(...)
    for i = 1, 1e9 do local c = {...} end
end
again(table.unpack(t))
