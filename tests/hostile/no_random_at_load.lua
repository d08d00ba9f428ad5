-- expect: math.random cannot be used while the scenario loads
-- mode: check
local r = math.random(6)
