-- expect: finalizer did not run
-- mode: check
-- __gc provided through the metatable's own __index: not a raw field,
-- so it is neither refused nor run.
local t = setmetatable({}, setmetatable({}, {
    __index = { __gc = function() while true do end end } }))
t = nil
for i = 1, 200000 do local x = { i } end
error("finalizer did not run")
