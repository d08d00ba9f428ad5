-- expect: instruction budget exceeded
-- mode: check
-- The budget is sticky: a pcall can catch the budget error but the loop
-- around it must not get to carry on.
local function spin() while true do end end
local caught = 0
while true do
    local ok = pcall(spin)
    if not ok then caught = caught + 1 end
end
