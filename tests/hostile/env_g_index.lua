-- expect: attempt to index a nil value (field 'io')
-- mode: check
-- _G._G._G... and rawget all end at the same sandboxed table.
local g = _G._G._G
local io = rawget(g, "io") or rawget(_ENV, "io")
local f = g.io.open("/etc/passwd")
