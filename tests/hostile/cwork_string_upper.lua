-- expect: budget exceeded
-- mode: check
-- string.upper over 16 MB, again and again.
local s = ("x"):rep(16 * 1024 * 1024)
for i = 1, 1e9 do local u = s:upper() end
