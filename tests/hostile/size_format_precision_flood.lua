-- expect: instruction budget exceeded
-- mode: check
-- "%99.99f" of 1e308 writes about 400 bytes per conversion.
local fmt = ("%99.99f"):rep(20000)
local args = {}
for i = 1, 20000 do args[i] = 1e308 end
for i = 1, 1e9 do local s = string.format(fmt, table.unpack(args)) end
