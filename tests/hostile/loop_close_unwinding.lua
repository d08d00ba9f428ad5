-- expect: instruction budget exceeded (50 million
-- mode: check
-- The budget runs out, and while the stack unwinds a __close handler loops
-- forever, and another one raises a fresh error.
local a <close> = setmetatable({}, { __close = function() while true do end end })
local b <close> = setmetatable({}, { __close = function() error("from __close") end })
while true do end
