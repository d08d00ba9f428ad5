-- expect: exceeded
-- reject: survived
-- mode: check
-- The heap filled to the cap, then allocations that fail under pcall
-- again and again: each failure makes Lua collect the whole heap.
local keep = {}
pcall(function() while true do keep[#keep + 1] = {} end end)
for i = 1, 1e8 do pcall(string.rep, "x", 100) end
error("survived")
