-- expect: attempt to index a nil value (global 'io')
-- expect: no_io.lua:4: error:
-- mode: check
local f = io.open("/etc/passwd")
