-- expect: __call must be a function, not a table
-- mode: check
-- A table whose __call is itself: Lua 5.4.4 follows the chain for ever,
-- running no instruction, so no budget could stop it.
local t = {}
setmetatable(t, {__call = t})
t()
