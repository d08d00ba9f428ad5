-- expect: instruction budget exceeded
-- mode: check
-- Arithmetic on a 4 MB numeric string converts all of it each time.
local s = ("1"):rep(4 * 1024 * 1024)
local x
for i = 1, 1e8 do x = s + 0 end
