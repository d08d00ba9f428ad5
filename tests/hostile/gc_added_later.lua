-- expect: finalizer did not run
-- mode: check
-- __gc added after setmetatable: Lua never marks the object, so the
-- looping finalizer must never run (not even when the state closes).
local mt = {}
local t = setmetatable({}, mt)
mt.__gc = function() while true do end end
t = nil
for i = 1, 200000 do local x = { i } end
error("finalizer did not run")
