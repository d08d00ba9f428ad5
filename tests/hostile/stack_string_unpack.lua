-- expect: too many results
-- mode: check
-- string.unpack with a format of a million items.
local fmt = ("b"):rep(1000000)
local data = ("x"):rep(1000000)
local v = string.unpack(fmt, data)
