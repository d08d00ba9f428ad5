-- expect: budget exceeded
-- mode: check
-- string.sub copying 16 MB, again and again.
local s = ("x"):rep(16 * 1024 * 1024)
for i = 1, 1e9 do local t = s:sub(2) end
