-- expect: instruction budget exceeded
-- mode: check
-- The message handler of xpcall loops forever. Message handlers run at the
-- point of the error, before the stack unwinds.
xpcall(error, function() while true do end end)
error("the handler's endless loop was not stopped")
