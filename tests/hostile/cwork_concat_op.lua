-- expect: budget exceeded
-- mode: check
-- The .. operator on two 8 MB strings, result thrown away, repeated.
local a = ("x"):rep(8 * 1024 * 1024)
for i = 1, 1e9 do local s = a .. a end
