-- expect: instruction budget exceeded
-- mode: check
-- A __len that answers 1 when asked first and 2^40 after: table.insert
-- asked twice (once for the charge, once to loop) and shifted 2^40
-- elements in C. It asks once now, and pays for what it shifts.
local calls = 0
local t = setmetatable({}, { __len = function()
    calls = calls + 1
    if calls == 1 then return 1 end
    return 1 << 40
end })
for i = 1, 1e9 do table.insert(t, 1, "x") end
