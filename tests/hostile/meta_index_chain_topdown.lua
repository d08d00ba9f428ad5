-- expect: this table is already the __index of another metatable
-- mode: check
-- A chain of 1,990 tables, each the __index of the one before, built from
-- the top: every t.x walked it in C (Lua allows 2,000 steps).
local t = {}
local head = t
for i = 1, 1990 do
    local nxt = {}
    setmetatable(t, { __index = nxt })
    t = nxt
end
local x
for i = 1, 1e8 do x = head.x end
