-- expect: __gc metamethods are not allowed in scenarios
-- expect: gc_refused.lua:5: error:
-- mode: check
-- A finalizer would run with hooks off, outside any budget.
setmetatable({}, { __gc = function() while true do end end })
