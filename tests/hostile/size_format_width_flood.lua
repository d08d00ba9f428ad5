-- expect: instruction budget exceeded
-- mode: check
-- "%99d" turns four bytes of format into 99 of output: a flood of them.
local fmt = ("%99d"):rep(100000)
local args = {}
for i = 1, 100000 do args[i] = i end
for i = 1, 1e9 do local s = string.format(fmt, table.unpack(args)) end
