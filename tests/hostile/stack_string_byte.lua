-- expect: string slice too long
-- mode: check
-- string.byte of every byte of an 8 MB string: more values than the stack holds.
local s = ("x"):rep(8 * 1024 * 1024)
local b = s:byte(1, -1)
