-- expect: error object is a table value
-- mode: check
-- An error object whose __tostring loops: reporting the error must not
-- call it.
error(setmetatable({}, { __tostring = function() while true do end end }))
