-- expect: order: 1 2 3 k1 k10 k11 k2 k20 k3
-- repeat: 3
-- mode: check
-- The positive control: pairs sorts numbers, then strings.
local t = { [3] = 1, [1] = 1, [2] = 1 }
for _, k in ipairs({ "k20", "k3", "k1", "k11", "k2", "k10" }) do t[k] = 1 end
local order = {}
for k in pairs(t) do order[#order + 1] = tostring(k) end
error("order: " .. table.concat(order, " "))
