-- expect: attempt to index a boolean value
-- expect: string_metatable.lua:5: error:
-- mode: check
-- The string metatable is hidden: getmetatable("") is false.
local index = getmetatable("").__index
