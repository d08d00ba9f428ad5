-- expect: instruction budget exceeded
-- mode: check
-- A metatable on _G whose __index loops: every unknown global hangs.
setmetatable(_G, { __index = function(t, k) while true do end end })
local x = no_such_global
