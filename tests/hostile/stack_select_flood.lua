-- expect: instruction budget exceeded
-- mode: check
-- select("#", ...) on 300,000 values in a loop: each call copies them all.
local t = {}
for i = 1, 300000 do t[i] = i end
local function count(...)
    local n = 0
    for i = 1, 1e9 do n = n + select("#", ...) end
    return n
end
count(table.unpack(t))
