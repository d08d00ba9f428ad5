-- expect: __index would lead back to the table itself (a loop)
-- mode: check
-- A metatable that is its own __index and its own metatable: each missing
-- key walked 2,000 steps before Lua gave up.
local mt = {}
mt.__index = mt
setmetatable(mt, mt)
for i = 1, 1e8 do pcall(function() return mt.missing end) end
