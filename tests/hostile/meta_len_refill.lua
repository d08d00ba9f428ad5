-- expect: instruction budget exceeded (50 million instructions in one call)
-- mode: check
-- A __len of -2^62 made table.insert's up-front charge negative, which
-- refilled the budget; then an endless loop ran on the refill.
local t = setmetatable({}, {__len = function() return math.mininteger // 2 end})
pcall(table.insert, t, 1, "x")
local n = 0
while true do n = n + 1 end
