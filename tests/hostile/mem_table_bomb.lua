-- expect: mem_table_bomb.lua:7: error: memory limit exceeded
-- mode: check
-- A table that grows until the 64 MiB cap.
local t = {}
local i = 0
while true do
    i = i + 1; t[i] = i
end
