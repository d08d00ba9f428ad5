-- expect: budget exceeded
-- mode: check
-- Comparing two distinct 16 MB strings that differ in the last byte.
local a = ("x"):rep(16 * 1024 * 1024 - 1) .. "a"
local b = ("x"):rep(16 * 1024 * 1024 - 1) .. "b"
for i = 1, 1e9 do local same = (a == b) end
