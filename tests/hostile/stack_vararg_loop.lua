-- expect: instruction budget exceeded
-- mode: check
-- A function holding 300,000 extra arguments passes them on in a loop.
local t = {}
for i = 1, 300000 do t[i] = i end
local function sink(...) end
local function pass(...)
    for i = 1, 1e9 do sink(...) end
end
pass(table.unpack(t))
