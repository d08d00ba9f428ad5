-- expect: in a repeatable order
-- repeat: 3
-- mode: check
-- pairs over a table whose keys are tables: the engine sorts numbers and
-- strings, but the order of other keys must not depend on addresses.
local t = {}
for i = 1, 20 do t[{ name = "t" .. i }] = i end
local order = {}
for k in pairs(t) do order[#order + 1] = k.name end
error("order: " .. table.concat(order, " "))
