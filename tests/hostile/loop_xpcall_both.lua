-- expect: instruction budget exceeded
-- mode: check
-- The body exceeds the budget, and the message handler that Lua then calls
-- for the budget error loops forever too.
xpcall(function() while true do end end, function() while true do end end)
error("the handler's endless loop was not stopped")
