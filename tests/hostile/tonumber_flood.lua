-- expect: instruction budget exceeded
-- mode: check
local s = ("1"):rep(4 * 1024 * 1024)
for i = 1, 1e8 do local x = tonumber(s, 10) end
