-- expect: attempt to call a nil value (global 'load')
-- mode: check
local f = load("return io")
