-- expect: instruction budget exceeded
-- mode: check
-- A coroutine runs out of budget; coroutine.wrap then closes it, which
-- runs its __close handler, which loops forever.
local f = coroutine.wrap(function()
    local guard <close> = setmetatable({}, { __close = function() while true do end end })
    while true do end
end)
f()
