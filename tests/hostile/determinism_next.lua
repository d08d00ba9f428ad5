-- expect: determinism_next.lua:11: error:
-- repeat: 3
-- mode: check
-- next() walks a table in hash order, and Lua seeds its string hashes
-- afresh in every run; a scenario that uses next must still replay
-- identically.
local t = {}
for i = 1, 20 do t["k" .. i] = i end
local order = {}
for k in next, t do order[#order + 1] = k end
error("order: " .. table.concat(order, " "))
